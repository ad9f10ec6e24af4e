import { describe, expect, it } from 'vitest';
import { createSipStreamFramer, looksLikeSip, parseSipMessages } from './message.ts';
import {
  bytes,
  CALL_ID,
  callerRequest,
  invite,
  REGISTER,
  response,
  sipMessage,
  toLf,
} from './samples.ts';

const RTP = new Uint8Array([0x80, 0x00, 0x12, 0x34, 0, 0, 0, 160, 0xde, 0xad, 0xbe, 0xef, 0xff]);

function parse(text: string, stream = false) {
  return parseSipMessages(bytes(text), { stream });
}

describe('looksLikeSip', () => {
  it('accepts requests and responses', () => {
    expect(looksLikeSip(bytes(invite()))).toBe(true);
    expect(looksLikeSip(bytes(response('200 OK')))).toBe(true);
    expect(looksLikeSip(bytes('OPTIONS sip:203.0.113.20 SIP/2.0\r\n'))).toBe(true);
    expect(looksLikeSip(bytes('SIP/2.0 100 Trying\r\n'))).toBe(true);
  });

  it('rejects RTP, HTTP, keep-alives and near misses', () => {
    expect(looksLikeSip(RTP)).toBe(false);
    expect(looksLikeSip(bytes('GET / HTTP/1.1\r\nHost: x\r\n\r\n'))).toBe(false);
    expect(looksLikeSip(bytes('HTTP/1.1 200 OK\r\n'))).toBe(false);
    expect(looksLikeSip(bytes('\r\n\r\n'))).toBe(false);
    expect(looksLikeSip(new Uint8Array(0))).toBe(false);
    expect(looksLikeSip(bytes('invite sip:a@b SIP/2.0\r\n'))).toBe(false);
    expect(looksLikeSip(bytes('INVITE sip:a@b\r\nVia: SIP/2.0/UDP x\r\n'))).toBe(false);
    expect(looksLikeSip(bytes('SIP/2.0\r\n'))).toBe(false);
    expect(looksLikeSip(bytes(`INVITE ${'x'.repeat(600)} SIP/2.0\r\n`))).toBe(false);
  });
});

describe('parseSipMessages: one message', () => {
  it('reads an INVITE with SDP', () => {
    const { messages, rest, dropped } = parse(invite());
    expect(rest).toBe(0);
    expect(dropped).toBe(0);
    expect(messages).toHaveLength(1);
    const message = messages[0]!;
    expect(message).toMatchObject({
      kind: 'request',
      method: 'INVITE',
      uri: 'sip:+15550199@203.0.113.20',
      callId: CALL_ID,
      cseq: { seq: 1, method: 'INVITE' },
      from: '"Alice" <sip:+15550100@192.0.2.10>;tag=1928301774',
      to: '<sip:+15550199@203.0.113.20>',
      fromTag: '1928301774',
      branch: 'z9hG4bK776asdhds',
      reasons: [],
      startLine: 'INVITE sip:+15550199@203.0.113.20 SIP/2.0',
    });
    expect(message.toTag).toBeUndefined();
    expect(message.sdp).toEqual({
      connection: '192.0.2.10',
      media: [
        {
          type: 'audio',
          port: 40000,
          protocol: 'RTP/AVP',
          payloadTypes: [0, 8, 101],
          connection: '192.0.2.10',
          rtpmap: {
            0: { name: 'PCMU', clockRate: 8000 },
            8: { name: 'PCMA', clockRate: 8000 },
            101: { name: 'telephone-event', clockRate: 8000 },
          },
          direction: 'sendrecv',
        },
      ],
    });
  });

  it('reads a response: status, phrase, to tag', () => {
    const [message] = parse(response('183 Session Progress', { sdp: true })).messages;
    expect(message).toMatchObject({
      kind: 'response',
      status: 183,
      phrase: 'Session Progress',
      toTag: 'as6151ad25',
      cseq: { seq: 1, method: 'INVITE' },
    });
    expect(message?.method).toBeUndefined();
    expect(message?.sdp?.media[0]?.port).toBe(31876);
  });

  it('reads a 503 with a Q.850 Reason', () => {
    const text = response('503 Service Unavailable', {
      extra: ['Reason: Q.850;cause=34;text="No circuit/channel available"'],
    });
    const [message] = parse(text).messages;
    expect(message?.reasons).toEqual([
      { protocol: 'Q.850', cause: 34, text: 'No circuit/channel available' },
    ]);
  });

  it('reads several Reason headers and comma-separated values, in order', () => {
    const text = response('480 Temporarily Unavailable', {
      extra: [
        'Reason: SIP;cause=480;text="Temporarily, Unavailable", Q.850;cause=18',
        'reason: q850;cause=19',
        'Reason: Q.850;cause=nonsense',
      ],
    });
    expect(parse(text).messages[0]?.reasons).toEqual([
      { protocol: 'SIP', cause: 480, text: 'Temporarily, Unavailable' },
      { protocol: 'Q.850', cause: 18 },
      { protocol: 'Q.850', cause: 19 },
    ]);
  });

  it('expands compact header names', () => {
    const text = [
      'INVITE sip:bob@203.0.113.20 SIP/2.0',
      'v: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bKcompact',
      'f: <sip:alice@192.0.2.10>;tag=abc',
      't: <sip:bob@203.0.113.20>',
      'i: compact-1@192.0.2.10',
      'CSeq: 7 INVITE',
      'm: <sip:alice@192.0.2.10>',
      'c: application/sdp',
      'l: 57',
      '',
      'v=0\r\nc=IN IP4 192.0.2.10\r\nm=audio 4000 RTP/AVP 0\r\nx=1\r\n',
    ].join('\r\n');
    const { messages } = parse(text);
    expect(messages[0]).toMatchObject({
      callId: 'compact-1@192.0.2.10',
      fromTag: 'abc',
      branch: 'z9hG4bKcompact',
      cseq: { seq: 7, method: 'INVITE' },
    });
    expect(messages[0]?.sdp?.media[0]?.port).toBe(4000);
  });

  it('joins folded header lines', () => {
    const text = [
      'BYE sip:alice@192.0.2.10 SIP/2.0',
      'Via: SIP/2.0/UDP 203.0.113.20:5060',
      '\t;branch=z9hG4bKfolded',
      'From: <sip:bob@203.0.113.20>',
      '   ;tag=xyz',
      'To: <sip:alice@192.0.2.10>;tag=abc',
      'Call-ID:',
      ' folded-call@203.0.113.20',
      'CSeq: 2 BYE',
      'Reason: Q.850',
      '  ;cause=16;text="Normal call clearing"',
      'Content-Length: 0',
      '',
      '',
    ].join('\r\n');
    expect(parse(text).messages[0]).toMatchObject({
      callId: 'folded-call@203.0.113.20',
      fromTag: 'xyz',
      toTag: 'abc',
      branch: 'z9hG4bKfolded',
      reasons: [{ protocol: 'Q.850', cause: 16, text: 'Normal call clearing' }],
    });
  });

  it('reads LF-only messages', () => {
    const text = toLf(invite()).replace(/Content-Length: \d+/, 'Content-Length: 263');
    const { messages } = parse(text);
    expect(messages).toHaveLength(1);
    expect(messages[0]?.sdp?.media[0]?.payloadTypes).toEqual([0, 8, 101]);
  });

  it('ignores the case of header names', () => {
    const text =
      'SIP/2.0 200 OK\r\nCALL-ID: x@y\r\ncseq: 5 BYE\r\nFROM: a;TAG=1\r\ncontent-LENGTH: 0\r\n\r\n';
    expect(parse(text).messages[0]).toMatchObject({ status: 200, callId: 'x@y', fromTag: '1' });
  });

  it('reads the application/sdp part of a multipart body', () => {
    const boundary = 'unique-boundary-1';
    const body = [
      `--${boundary}`,
      'Content-Type: application/sdp',
      '',
      'v=0',
      'c=IN IP4 198.51.100.7',
      'm=audio 20000 RTP/AVP 8',
      `--${boundary}`,
      'Content-Type: application/isup; version=itu-t92+',
      'Content-Disposition: signal; handling=optional',
      '',
      'binary-isup',
      `--${boundary}--`,
    ];
    const text = sipMessage(
      [
        'INVITE sip:bob@203.0.113.20 SIP/2.0',
        'Via: SIP/2.0/UDP 192.0.2.10;branch=z9hG4bKm',
        'From: <sip:alice@192.0.2.10>;tag=1',
        'To: <sip:bob@203.0.113.20>',
        'Call-ID: multi@192.0.2.10',
        'CSeq: 1 INVITE',
        `Content-Type: multipart/mixed;boundary="${boundary}"`,
      ],
      body,
    );
    const sdp = parse(text).messages[0]?.sdp;
    expect(sdp?.connection).toBe('198.51.100.7');
    expect(sdp?.media[0]?.payloadTypes).toEqual([8]);
  });

  it('takes a body without Content-Type as SDP only when it starts with v=0', () => {
    const head = (id: string) => `SIP/2.0 200 OK\r\nCall-ID: ${id}\r\nCSeq: 1 INVITE\r\n\r\n`;
    expect(parse(`${head('a')}v=0\r\nm=audio 1000 RTP/AVP 0\r\n`).messages[0]?.sdp).toBeDefined();
    expect(parse(`${head('b')}hello\r\n`).messages[0]?.sdp).toBeUndefined();
    const text = `SIP/2.0 200 OK\r\nCall-ID: c\r\nCSeq: 1 INVITE\r\nContent-Type: text/plain\r\n\r\nv=0\r\n`;
    expect(parse(text).messages[0]?.sdp).toBeUndefined();
  });

  it('drops messages without Call-ID or CSeq, and invalid start lines', () => {
    const noCallId = 'SIP/2.0 200 OK\r\nCSeq: 1 INVITE\r\nContent-Length: 0\r\n\r\n';
    const noCseq = 'SIP/2.0 200 OK\r\nCall-ID: a\r\nCSeq: INVITE\r\nContent-Length: 0\r\n\r\n';
    const badCode = 'SIP/2.0 999 Nope\r\nCall-ID: a\r\nCSeq: 1 INVITE\r\nContent-Length: 0\r\n\r\n';
    const result = parse(noCallId + noCseq + badCode + REGISTER);
    expect(result.dropped).toBe(3);
    expect(result.messages.map((m) => m.cseq.method)).toEqual(['REGISTER']);
  });
});

describe('parseSipMessages: several messages and framing', () => {
  it('reads messages back to back in one datagram', () => {
    const text = response('100 Trying', { tag: false }) + response('180 Ringing') + invite(2);
    const { messages } = parse(text);
    expect(messages.map((m) => m.startLine)).toEqual([
      'SIP/2.0 100 Trying',
      'SIP/2.0 180 Ringing',
      'INVITE sip:+15550199@203.0.113.20 SIP/2.0',
    ]);
    expect(messages[2]?.sdp).toBeDefined();
  });

  it('skips keep-alives around and between messages', () => {
    const text = `\r\n\r\n${callerRequest('BYE', 2)}\r\n\r\n${REGISTER}\r\n`;
    const result = parse(text);
    expect(result.messages.map((m) => m.cseq.method)).toEqual(['BYE', 'REGISTER']);
    expect(result.skipped).toBe(0);
    expect(parse('\r\n\r\n').messages).toEqual([]);
    expect(parse('\r\n').messages).toEqual([]);
  });

  it('gives a datagram body without Content-Length the rest of the datagram', () => {
    const text = invite().replace(/Content-Length: \d+\r\n/, '');
    expect(parse(text).messages[0]?.sdp?.media).toHaveLength(1);
  });

  it('reads a datagram cut short: headers without blank line, body shorter than announced', () => {
    const cut = invite().slice(0, invite().indexOf('m=audio'));
    const [message] = parse(cut).messages;
    expect(message?.sdp?.connection).toBe('192.0.2.10');
    expect(message?.sdp?.media).toEqual([]);
    const noBlank = 'BYE sip:a@b SIP/2.0\r\nCall-ID: z\r\nCSeq: 3 BYE';
    expect(parse(noBlank).messages[0]?.cseq).toEqual({ seq: 3, method: 'BYE' });
  });

  it('skips garbage up to the next start line', () => {
    const result = parse(`garbage line\r\nmore: garbage\r\n${REGISTER}`);
    expect(result.messages).toHaveLength(1);
    expect(result.skipped).toBe('garbage line\r\nmore: garbage\r\n'.length);
    expect(parseSipMessages(RTP).messages).toEqual([]);
  });

  it('stream mode: an unfinished message at the end is rest, with what it needs', () => {
    const whole = REGISTER + invite();
    const cutHeaders = parse(whole.slice(0, REGISTER.length + 40), true);
    expect(cutHeaders.messages).toHaveLength(1);
    expect(cutHeaders.rest).toBe(40);
    const cutBody = parse(whole.slice(0, whole.length - 10), true);
    expect(cutBody.messages).toHaveLength(1);
    expect(cutBody.rest).toBe(invite().length - 10);
    expect(cutBody.need).toBe(invite().length);
    const complete = parse(whole, true);
    expect(complete.messages).toHaveLength(2);
    expect(complete.rest).toBe(0);
  });

  it('stream mode: no Content-Length means no body', () => {
    const bye = callerRequest('BYE', 2).replace('Content-Length: 0\r\n', '');
    expect(parse(bye + REGISTER, true).messages.map((m) => m.cseq.method)).toEqual([
      'BYE',
      'REGISTER',
    ]);
  });
});

/** Feeds the text to a framer in pieces cut at `cuts`, and returns the start lines read. */
function frame(text: string, cuts: readonly number[]): string[] {
  const data = bytes(text);
  const framer = createSipStreamFramer();
  const out: string[] = [];
  let from = 0;
  for (const cut of [...cuts, data.length]) {
    for (const message of framer.push(data.slice(from, cut))) out.push(message.startLine);
    from = cut;
  }
  return out;
}

describe('createSipStreamFramer', () => {
  const stream =
    invite() +
    response('100 Trying', { tag: false }) +
    '\r\n\r\n' +
    response('200 OK', { sdp: true }) +
    callerRequest('ACK', 1) +
    callerRequest('BYE', 2);
  const expected = parse(stream, true).messages.map((m) => m.startLine);

  it('reads the stream whole', () => {
    expect(expected).toHaveLength(5);
    expect(frame(stream, [])).toEqual(expected);
  });

  it('gives the same messages when the stream is split at every byte', () => {
    const length = bytes(stream).length;
    expect(
      frame(
        stream,
        Array.from({ length }, (_, i) => i + 1),
      ),
    ).toEqual(expected);
  });

  it('gives the same messages for every single cut point', () => {
    const length = bytes(stream).length;
    for (let cut = 1; cut < length; cut += 7) expect(frame(stream, [cut])).toEqual(expected);
  });

  it('keeps an unfinished message until the rest comes', () => {
    const framer = createSipStreamFramer();
    const data = bytes(invite());
    expect(framer.push(data.subarray(0, 100))).toEqual([]);
    expect(framer.buffered).toBe(100);
    expect(framer.push(data.subarray(100))).toHaveLength(1);
    expect(framer.buffered).toBe(0);
  });

  it('drops headers over 64 KiB and resyncs on the next start line', () => {
    const framer = createSipStreamFramer();
    const huge = `INVITE sip:a@b SIP/2.0\r\n${'X-Padding: 0123456789abcdef\r\n'.repeat(3000)}`;
    const out = [...framer.push(bytes(huge))];
    out.push(...framer.push(bytes(`X-More: 1\r\n\r\n${REGISTER}`)));
    expect(out.map((m) => m.cseq.method)).toEqual(['REGISTER']);
    expect(framer.dropped).toBe(1);
  });

  it('drops a Content-Length over 1 MiB and resyncs', () => {
    const framer = createSipStreamFramer();
    const big =
      'MESSAGE sip:a@b SIP/2.0\r\nCall-ID: m\r\nCSeq: 1 MESSAGE\r\nContent-Length: 5000000\r\n\r\nhello\r\n';
    const out = framer.push(bytes(big + REGISTER));
    expect(out.map((m) => m.cseq.method)).toEqual(['REGISTER']);
    expect(framer.dropped).toBe(1);
    expect(framer.buffered).toBe(0);
  });

  it('reads a large body arriving in segments', () => {
    const body = Array.from({ length: 2000 }, (_, i) => `a=x-filler:${i.toString()}`);
    const text = sipMessage(
      ['INFO sip:a@b SIP/2.0', 'Call-ID: big', 'CSeq: 3 INFO', 'Content-Type: text/plain'],
      body,
    );
    const data = bytes(text + REGISTER);
    const framer = createSipStreamFramer();
    const out = [];
    for (let i = 0; i < data.length; i += 1460)
      out.push(...framer.push(data.subarray(i, i + 1460)));
    expect(out.map((m) => m.cseq.method)).toEqual(['INFO', 'REGISTER']);
  });

  it('skips garbage at the start of a stream', () => {
    const framer = createSipStreamFramer();
    expect(framer.push(bytes('\x16\x03\x01garbage'))).toEqual([]);
    expect(framer.push(bytes(`\r\n${REGISTER}`)).map((m) => m.cseq.method)).toEqual(['REGISTER']);
  });
});
