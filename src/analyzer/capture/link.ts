/**
 * Link layers: where the IP packet starts inside a captured frame, for each link type the reader
 * supports. Numbers are LINKTYPE_* values from the pcap and pcapng specifications.
 */

export const LINKTYPE_NULL = 0;
export const LINKTYPE_ETHERNET = 1;
/** DLT_RAW as some systems write it into files (12 on most BSDs and Linux, 14 on OpenBSD). */
const LINKTYPE_RAW_DLT12 = 12;
const LINKTYPE_RAW_DLT14 = 14;
export const LINKTYPE_RAW = 101;
export const LINKTYPE_LOOP = 108;
export const LINKTYPE_LINUX_SLL = 113;
export const LINKTYPE_IPV4 = 228;
export const LINKTYPE_IPV6 = 229;
export const LINKTYPE_LINUX_SLL2 = 276;

/** Returned when the frame carries something other than IP (ARP, LLDP, …). */
export const NOT_IP = -1;
/** Returned when the frame is too short for its own link header. */
export const MALFORMED = -2;

const ETHERTYPE_IPV4 = 0x0800;
const ETHERTYPE_IPV6 = 0x86dd;
const ETHERTYPE_VLAN = 0x8100;
const ETHERTYPE_QINQ = 0x88a8;
const ETHERTYPE_QINQ_OLD = 0x9100;

/** True when the reader can find IP packets in frames of this link type. */
export function isSupportedLinkType(linkType: number): boolean {
  switch (linkType) {
    case LINKTYPE_NULL:
    case LINKTYPE_ETHERNET:
    case LINKTYPE_RAW_DLT12:
    case LINKTYPE_RAW_DLT14:
    case LINKTYPE_RAW:
    case LINKTYPE_LOOP:
    case LINKTYPE_LINUX_SLL:
    case LINKTYPE_IPV4:
    case LINKTYPE_IPV6:
    case LINKTYPE_LINUX_SLL2:
      return true;
    default:
      return false;
  }
}

/**
 * Follows an EtherType at `typeAt` through any 802.1Q / 802.1ad tags (each 4 bytes: tag control,
 * then the next EtherType) starting at `payloadAt`. Returns where the IP packet starts.
 */
function afterEtherType(view: DataView, typeAt: number, payloadAt: number, end: number): number {
  let type = view.getUint16(typeAt);
  let at = payloadAt;
  while (type === ETHERTYPE_VLAN || type === ETHERTYPE_QINQ || type === ETHERTYPE_QINQ_OLD) {
    if (at + 4 > end) return MALFORMED;
    type = view.getUint16(at + 2);
    at += 4;
  }
  return type === ETHERTYPE_IPV4 || type === ETHERTYPE_IPV6 ? at : NOT_IP;
}

/** BSD address families meaning IPv6 (NetBSD/OpenBSD, FreeBSD, macOS). */
function isInet6Family(family: number): boolean {
  return family === 24 || family === 28 || family === 30;
}

/** Null/loopback header: a 4-byte address family in the capturing machine's byte order. */
function afterNull(view: DataView, start: number, end: number): number {
  if (end - start < 4) return MALFORMED;
  const little = view.getUint32(start, true);
  const big = view.getUint32(start);
  if (little === 2 || big === 2 || isInet6Family(little) || isInet6Family(big)) return start + 4;
  return NOT_IP;
}

/** OpenBSD loop header: a 4-byte big-endian address family. */
function afterLoop(view: DataView, start: number, end: number): number {
  if (end - start < 4) return MALFORMED;
  const family = view.getUint32(start);
  return family === 2 || isInet6Family(family) ? start + 4 : NOT_IP;
}

/**
 * Offset of the IP header inside the frame [start, end) of the given (supported) link type, or
 * NOT_IP / MALFORMED.
 */
export function ipStart(linkType: number, view: DataView, start: number, end: number): number {
  switch (linkType) {
    case LINKTYPE_ETHERNET:
      return end - start < 14 ? MALFORMED : afterEtherType(view, start + 12, start + 14, end);
    case LINKTYPE_LINUX_SLL:
      return end - start < 16 ? MALFORMED : afterEtherType(view, start + 14, start + 16, end);
    case LINKTYPE_LINUX_SLL2:
      return end - start < 20 ? MALFORMED : afterEtherType(view, start, start + 20, end);
    case LINKTYPE_NULL:
      return afterNull(view, start, end);
    case LINKTYPE_LOOP:
      return afterLoop(view, start, end);
    default:
      return start;
  }
}
