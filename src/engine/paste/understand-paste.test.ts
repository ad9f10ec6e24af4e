import { describe, expect, expectTypeOf, it } from 'vitest';
import type { CodeReference, SipCode } from '../schema.ts';
import { MAX_PASTE_LENGTH } from './parse-paste.ts';
import { samples, toLf, type SampleName } from './samples.ts';
import { testReference } from './test-reference.ts';
import {
  understandPaste,
  type PasteReference,
  type Understanding,
  type UnderstandingSource,
} from './understand-paste.ts';

const understand = (text: string, reference: PasteReference = testReference) =>
  understandPaste(text, reference);

/** The understanding, which must be ok. */
function ok(text: string, reference?: PasteReference): Extract<Understanding, { ok: true }> {
  const result = understand(text, reference);
  if (!result.ok) throw new Error(`Expected ok for ${JSON.stringify(text)}: ${result.reason}`);
  return result;
}

/** The reason sentence, which must be there. */
function notOk(text: string, reference?: PasteReference): string {
  const result = understand(text, reference);
  if (result.ok) throw new Error(`Expected not ok for ${JSON.stringify(text)}: ${result.code}`);
  return result.reason;
}

const ANSWERED =
  'The call was answered, so the problem came after the answer: no audio, one-way audio or a dropped call.';

describe('understandPaste: the samples', () => {
  it.each<[SampleName, SipCode, UnderstandingSource, number | undefined, SipCode[]]>([
    ['inviteTo503Crlf', 503, 'messages', 34, []],
    ['inviteTo503Lf', 503, 'messages', 34, []],
    ['compactHeaders', 480, 'messages', 19, []],
    ['challengeThenBusy', 486, 'messages', 17, []],
    ['twoReasonHeaders', 480, 'status-line', 19, []],
    ['commaSeparatedReasons', 603, 'status-line', 21, []],
    ['answeredThenBye', 200, 'messages', undefined, []],
    ['networkBlocked', '603+', 'status-line', undefined, []],
    ['rejected608', 608, 'status-line', undefined, []],
    ['asteriskLog', 404, 'messages', 1, []],
    ['timestampedLog', 504, 'messages', 102, []],
    ['jsonEscaped', 503, 'status-line', 34, []],
    ['twoCalls', 503, 'messages', 41, [486]],
    ['cancelled487', 487, 'messages', undefined, []],
    ['byeWithSipReason', 503, 'sip-reason', undefined, []],
    ['foldedReason', 503, 'status-line', 42, []],
    ['sipReasonOnly', 503, 'sip-reason', undefined, []],
    ['stirReasonOnly', 436, 'stir-reason', undefined, []],
    ['q850ReasonOnly', 503, 'q850-typical', 34, []],
  ])('%s → %s from %s, Q.850 %s, others %j', (name, code, source, cause, others) => {
    const result = ok(samples[name]);
    expect(result.code).toBe(code);
    expect(result.source).toBe(source);
    expect(result.q850?.cause).toBe(cause);
    expect(result.others).toEqual(others);
    expect(result.registered).toBe(true);
  });

  it('gives the registered phrase, the Q.850 name and typical SIP code, and the reasons', () => {
    expect(ok(samples.inviteTo503Crlf)).toEqual({
      ok: true,
      code: 503,
      phrase: 'Service Unavailable',
      registered: true,
      source: 'messages',
      q850: { cause: 34, name: 'No circuit/channel available', typicalSip: 503 },
      reasons: [
        {
          protocol: 'Q.850',
          cause: 34,
          text: 'No circuit/channel available',
          raw: 'Q.850;cause=34;text="No circuit/channel available"',
        },
      ],
      others: [],
      notes: [],
    });
  });

  it('ignores an answered 407 challenge', () => {
    const result = ok(samples.challengeThenBusy);
    expect(result.phrase).toBe('Busy Here');
    expect(result.notes).toEqual([]);
  });

  it('keeps every Reason header of the chosen response', () => {
    expect(ok(samples.twoReasonHeaders).reasons.map((r) => r.protocol)).toEqual(['SIP', 'Q.850']);
    expect(ok(samples.commaSeparatedReasons).q850).toEqual({
      cause: 21,
      name: 'Call rejected',
      typicalSip: 403,
    });
  });

  it('says an answered call’s problem is after the answer, and how the BYE ended it', () => {
    expect(ok(samples.answeredThenBye).notes).toEqual([
      'After the answer, a BYE ended the call with Q.850 cause 16 (Normal call clearing): a normal hang-up.',
      ANSWERED,
    ]);
  });

  it('reads “603 Network Blocked” as 603+', () => {
    expect(ok(samples.networkBlocked)).toMatchObject({
      code: '603+',
      phrase: 'Network Blocked',
      registered: true,
    });
    expect(ok(samples.networkBlocked).writtenPhrase).toBeUndefined();
    expect(ok('SIP/2.0 603 network-blocked').code).toBe('603+');
    expect(ok('SIP/2.0 603 Decline').code).toBe(603);
  });

  it('counts the calls and offers the other call’s final', () => {
    expect(ok(samples.twoCalls).notes).toEqual([
      'What you pasted has 2 calls; this is the last one’s final response.',
    ]);
  });

  it('explains a 487', () => {
    expect(ok(samples.cancelled487).notes).toEqual([
      '487 means the caller cancelled before anyone answered: look at why it rang so long, or at the responses before it.',
    ]);
  });

  it('reads a BYE’s SIP reason and says where it came from', () => {
    expect(ok(samples.byeWithSipReason).notes).toEqual([
      'This comes from the Reason header of a BYE.',
    ]);
  });

  it('reads a STIR reason with a note', () => {
    const result = ok(samples.stirReasonOnly);
    expect(result.phrase).toBe('Bad Identity Info');
    expect(result.notes).toEqual([
      'A STIR reason reports a caller-identity (STIR/SHAKEN) problem; the call may still have gone through.',
    ]);
  });

  it('maps a Q.850 cause alone to its typical SIP code, with a note', () => {
    expect(ok(samples.q850ReasonOnly).notes).toEqual([
      'Q.850 cause 34 (No circuit/channel available) typically means SIP 503, but providers differ: if you have the SIP response, paste it.',
    ]);
  });

  it('asks for the responses when only a request was pasted', () => {
    expect(notOk(samples.requestOnly)).toBe(
      'We found an INVITE request but no response to it. Paste the responses that came back: the final one (200 or more) tells what happened.',
    );
  });

  it('asks for the final response when only provisional ones were pasted', () => {
    expect(notOk(samples.provisionalOnly)).toBe(
      'We found only provisional responses (100 Trying, 183 Session Progress), so the call hadn’t ended yet. Paste the final response too: the first one with a code of 200 or more.',
    );
  });

  it('reads the same code from the LF copy of every CRLF sample', () => {
    for (const text of Object.values(samples)) {
      const crlf = understand(text);
      const lf = understand(toLf(text));
      expect(lf.ok && lf.code).toBe(crlf.ok && crlf.code);
    }
  });
});

describe('understandPaste: free text', () => {
  it.each<[string, SipCode, UnderstandingSource, SipCode[]]>([
    ['503', 503, 'code', []],
    [' 503 ', 503, 'code', []],
    ['603+', '603+', 'code', []],
    ['503s', 503, 'code', []],
    ['503+', 503, 'code', []],
    ['we get 503s', 503, 'text', []],
    ['SIP/2.0 608 Rejected', 608, 'status-line', []],
    ['error 480 temporarily unavailable and sometimes 486', 480, 'text', [486]],
    ['503 then 480, then 503 and 486', 503, 'text', [480, 486]],
  ])('%j → %s from %s', (text, code, source, others) => {
    const result = ok(text);
    expect([result.code, result.source, result.others]).toEqual([code, source, others]);
  });

  it.each<[string, number, number]>([
    ['Q.850 cause 34', 34, 503],
    ['cause=21', 21, 403],
    ['hangup cause 17', 17, 486],
  ])('%j → Q.850 %s, typically %s', (text, cause, code) => {
    const result = ok(text);
    expect(result).toMatchObject({ code, source: 'q850-typical', q850: { cause } });
  });

  it('keeps a Q.850 cause mentioned next to a code', () => {
    const result = ok('503 with Q.850 cause 34');
    expect(result).toMatchObject({
      code: 503,
      source: 'text',
      q850: { cause: 34, typicalSip: 503 },
    });
    expect(result.notes).toEqual([]);
  });

  it('says a 1xx code is not how the call ended, and a 200 that the call was answered', () => {
    expect(ok('183').notes).toEqual([
      '183 is a provisional response, not how the call ended: the final response (200 or more) tells what happened.',
    ]);
    expect(ok('200').notes).toEqual([ANSWERED]);
  });

  it.each([
    ['+1 919 555 0100'],
    ['9195550100'],
    ['10:45:03'],
    ['10.0.0.503'],
    ['2026-05-03'],
    ['hello'],
  ])('finds nothing in %j', (text) => {
    expect(notOk(text)).toBe(
      'We couldn’t find a SIP code, a status line (SIP/2.0 …) or a Reason header in what you pasted. Paste the code alone, like 503, or choose one of the symptoms instead.',
    );
  });

  it.each([
    ['999', '999 isn’t a SIP response code: they run from 100 to 699.'],
    ['SIP 700', '700 isn’t a SIP response code: they run from 100 to 699.'],
    ['SIP/2.0 999 Foo', '999 isn’t a SIP response code: they run from 100 to 699.'],
  ])('says %j is out of range', (text, reason) => {
    expect(notOk(text)).toBe(reason);
  });

  it('finds no code in SIP headers pasted without their status line', () => {
    expect(notOk('CSeq: 102 INVITE\r\nContent-Length: 245\r\nExpires: 300')).toMatch(
      /^We couldn’t find a SIP code/,
    );
  });

  it.each([[''], ['   '], ['\r\n\t ']])('asks for a paste when it is empty (%j)', (text) => {
    expect(notOk(text)).toBe(
      'Paste something first: a code like 503, a line from a log, or a whole SIP message.',
    );
  });
});

describe('understandPaste: choosing the response', () => {
  const final = (code: number, phrase: string, callId?: string, method = 'INVITE') =>
    [
      `SIP/2.0 ${code} ${phrase}`,
      ...(callId ? [`Call-ID: ${callId}`] : []),
      `CSeq: 1 ${method}`,
      '',
    ].join('\r\n');

  it('drops a 401 that a later final of the same call follows', () => {
    const result = ok([final(401, 'Unauthorized', 'a'), final(403, 'Forbidden', 'a')].join('\r\n'));
    expect([result.code, result.others]).toEqual([403, []]);
  });

  it('drops a 407 without Call-ID that any later final follows', () => {
    const result = ok([final(407, 'Proxy Authentication Required'), final(480, 'x', 'b')].join(''));
    expect([result.code, result.others]).toEqual([480, []]);
  });

  it('keeps a 407 of another call as an alternative', () => {
    const result = ok(
      [final(407, 'Proxy Authentication Required', 'a'), final(486, 'Busy Here', 'b')].join(''),
    );
    expect([result.code, result.others]).toEqual([486, [407]]);
    expect(result.notes).toEqual([
      'What you pasted has 2 calls; this is the last one’s final response.',
    ]);
  });

  it('says a 407 that ends the paste asks for credentials', () => {
    expect(ok(final(407, 'Proxy Authentication Required', 'a')).notes).toEqual([
      '407 asks the caller for a password, and no retry follows in what you pasted: check the caller’s credentials, or paste the rest of the call.',
    ]);
  });

  it('ignores finals to other methods when the INVITE has one', () => {
    const text = [
      final(200, 'OK', 'a', 'REGISTER'),
      final(503, 'Service Unavailable', 'a'),
      final(200, 'OK', 'a', 'BYE'),
    ];
    expect(ok(text.join('')).code).toBe(503);
  });

  it('uses a failure answering another method, with a note', () => {
    const result = ok(
      [final(401, 'Unauthorized', 'r', 'REGISTER'), final(403, 'Forbidden', 'r', 'REGISTER')].join(
        '',
      ),
    );
    expect([result.code, result.source]).toEqual([403, 'messages']);
    expect(result.notes).toEqual([
      'This answers a REGISTER, not a call’s INVITE; if you have the INVITE’s final response, paste that instead.',
    ]);
  });

  it('asks for the INVITE’s response when only other methods were answered successfully', () => {
    expect(notOk(final(200, 'OK', 'o', 'OPTIONS'))).toBe(
      'We found only responses to OPTIONS, not to a call’s INVITE. Paste the INVITE’s final response: the first one with a code of 200 or more.',
    );
  });

  it('counts several calls and says when the last call has no final', () => {
    const text = [
      final(486, 'Busy Here', 'a'),
      final(503, 'Service Unavailable', 'b'),
      final(180, 'Ringing', 'c'),
    ].join('');
    const result = ok(text);
    expect([result.code, result.others]).toEqual([503, [486]]);
    expect(result.notes).toEqual([
      'What you pasted has 3 calls; this is the last final response among them.',
    ]);
  });

  it('takes Q.850 from loose Reason headers when the response has none', () => {
    const result = ok(
      'SIP/2.0 503 Service Unavailable\r\nContent-Length: 0\r\n\r\nReason: Q.850;cause=41',
    );
    expect([result.code, result.source, result.q850?.cause]).toEqual([503, 'messages', 41]);
  });
});

describe('understandPaste: phrases', () => {
  it('gives an unregistered code its class name', () => {
    expect(ok('SIP/2.0 499 Weird Thing')).toMatchObject({
      code: 499,
      phrase: 'Client failure (not a registered code)',
      registered: false,
      writtenPhrase: 'Weird Thing',
    });
    expect(ok('150').phrase).toBe('Provisional (not a registered code)');
  });

  it('falls back to the RFC 3261 class names when the reference lacks one', () => {
    const reference = { ...testReference, classes: [] };
    expect(ok('599', reference).phrase).toBe('Server failure (not a registered code)');
  });

  it.each<[string, string | undefined]>([
    ['SIP/2.0 503 Service Unavailable', undefined],
    ['SIP/2.0 503 service unavailable.', undefined],
    ['SIP/2.0 503 SERVICE-UNAVAILABLE', undefined],
    ['SIP/2.0 503', undefined],
    ['SIP/2.0 503 Overloaded, try later', 'Overloaded, try later'],
    ['SIP/2.0 436 Bad Identity-Info', undefined],
    ['SIP/2.0 436 Bad Identity Information', 'Bad Identity Information'],
    [
      'SIP/2.0 486 Callee is on another call with somebody important',
      'Callee is on another call with somebody…',
    ],
  ])('%j written phrase: %j', (text, written) => {
    expect(ok(text).writtenPhrase).toBe(written);
  });

  it('takes the text of a SIP reason as the written phrase', () => {
    expect(ok('Reason: SIP;cause=480;text="Callee unreachable"').writtenPhrase).toBe(
      'Callee unreachable',
    );
    expect(ok('Reason: SIP;cause=603;text="Network Blocked"').code).toBe('603+');
  });
});

describe('understandPaste: Reason headers alone', () => {
  it('prefers a SIP reason to a Q.850 one in the same header', () => {
    const result = ok('Reason: Q.850;cause=34, SIP;cause=480');
    expect([result.code, result.source, result.q850?.cause]).toEqual([480, 'sip-reason', 34]);
  });

  it('says Q.850 cause 16 is a normal hang-up', () => {
    const reason =
      'Q.850 cause 16 (Normal call clearing) means the call was ended normally, by a hang-up: it isn’t an error. If a call failed, paste the SIP response that ended it, or just its code, like 503.';
    expect(notOk('Reason: Q.850;cause=16')).toBe(reason);
    expect(notOk('cause 16')).toBe(reason);
    const bye = 'BYE sip:a@192.0.2.1 SIP/2.0\r\nCSeq: 2 BYE\r\nReason: Q.850;cause=16\r\n';
    expect(notOk(bye)).toBe(reason);
  });

  it('says a Q.850 cause that isn’t in the table can’t be mapped', () => {
    expect(notOk('Reason: Q.850;cause=99')).toBe(
      'Q.850 cause 99 isn’t in our table, so we can’t tell the SIP response it stands for. Paste the SIP response (the line starting with SIP/2.0) instead.',
    );
  });

  it('says a Q.850 cause without a typical SIP code can’t be mapped', () => {
    const reference = {
      ...testReference,
      q850: [{ cause: 23, name: 'Redirection to new destination' }],
    };
    expect(notOk('Reason: Q.850;cause=23', reference)).toBe(
      'Q.850 cause 23 (Redirection to new destination) has no typical SIP response. Paste the SIP response (the line starting with SIP/2.0) instead.',
    );
  });

  it('maps the first mappable Q.850 cause', () => {
    const result = ok('Reason: Q.850;cause=99, Q.850;cause=17');
    expect([result.code, result.q850?.cause]).toEqual([486, 17]);
  });

  it('says when a Reason header has a protocol it can’t read', () => {
    expect(notOk('Reason: preemption;cause=1;text="UA Preemption"')).toBe(
      'We found a Reason header, but its PREEMPTION cause isn’t one we can read. Paste the SIP response (the line starting with SIP/2.0) instead.',
    );
  });
});

describe('understandPaste: safety of the sentences', () => {
  it('cuts what it echoes from the paste', () => {
    const method = `X${'Y'.repeat(200)}`;
    const reason = notOk(`${method} sip:a@b SIP/2.0`);
    expect(reason).toContain('XYYYYYYYYYY…');
    expect(reason.length).toBeLessThan(200);
  });

  it('adds a note when the paste was cut', () => {
    const text = `SIP/2.0 503 Service Unavailable\n${'x'.repeat(MAX_PASTE_LENGTH)}`;
    expect(ok(text).notes).toEqual(['Only the first 1,000,000 characters were read.']);
    expect(notOk(`hello${'x'.repeat(MAX_PASTE_LENGTH)}`)).toMatch(
      /Only the first 1,000,000 characters were read\.$/,
    );
  });

  it('cleans control characters and lone surrogates from what it echoes', () => {
    const written = ok('SIP/2.0 499 a\u0000b\uD800c').writtenPhrase;
    expect(written).toBe('a b\uFFFDc');
  });
});

describe('understandPaste: large inputs', () => {
  const size = 1_000_000;
  const lines = (make: (i: number) => string, length: number) =>
    Array.from({ length: Math.floor(size / length) }, (_, i) => make(i)).join('');
  it.each([
    ['challenges', lines((i) => `SIP/2.0 407 x\ni: ${i % 7}\n`, 20), 407],
    ['calls', lines((i) => `SIP/2.0 486 Busy\ni: call-${i}\n`, 30), 486],
    ['provisional phrases', lines((i) => `SIP/2.0 199 p${i}\n`, 20), undefined],
    ['text codes', lines((i) => `${100 + (i % 600)} `, 4), 100],
    [
      'BYEs with reasons',
      lines((i) => `BYE sip:a@b SIP/2.0\nReason: SIP;cause=${100 + (i % 600)}\n`, 50),
      100,
    ],
  ])('answers on 1 MB of %s', (_name, text, code) => {
    const result = understand(text);
    expect(result.ok ? result.code : undefined).toBe(code);
  });
});

describe('PasteReference', () => {
  it('accepts the full code reference of the content', () => {
    expectTypeOf<CodeReference>().toExtend<PasteReference>();
  });
});

describe('understandPaste: switch cause names', () => {
  const read = (text: string) => understandPaste(text, testReference);

  it('reads a FreeSWITCH hangup line by its cause name, as a typical mapping', () => {
    const result = read(
      '2026-11-24 10:00:01.123456 [NOTICE] sofia.c:1090 Hangup sofia/external/+15551234567@192.0.2.10 [CS_CONSUME_MEDIA] [NORMAL_TEMPORARY_FAILURE]',
    );
    expect(result).toMatchObject({
      ok: true,
      code: 503,
      source: 'q850-typical',
      q850: { cause: 41 },
    });
  });

  it('reads an Asterisk cause constant', () => {
    expect(read('hangup: AST_CAUSE_NORMAL_CIRCUIT_CONGESTION')).toMatchObject({
      ok: true,
      code: 503,
      q850: { cause: 34 },
    });
  });

  it('says a normal clearing is not an error, and ignores names it does not know', () => {
    const clearing = read('[NORMAL_CLEARING]');
    expect(clearing.ok).toBe(false);
    expect(!clearing.ok && clearing.reason).toContain('Normal call clearing');
    expect(read('MEDIA_TIMEOUT_SOMETHING').ok).toBe(false);
  });

  it('lets a SIP code in the same text win over a cause name', () => {
    expect(read('SIP/2.0 480 Temporarily Unavailable [NORMAL_TEMPORARY_FAILURE]')).toMatchObject({
      ok: true,
      code: 480,
    });
  });
});
