import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SipCode } from '../schema.ts';
import { readPaste } from './parse-paste.ts';
import { samples, toCr, toCrlf, toLf, type SampleName } from './samples.ts';
import { sentences } from './sentences.ts';
import { testReference } from './test-reference.ts';
import { understandPaste, type Understanding } from './understand-paste.ts';

/** Runs per property, named so a reviewer can report them. */
const RUNS = {
  arbitraryBinary: 2000,
  arbitraryGraphemes: 2000,
  arbitraryCodeUnits: 2000,
  sipFragments: 2000,
  mutatedSamples: 1000,
  mixedLineEnds: 1000,
  statusLines: 1000,
  bareCodes: 500,
} as const;

const sampleNames = Object.keys(samples) as SampleName[];

/** Sentences are short: they echo at most a few cut pieces of the paste. */
const MAX_SENTENCE = 400;
/** Pieces of the paste in the answer (a written phrase, a Reason header) are cut to this. */
const MAX_SHOWN = 60;

/**
 * The invariant: ok with a code in 100–699 (or 603+) and a phrase, or not ok with a reason;
 * never the “something went wrong” fallback, which would mean a bug was caught.
 */
function expectWellFormed(result: Understanding): void {
  if (result.ok) {
    const { code } = result;
    expect(code === '603+' || (Number.isInteger(code) && code >= 100 && code <= 699)).toBe(true);
    expect(result.phrase.trim()).not.toBe('');
    expect(result.others).not.toContain(code);
    expect(['setup', 'answered', 'dropped']).toContain(result.phase);
    const shown = [result.writtenPhrase ?? ''];
    for (const reason of result.reasons) shown.push(reason.protocol, reason.raw, reason.text ?? '');
    for (const piece of shown) {
      expect(Array.from(piece).length).toBeLessThanOrEqual(MAX_SHOWN);
      expect(piece).not.toMatch(/[\p{Cc}\p{Cf}]/u);
    }
    for (const note of result.notes) {
      expect(note.trim()).not.toBe('');
      expect(note.length).toBeLessThan(MAX_SENTENCE);
    }
  } else {
    expect(result.reason.trim()).not.toBe('');
    expect(result.reason).not.toBe(sentences.unexpected);
    expect(result.reason.length).toBeLessThan(MAX_SENTENCE);
  }
}

function check(text: string): void {
  readPaste(text); // Throws only on a bug: parsePaste would hide it behind its safety net.
  expectWellFormed(understandPaste(text, testReference));
}

/** Text built from pieces of SIP messages, Reason headers and log lines. */
const sipFragments = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        'SIP/2.0 ',
        'sip/2.0 ',
        'Reason:',
        'Reason: ',
        ';cause=',
        'Q.850',
        'SIP;cause=',
        'STIR;cause=',
        'text="',
        '\\"',
        '"',
        ',',
        ';',
        '\r\n',
        '\n',
        '\r',
        '\\r\\n',
        ' ',
        '\t',
        '+',
        's',
        'INVITE sip:a@b SIP/2.0',
        'BYE sip:a@b SIP/2.0',
        'CANCEL sip:a@b SIP/2.0',
        'NOTIFY sip:a@b SIP/2.0',
        'CSeq: 1 INVITE',
        'CSeq: 2 INVITE',
        'CSeq: 2 REGISTER',
        'CSeq: 3 UPDATE',
        'CSeq: 4 BYE',
        'c: message/sipfrag',
        'SIP\\/2.0 ',
        'hangup_cause_q850=',
        ' calls',
        '::',
        'Call-ID: ',
        'i: ',
        'Content-Length: ',
        'l: ',
        'Content-Type: message/sipfrag',
        'cause ',
        'q850 ',
        'Network Blocked',
        '\u0000',
        '\uD800',
      ),
      fc.integer({ min: 0, max: 999 }).map(String),
      fc.string({ unit: 'binary', maxLength: 3 }),
    ),
    { maxLength: 80, size: 'large' },
  )
  .map((parts) => parts.join(''));

describe('understandPaste never throws and always answers (property)', () => {
  it(`on arbitrary binary strings (${RUNS.arbitraryBinary} runs)`, () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 400, size: 'large' }), check), {
      numRuns: RUNS.arbitraryBinary,
    });
  });

  it(`on arbitrary grapheme strings (${RUNS.arbitraryGraphemes} runs)`, () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme-composite', maxLength: 200, size: 'large' }), check),
      {
        numRuns: RUNS.arbitraryGraphemes,
      },
    );
  });

  it(`on arbitrary UTF-16 code units, lone surrogates included (${RUNS.arbitraryCodeUnits} runs)`, () => {
    const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((unit) => String.fromCharCode(unit));
    fc.assert(fc.property(fc.string({ unit: codeUnit, maxLength: 400, size: 'large' }), check), {
      numRuns: RUNS.arbitraryCodeUnits,
    });
  });

  it(`on SIP-ish fragments (${RUNS.sipFragments} runs)`, () => {
    fc.assert(fc.property(sipFragments, check), { numRuns: RUNS.sipFragments });
  });
});

type Mutation =
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'duplicate'; at: number; length: number }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'line-ends'; to: '\n' | '\r\n' | '\r' }
  | { kind: 'truncate'; at: number }
  | { kind: 'header-case'; which: number; upper: boolean };

const position = fc.nat({ max: 100_000 });
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({
    kind: fc.constant('delete' as const),
    at: position,
    length: fc.nat({ max: 300 }),
  }),
  fc.record({
    kind: fc.constant('duplicate' as const),
    at: position,
    length: fc.nat({ max: 300 }),
  }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: position,
    text: fc.oneof(fc.string({ unit: 'binary', maxLength: 12 }), sipFragments),
  }),
  fc.record({
    kind: fc.constant('line-ends' as const),
    to: fc.constantFrom<'\n' | '\r\n' | '\r'>('\n', '\r\n', '\r'),
  }),
  fc.record({ kind: fc.constant('truncate' as const), at: position }),
  fc.record({
    kind: fc.constant('header-case' as const),
    which: fc.nat(),
    upper: fc.boolean(),
  }),
);

const HEADER_NAME = /^[A-Za-z-]+(?=[ \t]*:)/gm;

function mutate(text: string, change: Mutation): string {
  switch (change.kind) {
    case 'delete': {
      const at = change.at % (text.length + 1);
      return text.slice(0, at) + text.slice(at + change.length);
    }
    case 'duplicate': {
      const at = change.at % (text.length + 1);
      return text.slice(0, at + change.length) + text.slice(at);
    }
    case 'insert': {
      const at = change.at % (text.length + 1);
      return text.slice(0, at) + change.text + text.slice(at);
    }
    case 'line-ends':
      return toLf(text).replace(/\n/g, change.to);
    case 'truncate':
      return text.slice(0, change.at % (text.length + 1));
    case 'header-case': {
      const names = [...text.matchAll(HEADER_NAME)];
      const match = names[change.which % Math.max(1, names.length)];
      if (!match) return text;
      const name = change.upper ? match[0].toUpperCase() : match[0].toLowerCase();
      return text.slice(0, match.index) + name + text.slice(match.index + match[0].length);
    }
  }
}

describe('understandPaste on mutated samples (property)', () => {
  it(`never throws and always answers (${RUNS.mutatedSamples} runs)`, () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...sampleNames),
        fc.array(mutation, { minLength: 1, maxLength: 5 }),
        (name, changes) => {
          check(changes.reduce(mutate, samples[name]));
        },
      ),
      { numRuns: RUNS.mutatedSamples },
    );
  });
});

/** The code and Q.850 cause (or the reason), what line ends must not change. */
function essence(text: string): string {
  const result = understandPaste(text, testReference);
  return result.ok ? `${String(result.code)}, Q.850 ${String(result.q850?.cause)}` : result.reason;
}

describe('line ends don’t change what is understood (metamorphic)', () => {
  it.each(sampleNames)('%s reads the same with LF, CRLF and CR line ends', (name) => {
    const expected = essence(samples[name]);
    expect(essence(toLf(samples[name]))).toEqual(expected);
    expect(essence(toCrlf(samples[name]))).toEqual(expected);
    expect(essence(toCr(samples[name]))).toEqual(expected);
  });

  it(`reads the same with a different line end on every line (${RUNS.mixedLineEnds} runs)`, () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...sampleNames),
        fc.array(fc.constantFrom('\n', '\r\n', '\r'), { minLength: 1, maxLength: 200 }),
        (name, ends) => {
          const lines = toLf(samples[name]).split('\n');
          let previous = '';
          const text = lines
            .map((line, i) => {
              if (i === lines.length - 1) return line;
              // A CR, an empty line and an LF would make one CRLF: keep CR runs together.
              let end = ends[i % ends.length] ?? '\n';
              if (line === '' && previous === '\r' && end !== '\r') end = '\r';
              previous = end;
              return `${line}${end}`;
            })
            .join('');
          expect(essence(text)).toEqual(essence(samples[name]));
        },
      ),
      { numRuns: RUNS.mixedLineEnds },
    );
  });
});

describe('status lines give back their code (property)', () => {
  /** A 1xx alone is not how a call ended: the answer names it and asks for the final one. */
  function expectCode(result: Understanding, code: SipCode, phrase: string): void {
    if (typeof code === 'number' && code < 200) {
      expect(result).toMatchObject({ ok: false });
      expect(result.ok ? '' : result.reason).toContain(`(${code} ${phrase})`);
    } else {
      expect(result).toMatchObject({ ok: true, code });
    }
  }

  it.each(testReference.codes.map((entry) => [entry.code, entry.phrase] as const))(
    'SIP/2.0 %s %s',
    (code, phrase) => {
      const written = code === '603+' ? 603 : code;
      const text = `SIP/2.0 ${written} ${phrase}`;
      expect(readPaste(text).responses.map((r) => [r.code, r.phrase])).toEqual([[written, phrase]]);
      const result = understandPaste(text, testReference);
      expectCode(result, code, phrase);
      if (result.ok) expect(result).toMatchObject({ phrase, source: 'status-line' });
    },
  );

  it(`any code 100–699 with any phrase, after any log prefix (${RUNS.statusLines} runs)`, () => {
    const phrase = fc.stringMatching(/^[A-Za-z][A-Za-z ,.'-]{0,30}$/);
    const prefix = fc.constantFrom('', '  ', '<-- ', '10:45:03.120 ', 'recv from 192.0.2.1:5060: ');
    fc.assert(
      fc.property(fc.integer({ min: 100, max: 699 }), phrase, prefix, (code, words, before) => {
        const text = `${before}SIP/2.0 ${code} ${words}`;
        expect(readPaste(text).responses.map((r) => r.code)).toEqual([code]);
        const blocked = code === 603 && /network[\s_-]*blocked/i.test(words);
        const result = understandPaste(text, testReference);
        if (code < 200) expect(result.ok).toBe(false);
        else expect(result).toMatchObject({ ok: true, code: blocked ? '603+' : code });
      }),
      { numRuns: RUNS.statusLines },
    );
  });

  it(`a bare code gives back that code (${RUNS.bareCodes} runs)`, () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 100, max: 699 }),
        fc.constantFrom('', 's', '+'),
        (code, end) => {
          const result = understandPaste(` ${code}${end}\n`, testReference);
          const expected = code === 603 && end === '+' ? '603+' : code;
          expect(result).toMatchObject({ ok: true, code: expected, source: 'code' });
        },
      ),
      { numRuns: RUNS.bareCodes },
    );
  });
});
