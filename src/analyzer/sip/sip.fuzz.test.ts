import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PacketMeta, SipMessage } from '../types.ts';
import { createCallTracker } from './calls.ts';
import { CALL } from './log-samples.ts';
import { createSipStreamFramer, looksLikeSip, parseSipMessages } from './message.ts';
import { bytes, callerRequest, invite, REGISTER, response } from './samples.ts';
import { parseSdp } from './sdp.ts';
import { readSipLog } from './text-log.ts';

/** Runs per property, small enough to keep the whole folder's tests well under 3 s. */
const RUNS = {
  randomBytes: 400,
  randomText: 300,
  sipPieces: 300,
  mutations: 400,
  chunkings: 200,
  tracker: 100,
} as const;

/** Pieces of SIP and SDP text, glued at random: nearly valid input reaches deep branches. */
const PIECES = [
  'INVITE sip:a@b SIP/2.0',
  'SIP/2.0 200 OK',
  'SIP/2.0 999 Bad',
  'ACK sip:a@b SIP/2.0',
  'Call-ID: x@y',
  'i: z',
  'CSeq: 1 INVITE',
  'CSeq: 99999999999 BYE',
  'Content-Length: 10',
  'l: 0',
  'Content-Length: 99999999',
  'Content-Type: application/sdp',
  'c: multipart/mixed;boundary=b',
  '--b',
  '--b--',
  'Content-Type: message/sipfrag',
  'From: <sip:a@b>;tag=1',
  'To: "x" <sip:c@d',
  'Via: SIP/2.0/UDP h;branch=z9',
  'Reason: Q.850;cause=34;text="a, b"',
  'Reason: ;;,,"',
  ' folded',
  '\tfolded',
  'v=0',
  'm=audio 0 RTP/AVP 0 101',
  'm=audio 99999 RTP/AVP',
  'c=IN IP6 ::1/3',
  'a=rtpmap:101 telephone-event/8000',
  'a=sendonly',
  'U 2026/11/24 10:00:01.1 1.2.3.4:5060 -> 5.6.7.8:5060',
  'recv 10 bytes from udp/[::1]:5060 at 10:00:01:',
  '<--- Received SIP request from UDP:1.2.3.4:5060 --->',
  '-----',
  '#',
  '.',
  '..',
  '',
];
const LINE_ENDS = ['\r\n', '\n', '\r', ''];

/**
 * Any text: code points of the whole range (lone surrogates left out), or printable ASCII.
 * (Built from integers: fc.string's 'binary' unit has a slow first use.)
 */
const anyText = fc.oneof(
  fc.string({ maxLength: 600 }),
  fc
    .array(fc.integer({ min: 0, max: 0x10ffff }), { maxLength: 600 })
    .map((points) => String.fromCodePoint(...points.filter((p) => p < 0xd800 || p > 0xdfff))),
);

const sipText = fc
  .array(fc.tuple(fc.constantFrom(...PIECES), fc.constantFrom(...LINE_ENDS)), { maxLength: 40 })
  .map((parts) => parts.map(([piece, end]) => piece + end).join(''));

/** Everything that reads bytes, in both modes, and through the framer. */
function readBytes(data: Uint8Array): void {
  looksLikeSip(data);
  const datagram = parseSipMessages(data);
  expect(datagram.rest).toBe(0);
  const stream = parseSipMessages(data, { stream: true });
  expect(stream.rest).toBeLessThanOrEqual(data.length);
  const framer = createSipStreamFramer();
  framer.push(data.subarray(0, data.length >> 1));
  framer.push(data.subarray(data.length >> 1));
  expect(framer.buffered).toBeLessThanOrEqual(data.length);
}

/** Everything that reads text. */
function readText(text: string): void {
  readBytes(bytes(text));
  parseSdp(text);
  readSipLog(text);
}

describe('fuzz: nothing throws', () => {
  it('random bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 1500 }), readBytes), {
      numRuns: RUNS.randomBytes,
    });
  });

  it('random text', () => {
    fc.assert(fc.property(anyText, readText), {
      numRuns: RUNS.randomText,
    });
  });

  it('SIP and SDP pieces glued at random', () => {
    fc.assert(fc.property(sipText, readText), { numRuns: RUNS.sipPieces });
  });

  it('mutations of a valid INVITE', () => {
    const original = bytes(invite());
    const mutation = fc.oneof(
      fc.record({
        kind: fc.constant('set' as const),
        at: fc.nat(),
        value: fc.integer({ min: 0, max: 255 }),
      }),
      fc.record({ kind: fc.constant('cut' as const), at: fc.nat(), value: fc.nat(40) }),
      fc.record({ kind: fc.constant('copy' as const), at: fc.nat(), value: fc.nat() }),
    );
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 8 }), (mutations) => {
        let data = Array.from(original);
        for (const { kind, at, value } of mutations) {
          const i = at % (data.length + 1);
          if (kind === 'set') data[i] = value;
          else if (kind === 'cut') data = [...data.slice(0, i), ...data.slice(i + value)];
          else data = [...data.slice(0, i), ...data.slice(value % (data.length + 1))];
        }
        const mutated = new Uint8Array(data);
        readBytes(mutated);
        readSipLog(new TextDecoder().decode(mutated));
      }),
      { numRuns: RUNS.mutations },
    );
  });
});

describe('fuzz: framing', () => {
  const stream = bytes(`${CALL.join('')}\r\n\r\n${REGISTER}`);
  const whole = parseSipMessages(stream, { stream: true }).messages;

  it('any chunking of a TCP stream gives the messages read whole', () => {
    expect(whole).toHaveLength(CALL.length + 1);
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 1, max: stream.length - 1 }), { maxLength: 30 }),
        (cuts) => {
          const framer = createSipStreamFramer();
          const out: SipMessage[] = [];
          let from = 0;
          for (const cut of [...cuts.sort((a, b) => a - b), stream.length]) {
            out.push(...framer.push(stream.subarray(from, cut)));
            from = cut;
          }
          expect(out).toEqual(whole);
          expect(framer.buffered).toBe(0);
        },
      ),
      { numRuns: RUNS.chunkings },
    );
  });
});

describe('fuzz: call tracker', () => {
  const pool = [
    invite(1),
    invite(2, { branch: 'z9hG4bK2' }),
    invite(1, { sdp: false }),
    response('100 Trying', { tag: false }),
    response('183 Session Progress', { sdp: true }),
    response('200 OK', { sdp: true }),
    response('401 Unauthorized'),
    response('487 Request Terminated'),
    response('200 OK', { seq: 2, branch: 'z9hG4bK2' }),
    callerRequest('ACK', 1, { sdp: ['v=0', 'm=audio 1 RTP/AVP 0'] }),
    callerRequest('BYE', 2),
    callerRequest('CANCEL', 1, { branch: 'z9hG4bK776asdhds', untagged: true }),
    callerRequest('UPDATE', 3, { sdp: ['v=0'] }),
    REGISTER,
  ].flatMap((text) => parseSipMessages(bytes(text)).messages);

  it('follows any order of messages without throwing, within its bounds', () => {
    const step = fc.record({
      message: fc.nat(pool.length - 1),
      time: fc.integer({ min: 0, max: 1e9 }),
      fromCaller: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(step, { maxLength: 60 }), (steps) => {
        const tracker = createCallTracker();
        steps.forEach(({ message, time, fromCaller }, index) => {
          const meta: PacketMeta = {
            frame: index + 1,
            timeUs: time,
            src: fromCaller ? '192.0.2.10' : '203.0.113.20',
            srcPort: 5060,
            dst: fromCaller ? '203.0.113.20' : '192.0.2.10',
            dstPort: 5060,
            transport: 'udp',
          };
          tracker.add(pool[message]!, meta);
        });
        for (const call of tracker.calls()) {
          expect(call.messages.length + call.droppedMessages).toBeLessThanOrEqual(steps.length);
          expect(call.inviteRetransmissions).toBeGreaterThanOrEqual(0);
          if (call.finalStatus !== undefined) expect(call.finalStatus).toBeGreaterThanOrEqual(200);
        }
      }),
      { numRuns: RUNS.tracker },
    );
  });
});
