import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { timestampUs, unitsPerSecond } from './timestamp.ts';

function split(units: bigint): [number, number] {
  return [Number(units >> 32n), Number(units & 0xffff_ffffn)];
}

function gcd(a: bigint, b: bigint): bigint {
  return b === 0n ? a : gcd(b, a % b);
}

describe('unitsPerSecond', () => {
  it('reads powers of ten and (bit 7 set) powers of two', () => {
    expect(unitsPerSecond(6)).toBe(1_000_000);
    expect(unitsPerSecond(9)).toBe(1_000_000_000);
    expect(unitsPerSecond(0)).toBe(1);
    expect(unitsPerSecond(0x80 | 10)).toBe(1024);
    expect(unitsPerSecond(0x80)).toBe(1);
  });
});

describe('timestampUs', () => {
  it('is exact for microsecond units', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 2n ** 53n - 1n }), (units) => {
        const [high, low] = split(units);
        expect(timestampUs(high, low, 1_000_000, 0)).toBe(Number(units));
      }),
    );
  });

  it('is exact whenever the time is a whole number of µs, for 10^-n and 2^-n units', () => {
    const perSecond = fc.oneof(
      fc.integer({ min: 0, max: 9 }).map((n) => 10n ** BigInt(n)),
      fc.integer({ min: 0, max: 32 }).map((n) => 2n ** BigInt(n)),
    );
    fc.assert(
      fc.property(
        perSecond,
        fc.bigInt({ min: 0n, max: 2n ** 32n }),
        fc.nat(),
        (per, seconds, pick) => {
          // Whole µs that are also whole units: multiples of 10^6 / gcd(10^6, per).
          const step = 1_000_000n / gcd(1_000_000n, per);
          const micros = (BigInt(pick) % (1_000_000n / step)) * step;
          const units = seconds * per + (micros * per) / 1_000_000n;
          // A pcapng timestamp is 64 bits: 2^32 s at 2^-32 s resolution doesn't fit.
          fc.pre(units < 2n ** 64n);
          const [high, low] = split(units);
          expect(timestampUs(high, low, Number(per), 0)).toBe(
            Number(seconds * 1_000_000n + micros),
          );
        },
      ),
      { numRuns: 500 },
    );
  });

  it('keeps nanoseconds to within the precision of a double', () => {
    const units = 1_700_000_000_123_456_789n;
    const [high, low] = split(units);
    const time = timestampUs(high, low, 1e9, 0);
    // The nearest double to …456.789 µs is …456.75 (doubles are 0.25 µs apart here).
    expect(Math.floor(time)).toBe(1_700_000_000_123_456);
    expect(time % 1).toBe(0.75);
  });

  it('adds the offset and handles very fine units', () => {
    expect(timestampUs(0, 1, 1_000_000, 5)).toBe(6);
    const [high, low] = split(10n ** 18n);
    expect(timestampUs(high, low, 1e12, 0)).toBe(1e12);
  });
});
