import type { SipCode } from '../schema.ts';
import { MAX_PASTE_LENGTH, readPaste } from './parse-paste.ts';
import { sentences, shown } from './sentences.ts';
import type {
  PastedRequest,
  PastedResponse,
  PasteParse,
  PasteReference,
  ReasonHeader,
  Understanding,
  UnderstandingSource,
} from './types.ts';

export type { PasteReference, Understanding, UnderstandingSource } from './types.ts';

/** RFC 3261 §21 class names, for a reference that lacks one. */
const CLASS_NAMES = [
  'Provisional',
  'Success',
  'Redirection',
  'Client failure',
  'Server failure',
  'Global failure',
];
const NETWORK_BLOCKED = /network[\s_-]*blocked/i;
const JUST_A_CODE = /^\d{3}\+?s?$/;
const NOT_LETTER_OR_DIGIT = /[^\p{L}\p{N}]+/gu;

interface Tables {
  codes: Map<SipCode, { phrase: string; oldPhrases: readonly string[] }>;
  classes: Map<number, string>;
  q850: Map<number, { name: string; sip: number | undefined }>;
  /** Switch cause names (NORMAL_TEMPORARY_FAILURE) → Q.850 cause. */
  causeNames: Map<string, number>;
}

/** What a step chose, before phrases and notes are added. */
interface Pick {
  code: SipCode;
  source: UnderstandingSource;
  /** The phrase (or Reason text) as written, if any. */
  written?: string | undefined;
  q850?: number | undefined;
  reasons: ReasonHeader[];
  others: SipCode[];
  notes: string[];
}

type Failure = Extract<Understanding, { ok: false }>;
type Outcome = Pick | Failure;

const tableCache = new WeakMap<PasteReference, Tables>();

function tablesOf(reference: PasteReference): Tables {
  const cached = tableCache.get(reference);
  if (cached) return cached;
  const tables: Tables = {
    codes: new Map(),
    classes: new Map(),
    q850: new Map(),
    causeNames: new Map(),
  };
  for (const { code, phrase, oldPhrases } of reference.codes) {
    if (!tables.codes.has(code)) tables.codes.set(code, { phrase, oldPhrases: oldPhrases ?? [] });
  }
  for (const entry of reference.classes) {
    if (!tables.classes.has(entry.class)) tables.classes.set(entry.class, entry.name);
  }
  for (const { cause, name, sip, aliases } of reference.q850) {
    if (!tables.q850.has(cause)) tables.q850.set(cause, { name, sip });
    for (const alias of aliases ?? []) tables.causeNames.set(alias, cause);
  }
  tableCache.set(reference, tables);
  return tables;
}

function fail(reason: string): Failure {
  return { ok: false, reason };
}

function isSipNumber(value: number | undefined): value is number {
  return value !== undefined && Number.isInteger(value) && value >= 100 && value <= 699;
}

/** 603 with a phrase (or Reason text) saying "Network Blocked" is 603+ (ATIS-1000099). */
function codeOf(code: number, phrase: string | undefined): SipCode {
  return code === 603 && phrase !== undefined && NETWORK_BLOCKED.test(phrase) ? '603+' : code;
}

const responseCode = (response: PastedResponse): SipCode => codeOf(response.code, response.phrase);
const isQ850 = (reason: ReasonHeader) => reason.protocol === 'Q.850';

/**
 * Drops each 401/407 that a later final of the same call (same Call-ID, or either has none)
 * follows: an authentication challenge the caller answered. One pass from the end.
 */
function dropAnsweredChallenges(finals: readonly PastedResponse[]): PastedResponse[] {
  const kept: PastedResponse[] = [];
  const laterIds = new Set<string>();
  let laterAny = false;
  let laterWithoutId = false;
  for (let i = finals.length - 1; i >= 0; i--) {
    const response = finals[i];
    if (!response) continue;
    const { code, callId } = response;
    const challenge = code === 401 || code === 407;
    const answered =
      challenge && (callId === undefined ? laterAny : laterWithoutId || laterIds.has(callId));
    if (!answered) kept.push(response);
    laterAny = true;
    if (callId === undefined) laterWithoutId = true;
    else laterIds.add(callId);
  }
  return kept.reverse();
}

/** How a Reason header reads in a sentence: “Q.850 cause 16 (Normal call clearing)”. */
function describeReason(reason: ReasonHeader, tables: Tables): string {
  const name = isQ850(reason) ? tables.q850.get(reason.cause)?.name : undefined;
  const label = `${shown(reason.protocol, 12)} cause ${reason.cause}`;
  return name === undefined ? label : `${label} (${name})`;
}

function sameCall(a: { callId?: string }, b: { callId?: string }): boolean {
  return a.callId === undefined || b.callId === undefined || a.callId === b.callId;
}

/** Notes about the calls around the chosen response: how many, and how an answered one ended. */
function callNotes(parse: PasteParse, chosen: PastedResponse, tables: Tables): string[] {
  const notes: string[] = [];
  const messages = [...parse.responses, ...parse.requests].sort((a, b) => a.line - b.line);
  const ids = new Set<string>();
  let lastId: string | undefined;
  for (const { callId } of messages) {
    if (callId === undefined) continue;
    ids.add(callId);
    lastId = callId;
  }
  if (ids.size > 1) notes.push(sentences.calls(ids.size, chosen.callId === lastId));
  if (chosen.code >= 200 && chosen.code < 300) {
    const bye = parse.requests.find(
      (request) =>
        request.method === 'BYE' &&
        request.line > chosen.line &&
        request.reasons.length > 0 &&
        sameCall(request, chosen),
    );
    const reason = bye?.reasons[0];
    if (reason) {
      const normal = isQ850(reason) && reason.cause === 16;
      notes.push(sentences.bye(describeReason(reason, tables), normal));
    }
  }
  return notes;
}

/** The last of `candidates` (failures only, if asked) after answered challenges are dropped. */
function lastResponse(
  candidates: readonly PastedResponse[],
  failuresOnly: boolean,
): { chosen: PastedResponse; kept: PastedResponse[] } | undefined {
  const kept = dropAnsweredChallenges(candidates).filter((r) => !failuresOnly || r.code >= 300);
  const chosen = kept.at(-1);
  return chosen ? { chosen, kept } : undefined;
}

/** A pick from a chosen response: its reasons (or loose ones), the other finals, the call notes. */
function pickResponse(
  parse: PasteParse,
  chosen: PastedResponse,
  kept: readonly PastedResponse[],
  tables: Tables,
): Pick {
  const single = parse.responses.length + parse.requests.length === 1;
  const q850 = chosen.reasons.find(isQ850) ?? parse.looseReasons.find(isQ850);
  return {
    code: responseCode(chosen),
    source: single && parse.looseReasons.length === 0 ? 'status-line' : 'messages',
    written: chosen.phrase,
    q850: q850?.cause,
    reasons: chosen.reasons.length > 0 ? chosen.reasons : parse.looseReasons,
    others: kept.map(responseCode),
    notes: callNotes(parse, chosen, tables),
  };
}

/** Step 2: the last final response to the INVITE (or to an unknown method). */
function fromFinals(parse: PasteParse, tables: Tables): Outcome | undefined {
  const finals = parse.responses.filter(
    (r) => r.code >= 200 && (r.method === undefined || r.method === 'INVITE'),
  );
  const last = lastResponse(finals, false);
  return last && pickResponse(parse, last.chosen, last.kept, tables);
}

/** Q.850 causes: the table's typical SIP response for the first cause that has one. */
function fromQ850(causes: readonly number[], tables: Tables, reasons: ReasonHeader[]): Outcome {
  const mapped: { cause: number; sip: number; name: string }[] = [];
  for (const cause of causes) {
    const entry = tables.q850.get(cause);
    if (entry && isSipNumber(entry.sip)) mapped.push({ cause, sip: entry.sip, name: entry.name });
  }
  const [first, ...rest] = mapped;
  if (first) {
    return {
      code: first.sip,
      source: 'q850-typical',
      q850: first.cause,
      reasons,
      others: rest.map((entry) => entry.sip),
      notes: [sentences.typical(first.cause, first.name, first.sip)],
    };
  }
  if (causes.includes(16)) return fail(sentences.normalClearing);
  const cause = causes[0] ?? 0;
  const name = tables.q850.get(cause)?.name;
  return fail(
    name === undefined ? sentences.q850Unknown(cause) : sentences.q850NoMapping(cause, name),
  );
}

/**
 * Step 5: Reason headers outside messages, or carried by requests (a BYE, a CANCEL). A SIP
 * reason wins, then a STIR one, then the typical mapping of a Q.850 cause.
 */
function fromReasons(parse: PasteParse, tables: Tables): Outcome | undefined {
  const carriers = new Map<ReasonHeader, PastedRequest>();
  for (const request of parse.requests) {
    for (const reason of request.reasons) carriers.set(reason, request);
  }
  const reasons = [...parse.looseReasons, ...carriers.keys()];
  if (reasons.length === 0) return undefined;
  const chosen =
    reasons.find((r) => r.protocol === 'SIP') ?? reasons.find((r) => r.protocol === 'STIR');
  if (!chosen) {
    const causes = reasons.filter(isQ850).map((r) => r.cause);
    if (causes.length > 0) return fromQ850(causes, tables, reasons);
    return fail(sentences.unknownProtocol(reasons[0]?.protocol ?? ''));
  }
  const carrier = carriers.get(chosen);
  const notes = carrier ? [sentences.fromRequest(carrier.method)] : [];
  if (chosen.protocol === 'STIR') notes.push(sentences.stir);
  return {
    code: codeOf(chosen.cause, chosen.text),
    source: chosen.protocol === 'SIP' ? 'sip-reason' : 'stir-reason',
    written: chosen.text,
    q850: reasons.find(isQ850)?.cause,
    reasons,
    others: reasons
      .filter((r) => r.protocol === 'SIP' || r.protocol === 'STIR')
      .map((r) => codeOf(r.cause, r.text)),
    notes,
  };
}

/** Method names as they may appear in a sentence: distinct, at most three, each cut short. */
function methodNames(methods: readonly (string | undefined)[]): string[] {
  const names = [...new Set(methods.map((m) => (m === undefined ? 'unknown' : shown(m, 12))))];
  return names.length > 3 ? [...names.slice(0, 3), 'others'] : names;
}

/** “100 Trying, 183 Session Progress”: distinct codes, registered phrases, at most four. */
function provisionalList(responses: readonly PastedResponse[], tables: Tables): string {
  const items: string[] = [];
  for (const { code, phrase } of responses) {
    if (items.length > 4) break;
    const name = tables.codes.get(code)?.phrase ?? shown(phrase, 20);
    const item = name === '' ? String(code) : `${code} ${name}`;
    if (!items.includes(item)) items.push(item);
  }
  return items.length > 4 ? `${items.slice(0, 4).join(', ')}, …` : items.join(', ');
}

/**
 * Steps 3–4: no final response to the INVITE. A failure answering another method (a REGISTER
 * 403) is used with a note; else provisional responses only, responses to other methods
 * only, or requests only, each say what to paste.
 */
function fromIncomplete(parse: PasteParse, tables: Tables): Outcome | undefined {
  const { responses, requests } = parse;
  const failure = lastResponse(
    responses.filter((r) => r.code >= 200),
    true,
  );
  if (failure) {
    const pick = pickResponse(parse, failure.chosen, failure.kept, tables);
    const { method } = failure.chosen;
    if (method !== undefined) pick.notes.push(sentences.otherMethod(method));
    return pick;
  }
  const provisional = responses.filter((r) => r.code < 200);
  if (provisional.length > 0) {
    return fail(sentences.provisionalOnly(provisionalList(provisional, tables)));
  }
  if (responses.length > 0) {
    return fail(sentences.otherMethodsOnly(methodNames(responses.map((r) => r.method))));
  }
  if (requests.length > 0) {
    return fail(sentences.requestsOnly(methodNames(requests.map((r) => r.method))));
  }
  return undefined;
}

/** Step 6: codes and Q.850 causes in free text. */
function fromText(parse: PasteParse, trimmed: string, tables: Tables): Outcome | undefined {
  const [first, ...rest] = parse.textCodes;
  if (first) {
    const justTheCode = trimmed.length <= 5 && JUST_A_CODE.test(trimmed);
    return {
      code: first.code,
      source: justTheCode ? 'code' : 'text',
      q850: parse.textQ850[0],
      reasons: [],
      others: rest.map((found) => found.code),
      notes: [],
    };
  }
  return parse.textQ850.length > 0 ? fromQ850(parse.textQ850, tables, []) : undefined;
}

/** Upper-case words with an underscore, like FreeSWITCH's NORMAL_TEMPORARY_FAILURE. */
const CAUSE_NAME = /\b(?:AST_CAUSE_)?([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)\b/g;

/**
 * Step 7: a switch's name for a Q.850 cause (FreeSWITCH's `NORMAL_TEMPORARY_FAILURE`, Asterisk's
 * `AST_CAUSE_NORMAL_CIRCUIT_CONGESTION`), when nothing SIP-shaped was found. Read like a Q.850
 * Reason: the typical SIP response, with a note that it is typical.
 */
function fromCauseNames(trimmed: string, tables: Tables): Outcome | undefined {
  const causes: number[] = [];
  for (const match of trimmed.slice(0, 20_000).matchAll(CAUSE_NAME)) {
    const cause = tables.causeNames.get(match[1] ?? '');
    if (cause !== undefined && !causes.includes(cause)) causes.push(cause);
  }
  return causes.length > 0 ? fromQ850(causes, tables, []) : undefined;
}

/** Steps 2–8 in order: the first that applies decides. */
function choose(parse: PasteParse, trimmed: string, tables: Tables): Outcome {
  const invalid = parse.invalidCodes[0];
  return (
    fromFinals(parse, tables) ??
    fromReasons(parse, tables) ??
    fromIncomplete(parse, tables) ??
    fromText(parse, trimmed, tables) ??
    fromCauseNames(trimmed, tables) ??
    fail(invalid === undefined ? sentences.nothing : sentences.invalidCode(invalid))
  );
}

function classOf(code: SipCode): number {
  return code === '603+' ? 6 : Math.floor(code / 100);
}

/** The registered phrase, or for an unregistered code its class name and a warning. */
function phraseOf(code: SipCode, tables: Tables): { phrase: string; registered: boolean } {
  const entry = tables.codes.get(code);
  if (entry && entry.phrase.trim() !== '') return { phrase: entry.phrase, registered: true };
  if (code === '603+') return { phrase: 'Network Blocked', registered: true };
  const cls = classOf(code);
  const name = tables.classes.get(cls) ?? CLASS_NAMES[cls - 1] ?? 'Unknown class';
  return { phrase: `${name} (not a registered code)`, registered: false };
}

/** Lower-case letters and digits only, to compare phrases ignoring case and punctuation. */
function comparable(phrase: string): string {
  return phrase.toLowerCase().replace(NOT_LETTER_OR_DIGIT, '');
}

/** The written phrase when it says something other than the registered and old phrases. */
function writtenPhraseOf(code: SipCode, written: string | undefined, tables: Tables) {
  if (written === undefined || comparable(written) === '') return undefined;
  const entry = tables.codes.get(code);
  const known = entry ? [entry.phrase, ...entry.oldPhrases] : [];
  if (code === '603+') known.push('Network Blocked');
  const mine = comparable(written);
  return known.some((phrase) => comparable(phrase) === mine) ? undefined : shown(written);
}

function q850Of(cause: number | undefined, tables: Tables) {
  if (cause === undefined) return undefined;
  const entry = tables.q850.get(cause);
  if (!entry) return { cause };
  return isSipNumber(entry.sip)
    ? { cause, name: entry.name, typicalSip: entry.sip }
    : { cause, name: entry.name };
}

/** Notes every chosen code earns, whatever the source. */
function codeNotes(pick: Pick): string[] {
  const { code, source } = pick;
  const cls = classOf(code);
  if (cls === 1) return [sentences.provisionalCode(code === '603+' ? 603 : code)];
  if (cls === 2) return [sentences.answered];
  if (code === 487) return [sentences.cancelled];
  const fromMessages = source === 'status-line' || source === 'messages';
  if ((code === 401 || code === 407) && fromMessages) return [sentences.challenge(code)];
  return [];
}

/** Turns a pick into the answer: phrases, Q.850 details, alternatives and notes. */
function finish(pick: Pick, tables: Tables, truncated: boolean): Understanding {
  const { code } = pick;
  const written = writtenPhraseOf(code, pick.written, tables);
  const q850 = q850Of(pick.q850, tables);
  const notes = [...pick.notes, ...codeNotes(pick)];
  if (truncated) notes.push(sentences.truncated(MAX_PASTE_LENGTH));
  return {
    ok: true,
    code,
    ...phraseOf(code, tables),
    ...(written === undefined ? {} : { writtenPhrase: written }),
    source: pick.source,
    ...(q850 === undefined ? {} : { q850 }),
    reasons: pick.reasons,
    others: [...new Set(pick.others)].filter((other) => other !== code),
    notes: [...new Set(notes)],
  };
}

function understand(text: string, reference: PasteReference): Understanding {
  const trimmed = text.trim();
  if (trimmed === '') return fail(sentences.empty);
  const parse = readPaste(text);
  const tables = tablesOf(reference);
  const outcome = choose(parse, trimmed, tables);
  if ('code' in outcome) return finish(outcome, tables, parse.truncated);
  if (!parse.truncated) return outcome;
  return fail(`${outcome.reason} ${sentences.truncated(MAX_PASTE_LENGTH)}`);
}

/**
 * Says what a paste means: the SIP code to diagnose from, where it came from, and notes for
 * the person who pasted it; or, when there is no code, one or two sentences on what to paste
 * instead. Never throws.
 *
 * In order, the first rule that applies decides:
 * 1. Empty or blank: ask for a paste.
 * 2. Final responses (200+) to an INVITE or to an unknown method: a 401/407 that a later
 *    final of the same call follows is dropped (an answered challenge); the last one left is
 *    chosen (“603 Network Blocked” reads as 603+). The other finals are `others`. Notes: how
 *    many calls, an answered call (and the BYE’s reason), a cancelled one (487), an
 *    unanswered challenge.
 * 3. Reason headers outside messages or in requests (a BYE): SIP, then STIR, then the typical
 *    mapping of a Q.850 cause; Q.850 cause 16 is a normal hang-up, not an error.
 * 4. A failure answering another method (a REGISTER 403), with a note; else provisional
 *    responses only, responses to other methods only, or requests only: say what to paste.
 * 5. Codes in free text: the first one (`code` when the paste is just the code); Q.850 causes
 *    in words give the typical mapping when there is no code.
 * 6. An out-of-range code: say codes run from 100 to 699. Else: nothing recognisable.
 * An unregistered code gets its class name (“Client failure (not a registered code)”).
 */
export function understandPaste(text: string, reference: PasteReference): Understanding {
  try {
    return understand(text, reference);
  } catch {
    return fail(sentences.unexpected);
  }
}
