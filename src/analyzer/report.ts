import type { AnalyzerWarning } from './types.ts';
import type { FindingId } from './settings.ts';

/**
 * The analyzer's result: what the page shows and what `call-troubleshooter analyze --json` prints.
 * docs/analyzer.md documents every field; keep the two in step.
 */
export interface AnalysisReport {
  /** Always this string: what the document is. */
  format: 'call-troubleshooter/capture-analysis';
  version: 1;
  files: FileReport[];
  calls: CallReport[];
  rtpStreams: StreamReport[];
  findings: Finding[];
  /** Calls started per second and calls in progress, over the whole capture. */
  load: LoadReport;
}

export interface FileReport {
  name: string;
  /** What the file was read as. */
  format: 'pcap' | 'pcapng' | 'text';
  bytes: number;
  /** Packets (frames) in the capture, or SIP messages in a text log. */
  frames: number;
  sipMessages: number;
  /** First and last packet time, ISO 8601 UTC with milliseconds; null when there were none. */
  firstPacket: string | null;
  lastPacket: string | null;
  /** Whatever was read around; the results are partial when one says so. */
  warnings: AnalyzerWarning[];
}

export interface CallReport {
  callId: string;
  /** user@host of the first INVITE's From and To. */
  from: string;
  to: string;
  /** When the first INVITE was sent, ISO 8601 UTC with milliseconds; null for a text log without times. */
  start: string | null;
  /** First INVITE to the end of the call (BYE, or the final failure); null when no end was seen. */
  durationMs: number | null;
  answered: boolean;
  /** Answer to end (BYE); null when unanswered or no end was seen. */
  talkMs: number | null;
  /** The final response to the INVITE; null when none was seen. */
  finalStatus: number | null;
  finalPhrase: string | null;
  /** First Reason header of the final response, else of the BYE or CANCEL that ended the call. */
  reason: { protocol: string; cause: number; text: string | null } | null;
  /** Who hung up an answered call. */
  endedBy: 'caller' | 'callee' | null;
  /** Times the INVITE was sent again before any reply. */
  inviteRetransmissions: number;
  /** Where the call came from and went to (signalling). */
  caller: string;
  callee: string;
  /** File (index into files) and frame of the first INVITE. */
  file: number;
  firstFrame: number;
  /** The call's messages in order, for a ladder diagram. */
  messages: LadderMessage[];
}

export interface LadderMessage {
  frame: number;
  /** ISO 8601 UTC with milliseconds; null for a text log without times. */
  time: string | null;
  /** 'ip:port' ('[v6]:port'); '' when a text log doesn't say. */
  src: string;
  dst: string;
  /** 'INVITE', '200 OK', … */
  label: string;
  sdp: boolean;
  retransmission: boolean;
}

/** One RTP stream, with the columns of Wireshark's RTP Streams table. */
export interface StreamReport {
  /** 'ip:port' ('[v6]:port'). */
  src: string;
  dst: string;
  /** '0x' and 8 hex digits, like Wireshark shows it. */
  ssrc: string;
  payloadType: number;
  /** Codec name from the SDP or the static table, like 'PCMU'; null when unknown. */
  codec: string | null;
  packets: number;
  lost: number;
  lostPercent: number;
  minDeltaMs: number;
  meanDeltaMs: number;
  maxDeltaMs: number;
  minJitterMs: number;
  meanJitterMs: number;
  maxJitterMs: number;
  /** ISO 8601 UTC with milliseconds. */
  start: string;
  end: string;
  file: number;
  firstFrame: number;
  /** Call-ID of the call whose SDP announced it, when one did. */
  callId: string | null;
  /** Per second (or coarser for long streams): packets, lost, highest jitter. */
  series: { offsetSec: number; packets: number; lost: number; jitterMs: number }[];
}

export interface Evidence {
  /** Index into files. */
  file: number;
  frame?: number;
  /** ISO 8601 UTC with milliseconds. */
  time?: string;
  /** One line of what was seen, like 'SIP/2.0 503 Service Unavailable to 10.0.0.1:5060'. */
  detail: string;
}

export interface Finding {
  id: FindingId;
  /** The troubleshooter step it points to (a content node id), like 'one-way-audio'. */
  outcome: string;
  /** The wizard path to that step, with the answers filled in, like '/broken-audio/one-way'. */
  path: string;
  /** The step's title. */
  outcomeTitle: string;
  title: string;
  /** One or two plain sentences with the numbers. */
  summary: string;
  /** What was seen, frame by frame (at most 50 lines; `moreEvidence` counts the rest). */
  evidence: Evidence[];
  moreEvidence: number;
  /** Call-IDs involved. */
  callIds: string[];
  /** SIP codes involved, for a support request. */
  codes: number[];
}

export interface LoadReport {
  /** Seconds (from the first call) with how many calls started and how many of those failed. */
  perSecond: { offsetSec: number; started: number; failed: number; concurrent: number }[];
  peakCallsPerSecond: number;
  peakConcurrent: number;
}
