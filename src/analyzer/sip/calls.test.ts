import { describe, expect, it } from 'vitest';
import type { PacketMeta } from '../types.ts';
import { createCallTracker, MAX_CALL_MESSAGES, sipUser } from './calls.ts';
import { parseSipMessages } from './message.ts';
import {
  bytes,
  CALL_ID,
  calleeRequest,
  CALLER,
  callerRequest,
  CARRIER,
  invite,
  REGISTER,
  response,
  responseToCallee,
  responseToCaller,
  SDP_OFFER,
} from './samples.ts';

const BASE_US = Date.UTC(2026, 10, 24, 10, 0, 0) * 1000;

/** ms after the start, 'out' (caller → carrier) or 'in', the message text. */
type Step = readonly [ms: number, direction: 'out' | 'in', text: string];

function metaFor(frame: number, ms: number, direction: 'out' | 'in'): PacketMeta {
  const [src, dst] = direction === 'out' ? [CALLER, CARRIER] : [CARRIER, CALLER];
  return {
    frame,
    timeUs: BASE_US + ms * 1000,
    src: src.address,
    srcPort: src.port,
    dst: dst.address,
    dstPort: dst.port,
    transport: 'udp',
  };
}

function track(steps: readonly Step[]) {
  const tracker = createCallTracker();
  steps.forEach(([ms, direction, text], index) => {
    for (const message of parseSipMessages(bytes(text)).messages) {
      tracker.add(message, metaFor(index + 1, ms, direction));
    }
  });
  return tracker;
}

function onlyCall(steps: readonly Step[]) {
  const calls = track(steps).calls();
  expect(calls).toHaveLength(1);
  return calls[0]!;
}

const us = (ms: number) => BASE_US + ms * 1000;

const ANSWERED: Step[] = [
  [0, 'out', invite()],
  [20, 'in', response('100 Trying', { tag: false })],
  [500, 'in', response('180 Ringing')],
  [5000, 'in', response('200 OK', { sdp: true })],
  [5010, 'out', callerRequest('ACK', 1)],
  [65000, 'in', calleeRequest('BYE', 1, ['Reason: Q.850;cause=16;text="Normal call clearing"'])],
  [65010, 'out', responseToCallee('200 OK', 1, 'BYE')],
];

describe('createCallTracker: answered calls', () => {
  it('reads an answered call hung up by the callee', () => {
    const call = onlyCall(ANSWERED);
    expect(call).toMatchObject({
      callId: CALL_ID,
      from: '+15550100@192.0.2.10',
      to: '+15550199@203.0.113.20',
      startUs: us(0),
      firstFrame: 1,
      caller: { address: '192.0.2.10', port: 5060 },
      callee: { address: '203.0.113.20', port: 5060 },
      answeredUs: us(5000),
      endUs: us(65000),
      endedBy: 'callee',
      finalStatus: 200,
      finalPhrase: 'OK',
      finalFrame: 4,
      byeFrame: 6,
      reasons: [{ protocol: 'Q.850', cause: 16, text: 'Normal call clearing' }],
      inviteRetransmissions: 0,
      unansweredInvite: false,
      reInviteSdps: [],
      droppedMessages: 0,
    });
    expect(call.offer).toMatchObject({
      frame: 1,
      in: 'request',
      method: 'INVITE',
      src: '192.0.2.10',
    });
    expect(call.answer).toMatchObject({
      frame: 4,
      in: 'response',
      status: 200,
      src: '203.0.113.20',
    });
    expect(call.answer?.sdp.media[0]?.port).toBe(31876);
    expect(call.messages.map((m) => m.label)).toEqual([
      'INVITE',
      '100 Trying',
      '180 Ringing',
      '200 OK',
      'ACK',
      'BYE',
      '200 OK',
    ]);
    expect(call.messages[0]).toEqual({
      frame: 1,
      timeUs: us(0),
      src: '192.0.2.10',
      srcPort: 5060,
      dst: '203.0.113.20',
      dstPort: 5060,
      transport: 'udp',
      label: 'INVITE',
      kind: 'request',
      method: 'INVITE',
      cseq: { seq: 1, method: 'INVITE' },
      hasSdp: true,
      retransmission: false,
      reasons: [],
    });
    expect(call.messages[3]).toMatchObject({ status: 200, hasSdp: true, kind: 'response' });
  });

  it('says the caller hung up when the BYE carries the caller’s From tag', () => {
    const steps: Step[] = [
      ...ANSWERED.slice(0, 5),
      [30000, 'out', callerRequest('BYE', 2)],
      [30010, 'in', responseToCaller('200 OK', 2, 'BYE')],
    ];
    expect(onlyCall(steps)).toMatchObject({
      endUs: us(30000),
      endedBy: 'caller',
      byeFrame: 6,
      reasons: [],
    });
  });

  it('falls back to addresses when the BYE has no From tag', () => {
    const bye = callerRequest('BYE', 2).replace(';tag=1928301774', '');
    const steps: Step[] = [...ANSWERED.slice(0, 5), [30000, 'out', bye]];
    expect(onlyCall(steps).endedBy).toBe('caller');
  });

  it('marks retransmitted responses and keeps the first 200 as the answer', () => {
    const steps: Step[] = [
      ...ANSWERED.slice(0, 4),
      [5500, 'in', response('200 OK', { sdp: true })],
      [5510, 'out', callerRequest('ACK', 1)],
    ];
    const call = onlyCall(steps);
    expect(call.messages.map((m) => m.retransmission)).toEqual([
      false,
      false,
      false,
      false,
      true,
      false,
    ]);
    expect(call.answer?.frame).toBe(4);
    expect(call.answeredUs).toBe(us(5000));
    expect(call.reInviteSdps).toEqual([]);
  });

  it('lists a re-INVITE’s SDPs without changing the answer', () => {
    const hold = SDP_OFFER.map((line) => (line === 'a=sendrecv' ? 'a=sendonly' : line));
    const steps: Step[] = [
      ...ANSWERED.slice(0, 5),
      [20000, 'out', callerRequest('INVITE', 2, { sdp: hold })],
      [20050, 'in', response('200 OK', { seq: 2, sdp: true, branch: 'z9hG4bKinvite2' })],
      [20060, 'out', callerRequest('ACK', 2)],
    ];
    const call = onlyCall(steps);
    expect(call.reInviteSdps.map((s) => [s.frame, s.in, s.sdp.media[0]?.direction])).toEqual([
      [6, 'request', 'sendonly'],
      [7, 'response', 'sendrecv'],
    ]);
    expect(call.answer?.frame).toBe(4);
    expect(call).toMatchObject({ finalStatus: 200, finalFrame: 4, unansweredInvite: false });
  });

  it('reads a late offer: SDP in the 200, answer in the ACK', () => {
    const call = onlyCall([
      [0, 'out', invite(1, { sdp: false })],
      [30, 'in', response('100 Trying', { tag: false })],
      [3000, 'in', response('200 OK', { sdp: true })],
      [3010, 'out', callerRequest('ACK', 1, { sdp: SDP_OFFER })],
    ]);
    expect(call.offer).toMatchObject({ frame: 3, in: 'response', status: 200 });
    expect(call.answer).toMatchObject({ frame: 4, in: 'request', method: 'ACK' });
    expect(call.answeredUs).toBe(us(3000));
  });

  it('lists a 200 whose SDP differs from the 183’s answer', () => {
    const other = response('200 OK', { sdp: true }).replace('m=audio 31876', 'm=audio 31878');
    const same = response('200 OK', { sdp: true });
    const steps = (final: string): Step[] => [
      [0, 'out', invite()],
      [300, 'in', response('183 Session Progress', { sdp: true })],
      [4000, 'in', final],
    ];
    const changed = onlyCall(steps(other));
    expect(changed.answer?.status).toBe(183);
    expect(changed.reInviteSdps.map((s) => s.status)).toEqual([200]);
    expect(onlyCall(steps(same)).reInviteSdps).toEqual([]);
  });
});

describe('createCallTracker: failed calls', () => {
  it('reads a 503 with its Q.850 reason', () => {
    const call = onlyCall([
      [0, 'out', invite()],
      [20, 'in', response('100 Trying', { tag: false })],
      [
        1200,
        'in',
        response('503 Service Unavailable', {
          extra: ['Reason: Q.850;cause=34;text="No circuit/channel available"'],
        }),
      ],
      [1210, 'out', callerRequest('ACK', 1, { branch: 'z9hG4bK776asdhds' })],
    ]);
    expect(call).toMatchObject({
      finalStatus: 503,
      finalPhrase: 'Service Unavailable',
      finalFrame: 3,
      endUs: us(1200),
      reasons: [{ protocol: 'Q.850', cause: 34, text: 'No circuit/channel available' }],
    });
    expect(call.answeredUs).toBeUndefined();
    expect(call.endedBy).toBeUndefined();
    expect(call.answer).toBeUndefined();
  });

  it('reads a CANCEL: ended by the caller at the 487, with the CANCEL’s reason', () => {
    const call = onlyCall([
      [0, 'out', invite()],
      [20, 'in', response('100 Trying', { tag: false })],
      [400, 'in', response('180 Ringing')],
      [
        9000,
        'out',
        callerRequest('CANCEL', 1, {
          branch: 'z9hG4bK776asdhds',
          untagged: true,
          extra: ['Reason: Q.850;cause=16'],
        }),
      ],
      [9020, 'in', response('200 OK', { method: 'CANCEL' })],
      [9030, 'in', response('487 Request Terminated')],
      [9040, 'out', callerRequest('ACK', 1, { branch: 'z9hG4bK776asdhds' })],
    ]);
    expect(call).toMatchObject({
      finalStatus: 487,
      finalFrame: 6,
      endUs: us(9030),
      endedBy: 'caller',
      reasons: [{ protocol: 'Q.850', cause: 16 }],
      unansweredInvite: false,
    });
    expect(call.answeredUs).toBeUndefined();
  });

  it('ends at the CANCEL when no 487 was captured', () => {
    const call = onlyCall([
      [0, 'out', invite()],
      [20, 'in', response('100 Trying', { tag: false })],
      [9000, 'out', callerRequest('CANCEL', 1, { branch: 'z9hG4bK776asdhds', untagged: true })],
    ]);
    expect(call).toMatchObject({ endUs: us(9000), endedBy: 'caller' });
    expect(call.finalStatus).toBeUndefined();
  });

  it('does not count an answered 401 challenge as the failure', () => {
    const call = onlyCall([
      [0, 'out', invite(1)],
      [
        40,
        'in',
        response('401 Unauthorized', {
          extra: ['WWW-Authenticate: Digest realm="carrier", nonce="84a4cc6f"'],
        }),
      ],
      [50, 'out', callerRequest('ACK', 1, { branch: 'z9hG4bK776asdhds' })],
      [60, 'out', invite(2, { branch: 'z9hG4bKsecond', auth: true })],
      [90, 'in', response('100 Trying', { seq: 2, tag: false, branch: 'z9hG4bKsecond' })],
      [4000, 'in', response('200 OK', { seq: 2, sdp: true, branch: 'z9hG4bKsecond' })],
      [4010, 'out', callerRequest('ACK', 2)],
    ]);
    expect(call).toMatchObject({
      finalStatus: 200,
      finalFrame: 6,
      answeredUs: us(4000),
      startUs: us(0),
    });
    expect(call.offer?.frame).toBe(4);
    expect(call.answer?.frame).toBe(6);
    expect(call.inviteRetransmissions).toBe(0);
    expect(call.endUs).toBeUndefined();
  });

  it('takes the 486 after a 407 challenge as the final response', () => {
    const call = onlyCall([
      [0, 'out', invite(1)],
      [40, 'in', response('407 Proxy Authentication Required')],
      [50, 'out', callerRequest('ACK', 1, { branch: 'z9hG4bK776asdhds' })],
      [60, 'out', invite(2, { branch: 'z9hG4bKsecond', auth: true })],
      [
        900,
        'in',
        response('486 Busy Here', {
          seq: 2,
          branch: 'z9hG4bKsecond',
          extra: ['Reason: Q.850;cause=17'],
        }),
      ],
      [910, 'out', callerRequest('ACK', 2, { branch: 'z9hG4bKsecond' })],
    ]);
    expect(call).toMatchObject({
      finalStatus: 486,
      finalPhrase: 'Busy Here',
      finalFrame: 5,
      endUs: us(900),
      reasons: [{ protocol: 'Q.850', cause: 17 }],
    });
  });

  it('keeps a 401 as final when the challenge was never answered', () => {
    const call = onlyCall([
      [0, 'out', invite(1)],
      [40, 'in', response('401 Unauthorized')],
    ]);
    expect(call).toMatchObject({ finalStatus: 401, endUs: us(40) });
  });

  it('counts INVITE retransmissions that got no response at all', () => {
    const call = onlyCall([
      [0, 'out', invite()],
      [500, 'out', invite()],
      [1500, 'out', invite()],
      [3500, 'out', invite()],
    ]);
    expect(call).toMatchObject({ inviteRetransmissions: 3, unansweredInvite: true });
    expect(call.messages.map((m) => m.retransmission)).toEqual([false, true, true, true]);
    expect(call.finalStatus).toBeUndefined();
    expect(call.endUs).toBeUndefined();
    expect(call.offer?.frame).toBe(1);
  });

  it('stops counting retransmissions once a response came', () => {
    const call = onlyCall([
      [0, 'out', invite()],
      [500, 'out', invite()],
      [700, 'in', response('100 Trying', { tag: false })],
      [1500, 'out', invite()],
    ]);
    expect(call).toMatchObject({ inviteRetransmissions: 1, unansweredInvite: false });
  });

  it('does not take a proxied copy (another branch) for a retransmission', () => {
    const tracker = createCallTracker();
    const [first] = parseSipMessages(bytes(invite())).messages;
    const [forwarded] = parseSipMessages(bytes(invite(1, { branch: 'z9hG4bKproxy' }))).messages;
    tracker.add(first!, metaFor(1, 0, 'out'));
    tracker.add(forwarded!, { ...metaFor(2, 1, 'out'), src: '203.0.113.20', dst: '198.51.100.5' });
    const call = tracker.calls()[0]!;
    expect(call.inviteRetransmissions).toBe(0);
    expect(call.messages.map((m) => m.retransmission)).toEqual([false, false]);
    expect(call.unansweredInvite).toBe(true);
  });
});

describe('createCallTracker: bookkeeping', () => {
  it('leaves Call-IDs without INVITE out of the calls, counting them', () => {
    const options = REGISTER.replace(/REGISTER/g, 'OPTIONS').replace('1j9FpLxk', 'opt1');
    const tracker = track([
      [0, 'out', REGISTER],
      [10, 'in', REGISTER.replace('REGISTER sip:203.0.113.20 SIP/2.0', 'SIP/2.0 200 OK')],
      [20, 'out', options],
    ]);
    expect(tracker.calls()).toEqual([]);
    expect(tracker.otherDialogs()).toBe(2);
    expect(tracker.warnings).toEqual([]);
  });

  it('orders calls by start time, then frame', () => {
    const tracker = createCallTracker();
    const message = (id: string) =>
      parseSipMessages(bytes(invite().replaceAll(CALL_ID, id))).messages[0]!;
    tracker.add(message('late'), metaFor(1, 500, 'out'));
    tracker.add(message('early'), metaFor(2, 100, 'out'));
    tracker.add(message('tie'), metaFor(3, 500, 'out'));
    expect(tracker.calls().map((c) => c.callId)).toEqual(['early', 'late', 'tie']);
  });

  it('lists at most MAX_CALL_MESSAGES messages and counts the rest', () => {
    const steps: Step[] = [...ANSWERED.slice(0, 5)];
    for (let i = 0; i < 600; i++) steps.push([6000 + i, 'out', callerRequest('INFO', 10 + i)]);
    steps.push([90000, 'out', callerRequest('BYE', 700)]);
    const call = onlyCall(steps);
    expect(call.messages).toHaveLength(MAX_CALL_MESSAGES);
    expect(call.droppedMessages).toBe(606 - MAX_CALL_MESSAGES);
    expect(call).toMatchObject({ endUs: us(90000), endedBy: 'caller', byeFrame: 606 });
  });
});

describe('sipUser', () => {
  it.each([
    ['"Alice" <sip:alice@example.com:5060;transport=tcp>;tag=1', 'alice@example.com'],
    ['<sips:+15550100@198.51.100.1;user=phone>', '+15550100@198.51.100.1'],
    ['sip:bob@example.com;tag=abc', 'bob@example.com'],
    ['<tel:+15550100;phone-context=example.com>', '+15550100'],
    ['<sip:alice:secret@[2001:db8::1]:5070>', 'alice@[2001:db8::1]'],
    ['Anonymous <sip:anonymous@anonymous.invalid>;tag=x', 'anonymous@anonymous.invalid'],
    ['<sip:example.com>', 'example.com'],
    ['<urn:service:sos>', 'urn:service:sos'],
    ['  just some text  ', 'just some text'],
    ['<sip:+1555;npdi@host?Subject=x>', '+1555@host'],
  ])('%s → %s', (header, user) => {
    expect(sipUser(header)).toBe(user);
  });
});
