import type { AnalysisReport, CallReport, Evidence, Finding } from '@/analyzer/report';
import { LIMITS, type TicketDraft } from '@/engine/ticket/model';
import { reasonHeader, wallClock } from './format';

/** Evidence lines copied into the description, at most. */
const EVIDENCE_LINES = 8;

const PHONE = /^\+?\d{6,15}$/;

export interface PrefillOptions {
  /** IANA zone the person reads times in; the call times are written in it. */
  timeZone: string;
  /** Country for numbers without a country code (the draft's, or the configured default). */
  country: string;
}

/**
 * A support request about one finding: its diagnosis, numbers, call times, codes and what the
 * capture showed, so the person only has to check and send. Never invents anything: a field the
 * capture can't fill stays as a blank draft leaves it.
 */
export function prefillDraft(
  finding: Finding,
  report: AnalysisReport,
  { timeZone, country }: PrefillOptions,
): TicketDraft {
  const calls = callsOf(finding, report);
  const first = calls[0];
  const destinations = distinct(calls.map((call) => phoneUser(call.to)).filter(Boolean));
  const timestamps = distinct(
    calls.map((call) => wallClock(call.start, { timeZone, seconds: true })).filter(Boolean),
  );
  return {
    trail: finding.path.split('/').filter((segment) => segment !== ''),
    country,
    origin: first ? phoneUser(first.from) : '',
    destinations: atLeastOne(destinations.slice(0, LIMITS.rows)),
    timestamps: atLeastOne(timestamps.slice(0, LIMITS.rows)),
    timeZone,
    codes: finding.codes.length > 0 ? finding.codes.join(', ') : null,
    errorText: upTo(LIMITS.errorText, distinct(calls.flatMap(errorLine))),
    frequency: null,
    product: null,
    description: description(finding, report, calls, timeZone),
  };
}

/** The finding's calls, in the finding's order. */
function callsOf(finding: Finding, report: AnalysisReport): CallReport[] {
  const byId = new Map<string, CallReport>();
  for (const call of report.calls) if (!byId.has(call.callId)) byId.set(call.callId, call);
  return finding.callIds.flatMap((id) => byId.get(id) ?? []);
}

/**
 * The user part of `user@host` when it is a phone number (6 to 15 digits, maybe a leading +);
 * otherwise '' (a name, an extension, an address).
 */
export function phoneUser(address: string): string {
  const at = address.lastIndexOf('@');
  const user = (at === -1 ? address : address.slice(0, at)).split(';')[0]?.trim() ?? '';
  return PHONE.test(user) ? user : '';
}

/** "503 Service Unavailable; Reason: Q.850;cause=34;text=…" for a call that was refused. */
function errorLine(call: CallReport): string[] {
  if (call.answered || call.finalStatus === null || call.finalStatus < 300) return [];
  const status = [String(call.finalStatus), call.finalPhrase].filter(Boolean).join(' ');
  return [call.reason ? `${status}; Reason: ${reasonHeader(call.reason)}` : status];
}

function description(
  finding: Finding,
  report: AnalysisReport,
  calls: readonly CallReport[],
  timeZone: string,
): string {
  // The files the finding is about, when it says; else all that were read.
  const indices = new Set([...finding.evidence.map((e) => e.file), ...calls.map((c) => c.file)]);
  const about = report.files.filter((_file, index) => indices.has(index));
  const files = about.length > 0 ? about : report.files;
  const names = files.map((file) => file.name).join(', ');
  const source = files.every((file) => file.format === 'text')
    ? `the SIP messages in ${names}`
    : `the capture ${names}`;
  const head = `Read from ${source} by the troubleshooter: ${finding.summary}`;
  const lines = finding.evidence
    .slice(0, EVIDENCE_LINES)
    .map((evidence) => `- ${evidenceLine(evidence, timeZone)}`);
  const text = upTo(LIMITS.description, [head, ...lines]);
  // A summary longer than the whole field still gives what fits.
  return text === '' ? `${head.slice(0, LIMITS.description - 1)}…` : text;
}

/** "frame 12, 2026-11-24 14:05:00.123: SIP/2.0 503 Service Unavailable to 10.0.0.1:5060". */
function evidenceLine(evidence: Evidence, timeZone: string): string {
  const where = [
    evidence.frame === undefined ? '' : `frame ${evidence.frame}`,
    evidence.time === undefined ? '' : wallClock(evidence.time, { timeZone }),
  ]
    .filter(Boolean)
    .join(', ');
  return where === '' ? evidence.detail : `${where}: ${evidence.detail}`;
}

/** Whole lines, joined by newlines, as many as fit in `limit` characters. */
function upTo(limit: number, lines: readonly string[]): string {
  let text = '';
  for (const line of lines) {
    const next = text === '' ? line : `${text}\n${line}`;
    if (next.length > limit) break;
    text = next;
  }
  return text;
}

function distinct(values: readonly string[]): string[] {
  return [...new Set(values)];
}

function atLeastOne(rows: string[]): string[] {
  return rows.length > 0 ? rows : [''];
}
