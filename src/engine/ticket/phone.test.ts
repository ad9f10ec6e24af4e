import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePhoneNumber } from './phone.ts';

describe('parsePhoneNumber', () => {
  it.each([
    ['(919) 555-0100', 'US', '+19195550100', 'US', '+1 919 555 0100'],
    ['919-555-0101', 'US', '+19195550101', 'US', '+1 919 555 0101'],
    ['919.555.0101', 'US', '+19195550101', 'US', '+1 919 555 0101'],
    ['  +1 919 555 0100  ', 'DE', '+19195550100', 'US', '+1 919 555 0100'],
    ['+44 20 7946 0958', 'US', '+442079460958', 'GB', '+44 20 7946 0958'],
    ['0044 20 7946 0958', 'US', '+442079460958', 'GB', '+44 20 7946 0958'],
    ['030 901820', 'DE', '+4930901820', 'DE', '+49 30 901820'],
    ['030 901820', 'de', '+4930901820', 'DE', '+49 30 901820'],
    ['+1 919 555 0100', 'not-a-country', '+19195550100', 'US', '+1 919 555 0100'],
  ])('reads %j (country %s) as %s', (text, country, e164, numberCountry, display) => {
    expect(parsePhoneNumber(text, country)).toEqual({
      ok: true,
      value: { e164, country: numberCountry, display },
    });
  });

  it('leaves the country out for non-geographic numbers', () => {
    expect(parsePhoneNumber('+800 1234 5678', 'US')).toEqual({
      ok: true,
      value: { e164: '+80012345678', display: '+800 1234 5678' },
    });
  });

  it.each([
    ['', 'US', 'Enter a phone number, like +1 919 555 0100.'],
    ['   ', 'US', 'Enter a phone number, like +1 919 555 0100.'],
    [
      '1-800-FLOWERS',
      'US',
      'Phone numbers are digits only, so remove “FLOWERS” or replace the letters with their keypad digits.',
    ],
    ['919 555 0100 x123', 'US', 'Leave the extension “x123” out and enter only the phone number.'],
    [
      '919-555-0100 ext. 12',
      'US',
      'Leave the extension “ext. 12” out and enter only the phone number.',
    ],
    [
      '919 555',
      'US',
      '“919 555” is too short for United States numbers; check the digits or start with + and the country code.',
    ],
    [
      '919 555 0100 1234',
      'US',
      '“919 555 0100 1234” is too long for United States numbers; check the digits or start with + and the country code.',
    ],
    [
      '+44 20 7946 0958 123456789',
      'US',
      '“+44 20 7946 0958 12…” is too long for United Kingdom numbers; check the digits.',
    ],
    ['+999 123 4567', 'US', '“+999” is not a country code; check the digits after the +.'],
    [
      '123 456 7890',
      'US',
      '“123 456 7890” is not a valid United States number; check the digits, or start with + and the country code if it is from another country.',
    ],
    [
      '+1 123 456 7890',
      'DE',
      '“+1 123 456 7890” is not a valid United States number; check the digits.',
    ],
    ['919 555 0100', '', 'Start the number with + and the country code, like +1 919 555 0100.'],
    [
      '919*555*0100',
      'US',
      '“*” can’t be part of a phone number; use only digits, spaces and dashes, with + before the country code.',
    ],
    ['1+919', 'US', 'Put the + only at the very start of the number, like +1 919 555 0100.'],
    [
      '---',
      'US',
      '“---” doesn’t look like a phone number; enter it with its country code, like +1 919 555 0100.',
    ],
    [
      '9'.repeat(101),
      'US',
      'That is too long to be a phone number; enter one number per row, like +1 919 555 0100.',
    ],
  ])('rejects %j (country %s)', (text, country, message) => {
    expect(parsePhoneNumber(text, country)).toEqual({ ok: false, message });
  });

  /** Mostly valid numbers, so the round trip has plenty to work on. */
  const likelyValid = fc.oneof(
    fc.stringMatching(/^\+1 919 [2-9]\d{2} \d{4}$/),
    fc.stringMatching(/^\(919\) [2-9]\d{2}-\d{4}$/),
    fc.stringMatching(/^\+44 20 [378]\d{3} \d{4}$/),
    fc.stringMatching(/^0044 7[4-9]\d{2} \d{6}$/),
    fc.stringMatching(/^\+49 30 \d{8}$/),
    fc.stringMatching(/^\+91 9\d{9}$/),
  );
  const anyText = fc.oneof(
    likelyValid,
    fc.string(),
    fc.string({ unit: 'grapheme' }),
    fc.string({ unit: 'binary' }),
    fc.stringMatching(/^\+?(00)?[\d ()./-]{0,20}$/),
    fc.stringMatching(/^\+?\d{1,3}[ -]?\d{3}[ -]?\d{3,4}[ -]?\d{0,4}( ?x\d{1,4})?$/),
  );
  const countries = fc.constantFrom('US', 'GB', 'DE', 'IN', 'FR', 'JP', 'BR', '', 'ZZ', 'us');

  it('turns any text into an E.164 number or a message, and never throws', () => {
    fc.assert(
      fc.property(anyText, countries, (text, country) => {
        const result = parsePhoneNumber(text, country);
        if (result.ok) {
          expect(result.value.e164).toMatch(/^\+\d{7,15}$/);
          expect(result.value.display.startsWith('+')).toBe(true);
        } else {
          expect(result.message.trim()).not.toBe('');
          expect(result.message).toMatch(/[.]$/);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('reads back the E.164 form of every number it accepts', () => {
    fc.assert(
      fc.property(anyText, countries, countries, (text, country, other) => {
        const result = parsePhoneNumber(text, country);
        if (!result.ok) return;
        expect(parsePhoneNumber(result.value.e164, other)).toEqual(result);
        expect(parsePhoneNumber(result.value.display, other)).toEqual(result);
      }),
      { numRuns: 500 },
    );
  });
});
