import type { ReasonHeader } from './types.ts';

/**
 * Splits `text` on `separator` where it is outside double quotes. Inside quotes a backslash
 * escapes the next character; an unterminated quote runs to the end.
 */
function splitOutsideQuotes(text: string, separator: string): string[] {
  const parts: string[] = [];
  let start = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '\\') i++;
      else if (char === '"') quoted = false;
    } else if (char === '"') {
      quoted = true;
    } else if (char === separator) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

/** A quoted-string's content without the quotes and escapes; an unquoted value as it is. */
function unquote(value: string): string {
  if (!value.startsWith('"')) return value;
  let out = '';
  for (let i = 1; i < value.length; i++) {
    const char = value[i] ?? '';
    if (char === '"') break;
    if (char === '\\') {
      i++;
      out += value[i] ?? '';
    } else {
      out += char;
    }
  }
  return out;
}

const PROTOCOL_TOKEN = /^[A-Za-z0-9.!%*_+`'~-]+$/;

/** 'Q.850', 'SIP', 'STIR', or the token upper-cased. */
function normaliseProtocol(token: string): string {
  const upper = token.toUpperCase();
  return upper === 'Q850' ? 'Q.850' : upper;
}

/** The cause range each protocol allows: Q.850 0–127, SIP and STIR 100–699, others any 0–999. */
function causeInRange(protocol: string, cause: number): boolean {
  if (protocol === 'Q.850') return cause <= 127;
  if (protocol === 'SIP' || protocol === 'STIR') return cause >= 100 && cause <= 699;
  return true;
}

/** Up to three leading digits (optionally after a quote), not followed by a fourth. */
const CAUSE = /^"?(\d{1,3})(?!\d)/;

/**
 * Reads one reason-value, like `Q.850;cause=34;text="No circuit/channel available"`.
 * Parameter names are case-insensitive and may have whitespace around `;` and `=`; the first
 * `cause` and `text` count. A value without a numeric cause, or with a cause outside its
 * protocol's range (Q.850 0–127, SIP/STIR 100–699), gives undefined.
 */
function parseReasonValue(value: string): ReasonHeader | undefined {
  const raw = value.trim();
  const [first = '', ...params] = splitOutsideQuotes(raw, ';');
  const token = first.trim();
  if (!PROTOCOL_TOKEN.test(token)) return undefined;
  const protocol = normaliseProtocol(token);
  let cause: number | undefined;
  let text: string | undefined;
  for (const param of params) {
    const equals = param.indexOf('=');
    if (equals < 0) continue;
    const name = param.slice(0, equals).trim().toLowerCase();
    const paramValue = param.slice(equals + 1).trim();
    if (name === 'cause' && cause === undefined) {
      const digits = CAUSE.exec(paramValue)?.[1];
      cause = digits === undefined ? Number.NaN : Number(digits);
    } else if (name === 'text' && text === undefined) {
      text = unquote(paramValue);
    }
  }
  if (cause === undefined || Number.isNaN(cause) || !causeInRange(protocol, cause))
    return undefined;
  return text === undefined ? { protocol, cause, raw } : { protocol, cause, text, raw };
}

/**
 * Reads a Reason header's value (RFC 3326): one or more comma-separated reason-values; commas
 * inside quoted text don't split. Values without a usable cause are left out.
 */
export function parseReasonHeader(value: string): ReasonHeader[] {
  const reasons: ReasonHeader[] = [];
  for (const part of splitOutsideQuotes(value, ',')) {
    const reason = parseReasonValue(part);
    if (reason) reasons.push(reason);
  }
  return reasons;
}
