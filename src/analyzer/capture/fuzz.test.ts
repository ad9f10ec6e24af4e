import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { concatBytes } from '../test-support/capture-writer.ts';
import { samplePcap, samplePcapng } from '../test-support/capture-samples.ts';
import type { ReadResult } from '../test-support/read-capture.ts';
import { digestOf, readCapture } from '../test-support/read-capture.ts';

// The reader must survive anything: it either throws AnalyzerError (readCapture catches that into
// `error` and rethrows anything else, which fails the property) or returns normally; and it never
// hangs (the test timeout guards that).

/** Things that hold whatever the input. */
function checkInvariants(result: ReadResult): void {
  for (const datagram of result.datagrams) {
    expect(datagram.frame).toBeGreaterThanOrEqual(1);
    expect(datagram.frame).toBeLessThanOrEqual(result.frames);
    expect(datagram.payload.length).toBeLessThanOrEqual(65535);
  }
  for (const warning of result.warnings) expect(warning.message).toMatch(/\.$/);
}

type Mutation =
  | { kind: 'byte'; at: number; value: number }
  | { kind: 'word'; at: number; value: number; little: boolean }
  | { kind: 'cut'; at: number }
  | { kind: 'splice'; at: number; remove: number; insert: Uint8Array };

/** 32-bit values that tend to find length-handling bugs. */
const interestingWord = fc.oneof(
  fc.constantFrom(0, 1, 3, 4, 8, 11, 12, 13, 16, 28, 32, 0xffff, 0x10000, 0x7fff_ffff, 0xffff_ffff),
  fc.nat(),
);

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('byte' as const), at: fc.nat(), value: fc.nat({ max: 255 }) }),
  fc.record({
    kind: fc.constant('word' as const),
    at: fc.nat(),
    value: interestingWord,
    little: fc.boolean(),
  }),
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant('splice' as const),
    at: fc.nat(),
    remove: fc.nat({ max: 64 }),
    insert: fc.uint8Array({ maxLength: 64 }),
  }),
);

function mutate(bytes: Uint8Array, change: Mutation): Uint8Array {
  if (bytes.length === 0) return bytes;
  const at = change.at % bytes.length;
  switch (change.kind) {
    case 'byte': {
      const out = bytes.slice();
      out[at] = change.value;
      return out;
    }
    case 'word': {
      const out = bytes.slice();
      const start = Math.min(at, Math.max(0, out.length - 4));
      if (out.length >= 4) new DataView(out.buffer).setUint32(start, change.value, change.little);
      return out;
    }
    case 'cut':
      return bytes.subarray(0, at);
    case 'splice':
      return concatBytes(bytes.subarray(0, at), change.insert, bytes.subarray(at + change.remove));
  }
}

const samples = [
  ['pcap', samplePcap()],
  ['pcapng', samplePcapng()],
] as const;

describe('fuzzing', () => {
  it('survives random bytes', () => {
    const prefix = fc.constantFrom(
      new Uint8Array(0),
      Uint8Array.of(0xd4, 0xc3, 0xb2, 0xa1),
      Uint8Array.of(0xa1, 0xb2, 0x3c, 0x4d),
      Uint8Array.of(0x0a, 0x0d, 0x0d, 0x0a),
    );
    fc.assert(
      fc.property(prefix, fc.uint8Array({ maxLength: 600 }), (start, rest) => {
        checkInvariants(readCapture(concatBytes(start, rest)));
      }),
      { numRuns: 1000 },
    );
  });

  it.each(samples)('survives mutations of a valid %s, streamed or whole alike', (_name, file) => {
    fc.assert(
      fc.property(
        fc.array(mutation, { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 1, max: 700 }),
        (changes, chunk) => {
          const damaged = changes.reduce(mutate, file);
          const whole = readCapture(damaged);
          checkInvariants(whole);
          expect(digestOf(readCapture(damaged, chunk))).toStrictEqual(digestOf(whole));
        },
      ),
      { numRuns: 500 },
    );
  });

  it.each(samples)('survives a valid %s spliced into itself', (_name, file) => {
    fc.assert(
      fc.property(fc.nat(), fc.nat(), fc.nat(), (at, from, length) => {
        const start = at % file.length;
        const piece = file.subarray(from % file.length, (from % file.length) + (length % 2000));
        checkInvariants(
          readCapture(concatBytes(file.subarray(0, start), piece, file.subarray(start))),
        );
      }),
      { numRuns: 300 },
    );
  });
});
