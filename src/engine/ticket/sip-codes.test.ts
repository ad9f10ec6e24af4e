import fc from 'fast-check';
import content from 'virtual:content';
import { describe, expect, it } from 'vitest';
import type { Codes, SipCode } from '../schema.ts';
import { describeCode, parseSipCodes } from './sip-codes.ts';

const small: Codes = {
  classes: [
    { class: 1, name: 'Provisional' },
    { class: 2, name: 'Success' },
    { class: 3, name: 'Redirection' },
    { class: 4, name: 'Client failure' },
    { class: 5, name: 'Server failure' },
    { class: 6, name: 'Global failure' },
  ],
  codes: [
    { code: 180, phrase: 'Ringing' },
    { code: 200, phrase: 'OK' },
    { code: 480, phrase: 'Temporarily Unavailable' },
    { code: 486, phrase: 'Busy Here' },
    { code: 503, phrase: 'Service Unavailable' },
    { code: 603, phrase: 'Decline' },
    { code: '603+', phrase: 'Network Blocked' },
  ],
};

const codesOf = (text: string, table = small) =>
  parseSipCodes(text, table).values.map((v) => v.code);

describe('describeCode', () => {
  it.each<[SipCode, ReturnType<typeof describeCode>]>([
    [503, { code: 503, phrase: 'Service Unavailable', known: true, class: 5 }],
    [603, { code: 603, phrase: 'Decline', known: true, class: 6 }],
    ['603+', { code: '603+', phrase: 'Network Blocked', known: true, class: 6 }],
    [499, { code: 499, phrase: 'Client failure (not a registered code)', known: false, class: 4 }],
    [150, { code: 150, phrase: 'Provisional (not a registered code)', known: false, class: 1 }],
  ])('describes %s', (code, expected) => {
    expect(describeCode(code, small)).toEqual(expected);
  });

  it('uses the registered phrases of the real table', () => {
    expect(describeCode(480, content.codes).phrase).toBe('Temporarily Unavailable');
    expect(describeCode('603+', content.codes).phrase).toBe('Network Blocked');
    expect(describeCode(599, content.codes)).toEqual({
      code: 599,
      phrase: 'Server failure (not a registered code)',
      known: false,
      class: 5,
    });
  });
});

describe('parseSipCodes', () => {
  it.each<[string, SipCode[]]>([
    ['', []],
    ['  \n ', []],
    ['503', [503]],
    ['503, 480', [503, 480]],
    ['503; 480\n486\r\n603+', [503, 480, 486, '603+']],
    ['503 480', [503, 480]],
    ['503/480 486', [503, 480, 486]],
    ['503 Service Unavailable', [503]],
    ['SIP/2.0 503 Service Unavailable', [503]],
    ['sip/2.0 486 Busy Here, SIP/2.0 480', [486, 480]],
    ['480 486 Busy Here', [480, 486]],
    ['503: Service Unavailable', [503]],
    ['(503)', [503]],
    ['503, 480, 503', [503, 480]],
    ['603 603+', [603, '603+']],
    ['SIP/2.0 603 Network Blocked', ['603+']],
    ['503, -, ', [503]],
  ])('reads %j', (text, codes) => {
    const result = parseSipCodes(text, small);
    expect(result.values.map((v) => v.code)).toEqual(codes);
    expect(result.problems).toEqual([]);
  });

  it.each([
    [
      'abc',
      '“abc” is not a SIP code: SIP codes are three digits, like 503, and error text goes in the error messages field.',
    ],
    [
      'Service Unavailable for all calls',
      '“Service Unavailable…” is not a SIP code: SIP codes are three digits, like 503, and error text goes in the error messages field.',
    ],
    ['5033', '“5033” is not a SIP code: SIP codes have three digits, like 503.'],
    ['50', '“50” is not a SIP code: SIP codes have three digits, like 503.'],
    ['099', '“099” is not a SIP code: SIP codes run from 100 to 699.'],
    ['700', '“700” is not a SIP code: SIP codes run from 100 to 699.'],
    ['999', '“999” is not a SIP code: SIP codes run from 100 to 699.'],
    ['503+', '“503+” is not a SIP code: only 603+ has a plus, so write 503.'],
  ])('reports %j', (text, problem) => {
    const result = parseSipCodes(`486, ${text}`, small);
    expect(result.problems).toEqual([problem]);
    expect(result.values.map((v) => v.code)).toEqual([486]);
  });

  it('reports a repeated problem once', () => {
    expect(parseSipCodes('700, 700', small).problems).toHaveLength(1);
  });

  it('notes 1xx and 2xx codes, which are not failures', () => {
    expect(parseSipCodes('180, 486, 200, 150', small).notes).toEqual([
      '180 Ringing is not a failure; add the final response that ended the call too.',
      '200 OK is not a failure; add the final response that ended the call too.',
      '150 is not a failure; add the final response that ended the call too.',
    ]);
    expect(parseSipCodes('486, 603+', small).notes).toEqual([]);
  });

  it('works with the real codes table', () => {
    const result = parseSipCodes('SIP/2.0 503 Service Unavailable, 480, 499', content.codes);
    expect(result.values).toEqual([
      { code: 503, phrase: 'Service Unavailable', known: true, class: 5 },
      { code: 480, phrase: 'Temporarily Unavailable', known: true, class: 4 },
      { code: 499, phrase: 'Client failure (not a registered code)', known: false, class: 4 },
    ]);
    expect(codesOf('603+ 604', content.codes)).toEqual(['603+', 604]);
  });

  const validCode = fc.oneof(
    fc.integer({ min: 100, max: 699 }).map((n): SipCode => n),
    fc.constant<SipCode>('603+'),
  );

  it('turns any text into codes, problems and notes, and never throws', () => {
    const anyText = fc.oneof(
      fc.string(),
      fc.string({ unit: 'grapheme' }),
      fc.stringMatching(/^(SIP\/2\.0 )?[\d+ ,;/\n]{0,20}( [A-Za-z ]{0,10})?$/),
    );
    fc.assert(
      fc.property(anyText, fc.constantFrom(small, content.codes), (text, table) => {
        const result = parseSipCodes(text, table);
        for (const value of result.values) {
          expect(value.class).toBeGreaterThanOrEqual(1);
          expect(value.class).toBeLessThanOrEqual(6);
          expect(value.phrase).not.toBe('');
        }
        for (const message of [...result.problems, ...result.notes]) {
          expect(message.trim()).not.toBe('');
        }
      }),
      { numRuns: 500 },
    );
  });

  it('reads back any list of valid codes, each once, in first-seen order', () => {
    fc.assert(
      fc.property(fc.array(validCode, { maxLength: 12 }), (codes) => {
        const result = parseSipCodes(codes.join(', '), content.codes);
        expect(result.values.map((v) => v.code)).toEqual([...new Set(codes)]);
        expect(result.problems).toEqual([]);
      }),
    );
  });
});
