/**
 * pcapng timestamps: a 64-bit count of interface-specific units (if_tsresol) since the epoch, plus
 * an optional whole-second offset (if_tsoffset). Converted to µs without BigInt: the 64-bit value
 * is divided into seconds and a remainder by long division in base 2^16, so the result is exact for
 * microsecond units and as exact as a double allows for finer ones.
 */

const TWO_POW_32 = 4294967296;
const MICROS = 1_000_000;
/** Largest unit count per second for which the base-2^16 long division stays exact in a double. */
const LONG_DIVISION_LIMIT = 2 ** 36;

/**
 * Units per second for a raw if_tsresol option byte: bit 7 clear means 10^-n seconds, set means
 * 2^-n seconds, with n in the low 7 bits.
 */
export function unitsPerSecond(tsresol: number): number {
  const exponent = tsresol & 0x7f;
  return (tsresol & 0x80) === 0 ? 10 ** exponent : 2 ** exponent;
}

/**
 * µs since the epoch for the 64-bit timestamp `high`·2^32 + `low` counted in units of
 * 1/`perSecond` seconds, shifted by `offsetUs`.
 */
export function timestampUs(
  high: number,
  low: number,
  perSecond: number,
  offsetUs: number,
): number {
  if (perSecond === MICROS) return high * TWO_POW_32 + low + offsetUs;
  if (perSecond > LONG_DIVISION_LIMIT || !Number.isInteger(perSecond)) {
    return ((high * TWO_POW_32 + low) / perSecond) * MICROS + offsetUs;
  }
  // Long division of the four 16-bit digits by perSecond: every intermediate stays below 2^53.
  let current = high >>> 16;
  let quotient = Math.floor(current / perSecond);
  let rest = current - quotient * perSecond;
  current = rest * 65536 + (high & 0xffff);
  let digit = Math.floor(current / perSecond);
  rest = current - digit * perSecond;
  quotient = quotient * 65536 + digit;
  current = rest * 65536 + (low >>> 16);
  digit = Math.floor(current / perSecond);
  rest = current - digit * perSecond;
  quotient = quotient * 65536 + digit;
  current = rest * 65536 + (low & 0xffff);
  digit = Math.floor(current / perSecond);
  rest = current - digit * perSecond;
  quotient = quotient * 65536 + digit;
  return quotient * MICROS + (rest * MICROS) / perSecond + offsetUs;
}
