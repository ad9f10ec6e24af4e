import type { Frequency, Product, SipCode, SupportCondition } from '../schema.ts';

/**
 * The support request, in two shapes: the draft (exactly what the person typed, saved as is so
 * nothing is ever lost) and the ticket (validated, normalised, ready to export).
 */

/** What the person typed. Every field is raw text; validation never rewrites it. */
export interface TicketDraft {
  /** Answer ids of the wizard trail the request is about; empty when there is no diagnosis. */
  trail: string[];
  /** ISO 3166 country used to read numbers written without a country code, like "US". */
  country: string;
  origin: string;
  /** One row per destination number; always at least one row (possibly empty). */
  destinations: string[];
  /** One row per failed call, in local time of `timeZone`; always at least one row. */
  timestamps: string[];
  /** IANA time zone the timestamps are written in, like "America/New_York". */
  timeZone: string;
  /** Codes as typed ("503, 480"); null until touched, so the page can prefill from the answers. */
  codes: string | null;
  /** Error messages or other text from the phone system, free text. */
  errorText: string;
  /** Null until answered; the page prefills from the answers. */
  frequency: Frequency | null;
  product: Product | null;
  description: string;
}

/** A draft nobody has typed in yet: no trail, one empty row each, nothing chosen. */
export function blankDraft(country: string, timeZone: string): TicketDraft {
  return {
    trail: [],
    country,
    origin: '',
    destinations: [''],
    timestamps: [''],
    timeZone,
    codes: null,
    errorText: '',
    frequency: null,
    product: null,
    description: '',
  };
}

/** Whether the person typed anything worth keeping (choices alone are quick to redo). */
export function hasTypedText(draft: TicketDraft): boolean {
  return [
    draft.origin,
    draft.errorText,
    draft.description,
    draft.codes ?? '',
    ...draft.destinations,
    ...draft.timestamps,
  ].some((text) => text.trim() !== '');
}

export const LIMITS = {
  description: 2000,
  errorText: 1000,
  rows: 20,
  /** Longest text accepted in one number or timestamp row. */
  row: 100,
  /**
   * Most a text box takes at all: far past the limits above (which give the message), but bounded
   * so a saved draft always fits the storage schema (src/stores/saved/ticket-draft-schema.ts).
   */
  typed: 20_000,
} as const;

/** A field's verdict: a value, or one sentence that says what is wrong and how to fix it. */
export type FieldResult<T> = { ok: true; value: T } | { ok: false; message: string };

export interface PhoneNumberValue {
  /** E.164, like "+19195550100". */
  e164: string;
  /** ISO 3166 country the number belongs to, when it is a single country. */
  country?: string;
  /** International format for people, like "+1 919 555 0100". */
  display: string;
}

export interface TimestampValue {
  /** ISO 8601 in UTC with seconds, like "2026-11-24T19:05:00Z". */
  utc: string;
  /** The same instant as local wall-clock time in `timeZone`, like "2026-11-24 14:05:00". */
  local: string;
  timeZone: string;
  /** The zone's offset from UTC at that instant, like "-05:00". */
  offset: string;
}

export interface SipCodeValue {
  code: SipCode;
  /** The reason phrase: the registered one, or the class's when the code is not registered. */
  phrase: string;
  /** False for a code inside 100–699 that is not registered (it falls back to its class). */
  known: boolean;
  /** 1 to 6. */
  class: number;
}

export type Verdict =
  /** At least one condition holds and nothing says to wait: contact support now. */
  | 'contact-support'
  /** Something should be tried first (route advance on LCR, the fix steps). */
  | 'try-first'
  /** Retrying won't help, and the refusal comes from the called side, not the provider. */
  | 'called-party'
  /** None of the conditions holds yet. */
  | 'not-yet';

export interface ConditionCheck {
  id: SupportCondition;
  /** The condition, from content/support.yaml. */
  text: string;
  holds: boolean;
  /** Why it does or doesn't hold, from the answers and the form. */
  reason: string;
}

export interface Escalation {
  verdict: Verdict;
  /** A short verdict, like "Contact support" or "Not yet: set up route advance first". */
  headline: string;
  /** Reasons that say to wait or to look elsewhere, most important first. */
  cautions: string[];
  conditions: ConditionCheck[];
}

export interface TriedStep {
  id: string;
  text: string;
  source: 'procedure' | 'fix-step';
}

/** A complete, validated support request. Every exporter works from this and only this. */
export interface Ticket {
  /** When the request was prepared, ISO 8601 UTC. */
  preparedAt: string;
  brand: string;
  provider: { name: string; supportEmail: string };
  diagnosis: {
    /** The branch chosen first, like "The call never connects". */
    category?: { id: string; title: string };
    /** The outcome reached, when the trail ends at one. */
    outcome?: { id: string; title: string };
    /** Each question asked on the way and the answer given, in order. */
    answers: { question: string; answer: string }[];
    /** Absolute link to the diagnosis page. */
    link?: string;
  };
  numbers: { originating: PhoneNumberValue; destinations: PhoneNumberValue[] };
  failedCalls: { timeZone: string; times: TimestampValue[] };
  codes: SipCodeValue[];
  /** Empty when none was given. */
  errorText: string;
  frequency?: { id: Frequency; label: string };
  product?: { id: Product; label: string };
  description: string;
  tried: TriedStep[];
  escalation: Escalation;
}

/** The JSON export's format name and version; bump the version on any incompatible change. */
export const TICKET_FORMAT = 'call-troubleshooter/support-request';
export const TICKET_FORMAT_VERSION = 1;
