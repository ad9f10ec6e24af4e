/**
 * Ready-made capture files that exercise most of the reader at once (link types, fragments, TCP,
 * several pcapng sections), for streaming and fuzz tests.
 */

import type { UdpOptions } from './capture-writer.ts';
import {
  ethernet,
  fragmentIpv4,
  fragmentIpv6,
  LINKTYPE,
  sll,
  tcpPacket,
  udpPacket,
  writePcap,
  writePcapng,
} from './capture-writer.ts';

/** 2023-11-14 22:13:20 UTC in µs: a convenient round start time. */
export const T0 = 1_700_000_000_000_000;

/** A UDP packet from 192.0.2.1:5060 to 192.0.2.2:5060 unless told otherwise. */
export function sampleUdp(options: Partial<UdpOptions> = {}): Uint8Array {
  return udpPacket({
    src: '192.0.2.1',
    dst: '192.0.2.2',
    srcPort: 5060,
    dstPort: 5060,
    payload: 'x',
    ...options,
  });
}

/** A SIP-sized text of `length` bytes. */
export function sipText(length: number, tag = 'INVITE'): string {
  const head = `${tag} sip:bob@example.com SIP/2.0\r\n`;
  return (head + 'X'.repeat(Math.max(0, length - head.length))).slice(0, length);
}

/** Ethernet frames: plain UDP, IPv6, a fragmented IPv4 INVITE, a TCP exchange and an ARP. */
function sampleFrames(): Uint8Array[] {
  const big = sampleUdp({ payload: sipText(3000), ipId: 0x4242 });
  const big6 = sampleUdp({ src: '2001:db8::1', dst: '2001:db8::2', payload: sipText(2500, 'BYE') });
  const tcp = { src: '198.51.100.1', dst: '198.51.100.2', srcPort: 40000, dstPort: 5060 };
  return [
    ethernet(sampleUdp({ payload: 'OPTIONS sip:a SIP/2.0\r\n\r\n' })),
    ethernet(new Uint8Array(28), { etherType: 0x0806 }),
    ...fragmentIpv4(big, 1400).map((fragment) => ethernet(fragment, { vlan: [100] })),
    ...fragmentIpv6(big6, 1280).map((fragment) => ethernet(fragment)),
    ethernet(tcpPacket({ ...tcp, seq: 999, flags: { syn: true } })),
    ethernet(tcpPacket({ ...tcp, seq: 1000, payload: sipText(500) })),
    ethernet(tcpPacket({ ...tcp, seq: 1500, payload: sipText(300, 'ACK') })),
    ethernet(sampleUdp({ payload: '' })),
  ];
}

/** A classic pcap (µs, little-endian) of the sample frames. */
export function samplePcap(): Uint8Array {
  return writePcap(
    sampleFrames().map((data, i) => ({ timeUs: T0 + i * 1000, data })),
    { linkType: LINKTYPE.ETHERNET },
  );
}

/** A pcapng of two sections (little- then big-endian) with two interfaces and odd blocks. */
export function samplePcapng(): Uint8Array {
  const frames = sampleFrames();
  const cooked = sll(sampleUdp({ payload: 'cooked' }));
  return writePcapng([
    {
      interfaces: [{ linkType: LINKTYPE.ETHERNET }, { linkType: LINKTYPE.LINUX_SLL, tsresol: 9 }],
      packets: [
        ...frames.map((data, i) => ({ interface: 0, timeUs: T0 + i * 1000, data })),
        { blockType: 4, body: new Uint8Array(8) },
        { interface: 1, timeUs: T0 + 50_000.5, data: cooked },
        { interface: 0, timeUs: 0, data: frames[0] ?? new Uint8Array(0), simple: true },
      ],
    },
    {
      bigEndian: true,
      interfaces: [{ linkType: LINKTYPE.LINUX_SLL, tsresol: 0x80 | 20, tsoffset: 3600 }],
      packets: [
        { interface: 0, timeUs: T0 + 2_000_000, data: cooked },
        { blockType: 5, body: new Uint8Array(20) },
        { interface: 0, timeUs: T0 + 2_500_000, data: cooked, obsolete: true },
      ],
    },
  ]);
}
