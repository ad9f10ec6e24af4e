/**
 * Per-stream RTP statistics computed the way Wireshark 4.0 computes its RTP stream table
 * (`tshark -q -z rtp,streams`): `rtppacket_analyse` in ui/tap-rtp-analysis.c for each packet and
 * `rtpstream_info_calculate` in ui/tap-rtp-common.c at the end. Its quirks are kept on purpose, so
 * the figures can be checked against tshark's (checked with TShark 4.0.17):
 *
 * - The first packet only sets the reference values (first timestamp, first sequence number).
 * - A packet is "in time sequence" when its timestamp is at most 2^31 ticks after the first
 *   packet's (modulo 2^32, so a timestamp wrap is fine). Others are counted as wrong timestamps
 *   and skipped for delta and jitter. A late packet whose timestamp is still after the first one
 *   counts as in time: its negative timestamp step shows up as a big jitter jump, as in tshark.
 * - Jitter is Wireshark's millisecond form of RFC 3550 §6.4.1, for in-time packets whose payload
 *   type has a known clock rate: nominal = (timestamp − first timestamp) / ⌊rate / 1000⌋ (integer
 *   division: 44100 Hz counts as 44), D = |arrival − (previous in-time arrival + nominal − previous
 *   nominal)|, J += (D − J) / 16. Packets without a known rate (telephone-event, dynamic types
 *   the SDP did not map) move the arrival reference but not the nominal one.
 * - Delta is the arrival gap to the previous in-time packet. Min/mean/max delta and jitter take
 *   only "regular" packets: not the first, no marker bit, not comfort noise (13/19) nor the packet
 *   right after one, and in time sequence; jitter figures also need a known rate.
 * - Mean delta and mean jitter are running means divided by the count of all packets before this
 *   one (first, marker and late packets included), exactly as Wireshark does.
 * - Expected = last sequence number (the last received, not the highest) + 65536 × wraps − first
 *   + 1, and lost = expected − received: negative with duplicates. A wrap is counted when a
 *   sequence number below the first one arrives in time sequence (or 0 right after 65535); one
 *   more needs a number above the first one in between.
 *
 * Memory per stream is constant plus the bounded series; add() allocates nothing in the common
 * case.
 */

import { isComfortNoise, staticClockRate, type RtpHeader } from './rtp.ts';

/** One bucket of the per-stream time series (for a small plot). */
export interface RtpSeriesPoint {
  /** Start of the bucket, seconds after the stream's first packet. */
  offsetSec: number;
  /** Packets received in the bucket. */
  packets: number;
  /**
   * Sequence numbers skipped by the packets of the bucket, less the packets that arrived late or
   * twice in it; never negative. Summed over the series it is `lost` when nothing is duplicated.
   */
  lost: number;
  /** Highest running jitter (ms) after a packet of the bucket; 0 when none was measured. */
  jitterMs: number;
}

/** The figures of one RTP stream (one SSRC between two address/port pairs). */
export interface RtpStreamResult {
  ssrc: number;
  /** Payload type of the first packet (Wireshark's first_payload_type). */
  payloadType: number;
  /** Every payload type seen, ascending (Wireshark's Payload column lists them in this order). */
  payloadTypes: number[];
  /** Packets received. */
  packets: number;
  /** Packets the sequence numbers call for (see the module notes). */
  expected: number;
  /** expected − packets: negative when duplicates outnumber losses, as in tshark. */
  lost: number;
  /** lost × 100 / expected, 0 when nothing is expected. */
  lostPercent: number;
  /** Arrival gaps between regular packets (ms); 0 when there was no regular packet. */
  minDeltaMs: number;
  meanDeltaMs: number;
  maxDeltaMs: number;
  /** Frame that ended the largest gap; undefined when there was no regular packet. */
  maxDeltaFrame: number | undefined;
  /** Jitter (ms) over regular packets; 0 when never measured (see hasJitter). */
  minJitterMs: number;
  meanJitterMs: number;
  maxJitterMs: number;
  /** Frame where the jitter peaked; undefined when never measured. */
  maxJitterFrame: number | undefined;
  /** False when no regular packet had a known clock rate, so the jitter figures mean nothing. */
  hasJitter: boolean;
  /**
   * Clock rate (Hz): the one given to finish(), else the last known rate a packet used; undefined
   * when neither is known.
   */
  clockRate: number | undefined;
  firstFrame: number;
  lastFrame: number;
  /** Arrival of the first and the last packet, µs since the epoch. */
  startUs: number;
  endUs: number;
  /** Packets with an unexpected sequence number (Wireshark's "Wrong sequence number" count). */
  sequenceErrors: number;
  /** Packets whose timestamp went back (Wireshark's "Incorrect timestamp"). */
  timestampErrors: number;
  /** Wireshark's "Problems?" mark: any sequence or timestamp error. */
  problem: boolean;
  /** Width of one series bucket in seconds: 1, doubled as often as needed to stay ≤ 300. */
  seriesBucketSec: number;
  series: RtpSeriesPoint[];
}

/** How a stream learns clock rates. */
export interface RtpStreamOptions {
  /**
   * The RTP clock rate (Hz) of a payload type, as the SDP's a=rtpmap or the static table says;
   * undefined or 0 for unknown rates and for telephone-event, whose timestamps do not advance
   * (Wireshark skips the jitter for both). Defaults to {@link staticClockRate}. Asked once per
   * payload type change, so it may be a map lookup.
   */
  clockRateOf?: (payloadType: number) => number | undefined;
}

/** Accumulates one RTP stream's packets, in arrival order. */
export interface RtpStreamStats {
  /** Adds a packet: its header, its capture time (µs since the epoch) and its frame number. */
  add(header: RtpHeader, arrivalUs: number, frame: number): void;
  /**
   * The figures so far (the stream may go on afterwards). `clockRate`, when known (from SDP), is
   * reported as the stream's rate; the jitter itself comes from `clockRateOf` at add() time.
   */
  finish(clockRate?: number): RtpStreamResult;
  /** Packets added so far. */
  readonly packets: number;
}

const TWO_32 = 0x100000000;
const HALF_32 = 0x80000000;
const MAX_SERIES = 300;
const US_PER_SECOND = 1_000_000;

interface Bucket {
  packets: number;
  lost: number;
  jitterMs: number;
}

class StreamAccumulator implements RtpStreamStats {
  private readonly clockRateOf: (payloadType: number) => number | undefined;
  private readonly seen = new Uint8Array(128);

  // Identity and bounds.
  private count = 0;
  private ssrc = 0;
  private firstPayloadType = 0;
  private startUs = 0;
  private endUs = 0;
  private firstFrame = 0;
  private lastFrame = 0;

  // Wireshark's tap_rtp_stat_t, in milliseconds relative to the first packet.
  private firstTimestamp = 0;
  private lastNominalMs = 0;
  private timeMs = 0;
  private startSeq = 0;
  private stopSeq = 0;
  private seqNum = 0;
  private cycles = 0;
  private under = false;
  private pt = 0;
  private jitter = 0;
  private delta = 0;
  private minDelta = -1;
  private maxDelta = 0;
  private meanDelta = 0;
  private maxDeltaFrame: number | undefined;
  private minJitter = -1;
  private maxJitter = 0;
  private meanJitter = 0;
  private maxJitterFrame: number | undefined;
  private sequenceErrors = 0;
  private timestampErrors = 0;
  private lastRate = 0;

  // Clock rate cache: the resolver is asked again only when the payload type changes.
  private ratePt = -1;
  private rateDivisor = 0;
  private rate = 0;

  // Series.
  private series: Bucket[] = [];
  private bucketUs = US_PER_SECOND;
  private maxExtSeq = 0;
  private segmentStart = 0;
  private segmentPackets = 0;

  constructor(options: RtpStreamOptions) {
    this.clockRateOf = options.clockRateOf ?? staticClockRate;
  }

  get packets(): number {
    return this.count;
  }

  add(header: RtpHeader, arrivalUs: number, frame: number): void {
    this.seen[header.payloadType] = 1;
    if (this.count === 0) {
      this.start(header, arrivalUs, frame);
      return;
    }
    this.endUs = arrivalUs;
    this.lastFrame = frame;
    const now = (arrivalUs - this.startUs) / 1000;
    const ticks = (header.timestamp - this.firstTimestamp + TWO_32) % TWO_32;
    // Wireshark's two cases: no wrap (< 2^31 ahead), or wrapped (at most 2^31 ahead).
    const inTime = header.timestamp >= this.firstTimestamp ? ticks < HALF_32 : ticks <= HALF_32;
    if (!inTime) this.timestampErrors++;
    this.countCycles(header.sequence, inTime);
    this.checkSequence(header.sequence, inTime);

    const comfortNoise = isComfortNoise(header.payloadType);
    const followsComfortNoise = isComfortNoise(this.pt);
    this.pt = header.payloadType;
    const divisor = this.divisorFor(header.payloadType);
    const measured = inTime && divisor > 0;
    if (measured) {
      this.lastRate = this.rate;
      const nominal = ticks / divisor;
      const expected = this.timeMs + (nominal - this.lastNominalMs);
      this.jitter = (15 * this.jitter + Math.abs(now - expected)) / 16;
      this.lastNominalMs = nominal;
    }
    if (inTime) {
      this.delta = now - this.timeMs;
      if (!header.marker && !comfortNoise && !followsComfortNoise) {
        this.addRegular(frame, measured);
      }
      this.timeMs = now;
    }
    this.stopSeq = header.sequence;
    this.count++;
    this.addToSeries(header.sequence, arrivalUs, measured);
  }

  finish(clockRate?: number): RtpStreamResult {
    const expected = Math.max(0, this.stopSeq + this.cycles * 65536 - this.startSeq + 1);
    const lost = this.count === 0 ? 0 : expected - this.count;
    const hasJitter = this.minJitter !== -1;
    const known = clockRate !== undefined && clockRate > 0 ? clockRate : this.lastRate;
    return {
      ssrc: this.ssrc,
      payloadType: this.firstPayloadType,
      payloadTypes: this.payloadTypes(),
      packets: this.count,
      expected: this.count === 0 ? 0 : expected,
      lost,
      lostPercent: expected > 0 && this.count > 0 ? (lost * 100) / expected : 0,
      minDeltaMs: Math.max(this.minDelta, 0),
      meanDeltaMs: this.meanDelta,
      maxDeltaMs: this.maxDelta,
      maxDeltaFrame: this.maxDeltaFrame,
      minJitterMs: hasJitter ? this.minJitter : 0,
      meanJitterMs: hasJitter ? this.meanJitter : 0,
      maxJitterMs: hasJitter ? this.maxJitter : 0,
      maxJitterFrame: hasJitter ? this.maxJitterFrame : undefined,
      hasJitter,
      clockRate: known > 0 ? known : undefined,
      firstFrame: this.firstFrame,
      lastFrame: this.lastFrame,
      startUs: this.startUs,
      endUs: this.endUs,
      sequenceErrors: this.sequenceErrors,
      timestampErrors: this.timestampErrors,
      problem: this.sequenceErrors + this.timestampErrors > 0,
      seriesBucketSec: this.bucketUs / US_PER_SECOND,
      series: this.seriesSnapshot(),
    };
  }

  /** The first packet only sets the reference values (Wireshark returns early too). */
  private start(header: RtpHeader, arrivalUs: number, frame: number): void {
    this.count = 1;
    this.ssrc = header.ssrc;
    this.firstPayloadType = header.payloadType;
    this.pt = header.payloadType;
    this.startUs = arrivalUs;
    this.endUs = arrivalUs;
    this.firstFrame = frame;
    this.lastFrame = frame;
    this.startSeq = header.sequence;
    this.stopSeq = header.sequence;
    this.seqNum = header.sequence;
    this.firstTimestamp = header.timestamp;
    this.lastNominalMs = 0;
    this.timeMs = 0;
    this.maxExtSeq = 65536 + header.sequence;
    this.segmentStart = this.maxExtSeq - 1;
    this.segmentPackets = 1;
    this.series.push({ packets: 1, lost: 0, jitterMs: 0 });
  }

  /** Wireshark's wrap counting for "expected": one wrap per dip below the first sequence number. */
  private countCycles(seq: number, inTime: boolean): void {
    if (!inTime) return;
    if (!this.under && (seq < this.startSeq || (seq === 0 && this.stopSeq === 65535))) {
      this.cycles++;
      this.under = true;
    } else if (this.under && seq > this.startSeq) {
      this.under = false;
    }
  }

  /** Counts a wrong sequence number: a jump forward (loss) or a late or repeated packet. */
  private checkSequence(seq: number, inTime: boolean): void {
    const last = this.seqNum;
    if (inTime && (last + 1 === seq || (last === 65535 && seq === 0))) {
      this.seqNum = seq;
    } else if (inTime && (last + 1 < seq || last - seq > 0xff00)) {
      this.seqNum = seq;
      this.sequenceErrors++;
    } else if (last + 1 > seq) {
      this.sequenceErrors++;
    }
  }

  /** ⌊rate / 1000⌋ as Wireshark's integer division has it, 0 when the rate is unknown. */
  private divisorFor(payloadType: number): number {
    if (payloadType !== this.ratePt) {
      const rate = this.clockRateOf(payloadType) ?? 0;
      this.ratePt = payloadType;
      this.rate = rate > 0 ? rate : 0;
      this.rateDivisor = Math.trunc(this.rate / 1000);
    }
    return this.rateDivisor;
  }

  /** Min/mean/max delta and jitter over regular packets, with Wireshark's running means. */
  private addRegular(frame: number, measured: boolean): void {
    const n = this.count;
    const delta = this.delta;
    if (delta > this.maxDelta || (delta === this.maxDelta && this.maxDeltaFrame === undefined)) {
      this.maxDelta = delta;
      this.maxDeltaFrame = frame;
    }
    if (this.minDelta === -1 || delta < this.minDelta) this.minDelta = delta;
    this.meanDelta = (this.meanDelta * (n - 1) + delta) / n;
    if (!measured) return;
    const jitter = this.jitter;
    if (
      jitter > this.maxJitter ||
      (jitter === this.maxJitter && this.maxJitterFrame === undefined)
    ) {
      this.maxJitter = jitter;
      this.maxJitterFrame = frame;
    }
    this.meanJitter = (this.meanJitter * (n - 1) + jitter) / n;
    if (this.minJitter === -1 || jitter < this.minJitter) this.minJitter = jitter;
  }

  private payloadTypes(): number[] {
    const types: number[] = [];
    this.seen.forEach((flag, pt) => {
      if (flag === 1) types.push(pt);
    });
    return types;
  }

  /** Files the packet in its time bucket, coarsening the buckets to stay within MAX_SERIES. */
  private addToSeries(seq: number, arrivalUs: number, measured: boolean): void {
    let index = Math.floor((arrivalUs - this.startUs) / this.bucketUs);
    const current = this.series.length - 1;
    if (index > current) {
      this.closeSegment();
      while (index >= MAX_SERIES) {
        this.coarsen();
        index = Math.floor(index / 2);
      }
      while (this.series.length <= index) this.series.push({ packets: 0, lost: 0, jitterMs: 0 });
    }
    const low = this.maxExtSeq % 65536;
    const step = ((seq - low + 98304) % 65536) - 32768;
    if (step > 0) this.maxExtSeq += step;
    this.segmentPackets++;
    const bucket = this.series[this.series.length - 1];
    if (bucket === undefined) return;
    bucket.packets++;
    if (measured && this.jitter > bucket.jitterMs) bucket.jitterMs = this.jitter;
  }

  /** Losses of the packets since the last bucket change go to the current bucket. */
  private closeSegment(): void {
    const bucket = this.series[this.series.length - 1];
    if (bucket !== undefined) bucket.lost += this.segmentLoss();
    this.segmentStart = this.maxExtSeq;
    this.segmentPackets = 0;
  }

  private segmentLoss(): number {
    return Math.max(0, this.maxExtSeq - this.segmentStart - this.segmentPackets);
  }

  /** Doubles the bucket width, merging neighbours. */
  private coarsen(): void {
    const merged: Bucket[] = [];
    for (let i = 0; i < this.series.length; i += 2) {
      const a = this.series[i];
      const b = this.series[i + 1];
      if (a === undefined) break;
      merged.push(
        b === undefined
          ? a
          : {
              packets: a.packets + b.packets,
              lost: a.lost + b.lost,
              jitterMs: Math.max(a.jitterMs, b.jitterMs),
            },
      );
    }
    this.series = merged;
    this.bucketUs *= 2;
  }

  private seriesSnapshot(): RtpSeriesPoint[] {
    const width = this.bucketUs / US_PER_SECOND;
    const last = this.series.length - 1;
    const pending = this.count === 0 ? 0 : this.segmentLoss();
    return this.series.map((bucket, index) => ({
      offsetSec: index * width,
      packets: bucket.packets,
      lost: bucket.lost + (index === last ? pending : 0),
      jitterMs: bucket.jitterMs,
    }));
  }
}

/**
 * A new, empty stream accumulator. Feed it the stream's packets in capture order with add(),
 * then read the figures with finish(). See {@link RtpStreamOptions} for clock rates.
 */
export function createRtpStreamStats(options: RtpStreamOptions = {}): RtpStreamStats {
  return new StreamAccumulator(options);
}
