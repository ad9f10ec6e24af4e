import { describe, expect, it } from 'vitest';
import type { TcpFlags } from '../test-support/capture-writer.ts';
import {
  fragmentIpv4,
  fragmentIpv6,
  LINKTYPE,
  tcpPacket,
  udpPacket,
  writePcap,
} from '../test-support/capture-writer.ts';
import { sampleUdp, sipText, T0 } from '../test-support/capture-samples.ts';
import type { ReadResult } from '../test-support/read-capture.ts';
import { readCapture, textOf } from '../test-support/read-capture.ts';

/** A raw-IP pcap of the packets, 1 ms apart (or at the given times). */
function rawPcap(packets: readonly Uint8Array[], times?: readonly number[]): Uint8Array {
  return writePcap(
    packets.map((data, i) => ({ timeUs: times?.[i] ?? T0 + i * 1000, data })),
    { linkType: LINKTYPE.RAW },
  );
}

function read(packets: readonly Uint8Array[], times?: readonly number[]): ReadResult {
  const result = readCapture(rawPcap(packets, times));
  if (result.error !== undefined) throw result.error;
  return result;
}

function texts(result: ReadResult): string[] {
  return result.datagrams.map((datagram) => textOf(datagram.payload));
}

describe('IPv4 fragments', () => {
  const text = sipText(4000);
  const whole = sampleUdp({ payload: text, ipId: 0x1111 });
  const pieces = fragmentIpv4(whole, 1500);
  const [a, b, c] = pieces as [Uint8Array, Uint8Array, Uint8Array];

  it('splits into three for the test', () => {
    expect(pieces).toHaveLength(3);
  });

  it('reassembles fragments in order, with the last fragment’s frame and time', () => {
    const result = read([a, b, c]);
    expect(texts(result)).toEqual([text]);
    expect(result.datagrams[0]).toMatchObject({ frame: 3, timeUs: T0 + 2000, srcPort: 5060 });
    expect(result.warnings).toEqual([]);
  });

  it('reassembles fragments out of order', () => {
    expect(texts(read([c, a, b]))).toEqual([text]);
    expect(texts(read([b, c, a]))).toEqual([text]);
  });

  it('ignores duplicated fragments and hands the packet on once', () => {
    const result = read([a, b, b, a, c, c]);
    expect(texts(result)).toEqual([text]);
    expect(result.datagrams[0]?.frame).toBe(5);
  });

  it('reassembles interleaved packets separately (keyed by source, destination, id)', () => {
    const other = sampleUdp({ payload: sipText(2000, 'BYE'), ipId: 0x2222 });
    const otherSource = sampleUdp({
      src: '192.0.2.9',
      payload: sipText(2000, 'ACK'),
      ipId: 0x1111,
    });
    const [d, e] = fragmentIpv4(other, 1500) as [Uint8Array, Uint8Array];
    const [f, g] = fragmentIpv4(otherSource, 1500) as [Uint8Array, Uint8Array];
    const result = read([a, d, f, b, e, g, c]);
    expect(texts(result).map((payload) => payload.slice(0, 3))).toEqual(['BYE', 'ACK', 'INV']);
  });

  it('gives up a packet that never gets all its fragments, with one summary warning', () => {
    const result = read([a, c, sampleUdp({ payload: 'later' })]);
    expect(texts(result)).toEqual(['later']);
    expect(result.warnings).toMatchObject([{ code: 'fragments-incomplete' }]);
    expect(result.warnings[0]?.message).toBe(
      '1 fragmented IP packet never got all its pieces and was left out.',
    );
  });

  it('gives up fragments older than 30 seconds of capture time', () => {
    const result = read([a, b, c], [T0, T0 + 1000, T0 + 31_000_000]);
    expect(texts(result)).toEqual([]);
    expect(result.warnings.map((warning) => warning.code)).toEqual(['fragments-incomplete']);
  });

  it('keeps at most about a thousand incomplete packets, giving up the oldest', () => {
    const split = (id: number) =>
      fragmentIpv4(sampleUdp({ payload: sipText(100), ipId: id }), 84) as [Uint8Array, Uint8Array];
    const firsts = Array.from({ length: 1200 }, (_, id) => split(id)[0]);
    expect(read([...firsts, split(0)[1]]).datagrams).toHaveLength(0);
    expect(read([...firsts, split(1199)[1]]).datagrams).toHaveLength(1);
  });

  it('drops fragments that would make a packet longer than 65,535 bytes', () => {
    const tooFar = a.slice();
    const view = new DataView(tooFar.buffer);
    view.setUint16(6, 0x2000 | (65528 / 8));
    const result = read([tooFar, c]);
    expect(result.datagrams).toEqual([]);
  });

  it('reassembles fragments that overlap', () => {
    const base = sampleUdp({ payload: sipText(100), ipId: 5 });
    const [first, second] = fragmentIpv4(base, 84) as [Uint8Array, Uint8Array];
    const overlapping = fragmentIpv4(base, 68);
    const result = read([first, ...overlapping.slice(1), second]);
    expect(texts(result)).toEqual([sipText(100)]);
  });
});

describe('IPv6 fragments', () => {
  const text = sipText(3000, 'REGISTER');
  const whole = udpPacket({
    src: '2001:db8::a',
    dst: '2001:db8::b',
    srcPort: 5060,
    dstPort: 5062,
    payload: text,
    ipv6Extensions: [{ type: 0 }, { type: 60 }],
  });
  const pieces = fragmentIpv6(whole, 1280, 77);

  it('reassembles in order and out of order, after a hop-by-hop header', () => {
    expect(pieces).toHaveLength(3);
    const inOrder = read(pieces);
    expect(texts(inOrder)).toEqual([text]);
    expect(inOrder.datagrams[0]).toMatchObject({ frame: 3, src: '2001:db8::a', dstPort: 5062 });
    expect(texts(read([...pieces].reverse()))).toEqual([text]);
  });

  it('ignores duplicates and gives up incomplete sets', () => {
    const [p0, p1, p2] = pieces as [Uint8Array, Uint8Array, Uint8Array];
    expect(texts(read([p0, p0, p1, p2, p1]))).toEqual([text]);
    const incomplete = read([p0, p2]);
    expect(incomplete.datagrams).toEqual([]);
    expect(incomplete.warnings.map((warning) => warning.code)).toEqual(['fragments-incomplete']);
  });

  it('reads an atomic fragment (offset 0, no more fragments) directly', () => {
    const small = udpPacket({ src: '::1', dst: '::2', srcPort: 1, dstPort: 2, payload: 'atom' });
    const [only] = fragmentIpv6(small, 1280) as [Uint8Array];
    expect(texts(read([only]))).toEqual(['atom']);
  });
});

describe('TCP', () => {
  const flow = { src: '10.0.0.1', dst: '10.0.0.2', srcPort: 40000, dstPort: 5060 };
  const back = { src: '10.0.0.2', dst: '10.0.0.1', srcPort: 5060, dstPort: 40000 };

  function seg(seq: number, payload = '', flags?: TcpFlags): Uint8Array {
    return tcpPacket({ ...flow, seq, payload, ...(flags !== undefined && { flags }) });
  }
  const syn = (seq: number) => seg(seq, '', { syn: true });

  it('hands on new in-order bytes, tagged tcp', () => {
    const result = read([syn(99), seg(100, 'abc'), seg(103, 'def'), seg(106)]);
    expect(texts(result)).toEqual(['abc', 'def']);
    expect(result.datagrams[0]).toMatchObject({ ...flow, transport: 'tcp', frame: 2 });
  });

  it('waits for a missing segment, then hands on both in order', () => {
    const result = read([syn(99), seg(103, 'def'), seg(106, 'ghi'), seg(100, 'abc')]);
    expect(texts(result)).toEqual(['abc', 'def', 'ghi']);
    expect(result.datagrams.map((datagram) => datagram.frame)).toEqual([4, 4, 4]);
  });

  it('drops retransmissions and trims partial overlaps', () => {
    const result = read([
      syn(99),
      seg(100, 'abc'),
      seg(100, 'abc'),
      seg(101, 'bcdef'),
      seg(104, 'de'),
      seg(108, 'ij'),
      seg(106, 'ghij'),
      seg(108, 'ij'),
    ]);
    expect(texts(result)).toEqual(['abc', 'def', 'ghij']);
    expect(result.warnings).toEqual([]);
  });

  it('follows sequence numbers across the 2^32 wrap', () => {
    const result = read([syn(0xffff_fffd), seg(0, 'cd'), seg(0xffff_fffe, 'ab'), seg(2, 'ef')]);
    expect(texts(result)).toEqual(['ab', 'cd', 'ef']);
    expect(result.warnings).toEqual([]);
  });

  it('starts mid-stream without a SYN', () => {
    expect(texts(read([seg(5000, 'mid'), seg(5003, 'dle')]))).toEqual(['mid', 'dle']);
  });

  it('starts over on a SYN (a new connection on the same ports)', () => {
    const result = read([syn(99), seg(100, 'one'), syn(5000), seg(5001, 'two'), seg(100, 'old')]);
    expect(texts(result)).toEqual(['one', 'two']);
  });

  it('keeps the two directions apart', () => {
    const reply = tcpPacket({ ...back, seq: 700, payload: 'pong' });
    const result = read([seg(1, 'ping'), reply, seg(5, '!')]);
    expect(
      result.datagrams.map((datagram) => [datagram.srcPort, textOf(datagram.payload)]),
    ).toEqual([
      [40000, 'ping'],
      [5060, 'pong'],
      [40000, '!'],
    ]);
  });

  it('skips a gap that never fills once its buffer is full, warning once', () => {
    const later = Array.from({ length: 70 }, (_, i) => seg(200 + i * 2, 'zz'));
    const result = read([syn(99), seg(100, 'abc'), ...later]);
    const got = texts(result);
    expect(got[0]).toBe('abc');
    expect(got.slice(1).join('')).toBe('zz'.repeat(70));
    expect(result.warnings).toMatchObject([{ code: 'tcp-gap', frame: 3 }]);
    expect(result.warnings[0]?.message).toContain('misses 97 bytes');
  });

  it('hands on what waits behind a gap at the end of the capture', () => {
    const result = read([syn(99), seg(100, 'abc'), seg(200, 'xyz'), seg(203, '!')]);
    expect(texts(result)).toEqual(['abc', 'xyz', '!']);
    expect(result.datagrams.map((datagram) => datagram.frame)).toEqual([2, 3, 4]);
    expect(result.warnings.map((warning) => warning.code)).toEqual(['tcp-gap']);
  });

  it('reads TCP over IPv6', () => {
    const packet = tcpPacket({
      ...flow,
      src: '2001:db8::1',
      dst: '2001:db8::2',
      seq: 1,
      payload: 'v6',
    });
    expect(read([packet]).datagrams[0]).toMatchObject({ src: '2001:db8::1', transport: 'tcp' });
  });

  it('counts a bad data offset as damaged', () => {
    const packet = seg(1, 'x');
    packet[20 + 12] = 0x30; // 12-byte header
    expect(read([packet]).warnings.map((warning) => warning.code)).toEqual(['malformed-packets']);
  });
});
