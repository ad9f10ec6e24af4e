import type {
  CodeClass,
  CodeEntry,
  CodeFamily,
  CodeReference,
  Q850Cause,
  SipCode,
} from '../schema.ts';
import { classOf } from './classes.ts';

/** What an address under /codes/ shows. */
export type CodeLookup<E = CodeEntry, C = CodeClass> =
  | { kind: 'code'; entry: E; codeClass: C }
  /** A class page: `/codes/4xx`, or an unregistered code inside 100–699, like `/codes/499`. */
  | { kind: 'class'; codeClass: C; unregistered?: number }
  | { kind: 'not-found'; segment: string; reason: string };

export { classOf } from './classes.ts';

/** The address segment of a class page: `4xx`. */
export function classSegment(codeClass: number): string {
  return `${codeClass}xx`;
}

/**
 * Reads the segment after `/codes/`. A registered code gets its page; `4xx` gets the class page;
 * a code inside 100–699 without an entry gets its class's page (RFC 3261 §21: an unknown code is
 * treated like its class's x00); anything else is not found, with a sentence saying why.
 * Never throws.
 */
export function lookupCode<E extends { code: SipCode }, C extends { class: number }>(
  reference: { codes: readonly E[]; classes: readonly C[] },
  rawSegment: string,
): CodeLookup<E, C> {
  const segment = safeDecode(rawSegment).trim().toLowerCase();
  const shown = segment.length > 12 ? `${segment.slice(0, 12)}…` : segment;
  const classMatch = /^([1-6])xx$/.exec(segment);
  if (classMatch) {
    const codeClass = findClass(reference, Number(classMatch[1]));
    if (codeClass) return { kind: 'class', codeClass };
  }
  const codeMatch = /^(\d+)(\+?)$/.exec(segment);
  if (!codeMatch) {
    return {
      kind: 'not-found',
      segment,
      reason: `“${shown}” isn’t a SIP response code. Codes are three digits, like 503.`,
    };
  }
  const digits = codeMatch[1] ?? '';
  const number = Number(digits);
  if (digits.length !== 3 || number < 100 || number > 699) {
    return {
      kind: 'not-found',
      segment,
      reason: `“${shown}” isn’t a SIP response code: they run from 100 to 699.`,
    };
  }
  const code: SipCode = codeMatch[2] === '+' ? '603+' : number;
  if (codeMatch[2] === '+' && number !== 603) {
    return {
      kind: 'not-found',
      segment,
      reason: `“${shown}” isn’t a SIP response code: only 603+ (Network Blocked) carries a plus.`,
    };
  }
  const entry = reference.codes.find((candidate) => candidate.code === code);
  const codeClass = findClass(reference, classOf(code));
  if (!codeClass) {
    return {
      kind: 'not-found',
      segment,
      reason: `There is no entry for the ${classOf(code)}xx class.`,
    };
  }
  if (entry) return { kind: 'code', entry, codeClass };
  return { kind: 'class', codeClass, unregistered: number };
}

function findClass<C extends { class: number }>(
  reference: { classes: readonly C[] },
  codeClass: number,
): C | undefined {
  return reference.classes.find((candidate) => candidate.class === codeClass);
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** The family a code belongs to (like caller identity), if any. */
export function familyOf(
  reference: Pick<CodeReference, 'families'>,
  code: SipCode,
): CodeFamily | undefined {
  return reference.families.find((family) => family.codes.includes(code));
}

/** The Q.850 causes that typically map to a SIP code, in table order. */
export function q850For(reference: Pick<CodeReference, 'q850'>, code: SipCode): Q850Cause[] {
  return reference.q850.filter((cause) => cause.sip !== undefined && cause.sip === code);
}

/** Codes of one class, in order. */
export function codesInClass(
  reference: Pick<CodeReference, 'codes'>,
  codeClass: number,
): CodeEntry[] {
  return reference.codes.filter((entry) => classOf(entry.code) === codeClass);
}
