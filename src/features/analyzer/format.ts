import type { CallReport } from '@/analyzer/report';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string | undefined): Intl.DateTimeFormat {
  const key = timeZone ?? '';
  let formatter = formatters.get(key);
  if (!formatter) {
    const options: Intl.DateTimeFormatOptions = {
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      fractionalSecondDigits: 3,
      hourCycle: 'h23',
    };
    try {
      formatter = new Intl.DateTimeFormat('en-US', { ...options, timeZone });
    } catch {
      // An unknown zone: UTC rather than nothing.
      formatter = new Intl.DateTimeFormat('en-US', { ...options, timeZone: 'UTC' });
    }
    formatters.set(key, formatter);
  }
  return formatter;
}

export interface WallClockOptions {
  /** IANA zone; this browser's own when left out. */
  timeZone?: string | undefined;
  /** Leave out the date. */
  timeOnly?: boolean;
  /** Leave out the milliseconds. */
  seconds?: boolean;
}

/**
 * An ISO instant as wall-clock time in a zone, like "2026-11-24 14:05:00.123" (or "14:05:00.123",
 * or without the milliseconds). Empty for a string that isn't a time.
 */
export function wallClock(iso: string | null, options: WallClockOptions = {}): string {
  if (iso === null) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const parts: Partial<Record<Intl.DateTimeFormatPartTypes, string>> = {};
  for (const part of formatterFor(options.timeZone).formatToParts(date)) {
    parts[part.type] = part.value;
  }
  const time = `${parts.hour ?? '00'}:${parts.minute ?? '00'}:${parts.second ?? '00'}`;
  const withMs = options.seconds ? time : `${time}.${parts.fractionalSecond ?? '000'}`;
  if (options.timeOnly) return withMs;
  return `${parts.year ?? ''}-${parts.month ?? ''}-${parts.day ?? ''} ${withMs}`;
}

/** The same instant in UTC, for a tooltip: "2026-11-24 19:05:00.123 UTC". */
export function utcText(iso: string): string {
  const text = wallClock(iso, { timeZone: 'UTC' });
  return text === '' ? '' : `${text} UTC`;
}

/** A duration for people: "850 ms", "12.3 s", "4 min 05 s", "1 h 02 min". */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const seconds = Math.round(ms / 1000);
  if (seconds < 3600) {
    return `${Math.floor(seconds / 60)} min ${String(seconds % 60).padStart(2, '0')} s`;
  }
  const minutes = Math.round(seconds / 60);
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`;
}

/** A number with thousands separators, the same on server and client. */
export function count(value: number): string {
  return value.toLocaleString('en-US');
}

/** "1 call", "3 calls". */
export function plural(value: number, word: string, many = `${word}s`): string {
  return `${count(value)} ${value === 1 ? word : many}`;
}

/** A call that didn't connect, for a reason other than the caller hanging up first (487). */
export function isFailed(call: CallReport): boolean {
  if (call.answered) return false;
  if (call.finalStatus === null) return true;
  return call.finalStatus >= 300 && call.finalStatus !== 487;
}

/** The final response as a table shows it: "Answered", "503 Service Unavailable" or "No reply". */
export function finalResponseText(call: CallReport): string {
  if (call.answered) return 'Answered';
  if (call.finalStatus === null) return 'No reply';
  return [String(call.finalStatus), call.finalPhrase].filter(Boolean).join(' ');
}

/** A Reason header's value for people: 'Q.850 cause 34 “No circuit/channel available”'. */
export function reasonText(reason: CallReport['reason']): string {
  if (!reason) return '';
  const text = reason.text ? ` “${reason.text}”` : '';
  return `${reason.protocol} cause ${reason.cause}${text}`;
}

/** A Reason header as SIP writes it: 'Q.850;cause=34;text="No circuit/channel available"'. */
export function reasonHeader(reason: NonNullable<CallReport['reason']>): string {
  const text = reason.text === null ? '' : `;text="${reason.text}"`;
  return `${reason.protocol};cause=${reason.cause}${text}`;
}

/** The name the pasted text is read under (the analyzer's own name for it). */
export const PASTED_NAME = 'pasted text';

/** "Reading capture.pcap", "Reading the pasted text". */
export function readingLabel(fileName: string): string {
  return fileName === PASTED_NAME ? 'Reading the pasted text' : `Reading ${fileName}`;
}
