import type { AnalysisReport } from '@/analyzer/report';

/** Where the last report of this tab is kept, so a reload shows it again. */
export const SAVED_REPORT_KEY = 'call-troubleshooter:analysis';

/** Reports bigger than this (as JSON) stay in memory only: session storage holds about 5 MB. */
export const MAX_SAVED_CHARS = 3 * 1024 * 1024;

export type SavedReading =
  { kind: 'none' } | { kind: 'report'; report: AnalysisReport } | { kind: 'unreadable' };

/**
 * Reads back a saved report. It was written by this app, but storage is outside its control (an
 * older version, an extension, a hand edit): anything that isn't a report of this format and
 * version, with lists where the page expects lists, is unreadable.
 */
export function readSavedReport(raw: string | null): SavedReading {
  if (raw === null) return { kind: 'none' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return { kind: 'unreadable' };
  }
  return isReport(parsed) ? { kind: 'report', report: parsed } : { kind: 'unreadable' };
}

/** The report as JSON for storage, or undefined when it is too big to keep there. */
export function savedReportText(report: AnalysisReport): string | undefined {
  const text = JSON.stringify(report);
  return text.length <= MAX_SAVED_CHARS ? text : undefined;
}

type Check = (value: unknown) => boolean;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isString: Check = (value) => typeof value === 'string';
const isNumber: Check = (value) => typeof value === 'number' && Number.isFinite(value);

/** An object whose named fields pass their checks (other fields are left alone). */
const shape =
  (fields: Record<string, Check>): Check =>
  (value) =>
    isObject(value) && Object.entries(fields).every(([key, check]) => check(value[key]));

const listOf =
  (check: Check): Check =>
  (value) =>
    Array.isArray(value) && value.every(check);

const isFile = shape({
  name: isString,
  format: isString,
  frames: isNumber,
  sipMessages: isNumber,
  warnings: listOf(shape({ message: isString })),
});

const isMessage = shape({ time: isString, src: isString, dst: isString, label: isString });

const isCall = shape({
  callId: isString,
  from: isString,
  to: isString,
  start: isString,
  messages: listOf(isMessage),
});

const isStream = shape({
  src: isString,
  dst: isString,
  ssrc: isString,
  packets: isNumber,
  series: listOf(shape({ offsetSec: isNumber, packets: isNumber, lost: isNumber })),
});

const isFinding = shape({
  id: isString,
  path: isString,
  outcomeTitle: isString,
  title: isString,
  summary: isString,
  evidence: listOf(shape({ file: isNumber, detail: isString })),
  callIds: listOf(isString),
  codes: listOf(isNumber),
});

const isLoad = shape({
  perSecond: listOf(shape({ offsetSec: isNumber, started: isNumber, failed: isNumber })),
});

function isReport(value: unknown): value is AnalysisReport {
  return (
    isObject(value) &&
    value.format === 'call-troubleshooter/capture-analysis' &&
    value.version === 1 &&
    listOf(isFile)(value.files) &&
    listOf(isCall)(value.calls) &&
    listOf(isStream)(value.rtpStreams) &&
    listOf(isFinding)(value.findings) &&
    isLoad(value.load)
  );
}

/**
 * This tab's session storage when the browser allows it. Storage can throw (blocked storage in a
 * frame, private modes, a full quota): then the report is simply kept in memory only.
 */
export const tabStorage = {
  read(): string | null {
    try {
      return sessionStorage.getItem(SAVED_REPORT_KEY);
    } catch {
      return null;
    }
  },
  write(report: AnalysisReport): void {
    const text = savedReportText(report);
    try {
      if (text === undefined) sessionStorage.removeItem(SAVED_REPORT_KEY);
      else sessionStorage.setItem(SAVED_REPORT_KEY, text);
    } catch {
      // Kept in memory for this visit.
    }
  },
  remove(): void {
    try {
      sessionStorage.removeItem(SAVED_REPORT_KEY);
    } catch {
      // Nothing stored to remove.
    }
  },
};
