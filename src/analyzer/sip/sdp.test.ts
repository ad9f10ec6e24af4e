import { describe, expect, it } from 'vitest';
import { sdpOfBody } from './body.ts';
import { SDP_ANSWER } from './samples.ts';
import { parseSdp } from './sdp.ts';

const sdp = (...lines: string[]) => parseSdp(lines.join('\r\n'));

describe('parseSdp', () => {
  it('reads an answer: session c=, media, rtpmap, default direction', () => {
    expect(parseSdp(SDP_ANSWER.join('\r\n'))).toEqual({
      connection: '203.0.113.21',
      media: [
        {
          type: 'audio',
          port: 31876,
          protocol: 'RTP/AVP',
          payloadTypes: [0, 101],
          connection: '203.0.113.21',
          rtpmap: {
            0: { name: 'PCMU', clockRate: 8000 },
            101: { name: 'telephone-event', clockRate: 8000 },
          },
          direction: 'sendrecv',
        },
      ],
    });
  });

  it('reads IPv6 and multicast addresses without their /ttl', () => {
    const parsed = sdp(
      'v=0',
      'c=IN IP6 2001:db8::10',
      'm=audio 5004 RTP/AVP 0',
      'm=video 5006 RTP/AVP 96',
      'c=IN IP4 233.252.0.1/127/2',
    );
    expect(parsed?.connection).toBe('2001:db8::10');
    expect(parsed?.media.map((m) => m.connection)).toEqual(['2001:db8::10', '233.252.0.1']);
  });

  it('takes direction from the media, else the session, else sendrecv', () => {
    const parsed = sdp(
      'v=0',
      'a=sendonly',
      'm=audio 4000 RTP/AVP 0',
      'm=audio 4002 RTP/AVP 0',
      'a=inactive',
      'm=audio 4004 RTP/AVP 0',
      'a=recvonly',
    );
    expect(parsed?.media.map((m) => m.direction)).toEqual(['sendonly', 'inactive', 'recvonly']);
    expect(sdp('v=0', 'm=audio 1 RTP/AVP 0')?.media[0]?.direction).toBe('sendrecv');
  });

  it('keeps a disabled stream (port 0) and non-RTP formats out of payload types', () => {
    const parsed = sdp(
      'v=0',
      'c=IN IP4 192.0.2.10',
      'm=audio 0 RTP/AVP 0',
      'm=image 0 udptl t38',
      'm=audio 6000/2 RTP/SAVP 0 96 97',
    );
    expect(parsed?.media.map((m) => [m.type, m.port, m.protocol, m.payloadTypes])).toEqual([
      ['audio', 0, 'RTP/AVP', [0]],
      ['image', 0, 'udptl', []],
      ['audio', 6000, 'RTP/SAVP', [0, 96, 97]],
    ]);
  });

  it('reads rtpmap for dynamic types (name and clock rate, channels ignored)', () => {
    const parsed = sdp(
      'v=0',
      'm=audio 4000 RTP/AVP 111 96 101',
      'a=rtpmap:111 opus/48000/2',
      'a=rtpmap:96 AMR-WB/16000',
      'a=rtpmap: 101 telephone-event/8000',
      'a=rtpmap:200 bad/8000',
      'a=rtpmap:97 nodrate',
    );
    expect(parsed?.media[0]?.rtpmap).toEqual({
      111: { name: 'opus', clockRate: 48000 },
      96: { name: 'AMR-WB', clockRate: 16000 },
      101: { name: 'telephone-event', clockRate: 8000 },
    });
  });

  it('reads LF line ends, spaces around lines, and skips malformed lines', () => {
    const parsed = parseSdp(
      ' v=0 \nc=IN IP4\nc=ATM NSAP x\nm=audio x RTP/AVP 0\na=rtpmap:0 PCMU/8000\nm=audio 7000 RTP/AVP 8\n',
    );
    expect(parsed?.connection).toBeUndefined();
    expect(parsed?.media).toEqual([
      {
        type: 'audio',
        port: 7000,
        protocol: 'RTP/AVP',
        payloadTypes: [8],
        rtpmap: {},
        direction: 'sendrecv',
      },
    ]);
  });

  it('gives undefined for text that is not SDP', () => {
    expect(parseSdp('')).toBeUndefined();
    expect(parseSdp('hello world\r\nc=IN IP4 1.2.3.4')).toBeUndefined();
  });
});

describe('sdpOfBody', () => {
  const body = 'v=0\r\nm=audio 4000 RTP/AVP 0\r\n';

  it('reads application/sdp whatever its parameters and case', () => {
    expect(sdpOfBody('Application/SDP; charset=utf-8', body)).toBeDefined();
    expect(sdpOfBody('application/pidf+xml', body)).toBeUndefined();
  });

  it('finds SDP in nested multiparts, with or without a boundary parameter', () => {
    const nested = [
      '--outer',
      'Content-Type: multipart/alternative; boundary=inner',
      '',
      '--inner',
      'Content-Type: text/plain',
      '',
      'hi',
      '--inner',
      'Content-Type: application/sdp',
      '',
      'v=0',
      'm=audio 4100 RTP/AVP 0',
      '--inner--',
      '--outer--',
    ].join('\r\n');
    expect(sdpOfBody('multipart/mixed;boundary=outer', nested)?.media[0]?.port).toBe(4100);
    expect(sdpOfBody('multipart/mixed', nested)?.media[0]?.port).toBe(4100);
    expect(sdpOfBody('multipart/mixed;boundary=nothere', nested)).toBeUndefined();
  });
});
