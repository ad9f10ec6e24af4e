import { scanFreeText } from './free-text.ts';
import { parseReasonHeader } from './reason-header.ts';
import { readStartLine, type StartLine } from './start-line.ts';
import type { PasteParse, ReasonHeader } from './types.ts';

export type { PastedRequest, PastedResponse, PasteParse, ReasonHeader } from './types.ts';

/**
 * Pastes longer than this are cut to their last this-many characters (UTF-16 code units):
 * the end of a log holds the final response.
 */
export const MAX_PASTE_LENGTH = 1_000_000;
/** How far past the cut point a line break is looked for, to start the kept part on a line. */
const CUT_SEARCH = 1_000;

/** The headers the parser keeps, by full and compact name (RFC 3261 §7.3.3). */
type HeaderKey = 'call-id' | 'cseq' | 'reason' | 'content-length' | 'content-type';
const HEADER_KEYS = new Map<string, HeaderKey>([
  ['call-id', 'call-id'],
  ['i', 'call-id'],
  ['cseq', 'cseq'],
  ['reason', 'reason'],
  ['content-length', 'content-length'],
  ['l', 'content-length'],
  ['content-type', 'content-type'],
  ['c', 'content-type'],
]);

const HEADER_NAME = /^([A-Za-z0-9][A-Za-z0-9.!%*_+`'~-]*)[ \t]*:/;
/** A Reason header after a log prefix, like `10:45:03 Reason: Q.850;cause=34`. */
const PREFIXED_REASON = /(?:^|[\s"'>\])|,;])Reason[ \t]*:/i;
const DIGITS_ONLY = /^\d+$/;
const CSEQ_METHOD = /^\d*[ \t]*([A-Za-z][A-Za-z0-9_-]*)/;
const CSEQ_NUMBER = /^\d{1,10}(?!\d)/;
const LEADING_DIGITS = /^\d{1,9}/;
const REAL_BREAKS = /\r\n|\r|\n/g;
const ESCAPED_BREAKS = /\\r\\n|\\n|\\r/g;
const ESCAPE = /\\(["\\/nrt])/g;
/** Line breaks: CRLF, LF, lone CR; CR CR LF (a doubled CR from some copy paths) counts as one. */
const LINE_BREAK = /\r\r\n|\r\n|\r|\n/g;

interface Line {
  text: string;
  /** 1-based. */
  number: number;
  /** Characters including the line break, for counting a body against Content-Length. */
  size: number;
}

interface MessageDraft {
  start: Exclude<StartLine, { kind: 'invalid' }> | undefined;
  line: number;
  callId?: string;
  method?: string;
  cseq?: number;
  reasons: ReasonHeader[];
  contentLength?: number;
  sipfrag: boolean;
}

/**
 * How a message/sipfrag body is skipped: 'none' (not sipfrag), 'all' (its length is known:
 * every line of it, start lines included), 'first-status' (no length: the first status line in
 * it is the fragment, not a new message).
 */
type SipfragBody = 'none' | 'all' | 'first-status';

interface OpenHeader {
  key: HeaderKey | undefined;
  parts: string[];
}

interface State {
  /** outside: not in a message (or past a body whose length was known). */
  mode: 'outside' | 'headers' | 'body';
  message: MessageDraft | undefined;
  header: OpenHeader | undefined;
  /** Indentation of the message's first header: deeper lines are folded continuations. */
  baseIndent: number | undefined;
  sawHeader: boolean;
  /** Characters of body left; Infinity when no Content-Length said. */
  bodyLeft: number;
  /** The body is a message/sipfrag: start lines in it are (partly) not new messages. */
  sipfragBody: SipfragBody;
  out: PasteParse;
}

function countMatches(text: string, pattern: RegExp): number {
  let count = 0;
  for (const _ of text.matchAll(pattern)) count++;
  return count;
}

/**
 * Unescapes `\r`, `\n`, `\t`, `\"`, `\\` and `\/` (PHP's json_encode escapes slashes) when the
 * text has more escaped line breaks than real ones, as a message copied from a JSON log does.
 */
function unescapeIfEscaped(text: string): string {
  if (!text.includes('\\')) return text;
  if (countMatches(text, ESCAPED_BREAKS) <= countMatches(text, REAL_BREAKS)) return text;
  return text.replace(ESCAPE, (_match, char: string) => {
    if (char === 'n') return '\n';
    if (char === 'r') return '\r';
    if (char === 't') return '\t';
    return char;
  });
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (const match of text.matchAll(LINE_BREAK)) {
    const body = text.slice(start, match.index);
    lines.push({ text: body, number: lines.length + 1, size: body.length + match[0].length });
    start = match.index + match[0].length;
  }
  const last = text.slice(start);
  lines.push({ text: last, number: lines.length + 1, size: last.length });
  return lines;
}

/** `Name: value` at the start of a (left-trimmed) line, the name lower-cased. */
function readHeaderLine(trimmed: string): { name: string; value: string } | undefined {
  const match = HEADER_NAME.exec(trimmed);
  if (!match) return undefined;
  return { name: (match[1] ?? '').toLowerCase(), value: trimmed.slice(match[0].length) };
}

function pushAll<T>(target: T[], items: readonly T[]): void {
  for (const item of items) target.push(item);
}

/** Closes the open header and files what it says into the message, or into loose reasons. */
function flushHeader(state: State): void {
  const open = state.header;
  state.header = undefined;
  if (open?.key === undefined) return;
  const value = open.parts.join(' ').trim();
  const draft = state.message;
  switch (open.key) {
    case 'reason':
      pushAll(draft ? draft.reasons : state.out.looseReasons, parseReasonHeader(value));
      return;
    case 'call-id':
      if (draft && draft.callId === undefined && value !== '') draft.callId = value;
      return;
    case 'cseq': {
      const method = CSEQ_METHOD.exec(value)?.[1];
      if (draft && draft.method === undefined && method !== undefined) {
        draft.method = method.toUpperCase();
        const digits = CSEQ_NUMBER.exec(value)?.[0];
        if (digits !== undefined) draft.cseq = Number(digits);
      }
      return;
    }
    case 'content-length': {
      const digits = LEADING_DIGITS.exec(value)?.[0];
      if (draft && digits !== undefined) draft.contentLength = Number(digits);
      return;
    }
    case 'content-type':
      if (draft) draft.sipfrag = value.toLowerCase().includes('sipfrag');
      return;
  }
}

/** Files a finished message into the output. */
function recordMessage(out: PasteParse, draft: MessageDraft): void {
  const { start, line, callId, method, cseq, reasons } = draft;
  if (!start) return;
  const id = callId === undefined ? {} : { callId };
  if (start.kind === 'request') {
    out.requests.push({ method: start.method, line, ...id, reasons });
    return;
  }
  const header = {
    ...(method === undefined ? {} : { method }),
    ...(cseq === undefined ? {} : { cseq }),
  };
  out.responses.push({ code: start.code, phrase: start.phrase, line, ...header, ...id, reasons });
}

/** The header section ended: record the message and start skipping its body. */
function endHeaders(state: State): void {
  flushHeader(state);
  const draft = state.message;
  if (!draft) return;
  recordMessage(state.out, draft);
  state.message = undefined;
  state.baseIndent = undefined;
  state.bodyLeft = draft.contentLength ?? Number.POSITIVE_INFINITY;
  state.sipfragBody = !draft.sipfrag
    ? 'none'
    : Number.isFinite(state.bodyLeft)
      ? 'all'
      : 'first-status';
  state.mode = state.bodyLeft > 0 ? 'body' : 'outside';
}

function openMessage(state: State, start: StartLine, line: number): void {
  if (state.mode === 'headers') endHeaders(state);
  else flushHeader(state);
  if (start.kind === 'invalid' && !state.out.invalidCodes.includes(start.written)) {
    state.out.invalidCodes.push(start.written);
  }
  state.message = {
    start: start.kind === 'invalid' ? undefined : start,
    line,
    reasons: [],
    sipfrag: false,
  };
  state.mode = 'headers';
  state.baseIndent = undefined;
  state.sawHeader = false;
  state.sipfragBody = 'none';
}

function openHeader(state: State, key: HeaderKey | undefined, value: string, indent: number) {
  state.header = { key, parts: [value] };
  state.baseIndent ??= indent;
  state.sawHeader = true;
}

/** A line in a header section, or outside any message (where only Reason headers count). */
function headerLine(state: State, line: Line): void {
  const trimmed = line.text.trimStart();
  if (trimmed === '') {
    // A blank line right after the start line is a paste artefact, not the end of the headers.
    if (state.mode === 'headers' && state.sawHeader) endHeaders(state);
    else flushHeader(state);
    return;
  }
  const indent = line.text.length - trimmed.length;
  const header = readHeaderLine(trimmed);
  const folded = indent > 0 && (header === undefined || indent > (state.baseIndent ?? 0));
  if (folded && state.header) {
    state.header.parts.push(trimmed);
    return;
  }
  flushHeader(state);
  if (header && !DIGITS_ONLY.test(header.name)) {
    openHeader(state, HEADER_KEYS.get(header.name), header.value, indent);
    return;
  }
  const reason = PREFIXED_REASON.exec(trimmed);
  if (reason) openHeader(state, 'reason', trimmed.slice(reason.index + reason[0].length), indent);
}

function bodyLine(state: State, line: Line): void {
  state.bodyLeft -= line.size;
  if (state.bodyLeft <= 0) {
    state.mode = 'outside';
    state.sipfragBody = 'none';
  }
}

function step(state: State, line: Line): void {
  const inBody = state.mode === 'body';
  if (!(inBody && state.sipfragBody === 'all')) {
    const start = readStartLine(line.text);
    if (start && inBody && state.sipfragBody === 'first-status' && start.kind !== 'request') {
      // The fragment's own status line (like `SIP/2.0 503 Service Unavailable` in a NOTIFY).
      state.sipfragBody = 'none';
    } else if (start) {
      openMessage(state, start, line.number);
      return;
    }
  }
  if (inBody) bodyLine(state, line);
  else headerLine(state, line);
}

function emptyParse(truncated: boolean): PasteParse {
  return {
    responses: [],
    requests: [],
    looseReasons: [],
    textCodes: [],
    textMentions: [],
    textQ850: [],
    invalidCodes: [],
    truncated,
  };
}

const LINE_BREAK_CHAR = /[\r\n]/;
const LOW_SURROGATE = /[\uDC00-\uDFFF]/;

/**
 * The last MAX_PASTE_LENGTH characters of `input`, starting after the first line break within
 * CUT_SEARCH characters of the cut point if there is one (so the kept part starts on a line),
 * and never in the middle of a surrogate pair.
 */
function endOf(input: string): string {
  let start = input.length - MAX_PASTE_LENGTH;
  const window = input.slice(start, start + CUT_SEARCH);
  const breakAt = window.search(LINE_BREAK_CHAR);
  if (breakAt >= 0) {
    start += breakAt;
    while (LINE_BREAK_CHAR.test(input.charAt(start))) start++;
  } else if (LOW_SURROGATE.test(input.charAt(start))) {
    start++;
  }
  return input.slice(start);
}

/**
 * `parsePaste` without its safety net: throws only on a bug. Exported so that
 * `understandPaste` and the tests can tell a bug from an empty result.
 */
export function readPaste(input: string): PasteParse {
  const truncated = input.length > MAX_PASTE_LENGTH;
  const text = unescapeIfEscaped(truncated ? endOf(input) : input);
  const state: State = {
    mode: 'outside',
    message: undefined,
    header: undefined,
    baseIndent: undefined,
    sawHeader: false,
    bodyLeft: 0,
    sipfragBody: 'none',
    out: emptyParse(truncated),
  };
  for (const line of splitLines(text)) step(state, line);
  if (state.mode === 'headers') endHeaders(state);
  else flushHeader(state);

  const { out } = state;
  if (out.responses.length + out.requests.length + out.looseReasons.length === 0) {
    const found = scanFreeText(text);
    out.textCodes = found.codes;
    out.textMentions = found.mentions;
    out.textQ850 = found.q850;
    for (const code of found.invalid)
      if (!out.invalidCodes.includes(code)) out.invalidCodes.push(code);
  }
  return out;
}

/**
 * Extracts what a paste holds, without interpreting it. Never throws.
 *
 * - A longer input than MAX_PASTE_LENGTH is cut to its last MAX_PASTE_LENGTH characters,
 *   starting at a line break when one is near the cut (`truncated`; line numbers then count
 *   from the kept part). Text with more escaped line breaks (`\r\n`, `\n`, as in JSON logs)
 *   than real ones is unescaped first (`\/` too).
 * - Lines end in CRLF, LF or CR. A start line — `SIP/2.0 <code> <phrase>` or
 *   `<METHOD> <uri> SIP/2.0`, maybe after a log prefix — always starts a new message.
 *   Headers follow until the first blank line; the body after it is skipped, for
 *   Content-Length (or `l:`) characters when given, else up to the next start line. In a
 *   message/sipfrag body (Content-Type or `c:`, as in a NOTIFY after a REFER) of known length
 *   no start line counts; without a length, the body's first status line is the fragment and
 *   the next start line after it starts a new message.
 * - Header names are case-insensitive, compact forms count (i, l, c); a line that starts with
 *   whitespace and doesn't look like a header, or is indented deeper than the first header,
 *   continues the previous one. CSeq gives the method; Call-ID the call; Reason headers
 *   (RFC 3326, comma-separated values, several headers) the reasons; CSeq also the number
 *   (`cseq`, to tell a re-INVITE from the first INVITE).
 * - Reason headers outside any message are `looseReasons`.
 * - Only when no message and no Reason header was found, the text is read as free text for
 *   codes (`textCodes`; every mention, with its line, in `textMentions`), Q.850 causes
 *   (`textQ850`, switch variables like `hangup_cause_q850=17` included) and out-of-range
 *   codes (`invalidCodes`; a status line with an out-of-range code also lands there). See
 *   `scanFreeText` for what is not a code (counts like "200 calls", ports, IPv6 addresses).
 */
export function parsePaste(text: string): PasteParse {
  try {
    return readPaste(text);
  } catch {
    return emptyParse(text.length > MAX_PASTE_LENGTH);
  }
}
