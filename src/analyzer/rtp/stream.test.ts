import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RtpHeader } from './rtp.ts';
import { createRtpStreamStats, type RtpStreamOptions, type RtpStreamResult } from './stream.ts';

/** One packet of a test stream: arrival in ms after the stream's start, and header fields. */
interface TestPacket {
  t: number;
  seq: number;
  ts: number;
  pt?: number;
  marker?: boolean;
}

const EPOCH_US = 1_700_000_000_000_000;

function header(packet: TestPacket): RtpHeader {
  return {
    padding: false,
    extension: false,
    csrcCount: 0,
    marker: packet.marker ?? false,
    payloadType: packet.pt ?? 0,
    sequence: packet.seq & 0xffff,
    timestamp: packet.ts >>> 0,
    ssrc: 0xca110000,
    headerLength: 12,
    payloadLength: 160,
  };
}

/** Feeds the packets (frames numbered from 1) and returns the figures. */
function run(
  packets: readonly TestPacket[],
  options?: RtpStreamOptions,
  clockRate?: number,
): RtpStreamResult {
  const stats = createRtpStreamStats(options);
  packets.forEach((packet, index) => {
    stats.add(header(packet), EPOCH_US + Math.round(packet.t * 1000), index + 1);
  });
  return stats.finish(clockRate);
}

/** n packets 20 ms apart, 160 ticks apart (PCMU), sequence from seq0, timestamp from ts0. */
function steady(n: number, from: Partial<TestPacket> = {}): TestPacket[] {
  const { t = 0, seq = 1000, ts = 5000, pt = 0 } = from;
  return Array.from({ length: n }, (_, i) => ({
    t: t + 20 * i,
    seq: seq + i,
    ts: ts + 160 * i,
    pt,
  }));
}

describe('createRtpStreamStats: steady streams', () => {
  it('gives zero jitter, 20 ms deltas and no loss for clean 20 ms PCMU', () => {
    const result = run(steady(150));
    expect(result).toMatchObject({
      ssrc: 0xca110000,
      payloadType: 0,
      payloadTypes: [0],
      packets: 150,
      expected: 150,
      lost: 0,
      lostPercent: 0,
      minDeltaMs: 20,
      meanDeltaMs: 20,
      maxDeltaMs: 20,
      minJitterMs: 0,
      meanJitterMs: 0,
      maxJitterMs: 0,
      hasJitter: true,
      clockRate: 8000,
      firstFrame: 1,
      lastFrame: 150,
      startUs: EPOCH_US,
      endUs: EPOCH_US + 149 * 20_000,
      sequenceErrors: 0,
      timestampErrors: 0,
      problem: false,
    });
    expect(result.maxDeltaFrame).toBe(2);
  });

  it('computes the RFC 3550 jitter by hand: J += (|D| − J) / 16, D in ms', () => {
    // Arrivals 0, 20, 45, 60, 80 ms, timestamps 160 ticks (20 ms) apart. D (RFC 3550 §6.4.1,
    // in 8 kHz ticks: (Rj − Ri)·8 − (Sj − Si)) is 0, 40, −40, 0 ticks = 0, 5, 5, 0 ms.
    const result = run([
      { t: 0, seq: 1, ts: 0 },
      { t: 20, seq: 2, ts: 160 },
      { t: 45, seq: 3, ts: 320 },
      { t: 60, seq: 4, ts: 480 },
      { t: 80, seq: 5, ts: 640 },
    ]);
    const j2 = 0;
    const j3 = j2 + (5 - j2) / 16; // 0.3125
    const j4 = j3 + (5 - j3) / 16; // 0.60546875
    const j5 = j4 + (0 - j4) / 16; // 0.567626953125
    expect(result.minJitterMs).toBe(j2);
    expect(result.maxJitterMs).toBeCloseTo(j4, 12);
    expect(result.maxJitterFrame).toBe(4);
    // Wireshark's running mean over the packets after the first: (j2 + j3 + j4 + j5) / 4.
    expect(result.meanJitterMs).toBeCloseTo((j2 + j3 + j4 + j5) / 4, 12);
    expect(result.minDeltaMs).toBe(15);
    expect(result.maxDeltaMs).toBe(25);
    expect(result.maxDeltaFrame).toBe(3);
    expect(result.meanDeltaMs).toBeCloseTo(20, 12);
  });

  it('handles a timestamp wrap without a wrong-timestamp mark', () => {
    const result = run(steady(100, { ts: 0xffffff00 }));
    expect(result.timestampErrors).toBe(0);
    expect(result.maxJitterMs).toBe(0);
    expect(result.maxDeltaMs).toBe(20);
  });

  it('handles one packet: nothing measured', () => {
    const result = run(steady(1));
    expect(result).toMatchObject({ packets: 1, expected: 1, lost: 0, hasJitter: false });
    expect(result.maxDeltaFrame).toBeUndefined();
    expect(result.minDeltaMs).toBe(0);
  });

  it('reports nothing for an empty stream', () => {
    expect(createRtpStreamStats().finish()).toMatchObject({ packets: 0, expected: 0, lost: 0 });
  });
});

describe('createRtpStreamStats: loss, duplicates and order', () => {
  it('counts lost packets and one sequence error per gap', () => {
    const packets = steady(100).filter((p) => ![1010, 1011, 1050].includes(p.seq));
    const result = run(packets);
    expect(result).toMatchObject({ packets: 97, expected: 100, lost: 3, sequenceErrors: 2 });
    expect(result.lostPercent).toBeCloseTo(3, 12);
    expect(result.maxDeltaMs).toBe(60);
    expect(result.problem).toBe(true);
  });

  it('extends the sequence over the 65535 → 0 wrap, with loss across it', () => {
    // TShark 4.0.17 on the same packets: 97 packets, 3 lost (3.0%), deltas 20/20.625/80, X.
    const packets = steady(100, { seq: 65500 })
      .filter((p) => ![65535, 65536, 65537].includes(p.seq))
      .map((p) => ({ ...p, seq: p.seq & 0xffff }));
    const result = run(packets);
    expect(result).toMatchObject({ packets: 97, expected: 100, lost: 3, problem: true });
    expect(result.minDeltaMs).toBe(20);
    expect(result.meanDeltaMs).toBeCloseTo(20.625, 3);
    expect(result.maxDeltaMs).toBe(80);
  });

  it('counts a clean wrap from 65535 to 0 as no error', () => {
    const result = run(steady(30, { seq: 65530 }).map((p) => ({ ...p, seq: p.seq & 0xffff })));
    expect(result).toMatchObject({ packets: 30, expected: 30, lost: 0, sequenceErrors: 0 });
  });

  it('makes duplicates count as negative loss, like tshark', () => {
    // TShark 4.0.17: 63 packets, -3 lost (-5.0%), deltas 0/19.032/20, jitter 0/0.078/0.264, X.
    const base = steady(60);
    const dup = (p: TestPacket, late: number): TestPacket => ({ ...p, t: p.t + late });
    const packets = [
      ...base.slice(0, 20),
      dup(base[19]!, 1),
      ...base.slice(20, 40),
      dup(base[39]!, 2),
      dup(base[39]!, 2),
      ...base.slice(40),
    ];
    const result = run(packets);
    expect(result).toMatchObject({ packets: 63, expected: 60, lost: -3, sequenceErrors: 3 });
    expect(result.lostPercent).toBeCloseTo(-5, 12);
    expect(result.minDeltaMs).toBe(0);
    expect(result.meanDeltaMs).toBeCloseTo(19.032, 3);
    expect(result.maxJitterMs).toBeCloseTo(0.264, 3);
    expect(result.meanJitterMs).toBeCloseTo(0.078, 3);
  });

  it('takes the last sequence number, not the highest, for expected (late packet last)', () => {
    // TShark 4.0.17: 31 packets, -15 lost (-93.8%), deltas 5/19.5/20, jitter 0/0.594/17.812, X.
    const base = steady(30);
    const result = run([...base, { ...base[15]!, t: base[29]!.t + 5 }]);
    expect(result).toMatchObject({ packets: 31, expected: 16, lost: -15, problem: true });
    expect(result.lostPercent).toBeCloseTo(-93.75, 12);
    expect(result.minDeltaMs).toBe(5);
    expect(result.meanDeltaMs).toBeCloseTo(19.5, 3);
    // The late packet is "in time" (after the first timestamp): D = |5 − (−280)| = 285 ms.
    expect(result.maxJitterMs).toBeCloseTo(285 / 16, 12);
    expect(result.meanJitterMs).toBeCloseTo(0.594, 3);
    expect(result.timestampErrors).toBe(0);
  });

  it('takes the first packet as the start, even when an earlier one follows', () => {
    // TShark 4.0.17: 30 packets, -1 lost (-3.4%), deltas 20/20/40, jitter 0.219/0.576/1.250, X.
    const base = steady(30);
    const packets = [{ ...base[1]!, t: 0 }, { ...base[0]!, t: 20 }, ...base.slice(2)];
    const result = run(packets);
    expect(result).toMatchObject({ packets: 30, expected: 29, lost: -1, problem: true });
    expect(result.maxDeltaMs).toBe(40);
    expect(result.minJitterMs).toBeCloseTo(0.219, 3);
    expect(result.meanJitterMs).toBeCloseTo(0.576, 3);
    expect(result.maxJitterMs).toBeCloseTo(1.25, 12);
  });

  it('counts reordering as sequence errors but no loss', () => {
    const base = steady(10);
    const packets = [...base.slice(0, 3), base[4]!, base[3]!, ...base.slice(5)].map((p, i) => ({
      ...p,
      t: 20 * i,
    }));
    const result = run(packets);
    expect(result).toMatchObject({ packets: 10, lost: 0, sequenceErrors: 2, timestampErrors: 0 });
  });

  it('marks a timestamp before the first packet as wrong and leaves it out', () => {
    const base = steady(40);
    const late = { t: base[19]!.t + 1, seq: 995, ts: 5000 - 800 };
    const result = run([...base.slice(0, 20), late, ...base.slice(20)]);
    expect(result).toMatchObject({ timestampErrors: 1, sequenceErrors: 1, problem: true });
    // Not in time sequence: no delta (the next one is measured from the packet before), no jitter.
    expect(result.minDeltaMs).toBe(20);
    expect(result.maxJitterMs).toBe(0);
  });

  it('counts a restart below the first sequence number as a wrap (tshark: 64556 lost)', () => {
    const packets = [
      ...steady(30),
      ...Array.from({ length: 30 }, (_, i) => ({
        t: 600 + 20 * i,
        seq: 50 + i,
        ts: 9800 + 160 * i,
      })),
    ];
    const result = run(packets);
    expect(result).toMatchObject({ packets: 60, lost: 64556, maxDeltaMs: 20, maxJitterMs: 0 });
  });

  it('counts a jump from a start at 0 to 65530 as a wrap too (tshark: 65525 lost)', () => {
    const packets = [
      ...Array.from({ length: 5 }, (_, i) => ({ t: 20 * i, seq: i, ts: 160 * i })),
      ...Array.from({ length: 15 }, (_, i) => ({
        t: 100 + 20 * i,
        seq: (65530 + i) & 0xffff,
        ts: 800 + 160 * i,
      })),
    ];
    expect(run(packets)).toMatchObject({ packets: 20, lost: 65525, problem: true });
  });

  it('marks timestamps more than 2^31 ticks ahead as wrong and skips them', () => {
    const packets = [
      ...steady(20),
      ...Array.from({ length: 20 }, (_, i) => ({
        t: 400 + 20 * i,
        seq: 1020 + i,
        ts: 5000 + 0x90000000 + 160 * i,
      })),
    ];
    const result = run(packets);
    expect(result).toMatchObject({ packets: 40, lost: 0, timestampErrors: 20, maxDeltaMs: 20 });
  });
});

describe('createRtpStreamStats: marker, payload types and clock rates', () => {
  it('leaves marker packets out of delta and jitter figures (talkspurts)', () => {
    const first = steady(10);
    const second = steady(10, { t: 1180, seq: 1010, ts: 5000 + 8 * 1180 }).map((p, i) =>
      i === 0 ? { ...p, marker: true } : p,
    );
    const result = run([...first, ...second]);
    expect(result.maxDeltaMs).toBe(20);
    expect(result.maxJitterMs).toBe(0);
    expect(result.lost).toBe(0);
  });

  it('keeps comfort noise and the packet after it out of the delta figures', () => {
    const speech = steady(10);
    const cn = { t: 200, seq: 1010, ts: 6600, pt: 13 };
    const after = steady(10, { t: 700, seq: 1011, ts: 6600 + 4000 });
    const result = run([...speech, cn, ...after]);
    expect(result.payloadTypes).toEqual([0, 13]);
    expect(result.maxDeltaMs).toBe(20);
    expect(result.lost).toBe(0);
  });

  it('skips the jitter of telephone-event packets but moves the arrival reference', () => {
    // Audio at 0 ms; events (rate unknown, frozen timestamp) at 20, 40, 60; audio at 80 with its
    // timestamp 80 ms on. Wireshark compares with the last event's arrival: D = |80 − (60 + 80)|.
    const clockRateOf = (pt: number) => (pt === 0 ? 8000 : undefined);
    const result = run(
      [
        { t: 0, seq: 1, ts: 0 },
        { t: 20, seq: 2, ts: 160, pt: 101, marker: true },
        { t: 40, seq: 3, ts: 160, pt: 101 },
        { t: 60, seq: 4, ts: 160, pt: 101 },
        { t: 80, seq: 5, ts: 640 },
      ],
      { clockRateOf },
    );
    expect(result.payloadType).toBe(0);
    expect(result.payloadTypes).toEqual([0, 101]);
    expect(result.maxJitterMs).toBe(60 / 16);
    expect(result.maxDeltaMs).toBe(20);
    expect(result.lost).toBe(0);
  });

  it('measures no jitter without a clock rate (dynamic type, no SDP)', () => {
    const result = run(steady(50, { pt: 111 }));
    expect(result).toMatchObject({ hasJitter: false, maxJitterMs: 0, meanJitterMs: 0 });
    expect(result.maxJitterFrame).toBeUndefined();
    expect(result.clockRate).toBeUndefined();
    expect(result.maxDeltaMs).toBe(20);
    expect(run(steady(5, { pt: 111 }), {}, 48000).clockRate).toBe(48000);
  });

  it('uses the clock rate the SDP gives for a dynamic type', () => {
    const packets = Array.from({ length: 50 }, (_, i) => ({
      t: 20 * i + (i === 10 ? 4 : 0),
      seq: i,
      ts: 960 * i,
      pt: 111,
    }));
    const result = run(packets, { clockRateOf: (pt) => (pt === 111 ? 48000 : undefined) });
    expect(result.hasJitter).toBe(true);
    expect(result.clockRate).toBe(48000);
    // 4 ms late at packet 11, then on time: D = 4, 4, 0, … so J peaks at packet 12.
    expect(result.maxJitterMs).toBe((15 * (4 / 16) + 4) / 16);
    expect(result.maxJitterFrame).toBe(12);
  });

  it('divides by ⌊rate / 1000⌋ as Wireshark does (44100 Hz counts as 44)', () => {
    // 882 ticks every 20 ms is exact at 44100 Hz, but Wireshark reads 882 / 44 = 20.045 ms.
    const packets = Array.from({ length: 3 }, (_, i) => ({
      t: 20 * i,
      seq: i,
      ts: 882 * i,
      pt: 11,
    }));
    const d = 882 / 44 - 20;
    const j2 = d / 16;
    expect(run(packets).maxJitterMs).toBeCloseTo((15 * j2 + d) / 16, 12);
  });

  it('lists every payload type seen, ascending, and keeps the first one', () => {
    const packets = [...steady(5, { pt: 8 }), ...steady(5, { t: 100, seq: 1005, ts: 5800, pt: 0 })];
    const result = run(packets);
    expect(result.payloadType).toBe(8);
    expect(result.payloadTypes).toEqual([0, 8]);
  });
});

describe('createRtpStreamStats: series', () => {
  it('buckets packets by second after the first packet', () => {
    const result = run(steady(150));
    expect(result.seriesBucketSec).toBe(1);
    expect(result.series.map((p) => [p.offsetSec, p.packets, p.lost])).toEqual([
      [0, 50, 0],
      [1, 50, 0],
      [2, 50, 0],
    ]);
  });

  it('puts losses in the bucket of the packet after the gap, and keeps the max jitter', () => {
    const packets = steady(150)
      .filter((p) => p.seq < 1060 || p.seq > 1064)
      .map((p) => (p.seq === 1120 ? { ...p, t: p.t + 8 } : p));
    const result = run(packets);
    expect(result.series.map((p) => p.lost)).toEqual([0, 5, 0]);
    expect(result.series.map((p) => p.packets)).toEqual([50, 45, 50]);
    expect(result.series[0]?.jitterMs).toBe(0);
    // 8 ms late, then measured from that late arrival: D = 8, 8, 0 …
    expect(result.series[2]?.jitterMs).toBe((15 * 0.5 + 8) / 16);
    expect(result.series.reduce((sum, p) => sum + p.lost, 0)).toBe(result.lost);
  });

  it('fills silent seconds with empty buckets', () => {
    const packets = [...steady(10), ...steady(10, { t: 3000, seq: 1010, ts: 5000 + 24000 })];
    expect(run(packets).series.map((p) => p.packets)).toEqual([10, 0, 0, 10]);
  });

  it('merges buckets so a long stream stays within 300 points', () => {
    // 20 minutes, one packet a second, every 7th lost.
    const packets = Array.from({ length: 1200 }, (_, i) => ({
      t: 1000 * i,
      seq: i,
      ts: 8000 * i,
    })).filter((p) => p.seq % 7 !== 3);
    const result = run(packets);
    expect(result.seriesBucketSec).toBe(4);
    expect(result.series).toHaveLength(300);
    expect(result.series[1]?.offsetSec).toBe(4);
    expect(result.series.reduce((sum, p) => sum + p.packets, 0)).toBe(result.packets);
    expect(result.series.reduce((sum, p) => sum + p.lost, 0)).toBe(result.lost);
  });
});

describe('createRtpStreamStats: properties', () => {
  /** A stream of n steps: each sent or dropped, arriving 20 ms × i + jitter (< 20 ms keeps order). */
  const streams = fc.record({
    seq0: fc.integer({ min: 0, max: 65535 }),
    ts0: fc.integer({ min: 0, max: 0xffffffff }),
    steps: fc.array(
      fc.record({
        drop: fc.integer({ min: 0, max: 7 }).map((n) => n === 0),
        jitter: fc.double({ min: 0, max: 19.9, noNaN: true }),
      }),
      { minLength: 2, maxLength: 400 },
    ),
    duplicates: fc.array(fc.nat(), { maxLength: 5 }),
  });

  it('counts every packet, never negative loss without duplicates, mean jitter within min–max', () => {
    fc.assert(
      fc.property(streams, ({ seq0, ts0, steps, duplicates }) => {
        const sent: TestPacket[] = [];
        steps.forEach((step, i) => {
          if (!step.drop) sent.push({ t: 20 * i + step.jitter, seq: seq0 + i, ts: ts0 + 160 * i });
        });
        fc.pre(sent.length >= 2);
        const clean = run(sent);
        expect(clean.packets).toBe(sent.length);
        const first = sent[0]!.seq;
        const last = sent.at(-1)!.seq;
        expect(clean.lost).toBe(last - first + 1 - sent.length);
        expect(clean.lost).toBeGreaterThanOrEqual(0);
        expect(clean.series.reduce((sum, p) => sum + p.packets, 0)).toBe(sent.length);
        expect(clean.series.reduce((sum, p) => sum + p.lost, 0)).toBe(clean.lost);
        expect(clean.series.length).toBeLessThanOrEqual(300);
        expect(clean.meanJitterMs).toBeGreaterThanOrEqual(clean.minJitterMs - 1e-9);
        expect(clean.meanJitterMs).toBeLessThanOrEqual(clean.maxJitterMs + 1e-9);
        expect(clean.meanDeltaMs).toBeGreaterThanOrEqual(clean.minDeltaMs - 1e-9);
        expect(clean.meanDeltaMs).toBeLessThanOrEqual(clean.maxDeltaMs + 1e-9);

        // Duplicates right after their original: one more packet each, one less lost each.
        const withDuplicates = [...sent];
        for (const pick of duplicates) {
          const at = pick % (withDuplicates.length - 1);
          const original = withDuplicates[at]!;
          withDuplicates.splice(at + 1, 0, { ...original, t: original.t + 0.001 });
        }
        const duplicated = run(withDuplicates);
        expect(duplicated.packets).toBe(withDuplicates.length);
        expect(duplicated.lost).toBe(clean.lost - duplicates.length);
        expect(duplicated.meanJitterMs).toBeLessThanOrEqual(duplicated.maxJitterMs + 1e-9);
        expect(duplicated.meanJitterMs).toBeGreaterThanOrEqual(duplicated.minJitterMs - 1e-9);
      }),
      { numRuns: 300 },
    );
  });
});
