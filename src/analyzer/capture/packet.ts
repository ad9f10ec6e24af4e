/**
 * From a captured frame to UDP datagrams and TCP stream bytes: link layer, IPv4/IPv6 (with
 * extension headers and fragment reassembly), then UDP or TCP. Damaged headers are counted and the
 * packet skipped; nothing here throws.
 */

import type { CaptureHandlers } from '../types.ts';
import { formatIpv4, formatIpv6 } from './address.ts';
import { FragmentReassembler } from './fragments.ts';
import { ipStart, MALFORMED, NOT_IP } from './link.ts';
import { TcpReassembler } from './tcp.ts';

const PROTO_TCP = 6;
const PROTO_UDP = 17;
const IPV6_HOP_BY_HOP = 0;
const IPV6_ROUTING = 43;
const IPV6_FRAGMENT = 44;
const IPV6_AUTH = 51;
const IPV6_NO_NEXT = 59;
const IPV6_DEST_OPTS = 60;
const IPV6_MOBILITY = 135;
const IPV6_HIP = 139;
const IPV6_SHIM6 = 140;
/** Extension headers followed before giving up on a packet. */
const MAX_IPV6_HEADERS = 16;

/** Counts of packets the decoder could not use, with the first frame of each kind. */
export interface DecodeStats {
  /** Frames that carry something other than IP. */
  notIp: number;
  /** IP packets carrying something other than UDP or TCP. */
  otherProtocol: number;
  /** Frames skipped because a header was damaged. */
  malformed: number;
  firstMalformedFrame: number;
}

/** Decodes frames into datagrams. Set `frame` and `timeUs` before each call to `decode`. */
export class PacketDecoder {
  /** Frame number of the packet being decoded. */
  frame = 0;
  /** Capture time of the packet being decoded (µs since the epoch). */
  timeUs = 0;
  readonly stats: DecodeStats = {
    notIp: 0,
    otherProtocol: 0,
    malformed: 0,
    firstMalformedFrame: 0,
  };
  readonly fragments = new FragmentReassembler();
  private readonly tcp: TcpReassembler;

  constructor(private readonly handlers: CaptureHandlers) {
    this.tcp = new TcpReassembler(handlers);
  }

  /** Decodes the frame at bytes[start, end) of the given supported link type. */
  decode(bytes: Uint8Array, view: DataView, start: number, end: number, linkType: number): void {
    const at = ipStart(linkType, view, start, end);
    if (at === NOT_IP) {
      this.stats.notIp++;
      return;
    }
    if (at === MALFORMED || at >= end) {
      this.malformed();
      return;
    }
    const version = (bytes[at] ?? 0) >> 4;
    if (version === 4) this.ipv4(bytes, view, at, end);
    else if (version === 6) this.ipv6(bytes, view, at, end);
    else this.malformed();
  }

  /** End of capture: hands on TCP bytes that wait behind gaps. */
  finish(): void {
    this.tcp.flush();
  }

  private malformed(): void {
    if (this.stats.malformed === 0) this.stats.firstMalformedFrame = this.frame;
    this.stats.malformed++;
  }

  private ipv4(bytes: Uint8Array, view: DataView, at: number, end: number): void {
    const available = end - at;
    const headerLength = ((bytes[at] ?? 0) & 0x0f) * 4;
    if (available < 20 || headerLength < 20 || headerLength > available) {
      this.malformed();
      return;
    }
    const totalLength = view.getUint16(at + 2);
    // A total length of 0 is what segmentation offload leaves in captures: trust the frame.
    if (totalLength !== 0 && totalLength < headerLength) {
      this.malformed();
      return;
    }
    const ipEnd = totalLength !== 0 && totalLength < available ? at + totalLength : end;
    const protocol = bytes[at + 9] ?? 0;
    if (protocol !== PROTO_UDP && protocol !== PROTO_TCP) {
      this.stats.otherProtocol++;
      return;
    }
    const fragment = view.getUint16(at + 6);
    if ((fragment & 0x3fff) !== 0) {
      this.ipv4Fragment(bytes, view, at, ipEnd, headerLength, protocol, fragment);
      return;
    }
    const src = formatIpv4(view.getUint32(at + 12));
    const dst = formatIpv4(view.getUint32(at + 16));
    this.transport(bytes, view, at + headerLength, ipEnd, protocol, src, dst);
  }

  private ipv4Fragment(
    bytes: Uint8Array,
    view: DataView,
    at: number,
    ipEnd: number,
    headerLength: number,
    protocol: number,
    fragment: number,
  ): void {
    const srcNumber = view.getUint32(at + 12);
    const dstNumber = view.getUint32(at + 16);
    const key = `4 ${srcNumber} ${dstNumber} ${protocol} ${view.getUint16(at + 4)}`;
    const more = (fragment & 0x2000) !== 0;
    const offset = (fragment & 0x1fff) * 8;
    const data = bytes.subarray(at + headerLength, ipEnd);
    const whole = this.fragments.add(key, offset, more, data, protocol, this.timeUs);
    if (whole === undefined) return;
    const payload = whole.payload;
    const payloadView = new DataView(payload.buffer, payload.byteOffset, payload.byteLength);
    const src = formatIpv4(srcNumber);
    const dst = formatIpv4(dstNumber);
    this.transport(payload, payloadView, 0, payload.length, protocol, src, dst);
  }

  private ipv6(bytes: Uint8Array, view: DataView, at: number, end: number): void {
    if (end - at < 40) {
      this.malformed();
      return;
    }
    const payloadLength = view.getUint16(at + 4);
    // 0 is a jumbogram (or offload): trust the frame.
    const ipEnd =
      payloadLength !== 0 && at + 40 + payloadLength < end ? at + 40 + payloadLength : end;
    const src = formatIpv6(view, at + 8);
    const dst = formatIpv6(view, at + 24);
    this.ipv6Payload(bytes, view, at + 40, ipEnd, bytes[at + 6] ?? 0, src, dst, true);
  }

  /** Walks IPv6 extension headers from `at` (the first being `next`) to UDP or TCP. */
  private ipv6Payload(
    bytes: Uint8Array,
    view: DataView,
    at: number,
    end: number,
    next: number,
    src: string,
    dst: string,
    fragmentAllowed: boolean,
  ): void {
    let header = next;
    let cursor = at;
    for (let count = 0; count < MAX_IPV6_HEADERS; count++) {
      if (header === PROTO_UDP || header === PROTO_TCP) {
        this.transport(bytes, view, cursor, end, header, src, dst);
        return;
      }
      if (header === IPV6_NO_NEXT) return;
      if (header === IPV6_FRAGMENT) {
        if (fragmentAllowed) this.ipv6Fragment(bytes, view, cursor, end, src, dst);
        else this.malformed();
        return;
      }
      const length = this.extensionLength(bytes, header, cursor, end);
      if (length === 0) {
        this.stats.otherProtocol++;
        return;
      }
      if (length < 0 || cursor + length > end) {
        this.malformed();
        return;
      }
      header = bytes[cursor] ?? 0;
      cursor += length;
    }
    this.malformed();
  }

  /** Length of the extension header at `at`; 0 if `header` is not one; -1 if cut off. */
  private extensionLength(bytes: Uint8Array, header: number, at: number, end: number): number {
    let unit: number;
    let extra: number;
    switch (header) {
      case IPV6_HOP_BY_HOP:
      case IPV6_ROUTING:
      case IPV6_DEST_OPTS:
      case IPV6_MOBILITY:
      case IPV6_HIP:
      case IPV6_SHIM6:
        unit = 8;
        extra = 1;
        break;
      case IPV6_AUTH:
        unit = 4;
        extra = 2;
        break;
      default:
        return 0;
    }
    if (at + 8 > end) return -1;
    return ((bytes[at + 1] ?? 0) + extra) * unit;
  }

  private ipv6Fragment(
    bytes: Uint8Array,
    view: DataView,
    at: number,
    end: number,
    src: string,
    dst: string,
  ): void {
    if (at + 8 > end) {
      this.malformed();
      return;
    }
    const next = bytes[at] ?? 0;
    const field = view.getUint16(at + 2);
    const offset = field & 0xfff8;
    const more = (field & 1) !== 0;
    if (offset === 0 && !more) {
      // An atomic fragment (RFC 6946): the whole packet is here.
      this.ipv6Payload(bytes, view, at + 8, end, next, src, dst, false);
      return;
    }
    const key = `6 ${src} ${dst} ${view.getUint32(at + 4)}`;
    const data = bytes.subarray(at + 8, end);
    const whole = this.fragments.add(key, offset, more, data, next, this.timeUs);
    if (whole === undefined) return;
    const payload = whole.payload;
    const payloadView = new DataView(payload.buffer, payload.byteOffset, payload.byteLength);
    this.ipv6Payload(payload, payloadView, 0, payload.length, whole.protocol, src, dst, false);
  }

  private transport(
    bytes: Uint8Array,
    view: DataView,
    at: number,
    end: number,
    protocol: number,
    src: string,
    dst: string,
  ): void {
    if (protocol === PROTO_UDP) this.udp(bytes, view, at, end, src, dst);
    else this.tcpSegment(bytes, view, at, end, src, dst);
  }

  private udp(
    bytes: Uint8Array,
    view: DataView,
    at: number,
    end: number,
    src: string,
    dst: string,
  ): void {
    if (end - at < 8) {
      this.malformed();
      return;
    }
    const length = view.getUint16(at + 4);
    // Use the UDP length when it fits; a longer one means the capture cut the datagram short.
    const payloadEnd = length >= 8 && at + length <= end ? at + length : end;
    this.handlers.onDatagram({
      frame: this.frame,
      timeUs: this.timeUs,
      src,
      dst,
      srcPort: view.getUint16(at),
      dstPort: view.getUint16(at + 2),
      transport: 'udp',
      payload: bytes.subarray(at + 8, payloadEnd),
    });
  }

  private tcpSegment(
    bytes: Uint8Array,
    view: DataView,
    at: number,
    end: number,
    src: string,
    dst: string,
  ): void {
    if (end - at < 20) {
      this.malformed();
      return;
    }
    const dataOffset = ((bytes[at + 12] ?? 0) >> 4) * 4;
    if (dataOffset < 20 || dataOffset > end - at) {
      this.malformed();
      return;
    }
    this.tcp.segment({
      src,
      dst,
      srcPort: view.getUint16(at),
      dstPort: view.getUint16(at + 2),
      seq: view.getUint32(at + 4),
      flags: bytes[at + 13] ?? 0,
      payload: bytes.subarray(at + dataOffset, end),
      frame: this.frame,
      timeUs: this.timeUs,
    });
  }
}
