import { CLASS_NAMES, classOf, unregisteredPhrase } from '../codes/classes.ts';
import type { Codes, SipCode } from '../schema.ts';
import type { SipCodeValue } from './model.ts';
import { quote } from './quote.ts';

const lookups = new WeakMap<Codes, Map<SipCode, string>>();

function phrases(table: Codes): Map<SipCode, string> {
  let map = lookups.get(table);
  if (!map) {
    map = new Map(table.codes.map((entry) => [entry.code, entry.phrase]));
    lookups.set(table, map);
  }
  return map;
}

/**
 * Describes a SIP code (100–699, or "603+") from the codes table: its registered reason
 * phrase, or for an unregistered code its class name, like "Client failure (not a registered
 * code)" for 499. `class` is the first digit (kept within 1–6).
 */
export function describeCode(code: SipCode, table: Codes): SipCodeValue {
  const cls = classOf(code);
  const phrase = phrases(table).get(code);
  if (phrase !== undefined) return { code, phrase, known: true, class: cls };
  const className =
    table.classes.find((entry) => entry.class === cls)?.name ?? CLASS_NAMES[cls - 1] ?? '';
  return { code, phrase: unregisteredPhrase(className), known: false, class: cls };
}

/** A token that looks like a code: digits with an optional "+", maybe wrapped in punctuation. */
const CODE_TOKEN = /^[("'[]*(\d+)(\+?)[)"'\].:]*$/;
const SIP_VERSION = /^sip\/2\.0\s+/i;
const NETWORK_BLOCKED = /^\d{3}\s+network[\s_-]*blocked\b/i;

/** A code token's value, or a sentence saying why it is not a SIP code. */
function readCode(token: string): { code: SipCode } | { problem: string } {
  const match = CODE_TOKEN.exec(token);
  const digits = match?.[1] ?? '';
  const number = Number(digits);
  if (digits.length !== 3) {
    return {
      problem: `${quote(token)} is not a SIP code: SIP codes have three digits, like 503.`,
    };
  }
  if (number < 100 || number > 699) {
    return { problem: `${quote(token)} is not a SIP code: SIP codes run from 100 to 699.` };
  }
  if (match?.[2]) {
    if (number === 603) return { code: '603+' };
    return {
      problem: `${quote(token)} is not a SIP code: only 603+ has a plus, so write ${digits}.`,
    };
  }
  return { code: number };
}

/**
 * Reads the SIP codes a person typed, like "503, 480" or "SIP/2.0 503 Service Unavailable".
 *
 * Rules: items are separated by commas, semicolons and line breaks. An item may start with
 * "SIP/2.0". Within an item, words are split on spaces and slashes; the leading run of codes
 * counts ("503 480", "503/480", "480 486 Busy Here") and the first other word starts a reason
 * phrase, which is ignored with all that follows ("503 Service Unavailable"). An item that
 * doesn't start with a code is a problem; one of only punctuation is skipped.
 * Codes are three digits, 100–699; only 603 takes a "+" (603+). Repeated codes appear once,
 * in first-seen order. 1xx and 2xx codes are kept but earn a note, since they are not failures.
 * Never throws.
 */
export function parseSipCodes(
  text: string,
  table: Codes,
): { values: SipCodeValue[]; problems: string[]; notes: string[] } {
  const values: SipCodeValue[] = [];
  const problems: string[] = [];
  const notes: string[] = [];
  const seen = new Set<SipCode>();

  const problem = (message: string) => {
    if (!problems.includes(message)) problems.push(message);
  };
  const add = (token: string) => {
    const read = readCode(token);
    if ('problem' in read) {
      problem(read.problem);
      return;
    }
    if (seen.has(read.code)) return;
    seen.add(read.code);
    const value = describeCode(read.code, table);
    values.push(value);
    if (value.class <= 2) {
      const name = value.known ? `${value.code} ${value.phrase}` : String(value.code);
      notes.push(`${name} is not a failure; add the final response that ended the call too.`);
    }
  };

  for (const raw of text.split(/[,;\r\n]+/)) {
    const item = raw.trim().replace(SIP_VERSION, '');
    if (item === '') continue;
    const tokens = item.split(/[\s/]+/).filter((token) => token !== '');
    if (!CODE_TOKEN.test(tokens[0] ?? '')) {
      if (/^[^\p{L}\p{N}]*$/u.test(item)) continue; // Stray punctuation, like "-" or "…".
      problem(
        `${quote(item)} is not a SIP code: SIP codes are three digits, like 503, and error text goes in the error messages field.`,
      );
      continue;
    }
    // The leading run of codes counts; the first word ends it and starts the reason phrase.
    // "603 Network Blocked" is how 603+ appears in a status line (ATIS-1000099).
    const networkBlocked = NETWORK_BLOCKED.test(item);
    for (const token of tokens) {
      if (!CODE_TOKEN.test(token)) break;
      add(networkBlocked && token === '603' ? '603+' : token);
    }
  }
  return { values, problems, notes };
}
