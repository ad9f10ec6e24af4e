import type { AnalyzerWarning, PacketMeta, Sdp, SipMessage, SipReason } from '../types.ts';
import { sipUser } from './uri.ts';

export { sipUser } from './uri.ts';

/** One SIP message of a call, for the ladder. */
export interface CallMessage {
  frame: number;
  timeUs: number;
  src: string;
  srcPort: number;
  dst: string;
  dstPort: number;
  transport: PacketMeta['transport'];
  /** 'INVITE', '200 OK', '183 Session Progress' (a response without phrase: just the code). */
  label: string;
  kind: SipMessage['kind'];
  method?: string;
  status?: number;
  cseq: { seq: number; method: string };
  hasSdp: boolean;
  /**
   * Seen before from the same source: the same start line, CSeq and top Via branch (requests),
   * or the same status, CSeq and To tag (responses).
   */
  retransmission: boolean;
  reasons: SipReason[];
}

/** An SDP body seen in a call, with the message that carried it. */
export interface SdpSeen {
  sdp: Sdp;
  frame: number;
  timeUs: number;
  /** Who sent the message that carried it, and to where. */
  src: string;
  srcPort: number;
  dst: string;
  dstPort: number;
  in: 'request' | 'response';
  method?: string;
  status?: number;
}

/** A network endpoint. */
export interface CallEndpoint {
  address: string;
  port: number;
}

/** One call (a Call-ID with an INVITE), as the capture shows it. */
export interface CallRecord {
  callId: string;
  /** `user@host` of the first INVITE's From and To (see `sipUser`). */
  from: string;
  to: string;
  /** The first INVITE's time and frame. */
  startUs: number;
  firstFrame: number;
  /** Where the first INVITE came from, and where it was sent. */
  caller: CallEndpoint;
  callee: CallEndpoint;
  /**
   * The first 2xx to the initial INVITE: to its first CSeq, or to a later INVITE of the same
   * setup (re-sent with a higher CSeq after a 401/407 challenge or a failure).
   */
  answeredUs?: number;
  /**
   * When the call ended: an answered call at its first BYE; an unanswered one at the final
   * failure response (the 487 after a CANCEL), else at the CANCEL (no 487 seen), else at a BYE.
   */
  endUs?: number;
  /**
   * Who hung up: the sender of that BYE (by its From tag, else by its address), or 'caller'
   * for a CANCEL. Undefined for a failure response without CANCEL.
   */
  endedBy?: 'caller' | 'callee';
  /**
   * The final response (≥ 200) of the initial INVITE: to the last INVITE of the setup, so a
   * challenge (401/407) answered by a new INVITE doesn't count as the failure.
   */
  finalStatus?: number;
  finalPhrase?: string;
  finalFrame?: number;
  /** Reason headers of the final response, else of the BYE or CANCEL that ended the call. */
  reasons: SipReason[];
  /** INVITEs seen again (same source, start line, CSeq and branch) before any response to them. */
  inviteRetransmissions: number;
  /** Some INVITE (the first, a re-sent one or a re-INVITE) got no response at all, not even 100. */
  unansweredInvite: boolean;
  /**
   * The first SDP offer (in the INVITE; in the first response that has SDP for a late offer)
   * and its answer (in a 18x/2xx; in the ACK or PRACK for a late offer). When the INVITE was
   * re-sent with a higher CSeq before any answer, the offer is the last re-sent one's.
   */
  offer?: SdpSeen;
  answer?: SdpSeen;
  /**
   * Later SDPs: re-INVITEs, UPDATEs, PRACK/ACK and their answers, and a response to the initial
   * INVITE whose SDP differs from the answer (like a 200 after a 183 with other media).
   */
  reInviteSdps: SdpSeen[];
  /** Every message in capture order, up to MAX_CALL_MESSAGES. */
  messages: CallMessage[];
  /** Messages past MAX_CALL_MESSAGES (still used for everything else). */
  droppedMessages: number;
  /** The first BYE's frame. */
  byeFrame?: number;
}

/** Follows SIP messages into calls. */
export interface CallTracker {
  /** Adds a message, in capture order. */
  add(message: SipMessage, meta: PacketMeta): void;
  /** The calls so far, by first INVITE time, then frame. */
  calls(): CallRecord[];
  /** Call-IDs seen without any INVITE (REGISTER, OPTIONS, SUBSCRIBE …): not calls. */
  otherDialogs(): number;
  /** What was left out to bound memory. */
  readonly warnings: AnalyzerWarning[];
}

/** At most this many calls are tracked; the rest are counted and warned about. */
export const MAX_CALLS = 100_000;
/** At most this many messages are listed per call. */
export const MAX_CALL_MESSAGES = 500;
/** Call-IDs without INVITE counted exactly up to this many. */
const MAX_OTHER_DIALOGS = 1_000_000;

/** A final response to an INVITE of the setup (CSeq `seq`). */
interface Final {
  seq: number;
  status: number;
  phrase: string;
  frame: number;
  timeUs: number;
  reasons: SipReason[];
}

/** A BYE or CANCEL. */
interface Ending {
  frame: number;
  timeUs: number;
  reasons: SipReason[];
  by: 'caller' | 'callee' | undefined;
}

/** One INVITE transaction: its CSeq number and top Via branch. */
interface InviteTransaction {
  seq: number;
  branch: string | undefined;
  responded: boolean;
}

/**
 * A call's state. Its short lists (attempts, finals, invites, seen) are replaced by a copy one
 * item longer rather than pushed to: a pushed array reserves 17 slots, and 100,000 calls add up.
 */
interface CallState {
  callId: string;
  from: string;
  to: string;
  startUs: number;
  firstFrame: number;
  caller: CallEndpoint;
  callee: CallEndpoint;
  callerTag: string | undefined;
  answeredUs: number | undefined;
  answeredSeq: number | undefined;
  /** CSeq numbers of the INVITEs of the setup (before the answer). */
  attempts: number[];
  lastAttempt: number;
  /** Final responses to the setup's INVITEs, by CSeq number. */
  finals: Final[];
  bye: Ending | undefined;
  cancel: Ending | undefined;
  invites: InviteTransaction[];
  inviteRetransmissions: number;
  /** Hashes of the retransmission keys seen (an array while small: a Set costs more memory). */
  seen: number[] | Set<number>;
  offer: SdpSeen | undefined;
  offerSeq: number | undefined;
  answer: SdpSeen | undefined;
  reInviteSdps: SdpSeen[];
  messages: CallMessage[];
  droppedMessages: number;
}

function sameEndpoint(a: CallEndpoint, address: string, port: number): boolean {
  return a.address === address && a.port === port;
}

function newCall(message: SipMessage, meta: PacketMeta): CallState {
  // A response travels from the callee back to the caller.
  const request = message.kind === 'request';
  const caller = { address: meta.src, port: meta.srcPort };
  const callee = { address: meta.dst, port: meta.dstPort };
  return {
    callId: message.callId,
    from: sipUser(message.from),
    to: sipUser(message.to),
    startUs: meta.timeUs,
    firstFrame: meta.frame,
    caller: request ? caller : callee,
    callee: request ? callee : caller,
    callerTag: message.fromTag,
    answeredUs: undefined,
    answeredSeq: undefined,
    // A call first seen by a response counts that response's INVITE as its setup.
    attempts: request ? [] : [message.cseq.seq],
    lastAttempt: message.cseq.seq,
    finals: [],
    bye: undefined,
    cancel: undefined,
    invites: [],
    inviteRetransmissions: 0,
    seen: [],
    offer: undefined,
    offerSeq: undefined,
    answer: undefined,
    reInviteSdps: [],
    messages: [],
    droppedMessages: 0,
  };
}

/** The key under which a message counts as seen before (see CallMessage.retransmission). */
function retransmissionKey(message: SipMessage, meta: PacketMeta): string {
  const { seq, method } = message.cseq;
  const source = `${meta.src}|${meta.srcPort}`;
  return message.kind === 'request'
    ? `Q|${message.startLine}|${seq} ${method}|${message.branch ?? ''}|${source}`
    : `S|${message.status ?? 0}|${seq} ${method}|${message.toTag ?? ''}|${source}`;
}

function labelOf(message: SipMessage): string {
  if (message.kind === 'request') return message.method ?? '';
  const phrase = message.phrase ?? '';
  return phrase === '' ? String(message.status ?? '') : `${message.status ?? ''} ${phrase}`;
}

function callMessage(message: SipMessage, meta: PacketMeta, retransmission: boolean): CallMessage {
  const entry: CallMessage = {
    frame: meta.frame,
    timeUs: meta.timeUs,
    src: meta.src,
    srcPort: meta.srcPort,
    dst: meta.dst,
    dstPort: meta.dstPort,
    transport: meta.transport,
    label: labelOf(message),
    kind: message.kind,
    cseq: message.cseq,
    hasSdp: message.sdp !== undefined,
    retransmission,
    reasons: message.reasons,
  };
  if (message.method !== undefined) entry.method = message.method;
  if (message.status !== undefined) entry.status = message.status;
  return entry;
}

function sdpSeen(sdp: Sdp, message: SipMessage, meta: PacketMeta): SdpSeen {
  const seen: SdpSeen = {
    sdp,
    frame: meta.frame,
    timeUs: meta.timeUs,
    src: meta.src,
    srcPort: meta.srcPort,
    dst: meta.dst,
    dstPort: meta.dstPort,
    in: message.kind,
  };
  if (message.method !== undefined) seen.method = message.method;
  if (message.status !== undefined) seen.status = message.status;
  return seen;
}

/** Who sent an in-dialog request: by its From tag when both tags are known, else by address. */
function senderSide(call: CallState, message: SipMessage, meta: PacketMeta): Ending['by'] {
  if (message.fromTag !== undefined && call.callerTag !== undefined) {
    return message.fromTag === call.callerTag ? 'caller' : 'callee';
  }
  if (sameEndpoint(call.caller, meta.src, meta.srcPort)) return 'caller';
  if (sameEndpoint(call.callee, meta.src, meta.srcPort)) return 'callee';
  if (sameEndpoint(call.caller, meta.dst, meta.dstPort)) return 'callee';
  if (sameEndpoint(call.callee, meta.dst, meta.dstPort)) return 'caller';
  return undefined;
}

function onInvite(call: CallState, message: SipMessage, meta: PacketMeta, again: boolean): void {
  const { seq } = message.cseq;
  const branch = message.branch;
  const known = call.invites.find((tx) => tx.seq === seq && tx.branch === branch);
  if (known) {
    if (again && !known.responded) call.inviteRetransmissions++;
  } else {
    call.invites = [...call.invites, { seq, branch, responded: false }];
  }
  if (again) return;
  const setup =
    call.answeredUs === undefined && (message.toTag === undefined || call.invites.length === 1);
  if (setup) {
    if (!call.attempts.includes(seq)) call.attempts = [...call.attempts, seq];
    call.lastAttempt = Math.max(call.lastAttempt, seq);
  }
  const sdp = message.sdp;
  if (!sdp) return;
  const seen = sdpSeen(sdp, message, meta);
  const newerOffer =
    call.offer === undefined ||
    (call.offer.in === 'request' && call.offerSeq !== undefined && seq > call.offerSeq);
  if (setup && call.answer === undefined && newerOffer) {
    call.offer = seen;
    call.offerSeq = seq;
  } else {
    call.reInviteSdps.push(seen);
  }
}

/** The SDPs are the same media (compared field by field, as JSON). */
function sameSdp(a: Sdp, b: Sdp): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function onInviteResponse(
  call: CallState,
  message: SipMessage,
  meta: PacketMeta,
  again: boolean,
): void {
  const { seq } = message.cseq;
  const branch = message.branch;
  for (const tx of call.invites) {
    if (tx.seq === seq && (tx.branch === branch || tx.branch === undefined || branch === undefined))
      tx.responded = true;
  }
  if (again || !call.attempts.includes(seq)) {
    if (!again && message.sdp) call.reInviteSdps.push(sdpSeen(message.sdp, message, meta));
    return;
  }
  const status = message.status ?? 0;
  if (status >= 200) {
    const known = call.finals.findIndex((final) => final.seq === seq);
    const final = {
      seq,
      status,
      phrase: message.phrase ?? '',
      frame: meta.frame,
      timeUs: meta.timeUs,
      reasons: message.reasons,
    };
    if (known < 0) call.finals = [...call.finals, final];
    else if ((call.finals[known]?.status ?? 0) >= 300 && status < 300) call.finals[known] = final;
    if (status < 300 && call.answeredUs === undefined) {
      call.answeredUs = meta.timeUs;
      call.answeredSeq = seq;
    }
  }
  if (message.sdp) setupResponseSdp(call, sdpSeen(message.sdp, message, meta));
}

/** An SDP in a response to the setup's INVITE: the answer, a late offer, or a change. */
function setupResponseSdp(call: CallState, seen: SdpSeen): void {
  if (call.offer === undefined) {
    call.offer = seen;
  } else if (call.offer.in === 'request' && call.answer === undefined) {
    call.answer = seen;
  } else if (!sameSdp((call.answer ?? call.offer).sdp, seen.sdp)) {
    call.reInviteSdps.push(seen);
  }
}

/** An SDP in an ACK or PRACK: the answer to a late offer, else a later SDP. */
function onAckSdp(call: CallState, seen: SdpSeen): void {
  if (call.offer?.in === 'response' && call.answer === undefined) call.answer = seen;
  else call.reInviteSdps.push(seen);
}

function ending(call: CallState, message: SipMessage, meta: PacketMeta): Ending {
  return {
    frame: meta.frame,
    timeUs: meta.timeUs,
    reasons: message.reasons,
    by: senderSide(call, message, meta),
  };
}

function onRequest(call: CallState, message: SipMessage, meta: PacketMeta, again: boolean): void {
  const method = message.method;
  if (method === 'INVITE') {
    onInvite(call, message, meta, again);
    return;
  }
  if (again) return;
  if (method === 'BYE') call.bye ??= ending(call, message, meta);
  else if (method === 'CANCEL') call.cancel ??= { ...ending(call, message, meta), by: 'caller' };
  if (!message.sdp) return;
  const seen = sdpSeen(message.sdp, message, meta);
  if (method === 'ACK' || method === 'PRACK') onAckSdp(call, seen);
  else call.reInviteSdps.push(seen);
}

/** Past this many keys, a call's seen keys move from an array to a Set. */
const SEEN_ARRAY_MAX = 32;

/**
 * A 53-bit hash of a key (FNV-1a and a second 32-bit multiplicative hash, 21 bits of it): a
 * call's keys are few, so a collision (a message wrongly taken for a retransmission) is
 * vanishingly unlikely.
 */
function hash(key: string): number {
  let a = 0x811c9dc5;
  let b = 0x01000193;
  for (let i = 0; i < key.length; i++) {
    const code = key.charCodeAt(i);
    a = Math.imul(a ^ code, 0x01000193);
    b = Math.imul(b ^ code, 0x5bd1e995) ^ (b >>> 15);
  }
  return (a >>> 0) * 0x200000 + ((b >>> 0) & 0x1fffff);
}

/** Whether the call saw this key hash before; remembers it. */
function seenBefore(call: CallState, key: number): boolean {
  const seen = call.seen;
  if (seen instanceof Set) {
    if (seen.has(key)) return true;
    seen.add(key);
    return false;
  }
  if (seen.includes(key)) return true;
  call.seen = seen.length < SEEN_ARRAY_MAX ? [...seen, key] : new Set([...seen, key]);
  return false;
}

function record(call: CallState, message: SipMessage, meta: PacketMeta): void {
  const again = seenBefore(call, hash(retransmissionKey(message, meta)));
  if (call.messages.length < MAX_CALL_MESSAGES)
    call.messages.push(callMessage(message, meta, again));
  else call.droppedMessages++;
  if (message.kind === 'request') onRequest(call, message, meta, again);
  else if (message.cseq.method === 'INVITE') onInviteResponse(call, message, meta, again);
  else if (!again && message.sdp) call.reInviteSdps.push(sdpSeen(message.sdp, message, meta));
}

/** When and by whom the call ended, and the request that ended it. */
function endOf(
  call: CallState,
  final: Final | undefined,
): {
  endUs?: number;
  endedBy?: 'caller' | 'callee';
  by?: Ending;
} {
  let by: Ending | undefined;
  let endUs: number | undefined;
  if (call.answeredUs !== undefined) {
    by = call.bye;
    endUs = by?.timeUs;
  } else if (final && final.status >= 300) {
    by = call.cancel;
    endUs = final.timeUs;
  } else {
    by = call.cancel ?? call.bye;
    endUs = by?.timeUs;
  }
  const end: { endUs?: number; endedBy?: 'caller' | 'callee'; by?: Ending } = {};
  if (endUs !== undefined) end.endUs = endUs;
  if (by) {
    end.by = by;
    if (by.by !== undefined) end.endedBy = by.by;
  }
  return end;
}

function toRecord(call: CallState): CallRecord {
  const seq = call.answeredSeq ?? call.lastAttempt;
  const final = call.finals.find((candidate) => candidate.seq === seq);
  const end = endOf(call, final);
  const record: CallRecord = {
    callId: call.callId,
    from: call.from,
    to: call.to,
    startUs: call.startUs,
    firstFrame: call.firstFrame,
    caller: call.caller,
    callee: call.callee,
    reasons: final && final.reasons.length > 0 ? final.reasons : (end.by?.reasons ?? []),
    inviteRetransmissions: call.inviteRetransmissions,
    unansweredInvite: call.invites.some((tx) => !tx.responded),
    reInviteSdps: [...call.reInviteSdps],
    messages: [...call.messages],
    droppedMessages: call.droppedMessages,
  };
  if (call.answeredUs !== undefined) record.answeredUs = call.answeredUs;
  if (end.endUs !== undefined) record.endUs = end.endUs;
  if (end.endedBy !== undefined) record.endedBy = end.endedBy;
  if (final) {
    record.finalStatus = final.status;
    record.finalPhrase = final.phrase;
    record.finalFrame = final.frame;
  }
  if (call.offer) record.offer = call.offer;
  if (call.answer) record.answer = call.answer;
  if (call.bye) record.byeFrame = call.bye.frame;
  return record;
}

/**
 * Follows SIP messages, in capture order, into calls: a Call-ID becomes a call with its first
 * INVITE (messages of that Call-ID before it are left out). Call-IDs that never carry an INVITE
 * (REGISTER, OPTIONS, SUBSCRIBE …) are only counted (`otherDialogs`). At most MAX_CALLS calls
 * and MAX_CALL_MESSAGES listed messages per call are kept; `warnings` says what was left out.
 */
export function createCallTracker(): CallTracker {
  const calls = new Map<string, CallState>();
  const others = new Set<string>();
  let othersOverflow = false;
  let callsLeftOut = 0;
  const leftOut = new Set<string>();

  function noteOther(callId: string): void {
    if (others.size < MAX_OTHER_DIALOGS) others.add(callId);
    else if (!others.has(callId)) othersOverflow = true;
  }

  return {
    add(message: SipMessage, meta: PacketMeta): void {
      let call = calls.get(message.callId);
      if (!call) {
        // A call starts with its INVITE, or with a response to one when the INVITE itself
        // wasn't captured (the capture started late, or only the response was pasted).
        const invite = message.kind === 'request' && message.method === 'INVITE';
        const inviteResponse = message.kind === 'response' && message.cseq.method === 'INVITE';
        if (!invite && !inviteResponse) {
          noteOther(message.callId);
          return;
        }
        if (calls.size >= MAX_CALLS) {
          if (!leftOut.has(message.callId) && leftOut.size < MAX_OTHER_DIALOGS) {
            leftOut.add(message.callId);
            callsLeftOut++;
          }
          return;
        }
        call = newCall(message, meta);
        calls.set(message.callId, call);
        others.delete(message.callId);
      }
      record(call, message, meta);
    },
    calls(): CallRecord[] {
      return [...calls.values()]
        .sort((a, b) => a.startUs - b.startUs || a.firstFrame - b.firstFrame)
        .map(toRecord);
    },
    otherDialogs(): number {
      return others.size;
    },
    get warnings(): AnalyzerWarning[] {
      const warnings: AnalyzerWarning[] = [];
      if (callsLeftOut > 0) {
        warnings.push({
          code: 'too-many-calls',
          message: `Only the first ${MAX_CALLS.toLocaleString('en')} calls were followed; ${callsLeftOut.toLocaleString('en')} later ones were left out.`,
        });
      }
      if (othersOverflow) {
        warnings.push({
          code: 'too-many-dialogs',
          message: `More than ${MAX_OTHER_DIALOGS.toLocaleString('en')} Call-IDs without an INVITE: the count of other dialogs stops there.`,
        });
      }
      return warnings;
    },
  };
}
