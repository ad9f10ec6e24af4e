import { CLASS_NAMES, classOf, unregisteredPhrase } from '../codes/classes.ts';
import type { SipCode } from '../schema.ts';
import { callsOf, dropAnsweredChallenges, readCall, type CallReading } from './calls.ts';
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

type Phase = Extract<Understanding, { ok: true }>['phase'];

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
  /** Set when it isn't what the code says (2xx answered, else setup). */
  phase?: Phase;
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
const isNormalClearing = (reason: ReasonHeader) => isQ850(reason) && reason.cause === 16;
/** A failure: 300 or more, 603+ included. */
const isFailure = (code: SipCode) => code === '603+' || code >= 300;
/** “Call completed elsewhere” (RFC 3326): a CANCEL because another phone answered. */
const completedElsewhere = (request: PastedRequest) =>
  request.method === 'CANCEL' &&
  request.reasons.some((reason) => reason.protocol === 'SIP' && reason.cause === 200);

/** How a Reason header reads in a sentence: “Q.850 cause 16 (Normal call clearing)”. */
function describeReason(reason: ReasonHeader, tables: Tables): string {
  const name = isQ850(reason)
    ? tables.q850.get(reason.cause)?.name
    : reason.text === undefined || reason.text.trim() === ''
      ? undefined
      : `“${shown(reason.text, 40)}”`;
  const label = `${shown(reason.protocol, 12)} cause ${reason.cause}`;
  return name === undefined ? label : `${label} (${name})`;
}

/** “488 Not Acceptable Here”: the registered phrase, else the written one, cut short. */
function describeResponse(response: PastedResponse, tables: Tables): string {
  const phrase = tables.codes.get(responseCode(response))?.phrase ?? shown(response.phrase, 30);
  return phrase.trim() === '' ? String(response.code) : `${response.code} ${phrase}`;
}

/** The request a mid-call response answers, named for a sentence. */
function inDialogRequest(response: PastedResponse): string {
  if (response.method === 'INVITE' || response.method === undefined) return 're-INVITE';
  return shown(response.method, 12);
}

function sameCall(a: { callId?: string | undefined }, b: { callId?: string | undefined }): boolean {
  return a.callId === undefined || b.callId === undefined || a.callId === b.callId;
}

/**
 * The Call-IDs of calls (an INVITE, or a response to an INVITE or to an unknown method), and
 * the last one in the paste. OPTIONS pings and REGISTERs are not calls.
 */
function callIds(parse: PasteParse): { count: number; last: string | undefined } {
  const ids = new Set<string>();
  let last: { id: string; line: number } | undefined;
  const add = (callId: string | undefined, line: number) => {
    if (callId === undefined) return;
    ids.add(callId);
    if (!last || line > last.line) last = { id: callId, line };
  };
  for (const request of parse.requests) {
    if (request.method === 'INVITE') add(request.callId, request.line);
  }
  for (const response of parse.responses) {
    if (response.method === undefined || response.method === 'INVITE') {
      add(response.callId, response.line);
    }
  }
  return { count: ids.size, last: last?.id };
}

/** “What you pasted has N calls; …”, when it has more than one. */
function callsNote(
  parse: PasteParse,
  chosen: { callId?: string | undefined },
  laterAnswered: boolean,
) {
  const { count, last } = callIds(parse);
  if (count <= 1) return [];
  const which =
    chosen.callId !== undefined && chosen.callId === last
      ? 'last'
      : laterAnswered
        ? 'last-failed'
        : 'last-final';
  return [sentences.calls(count, which)];
}

/** How the first BYE with a Reason after an answer ended the call, as a note. */
function byeNote(parse: PasteParse, answer: PastedResponse, tables: Tables): string[] {
  const bye = parse.requests.find(
    (request) =>
      request.method === 'BYE' &&
      request.line > answer.line &&
      request.reasons.length > 0 &&
      sameCall(request, answer),
  );
  const reason = bye?.reasons[0];
  return reason ? [sentences.bye(describeReason(reason, tables), isNormalClearing(reason))] : [];
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

/** A pick from a chosen response: its code and reasons (or the loose ones); no others yet. */
function pickResponse(parse: PasteParse, chosen: PastedResponse, notes: string[]): Pick {
  const single = parse.responses.length + parse.requests.length === 1;
  const q850 = chosen.reasons.find(isQ850) ?? parse.looseReasons.find(isQ850);
  return {
    code: responseCode(chosen),
    source: single && parse.looseReasons.length === 0 ? 'status-line' : 'messages',
    written: chosen.phrase,
    q850: q850?.cause,
    reasons: chosen.reasons.length > 0 ? chosen.reasons : parse.looseReasons,
    others: [],
    notes,
  };
}

/** The code a BYE's Reason gives when it ended a call with an error: SIP 300+, else Q.850. */
function byeDrop(
  bye: PastedRequest,
  tables: Tables,
): { reason: ReasonHeader; code: SipCode; typical: boolean } | undefined {
  const sip = bye.reasons.find((r) => r.protocol === 'SIP' && r.cause >= 300);
  if (sip) return { reason: sip, code: codeOf(sip.cause, sip.text), typical: false };
  for (const reason of bye.reasons) {
    if (!isQ850(reason) || reason.cause === 16) continue;
    const sipCode = tables.q850.get(reason.cause)?.sip;
    if (isSipNumber(sipCode)) return { reason, code: sipCode, typical: true };
  }
  return undefined;
}

/** A pick for a call a BYE ended with an error reason (`byeDrop`). */
function pickBye(
  bye: PastedRequest,
  drop: NonNullable<ReturnType<typeof byeDrop>>,
  tables: Tables,
  notes: string[],
): Pick {
  const { reason, code, typical } = drop;
  const q850 = typical ? reason : bye.reasons.find(isQ850);
  const dropNotes = [...notes, sentences.byeDropped(describeReason(reason, tables))];
  if (typical) {
    dropNotes.push(
      sentences.typical(reason.cause, tables.q850.get(reason.cause)?.name, Number(code)),
    );
  }
  return {
    code,
    source: typical ? 'q850-typical' : 'sip-reason',
    written: typical ? undefined : reason.text,
    q850: q850?.cause,
    reasons: bye.reasons,
    others: [],
    notes: dropNotes,
    phase: 'dropped',
  };
}

/** A call read with the tables: whether it failed, and how to tell it. */
interface Verdict {
  /** The response (or BYE) that tells the story: its line orders the calls. */
  line: number;
  failed: boolean;
  callId: string | undefined;
  /** Builds the pick once the call is chosen, after the notes given (the calls note). */
  pick: (notes: string[]) => Pick;
}

/**
 * One call's verdict. Answered: a 481/408 mid-call means it was lost (dropped); else a BYE
 * with an error reason, when no INVITE of the call failed, means it was ended (dropped); else
 * it stayed up (answered), with a note on the last re-INVITE or UPDATE that failed. Not
 * answered: its last final (setup).
 */
function verdictOf(call: CallReading, parse: PasteParse, tables: Tables): Verdict {
  const { answer, last, lost } = call;
  const callId = last.callId;
  if (!answer) {
    return {
      line: last.line,
      failed: last.code >= 300,
      callId,
      pick: (notes) => {
        const byeNotes = last.code < 300 ? byeNote(parse, last, tables) : [];
        return pickResponse(parse, last, [...notes, ...byeNotes]);
      },
    };
  }
  if (lost) {
    const request = inDialogRequest(lost);
    const note = sentences.dialogLost(request, describeResponse(lost, tables), lost.code === 408);
    return {
      line: lost.line,
      failed: true,
      callId,
      pick: (notes) => ({ ...pickResponse(parse, lost, [...notes, note]), phase: 'dropped' }),
    };
  }
  if (!call.inviteFailed) {
    for (const bye of call.byes) {
      const drop = byeDrop(bye, tables);
      if (drop) {
        return {
          line: bye.line,
          failed: true,
          callId,
          pick: (notes) => pickBye(bye, drop, tables, notes),
        };
      }
    }
  }
  const change = call.changes.at(-1);
  const changeNotes = change
    ? [sentences.midCallFailure(inDialogRequest(change), describeResponse(change, tables))]
    : [];
  return {
    line: Math.max(answer.line, change?.line ?? 0),
    failed: false,
    callId,
    pick: (notes) => ({
      ...pickResponse(parse, answer, [...notes, ...byeNote(parse, answer, tables), ...changeNotes]),
      phase: 'answered',
    }),
  };
}

/**
 * Step 2: the calls with a final response to the INVITE (or to an unknown method). Each call
 * gets a verdict (`verdictOf`); the last failed call is chosen, else the last call. The other
 * codes are every final to an INVITE and every failure after an answer. A 487 whose call has
 * a CANCEL saying “Call completed elsewhere” is no failure at all.
 */
function fromFinals(parse: PasteParse, tables: Tables): Outcome | undefined {
  const { calls, kept } = callsOf(parse);
  const readings: CallReading[] = [];
  for (const call of calls) {
    const reading = readCall(call);
    if (reading) readings.push(reading);
  }
  const verdicts = readings.map((reading) => verdictOf(reading, parse, tables));
  const failed = verdicts.filter((verdict) => verdict.failed);
  let chosen: Verdict | undefined;
  for (const verdict of failed.length > 0 ? failed : verdicts) {
    if (!chosen || verdict.line > chosen.line) chosen = verdict;
  }
  if (!chosen) return undefined;
  const { line } = chosen;
  const laterAnswered = verdicts.some((verdict) => !verdict.failed && verdict.line > line);
  const others = new Set<PastedResponse>(kept);
  for (const reading of readings) {
    for (const response of reading.changes) others.add(response);
    if (reading.lost) others.add(reading.lost);
  }
  const pick = chosen.pick(callsNote(parse, chosen, laterAnswered));
  pick.others = [...others].sort((a, b) => a.line - b.line).map(responseCode);
  const decided = chosen;
  const elsewhere =
    pick.code === 487 &&
    parse.requests.some((request) => completedElsewhere(request) && sameCall(request, decided));
  return elsewhere ? fail(sentences.completedElsewhere) : pick;
}

/**
 * Step 3: a CANCEL and no final response to the INVITE. “Call completed elsewhere” (SIP cause
 * 200) means another phone answered; no reason, or Q.850 cause 16, means the caller gave up.
 */
function fromCancel(parse: PasteParse): Outcome | undefined {
  const cancels = parse.requests.filter((request) => request.method === 'CANCEL');
  if (cancels.some(completedElsewhere)) return fail(sentences.completedElsewhere);
  const gaveUp = cancels.some((cancel) => cancel.reasons.every(isNormalClearing));
  return gaveUp ? fail(sentences.gaveUp) : undefined;
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
 * Step 4: Reason headers outside messages, or carried by requests (a BYE, a CANCEL). A SIP
 * reason wins, then a STIR one, then the typical mapping of a Q.850 cause. One a BYE carries
 * (a SIP failure, or a Q.850 cause other than 16) means an answered call was dropped.
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
    const q850 = reasons.filter(isQ850);
    if (q850.length === 0) return fail(sentences.unknownProtocol(reasons[0]?.protocol ?? ''));
    const outcome = fromQ850(
      q850.map((r) => r.cause),
      tables,
      reasons,
    );
    const mapped = 'code' in outcome ? q850.find((r) => r.cause === outcome.q850) : undefined;
    if ('code' in outcome && mapped && carriers.get(mapped)?.method === 'BYE') {
      outcome.notes.unshift(sentences.byeDropped(describeReason(mapped, tables)));
      outcome.phase = 'dropped';
    }
    return outcome;
  }
  const carrier = carriers.get(chosen);
  const dropped = carrier?.method === 'BYE' && chosen.protocol === 'SIP' && chosen.cause >= 300;
  const notes = dropped
    ? [sentences.byeDropped(describeReason(chosen, tables))]
    : carrier
      ? [sentences.fromRequest(carrier.method)]
      : [];
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
    ...(dropped ? { phase: 'dropped' as const } : {}),
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
 * Step 5: no final response to the INVITE. A failure answering another method (a REGISTER
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
    const { chosen, kept } = failure;
    const notes = callsNote(parse, chosen, false);
    if (chosen.method !== undefined) notes.push(sentences.otherMethod(chosen.method));
    return { ...pickResponse(parse, chosen, notes), others: kept.map(responseCode) };
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

/**
 * The code free text is about. Failures (300+, 603+) come first; a 401/407 that a later
 * failure follows is dropped (a challenge that was answered). Codes on several lines are a
 * log: the last failure ended it. Codes on one line are prose: the first failure is the
 * subject. Without a failure, the first code.
 */
function textCode(mentions: PasteParse['textMentions']): SipCode | undefined {
  const first = mentions[0];
  if (!first) return undefined;
  const failures: SipCode[] = [];
  let laterFailure = false;
  for (let i = mentions.length - 1; i >= 0; i--) {
    const code = mentions[i]?.code;
    if (code === undefined || !isFailure(code)) continue;
    if (!((code === 401 || code === 407) && laterFailure)) failures.push(code);
    laterFailure = true;
  }
  const log = mentions.some((mention) => mention.line !== first.line);
  // `failures` runs from the end: its first is the last failure.
  return (log ? failures[0] : failures.at(-1)) ?? first.code;
}

/** Step 6: codes and Q.850 causes in free text (`textCode`). */
function fromText(parse: PasteParse, trimmed: string, tables: Tables): Outcome | undefined {
  const code = textCode(parse.textMentions);
  if (code !== undefined) {
    const justTheCode = trimmed.length <= 5 && JUST_A_CODE.test(trimmed);
    return {
      code,
      source: justTheCode ? 'code' : 'text',
      q850: parse.textQ850[0],
      reasons: [],
      others: parse.textCodes.map((found) => found.code),
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
    fromCancel(parse) ??
    fromReasons(parse, tables) ??
    fromIncomplete(parse, tables) ??
    fromText(parse, trimmed, tables) ??
    fromCauseNames(trimmed, tables) ??
    fail(invalid === undefined ? sentences.nothing : sentences.invalidCode(invalid))
  );
}

/** The registered phrase, or for an unregistered code its class name and a warning. */
function phraseOf(code: SipCode, tables: Tables): { phrase: string; registered: boolean } {
  const entry = tables.codes.get(code);
  if (entry && entry.phrase.trim() !== '') return { phrase: entry.phrase, registered: true };
  if (code === '603+') return { phrase: 'Network Blocked', registered: true };
  const cls = classOf(code);
  const name = tables.classes.get(cls) ?? CLASS_NAMES[cls - 1] ?? 'Unknown class';
  return { phrase: unregisteredPhrase(name), registered: false };
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

/** Longest piece of a Reason header the answer shows (raw, text, protocol). */
const MAX_SHOWN_REASON = 60;

/** A Reason header fit to show: its user-written parts cleaned and cut (see `shown`). */
function shownReason(reason: ReasonHeader): ReasonHeader {
  const { protocol, cause, text, raw } = reason;
  const clean = {
    protocol: shown(protocol, MAX_SHOWN_REASON),
    cause,
    raw: shown(raw, MAX_SHOWN_REASON),
  };
  return text === undefined ? clean : { ...clean, text: shown(text, MAX_SHOWN_REASON) };
}

/** Turns a pick into the answer: phrases, Q.850 details, phase, alternatives and notes. */
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
    phase: pick.phase ?? (classOf(code) === 2 ? 'answered' : 'setup'),
    ...(q850 === undefined ? {} : { q850 }),
    reasons: pick.reasons.map(shownReason),
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
 * 2. Final responses (200+) to an INVITE or to an unknown method, read call by call (Call-ID;
 *    messages without one make one call). A 401/407 that a later final of the same call
 *    follows is dropped (an answered challenge). A call that wasn't answered ends with its
 *    last final (phase 'setup'; “603 Network Blocked” reads as 603+). An answered call (a
 *    2xx) whose re-INVITE (higher CSeq) or UPDATE failed stayed up: 200, phase 'answered',
 *    with a note (RFC 3261 §14.1); a 481/408 to a re-INVITE, UPDATE or BYE means the call was
 *    lost (that code, 'dropped'); a BYE with an error Reason (not Q.850 cause 16) and no
 *    failed INVITE means it was ended (the Reason's code, 'dropped'). The last call that
 *    failed is chosen, else the last call; the other finals and mid-call failures are
 *    `others`. A 487 whose call has a CANCEL saying “Call completed elsewhere” is no failure.
 *    Notes: how many calls (Call-IDs with an INVITE), an answered call (and the BYE’s
 *    reason), a cancelled one (487), an unanswered challenge.
 * 3. A CANCEL without a final response: “Call completed elsewhere” means another phone
 *    answered; no reason (or Q.850 cause 16) means the caller gave up. Neither is a code.
 * 4. Reason headers outside messages or in requests (a BYE): SIP, then STIR, then the typical
 *    mapping of a Q.850 cause; Q.850 cause 16 is a normal hang-up, not an error. An error
 *    reason in a BYE means the call was answered and dropped.
 * 5. A failure answering another method (a REGISTER 403), with a note; else provisional
 *    responses only, responses to other methods only, or requests only: say what to paste.
 * 6. Codes in free text (counts like “200 calls” aren't codes): the failures (300+) come
 *    first, an answered 401/407 aside; the last one when the codes are on several lines (a
 *    log), the first when on one line (prose); without a failure the first code (`code` when
 *    the paste is just the code). Q.850 causes in words give the typical mapping when there
 *    is no code.
 * 7. A switch's cause name (NORMAL_TEMPORARY_FAILURE): its typical mapping.
 * 8. An out-of-range code: say codes run from 100 to 699. Else: nothing recognisable.
 * An unregistered code gets its class name (“Client failure (not a registered code)”).
 * Every piece of the paste in the answer (written phrase, Reason headers, words in notes) is
 * cleaned of control characters and cut short. Only the last MAX_PASTE_LENGTH characters of a
 * longer paste are read, with a note.
 */
export function understandPaste(text: string, reference: PasteReference): Understanding {
  try {
    return understand(text, reference);
  } catch {
    return fail(sentences.unexpected);
  }
}
