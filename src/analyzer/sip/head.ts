import { parseReasonHeader } from '../../engine/paste/reason-header.ts';
import type { Sdp, SipMessage, SipReason } from '../types.ts';

/** A SIP start line, read strictly (no log prefix). */
export type SipStart =
  | { kind: 'request'; method: string; uri: string; text: string }
  | { kind: 'response'; status: number; phrase: string; text: string };

/** What the header section of a message says, before its body is read. */
export interface SipHead {
  start: SipStart;
  callId?: string;
  cseq?: { seq: number; method: string };
  from: string;
  to: string;
  /** The first value of the first Via header. */
  via?: string;
  reasons: SipReason[];
  contentLength?: number;
  /** The Content-Type value as written (parameters included). */
  contentType?: string;
}

/** Compact header forms (RFC 3261 §7.3.3 and the extensions that registered one). */
const COMPACT: Readonly<Record<string, string>> = {
  i: 'call-id',
  f: 'from',
  t: 'to',
  v: 'via',
  m: 'contact',
  l: 'content-length',
  c: 'content-type',
  s: 'subject',
  k: 'supported',
  e: 'content-encoding',
  o: 'event',
  r: 'refer-to',
  b: 'referred-by',
  x: 'session-expires',
  u: 'allow-events',
  y: 'identity',
};

/** The names as usually written, looked up before lower-casing (the parser's hot path). */
const USUAL = new Map<string, string>(
  [
    'Call-ID',
    'Call-Id',
    'CSeq',
    'From',
    'To',
    'Via',
    'Reason',
    'Content-Length',
    'Content-Type',
    'Contact',
    'Max-Forwards',
    'User-Agent',
    'Allow',
    'Supported',
  ].map((name) => [name, name.toLowerCase()]),
);

/** A header name lower-cased, its compact form expanded ('i' → 'call-id'). */
export function canonicalHeaderName(name: string): string {
  const usual = USUAL.get(name);
  if (usual !== undefined) return usual;
  const lower = name.trim().toLowerCase();
  return lower.length === 1 ? (COMPACT[lower] ?? lower) : lower;
}

const RESPONSE_LINE = /^SIP\/2\.0[ \t]+(\d{3})(?:[ \t]+(.*))?$/i;
const REQUEST_LINE = /^([A-Za-z][A-Za-z0-9._!%*+`'~-]*)[ \t]+(\S+)[ \t]+SIP\/2\.0$/i;
const CSEQ = /^(\d{1,10})[ \t]+([A-Za-z][A-Za-z0-9._!%*+`'~-]*)/;
const DIGITS = /^\d{1,10}/;
const TAG = /;[ \t]*tag[ \t]*=[ \t]*([^;,\s>]+)/i;
const BRANCH = /;[ \t]*branch[ \t]*=[ \t]*([^;,\s]+)/i;

/**
 * Reads a start line exactly as on the wire: `SIP/2.0 <code> <phrase>` with a code in 100–699,
 * or `<METHOD> <Request-URI> SIP/2.0` (SIP/2.0 in any case). Undefined for anything else.
 */
export function readSipStart(line: string): SipStart | undefined {
  const text = line.trim();
  const response = RESPONSE_LINE.exec(text);
  if (response) {
    const status = Number(response[1]);
    if (status < 100 || status > 699) return undefined;
    return { kind: 'response', status, phrase: (response[2] ?? '').trim(), text };
  }
  const request = REQUEST_LINE.exec(text);
  if (!request) return undefined;
  return { kind: 'request', method: request[1] ?? '', uri: request[2] ?? '', text };
}

/** The reason-values of one Reason header, without the raw text. */
function readReasons(value: string): SipReason[] {
  return parseReasonHeader(value).map(({ protocol, cause, text }) =>
    text === undefined ? { protocol, cause } : { protocol, cause, text },
  );
}

/** The headers the head keeps, by canonical name. */
type Kept =
  'call-id' | 'cseq' | 'from' | 'to' | 'via' | 'reason' | 'content-length' | 'content-type';
const KEPT: ReadonlySet<string> = new Set<Kept>([
  'call-id',
  'cseq',
  'from',
  'to',
  'via',
  'reason',
  'content-length',
  'content-type',
]);

/** The canonical name of a header the head keeps, else undefined (its value is not read). */
function keptName(name: string): Kept | undefined {
  const canonical = canonicalHeaderName(name);
  return KEPT.has(canonical) ? (canonical as Kept) : undefined;
}

/** Files one header into the head; the first occurrence of a single-valued header counts. */
function fileHeader(head: SipHead, name: Kept, value: string): void {
  switch (name) {
    case 'call-id':
      if (head.callId === undefined && value !== '') head.callId = value;
      return;
    case 'cseq': {
      const match = head.cseq === undefined ? CSEQ.exec(value) : null;
      if (match) head.cseq = { seq: Number(match[1]), method: match[2] ?? '' };
      return;
    }
    case 'from':
      if (head.from === '') head.from = value;
      return;
    case 'to':
      if (head.to === '') head.to = value;
      return;
    case 'via':
      head.via ??= firstValue(value);
      return;
    case 'reason':
      for (const reason of readReasons(value)) head.reasons.push(reason);
      return;
    case 'content-length': {
      const digits = head.contentLength === undefined ? DIGITS.exec(value) : null;
      if (digits) head.contentLength = Number(digits[0]);
      return;
    }
    case 'content-type':
      head.contentType ??= value;
      return;
  }
}

/** The first comma-separated value of a header (commas inside double quotes don't split). */
function firstValue(value: string): string {
  let quoted = false;
  for (let i = 0; i < value.length; i++) {
    const char = value[i];
    if (char === '"') quoted = !quoted;
    else if (char === ',' && !quoted) return value.slice(0, i).trim();
  }
  return value;
}

/**
 * Reads a header section: `lines[0]` is the start line, the others are headers (`Name: value`,
 * names case-insensitive, compact forms expanded). A line starting with a space or tab continues
 * the header before it. Lines without a colon are skipped. Undefined when the start line is not
 * a valid SIP start line.
 */
export function readSipHead(lines: readonly string[]): SipHead | undefined {
  const start = readSipStart(lines[0] ?? '');
  if (!start) return undefined;
  const head: SipHead = { start, from: '', to: '', reasons: [] };
  let name: Kept | undefined;
  let value = '';
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const first = line.charCodeAt(0);
    if (first === 0x20 || first === 0x09) {
      if (name !== undefined) value += ` ${line.trim()}`;
      continue;
    }
    if (name !== undefined) fileHeader(head, name, value.trim());
    const colon = line.indexOf(':');
    name = colon > 0 ? keptName(line.slice(0, colon)) : undefined;
    value = name === undefined ? '' : line.slice(colon + 1);
  }
  if (name !== undefined) fileHeader(head, name, value.trim());
  return head;
}

/**
 * The `tag` parameter of a From or To value. Only parameters after the URI count: with angle
 * brackets those after the closing `>`, without them every `;tag=` of the value.
 */
export function tagOf(value: string): string | undefined {
  const close = value.lastIndexOf('>');
  return TAG.exec(close >= 0 ? value.slice(close + 1) : value)?.[1];
}

/** The `branch` parameter of one Via value. */
export function branchOf(via: string): string | undefined {
  return BRANCH.exec(via)?.[1];
}

/**
 * Builds the SipMessage from a head and its SDP body (if any). Undefined when the message has
 * no Call-ID or no readable CSeq: such a message can't be placed in a call.
 */
export function buildSipMessage(head: SipHead, sdp: Sdp | undefined): SipMessage | undefined {
  const { start, callId, cseq } = head;
  if (callId === undefined || cseq === undefined) return undefined;
  const common = {
    callId,
    cseq,
    from: head.from,
    to: head.to,
    reasons: head.reasons,
    startLine: start.text,
  };
  const message: SipMessage =
    start.kind === 'request'
      ? { kind: 'request', method: start.method, uri: start.uri, ...common }
      : { kind: 'response', status: start.status, phrase: start.phrase, ...common };
  const fromTag = tagOf(head.from);
  if (fromTag !== undefined) message.fromTag = fromTag;
  const toTag = tagOf(head.to);
  if (toTag !== undefined) message.toTag = toTag;
  const branch = head.via === undefined ? undefined : branchOf(head.via);
  if (branch !== undefined) message.branch = branch;
  if (sdp) message.sdp = sdp;
  return message;
}
