import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ipv6Bytes } from '../test-support/capture-writer.ts';
import { formatIpv4, formatIpv6, formatIpv6Groups } from './address.ts';

function format6(bytes: Uint8Array): string {
  return formatIpv6(new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength), 0);
}

describe('formatIpv4', () => {
  it('writes dotted decimal, the same again from its cache', () => {
    expect(formatIpv4(0xc000_0201)).toBe('192.0.2.1');
    expect(formatIpv4(0xc000_0201)).toBe('192.0.2.1');
    expect(formatIpv4(0)).toBe('0.0.0.0');
    expect(formatIpv4(0xffff_ffff)).toBe('255.255.255.255');
  });

  it('stays right past the cache size', () => {
    for (let i = 0; i < 10_000; i += 7) {
      expect(formatIpv4(0x0a00_0000 + i)).toBe(`10.0.${i >> 8}.${i & 0xff}`);
    }
  });
});

describe('formatIpv6 (RFC 5952)', () => {
  it.each([
    ['2001:db8:0:0:0:0:2:1', '2001:db8::2:1'],
    ['2001:db8:0:1:1:1:1:1', '2001:db8:0:1:1:1:1:1'],
    ['2001:0:0:1:0:0:0:1', '2001:0:0:1::1'],
    ['2001:db8:0:0:1:0:0:1', '2001:db8::1:0:0:1'],
    ['0:0:0:0:0:0:0:1', '::1'],
    ['1:0:0:0:0:0:0:0', '1::'],
    ['fe80:0:0:0:0:0:0:0', 'fe80::'],
    ['0:0:0:0:0:0:0:0', '::'],
    ['2001:DB8:AAAA:BBBB:CCCC:DDDD:EEEE:FFFF', '2001:db8:aaaa:bbbb:cccc:dddd:eeee:ffff'],
    ['::ffff:10.1.2.3', '::ffff:10.1.2.3'],
  ])('writes %s as %s', (input, expected) => {
    expect(format6(ipv6Bytes(input))).toBe(expected);
  });

  it('agrees with the WHATWG URL serializer and reads back to the same bytes', () => {
    const group = fc.oneof(fc.constant(0), fc.constant(0), fc.integer({ min: 0, max: 0xffff }));
    fc.assert(
      fc.property(fc.array(group, { minLength: 8, maxLength: 8 }), (groups) => {
        fc.pre(!(groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff));
        const text = formatIpv6Groups(groups);
        expect(new URL(`http://[${text}]/`).hostname).toBe(`[${text}]`);
        const bytes = ipv6Bytes(text);
        expect(format6(bytes)).toBe(text);
      }),
      { numRuns: 500 },
    );
  });
});

describe('the IPv6 cache', () => {
  it('never returns another address’s text', () => {
    fc.assert(
      fc.property(
        fc.array(fc.uint8Array({ minLength: 16, maxLength: 16 }), { maxLength: 200 }),
        (addresses) => {
          for (const bytes of [...addresses, ...addresses]) {
            const groups = Array.from(
              { length: 8 },
              (_, i) => ((bytes[i * 2] ?? 0) << 8) | (bytes[i * 2 + 1] ?? 0),
            );
            expect(format6(bytes)).toBe(formatIpv6Groups(groups));
          }
        },
      ),
      { numRuns: 50 },
    );
  });
});
