import type { SipCode } from '../schema.ts';

/** Codes and causes found in free text. */
export interface TextFindings {
  codes: { code: SipCode; index: number }[];
  /** Every mention of a code, in order, with its 1-based line. */
  mentions: { code: SipCode; index: number; line: number }[];
  q850: number[];
  invalid: string[];
}

/**
 * A Q.850 cause mentioned in words: "Q.850 cause 34", "q850 34", "Q850=34", "cause=21",
 * "cause code 41", or as a switch logs it: FreeSWITCH's `variable_hangup_cause_q850: [17]` and
 * `hangup_cause_q850=17` (and in a CDR, `"hangup_cause_q850":"17"`,
 * `<hangup_cause_q850>17<`), Asterisk's `HANGUPCAUSE=17`, `hangupcause: 34`. Every quantifier is
 * bounded, so a long run of spaces can't make it backtrack.
 */
const Q850_MENTION =
  /(?:(?<![\p{L}\p{N}_])(?:q\.?[ ]?850(?:[ \t]{0,3}[;,]?[ \t]{0,3}cause)?|cause)|(?<![\p{L}\p{N}_])(?:variable_)?hangup_?cause(?:_q\.?850)?)(?:[ \t]{1,3}(?:code|value))?["']?[ \t]{0,3}[:=#>]?[ \t]{0,3}["'[]?(\d{1,3})(?!\d)/giu;
const DIGIT_RUN = /\d+/g;
const WORD = /[\p{L}\p{N}_]/u;
const LETTER = /\p{L}/u;
const DIGIT = /\d/;
/** Signs that make the number an amount, a phone number or an id, not a code. */
const NOT_A_CODE_BEFORE = '+$#€£¥';
/** Characters that glue digits into one number: 10.0.0.1, 10:45, 1,503, 555-0100. */
const NUMBER_GLUE = '.:,-';
/** Gaps that join digit groups into a phone number or an address: "919 555", "555-0100", "(919) 555". */
const GROUP_GAP = /^(?:[ \t]|-|\.|\) ?|[ \t]?\()$/;
const SPACE_GAP = /^[ \t]$/;
/**
 * A word after a number that makes it a count, a rate or a duration, not a code: "200 calls",
 * "100 cps", "300 concurrent channels", "30 %". ("503s" stays a plural code.) Not when the word
 * starts a code's own phrase: 183 Session Progress, 422 Session Interval Too Small, 181 Call Is
 * Being Forwarded, 481 Call/Transaction (or Call Leg/Transaction) Does Not Exist.
 */
const COUNTING_WORD =
  /^[ \t]{0,3}(?!session[ \t]{1,3}(?:progress|interval)|call(?:[ \t]{0,3}\/|[ \t]{1,3}(?:is|leg|transaction)(?![\p{L}\p{N}_])))(?:%|(?:calls?|cps|channels?|concurrent|sessions?|users|lines|seats|agents|numbers|seconds|secs?|ms|minutes|mins?|hours|hrs|times|attempts|percent|kbps|mbps|bytes|packets|destinations|dids|trunks|ports|requests)(?![\p{L}\p{N}_]))/iu;
/** How far COUNTING_WORD can read, and a little more. */
const COUNTING_WORD_REACH = 40;
const LINE_BREAK = /\r\r\n|\r\n|\r|\n/g;

/**
 * Header names whose values hold numbers that are not codes (CSeq 102, Content-Length 245,
 * Expires 300, Warning 399), and the compact forms (RFC 3261 §7.3.3 and later RFCs). Subject
 * is left out: people write "Subject: 503 errors" in an e-mail.
 */
const SIP_HEADER_NAMES = [
  'accept(?:-encoding|-language)?',
  'alert-info',
  'allow(?:-events)?',
  'authentication-info',
  'authorization',
  'call-id',
  'call-info',
  'contact',
  'content-(?:disposition|encoding|language|length|type)',
  'cseq',
  'date',
  'diversion',
  'error-info',
  'event',
  'expires',
  'from',
  'history-info',
  'identity',
  'max-forwards',
  'min-expires',
  'min-se',
  'mime-version',
  'p-[a-z-]+',
  'priority',
  'privacy',
  'proxy-(?:authenticate|authorization|require)',
  'rack',
  'record-route',
  'refer-to',
  'referred-by',
  'remote-party-id',
  'require',
  'retry-after',
  'route',
  'rseq',
  'server',
  'session-expires',
  'supported',
  'timestamp',
  'to',
  'unsupported',
  'user-agent',
  'via',
  'warning',
  'www-authenticate',
  '[imelcfktvoubrxy]',
].join('|');
/** A SIP header line with a known name, or an SDP line like `m=audio 40000 RTP/AVP 0 8 101`. */
const SIP_OR_SDP_LINE = new RegExp(
  `^[ \\t]*(?:(?:${SIP_HEADER_NAMES})[ \\t]*:|[a-z]=)[^\\r\\n]*`,
  'gim',
);

/**
 * The text with SIP header and SDP lines blanked out (same length, so offsets stay): their
 * numbers (CSeq 102, Content-Length 245, RTP payload 101) are not codes.
 */
function withoutSipLines(text: string): string {
  return text.replace(SIP_OR_SDP_LINE, (line) => ' '.repeat(line.length));
}

interface Run {
  start: number;
  end: number;
}

function isOneOf(char: string, set: string): boolean {
  return char !== '' && set.includes(char);
}

/** Q.850 causes (0–127) mentioned in words, and where their digits start. */
function findQ850(text: string): { causes: number[]; claimed: Set<number> } {
  const causes: number[] = [];
  const claimed = new Set<number>();
  for (const match of text.matchAll(Q850_MENTION)) {
    const digits = match[1] ?? '';
    const cause = Number(digits);
    if (cause > 127) continue;
    claimed.add(match.index + match[0].length - digits.length);
    if (!causes.includes(cause)) causes.push(cause);
  }
  return { causes, claimed };
}

/**
 * The digit runs that may be codes as far as their neighbours go. Runs joined by single
 * spaces, dashes, dots or parentheses form a group; a group is a number (phone, address,
 * version), not codes, when it follows a "+", has a gap other than a space, or has seven
 * digits or more with a group that isn't three digits long ("919 555 0100").
 */
function groupedRuns(text: string): Run[] {
  const runs: Run[] = [];
  for (const match of text.matchAll(DIGIT_RUN)) {
    runs.push({ start: match.index, end: match.index + match[0].length });
  }
  const kept: Run[] = [];
  let first = 0;
  while (first < runs.length) {
    let last = first;
    let spacesOnly = true;
    for (;;) {
      const current = runs[last];
      const next = runs[last + 1];
      if (!current || !next || next.start - current.end > 2) break;
      const gap = text.slice(current.end, next.start);
      if (!GROUP_GAP.test(gap)) break;
      if (!SPACE_GAP.test(gap)) spacesOnly = false;
      last++;
    }
    const group = runs.slice(first, last + 1);
    const head = group[0];
    const startsWithPlus = head !== undefined && text.charAt(head.start - 1) === '+';
    const digits = group.reduce((sum, run) => sum + run.end - run.start, 0);
    const allThree = group.every((run) => run.end - run.start === 3);
    const isNumber = group.length > 1 && (!spacesOnly || (!allThree && digits >= 7));
    if (!startsWithPlus && !isNumber) {
      for (const run of group) if (run.end - run.start === 3) kept.push(run);
    }
    first = last + 1;
  }
  return kept;
}

/** How many digits run from `start` in `step` direction (+1 or -1), up to five. */
function digitsFrom(text: string, start: number, step: 1 | -1): number {
  let count = 0;
  while (count < 5 && DIGIT.test(text.charAt(start + count * step))) count++;
  return count;
}

/**
 * Whether the character at `at` glues the run to a number on the other side: a dot, colon,
 * comma or dash before a digit, or a slash before a number that isn't another code (10/100).
 */
function gluedAt(text: string, at: number, step: 1 | -1): boolean {
  const char = text.charAt(at);
  if (char === '/') {
    const digits = digitsFrom(text, at + step, step);
    return digits > 0 && digits !== 3;
  }
  return isOneOf(char, NUMBER_GLUE) && DIGIT.test(text.charAt(at + step));
}

/** Whether the characters around a three-digit run let it stand alone as a code. */
function standsAlone(text: string, run: Run): { plus: boolean } | undefined {
  const before = text.charAt(run.start - 1);
  const beforeThat = text.charAt(run.start - 2);
  if (WORD.test(before) || isOneOf(before, NOT_A_CODE_BEFORE)) return undefined;
  // After a colon: a port, a line number (sofia.c:585) or the end of an IPv6 address (2001:db8::503).
  if (before === ':') return undefined;
  if (gluedAt(text, run.start - 1, -1)) return undefined;
  if (before === '.' && LETTER.test(beforeThat)) return undefined; // G.711, Q.850, H.323
  let position = run.end;
  if (gluedAt(text, position, 1)) return undefined;
  if (COUNTING_WORD.test(text.slice(position, position + COUNTING_WORD_REACH))) return undefined;
  const plus = text.charAt(position) === '+';
  if (plus) {
    if (DIGIT.test(text.charAt(position + 1))) return undefined;
    position++;
  }
  if (text.charAt(position) === 's' && !WORD.test(text.charAt(position + 1))) position++;
  return WORD.test(text.charAt(position)) ? undefined : { plus };
}

/** Gives the 1-based line of increasing offsets, reading the line breaks once. */
function lineCounter(text: string): (index: number) => number {
  const breaks = text.matchAll(LINE_BREAK);
  let line = 1;
  let nextBreak = breaks.next();
  return (index) => {
    while (!nextBreak.done && nextBreak.value.index + nextBreak.value[0].length <= index) {
      line++;
      nextBreak = breaks.next();
    }
    return line;
  };
}

/**
 * Finds SIP codes and Q.850 causes in free text.
 *
 * Codes are standalone three-digit tokens, 100–699, maybe followed by "+" (only 603+ keeps
 * it; 503+ reads as 503) and/or a plural "s" ("503s"). A token that is part of a longer
 * number, a phone number, a time, an IP address (IPv6 too: after a colon), a port, a version,
 * a date or an amount, that is glued to a letter, or that a counting word follows ("200
 * calls", "100 cps", "30 %") is not a code. Three-digit tokens 700–999 are invalid codes.
 * Q.850 causes are read from "Q.850 cause 34", "cause=34", "cause 34", "q850 34" and switch
 * variables (`hangup_cause_q850=17`, `HANGUPCAUSE=17`); their digits are not codes. Lines
 * that are SIP headers with a known name (CSeq: 102 INVITE) or SDP lines are skipped. Every
 * list but `mentions` is distinct, in first-seen order; a code's index is the offset of its
 * digits.
 */
export function scanFreeText(text: string): TextFindings {
  const prose = withoutSipLines(text);
  const { causes, claimed } = findQ850(prose);
  const codes: TextFindings['codes'] = [];
  const mentions: TextFindings['mentions'] = [];
  const invalid: string[] = [];
  const seen = new Set<SipCode>();
  const lineAt = lineCounter(prose);
  for (const run of groupedRuns(prose)) {
    if (claimed.has(run.start)) continue;
    const alone = standsAlone(prose, run);
    if (!alone) continue;
    const digits = prose.slice(run.start, run.end);
    const value = Number(digits);
    if (value >= 100 && value <= 699) {
      const code: SipCode = value === 603 && alone.plus ? '603+' : value;
      if (!seen.has(code)) codes.push({ code, index: run.start });
      seen.add(code);
      mentions.push({ code, index: run.start, line: lineAt(run.start) });
    } else if (value >= 700 && !invalid.includes(digits)) {
      invalid.push(digits);
    }
  }
  return { codes, mentions, q850: causes, invalid };
}
