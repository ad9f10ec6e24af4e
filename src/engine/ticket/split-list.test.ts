import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitList } from './split-list.ts';

describe('splitList', () => {
  it.each([
    ['+1 919 555 0100, 919-555-0101', ['+1 919 555 0100', '919-555-0101']],
    ['a;b\nc\r\nd\re', ['a', 'b', 'c', 'd', 'e']],
    ['  one  ,, ;\n\n two ', ['one', 'two']],
    ['2026-11-24 14:05\n2026-11-24 14:07', ['2026-11-24 14:05', '2026-11-24 14:07']],
    ['', []],
    [' \n ,; ', []],
  ])('splits %j', (text, expected) => {
    expect(splitList(text)).toEqual(expected);
  });

  it('returns trimmed, non-empty entries free of separators, and never throws', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        for (const entry of splitList(text)) {
          expect(entry).toBe(entry.trim());
          expect(entry).not.toBe('');
          expect(entry).not.toMatch(/[,;\r\n]/);
        }
      }),
    );
  });

  it('gives back the entries it was given, joined with any separator', () => {
    const entry = fc
      .string({ minLength: 1 })
      .map((s) => s.replace(/[,;\r\n]/g, '').trim())
      .filter((s) => s !== '');
    const separator = fc.constantFrom(', ', ';', '\n', '\r\n', '\r', ' ,\n ');
    fc.assert(
      fc.property(fc.array(entry), separator, (entries, sep) => {
        expect(splitList(entries.join(sep))).toEqual(entries);
      }),
    );
  });
});
