/**
 * RTP fixed header reading (RFC 3550 §5.1) and the static payload type table (RFC 3551 §6).
 * Pure functions over bytes: no DOM, no Node.
 */

/** The parts of an RTP header the analyzer uses. */
export interface RtpHeader {
  /** Padding bit (P): the last payload byte says how many bytes of padding end the packet. */
  padding: boolean;
  /** Extension bit (X): a header extension follows the CSRC list. */
  extension: boolean;
  /** Number of CSRC identifiers (CC), 0–15. */
  csrcCount: number;
  /** Marker bit (M): for audio, the first packet of a talkspurt. */
  marker: boolean;
  /** Payload type, 0–127. */
  payloadType: number;
  /** Sequence number, 0–65535 (wraps). */
  sequence: number;
  /** RTP timestamp as an unsigned 32-bit number, 0–4294967295 (wraps). */
  timestamp: number;
  /** Synchronization source as an unsigned 32-bit number. */
  ssrc: number;
  /** Bytes before the payload: 12 + 4 × CSRC count + the extension, if any. */
  headerLength: number;
  /** Payload bytes, without the padding (0 when the padding count is out of range). */
  payloadLength: number;
}

/** Smallest RTP packet: the fixed header. */
const FIXED_HEADER = 12;

/**
 * A second byte of 192–223 is marker + payload type 64–95: the range RTCP packet types
 * (SR 200, RR 201, SDES 202, BYE 203, APP 204, and feedback 205/206) fall in when read as RTP,
 * which RFC 5761 §4 keeps free so that RTP and RTCP can share a port. Wireshark hands these to
 * its RTCP dissector too.
 */
function isRtcpByte(second: number): boolean {
  return second >= 192 && second <= 223;
}

/** Offset of the payload, or -1 when the CSRC list or the extension does not fit. */
function payloadOffset(payload: Uint8Array, csrcCount: number, extension: boolean): number {
  let offset = FIXED_HEADER + 4 * csrcCount;
  if (offset > payload.length) return -1;
  if (extension) {
    if (offset + 4 > payload.length) return -1;
    const words = ((payload[offset + 2] ?? 0) << 8) | (payload[offset + 3] ?? 0);
    offset += 4 + 4 * words;
    if (offset > payload.length) return -1;
  }
  return offset;
}

/**
 * Padding bytes at the end of the packet: the last byte's value when P is set and that value fits
 * after the header (1 to the bytes left), else -1. Without P, 0.
 */
function paddingLength(payload: Uint8Array, headerLength: number, padding: boolean): number {
  if (!padding) return 0;
  const count = payload[payload.length - 1] ?? 0;
  return count >= 1 && count <= payload.length - headerLength ? count : -1;
}

/**
 * Reads the RTP header of a UDP payload. Undefined when it is not RTP version 2, looks like RTCP
 * (second byte 192–223: marker with payload type 64–95, where SR/RR/SDES/BYE/APP 200–204 land),
 * or the header (with its CSRC list and extension) does not fit. A padding count that does not fit
 * is tolerated (payloadLength then keeps the padding), as Wireshark still counts such packets.
 */
export function readRtpHeader(payload: Uint8Array): RtpHeader | undefined {
  if (payload.length < FIXED_HEADER) return undefined;
  const first = payload[0] ?? 0;
  const second = payload[1] ?? 0;
  if (first >> 6 !== 2 || isRtcpByte(second)) return undefined;
  const padding = (first & 0x20) !== 0;
  const extension = (first & 0x10) !== 0;
  const csrcCount = first & 0x0f;
  const headerLength = payloadOffset(payload, csrcCount, extension);
  if (headerLength < 0) return undefined;
  const pad = paddingLength(payload, headerLength, padding);
  return {
    padding,
    extension,
    csrcCount,
    marker: (second & 0x80) !== 0,
    payloadType: second & 0x7f,
    sequence: ((payload[2] ?? 0) << 8) | (payload[3] ?? 0),
    timestamp: readUint32(payload, 4),
    ssrc: readUint32(payload, 8),
    headerLength,
    payloadLength: payload.length - headerLength - Math.max(pad, 0),
  };
}

/** Big-endian unsigned 32-bit number at offset (the caller checked the bounds). */
function readUint32(bytes: Uint8Array, offset: number): number {
  return (
    (bytes[offset] ?? 0) * 0x1000000 +
    (((bytes[offset + 1] ?? 0) << 16) | ((bytes[offset + 2] ?? 0) << 8) | (bytes[offset + 3] ?? 0))
  );
}

/** Static audio payload types worth guessing on (RFC 3551 table 4, 0–34, with the gaps kept). */
function isGuessablePayloadType(pt: number): boolean {
  return pt <= 34 || (pt >= 96 && pt <= 127);
}

/**
 * A stricter test for UDP that no SDP announced: RTP version 2, not RTCP, at least the fixed
 * header, a payload type in the static range 0–34 or the dynamic range 96–127, a CSRC list and
 * extension that fit, and, when P is set, a padding count that fits. One packet passing proves
 * little: callers should also want several packets with the same SSRC and rising sequence numbers.
 */
export function looksLikeRtp(payload: Uint8Array): boolean {
  const header = readRtpHeader(payload);
  if (header === undefined || !isGuessablePayloadType(header.payloadType)) return false;
  return paddingLength(payload, header.headerLength, header.padding) >= 0;
}

/**
 * RTP clock rates of the static payload types (RFC 3551 tables 4 and 5, as in Wireshark's
 * `clock_map`). G722 (9) runs an 8000 Hz RTP clock although it samples at 16 kHz (RFC 3551 §4.5.2).
 */
const STATIC_CLOCK_RATES: ReadonlyMap<number, number> = new Map([
  [0, 8000], // PCMU
  [1, 8000], // 1016 (reserved since)
  [2, 8000], // G721 (reserved since)
  [3, 8000], // GSM
  [4, 8000], // G723
  [5, 8000], // DVI4/8000
  [6, 16000], // DVI4/16000
  [7, 8000], // LPC
  [8, 8000], // PCMA
  [9, 8000], // G722
  [10, 44100], // L16 stereo
  [11, 44100], // L16 mono
  [12, 8000], // QCELP
  [13, 8000], // CN
  [14, 90000], // MPA
  [15, 8000], // G728
  [16, 11025], // DVI4/11025
  [17, 22050], // DVI4/22050
  [18, 8000], // G729
  [19, 8000], // CN (old, reserved since)
  [25, 90000], // CelB
  [26, 90000], // JPEG
  [28, 90000], // nv
  [31, 90000], // H261
  [32, 90000], // MPV
  [33, 90000], // MP2T
  [34, 90000], // H263
]);

/**
 * The RTP clock rate (Hz) of a static payload type, or undefined for dynamic (96–127) and
 * unassigned types, whose rate only the SDP's a=rtpmap gives.
 */
export function staticClockRate(payloadType: number): number | undefined {
  return STATIC_CLOCK_RATES.get(payloadType);
}

/** Comfort noise (13, and the old 19): Wireshark leaves these out of the delta and jitter figures. */
export function isComfortNoise(payloadType: number): boolean {
  return payloadType === 13 || payloadType === 19;
}
