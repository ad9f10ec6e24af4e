import type { SipMessage } from '../types.ts';
import { sdpBodyKind, sdpOfBody } from './body.ts';
import { buildSipMessage, readSipHead, type SipHead } from './head.ts';

const CR = 0x0d;
const LF = 0x0a;
const SPACE = 0x20;
/** `SIP/2.0` */
const SIP_VERSION = [0x53, 0x49, 0x50, 0x2f, 0x32, 0x2e, 0x30] as const;
/** How far into a payload the start line's `SIP/2.0` is looked for. */
const START_LINE_SCAN = 512;
/** Over a stream, a header section longer than this is dropped (the stream resyncs). */
export const MAX_STREAM_HEAD = 64 * 1024;
/** Over a stream, a message announcing a longer body is dropped (the stream resyncs). */
export const MAX_STREAM_BODY = 1024 * 1024;

const decoder = new TextDecoder('utf-8', { fatal: false });

/** What the bytes at an offset look like: a SIP start line, not one, or too short to tell. */
const Start = { No: 0, Yes: 1, Partial: 2 } as const;
type Start = (typeof Start)[keyof typeof Start];

/** Whether `SIP/2.0` is at `at` (Partial when the bytes end inside it while matching). */
function versionAt(bytes: Uint8Array, at: number, end: number): Start {
  for (let k = 0; k < SIP_VERSION.length; k++) {
    if (at + k >= end) return Start.Partial;
    if (bytes[at + k] !== SIP_VERSION[k]) return Start.No;
  }
  return Start.Yes;
}

/** After a request's method and space: does `SIP/2.0` come before the first CR or LF? */
function versionBeforeLineEnd(bytes: Uint8Array, from: number, end: number, cut: boolean): Start {
  for (let i = from; i < end; i++) {
    const byte = bytes[i];
    if (byte === CR || byte === LF) return Start.No;
    if (byte === 0x53 && versionAt(bytes, i, end) === Start.Yes) return Start.Yes;
  }
  return cut ? Start.Partial : Start.No;
}

/**
 * Does a SIP start line begin at `from`: `SIP/2.0 ` (a status line), or an upper-case token
 * (A–Z) and a space followed by `SIP/2.0` before the first CR/LF, within START_LINE_SCAN bytes.
 * Partial when the bytes run out before that can be told.
 */
function startAt(bytes: Uint8Array, from: number): Start {
  const end = Math.min(bytes.length, from + START_LINE_SCAN);
  /** The bytes ran out (rather than the scan limit being reached). */
  const cut = end === bytes.length && end - from < START_LINE_SCAN;
  const first = bytes[from];
  if (first === 0x53) {
    const version = versionAt(bytes, from, end);
    if (version === Start.Yes) {
      if (from + 7 >= end) return cut ? Start.Partial : Start.No;
      if (bytes[from + 7] === SPACE) return Start.Yes;
    } else if (version === Start.Partial) {
      return cut ? Start.Partial : Start.No;
    }
  }
  let i = from;
  while (i < end) {
    const byte = bytes[i] ?? 0;
    if (byte < 0x41 || byte > 0x5a) break;
    i++;
  }
  if (i === from) return Start.No;
  if (i === end) return cut ? Start.Partial : Start.No;
  if (bytes[i] !== SPACE) return Start.No;
  return versionBeforeLineEnd(bytes, i + 1, end, cut);
}

/**
 * A fast check, made on every UDP/TCP payload of a capture, that the payload starts with a SIP
 * start line: `SIP/2.0 ` (a response), or an upper-case token (A–Z) and a space with `SIP/2.0`
 * before the first CR/LF (a request). Looks at the first 512 bytes at most; decodes nothing.
 */
export function looksLikeSip(payload: Uint8Array): boolean {
  return startAt(payload, 0) === Start.Yes;
}

/** Where a header section ends: the blank line's first LF, and where the body starts. */
function findHeadEnd(bytes: Uint8Array, from: number): { headEnd: number; bodyStart: number } {
  let i = bytes.indexOf(LF, from);
  while (i >= 0) {
    const next = bytes[i + 1];
    if (next === LF) return { headEnd: i, bodyStart: i + 2 };
    if (next === CR && bytes[i + 2] === LF) return { headEnd: i, bodyStart: i + 3 };
    i = bytes.indexOf(LF, i + 1);
  }
  return { headEnd: -1, bodyStart: -1 };
}

/** The lines of decoded header bytes, without their CR. */
function headLines(bytes: Uint8Array, from: number, to: number): string[] {
  const lines = decoder.decode(bytes.subarray(from, to)).split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line.endsWith('\r')) lines[i] = line.slice(0, -1);
  }
  return lines;
}

/** Does the body start with `v=0`? */
function startsWithSdpVersion(body: Uint8Array): boolean {
  let i = 0;
  while (i < body.length && (body[i] === SPACE || body[i] === CR || body[i] === LF)) i++;
  return body[i] === 0x76 && body[i + 1] === 0x3d && body[i + 2] === 0x30;
}

/** Builds the message from its read head and its body bytes; undefined when it is not usable. */
function readMessage(head: SipHead | undefined, body: Uint8Array): SipMessage | undefined {
  if (!head) return undefined;
  const kind = body.length === 0 ? 'none' : sdpBodyKind(head.contentType);
  const decode =
    kind === 'sdp' || kind === 'multipart' || (kind === 'sniff' && startsWithSdpVersion(body));
  const sdp = decode ? sdpOfBody(head.contentType, decoder.decode(body)) : undefined;
  return buildSipMessage(head, sdp);
}

/** The Content-Length a header section gives, without reading the rest of it. */
function contentLengthOf(lines: readonly string[]): number | undefined {
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const colon = line.indexOf(':');
    if (colon < 1) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    if (name !== 'content-length' && name !== 'l') continue;
    const digits = /^\s*(\d{1,10})/.exec(line.slice(colon + 1));
    if (digits) return Number(digits[1]);
  }
  return undefined;
}

/**
 * The next line start after `from` where a SIP start line (or the start of one, cut off) begins,
 * else the end of the bytes: the place to resync after garbage.
 */
function resync(bytes: Uint8Array, from: number): number {
  let i = bytes.indexOf(LF, from);
  while (i >= 0) {
    let next = i + 1;
    while (bytes[next] === CR || bytes[next] === LF) next++;
    if (next >= bytes.length) return bytes.length;
    if (startAt(bytes, next) !== Start.No) return next;
    i = bytes.indexOf(LF, next);
  }
  return bytes.length;
}

/** What parseSipMessages found in one payload. */
export interface SipParseResult {
  /** The usable messages, in order. */
  messages: SipMessage[];
  /**
   * Stream mode only (else 0): how many bytes at the end form an unfinished message (its
   * headers not ended yet, or its body shorter than Content-Length). Wait for more and parse
   * them again with what follows.
   */
  rest: number;
  /**
   * Messages left out: no Call-ID or no readable CSeq, an invalid start line (like a status
   * code outside 100–699), or (stream mode) a header section over 64 KiB or a Content-Length
   * over 1 MiB.
   */
  dropped: number;
  /** Bytes skipped as garbage while looking for the next start line. */
  skipped: number;
  /** Stream mode: how many bytes (from the start of `rest`) the unfinished message needs, if known, else 0. */
  need: number;
}

/** How parseSipMessages reads its bytes. */
export interface SipParseOptions {
  /**
   * The bytes are a stretch of a TCP (or TLS-decrypted) stream rather than one UDP datagram: a
   * message without Content-Length has no body, and an unfinished message at the end is not
   * read but counted in `rest`. Default false.
   */
  stream?: boolean;
}

/** Mutable state of one parseSipMessages run. */
interface Run {
  bytes: Uint8Array;
  stream: boolean;
  out: SipParseResult;
}

/**
 * Reads the message at `offset` (which looks like a start line, or the start of one) and
 * returns where the next one may start, or -1 when the rest is an unfinished message.
 */
function readOne(run: Run, offset: number): number {
  const { bytes, stream, out } = run;
  const length = bytes.length;
  const { headEnd, bodyStart } = findHeadEnd(bytes, offset);
  if (headEnd < 0) {
    if (!stream)
      return finishMessage(run, readSipHead(headLines(bytes, offset, length)), length, length);
    if (length - offset <= MAX_STREAM_HEAD) return -1;
    out.dropped++;
    return resync(bytes, offset);
  }
  if (stream && headEnd - offset > MAX_STREAM_HEAD) {
    out.dropped++;
    return resync(bytes, offset);
  }
  const lines = headLines(bytes, offset, headEnd);
  const head = readSipHead(lines);
  // A message with an invalid start line is dropped, but its body is still skipped.
  const declared = head ? head.contentLength : contentLengthOf(lines);
  if (!stream) {
    const bodyEnd = declared === undefined ? length : Math.min(length, bodyStart + declared);
    return finishMessage(run, head, bodyStart, bodyEnd);
  }
  const bodyLength = declared ?? 0;
  if (bodyLength > MAX_STREAM_BODY) {
    out.dropped++;
    return resync(bytes, bodyStart - 1);
  }
  if (bodyStart + bodyLength > length) {
    out.need = bodyStart + bodyLength - offset;
    return -1;
  }
  return finishMessage(run, head, bodyStart, bodyStart + bodyLength);
}

/** Files the message of `head` with the body `bodyStart..bodyEnd`; returns bodyEnd. */
function finishMessage(
  run: Run,
  head: SipHead | undefined,
  bodyStart: number,
  bodyEnd: number,
): number {
  const message = readMessage(head, run.bytes.subarray(bodyStart, bodyEnd));
  if (message) run.out.messages.push(message);
  else run.out.dropped++;
  return bodyEnd;
}

/**
 * Reads the SIP messages in one UDP payload, or in a stretch of a TCP stream (`stream: true`).
 *
 * - Several messages may follow each other: each ends after its Content-Length (or compact
 *   `l:`) bytes of body. Without Content-Length the body runs to the end of a datagram; over a
 *   stream there is none. A datagram's body shorter than its Content-Length is read as it is.
 * - CRLF keep-alives between messages are skipped. Bytes that don't start a SIP start line are
 *   skipped up to the next line that does (`skipped`). A message without Call-ID or CSeq, or
 *   with an invalid start line, is counted in `dropped`, not returned.
 * - Headers are decoded as UTF-8 leniently; names are case-insensitive, compact forms count,
 *   folded lines (starting with a space or tab) continue the header before them, lines may end
 *   in CRLF or LF. The body is decoded only when it may be SDP (see `sdpOfBody`).
 *
 * Never throws.
 */
export function parseSipMessages(
  payload: Uint8Array,
  options: SipParseOptions = {},
): SipParseResult {
  const run: Run = {
    bytes: payload,
    stream: options.stream === true,
    out: { messages: [], rest: 0, dropped: 0, skipped: 0, need: 0 },
  };
  const length = payload.length;
  let offset = 0;
  while (offset < length) {
    while (payload[offset] === CR || payload[offset] === LF) offset++;
    if (offset >= length) break;
    const start = startAt(payload, offset);
    if (start === Start.No) {
      const next = resync(payload, offset);
      run.out.skipped += next - offset;
      offset = next;
      continue;
    }
    if (start === Start.Partial && run.stream) {
      run.out.rest = length - offset;
      break;
    }
    const next = readOne(run, offset);
    if (next < 0) {
      run.out.rest = length - offset;
      break;
    }
    offset = next;
  }
  if (run.out.rest === 0) run.out.need = 0;
  return run.out;
}

/** A framer's buffer bigger than this is let go of once empty. */
const SMALL_BUFFER = 64 * 1024;

/** Splits a TCP stream into SIP messages. */
export interface SipStreamFramer {
  /**
   * Adds the next in-order bytes of the stream (any size; `bytes` may be reused by the caller
   * afterwards) and returns the messages they complete.
   */
  push(bytes: Uint8Array): SipMessage[];
  /** Messages dropped so far (see SipParseResult.dropped). */
  readonly dropped: number;
  /** Bytes skipped so far while resyncing after garbage. */
  readonly skipped: number;
  /** Bytes held back, waiting for the rest of an unfinished message. */
  readonly buffered: number;
}

/**
 * A framer for SIP over TCP: messages are cut by Content-Length; an unfinished message at the end
 * of a push is kept (copied) until the next. Memory is bounded: a header section over 64 KiB or
 * a Content-Length over 1 MiB drops that message, and the framer resyncs on the next line that
 * looks like a SIP start line. Never throws.
 */
export function createSipStreamFramer(): SipStreamFramer {
  let buffer = new Uint8Array(0);
  let length = 0;
  /** Bytes the buffered message needs before it is worth parsing again (0: unknown). */
  let need = 0;
  let dropped = 0;
  let skipped = 0;

  function append(bytes: Uint8Array): void {
    if (length + bytes.length > buffer.length) {
      const grown = new Uint8Array(Math.max(length + bytes.length, buffer.length * 2, 4096));
      grown.set(buffer.subarray(0, length));
      buffer = grown;
    }
    buffer.set(bytes, length);
    length += bytes.length;
  }

  /** Keeps the last `rest` bytes of `source` (the buffer itself, or a pushed chunk). */
  function keep(source: Uint8Array, rest: number): void {
    if (source.buffer === buffer.buffer) buffer.copyWithin(0, length - rest, length);
    else if (rest > buffer.length) buffer = source.slice(source.length - rest);
    else buffer.set(source.subarray(source.length - rest));
    length = rest;
    // A big message is gone: don't hold its memory for the life of the flow.
    if (length === 0 && buffer.length > SMALL_BUFFER) buffer = new Uint8Array(0);
  }

  return {
    push(bytes: Uint8Array): SipMessage[] {
      if (bytes.length === 0) return [];
      let input: Uint8Array;
      if (length === 0) {
        input = bytes;
      } else {
        append(bytes);
        if (need > 0 && length < need) return [];
        input = buffer.subarray(0, length);
      }
      const result = parseSipMessages(input, { stream: true });
      dropped += result.dropped;
      skipped += result.skipped;
      need = result.need;
      keep(input, result.rest);
      return result.messages;
    },
    get dropped() {
      return dropped;
    },
    get skipped() {
      return skipped;
    },
    get buffered() {
      return length;
    },
  };
}
