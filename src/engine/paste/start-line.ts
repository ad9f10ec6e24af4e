/** What a line starts, if it is a SIP start line. */
export type StartLine =
  | { kind: 'response'; code: number; phrase: string }
  | { kind: 'request'; method: string }
  /** A status line whose code is outside 100–699, like `SIP/2.0 999 Foo`. */
  | { kind: 'invalid'; written: string };

/** `SIP/2.0`, spaces, three digits not followed by a letter or digit. */
const STATUS = /SIP\/2\.0[ \t]+(\d{3})(?![\p{L}\p{N}])/iu;
const WORD_BEFORE = /[\p{L}\p{N}_/.-]/u;
const METHOD = /^[A-Z][A-Z0-9_-]*$/;
const METHOD_CHAR = /[A-Za-z0-9_-]/;
const SPACE = /[ \t]/;
/** Characters a log wrapper may leave after a request line, like the `",` of a JSON string. */
const WRAPPER_TAIL = ' \t"\',;';

/** `text` without the run of `chars` at its end (a scan: an end-anchored regex can be quadratic). */
function trimEndOf(text: string, chars: string): string {
  let end = text.length;
  while (end > 0 && chars.includes(text.charAt(end - 1))) end--;
  return text.slice(0, end);
}

/**
 * The reason phrase without what a log wrapper left at its end: trailing commas and
 * semicolons, and a trailing quote when the phrase has an odd number of them.
 */
function cleanPhrase(text: string): string {
  let phrase = trimEndOf(text.trim(), ',;');
  for (const quote of ['"', "'"]) {
    if (phrase.endsWith(quote) && phrase.split(quote).length % 2 === 0) {
      phrase = phrase.slice(0, -1).trimEnd();
    }
  }
  return phrase;
}

/** A status line anywhere in the line, after an optional log prefix that ends in a non-word character. */
function readStatusLine(line: string): StartLine | undefined {
  const match = STATUS.exec(line);
  if (!match) return undefined;
  const before = line[match.index - 1];
  if (before !== undefined && WORD_BEFORE.test(before)) return undefined;
  const digits = match[1] ?? '';
  const code = Number(digits);
  if (code < 100 || code > 699) return { kind: 'invalid', written: digits };
  return { kind: 'response', code, phrase: cleanPhrase(line.slice(match.index + match[0].length)) };
}

/**
 * A request line `<METHOD> <request-uri> SIP/2.0`, after an optional log prefix. Read from the
 * end with string scans (no regex backtracking): the line must end in SIP/2.0, the URI must have
 * a scheme (a colon), and the method is an upper-case token not glued to a word before it.
 */
function readRequestLine(line: string): StartLine | undefined {
  const text = trimEndOf(line, WRAPPER_TAIL);
  if (text.length < 7 || text.slice(-7).toUpperCase() !== 'SIP/2.0') return undefined;
  let end = text.length - 7;
  if (!SPACE.test(text[end - 1] ?? '')) return undefined;
  while (end > 0 && SPACE.test(text[end - 1] ?? '')) end--;
  let start = end;
  while (start > 0 && !SPACE.test(text[start - 1] ?? '')) start--;
  if (start === end || !text.slice(start, end).includes(':')) return undefined;
  end = start;
  if (!SPACE.test(text[end - 1] ?? '')) return undefined;
  while (end > 0 && SPACE.test(text[end - 1] ?? '')) end--;
  start = end;
  while (start > 0 && METHOD_CHAR.test(text[start - 1] ?? '')) start--;
  const method = text.slice(start, end);
  return METHOD.test(method) ? { kind: 'request', method } : undefined;
}

/**
 * Reads a SIP start line: a status line `SIP/2.0 <3 digits> <phrase>` (case-insensitive
 * SIP/2.0) or a request line `<METHOD> <uri> SIP/2.0`, either one maybe after a log prefix
 * such as a timestamp, an arrow or `recv from 1.2.3.4:5060:`.
 */
export function readStartLine(line: string): StartLine | undefined {
  return readStatusLine(line) ?? readRequestLine(line);
}
