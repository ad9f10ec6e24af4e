/**
 * Adds network impairment to a clean capture, much as `tc qdisc … netem delay D J loss L` would on
 * the wire: every UDP packet to or from the given port range is delayed by D ± J ms (uniform,
 * netem's default distribution) and the file is re-sorted by the new times, so packets overtaken by
 * a less delayed successor arrive out of order. Loss drops one packet at a random place in every
 * run of 1/L packets of each flow (source and destination address and port), so each stream loses
 * L of its packets on every run instead of a binomial draw around L. Other packets (the SIP) pass
 * untouched. The random numbers are seeded, so a run is reproducible.
 *
 * Used by make-captures.sh for jitter-loss.pcap, because netem is not available everywhere (and
 * on loopback it would also delay every other program's traffic on the host).
 *
 * Usage: npx tsx scripts/analyzer/impair-pcap.ts IN.pcap OUT.pcap
 *          [--ports 16000-16999] [--delay-ms 20] [--jitter-ms 15] [--loss 0.05] [--seed 1]
 * Reads classic pcap (µs or ns, either byte order) with Ethernet, Linux cooked or raw IPv4 links.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

interface PcapRecord {
  /** Capture time in nanoseconds since the epoch (bigint keeps it exact). */
  timeNs: bigint;
  /** The record's header and data as read. */
  data: Uint8Array;
  /** Original length from the record header. */
  originalLength: number;
}

interface PcapFile {
  header: Uint8Array;
  littleEndian: boolean;
  nanoseconds: boolean;
  linkType: number;
  records: PcapRecord[];
}

/** Reads a classic pcap file. */
function readPcap(bytes: Uint8Array): PcapFile {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const magic = view.getUint32(0, true);
  const known: Record<number, [boolean, boolean]> = {
    0xa1b2c3d4: [true, false],
    0xd4c3b2a1: [false, false],
    0xa1b23c4d: [true, true],
    0x4d3cb2a1: [false, true],
  };
  const kind = known[magic];
  if (kind === undefined) throw new Error('not a classic pcap file (pcapng is not supported)');
  const [littleEndian, nanoseconds] = kind;
  const linkType = view.getUint32(20, littleEndian) & 0xffff;
  const records: PcapRecord[] = [];
  let offset = 24;
  while (offset + 16 <= bytes.length) {
    const seconds = BigInt(view.getUint32(offset, littleEndian));
    const fraction = BigInt(view.getUint32(offset + 4, littleEndian));
    const included = view.getUint32(offset + 8, littleEndian);
    const originalLength = view.getUint32(offset + 12, littleEndian);
    const data = bytes.subarray(offset + 16, offset + 16 + included);
    const timeNs = seconds * 1_000_000_000n + (nanoseconds ? fraction : fraction * 1000n);
    records.push({ timeNs, data, originalLength });
    offset += 16 + included;
  }
  return { header: bytes.subarray(0, 24), littleEndian, nanoseconds, linkType, records };
}

/** Writes records back with the original file header (same byte order and resolution). */
function writePcap(file: PcapFile, records: PcapRecord[]): Uint8Array {
  const size = 24 + records.reduce((sum, record) => sum + 16 + record.data.length, 0);
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  out.set(file.header, 0);
  let offset = 24;
  const unit = file.nanoseconds ? 1n : 1000n;
  for (const record of records) {
    view.setUint32(offset, Number(record.timeNs / 1_000_000_000n), file.littleEndian);
    view.setUint32(offset + 4, Number((record.timeNs % 1_000_000_000n) / unit), file.littleEndian);
    view.setUint32(offset + 8, record.data.length, file.littleEndian);
    view.setUint32(offset + 12, record.originalLength, file.littleEndian);
    out.set(record.data, offset + 16);
    offset += 16 + record.data.length;
  }
  return out;
}

/** Offset of the IPv4 header for the link type, or -1 when the frame is not IPv4. */
function ipv4Offset(linkType: number, data: Uint8Array): number {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  if (linkType === 1 && data.length >= 14) return view.getUint16(12) === 0x0800 ? 14 : -1;
  if (linkType === 113 && data.length >= 16) return view.getUint16(14) === 0x0800 ? 16 : -1;
  if (linkType === 101 || linkType === 228) return (data[0] ?? 0) >> 4 === 4 ? 0 : -1;
  return -1;
}

interface UdpFlow {
  /** Source and destination address and port, as one string. */
  key: string;
  srcPort: number;
  dstPort: number;
}

/** The UDP flow of an IPv4 frame, or undefined. */
function udpFlow(linkType: number, data: Uint8Array): UdpFlow | undefined {
  const ip = ipv4Offset(linkType, data);
  if (ip < 0 || data.length < ip + 20 || data[ip + 9] !== 17) return undefined;
  const udp = ip + ((data[ip] ?? 0) & 0x0f) * 4;
  if (data.length < udp + 4) return undefined;
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const srcPort = view.getUint16(udp);
  const dstPort = view.getUint16(udp + 2);
  const addresses = Array.from(data.subarray(ip + 12, ip + 20)).join('.');
  return { key: `${addresses}/${srcPort}/${dstPort}`, srcPort, dstPort };
}

/** mulberry32: a small seeded generator of numbers in [0, 1). */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function main(): void {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      ports: { type: 'string', default: '16000-16999' },
      'delay-ms': { type: 'string', default: '20' },
      'jitter-ms': { type: 'string', default: '15' },
      loss: { type: 'string', default: '0.05' },
      seed: { type: 'string', default: '1' },
    },
  });
  const [input, output] = positionals;
  if (input === undefined || output === undefined) {
    throw new Error('usage: impair-pcap.ts IN.pcap OUT.pcap [--ports A-B] [--delay-ms D] …');
  }
  const [low = 0, high = 65535] = values.ports.split('-').map(Number);
  const delayMs = Number(values['delay-ms']);
  const jitterMs = Number(values['jitter-ms']);
  const loss = Number(values.loss);
  const random = seededRandom(Number(values.seed));
  const inRange = (port: number) => port >= low && port <= high;

  const file = readPcap(readFileSync(input));
  const run = loss > 0 ? Math.round(1 / loss) : 0;
  const flows = new Map<string, { seen: number; dropAt: number }>();
  let dropped = 0;
  let impaired = 0;
  const kept: PcapRecord[] = [];
  for (const record of file.records) {
    const flow = udpFlow(file.linkType, record.data);
    if (flow === undefined || !(inRange(flow.srcPort) || inRange(flow.dstPort))) {
      kept.push(record);
      continue;
    }
    const state = flows.get(flow.key) ?? { seen: 0, dropAt: -1 };
    flows.set(flow.key, state);
    // Draw both numbers for every packet, so one setting does not shift the other's sequence.
    const place = Math.floor(random() * run);
    const delay = delayMs + (2 * random() - 1) * jitterMs;
    const position = run > 0 ? state.seen % run : -1;
    if (position === 0) state.dropAt = place;
    state.seen++;
    if (run > 0 && position === state.dropAt) {
      dropped++;
      continue;
    }
    impaired++;
    kept.push({ ...record, timeNs: record.timeNs + BigInt(Math.round(delay * 1e6)) });
  }
  kept.sort((a, b) => (a.timeNs < b.timeNs ? -1 : a.timeNs > b.timeNs ? 1 : 0));
  writeFileSync(output, writePcap(file, kept));
  console.log(
    `${output}: ${impaired} packets delayed ${delayMs} ± ${jitterMs} ms, ${dropped} dropped, ` +
      `${kept.length - impaired} untouched`,
  );
}

main();
