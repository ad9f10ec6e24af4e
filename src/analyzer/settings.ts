/**
 * What the analyzer takes from content/analyzer.yaml (thresholds, finding titles, where each
 * finding leads in the troubleshooter) and from content/codes.yaml (where each SIP code leads).
 * The build compiles these into plain data; the analyzer never reads content files itself.
 */

/** Every kind of finding, in the order a report lists them. */
export const FINDING_IDS = [
  'final-response',
  'retransmissions',
  'no-audio',
  'one-way-audio',
  'media-address-mismatch',
  'codec-mismatch',
  'packet-loss',
  'high-jitter',
  'short-duration-calls',
  'call-rate-burst',
] as const;

export type FindingId = (typeof FINDING_IDS)[number];

/** The numbers that decide when something counts as a problem. */
export interface Thresholds {
  /** A stream losing more than this share of its packets (percent) is a problem. */
  packetLossPercent: number;
  /** A stream whose mean or max jitter exceeds this (ms) is a problem. */
  jitterMs: number;
  /** Streams with fewer packets are too short to judge loss and jitter. */
  minStreamPackets: number;
  /** Answered calls shorter than this (s) are not judged for missing audio. */
  mediaGraceSeconds: number;
  /** An answered call shorter than this (s) is short. */
  shortCallSeconds: number;
  /** At least this many short calls … */
  shortCallsMin: number;
  /** … making up at least this share (0–1) of the answered calls, make a finding. */
  shortCallsShare: number;
  /** An INVITE sent this many times or more without any answer is a finding. */
  retransmissionsMin: number;
  /** A second with at least this many new calls is a peak. */
  burstCallsPerSecond: number;
}

/** Where a finding or a code leads in the troubleshooter. */
export interface Destination {
  /** Wizard path of answer ids, like '/broken-audio/one-way' ('/' is the start). */
  path: string;
  /** The node that path reaches, like 'one-way-audio'. */
  nodeId: string;
  /** That node's title. */
  title: string;
}

export interface AnalyzerSettings {
  thresholds: Thresholds;
  /** Title of each kind of finding, and where it leads (final-response leads by its code). */
  findings: Record<FindingId, { title: string; leadsTo?: Destination }>;
  /** Where each known SIP code leads, by code ('503', '603+'). */
  codes: Record<string, Destination & { phrase: string }>;
  /** Where codes without their own entry lead, by class digit ('4'). */
  classes: Record<string, Destination & { name: string }>;
}
