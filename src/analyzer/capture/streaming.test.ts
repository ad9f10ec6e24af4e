import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { samplePcap, samplePcapng, T0 } from '../test-support/capture-samples.ts';
import { digestOf, readCapture, textOf } from '../test-support/read-capture.ts';

const files = [
  ['pcap', samplePcap()],
  ['pcapng', samplePcapng()],
] as const;

/** Random piece sizes (with at least one above 0), as chunked() takes them. */
const splits = fc
  .array(fc.oneof(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 1, max: 5000 })), {
    minLength: 1,
    maxLength: 30,
  })
  .filter((sizes) => sizes.some((size) => size > 0));

describe.each(files)('streaming a %s', (_name, file) => {
  const whole = readCapture(file);
  const wholeDigest = digestOf(whole);

  it('reads the sample as expected when pushed whole', () => {
    expect(whole.error).toBeUndefined();
    expect(whole.warnings).toEqual([]);
    const payloads = whole.datagrams.map((datagram) => textOf(datagram.payload).slice(0, 7));
    expect(payloads.slice(0, 6)).toEqual([
      'OPTIONS',
      'INVITE ',
      'BYE sip',
      'INVITE ',
      'ACK sip',
      '',
    ]);
    expect(whole.datagrams.map((datagram) => datagram.frame).slice(0, 6)).toEqual([
      1, 5, 8, 10, 11, 12,
    ]);
  });

  it('gives identical output for every chunk size from 1 to 17 bytes', () => {
    for (let size = 1; size <= 17; size++) {
      expect(digestOf(readCapture(file, size))).toStrictEqual(wholeDigest);
    }
  });

  it('gives identical output for random splits', () => {
    fc.assert(
      fc.property(splits, (sizes) => {
        expect(digestOf(readCapture(file, sizes))).toStrictEqual(wholeDigest);
      }),
      { numRuns: 200 },
    );
  });

  it('gives identical output for random splits of a cut-short file', () => {
    fc.assert(
      fc.property(fc.nat({ max: file.length }), splits, (cut, sizes) => {
        const short = file.subarray(0, cut);
        expect(digestOf(readCapture(short, sizes))).toStrictEqual(digestOf(readCapture(short)));
      }),
      { numRuns: 200 },
    );
  });
});

it('keeps pcapng times for every interface and section', () => {
  const result = readCapture(samplePcapng());
  expect(result.datagrams.slice(-4).map((datagram) => datagram.timeUs)).toEqual([
    T0 + 50_000.5,
    T0 + 50_000.5,
    T0 + 2_000_000,
    T0 + 2_500_000,
  ]);
});
