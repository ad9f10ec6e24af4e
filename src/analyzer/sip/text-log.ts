import { readStartLine } from '../../engine/paste/start-line.ts';
import type { AnalyzerWarning, PacketMeta, SipMessage } from '../types.ts';
import { sdpOfBody } from './body.ts';
import { buildSipMessage, readSipHead, type SipHead } from './head.ts';
import { readLogHeader, readLogPrefix, type LogHeader } from './log-header.ts';

/** One message read from a text log. */
export interface LoggedMessage {
  message: SipMessage;
  /**
   * `frame` is the message's 1-based number in the log. Time, addresses and transport come from
   * the log line before the message (or the prefix of its start line); what the log doesn't say
   * is 0 / '' / 'udp' (see `timed`, `addressed`).
   */
  meta: PacketMeta;
  /** 1-based line of its start line. */
  line: number;
  /** The log gave a time: `meta.timeUs` is it (a time without a date is on 1970-01-01 UTC). */
  timed: boolean;
  /** The log gave the source or the destination (or both); the other may be '' and 0. */
  addressed: boolean;
}

/** What readSipLog found. */
export interface SipLogResult {
  entries: LoggedMessage[];
  warnings: AnalyzerWarning[];
}

/** Longer texts are cut to their first this-many characters. */
export const MAX_LOG_CHARS = 5 * 1024 * 1024;

const LINE_BREAK = /\r\r\n|\r\n|\r|\n/;
/**
 * A line of dashes, equals signs, hashes or stars, as FreeSWITCH, ngrep and others frame
 * messages; Asterisk's `<------------->` and `--- (14 headers 13 lines) ---` too.
 */
const SEPARATOR = /^\s*(?:<-+>|-{3,}(?:.*-{3,})?|={3,}|#+|\*{3,})\s*$/;
const HEADER_LIKE = /^\s*[A-Za-z][A-Za-z0-9._!%*+`'~-]*[ \t]*:/;
const STATUS_AT = /SIP\/2\.0[ \t]+\d{3}/i;
const SIPFRAG_STATUS = /^\s*SIP\/2\.0[ \t]+\d{3}/i;
const WRAPPER_TAIL = ' \t"\',;';

interface Line {
  text: string;
  /** 1-based. */
  number: number;
}

/** A message being read. */
interface Draft {
  line: number;
  header: LogHeader | undefined;
  /** The clean start line, then the header lines (their common indent removed). */
  head: string[];
  /** Indent of the first header line. */
  indent: number | undefined;
  /** Set when the header section ended. */
  parsed: SipHead | undefined;
  /** Undefined while the header section is read. */
  body: string[] | undefined;
  /** A message/sipfrag body whose status line hasn't come yet (it is not a new message). */
  sipfragPending: boolean;
  /** Each line ends in a `.` standing for its CR (ngrep `-W byline`). */
  dotted: boolean;
}

interface State {
  draft: Draft | undefined;
  /** The header of a log line read, for the next message. */
  pending: LogHeader | undefined;
  entries: LoggedMessage[];
  /** Start lines of the messages left out. */
  dropped: number[];
}

function trimEndOf(text: string, chars: string): string {
  let end = text.length;
  while (end > 0 && chars.includes(text.charAt(end - 1))) end--;
  return text.slice(0, end);
}

/**
 * Splits a line into lines when it is a whole message as ngrep prints it without `-W byline`:
 * CR and LF shown as dots, so a start line followed by `..`.
 */
function expandDotted(line: Line): Line[] {
  const dots = line.text.indexOf('..');
  if (dots < 0 || !line.text.includes('SIP/2.0')) return [line];
  const first = line.text.slice(0, dots);
  if (!readStartLine(first)) return [line];
  return line.text.split('..').map((text) => ({ text, number: line.number }));
}

/** The lines of a text, each with its number (CRLF, LF, CR and CR CR LF ends). */
function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  text.split(LINE_BREAK).forEach((line, index) => {
    for (const part of expandDotted({ text: line, number: index + 1 })) lines.push(part);
  });
  return lines;
}

/** A start line in a log line: the clean start line, and the log prefix before it. */
function startLineOf(text: string, inHead: boolean): { clean: string; prefix: string } | undefined {
  const start = readStartLine(text);
  if (!start || start.kind === 'invalid') return undefined;
  let at: number;
  let clean: string;
  if (start.kind === 'response') {
    at = text.search(STATUS_AT);
    clean = text.slice(at).trim();
  } else {
    const trimmed = trimEndOf(text, WRAPPER_TAIL);
    const beforeVersion = trimmed.slice(0, -7).trimEnd();
    const uriStart = Math.max(beforeVersion.lastIndexOf(' '), beforeVersion.lastIndexOf('\t')) + 1;
    at = beforeVersion.slice(0, uriStart).trimEnd().length - start.method.length;
    clean = trimmed.slice(at);
  }
  const prefix = text.slice(0, at);
  // Inside a header section, `X-Info: SIP/2.0 200 OK` is a header, not a new message.
  if (inHead && prefix.trim() !== '' && HEADER_LIKE.test(prefix)) return undefined;
  return { clean, prefix };
}

/** The header of the log line before, completed by what the start line's prefix says. */
function headerFor(pending: LogHeader | undefined, prefix: string): LogHeader | undefined {
  const fromPrefix = prefix.trim() === '' ? undefined : readLogPrefix(prefix);
  if (!fromPrefix) return pending;
  return { ...fromPrefix, ...pending };
}

function leadingSpace(text: string): number {
  let count = 0;
  while (count < text.length && (text[count] === ' ' || text[count] === '\t')) count++;
  return count;
}

/** The line without up to `indent` characters of leading space. */
function unindent(text: string, indent: number): string {
  return text.slice(Math.min(indent, leadingSpace(text)));
}

/** Adds a header line, without the indent the whole section shares. */
function pushHeadLine(draft: Draft, text: string): void {
  draft.indent ??= leadingSpace(text);
  draft.head.push(unindent(text, draft.indent));
}

/** The text without one trailing `.` (ngrep's CR). */
function undot(text: string): string {
  return text.endsWith('.') ? text.slice(0, -1) : text;
}

/** Every header line ends in `.`: ngrep `-W byline` shows each CR as a dot. */
function allDotted(head: readonly string[]): boolean {
  return head.length > 1 && head.every((line, index) => index === 0 || line.endsWith('.'));
}

/**
 * Ends the header section (`dotted`: ngrep's, whose lines end in a dot for the CR), reads it,
 * and returns the (empty) body to fill.
 */
function endHead(draft: Draft, dotted = false): string[] {
  if (dotted) {
    draft.dotted = true;
    draft.head = draft.head.map(undot);
  }
  draft.parsed = readSipHead(draft.head);
  const body: string[] = [];
  draft.body = body;
  const type = draft.parsed?.contentType?.toLowerCase() ?? '';
  draft.sipfragPending = type.includes('message/sipfrag');
  return body;
}

/** UTF-8 length of a string (lone surrogates as 3 bytes, as TextEncoder would write U+FFFD). */
function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/**
 * The body lines to keep: trailing blank lines dropped; when Content-Length is given and the
 * lines (counted with CRLF ends) are longer, only the lines that fit in it (the rest is log text).
 * A shorter body is kept whole: logs change line ends and lose bytes.
 */
function bodyLines(lines: readonly string[], contentLength: number | undefined): string[] {
  let end = lines.length;
  while (end > 0 && (lines[end - 1] ?? '').trim() === '') end--;
  const kept = lines.slice(0, end);
  if (contentLength === undefined) return kept;
  let size = 0;
  for (let i = 0; i < kept.length; i++) {
    if (size >= contentLength) return kept.slice(0, i);
    size += utf8Length(kept[i] ?? '') + 2;
  }
  return kept;
}

function metaOf(header: LogHeader | undefined, frame: number): PacketMeta {
  return {
    frame,
    timeUs: header?.timeUs ?? 0,
    src: header?.src?.address ?? '',
    srcPort: header?.src?.port ?? 0,
    dst: header?.dst?.address ?? '',
    dstPort: header?.dst?.port ?? 0,
    transport: header?.transport ?? 'udp',
  };
}

/** Files the message being read into the entries (or the dropped list). */
function finish(state: State): void {
  const draft = state.draft;
  state.draft = undefined;
  if (!draft) return;
  const head = draft.body
    ? draft.parsed
    : readSipHead(allDotted(draft.head) ? draft.head.map(undot) : draft.head);
  const lines = draft.dotted ? (draft.body ?? []).map(undot) : (draft.body ?? []);
  const body = head ? bodyLines(lines, head.contentLength).join('\r\n') : '';
  const message = head
    ? buildSipMessage(head, body === '' ? undefined : sdpOfBody(head.contentType, body))
    : undefined;
  if (!message) {
    state.dropped.push(draft.line);
    return;
  }
  const { header } = draft;
  state.entries.push({
    message,
    meta: metaOf(header, state.entries.length + 1),
    line: draft.line,
    timed: header?.timeUs !== undefined,
    addressed: header?.src !== undefined || header?.dst !== undefined,
  });
}

/** A line that is not a start line nor a log header: part of the message being read, if any. */
function messageLine(draft: Draft, text: string): void {
  if (draft.body) {
    draft.body.push(unindent(text, draft.indent ?? 0));
    return;
  }
  const trimmed = text.trim();
  // A blank line right after the start line is a copy artefact, not the end of the headers.
  if (trimmed === '') {
    if (draft.head.length > 1) endHead(draft);
    return;
  }
  if (trimmed === '.' && allDotted(draft.head)) {
    endHead(draft, true);
    return;
  }
  // The blank line before an SDP body was lost.
  if (trimmed === 'v=0' && draft.head.length > 1) {
    endHead(draft).push(trimmed);
    return;
  }
  pushHeadLine(draft, text);
}

function step(state: State, line: Line): void {
  const { text } = line;
  const draft = state.draft;
  if (draft?.body && draft.sipfragPending && SIPFRAG_STATUS.test(text)) {
    draft.sipfragPending = false;
    draft.body.push(text);
    return;
  }
  const inHead = draft !== undefined && draft.body === undefined;
  const start =
    startLineOf(text, inHead) ??
    (text.endsWith('.') ? startLineOf(undot(text), inHead) : undefined);
  if (start) {
    finish(state);
    state.draft = {
      line: line.number,
      header: headerFor(state.pending, start.prefix),
      head: [start.clean],
      indent: undefined,
      parsed: undefined,
      body: undefined,
      sipfragPending: false,
      dotted: false,
    };
    state.pending = undefined;
    return;
  }
  const header = inHead && HEADER_LIKE.test(text) ? undefined : readLogHeader(text);
  if (header) {
    finish(state);
    state.pending = header;
    return;
  }
  if (SEPARATOR.test(text)) {
    finish(state);
    return;
  }
  if (draft) messageLine(draft, text);
}

/** The first MAX_LOG_CHARS characters of a text, cut at a line break when there is one. */
function headOf(text: string): string {
  const cut = text.lastIndexOf('\n', MAX_LOG_CHARS);
  return text.slice(0, cut > 0 ? cut : MAX_LOG_CHARS);
}

function droppedWarning(dropped: readonly number[]): AnalyzerWarning {
  const count = dropped.length;
  return {
    code: 'sip-message-skipped',
    message: `${count === 1 ? 'One message' : `${count} messages`} had no Call-ID or CSeq, or no valid start line, and ${count === 1 ? 'was' : 'were'} left out (the first at line ${dropped[0] ?? 0}).`,
  };
}

/**
 * Reads SIP messages from a plain-text ladder copied from a log or a tool: Wireshark's "Follow
 * UDP stream", sngrep, ngrep (with or without `-W byline`), Asterisk `sip set debug on` /
 * `pjsip set logger on`, FreeSWITCH `sofia global siptrace on`, Kamailio, or bare messages.
 *
 * - A SIP start line (maybe after a log prefix like a time) starts a message. Its header
 *   section runs to the first blank line (one right after the start line is skipped); header
 *   lines may share an indent. The body runs to the next start line, log header line or
 *   separator line (`-----`, `#`), and is cut to Content-Length only when longer than it
 *   (counted with CRLF line ends): logs lose bytes and change line ends.
 * - A log header line before a message (see `readLogHeader`) gives its time, source and/or
 *   destination and transport; so does a start line's prefix. A date-time is read as UTC; a
 *   time of day alone is put on 1970-01-01 (UTC). Without a time, `timeUs` is 0 and `timed`
 *   false; without addresses, '' and 0 and `addressed` false. Transport is 'udp' unless the
 *   header line says TCP, TLS or WebSocket.
 * - `frame` numbers the messages read, from 1; `line` is the start line's 1-based line.
 * - Text over MAX_LOG_CHARS characters: the first MAX_LOG_CHARS are read, with a warning.
 *   Messages without Call-ID or CSeq are left out, with a warning. Never throws.
 */
export function readSipLog(text: string): SipLogResult {
  const warnings: AnalyzerWarning[] = [];
  let input = text;
  if (text.length > MAX_LOG_CHARS) {
    input = headOf(text);
    warnings.push({
      code: 'log-truncated',
      message: `The text is longer than ${(MAX_LOG_CHARS / 1024 / 1024).toString()} MB: only its first ${(MAX_LOG_CHARS / 1024 / 1024).toString()} MB were read.`,
      offset: input.length,
    });
  }
  const state: State = { draft: undefined, pending: undefined, entries: [], dropped: [] };
  for (const line of splitLines(input)) step(state, line);
  finish(state);
  if (state.dropped.length > 0) warnings.push(droppedWarning(state.dropped));
  return { entries: state.entries, warnings };
}
