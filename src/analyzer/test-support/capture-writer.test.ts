import { describe, expect, it } from 'vitest';
import {
  bytesOf,
  chunked,
  concatBytes,
  ethernet,
  fragmentIpv4,
  fragmentIpv6,
  ipv4Bytes,
  ipv6Bytes,
  pcapngBlock,
  tcpPacket,
  udpCapture,
  udpPacket,
} from './capture-writer.ts';
import { readCapture, textOf } from './read-capture.ts';

/** One's-complement sum over 16-bit words: 0xffff for a correct checksum. */
function onesSum(bytes: Uint8Array): number {
  let sum = 0;
  for (let i = 0; i < bytes.length; i += 2) sum += ((bytes[i] ?? 0) << 8) | (bytes[i + 1] ?? 0);
  while (sum > 0xffff) sum = (sum & 0xffff) + (sum >>> 16);
  return sum;
}

describe('capture writer', () => {
  it('concatenates and splits bytes', () => {
    const bytes = concatBytes(Uint8Array.of(1, 2), new Uint8Array(0), Uint8Array.of(3, 4, 5));
    expect([...bytes]).toEqual([1, 2, 3, 4, 5]);
    expect(chunked(bytes, 2).map((piece) => [...piece])).toEqual([[1, 2], [3, 4], [5]]);
    expect(chunked(bytes, [1, 0, 3]).map((piece) => piece.length)).toEqual([1, 0, 3, 1]);
    expect(() => chunked(bytes, [0])).toThrow();
  });

  it('parses addresses', () => {
    expect([...ipv4Bytes('192.0.2.1')]).toEqual([192, 0, 2, 1]);
    expect([...ipv6Bytes('::1')]).toEqual([...new Array<number>(15).fill(0), 1]);
    expect([...ipv6Bytes('::ffff:1.2.3.4').subarray(10)]).toEqual([0xff, 0xff, 1, 2, 3, 4]);
    expect(() => ipv4Bytes('1.2.3')).toThrow();
    expect(() => ipv6Bytes('1::2::3')).toThrow();
    expect(() => ipv6Bytes('1:2:3')).toThrow();
  });

  it('writes correct IPv4 header checksums, also in fragments', () => {
    const packet = udpPacket({
      src: '10.0.0.1',
      dst: '10.0.0.2',
      srcPort: 1,
      dstPort: 2,
      payload: 'x'.repeat(3000),
    });
    expect(onesSum(packet.subarray(0, 20))).toBe(0xffff);
    const fragments = fragmentIpv4(packet, 1500);
    expect(fragments.map((fragment) => fragment.length)).toEqual([1500, 1500, 68]);
    for (const fragment of fragments) expect(onesSum(fragment.subarray(0, 20))).toBe(0xffff);
  });

  it('keeps IPv6 fragments within the MTU', () => {
    const packet = tcpPacket({
      src: '::1',
      dst: '::2',
      srcPort: 1,
      dstPort: 2,
      seq: 0,
      payload: 'y'.repeat(5000),
    });
    const fragments = fragmentIpv6(packet, 1280);
    expect(fragments.every((fragment) => fragment.length <= 1280)).toBe(true);
    expect(fragments).toHaveLength(5);
  });

  it('pads pcapng blocks to a multiple of 4', () => {
    const block = pcapngBlock(0x0bad, Uint8Array.of(1, 2, 3));
    expect(block.length).toBe(16);
    expect(new DataView(block.buffer).getUint32(12, true)).toBe(16);
  });

  it('builds a one-call UDP capture', () => {
    const file = udpCapture([
      {
        timeUs: 1e15,
        src: '192.0.2.1',
        dst: '192.0.2.2',
        srcPort: 5060,
        dstPort: 5060,
        payload: 'hi',
      },
    ]);
    const result = readCapture(file);
    expect(result.datagrams.map((datagram) => textOf(datagram.payload))).toEqual(['hi']);
    expect(ethernet(bytesOf('ab'), { etherType: 0x0806 }).length).toBe(16);
  });
});
