import type { PastedRequest, PastedResponse, PasteParse } from './types.ts';

/** The messages of one call: one Call-ID, or the messages without a Call-ID. */
export interface Call {
  /** The Call-ID, or '' for the messages that have none. */
  key: string;
  /** Final responses (200+) to the INVITE and re-INVITEs, answered challenges dropped, in order. */
  finals: PastedResponse[];
  /** Final responses to UPDATEs and BYEs, in order. */
  inDialog: PastedResponse[];
  /** BYE requests that carry a Reason header, in order. */
  byes: PastedRequest[];
}

/** What happened to a call, read from its messages alone (no tables). */
export interface CallReading {
  call: Call;
  /** The last final response to the INVITE: what ended the call when it wasn't answered. */
  last: PastedResponse;
  /**
   * The first 2xx to the INVITE, when the call was answered. Unset when it wasn't, and when a
   * later failure can't be told from the first INVITE's (no CSeq number to compare).
   */
  answer?: PastedResponse;
  /** After the answer: re-INVITE and UPDATE failures other than 481/408, in order. */
  changes: PastedResponse[];
  /** After the answer: the last 481 or 408 to a re-INVITE, UPDATE or BYE (the dialog was lost). */
  lost?: PastedResponse;
  /** After the answer: BYEs that carry a Reason header, in order. */
  byes: PastedRequest[];
  /** The call has a failed INVITE final (300+), answered challenges aside. */
  inviteFailed: boolean;
}

/** A final response to the INVITE, or to a request whose method is unknown (no CSeq). */
export const isInviteFinal = (response: PastedResponse) =>
  response.code >= 200 && (response.method === undefined || response.method === 'INVITE');

const isUpdateFinal = (response: PastedResponse) =>
  response.code >= 200 && response.method === 'UPDATE';

const isLost = (response: PastedResponse) => response.code === 481 || response.code === 408;

/**
 * Drops each 401/407 that a later final of the same call (same Call-ID, or either has none)
 * follows: an authentication challenge the caller answered. One pass from the end.
 */
export function dropAnsweredChallenges(finals: readonly PastedResponse[]): PastedResponse[] {
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

/**
 * The calls of a paste, in the order of their first INVITE final: only Call-IDs with a final
 * response to an INVITE make a call. Finals to INVITEs and UPDATEs have their answered
 * challenges dropped first (`kept`, in paste order, INVITE finals only).
 */
export function callsOf(parse: PasteParse): { calls: Call[]; kept: PastedResponse[] } {
  const finals = dropAnsweredChallenges(
    parse.responses.filter((r) => isInviteFinal(r) || isUpdateFinal(r)),
  );
  const calls = new Map<string, Call>();
  const kept: PastedResponse[] = [];
  for (const response of finals) {
    if (!isInviteFinal(response)) continue;
    kept.push(response);
    const key = response.callId ?? '';
    let call = calls.get(key);
    if (!call) {
      call = { key, finals: [], inDialog: [], byes: [] };
      calls.set(key, call);
    }
    call.finals.push(response);
  }
  for (const response of finals) {
    if (isUpdateFinal(response)) calls.get(response.callId ?? '')?.inDialog.push(response);
  }
  for (const response of parse.responses) {
    if (response.method === 'BYE') calls.get(response.callId ?? '')?.inDialog.push(response);
  }
  for (const request of parse.requests) {
    if (request.method === 'BYE' && request.reasons.length > 0) {
      calls.get(request.callId ?? '')?.byes.push(request);
    }
  }
  return { calls: [...calls.values()], kept };
}

/**
 * Reads one call (RFC 3261 §14.1: a failed re-INVITE or UPDATE leaves the call up).
 *
 * - Answered: it has a 2xx to the INVITE. After that answer, a failure to an INVITE with a
 *   higher CSeq number (a re-INVITE) or to an UPDATE is a change that failed; a 481 or 408 to a
 *   re-INVITE, UPDATE or BYE means the dialog was lost. A later INVITE failure of the same CSeq
 *   is another fork's answer to the first INVITE, not a change.
 * - A failure after the 2xx whose CSeq numbers can't be compared leaves the call unanswered as
 *   far as this reading goes (no `answer`): the last final decides, as for a call that wasn't
 *   answered.
 */
export function readCall(call: Call): CallReading | undefined {
  const { finals, inDialog } = call;
  const last = finals.at(-1);
  if (!last) return undefined;
  const reading: CallReading = {
    call,
    last,
    changes: [],
    byes: [],
    inviteFailed: finals.some((r) => r.code >= 300),
  };
  const answer = finals.find((r) => r.code < 300);
  if (!answer) return reading;
  const after: PastedResponse[] = [];
  for (const response of finals) {
    if (response.line <= answer.line || response.code < 300) continue;
    if (response.cseq === undefined || answer.cseq === undefined) return reading;
    if (response.cseq > answer.cseq) after.push(response);
  }
  for (const response of inDialog) {
    if (response.line <= answer.line) continue;
    if (response.method === 'UPDATE' ? response.code >= 300 : isLost(response)) {
      after.push(response);
    }
  }
  after.sort((a, b) => a.line - b.line);
  reading.answer = answer;
  for (const response of after) {
    if (isLost(response)) reading.lost = response;
    else reading.changes.push(response);
  }
  reading.byes = call.byes.filter((bye) => bye.line > answer.line);
  return reading;
}
