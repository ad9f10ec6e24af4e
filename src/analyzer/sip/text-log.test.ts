import { describe, expect, it } from 'vitest';
import { createCallTracker } from './calls.ts';
import { readLogHeader, readLogTime } from './log-header.ts';
import {
  ASTERISK_CHAN_SIP,
  ASTERISK_PJSIP,
  CALL,
  CALL_OFFSETS_MS,
  CALL_START_LINES,
  FREESWITCH,
  KAMAILIO,
  NGREP_BYLINE,
  NGREP_SINGLE_LINE,
  SNGREP,
  WIRESHARK_FOLLOW,
} from './log-samples.ts';
import { invite, REGISTER, sipMessage } from './samples.ts';
import { MAX_LOG_CHARS, readSipLog } from './text-log.ts';

const DAY_US = Date.UTC(2026, 10, 24, 10, 0, 1) * 1000;
const TIME_ONLY_US = Date.UTC(1970, 0, 1, 10, 0, 1) * 1000;
const CALLER = { address: '192.0.2.10', port: 5060 };
const CARRIER = { address: '203.0.113.20', port: 5060 };

/** The whole call was read: its six messages, the SDP of the 200, the BYE's reason. */
function expectWholeCall(text: string) {
  const { entries, warnings } = readSipLog(text);
  expect(warnings).toEqual([]);
  expect(entries.map((e) => e.message.startLine)).toEqual(CALL_START_LINES);
  expect(entries.map((e) => e.meta.frame)).toEqual([1, 2, 3, 4, 5, 6]);
  expect(entries[0]?.message.sdp?.media[0]).toMatchObject({
    port: 40000,
    direction: 'sendrecv',
    rtpmap: { 0: { name: 'PCMU' }, 8: { name: 'PCMA' }, 101: { name: 'telephone-event' } },
  });
  expect(entries[2]?.message.sdp?.media[0]?.port).toBe(31876);
  expect(entries[3]?.message.sdp).toBeUndefined();
  expect(entries[4]?.message.reasons).toEqual([
    { protocol: 'Q.850', cause: 16, text: 'Normal call clearing' },
  ]);
  expect(entries[0]?.message.callId).toBe('a84b4c76e66710@192.0.2.10');
  return entries;
}

function endpointsOf(entries: ReturnType<typeof readSipLog>['entries']) {
  return entries.map((e) => [e.meta.src, e.meta.srcPort, e.meta.dst, e.meta.dstPort]);
}

const ARROWS = [
  [CALLER.address, 5060, CARRIER.address, 5060],
  [CARRIER.address, 5060, CALLER.address, 5060],
  [CARRIER.address, 5060, CALLER.address, 5060],
  [CALLER.address, 5060, CARRIER.address, 5060],
  [CALLER.address, 5060, CARRIER.address, 5060],
  [CARRIER.address, 5060, CALLER.address, 5060],
];

describe('readSipLog: formats', () => {
  it('reads Wireshark’s Follow UDP Stream (messages back to back, no times)', () => {
    const entries = expectWholeCall(WIRESHARK_FOLLOW);
    expect(entries.every((e) => !e.timed && !e.addressed)).toBe(true);
    expect(entries[0]?.meta).toEqual({
      frame: 1,
      timeUs: 0,
      src: '',
      srcPort: 0,
      dst: '',
      dstPort: 0,
      transport: 'udp',
    });
    expect(entries[0]?.line).toBe(1);
    expect(entries[1]?.line).toBe(1 + CALL[0]!.split('\r\n').length - 1);
  });

  it('reads ngrep -W byline (dots for CR, # lines)', () => {
    const entries = expectWholeCall(NGREP_BYLINE);
    expect(entries.map((e) => e.meta.timeUs)).toEqual(
      CALL_OFFSETS_MS.map((ms) => DAY_US + ms * 1000),
    );
    expect(endpointsOf(entries)).toEqual(ARROWS);
    expect(entries.every((e) => e.timed && e.addressed && e.meta.transport === 'udp')).toBe(true);
    expect(entries[0]?.line).toBe(5);
    expect(entries[1]?.message.phrase).toBe('Trying');
  });

  it('reads ngrep without byline (one line per message), TCP', () => {
    const entries = expectWholeCall(NGREP_SINGLE_LINE);
    expect(endpointsOf(entries)).toEqual(ARROWS);
    expect(entries.map((e) => e.meta.transport)).toEqual(Array(6).fill('tcp'));
    expect(entries.map((e) => e.line)).toEqual([2, 5, 8, 11, 14, 17]);
  });

  it('reads sngrep text (date-time and arrow lines)', () => {
    const entries = expectWholeCall(SNGREP);
    expect(entries.map((e) => e.meta.timeUs)).toEqual(
      CALL_OFFSETS_MS.map((ms) => DAY_US + ms * 1000),
    );
    expect(endpointsOf(entries)).toEqual(ARROWS);
  });

  it('reads Asterisk pjsip logger output: one side known, time from the log prefix', () => {
    const entries = expectWholeCall(ASTERISK_PJSIP);
    expect(entries.map((e) => e.meta.timeUs)).toEqual(
      CALL_OFFSETS_MS.map((ms) => DAY_US + ms * 1000),
    );
    expect(endpointsOf(entries)).toEqual([
      [CALLER.address, 5060, '', 0],
      ['', 0, CALLER.address, 5060],
      ['', 0, CALLER.address, 5060],
      [CALLER.address, 5060, '', 0],
      [CALLER.address, 5060, '', 0],
      ['', 0, CALLER.address, 5060],
    ]);
    expect(entries.every((e) => e.timed && e.addressed)).toBe(true);
  });

  it('reads Asterisk chan_sip debug output with its trailer lines', () => {
    const entries = expectWholeCall(ASTERISK_CHAN_SIP);
    expect(entries.every((e) => !e.timed && e.addressed)).toBe(true);
    expect(entries[1]?.meta.dst).toBe(CALLER.address);
  });

  it('reads FreeSWITCH siptrace: indented, framed, a time of day only', () => {
    const entries = expectWholeCall(FREESWITCH);
    expect(entries.map((e) => e.meta.timeUs)).toEqual(
      CALL_OFFSETS_MS.map((ms) => TIME_ONLY_US + ms * 1000),
    );
    expect(entries[0]?.meta).toMatchObject({ src: '192.0.2.10', srcPort: 5060, dst: '' });
    expect(entries[1]?.meta).toMatchObject({ src: '', dst: '192.0.2.10', dstPort: 5060 });
  });

  it('reads a Kamailio-style debug log, over TLS', () => {
    const entries = expectWholeCall(KAMAILIO);
    expect(entries.map((e) => e.meta.transport)).toEqual(Array(6).fill('tcp'));
    expect(entries[0]?.meta).toMatchObject({ src: '192.0.2.10', srcPort: 5061, timeUs: DAY_US });
  });

  it('reads bare messages separated by blank lines, with CRLF or LF', () => {
    expectWholeCall(CALL.join('\r\n'));
    expectWholeCall(CALL.join('\n').replace(/\r\n/g, '\n'));
  });
});

describe('readSipLog into the call tracker', () => {
  it('gives a call with its timings and who hung up', () => {
    const tracker = createCallTracker();
    for (const entry of readSipLog(NGREP_BYLINE).entries) tracker.add(entry.message, entry.meta);
    const [call] = tracker.calls();
    expect(call).toMatchObject({
      startUs: DAY_US,
      answeredUs: DAY_US + 4_500_000,
      endUs: DAY_US + 30_000_000,
      endedBy: 'caller',
      finalStatus: 200,
      caller: CALLER,
      callee: CARRIER,
      reasons: [{ protocol: 'Q.850', cause: 16, text: 'Normal call clearing' }],
    });
    expect(call?.offer?.frame).toBe(1);
    expect(call?.answer?.frame).toBe(3);
  });
});

describe('readSipLog: leniency', () => {
  it('keeps a body shorter than its Content-Length', () => {
    const text = invite()
      .replace(/Content-Length: \d+/, 'Content-Length: 900')
      .replace(/\r\n/g, '\n');
    const { entries } = readSipLog(text);
    expect(entries[0]?.message.sdp?.media[0]?.payloadTypes).toEqual([0, 8, 101]);
  });

  it('cuts log text after a body to its Content-Length', () => {
    const text = `${invite()}[Nov 24 10:00:01] NOTICE[123]: chan_sip.c: Call from '' rejected\nv=0\nm=audio 1 RTP/AVP 9\n\n${REGISTER}`;
    const { entries } = readSipLog(text);
    expect(entries.map((e) => e.message.cseq.method)).toEqual(['INVITE', 'REGISTER']);
    expect(entries[0]?.message.sdp?.media).toHaveLength(1);
    expect(entries[0]?.message.sdp?.media[0]?.port).toBe(40000);
  });

  it('reads SDP whose blank line was lost', () => {
    const text = invite().replace('\r\n\r\nv=0', '\r\nv=0');
    expect(readSipLog(text).entries[0]?.message.sdp?.media[0]?.port).toBe(40000);
  });

  it('reads headers that share an indent, and folded ones deeper', () => {
    const text = [
      '    SIP/2.0 486 Busy Here',
      '    Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bKx',
      '    From: <sip:a@192.0.2.10>;tag=1',
      '    To: <sip:b@203.0.113.20>;tag=2',
      '    Call-ID: indent@192.0.2.10',
      '    CSeq: 1 INVITE',
      '    Reason: Q.850',
      '      ;cause=17',
      '    Content-Length: 0',
    ].join('\n');
    const [entry] = readSipLog(text).entries;
    expect(entry?.message).toMatchObject({
      status: 486,
      toTag: '2',
      reasons: [{ protocol: 'Q.850', cause: 17 }],
    });
  });

  it('takes the time and addresses from a start line’s prefix', () => {
    const text = invite().replace(
      'INVITE sip:',
      '2026-11-24 10:00:01.250 192.0.2.10:5060 -> 203.0.113.20:5060 INVITE sip:',
    );
    const [entry] = readSipLog(text).entries;
    expect(entry).toMatchObject({ timed: true, addressed: true, line: 1 });
    expect(entry?.meta).toMatchObject({
      timeUs: DAY_US + 250_000,
      src: '192.0.2.10',
      dst: '203.0.113.20',
    });
    expect(entry?.message.startLine).toBe('INVITE sip:+15550199@203.0.113.20 SIP/2.0');
  });

  it('does not start a message at a header quoting a status line, nor in a sipfrag body', () => {
    const notify = sipMessage(
      [
        'NOTIFY sip:a@192.0.2.10 SIP/2.0',
        'Call-ID: refer@192.0.2.10',
        'CSeq: 3 NOTIFY',
        'X-Last-Status: SIP/2.0 180 Ringing',
        'Event: refer',
        'Content-Type: message/sipfrag;version=2.0',
      ],
      ['SIP/2.0 503 Service Unavailable'],
    );
    const { entries } = readSipLog(`${notify}\r\n${REGISTER}`);
    expect(entries.map((e) => e.message.startLine)).toEqual([
      'NOTIFY sip:a@192.0.2.10 SIP/2.0',
      'REGISTER sip:203.0.113.20 SIP/2.0',
    ]);
  });

  it('warns about messages without Call-ID or CSeq', () => {
    const { entries, warnings } = readSipLog(`SIP/2.0 200 OK\nContent-Length: 0\n\n${REGISTER}`);
    expect(entries).toHaveLength(1);
    expect(entries[0]?.line).toBe(4);
    expect(warnings).toEqual([expect.objectContaining({ code: 'sip-message-skipped' })]);
    expect(warnings[0]?.message).toContain('line 1');
  });

  it('reads only the first 5 MB of a longer text, and says so', () => {
    const filler = 'x'.repeat(999) + '\n';
    const text = REGISTER + filler.repeat(Math.ceil(MAX_LOG_CHARS / filler.length)) + REGISTER;
    const { entries, warnings } = readSipLog(text);
    expect(entries).toHaveLength(1);
    expect(warnings.map((w) => w.code)).toEqual(['log-truncated']);
  });

  it('gives nothing, without throwing, for text without SIP', () => {
    expect(readSipLog('')).toEqual({ entries: [], warnings: [] });
    expect(readSipLog('hello\nworld\n----\n#\n').entries).toEqual([]);
  });
});

describe('readLogHeader and readLogTime', () => {
  it('reads the header line forms', () => {
    expect(readLogHeader('U 2026/11/24 10:00:01.123456 10.0.0.1:5060 -> 10.0.0.2:5060')).toEqual({
      timeUs: DAY_US + 123_456,
      src: { address: '10.0.0.1', port: 5060 },
      dst: { address: '10.0.0.2', port: 5060 },
      transport: 'udp',
    });
    expect(
      readLogHeader('2026-11-24 10:00:01.123 sip1 recv 1024 bytes from udp/10.0.0.1:5060'),
    ).toEqual({
      timeUs: DAY_US + 123_000,
      src: { address: '10.0.0.1', port: 5060 },
      transport: 'udp',
    });
    expect(
      readLogHeader('<--- Received SIP request (1024 bytes) from UDP:10.0.0.1:5060 --->'),
    ).toEqual({
      src: { address: '10.0.0.1', port: 5060 },
      transport: 'udp',
    });
    expect(readLogHeader('send 512 bytes to tcp/[2001:DB8::1]:5060 at 10:00:01.123456:')).toEqual({
      timeUs: TIME_ONLY_US + 123_456,
      dst: { address: '2001:db8::1', port: 5060 },
      transport: 'tcp',
    });
    expect(readLogHeader('T [2001:db8::1]:5060 -> [2001:db8::2]:5080')).toMatchObject({
      src: { address: '2001:db8::1', port: 5060 },
      dst: { address: '2001:db8::2', port: 5080 },
      transport: 'tcp',
    });
  });

  it('does not take SIP headers for header lines', () => {
    expect(readLogHeader('To: <sip:bob@10.0.0.2:5060>;tag=1')).toBeUndefined();
    expect(readLogHeader('Via: SIP/2.0/UDP 10.0.0.1:5060;received=10.0.0.1')).toBeUndefined();
    expect(readLogHeader('Subject: call from 10.0.0.1:5060')).toBeUndefined();
  });

  it('reads times as UTC, a time of day on 1970-01-01, and rejects impossible ones', () => {
    expect(readLogTime('2026-11-24T10:00:01,5')).toBe(DAY_US + 500_000);
    expect(readLogTime('[Nov 24 10:00:01]')).toBe(TIME_ONLY_US);
    expect(readLogTime('2026-13-24 10:00:01')).toBeUndefined();
    expect(readLogTime('no time here')).toBeUndefined();
  });
});
