/**
 * Text forms of IP addresses: dotted decimal for IPv4, RFC 5952 for IPv6. IPv4 strings are cached
 * because a capture of RTP repeats the same few addresses millions of times.
 */

const IPV4_CACHE_LIMIT = 4096;
const ipv4Cache = new Map<number, string>();

/** Dotted decimal form of an IPv4 address given as an unsigned 32-bit number (network order). */
export function formatIpv4(address: number): string {
  const cached = ipv4Cache.get(address);
  if (cached !== undefined) return cached;
  const text = `${address >>> 24}.${(address >>> 16) & 0xff}.${(address >>> 8) & 0xff}.${address & 0xff}`;
  if (ipv4Cache.size >= IPV4_CACHE_LIMIT) ipv4Cache.clear();
  ipv4Cache.set(address, text);
  return text;
}

/** Reads eight 16-bit groups starting at `offset` (big-endian, as on the wire). */
function readGroups(view: DataView, offset: number): number[] {
  const groups: number[] = [];
  for (let i = 0; i < 8; i++) groups.push(view.getUint16(offset + i * 2));
  return groups;
}

/** Start and length of the longest run (≥ 2) of zero groups, leftmost on ties; length 0 if none. */
function longestZeroRun(groups: readonly number[]): { start: number; length: number } {
  let best = { start: -1, length: 0 };
  let runStart = -1;
  for (let i = 0; i <= groups.length; i++) {
    if (i < groups.length && groups[i] === 0) {
      if (runStart < 0) runStart = i;
      continue;
    }
    if (runStart >= 0 && i - runStart > best.length)
      best = { start: runStart, length: i - runStart };
    runStart = -1;
  }
  return best.length >= 2 ? best : { start: -1, length: 0 };
}

/** True for ::ffff:0:0/96, which RFC 5952 §5 writes with a dotted IPv4 tail. */
function isIpv4Mapped(groups: readonly number[]): boolean {
  return groups.slice(0, 5).every((group) => group === 0) && groups[5] === 0xffff;
}

/** RFC 5952 text of a list of eight 16-bit groups. */
export function formatIpv6Groups(groups: readonly number[]): string {
  if (isIpv4Mapped(groups)) {
    const high = groups[6] ?? 0;
    const low = groups[7] ?? 0;
    return `::ffff:${formatIpv4(((high << 16) | low) >>> 0)}`;
  }
  const run = longestZeroRun(groups);
  const hex = groups.map((group) => group.toString(16));
  if (run.length === 0) return hex.join(':');
  const head = hex.slice(0, run.start).join(':');
  const tail = hex.slice(run.start + run.length).join(':');
  return `${head}::${tail}`;
}

/** A cached IPv6 text with the address's four 32-bit words, to confirm a hash hit. */
interface Ipv6Entry {
  w0: number;
  w1: number;
  w2: number;
  w3: number;
  text: string;
}

const IPV6_CACHE_LIMIT = 4096;
/** Keyed by a hash of the four words (no string is built for a lookup); collisions overwrite. */
const ipv6Cache = new Map<number, Ipv6Entry>();

/** RFC 5952 text of the 16-byte IPv6 address at `offset` of `view`. */
export function formatIpv6(view: DataView, offset: number): string {
  const w0 = view.getUint32(offset);
  const w1 = view.getUint32(offset + 4);
  const w2 = view.getUint32(offset + 8);
  const w3 = view.getUint32(offset + 12);
  const hash =
    Math.imul(w0, 0x9e3779b1) ^ Math.imul(w1, 0x85ebca6b) ^ Math.imul(w2, 0xc2b2ae35) ^ w3;
  const entry = ipv6Cache.get(hash);
  if (entry?.w0 === w0 && entry.w1 === w1 && entry.w2 === w2 && entry.w3 === w3) {
    return entry.text;
  }
  const text = formatIpv6Groups(readGroups(view, offset));
  if (ipv6Cache.size >= IPV6_CACHE_LIMIT) ipv6Cache.clear();
  ipv6Cache.set(hash, { w0, w1, w2, w3, text });
  return text;
}
