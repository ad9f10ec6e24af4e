import { describe, expect, it } from 'vitest';
import {
  concatBytes,
  ethernet,
  ipv4Packet,
  ipv6Packet,
  LINKTYPE,
  nullLoopback,
  openBsdLoop,
  sll,
  sll2,
  udpPacket,
  writePcap,
  writePcapng,
} from '../test-support/capture-writer.ts';
import { sampleUdp, T0 } from '../test-support/capture-samples.ts';
import type { ReadResult } from '../test-support/read-capture.ts';
import { readCapture, textOf } from '../test-support/read-capture.ts';
import { AnalyzerError } from '../types.ts';
import { createCaptureReader } from './reader.ts';

/** What tests usually compare: the datagrams with text payloads. */
function summary(result: ReadResult) {
  return result.datagrams.map((datagram) => ({
    frame: datagram.frame,
    timeUs: datagram.timeUs,
    src: datagram.src,
    dst: datagram.dst,
    srcPort: datagram.srcPort,
    dstPort: datagram.dstPort,
    transport: datagram.transport,
    text: textOf(datagram.payload),
  }));
}

function texts(result: ReadResult): string[] {
  return result.datagrams.map((datagram) => textOf(datagram.payload));
}

function codes(result: ReadResult): string[] {
  return result.warnings.map((warning) => warning.code);
}

/** A pcap of Ethernet frames, 1 ms apart. */
function ethernetPcap(frames: Uint8Array[]): Uint8Array {
  return writePcap(
    frames.map((data, i) => ({ timeUs: T0 + i * 1000, data })),
    { linkType: LINKTYPE.ETHERNET },
  );
}

function readWhole(bytes: Uint8Array): ReadResult {
  const result = readCapture(bytes);
  if (result.error !== undefined) throw result.error;
  return result;
}

describe('pcap', () => {
  const frame = ethernet(sampleUdp({ payload: 'hello' }));

  it.each([
    { nanos: false, bigEndian: false },
    { nanos: false, bigEndian: true },
    { nanos: true, bigEndian: false },
    { nanos: true, bigEndian: true },
  ])('reads every magic and byte order (%o)', (options) => {
    const timeUs = options.nanos ? T0 + 123_456.5 : T0 + 123_456;
    const file = writePcap([{ timeUs, data: frame }], { linkType: LINKTYPE.ETHERNET, ...options });
    const result = readWhole(file);
    expect(result.format).toBe('pcap');
    expect(summary(result)).toEqual([
      {
        frame: 1,
        timeUs,
        src: '192.0.2.1',
        dst: '192.0.2.2',
        srcPort: 5060,
        dstPort: 5060,
        transport: 'udp',
        text: 'hello',
      },
    ]);
    expect(result.warnings).toEqual([]);
  });

  it('ignores FCS information in the upper bits of the link type', () => {
    const file = writePcap([{ timeUs: T0, data: frame }], { linkType: 0x1000_0000 | 1 });
    expect(texts(readWhole(file))).toEqual(['hello']);
  });

  it('accepts a major version other than 2 and an absurd snap length', () => {
    const file = writePcap([{ timeUs: T0, data: frame }], {
      linkType: LINKTYPE.ETHERNET,
      snaplen: 0xffff_ffff,
    });
    new DataView(file.buffer).setUint16(4, 7, true);
    expect(texts(readWhole(file))).toEqual(['hello']);
  });

  it('reads a file with a header and no packets', () => {
    const result = readWhole(writePcap([], { linkType: LINKTYPE.ETHERNET }));
    expect(result.frames).toBe(0);
    expect(result.warnings).toEqual([]);
  });

  it('numbers every frame, including those that are not IP or not UDP/TCP', () => {
    const arp = ethernet(new Uint8Array(28), { etherType: 0x0806 });
    const icmp = ethernet(
      ipv4Packet({ src: '192.0.2.1', dst: '192.0.2.2', protocol: 1, payload: 'ping' }),
    );
    const file = ethernetPcap([arp, frame, icmp, frame]);
    const result = readWhole(file);
    expect(result.frames).toBe(4);
    expect(result.datagrams.map((datagram) => datagram.frame)).toEqual([2, 4]);
  });
});

describe('pcapng', () => {
  const frame = ethernet(sampleUdp({ payload: 'ng' }));

  it.each([false, true])('reads a section in either byte order (big-endian: %s)', (bigEndian) => {
    const file = writePcapng([
      {
        bigEndian,
        interfaces: [{ linkType: LINKTYPE.ETHERNET }],
        packets: [{ interface: 0, timeUs: T0 + 7, data: frame }],
      },
    ]);
    const result = readWhole(file);
    expect(result.format).toBe('pcapng');
    expect(summary(result)).toMatchObject([{ frame: 1, timeUs: T0 + 7, text: 'ng' }]);
  });

  it.each([
    { tsresol: undefined, timeUs: T0 + 123_456 },
    { tsresol: 6, timeUs: T0 + 123_456 },
    { tsresol: 3, timeUs: T0 + 123_000 },
    { tsresol: 0, timeUs: T0 + 5_000_000 },
    { tsresol: 9, timeUs: T0 + 123_456.75 },
    { tsresol: 0x80 | 10, timeUs: T0 + 500_000 },
    { tsresol: 0x80 | 20, timeUs: T0 + 250_000 },
    { tsresol: 0x80 | 30, timeUs: T0 + 125_000 },
  ])('converts timestamps with if_tsresol $tsresol', ({ tsresol, timeUs }) => {
    const file = writePcapng([
      {
        interfaces: [{ linkType: LINKTYPE.ETHERNET, ...(tsresol !== undefined && { tsresol }) }],
        packets: [{ interface: 0, timeUs, data: frame }],
      },
    ]);
    expect(readWhole(file).datagrams[0]?.timeUs).toBe(timeUs);
  });

  it('adds if_tsoffset (seconds), including negative ones', () => {
    const file = writePcapng([
      {
        interfaces: [
          { linkType: LINKTYPE.ETHERNET, tsoffset: 1_000_000 },
          { linkType: LINKTYPE.ETHERNET, tsoffset: -5, tsresol: 9 },
        ],
        packets: [
          { interface: 0, timeUs: T0 + 1, data: frame },
          { interface: 1, timeUs: T0 + 2.5, data: frame },
        ],
      },
    ]);
    expect(readWhole(file).datagrams.map((datagram) => datagram.timeUs)).toEqual([
      T0 + 1,
      T0 + 2.5,
    ]);
  });

  it('reads several sections: interface ids restart, byte order and link types change', () => {
    const cooked = sll(sampleUdp({ payload: 'cooked' }));
    const raw = sampleUdp({ payload: 'raw' });
    const file = writePcapng([
      {
        interfaces: [{ linkType: LINKTYPE.ETHERNET }, { linkType: LINKTYPE.LINUX_SLL, tsresol: 9 }],
        packets: [
          { interface: 1, timeUs: T0 + 1.5, data: cooked },
          { interface: 0, timeUs: T0 + 2, data: frame },
        ],
      },
      {
        bigEndian: true,
        interfaces: [{ linkType: LINKTYPE.RAW, tsresol: 0x80 | 10 }],
        packets: [{ interface: 0, timeUs: T0 + 1_000_000, data: raw }],
      },
      {
        interfaces: [{ linkType: LINKTYPE.LINUX_SLL }, { linkType: LINKTYPE.ETHERNET }],
        packets: [
          { interface: 1, timeUs: T0 + 3_000_000, data: frame },
          { interface: 0, timeUs: T0 + 4_000_000, data: cooked },
        ],
      },
    ]);
    const result = readWhole(file);
    expect(summary(result).map(({ frame: f, timeUs, text }) => [f, timeUs, text])).toEqual([
      [1, T0 + 1.5, 'cooked'],
      [2, T0 + 2, 'ng'],
      [3, T0 + 1_000_000, 'raw'],
      [4, T0 + 3_000_000, 'ng'],
      [5, T0 + 4_000_000, 'cooked'],
    ]);
    expect(result.warnings).toEqual([]);
  });

  it('reads Simple Packet Blocks on interface 0 with the previous packet’s time', () => {
    const file = writePcapng([
      {
        interfaces: [{ linkType: LINKTYPE.ETHERNET }],
        packets: [
          { interface: 0, timeUs: 0, data: frame, simple: true },
          { interface: 0, timeUs: T0 + 9, data: frame },
          { interface: 0, timeUs: 0, data: frame, simple: true },
        ],
      },
    ]);
    const result = readWhole(file);
    expect(summary(result).map(({ frame: f, timeUs }) => [f, timeUs])).toEqual([
      [1, 0],
      [2, T0 + 9],
      [3, T0 + 9],
    ]);
  });

  it('cuts Simple Packet Blocks to the interface’s snap length', () => {
    const file = writePcapng([
      {
        interfaces: [{ linkType: LINKTYPE.ETHERNET, snaplen: frame.length - 1 }],
        packets: [{ interface: 0, timeUs: 0, data: frame, simple: true }],
      },
    ]);
    const result = readWhole(file);
    expect(texts(result)).toEqual(['n']);
    expect(codes(result)).toEqual(['packets-cut-short']);
  });

  it('reads obsolete Packet Blocks', () => {
    const file = writePcapng([
      {
        interfaces: [{ linkType: LINKTYPE.ETHERNET }],
        packets: [{ interface: 0, timeUs: T0 + 3, data: frame, obsolete: true }],
      },
    ]);
    expect(summary(readWhole(file))).toMatchObject([{ frame: 1, timeUs: T0 + 3, text: 'ng' }]);
  });

  it('skips name resolution, statistics, secrets and custom blocks', () => {
    const file = writePcapng([
      {
        interfaces: [{ linkType: LINKTYPE.ETHERNET }],
        packets: [
          { blockType: 4, body: new Uint8Array(8) },
          { interface: 0, timeUs: T0, data: frame },
          { blockType: 5, body: new Uint8Array(20) },
          { blockType: 0x0a, body: new Uint8Array(12) },
          { blockType: 0x0bad, body: Uint8Array.of(1, 2, 3, 4, 5) },
          { blockType: 0x4000_0bad, body: new Uint8Array(0) },
          { interface: 0, timeUs: T0, data: frame },
        ],
      },
    ]);
    const result = readWhole(file);
    expect(result.datagrams.map((datagram) => datagram.frame)).toEqual([1, 2]);
    expect(result.warnings).toEqual([]);
  });

  it('counts a packet on a missing interface as a damaged frame', () => {
    const good = writePcapng([
      {
        interfaces: [{ linkType: LINKTYPE.ETHERNET }],
        packets: [
          { interface: 0, timeUs: T0, data: frame },
          { interface: 0, timeUs: T0, data: frame },
        ],
      },
    ]);
    // Point the first EPB (after a 28-byte SHB and a 20-byte IDB) at interface 5.
    new DataView(good.buffer).setUint32(48 + 8, 5, true);
    const result = readWhole(good);
    expect(result.frames).toBe(2);
    expect(result.datagrams.map((datagram) => datagram.frame)).toEqual([2]);
    expect(codes(result)).toEqual(['malformed-packets']);
  });
});

describe('link types', () => {
  const v4 = sampleUdp({ payload: 'four' });
  const v6 = sampleUdp({ src: '2001:db8::1', dst: '2001:db8::2', payload: 'six' });

  function readLink(linkType: number, frames: Uint8Array[]): ReadResult {
    return readWhole(
      writePcap(
        frames.map((data) => ({ timeUs: T0, data })),
        { linkType },
      ),
    );
  }

  it.each([
    ['Ethernet', LINKTYPE.ETHERNET, (ip: Uint8Array) => ethernet(ip)],
    ['802.1Q', LINKTYPE.ETHERNET, (ip: Uint8Array) => ethernet(ip, { vlan: [42] })],
    ['802.1ad', LINKTYPE.ETHERNET, (ip: Uint8Array) => ethernet(ip, { vlan: [7, 42] })],
    ['three tags', LINKTYPE.ETHERNET, (ip: Uint8Array) => ethernet(ip, { vlan: [1, 2, 3] })],
    ['SLL', LINKTYPE.LINUX_SLL, (ip: Uint8Array) => sll(ip)],
    ['SLL2', LINKTYPE.LINUX_SLL2, (ip: Uint8Array) => sll2(ip)],
    ['raw IP', LINKTYPE.RAW, (ip: Uint8Array) => ip],
    ['DLT_RAW 12', 12, (ip: Uint8Array) => ip],
    ['null, little-endian', LINKTYPE.NULL, (ip: Uint8Array) => nullLoopback(ip, true)],
    ['null, big-endian', LINKTYPE.NULL, (ip: Uint8Array) => nullLoopback(ip, false)],
    ['null, family 24', LINKTYPE.NULL, (ip: Uint8Array) => nullLoopback(ip, true, 24)],
    ['null, family 28', LINKTYPE.NULL, (ip: Uint8Array) => nullLoopback(ip, false, 28)],
    ['OpenBSD loop', LINKTYPE.LOOP, (ip: Uint8Array) => openBsdLoop(ip)],
  ])('finds IPv4 and IPv6 in %s frames', (_name, linkType, wrap) => {
    const result = readLink(linkType, [wrap(v4), wrap(v6)]);
    expect(summary(result).map(({ src, text }) => [src, text])).toEqual([
      ['192.0.2.1', 'four'],
      ['2001:db8::1', 'six'],
    ]);
    expect(result.warnings).toEqual([]);
  });

  it('reads raw IPv4 (228) and raw IPv6 (229) files', () => {
    expect(texts(readLink(LINKTYPE.IPV4, [v4]))).toEqual(['four']);
    expect(texts(readLink(LINKTYPE.IPV6, [v6]))).toEqual(['six']);
  });

  it('skips null-loopback frames of other families', () => {
    const other = concatBytes(Uint8Array.of(7, 0, 0, 0), v4);
    const result = readLink(LINKTYPE.NULL, [other, nullLoopback(v4)]);
    expect(result.datagrams.map((datagram) => datagram.frame)).toEqual([2]);
  });

  it('warns once per interface with an unknown link type and skips its packets', () => {
    const file = writePcapng([
      {
        interfaces: [{ linkType: 147 }, { linkType: LINKTYPE.RAW }, { linkType: 148 }],
        packets: [
          { interface: 0, timeUs: T0, data: v4 },
          { interface: 0, timeUs: T0, data: v4 },
          { interface: 1, timeUs: T0, data: v4 },
          { interface: 2, timeUs: T0, data: v4 },
        ],
      },
    ]);
    const result = readWhole(file);
    expect(result.frames).toBe(4);
    expect(result.datagrams.map((datagram) => datagram.frame)).toEqual([3]);
    expect(result.warnings).toMatchObject([
      { code: 'unsupported-link-type', frame: 1, offset: 28 + 3 * 20 },
      { code: 'unsupported-link-type', frame: 4 },
    ]);
    expect(result.warnings[0]?.message).toContain('link type 147');
  });

  it('counts frames too short for their link header as damaged', () => {
    const result = readLink(LINKTYPE.ETHERNET, [new Uint8Array(10), ethernet(v4)]);
    expect(result.datagrams.map((datagram) => datagram.frame)).toEqual([2]);
    expect(result.warnings).toMatchObject([{ code: 'malformed-packets', frame: 1 }]);
  });
});

describe('IP', () => {
  it('trusts the IPv4 total length over Ethernet padding', () => {
    const frame = concatBytes(ethernet(sampleUdp({ payload: 'a' })), new Uint8Array(20));
    expect(texts(readWhole(ethernetPcap([frame])))).toEqual(['a']);
  });

  it('reads IPv4 headers with options', () => {
    const udp = sampleUdp({ payload: 'opt' }).subarray(20);
    const ip = ipv4Packet({
      src: '10.0.0.1',
      dst: '10.0.0.2',
      protocol: 17,
      payload: udp,
      options: Uint8Array.of(1, 1, 1, 1, 1, 1, 1, 1),
    });
    expect(summary(readWhole(ethernetPcap([ethernet(ip)])))).toMatchObject([
      { src: '10.0.0.1', text: 'opt' },
    ]);
  });

  it('skips damaged IPv4 headers and counts them', () => {
    const good = sampleUdp({ payload: 'ok' });
    const badLength = good.slice();
    badLength[0] = 0x43; // header length 12
    const badTotal = good.slice();
    new DataView(badTotal.buffer).setUint16(2, 10);
    const badVersion = good.slice();
    badVersion[0] = 0x55;
    const shortUdp = ipv4Packet({ src: '1.2.3.4', dst: '1.2.3.5', protocol: 17, payload: 'abc' });
    const frames = [badLength, badTotal, badVersion, shortUdp, good.subarray(0, 10), good];
    const result = readWhole(ethernetPcap(frames.map((ip) => ethernet(ip))));
    expect(result.frames).toBe(6);
    expect(texts(result)).toEqual(['ok']);
    expect(result.warnings).toMatchObject([{ code: 'malformed-packets', frame: 1 }]);
    expect(result.warnings[0]?.message).toMatch(/^5 packets had damaged headers/);
  });

  it('treats a zero IPv4 total length (segmentation offload) as "the whole frame"', () => {
    const ip = sampleUdp({ payload: 'tso' });
    new DataView(ip.buffer).setUint16(2, 0);
    expect(texts(readWhole(ethernetPcap([ethernet(ip)])))).toEqual(['tso']);
  });

  it('follows IPv6 extension headers to UDP', () => {
    const ip = udpPacket({
      src: '2001:db8::1',
      dst: 'fe80::1',
      srcPort: 1,
      dstPort: 2,
      payload: 'deep',
      ipv6Extensions: [
        { type: 0 },
        { type: 43, body: new Uint8Array(14) },
        { type: 60 },
        { type: 51, body: new Uint8Array(10) },
        { type: 60, body: new Uint8Array(30) },
      ],
    });
    const result = readWhole(ethernetPcap([ethernet(ip)]));
    expect(summary(result)).toMatchObject([{ src: '2001:db8::1', dst: 'fe80::1', text: 'deep' }]);
  });

  it('stops at IPv6 no-next-header and skips other protocols quietly', () => {
    const none = ipv6Packet({ src: '::1', dst: '::2', protocol: 59, payload: 'junk' });
    const icmp = ipv6Packet({ src: '::1', dst: '::2', protocol: 58, payload: 'ping' });
    const result = readWhole(ethernetPcap([ethernet(none), ethernet(icmp)]));
    expect(result.datagrams).toEqual([]);
    expect(result.warnings).toEqual([]);
  });

  it('counts an IPv6 extension header that runs past the packet as damaged', () => {
    const ip = ipv6Packet({
      src: '::1',
      dst: '::2',
      protocol: 17,
      payload: new Uint8Array(8),
      extensions: [{ type: 0 }],
    });
    ip[41] = 9; // hop-by-hop length 80 bytes
    expect(codes(readWhole(ethernetPcap([ethernet(ip)])))).toEqual(['malformed-packets']);
  });

  it.each([
    ['2001:db8:0:0:1:0:0:1', '2001:db8::1:0:0:1'],
    ['2001:0db8:0000:0000:0000:0000:0000:0001', '2001:db8::1'],
    ['2001:db8:0:1:1:1:1:1', '2001:db8:0:1:1:1:1:1'],
    ['2001:db8:0:0:1:0:0:0', '2001:db8:0:0:1::'],
    ['2001:DB8::AB', '2001:db8::ab'],
    ['0:0:0:0:0:0:0:0', '::'],
    ['::ffff:192.0.2.7', '::ffff:192.0.2.7'],
  ])('writes IPv6 address %s as %s', (written, expected) => {
    const ip = udpPacket({ src: written, dst: '::1', srcPort: 1, dstPort: 2, payload: '' });
    expect(readWhole(ethernetPcap([ethernet(ip)])).datagrams[0]?.src).toBe(expected);
  });

  it('uses the UDP length when it is shorter than the IP payload', () => {
    const ip = sampleUdp({ payload: 'abcdef' });
    new DataView(ip.buffer).setUint16(24, 8 + 3);
    expect(texts(readWhole(ethernetPcap([ethernet(ip)])))).toEqual(['abc']);
  });

  it('passes on zero-length UDP payloads', () => {
    const result = readWhole(ethernetPcap([ethernet(sampleUdp({ payload: '' }))]));
    expect(result.datagrams).toHaveLength(1);
    expect(result.datagrams[0]?.payload.length).toBe(0);
  });
});

describe('snap length', () => {
  it('uses what is there and warns once at the end with the count', () => {
    const frame = ethernet(sampleUdp({ payload: 'abcdefgh' }));
    const cut = frame.subarray(0, frame.length - 3);
    const file = writePcap(
      [
        { timeUs: T0, data: cut, origLen: frame.length },
        { timeUs: T0, data: frame },
        { timeUs: T0, data: cut, origLen: frame.length },
      ],
      { linkType: LINKTYPE.ETHERNET, snaplen: cut.length },
    );
    const result = readWhole(file);
    expect(texts(result)).toEqual(['abcde', 'abcdefgh', 'abcde']);
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings).toMatchObject([{ code: 'packets-cut-short', frame: 1 }]);
    expect(result.warnings[0]?.message).toMatch(/^2 packets were captured only in part/);
  });
});

describe('bad input', () => {
  function errorOf(bytes: Uint8Array, chunkSizes?: number): AnalyzerError {
    const result = readCapture(bytes, chunkSizes);
    if (result.error === undefined) throw new Error('expected an AnalyzerError');
    return result.error;
  }

  it('rejects a file that is not a capture, naming its first bytes', () => {
    const error = errorOf(new TextEncoder().encode('<!DOCTYPE html>'));
    expect(error).toBeInstanceOf(AnalyzerError);
    expect(error.code).toBe('bad-magic');
    expect(error.offset).toBe(0);
    expect(error.message).toBe(
      "This isn't a pcap or pcapng capture: it starts with bytes 3c 21 44 4f (expected a1 b2 c3 d4, d4 c3 b2 a1, 4d 3c b2 a1, a1 b2 3c 4d or 0a 0d 0d 0a).",
    );
  });

  it('throws from push() as soon as the magic is known', () => {
    const reader = createCaptureReader({ onDatagram: () => undefined, onWarning: () => undefined });
    reader.push(Uint8Array.of(0x3c, 0x21));
    expect(() => reader.push(Uint8Array.of(0x44, 0x4f, 0x43))).toThrow(AnalyzerError);
    expect(() => reader.end()).not.toThrow();
  });

  it('rejects an empty file and one shorter than a magic number', () => {
    expect(errorOf(new Uint8Array(0))).toMatchObject({
      code: 'empty',
      message: 'The file is empty.',
    });
    expect(errorOf(Uint8Array.of(0xd4, 0xc3, 0xb2))).toMatchObject({
      code: 'bad-magic',
      offset: 0,
    });
  });

  it('rejects a pcap that ends inside its file header', () => {
    const file = writePcap([], { linkType: 1 }).subarray(0, 20);
    expect(errorOf(file, 3)).toMatchObject({ code: 'truncated', offset: 0 });
  });

  it('rejects a pcapng whose first block is broken', () => {
    const file = writePcapng([{ interfaces: [], packets: [] }]);
    const badOrder = file.slice();
    badOrder[8] = 0;
    expect(errorOf(badOrder)).toMatchObject({ code: 'bad-header', offset: 0 });
    const badLength = file.slice();
    new DataView(badLength.buffer).setUint32(4, 13, true);
    expect(errorOf(badLength)).toMatchObject({ code: 'bad-header', offset: 0 });
    expect(errorOf(file.subarray(0, 10))).toMatchObject({ code: 'truncated' });
  });

  it('warns about a pcap cut in the middle of a packet, after delivering the ones before', () => {
    const frame = ethernet(sampleUdp({ payload: 'whole' }));
    const file = ethernetPcap([frame, frame, frame]);
    const secondEnds = 24 + 2 * (16 + frame.length);
    for (const cut of [secondEnds + 5, secondEnds + 16 + 3]) {
      const result = readCapture(file.subarray(0, cut), 7);
      expect(texts(result)).toEqual(['whole', 'whole']);
      expect(result.warnings).toEqual([
        {
          code: 'truncated',
          offset: secondEnds,
          frame: 3,
          message: `The capture ends in the middle of packet 3 (at byte ${secondEnds}): it was probably cut short while copying. Everything before it was read.`,
        },
      ]);
    }
  });

  it('writes byte offsets with thousands separators', () => {
    const frame = ethernet(sampleUdp({ payload: 'x'.repeat(1000) }));
    const file = ethernetPcap([frame, frame]);
    const start = 24 + 16 + frame.length;
    const result = readCapture(file.subarray(0, file.length - 1));
    expect(result.warnings[0]?.message).toContain(
      `at byte ${String(start).replace(/\B(?=(\d{3})+(?!\d))/g, ',')}`,
    );
  });

  it('warns about a pcapng cut in the middle of a block', () => {
    const frame = ethernet(sampleUdp({ payload: 'ng' }));
    const file = writePcapng([
      {
        interfaces: [{ linkType: 1 }],
        packets: [
          { interface: 0, timeUs: T0, data: frame },
          { interface: 0, timeUs: T0, data: frame },
        ],
      },
    ]);
    const secondAt = file.length / 2 + 24;
    const blockLength = (file.length - 48) / 2;
    expect(secondAt).toBe(48 + blockLength);
    const result = readCapture(file.subarray(0, file.length - 1), 5);
    expect(texts(result)).toEqual(['ng']);
    expect(result.warnings).toMatchObject([{ code: 'truncated', offset: secondAt, frame: 2 }]);
    const inInterface = readCapture(file.subarray(0, 40));
    expect(inInterface.warnings).toMatchObject([{ code: 'truncated', offset: 28 }]);
    expect(inInterface.warnings[0]?.message).toContain('interface description block');
  });

  it('stops with a warning at an absurd pcap record length, and ignores later input', () => {
    const frame = ethernet(sampleUdp({ payload: 'fine' }));
    const file = ethernetPcap([frame, frame, frame]);
    const second = 24 + 16 + frame.length;
    new DataView(file.buffer).setUint32(second + 8, 0x7fff_0000, true);
    for (const size of [1, 13, file.length]) {
      const result = readCapture(file, size);
      expect(texts(result)).toEqual(['fine']);
      expect(result.warnings).toMatchObject([{ code: 'absurd-length', offset: second, frame: 2 }]);
    }
  });

  it('accepts records up to twice the snap length', () => {
    const frame = ethernet(new Uint8Array(300_000), { etherType: 0x88b5 });
    const file = writePcap(
      [
        { timeUs: T0, data: frame },
        { timeUs: T0, data: ethernet(sampleUdp({ payload: 'after' })) },
      ],
      { linkType: LINKTYPE.ETHERNET, snaplen: 200_000 },
    );
    const result = readCapture(file, 65536);
    expect(texts(result)).toEqual(['after']);
    expect(result.warnings).toEqual([]);
  });

  it.each([
    ['shorter than 12', 8],
    ['not a multiple of 4', 30],
    ['over 64 MiB', 0x0800_0000],
  ])('stops with a warning at a pcapng block length %s', (_name, length) => {
    const frame = ethernet(sampleUdp({ payload: 'ok' }));
    const file = writePcapng([
      {
        interfaces: [{ linkType: 1 }],
        packets: [
          { interface: 0, timeUs: T0, data: frame },
          { interface: 0, timeUs: T0, data: frame },
        ],
      },
    ]);
    const second = 48 + (file.length - 48) / 2;
    new DataView(file.buffer).setUint32(second + 4, length, true);
    const result = readCapture(file, 9);
    expect(texts(result)).toEqual(['ok']);
    expect(result.warnings).toMatchObject([{ code: 'bad-block', offset: second }]);
    expect(result.warnings[0]?.message).toContain(`at byte ${second}`);
  });

  it('stops with a warning when a block’s trailing length differs', () => {
    const frame = ethernet(sampleUdp({ payload: 'ok' }));
    const file = writePcapng([
      {
        interfaces: [{ linkType: 1 }],
        packets: [
          { interface: 0, timeUs: T0, data: frame },
          { interface: 0, timeUs: T0, data: frame },
        ],
      },
    ]);
    const view = new DataView(file.buffer);
    const second = 48 + (file.length - 48) / 2;
    view.setUint32(second - 4, 999, true);
    for (const size of [1, 64, file.length]) {
      const result = readCapture(file, size);
      expect(texts(result)).toEqual([]);
      expect(result.warnings).toMatchObject([{ code: 'bad-block', offset: 48 }]);
    }
  });

  it('stops at a second section header with a bad byte-order mark', () => {
    const section = {
      interfaces: [{ linkType: 1 }],
      packets: [{ interface: 0, timeUs: T0, data: ethernet(sampleUdp({ payload: 's' })) }],
    };
    const file = writePcapng([section, section]);
    const second = file.length / 2;
    file[second + 8] = 0x99;
    const result = readCapture(file);
    expect(texts(result)).toEqual(['s']);
    expect(result.warnings).toMatchObject([{ code: 'bad-block', offset: second }]);
  });

  it('never calls back after end(), and end() twice is harmless', () => {
    const file = ethernetPcap([ethernet(sampleUdp())]);
    let calls = 0;
    const reader = createCaptureReader({ onDatagram: () => calls++, onWarning: () => calls++ });
    reader.push(file);
    reader.end();
    reader.end();
    reader.push(file);
    expect(calls).toBe(1);
  });
});

describe('chunk handling', () => {
  it('hands out views into the pushed chunk when a record lies inside it', () => {
    const file = ethernetPcap([ethernet(sampleUdp({ payload: 'view' }))]);
    const buffers: ArrayBufferLike[] = [];
    const reader = createCaptureReader({
      onDatagram: (datagram) => buffers.push(datagram.payload.buffer),
      onWarning: () => undefined,
    });
    reader.push(file);
    reader.end();
    expect(buffers).toEqual([file.buffer]);
  });

  it('reads a pcapng block bigger than any chunk', () => {
    const frame = ethernet(
      udpPacket({ src: '::1', dst: '::2', srcPort: 1, dstPort: 2, payload: 'z'.repeat(60_000) }),
    );
    const file = writePcapng([
      { interfaces: [{ linkType: 1 }], packets: [{ interface: 0, timeUs: T0, data: frame }] },
      { interfaces: [{ linkType: 1 }], packets: [{ interface: 0, timeUs: T0, data: frame }] },
    ]);
    const result = readCapture(file, 4096);
    expect(result.datagrams.map((datagram) => datagram.payload.length)).toEqual([60_000, 60_000]);
  });

  it('skips empty pushes', () => {
    const file = ethernetPcap([ethernet(sampleUdp({ payload: 'e' }))]);
    expect(texts(readCapture(file, [0, 3, 0, 0, 11]))).toEqual(['e']);
  });
});
