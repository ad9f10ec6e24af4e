import type { PacketMeta } from '../types.ts';

/** An address and port a log line names. */
export interface LogEndpoint {
  address: string;
  port: number;
}

/** What a log line says about the message after it (any part may be missing). */
export interface LogHeader {
  /** µs since the epoch, read as UTC; a time without a date is on 1970-01-01. */
  timeUs?: number;
  src?: LogEndpoint;
  dst?: LogEndpoint;
  transport?: PacketMeta['transport'];
}

/**
 * `addr:port`: IPv4, bracketed IPv6 (or bracketed IPv4, as FreeSWITCH writes it), or bare IPv6
 * whose last `:digits` is taken as the port.
 */
const ENDPOINT =
  '(\\[[0-9A-Fa-f:.]+\\]|\\d{1,3}(?:\\.\\d{1,3}){3}|[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7}):(\\d{1,5})(?!\\d)';
/** `src -> dst`, as ngrep and sngrep write it. */
const ARROW = new RegExp(`(?<![\\w.:\\[])${ENDPOINT}\\s*(?:-+>|=+>|→)\\s*${ENDPOINT}`);
/** `from udp/10.0.0.1:5060`, `to UDP:10.0.0.2:5060`, `from [10.0.0.1]:5060`. */
const DIRECTED = new RegExp(
  `\\b(from|to)\\s+(?:(udp|tcp|tls|sctp|wss?)\\s*[:/]\\s*)?${ENDPOINT}`,
  'i',
);
/** Words that make a `from`/`to` line a message header: a message was received or sent. */
const TRAFFIC =
  /\b(?:recv|rcvd|rcv|received|receiving|read|send|sent|sending|transmitting|transmitted)\b/i;
/** A cheap test before the others: could the line name endpoints at all? */
const MAYBE_HEADER = /->|=>|→|\b(?:from|to)\b/i;
const FULL_TIME =
  /(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})[ T]+(\d{1,2}):(\d{2}):(\d{2})(?:[.,](\d{1,9}))?(?!\d)/;
const TIME_ONLY = /(?<![\d:])(\d{1,2}):(\d{2}):(\d{2})(?:[.,](\d{1,9}))?(?!\d)/;
const STREAM_WORD = /\b(?:tcp|tls|wss?)\b/i;

/** An endpoint from the regex groups: brackets dropped, IPv6 lower-cased. */
function endpoint(address: string | undefined, port: string | undefined): LogEndpoint | undefined {
  if (address === undefined || port === undefined) return undefined;
  const number = Number(port);
  if (number > 65535) return undefined;
  const bare = address.startsWith('[') ? address.slice(1, -1) : address;
  return { address: bare.toLowerCase(), port: number };
}

/** Microseconds of a fraction written with 1–9 digits (beyond µs cut). */
function fractionUs(digits: string | undefined): number {
  if (digits === undefined) return 0;
  return Number(digits.slice(0, 6).padEnd(6, '0'));
}

/** µs since the epoch of a UTC date and time, when every field is in range. */
function utcUs(fields: readonly number[], fraction: string | undefined): number | undefined {
  const [year = 1970, month = 1, day = 1, hour = 0, minute = 0, second = 0] = fields;
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  if (hour > 23 || minute > 59 || second > 60) return undefined;
  return Date.UTC(year, month - 1, day, hour, minute, second) * 1000 + fractionUs(fraction);
}

/**
 * The first date-time in a text (`2026-11-24 10:00:01.123`, `2026/11/24 10:00:01.123456`,
 * ISO `T` too), read as UTC; else the first time of day (`10:00:01.123456`), on 1970-01-01.
 * Undefined when there is none, or the date-time is impossible (month 13).
 */
export function readLogTime(text: string): number | undefined {
  const full = FULL_TIME.exec(text);
  if (full) return utcUs(full.slice(1, 7).map(Number), full[7]);
  const time = TIME_ONLY.exec(text);
  if (!time) return undefined;
  return utcUs([1970, 1, 1, ...time.slice(1, 4).map(Number)], time[4]);
}

/** The transport a header line names: TCP for tcp/tls/ws/wss (and ngrep's `T`), else UDP. */
function transportOf(line: string, named: string | undefined): PacketMeta['transport'] {
  if (named !== undefined) return /^(?:udp|sctp)$/i.test(named) ? 'udp' : 'tcp';
  if (/^\s*T\s/.test(line)) return 'tcp';
  return STREAM_WORD.test(line) ? 'tcp' : 'udp';
}

/** The header of an ngrep/sngrep style line: `… 10.0.0.1:5060 -> 10.0.0.2:5060`. */
function arrowHeader(line: string): LogHeader | undefined {
  const match = ARROW.exec(line);
  if (!match) return undefined;
  const src = endpoint(match[1], match[2]);
  const dst = endpoint(match[3], match[4]);
  if (!src || !dst) return undefined;
  const header: LogHeader = { src, dst, transport: transportOf(line, undefined) };
  const time = readLogTime(line.replace(match[0], ' '));
  if (time !== undefined) header.timeUs = time;
  return header;
}

/** The header of a `recv … from udp/addr:port` or Asterisk `<--- Received … from UDP:addr:port --->` line. */
function directedHeader(line: string): LogHeader | undefined {
  if (!TRAFFIC.test(line)) return undefined;
  const match = DIRECTED.exec(line);
  if (!match) return undefined;
  const side = endpoint(match[3], match[4]);
  if (!side) return undefined;
  const header: LogHeader = { transport: transportOf(line, match[2]) };
  if (match[1]?.toLowerCase() === 'from') header.src = side;
  else header.dst = side;
  const time = readLogTime(line.replace(match[0], ' '));
  if (time !== undefined) header.timeUs = time;
  return header;
}

/**
 * Reads a log line that introduces a SIP message: ngrep's `U 2026/11/24 10:00:01.123456
 * 10.0.0.1:5060 -> 10.0.0.2:5060`, sngrep's `2026/11/24 10:00:01.123 10.0.0.1:5060 ->
 * 10.0.0.2:5060`, `… recv 1024 bytes from udp/10.0.0.1:5060`, FreeSWITCH's `recv 1024 bytes
 * from udp/[10.0.0.1]:5060 at 10:00:01.123456:`, Asterisk's `<--- Received SIP request (1024
 * bytes) from UDP:10.0.0.1:5060 --->` or `<--- Transmitting … to UDP:…`. `from X` gives the
 * source, `to X` the destination. Undefined for any other line.
 */
export function readLogHeader(line: string): LogHeader | undefined {
  if (!MAYBE_HEADER.test(line)) return undefined;
  return arrowHeader(line) ?? directedHeader(line);
}

/** What the log prefix before a start line says (a time, maybe endpoints). */
export function readLogPrefix(prefix: string): LogHeader | undefined {
  const header = readLogHeader(prefix);
  if (header) return header;
  const time = readLogTime(prefix);
  return time === undefined ? undefined : { timeUs: time };
}
