import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isComfortNoise, looksLikeRtp, readRtpHeader, staticClockRate } from './rtp.ts';

/** An RTP packet: header fields, optional CSRCs/extension words, payload and padding. */
function packet(
  options: {
    version?: number;
    marker?: boolean;
    pt?: number;
    seq?: number;
    ts?: number;
    ssrc?: number;
    csrcs?: number;
    extensionWords?: number;
    payload?: number;
    padding?: number;
  } = {},
): Uint8Array {
  const csrcs = options.csrcs ?? 0;
  const ext = options.extensionWords;
  const padding = options.padding ?? 0;
  const headerLength = 12 + 4 * csrcs + (ext === undefined ? 0 : 4 + 4 * ext);
  const bytes = new Uint8Array(headerLength + (options.payload ?? 160) + padding);
  const view = new DataView(bytes.buffer);
  bytes[0] =
    ((options.version ?? 2) << 6) |
    (padding > 0 ? 0x20 : 0) |
    (ext === undefined ? 0 : 0x10) |
    csrcs;
  bytes[1] = (options.marker === true ? 0x80 : 0) | (options.pt ?? 0);
  view.setUint16(2, options.seq ?? 1);
  view.setUint32(4, options.ts ?? 0);
  view.setUint32(8, options.ssrc ?? 0x11223344);
  if (ext !== undefined) view.setUint16(12 + 4 * csrcs + 2, ext);
  if (padding > 0) bytes[bytes.length - 1] = padding;
  return bytes;
}

describe('readRtpHeader', () => {
  it('reads the fixed header, with timestamp and SSRC as unsigned numbers', () => {
    const header = readRtpHeader(
      packet({ marker: true, pt: 8, seq: 65535, ts: 0xfffffff0, ssrc: 0xca110000 }),
    );
    expect(header).toEqual({
      padding: false,
      extension: false,
      csrcCount: 0,
      marker: true,
      payloadType: 8,
      sequence: 65535,
      timestamp: 0xfffffff0,
      ssrc: 0xca110000,
      headerLength: 12,
      payloadLength: 160,
    });
  });

  it('skips the CSRC list and the extension by its length', () => {
    const header = readRtpHeader(packet({ csrcs: 2, extensionWords: 3, payload: 20 }));
    expect(header?.csrcCount).toBe(2);
    expect(header?.extension).toBe(true);
    expect(header?.headerLength).toBe(12 + 8 + 4 + 12);
    expect(header?.payloadLength).toBe(20);
  });

  it('leaves the padding out of the payload length', () => {
    const header = readRtpHeader(packet({ payload: 20, padding: 4 }));
    expect(header?.padding).toBe(true);
    expect(header?.payloadLength).toBe(20);
  });

  it('tolerates a padding count that does not fit (Wireshark still counts the packet)', () => {
    const bytes = packet({ payload: 3, padding: 1 });
    bytes[bytes.length - 1] = 200;
    expect(readRtpHeader(bytes)?.payloadLength).toBe(4);
  });

  it('rejects other versions and packets shorter than the header', () => {
    expect(readRtpHeader(packet({ version: 1 }))).toBeUndefined();
    expect(readRtpHeader(packet({ version: 0 }))).toBeUndefined();
    expect(readRtpHeader(packet().subarray(0, 11))).toBeUndefined();
    expect(readRtpHeader(packet({ payload: 0 }))).toBeDefined();
  });

  it('rejects a CSRC list or an extension that does not fit', () => {
    expect(readRtpHeader(packet({ csrcs: 15, payload: 0 }).subarray(0, 40))).toBeUndefined();
    expect(
      readRtpHeader(packet({ extensionWords: 2, payload: 0 }).subarray(0, 20)),
    ).toBeUndefined();
    const noExtensionHeader = packet({ payload: 0 });
    noExtensionHeader[0] = 0x90;
    expect(readRtpHeader(noExtensionHeader)).toBeUndefined();
  });

  it.each([200, 201, 202, 203, 204, 205, 206, 192, 223])(
    'rejects RTCP-looking second byte %i (marker + PT 64–95)',
    (second) => {
      const bytes = packet();
      bytes[1] = second;
      expect(readRtpHeader(bytes)).toBeUndefined();
    },
  );

  it('keeps payload types 64–95 without the marker, and 96–127 with it', () => {
    expect(readRtpHeader(packet({ pt: 72 }))?.payloadType).toBe(72);
    expect(readRtpHeader(packet({ pt: 101, marker: true }))?.payloadType).toBe(101);
  });
});

describe('looksLikeRtp', () => {
  it('accepts static audio and dynamic payload types', () => {
    for (const pt of [0, 3, 8, 9, 13, 18, 34, 96, 101, 127]) {
      expect(looksLikeRtp(packet({ pt })), `pt ${pt}`).toBe(true);
    }
  });

  it('refuses unassigned payload types 35–95', () => {
    for (const pt of [35, 64, 72, 95]) expect(looksLikeRtp(packet({ pt })), `pt ${pt}`).toBe(false);
  });

  it('refuses RTCP, other versions, short packets and text', () => {
    const rtcp = packet();
    rtcp[1] = 200;
    expect(looksLikeRtp(rtcp)).toBe(false);
    expect(looksLikeRtp(packet({ version: 3 }))).toBe(false);
    expect(looksLikeRtp(new Uint8Array(8).fill(0x80))).toBe(false);
    expect(looksLikeRtp(new TextEncoder().encode('INVITE sip:bob@example.com SIP/2.0\r\n'))).toBe(
      false,
    );
  });

  it('wants a padding count that fits', () => {
    expect(looksLikeRtp(packet({ payload: 10, padding: 2 }))).toBe(true);
    const zero = packet({ payload: 10, padding: 2 });
    zero[zero.length - 1] = 0;
    expect(looksLikeRtp(zero)).toBe(false);
    const tooMuch = packet({ payload: 10, padding: 2 });
    tooMuch[tooMuch.length - 1] = 13;
    expect(looksLikeRtp(tooMuch)).toBe(false);
  });
});

describe('staticClockRate', () => {
  it('follows RFC 3551, with G722 at an 8000 Hz RTP clock', () => {
    expect(staticClockRate(0)).toBe(8000);
    expect(staticClockRate(3)).toBe(8000);
    expect(staticClockRate(4)).toBe(8000);
    expect(staticClockRate(8)).toBe(8000);
    expect(staticClockRate(9)).toBe(8000);
    expect(staticClockRate(6)).toBe(16000);
    expect(staticClockRate(10)).toBe(44100);
    expect(staticClockRate(18)).toBe(8000);
    expect(staticClockRate(26)).toBe(90000);
  });

  it('knows no rate for unassigned and dynamic types', () => {
    for (const pt of [20, 24, 27, 35, 95, 96, 101, 127])
      expect(staticClockRate(pt)).toBeUndefined();
  });

  it('tells comfort noise apart', () => {
    expect([13, 19, 0, 101].map(isComfortNoise)).toEqual([true, true, false, false]);
  });
});

describe('RTP readers on any bytes', () => {
  it('never throw, and a header read always fits inside the packet', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const header = readRtpHeader(bytes);
        if (header) {
          expect(header.headerLength + header.payloadLength).toBeLessThanOrEqual(bytes.length);
          expect(header.payloadType).toBeLessThan(128);
        }
        // Whatever the heuristic says, it says it only of what the reader can read.
        if (looksLikeRtp(bytes)) expect(header).toBeDefined();
      }),
      { numRuns: 2000 },
    );
  });
});
