/**
 * A small capture WRITER for analyzer tests: build IPv4/IPv6 UDP and TCP packets, fragment them,
 * wrap them in a link layer and write pcap or pcapng files.
 *
 * @example
 * const sip = udpPacket({ src: '192.0.2.1', dst: '192.0.2.2', srcPort: 5060, dstPort: 5060,
 *   payload: 'OPTIONS sip:bob@example.com SIP/2.0\r\n\r\n' });
 * const file = writePcap([{ timeUs: 1_700_000_000_000_000, data: ethernet(sip) }],
 *   { linkType: LINKTYPE.ETHERNET });
 */

/** Link type numbers (LINKTYPE_* in the pcap/pcapng specifications). */
export const LINKTYPE = {
  NULL: 0,
  ETHERNET: 1,
  RAW: 101,
  LOOP: 108,
  LINUX_SLL: 113,
  IPV4: 228,
  IPV6: 229,
  LINUX_SLL2: 276,
} as const;

/** IP protocol numbers used here. */
export const IP_PROTOCOL = { TCP: 6, UDP: 17, NO_NEXT: 59 } as const;

/** Bytes, or a string to be encoded as UTF-8. */
export type BytesLike = Uint8Array | string;

const encoder = new TextEncoder();

/** The bytes of `data` (UTF-8 for a string). */
export function bytesOf(data: BytesLike): Uint8Array {
  return typeof data === 'string' ? encoder.encode(data) : data;
}

/** Concatenates byte arrays into a new one. */
export function concatBytes(...parts: readonly Uint8Array[]): Uint8Array {
  return concatAll(parts);
}

/** Concatenates a list of byte arrays (of any length) into a new one. */
export function concatAll(parts: readonly Uint8Array[]): Uint8Array {
  const total = parts.reduce((sum, part) => sum + part.length, 0);
  const out = new Uint8Array(total);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/**
 * Splits `bytes` into pieces for streaming tests: all of size `sizes` when a number, else of the
 * listed sizes in turn, cycling (0 makes an empty piece). The last piece holds what is left.
 */
export function chunked(bytes: Uint8Array, sizes: number | readonly number[]): Uint8Array[] {
  const list = typeof sizes === 'number' ? [sizes] : sizes;
  if (!list.some((size) => size > 0)) throw new Error('chunked needs a size above 0');
  const pieces: Uint8Array[] = [];
  let at = 0;
  for (let i = 0; at < bytes.length; i++) {
    const size = Math.max(0, Math.floor(list[i % list.length] ?? 0));
    pieces.push(bytes.subarray(at, Math.min(bytes.length, at + size)));
    at += size;
  }
  return pieces;
}

// ---------------------------------------------------------------------------------------------
// Addresses

/** True for an IPv6 address (it has a colon). */
export function isIpv6(address: string): boolean {
  return address.includes(':');
}

/** The 4 bytes of a dotted-decimal IPv4 address. */
export function ipv4Bytes(address: string): Uint8Array {
  const parts = address.split('.').map(Number);
  if (
    parts.length !== 4 ||
    parts.some((part) => !Number.isInteger(part) || part < 0 || part > 255)
  ) {
    throw new Error(`Not an IPv4 address: ${address}`);
  }
  return Uint8Array.from(parts);
}

/** The groups of one side of '::' (which may end in a dotted IPv4 address). */
function ipv6Groups(text: string): number[] {
  if (text === '') return [];
  const groups: number[] = [];
  for (const part of text.split(':')) {
    if (part.includes('.')) {
      const v4 = ipv4Bytes(part);
      groups.push(((v4[0] ?? 0) << 8) | (v4[1] ?? 0), ((v4[2] ?? 0) << 8) | (v4[3] ?? 0));
    } else {
      const value = Number.parseInt(part, 16);
      if (!/^[0-9a-f]{1,4}$/i.test(part)) throw new Error(`Bad IPv6 group: ${part}`);
      groups.push(value);
    }
  }
  return groups;
}

/** The 16 bytes of an IPv6 address in any RFC 4291 text form. */
export function ipv6Bytes(address: string): Uint8Array {
  const halves = address.split('::');
  if (halves.length > 2) throw new Error(`Not an IPv6 address: ${address}`);
  const head = ipv6Groups(halves[0] ?? '');
  const tail = halves.length === 2 ? ipv6Groups(halves[1] ?? '') : [];
  const zeros = halves.length === 2 ? 8 - head.length - tail.length : 0;
  const groups = [...head, ...new Array<number>(Math.max(0, zeros)).fill(0), ...tail];
  if (groups.length !== 8) throw new Error(`Not an IPv6 address: ${address}`);
  const out = new Uint8Array(16);
  groups.forEach((group, i) => {
    out[i * 2] = group >> 8;
    out[i * 2 + 1] = group & 0xff;
  });
  return out;
}

// ---------------------------------------------------------------------------------------------
// IP

/** Internet checksum (RFC 1071) over the given parts, as if concatenated. */
function checksum(...parts: readonly Uint8Array[]): number {
  const all = concatBytes(...parts);
  let sum = 0;
  for (let i = 0; i < all.length; i += 2) sum += ((all[i] ?? 0) << 8) | (all[i + 1] ?? 0);
  while (sum > 0xffff) sum = (sum & 0xffff) + (sum >>> 16);
  return ~sum & 0xffff;
}

/** Options of an IPv4 packet. */
export interface Ipv4Options {
  src: string;
  dst: string;
  protocol: number;
  payload: BytesLike;
  /** Identification; 0 unless given. */
  ipId?: number;
  /** Time to live; 64 unless given. */
  ttl?: number;
  dontFragment?: boolean;
  moreFragments?: boolean;
  /** Fragment offset in bytes (a multiple of 8). */
  fragmentOffset?: number;
  /** IPv4 options (padded to a multiple of 4 bytes with zeros). */
  options?: Uint8Array;
  /** Overrides the total length field (to build damaged packets). */
  totalLength?: number;
}

/** An IPv4 packet with a correct header checksum. */
export function ipv4Packet(options: Ipv4Options): Uint8Array {
  const payload = bytesOf(options.payload);
  const extra = options.options ?? new Uint8Array(0);
  const headerLength = 20 + Math.ceil(extra.length / 4) * 4;
  const packet = new Uint8Array(headerLength + payload.length);
  const view = new DataView(packet.buffer);
  view.setUint8(0, 0x40 | (headerLength / 4));
  view.setUint16(2, options.totalLength ?? packet.length);
  view.setUint16(4, options.ipId ?? 0);
  const flags =
    (options.dontFragment === true ? 0x4000 : 0) | (options.moreFragments === true ? 0x2000 : 0);
  view.setUint16(6, flags | ((options.fragmentOffset ?? 0) / 8));
  view.setUint8(8, options.ttl ?? 64);
  view.setUint8(9, options.protocol);
  packet.set(ipv4Bytes(options.src), 12);
  packet.set(ipv4Bytes(options.dst), 16);
  packet.set(extra, 20);
  view.setUint16(10, checksum(packet.subarray(0, headerLength)));
  packet.set(payload, headerLength);
  return packet;
}

/** An IPv6 extension header: hop-by-hop 0, routing 43, destination options 60, AH 51, … */
export interface Ipv6Extension {
  type: number;
  /** Bytes after the next-header and length fields; zero-padded to the header's unit. */
  body?: Uint8Array;
}

/** Options of an IPv6 packet. */
export interface Ipv6Options {
  src: string;
  dst: string;
  /** Protocol of the payload (after any extension headers). */
  protocol: number;
  payload: BytesLike;
  /** Hop limit; 64 unless given. */
  hopLimit?: number;
  /** Extension headers between the IPv6 header and the payload, in order. */
  extensions?: readonly Ipv6Extension[];
}

/** Bytes of one extension header whose next header is `next`. */
function extensionBytes(extension: Ipv6Extension, next: number): Uint8Array {
  const body = extension.body ?? new Uint8Array(6);
  const unit = extension.type === 51 ? 4 : 8;
  const length = Math.max(unit * 2, Math.ceil((body.length + 2) / unit) * unit);
  const out = new Uint8Array(length);
  out[0] = next;
  out[1] = extension.type === 51 ? length / 4 - 2 : length / 8 - 1;
  out.set(body, 2);
  return out;
}

/** An IPv6 packet, with the given extension headers chained in front of the payload. */
export function ipv6Packet(options: Ipv6Options): Uint8Array {
  const extensions = options.extensions ?? [];
  const parts: Uint8Array[] = [];
  extensions.forEach((extension, i) => {
    const next = extensions[i + 1]?.type ?? options.protocol;
    parts.push(extensionBytes(extension, next));
  });
  parts.push(bytesOf(options.payload));
  const body = concatBytes(...parts);
  const header = new Uint8Array(40);
  const view = new DataView(header.buffer);
  view.setUint32(0, 0x60000000);
  view.setUint16(4, body.length);
  view.setUint8(6, extensions[0]?.type ?? options.protocol);
  view.setUint8(7, options.hopLimit ?? 64);
  header.set(ipv6Bytes(options.src), 8);
  header.set(ipv6Bytes(options.dst), 24);
  return concatBytes(header, body);
}

/** Pseudo-header for UDP/TCP checksums. */
function pseudoHeader(src: string, dst: string, protocol: number, length: number): Uint8Array {
  if (isIpv6(src)) {
    const out = new Uint8Array(40);
    out.set(ipv6Bytes(src), 0);
    out.set(ipv6Bytes(dst), 16);
    new DataView(out.buffer).setUint32(32, length);
    out[39] = protocol;
    return out;
  }
  const out = new Uint8Array(12);
  out.set(ipv4Bytes(src), 0);
  out.set(ipv4Bytes(dst), 4);
  out[9] = protocol;
  new DataView(out.buffer).setUint16(10, length);
  return out;
}

/** Source and destination of a UDP or TCP packet. IPv6 when the addresses have colons. */
export interface Endpoints {
  src: string;
  dst: string;
  srcPort: number;
  dstPort: number;
  /** IPv4 identification. */
  ipId?: number;
  /** IPv4 TTL / IPv6 hop limit. */
  ttl?: number;
  /** IPv6 extension headers (ignored for IPv4). */
  ipv6Extensions?: readonly Ipv6Extension[];
}

/** Wraps a transport segment in IPv4 or IPv6, depending on the address form. */
function ipPacket(endpoints: Endpoints, protocol: number, segment: Uint8Array): Uint8Array {
  const { src, dst } = endpoints;
  if (isIpv6(src)) {
    return ipv6Packet({
      src,
      dst,
      protocol,
      payload: segment,
      ...(endpoints.ttl !== undefined && { hopLimit: endpoints.ttl }),
      ...(endpoints.ipv6Extensions !== undefined && { extensions: endpoints.ipv6Extensions }),
    });
  }
  return ipv4Packet({
    src,
    dst,
    protocol,
    payload: segment,
    ...(endpoints.ipId !== undefined && { ipId: endpoints.ipId }),
    ...(endpoints.ttl !== undefined && { ttl: endpoints.ttl }),
  });
}

/** Options of a UDP packet. */
export interface UdpOptions extends Endpoints {
  payload: BytesLike;
}

/** A whole IPv4 or IPv6 packet carrying one UDP datagram (with a correct checksum). */
export function udpPacket(options: UdpOptions): Uint8Array {
  const payload = bytesOf(options.payload);
  const segment = new Uint8Array(8 + payload.length);
  const view = new DataView(segment.buffer);
  view.setUint16(0, options.srcPort);
  view.setUint16(2, options.dstPort);
  view.setUint16(4, segment.length > 0xffff ? 0 : segment.length);
  segment.set(payload, 8);
  const sum = checksum(pseudoHeader(options.src, options.dst, 17, segment.length), segment);
  view.setUint16(6, sum === 0 ? 0xffff : sum);
  return ipPacket(options, IP_PROTOCOL.UDP, segment);
}

/** TCP flags to set. */
export interface TcpFlags {
  fin?: boolean;
  syn?: boolean;
  rst?: boolean;
  psh?: boolean;
  ack?: boolean;
  urg?: boolean;
}

/** Options of a TCP packet. */
export interface TcpOptions extends Endpoints {
  /** Sequence number of the first payload byte (or of the SYN). */
  seq: number;
  ack?: number;
  /** Payload; none unless given. */
  payload?: BytesLike;
  /** Flags; ACK (plus PSH with a payload) unless given. */
  flags?: TcpFlags;
  window?: number;
  /** TCP options (padded to a multiple of 4 bytes with zeros). */
  options?: Uint8Array;
}

function flagBits(flags: TcpFlags): number {
  return (
    (flags.fin === true ? 0x01 : 0) |
    (flags.syn === true ? 0x02 : 0) |
    (flags.rst === true ? 0x04 : 0) |
    (flags.psh === true ? 0x08 : 0) |
    (flags.ack === true ? 0x10 : 0) |
    (flags.urg === true ? 0x20 : 0)
  );
}

/** A whole IPv4 or IPv6 packet carrying one TCP segment (with a correct checksum). */
export function tcpPacket(options: TcpOptions): Uint8Array {
  const payload = bytesOf(options.payload ?? new Uint8Array(0));
  const extra = options.options ?? new Uint8Array(0);
  const headerLength = 20 + Math.ceil(extra.length / 4) * 4;
  const segment = new Uint8Array(headerLength + payload.length);
  const view = new DataView(segment.buffer);
  view.setUint16(0, options.srcPort);
  view.setUint16(2, options.dstPort);
  view.setUint32(4, options.seq >>> 0);
  view.setUint32(8, (options.ack ?? 0) >>> 0);
  view.setUint8(12, (headerLength / 4) << 4);
  view.setUint8(13, flagBits(options.flags ?? { ack: true, psh: payload.length > 0 }));
  view.setUint16(14, options.window ?? 65535);
  segment.set(extra, 20);
  segment.set(payload, headerLength);
  view.setUint16(16, checksum(pseudoHeader(options.src, options.dst, 6, segment.length), segment));
  return ipPacket(options, IP_PROTOCOL.TCP, segment);
}

// ---------------------------------------------------------------------------------------------
// Fragmentation

/**
 * Splits an unfragmented IPv4 packet into fragments of at most `mtu` bytes each (header
 * included), in order. Header checksums are recomputed.
 */
export function fragmentIpv4(packet: Uint8Array, mtu: number): Uint8Array[] {
  const headerLength = ((packet[0] ?? 0) & 0x0f) * 4;
  const header = packet.subarray(0, headerLength);
  const payload = packet.subarray(headerLength);
  const step = Math.floor((mtu - headerLength) / 8) * 8;
  if (step <= 0) throw new Error(`MTU ${mtu} is too small to fragment`);
  const fragments: Uint8Array[] = [];
  for (let at = 0; at < payload.length; at += step) {
    const piece = payload.subarray(at, Math.min(payload.length, at + step));
    const fragment = concatBytes(header, piece);
    const view = new DataView(fragment.buffer);
    const more = at + step < payload.length;
    view.setUint16(2, fragment.length);
    view.setUint16(6, (view.getUint16(6) & 0x4000) | (more ? 0x2000 : 0) | (at / 8));
    view.setUint16(10, 0);
    view.setUint16(10, checksum(fragment.subarray(0, headerLength)));
    fragments.push(fragment);
  }
  return fragments;
}

/** Length of the unfragmentable part: the IPv6 header and any hop-by-hop/routing headers. */
function unfragmentableLength(packet: Uint8Array): { length: number; nextAt: number } {
  let nextAt = 6;
  let at = 40;
  let next = packet[6] ?? 0;
  while (next === 0 || next === 43) {
    nextAt = at;
    next = packet[at] ?? 0;
    at += ((packet[at + 1] ?? 0) + 1) * 8;
  }
  return { length: at, nextAt };
}

/**
 * Splits an unfragmented IPv6 packet into fragments of at most `mtu` bytes each (headers
 * included), in order, with a Fragment header carrying `id`.
 */
export function fragmentIpv6(packet: Uint8Array, mtu: number, id = 0x1234_5678): Uint8Array[] {
  const { length, nextAt } = unfragmentableLength(packet);
  const unfragmentable = packet.subarray(0, length);
  const fragmentable = packet.subarray(length);
  const firstNext = packet[nextAt] ?? 0;
  const step = Math.floor((mtu - length - 8) / 8) * 8;
  if (step <= 0) throw new Error(`MTU ${mtu} is too small to fragment`);
  const fragments: Uint8Array[] = [];
  for (let at = 0; at < fragmentable.length; at += step) {
    const piece = fragmentable.subarray(at, Math.min(fragmentable.length, at + step));
    const more = at + step < fragmentable.length;
    const fragmentHeader = new Uint8Array(8);
    const headerView = new DataView(fragmentHeader.buffer);
    headerView.setUint8(0, firstNext);
    headerView.setUint16(2, at | (more ? 1 : 0));
    headerView.setUint32(4, id);
    const fragment = concatBytes(unfragmentable, fragmentHeader, piece);
    fragment[nextAt] = 44;
    new DataView(fragment.buffer).setUint16(4, fragment.length - 40);
    fragments.push(fragment);
  }
  return fragments;
}

// ---------------------------------------------------------------------------------------------
// Link layers

/** EtherType for the IP version of `ip` (0x0800 or 0x86dd). */
function etherTypeOf(ip: Uint8Array): number {
  return (ip[0] ?? 0) >> 4 === 6 ? 0x86dd : 0x0800;
}

/** Options of an Ethernet frame. */
export interface EthernetOptions {
  /** VLAN ids, outermost first. With two or more, the outer tags use 802.1ad (0x88a8). */
  vlan?: readonly number[];
  /** EtherType of the payload; from the IP version unless given. */
  etherType?: number;
}

/** An Ethernet II frame around `payload` (fixed MAC addresses, no FCS). */
export function ethernet(payload: Uint8Array, options: EthernetOptions = {}): Uint8Array {
  const vlan = options.vlan ?? [];
  const header = new Uint8Array(14 + vlan.length * 4);
  const view = new DataView(header.buffer);
  header.set([0x02, 0, 0, 0, 0, 0x02, 0x02, 0, 0, 0, 0, 0x01], 0);
  let at = 12;
  vlan.forEach((id, i) => {
    view.setUint16(at, i < vlan.length - 1 ? 0x88a8 : 0x8100);
    view.setUint16(at + 2, id & 0x0fff);
    at += 4;
  });
  view.setUint16(at, options.etherType ?? etherTypeOf(payload));
  return concatBytes(header, payload);
}

/** A Linux cooked (SLL, link type 113) frame around `payload`. */
export function sll(payload: Uint8Array, protocol = etherTypeOf(payload)): Uint8Array {
  const header = new Uint8Array(16);
  const view = new DataView(header.buffer);
  view.setUint16(0, 0); // sent to us
  view.setUint16(2, 1); // ARPHRD_ETHER
  view.setUint16(4, 6);
  header.set([0x02, 0, 0, 0, 0, 0x02], 6);
  view.setUint16(14, protocol);
  return concatBytes(header, payload);
}

/** A Linux cooked v2 (SLL2, link type 276) frame around `payload`. */
export function sll2(payload: Uint8Array, protocol = etherTypeOf(payload)): Uint8Array {
  const header = new Uint8Array(20);
  const view = new DataView(header.buffer);
  view.setUint16(0, protocol);
  view.setUint32(4, 1); // interface index
  view.setUint16(8, 1); // ARPHRD_ETHER
  view.setUint8(10, 0); // sent to us
  view.setUint8(11, 6);
  header.set([0x02, 0, 0, 0, 0, 0x02], 12);
  return concatBytes(header, payload);
}

/**
 * A BSD null/loopback (link type 0) frame: the address family in the capturing machine's byte
 * order (2 for IPv4; `ipv6Family`, 30 as on macOS unless given, for IPv6).
 */
export function nullLoopback(
  payload: Uint8Array,
  littleEndian = true,
  ipv6Family = 30,
): Uint8Array {
  const header = new Uint8Array(4);
  const family = etherTypeOf(payload) === 0x86dd ? ipv6Family : 2;
  new DataView(header.buffer).setUint32(0, family, littleEndian);
  return concatBytes(header, payload);
}

/** An OpenBSD loop (link type 108) frame: the address family big-endian (24 for IPv6). */
export function openBsdLoop(payload: Uint8Array): Uint8Array {
  return nullLoopback(payload, false, 24);
}

// ---------------------------------------------------------------------------------------------
// Files

/** One pcap record. */
export interface PcapRecord {
  /** µs since the epoch; a fraction is kept in nanosecond files. */
  timeUs: number;
  data: Uint8Array;
  /** Length on the wire; data.length unless given (give more to mark a snaplen-cut packet). */
  origLen?: number;
}

/** Options of a pcap file. */
export interface PcapOptions {
  linkType: number;
  /** Nanosecond timestamps (magic a1b23c4d). */
  nanos?: boolean;
  bigEndian?: boolean;
  /** 262144 unless given. */
  snaplen?: number;
}

/** Nanoseconds since the epoch of a µs time (a fraction of a µs rounded to whole ns). */
function nanosOf(timeUs: number): bigint {
  const whole = Math.floor(timeUs);
  return BigInt(whole) * 1000n + BigInt(Math.round((timeUs - whole) * 1000));
}

/** Whole seconds and the remaining nanoseconds of a µs time. */
function splitTime(timeUs: number): { seconds: number; nanos: number } {
  const totalNanos = nanosOf(timeUs);
  return {
    seconds: Number(totalNanos / 1_000_000_000n),
    nanos: Number(totalNanos % 1_000_000_000n),
  };
}

/** A classic pcap file. */
export function writePcap(records: readonly PcapRecord[], options: PcapOptions): Uint8Array {
  const little = options.bigEndian !== true;
  const header = new Uint8Array(24);
  const view = new DataView(header.buffer);
  view.setUint32(0, options.nanos === true ? 0xa1b23c4d : 0xa1b2c3d4, little);
  view.setUint16(4, 2, little);
  view.setUint16(6, 4, little);
  view.setUint32(16, options.snaplen ?? 262144, little);
  view.setUint32(20, options.linkType, little);
  const parts: Uint8Array[] = [header];
  for (const record of records) {
    const recordHeader = new Uint8Array(16);
    const recordView = new DataView(recordHeader.buffer);
    const { seconds, nanos } = splitTime(record.timeUs);
    recordView.setUint32(0, seconds, little);
    recordView.setUint32(4, options.nanos === true ? nanos : Math.round(nanos / 1000), little);
    recordView.setUint32(8, record.data.length, little);
    recordView.setUint32(12, record.origLen ?? record.data.length, little);
    parts.push(recordHeader, record.data);
  }
  return concatAll(parts);
}

/** One pcapng interface. */
export interface PcapngInterface {
  linkType: number;
  /** 0 (none) unless given. */
  snaplen?: number;
  /** Raw if_tsresol byte: 6 = µs (the default), 9 = ns, 0x80 | n = 2^-n seconds. */
  tsresol?: number;
  /** if_tsoffset in seconds: stored timestamps are timeUs minus this. */
  tsoffset?: number;
}

/** One packet in a pcapng section. */
export interface PcapngPacket {
  /** Index of the interface in its section. */
  interface: number;
  timeUs: number;
  data: Uint8Array;
  origLen?: number;
  /** Write a Simple Packet Block (interface 0, no timestamp). */
  simple?: boolean;
  /** Write an obsolete Packet Block (type 2). */
  obsolete?: boolean;
}

/** Any other block, written as is (type, length, body, length). */
export interface PcapngRawBlock {
  blockType: number;
  /** Padded to a multiple of 4 with zeros. */
  body: Uint8Array;
}

/** One pcapng section. */
export interface PcapngSection {
  bigEndian?: boolean;
  interfaces: readonly PcapngInterface[];
  /** Packets and other blocks, in file order, after the interface descriptions. */
  packets: readonly (PcapngPacket | PcapngRawBlock)[];
}

/** A pcapng block of `type` around `body` (padded), in the given byte order. */
export function pcapngBlock(type: number, body: Uint8Array, littleEndian = true): Uint8Array {
  const padded = Math.ceil(body.length / 4) * 4;
  const block = new Uint8Array(12 + padded);
  const view = new DataView(block.buffer);
  view.setUint32(0, type, littleEndian);
  view.setUint32(4, block.length, littleEndian);
  block.set(body, 8);
  view.setUint32(block.length - 4, block.length, littleEndian);
  return block;
}

/** Option list bytes (code, length, padded value …, end of options). */
function optionBytes(options: readonly [number, Uint8Array][], little: boolean): Uint8Array {
  if (options.length === 0) return new Uint8Array(0);
  const parts = options.map(([code, value]) => {
    const out = new Uint8Array(4 + Math.ceil(value.length / 4) * 4);
    const view = new DataView(out.buffer);
    view.setUint16(0, code, little);
    view.setUint16(2, value.length, little);
    out.set(value, 4);
    return out;
  });
  return concatBytes(...parts, new Uint8Array(4));
}

function interfaceBlock(face: PcapngInterface, little: boolean): Uint8Array {
  const fixed = new Uint8Array(8);
  const view = new DataView(fixed.buffer);
  view.setUint16(0, face.linkType, little);
  view.setUint32(4, face.snaplen ?? 0, little);
  const options: [number, Uint8Array][] = [];
  if (face.tsresol !== undefined) options.push([9, Uint8Array.of(face.tsresol)]);
  if (face.tsoffset !== undefined) {
    const value = new Uint8Array(8);
    new DataView(value.buffer).setBigInt64(0, BigInt(face.tsoffset), little);
    options.push([14, value]);
  }
  return pcapngBlock(1, concatBytes(fixed, optionBytes(options, little)), little);
}

/** The timestamp of `timeUs` in units of the interface's if_tsresol, after its if_tsoffset. */
function timestampUnits(timeUs: number, face: PcapngInterface): bigint {
  const tsresol = face.tsresol ?? 6;
  const exponent = BigInt(tsresol & 0x7f);
  const perSecond = (tsresol & 0x80) === 0 ? 10n ** exponent : 2n ** exponent;
  const nanos = nanosOf(timeUs) - BigInt(face.tsoffset ?? 0) * 1_000_000_000n;
  return (nanos * perSecond) / 1_000_000_000n;
}

function packetBlock(packet: PcapngPacket, face: PcapngInterface, little: boolean): Uint8Array {
  const origLen = packet.origLen ?? packet.data.length;
  if (packet.simple === true) {
    const head = new Uint8Array(4);
    new DataView(head.buffer).setUint32(0, origLen, little);
    return pcapngBlock(3, concatBytes(head, packet.data), little);
  }
  const head = new Uint8Array(20);
  const view = new DataView(head.buffer);
  if (packet.obsolete === true) view.setUint16(0, packet.interface, little);
  else view.setUint32(0, packet.interface, little);
  const units = timestampUnits(packet.timeUs, face);
  view.setUint32(4, Number((units >> 32n) & 0xffffffffn), little);
  view.setUint32(8, Number(units & 0xffffffffn), little);
  view.setUint32(12, packet.data.length, little);
  view.setUint32(16, origLen, little);
  return pcapngBlock(packet.obsolete === true ? 2 : 6, concatBytes(head, packet.data), little);
}

function sectionHeader(little: boolean): Uint8Array {
  const body = new Uint8Array(16);
  const view = new DataView(body.buffer);
  view.setUint32(0, 0x1a2b3c4d, little);
  view.setUint16(4, 1, little);
  view.setUint16(6, 0, little);
  view.setBigInt64(8, -1n, little);
  return pcapngBlock(0x0a0d0d0a, body, little);
}

/** A pcapng file: per section, a header, its interface descriptions, then its blocks in order. */
export function writePcapng(sections: readonly PcapngSection[]): Uint8Array {
  const parts: Uint8Array[] = [];
  for (const section of sections) {
    const little = section.bigEndian !== true;
    parts.push(sectionHeader(little));
    for (const face of section.interfaces) parts.push(interfaceBlock(face, little));
    for (const entry of section.packets) {
      if ('blockType' in entry) {
        parts.push(pcapngBlock(entry.blockType, entry.body, little));
        continue;
      }
      const face = section.interfaces[entry.interface];
      if (face === undefined) throw new Error(`No interface ${entry.interface} in this section`);
      parts.push(packetBlock(entry, face, little));
    }
  }
  return concatAll(parts);
}

/** A UDP datagram at a time, for `udpCapture`. */
export interface TimedUdp extends UdpOptions {
  timeUs: number;
}

/** A pcap file of Ethernet frames, one per UDP datagram: the quickest way to a fixture. */
export function udpCapture(datagrams: readonly TimedUdp[]): Uint8Array {
  return writePcap(
    datagrams.map((datagram) => ({ timeUs: datagram.timeUs, data: ethernet(udpPacket(datagram)) })),
    { linkType: LINKTYPE.ETHERNET },
  );
}
