/**
 * A made-up SIP + RTP capture of any size, for benchmarking the capture analyzer
 * (`npm run bench:analyzer`). Deterministic: the same options always give the same bytes (a seeded
 * generator, no Math.random).
 *
 * Calls start a few per second and overlap (a few dozen are up at once). Each one is built with the
 * analyzer tests' own scenario (`callDatagrams`: INVITE with SDP, 100, 180, 200 with SDP, ACK, RTP
 * both ways every 20 ms with 160 bytes of PCMU, BYE, 200), given its own SSRCs and random starting
 * sequence numbers and timestamps, and some network noise. Some calls fail (503 with a Q.850 Reason,
 * 486), some streams lose packets or arrive with jitter.
 *
 * The file is STREAMED: only the calls in progress are held in memory (a min-heap of their next
 * packet), the pcap records go out in time order through a write stream in 1 MB batches.
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import {
  LINKTYPE,
  bytesOf,
  ethernet,
  udpPacket,
  writePcap,
  type TimedUdp,
} from '../../src/analyzer/test-support/capture-writer.ts';
import {
  callDatagrams,
  type CallOptions,
  type Party,
} from '../../src/analyzer/test-support/sip-scenario.ts';

export interface SyntheticCaptureOptions {
  /** Stop starting calls once the file would reach this size; it ends a little above it. */
  targetBytes: number;
  /** Seed of the generator; 1 unless given. */
  seed?: number;
  /** New calls per second, evenly spread with some noise; 5 unless given. */
  callsPerSecond?: number;
  /** Shortest and longest talk time of an answered call (seconds); 1.5 to 4.5 unless given. */
  talkSec?: readonly [number, number];
  /** Time of the first INVITE, µs since the epoch; 2026-03-02 09:00 UTC unless given. */
  startUs?: number;
}

/** What went into the file. */
export interface SyntheticCaptureSummary {
  file: string;
  bytes: number;
  /** Pcap records (one UDP datagram each). */
  packets: number;
  calls: number;
  answered: number;
  /** Calls refused with 503 (with a Q.850 Reason) and with 486. */
  failed503: number;
  busy486: number;
  /** RTP streams written (two per answered call). */
  rtpStreams: number;
  /** Streams with packets left out, and with extra arrival jitter. */
  lossyStreams: number;
  jitteryStreams: number;
  /** Most calls in progress at once. */
  peakConcurrent: number;
  firstUs: number;
  lastUs: number;
  seed: number;
  callsPerSecond: number;
  talkSec: readonly [number, number];
}

const PCAP_RECORD_HEADER = 16;
const BATCH_BYTES = 1024 * 1024;

/** mulberry32: a small seeded generator of floats in [0, 1). */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One packet ready to go: its time and its Ethernet frame. */
interface Frame {
  timeUs: number;
  data: Uint8Array;
}

/** A call in progress: its frames in time order and the next one to write. */
interface ActiveCall {
  frames: Frame[];
  next: number;
}

/** A binary min-heap of active calls by the time of their next frame. */
class CallHeap {
  readonly items: ActiveCall[] = [];

  private time(index: number): number {
    const call = this.items[index];
    return call?.frames[call.next]?.timeUs ?? Infinity;
  }

  private swap(a: number, b: number): void {
    const first = this.items[a];
    const second = this.items[b];
    if (first === undefined || second === undefined) return;
    this.items[a] = second;
    this.items[b] = first;
  }

  get size(): number {
    return this.items.length;
  }

  /** Time of the earliest next frame; Infinity when empty. */
  peekTime(): number {
    return this.time(0);
  }

  push(call: ActiveCall): void {
    this.items.push(call);
    let at = this.items.length - 1;
    while (at > 0) {
      const parent = (at - 1) >> 1;
      if (this.time(parent) <= this.time(at)) break;
      this.swap(parent, at);
      at = parent;
    }
  }

  /** Takes the earliest frame; its call stays in the heap while it has frames left. */
  take(): Frame | undefined {
    const top = this.items[0];
    if (top === undefined) return undefined;
    const frame = top.frames[top.next];
    top.next += 1;
    if (top.next >= top.frames.length) {
      const last = this.items.pop();
      if (last !== undefined && this.items.length > 0) this.items[0] = last;
    }
    let at = 0;
    for (;;) {
      const left = at * 2 + 1;
      const right = left + 1;
      let smallest = at;
      if (left < this.items.length && this.time(left) < this.time(smallest)) smallest = left;
      if (right < this.items.length && this.time(right) < this.time(smallest)) smallest = right;
      if (smallest === at) break;
      this.swap(at, smallest);
      at = smallest;
    }
    return frame;
  }
}

/** Bytes a frame takes in the file. */
const recordBytes = (frame: Frame) => PCAP_RECORD_HEADER + frame.data.length;

/** Plans call number `index`: who, when, how it ends and what its streams suffer. */
function planCall(
  index: number,
  startUs: number,
  talkSec: readonly [number, number],
  rnd: () => number,
) {
  const phone = Math.floor(rnd() * 400);
  const caller: Party = {
    ip: `10.20.${Math.floor(phone / 200)}.${(phone % 200) + 10}`,
    rtpPort: 10000 + 2 * (index % 20000),
    user: String(21000 + phone),
  };
  const callee: Party = {
    ip: `203.0.113.${11 + Math.floor(rnd() * 4)}`,
    rtpPort: 30000 + 2 * (index % 15000),
    user: `+44207${String(1000000 + ((index * 7919) % 9000000)).padStart(7, '0')}`,
  };
  const hex = Math.floor(rnd() * 0xffffffff)
    .toString(16)
    .padStart(8, '0');
  const options: CallOptions = {
    callId: `bench-${index}-${hex}`,
    caller,
    callee,
    startUs,
    offerCodecs: [0, 8, 101],
    answerCodecs: [0, 101],
  };
  const outcome = rnd();
  if (outcome < 0.05) {
    options.final = {
      status: 503,
      phrase: 'Service Unavailable',
      reason: 'Q.850;cause=34;text="No circuit/channel available"',
    };
  } else if (outcome < 0.09) {
    options.final = { status: 486, phrase: 'Busy Here', reason: 'Q.850;cause=17;text="User busy"' };
  } else {
    const [shortest, longest] = talkSec;
    // Whole milliseconds, so every time in the file is a whole microsecond.
    options.talkSec = Math.round((shortest + rnd() * (longest - shortest)) * 1000) / 1000;
    // The callee's stream: every n-th packet lost on some calls, alternate packets late on others.
    const impairment = rnd();
    if (impairment < 0.08) options.dropEvery = [20, 33, 50][Math.floor(rnd() * 3)] ?? 50;
    else if (impairment < 0.16) options.jitterMs = 3 + Math.floor(rnd() * 10);
  }
  // The caller's stream: a few lose ~1% at random, a few arrive with up to 15 ms of jitter.
  const callerNoise = rnd();
  return {
    options,
    callerLoss: callerNoise < 0.05 ? 0.01 : 0,
    callerJitterUs: callerNoise >= 0.05 && callerNoise < 0.1 ? 15_000 : 0,
  };
}

/**
 * The frames of one call, in time order: `callDatagrams`, then each RTP stream given its own SSRC,
 * starting sequence number and timestamp, up to 0.4 ms of arrival noise (more on jittery streams)
 * and random losses where planned.
 */
function callFrames(plan: ReturnType<typeof planCall>, rnd: () => number) {
  const { options, callerLoss, callerJitterUs } = plan;
  const datagrams = callDatagrams(options);
  const streams = new Map<string, { ssrc: number; seq: number; ts: number }>();
  const kept: TimedUdp[] = [];
  for (const datagram of datagrams) {
    if (typeof datagram.payload === 'string') {
      kept.push(datagram);
      continue;
    }
    const fromCaller = datagram.srcPort === options.caller.rtpPort;
    if (fromCaller && callerLoss > 0 && rnd() < callerLoss) continue;
    const key = `${datagram.src}:${datagram.srcPort}`;
    let stream = streams.get(key);
    if (stream === undefined) {
      stream = {
        ssrc: Math.floor(rnd() * 0xffffffff) >>> 0,
        seq: Math.floor(rnd() * 0x10000),
        ts: Math.floor(rnd() * 0xffffffff) >>> 0,
      };
      streams.set(key, stream);
    }
    const payload = bytesOf(datagram.payload);
    const view = new DataView(payload.buffer, payload.byteOffset, payload.byteLength);
    const index = view.getUint16(2);
    view.setUint16(2, (stream.seq + index) & 0xffff);
    view.setUint32(4, (stream.ts + index * 160) >>> 0);
    view.setUint32(8, stream.ssrc);
    const noiseUs = fromCaller && callerJitterUs > 0 ? callerJitterUs : 400;
    kept.push({ ...datagram, timeUs: datagram.timeUs + Math.floor(rnd() * noiseUs) });
  }
  const frames = kept
    .map((datagram) => ({ timeUs: datagram.timeUs, data: ethernet(udpPacket(datagram)) }))
    .sort((a, b) => a.timeUs - b.timeUs);
  return { frames, streams: streams.size };
}

/** Writes the pcap record header of `frame` into `batch` at `at` (little-endian, µs). */
function writeRecordHeader(batch: Buffer, at: number, frame: Frame): void {
  const seconds = Math.floor(frame.timeUs / 1e6);
  batch.writeUInt32LE(seconds, at);
  batch.writeUInt32LE(frame.timeUs - seconds * 1e6, at + 4);
  batch.writeUInt32LE(frame.data.length, at + 8);
  batch.writeUInt32LE(frame.data.length, at + 12);
}

/** Streams a synthetic capture of about `options.targetBytes` to `file` (pcap, Ethernet, µs). */
export async function writeSyntheticCapture(
  file: string,
  options: SyntheticCaptureOptions,
): Promise<SyntheticCaptureSummary> {
  const seed = options.seed ?? 1;
  const callsPerSecond = options.callsPerSecond ?? 5;
  const talkSec = options.talkSec ?? ([1.5, 4.5] as const);
  const startUs = options.startUs ?? Date.UTC(2026, 2, 2, 9, 0, 0) * 1000;
  const rnd = random(seed);
  const spacingUs = 1e6 / callsPerSecond;

  const out = createWriteStream(file);
  const failed = new Promise<never>((_resolve, reject) => out.once('error', reject));
  const write = async (chunk: Uint8Array) => {
    if (!out.write(chunk)) await Promise.race([once(out, 'drain'), failed]);
  };
  // The 24-byte global header is what writePcap gives for no records.
  const header = writePcap([], { linkType: LINKTYPE.ETHERNET });
  await write(header);

  const summary: SyntheticCaptureSummary = {
    file,
    bytes: header.length,
    packets: 0,
    calls: 0,
    answered: 0,
    failed503: 0,
    busy486: 0,
    rtpStreams: 0,
    lossyStreams: 0,
    jitteryStreams: 0,
    peakConcurrent: 0,
    firstUs: NaN,
    lastUs: NaN,
    seed,
    callsPerSecond,
    talkSec,
  };
  const heap = new CallHeap();
  let pending = 0;
  let batch = Buffer.allocUnsafe(BATCH_BYTES);
  let used = 0;
  const nextStart = () => Math.round(startUs + summary.calls * spacingUs + rnd() * spacingUs * 0.5);
  let upcoming = nextStart();

  for (;;) {
    const more = summary.bytes + pending < options.targetBytes;
    if (more && upcoming <= heap.peekTime()) {
      const plan = planCall(summary.calls, upcoming, talkSec, rnd);
      const { frames, streams } = callFrames(plan, rnd);
      const { final, dropEvery, jitterMs } = plan.options;
      summary.calls += 1;
      if (final?.status === 503) summary.failed503 += 1;
      else if (final?.status === 486) summary.busy486 += 1;
      else summary.answered += 1;
      summary.rtpStreams += streams;
      summary.lossyStreams += (dropEvery !== undefined ? 1 : 0) + (plan.callerLoss > 0 ? 1 : 0);
      summary.jitteryStreams +=
        (jitterMs !== undefined ? 1 : 0) + (plan.callerJitterUs > 0 ? 1 : 0);
      pending += frames.reduce((sum, frame) => sum + recordBytes(frame), 0);
      heap.push({ frames, next: 0 });
      summary.peakConcurrent = Math.max(summary.peakConcurrent, heap.size);
      upcoming = nextStart();
      continue;
    }
    const frame = heap.take();
    if (frame === undefined) break;
    const size = recordBytes(frame);
    if (used + size > batch.length) {
      await write(batch.subarray(0, used));
      // The stream may still hold the last batch: write the next one into a fresh buffer.
      batch = Buffer.allocUnsafe(Math.max(BATCH_BYTES, size));
      used = 0;
    }
    writeRecordHeader(batch, used, frame);
    batch.set(frame.data, used + PCAP_RECORD_HEADER);
    used += size;
    pending -= size;
    summary.bytes += size;
    summary.packets += 1;
    if (Number.isNaN(summary.firstUs)) summary.firstUs = frame.timeUs;
    summary.lastUs = frame.timeUs;
  }
  if (used > 0) await write(batch.subarray(0, used));
  out.end();
  await Promise.race([once(out, 'finish'), failed]);
  return summary;
}

/** One paragraph on how the capture was made, for the benchmark's printout. */
export function describeSyntheticCapture(summary: SyntheticCaptureSummary): string {
  const seconds = (summary.lastUs - summary.firstUs) / 1e6;
  const [shortest, longest] = summary.talkSec;
  return [
    `Synthetic pcap (Ethernet/IPv4/UDP, seed ${summary.seed}): ${summary.packets.toLocaleString('en-US')} packets over ${seconds.toFixed(0)} s;`,
    `${summary.calls.toLocaleString('en-US')} calls starting ~${summary.callsPerSecond}/s (up to ${summary.peakConcurrent} at once),`,
    `${summary.answered.toLocaleString('en-US')} answered with ${shortest}–${longest} s of PCMU both ways at 20 ms (172-byte RTP),`,
    `${summary.failed503} refused with 503 + Q.850 Reason, ${summary.busy486} with 486;`,
    `${summary.rtpStreams.toLocaleString('en-US')} RTP streams, ${summary.lossyStreams} with loss, ${summary.jitteryStreams} with jitter.`,
  ].join(' ');
}
