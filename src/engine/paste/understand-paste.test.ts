import { describe, expect, expectTypeOf, it } from 'vitest';
import type { CodeReference, SipCode } from '../schema.ts';
import { MAX_PASTE_LENGTH, parsePaste } from './parse-paste.ts';
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

type Phase = Extract<Understanding, { ok: true }>['phase'];

describe('understandPaste: the samples', () => {
  it.each<[SampleName, SipCode, UnderstandingSource, number | undefined, SipCode[], Phase]>([
    ['inviteTo503Crlf', 503, 'messages', 34, [], 'setup'],
    ['inviteTo503Lf', 503, 'messages', 34, [], 'setup'],
    ['compactHeaders', 480, 'messages', 19, [], 'setup'],
    ['challengeThenBusy', 486, 'messages', 17, [], 'setup'],
    ['twoReasonHeaders', 480, 'status-line', 19, [], 'setup'],
    ['commaSeparatedReasons', 603, 'status-line', 21, [], 'setup'],
    ['answeredThenBye', 200, 'messages', undefined, [], 'answered'],
    ['networkBlocked', '603+', 'status-line', undefined, [], 'setup'],
    ['rejected608', 608, 'status-line', undefined, [], 'setup'],
    ['asteriskLog', 404, 'messages', 1, [], 'setup'],
    ['timestampedLog', 504, 'messages', 102, [], 'setup'],
    ['jsonEscaped', 503, 'status-line', 34, [], 'setup'],
    ['twoCalls', 503, 'messages', 41, [486], 'setup'],
    ['cancelled487', 487, 'messages', undefined, [], 'setup'],
    ['byeWithSipReason', 503, 'sip-reason', undefined, [], 'dropped'],
    ['foldedReason', 503, 'status-line', 42, [], 'setup'],
    ['sipReasonOnly', 503, 'sip-reason', undefined, [], 'setup'],
    ['stirReasonOnly', 436, 'stir-reason', undefined, [], 'setup'],
    ['q850ReasonOnly', 503, 'q850-typical', 34, [], 'setup'],
    ['asteriskChallengeLog', 503, 'text', undefined, [401], 'setup'],
    ['freeswitchStateLog', 480, 'text', undefined, [183], 'setup'],
    ['sngrepFlow', 503, 'text', undefined, [100, 183], 'setup'],
    ['reInviteRejected', 200, 'messages', undefined, [488], 'answered'],
    ['refreshLost481', 481, 'messages', undefined, [200], 'dropped'],
    ['byeRtpTimeout', 503, 'sip-reason', undefined, [200], 'dropped'],
    ['transferNotify', 200, 'messages', undefined, [], 'answered'],
    ['failedThenAnswered', 503, 'messages', 34, [200], 'setup'],
    ['optionsAndCall', 503, 'messages', 34, [], 'setup'],
    ['phpJsonEscaped', 503, 'status-line', 34, [], 'setup'],
  ])(
    '%s → %s from %s, Q.850 %s, others %j, phase %s',
    (name, code, source, cause, others, phase) => {
      const result = ok(samples[name]);
      expect(result.code).toBe(code);
      expect(result.source).toBe(source);
      expect(result.q850?.cause).toBe(cause);
      expect(result.others).toEqual(others);
      expect(result.registered).toBe(true);
      expect(result.phase).toBe(phase);
    },
  );

  it('gives the registered phrase, the Q.850 name and typical SIP code, and the reasons', () => {
    expect(ok(samples.inviteTo503Crlf)).toEqual({
      ok: true,
      code: 503,
      phrase: 'Service Unavailable',
      registered: true,
      source: 'messages',
      phase: 'setup',
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

  it('reads a BYE’s SIP reason as a call that was answered and then dropped', () => {
    expect(ok(samples.byeWithSipReason).notes).toEqual([
      'The call was answered and then ended by the other side, with a BYE giving SIP cause 503 (“Service Unavailable”).',
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

  it('reads the end of a paste that is too long, with a note', () => {
    const text = `SIP/2.0 486 Busy Here\n${'x'.repeat(MAX_PASTE_LENGTH)}\nSIP/2.0 503 Service Unavailable`;
    expect(ok(text)).toMatchObject({ code: 503, others: [] });
    expect(ok(text).notes).toEqual(['Only the last 1,000,000 characters were read.']);
    expect(notOk(`hello${'x'.repeat(MAX_PASTE_LENGTH)}`)).toMatch(
      /Only the last 1,000,000 characters were read\.$/,
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
    // One line of codes: prose, so the first failure.
    ['text codes', lines((i) => `${100 + (i % 600)} `, 4), 300],
    ['text codes on lines', lines((i) => `${100 + (i % 600)}\n`, 4), 499],
    [
      'answered calls with BYEs',
      lines(
        (i) =>
          `SIP/2.0 200 OK\ni: c${i}\nCSeq: 1 INVITE\n\nBYE sip:a@b SIP/2.0\ni: c${i}\nReason: Q.850;cause=16\n\n`,
        90,
      ),
      200,
    ],
    [
      're-INVITE failures',
      lines(
        (i) =>
          `SIP/2.0 200 OK\ni: c${i}\nCSeq: 1 INVITE\n\nSIP/2.0 488 x\ni: c${i}\nCSeq: 2 INVITE\n`,
        80, // Under 1 MB: cut, the first call would keep its 488 but lose its 200.
      ),
      200,
    ],
    [
      'finals without CSeq',
      lines((i) => `SIP/2.0 200 OK\ni: c${i}\n\nSIP/2.0 488 x\ni: c${i}\n`, 45),
      488,
    ],
    ['CANCELs', lines(() => `CANCEL sip:a@b SIP/2.0\nReason: Q.850;cause=16\n\n`, 45), undefined],
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

describe('understandPaste: free text with several codes', () => {
  it.each<[string, SipCode, SipCode[]]>([
    ['We placed 200 calls and 30 failed with 503', 503, []],
    ['we send 100 cps and get 503', 503, []],
    ['We have 300 concurrent channels, getting 486 busy', 486, []],
    ['we got 407 and then 403 Forbidden', 403, [407]],
    ['we get 401 Unauthorized on every call', 401, []],
    ['183 then 200 OK', 183, [200]],
    ['first 480, then 503 after the retry', 480, [503]],
    ['we see 180 Ringing, then 486 Busy Here', 486, [180]],
    ['Got 503 then a 401', 503, [401]],
  ])('reads prose %j as %s (the first failure)', (text, code, others) => {
    const result = ok(text);
    expect([result.code, result.source, result.others]).toEqual([code, 'text', others]);
  });

  it.each<[string, SipCode]>([
    ['INVITE sent\n<- 100 Trying\n<- 183 Session Progress\n<- 503 Service Unavailable', 503],
    ['got 480\nretried\ngot 503\nretried\ngot 480', 480],
    ['401 Unauthorized\n401 Unauthorized\n403 Forbidden\n', 403],
    ['100 Trying\n407 Proxy Authentication Required', 407],
    ['100 Trying\n180 Ringing\n200 OK', 100],
  ])('reads a log %j as %s (the last failure)', (text, code) => {
    expect(ok(text).code).toBe(code);
  });

  it('reads a FreeSWITCH log’s Q.850 cause variable as a typical mapping', () => {
    const log = [
      '2026-05-03 10:45:33.390790 [NOTICE] sofia.c:1090 Hangup sofia/external/+525555550123@203.0.113.20',
      'variable_hangup_cause: [USER_BUSY]',
      'variable_hangup_cause_q850: [17]',
    ].join('\n');
    expect(ok(log)).toMatchObject({ code: 486, source: 'q850-typical', q850: { cause: 17 } });
    expect(ok('HANGUPCAUSE=34')).toMatchObject({ code: 503, q850: { cause: 34 } });
  });
});

describe('understandPaste: what happened after the answer', () => {
  const CALL = 'Call-ID: 5d1f@192.0.2.10';
  const response = (status: string, cseq: string, ...headers: string[]) =>
    [status, CALL, `CSeq: ${cseq}`, ...headers, 'Content-Length: 0', '', ''].join('\r\n');
  const request = (line: string, cseq: string, ...headers: string[]) =>
    [line, CALL, `CSeq: ${cseq}`, ...headers, 'Content-Length: 0', '', ''].join('\r\n');
  const answered = [
    request('INVITE sip:+19195550170@carrier.example SIP/2.0', '1 INVITE'),
    response('SIP/2.0 200 OK', '1 INVITE'),
    request('ACK sip:203.0.113.20:5060 SIP/2.0', '1 ACK'),
  ];
  const paste = (...messages: string[]) => [...answered, ...messages].join('');

  it('says a failed re-INVITE left the call up', () => {
    const result = ok(samples.reInviteRejected);
    expect(result).toMatchObject({ code: 200, phase: 'answered', others: [488] });
    expect(result.notes).toEqual([
      'A later re-INVITE got 488 Not Acceptable Here; the call stayed up, but the change it asked for (hold, a codec switch) failed.',
      ANSWERED,
    ]);
  });

  it('says a failed UPDATE left the call up', () => {
    const result = ok(
      paste(
        request('UPDATE sip:203.0.113.20:5060 SIP/2.0', '2 UPDATE'),
        response('SIP/2.0 491 Request Pending', '2 UPDATE'),
      ),
    );
    expect(result).toMatchObject({ code: 200, phase: 'answered', others: [491] });
    expect(result.notes[0]).toBe(
      'A later UPDATE got 491 Request Pending; the call stayed up, but the change it asked for (hold, a codec switch) failed.',
    );
  });

  it('ignores a re-INVITE challenge that was answered', () => {
    const result = ok(
      paste(
        response('SIP/2.0 407 Proxy Authentication Required', '2 INVITE'),
        response('SIP/2.0 200 OK', '3 INVITE'),
      ),
    );
    expect(result).toMatchObject({ code: 200, phase: 'answered', others: [] });
    expect(result.notes).toEqual([ANSWERED]);
  });

  it('reads a failure of the first INVITE’s CSeq after the 200 as another fork’s, not a change', () => {
    const result = ok(paste(response('SIP/2.0 486 Busy Here', '1 INVITE')));
    expect(result).toMatchObject({ code: 200, phase: 'answered', others: [486] });
    expect(result.notes).toEqual([ANSWERED]);
  });

  it('keeps the last final when a later failure has no CSeq to compare', () => {
    expect(ok(`SIP/2.0 200 OK\r\n\r\nSIP/2.0 488 Not Acceptable Here\r\n`)).toMatchObject({
      code: 488,
      phase: 'setup',
    });
  });

  it('says the call was lost when a re-INVITE got 481', () => {
    const result = ok(samples.refreshLost481);
    expect(result).toMatchObject({ code: 481, phase: 'dropped', source: 'messages' });
    expect(result.notes).toEqual([
      'The call was answered and then lost: a later re-INVITE got 481 Call/Transaction Does Not Exist, so the other side no longer knew the call.',
    ]);
  });

  it.each([
    ['UPDATE', '408 Request Timeout', 408, 'stopped answering'],
    ['BYE', '481 Call/Transaction Does Not Exist', 481, 'no longer knew the call'],
    ['INVITE', '408 Request Timeout', 408, 'stopped answering'],
  ])('says the call was lost when a %s got %s', (method, status, code, words) => {
    const cseq = `5 ${method}`;
    const result = ok(paste(response(`SIP/2.0 ${status}`, cseq)));
    expect(result).toMatchObject({ code, phase: 'dropped' });
    expect(result.notes[0]).toContain(words);
  });

  it('says a BYE with an error reason ended an answered call', () => {
    const result = ok(samples.byeRtpTimeout);
    expect(result).toMatchObject({
      code: 503,
      phase: 'dropped',
      source: 'sip-reason',
      writtenPhrase: 'RTP timeout',
      others: [200],
    });
    expect(result.notes).toEqual([
      'The call was answered and then ended by the other side, with a BYE giving SIP cause 503 (“RTP timeout”).',
    ]);
  });

  it('maps a BYE’s Q.850 cause other than 16 to its typical code', () => {
    const bye = request(
      'BYE sip:+19195550100@192.0.2.10 SIP/2.0',
      '9 BYE',
      'Reason: Q.850;cause=41',
    );
    for (const text of [paste(bye), bye]) {
      const result = ok(text);
      expect(result).toMatchObject({
        code: 503,
        phase: 'dropped',
        source: 'q850-typical',
        q850: { cause: 41 },
      });
      expect(result.notes).toContain(
        'The call was answered and then ended by the other side, with a BYE giving Q.850 cause 41 (Temporary failure).',
      );
    }
  });

  it('keeps a BYE with Q.850 cause 16 a normal hang-up', () => {
    const bye = request('BYE sip:a@192.0.2.1 SIP/2.0', '9 BYE', 'Reason: Q.850;cause=16');
    expect(ok(paste(bye))).toMatchObject({ code: 200, phase: 'answered' });
  });

  it('prefers a failed re-INVITE to the BYE that followed it', () => {
    const result = ok(
      paste(
        response('SIP/2.0 488 Not Acceptable Here', '2 INVITE'),
        request('BYE sip:a@192.0.2.1 SIP/2.0', '3 BYE', 'Reason: SIP;cause=488'),
      ),
    );
    expect(result).toMatchObject({ code: 200, phase: 'answered', others: [488] });
  });

  it('says the phase of a code alone', () => {
    expect(ok('200').phase).toBe('answered');
    expect(ok('503').phase).toBe('setup');
    expect(ok('Reason: SIP;cause=480').phase).toBe('setup');
  });
});

describe('understandPaste: cancelled calls', () => {
  it('says another phone answered when the CANCEL says “Call completed elsewhere”', () => {
    expect(notOk(samples.completedElsewhere)).toBe(
      'The CANCEL says “Call completed elsewhere”: another phone answered the call, so nothing failed. If a call did fail, paste its final response, or just its code, like 503.',
    );
    const cancelOnly = [
      'CANCEL sip:+525555550123@trunk.example.net SIP/2.0',
      'CSeq: 102 CANCEL',
      'Reason: SIP ;cause=200 ;text="Call completed elsewhere"',
    ].join('\r\n');
    expect(notOk(cancelOnly)).toMatch(/another phone answered/);
  });

  it('says the caller gave up when a CANCEL has no final response after it', () => {
    const reason = notOk(samples.cancelNoFinal);
    expect(reason).toBe(
      'The caller gave up (a CANCEL) before the call was answered, and no final response follows in what you pasted. If one came back, paste it too: the final response (200 or more) tells what happened.',
    );
    expect(reason).not.toMatch(/hang-up/);
    expect(notOk('CANCEL sip:a@192.0.2.1 SIP/2.0\r\nCSeq: 1 CANCEL\r\n')).toBe(reason);
  });

  it('keeps explaining the 487 of a call the caller cancelled', () => {
    expect(ok(samples.cancelled487)).toMatchObject({ code: 487, phase: 'setup' });
  });
});

describe('understandPaste: several calls', () => {
  it('prefers the call that failed to a later one that was answered', () => {
    expect(ok(samples.failedThenAnswered).notes).toEqual([
      'What you pasted has 2 calls; this is the last one that failed (a later one was answered).',
    ]);
  });

  it('counts only calls, not OPTIONS pings or REGISTERs', () => {
    expect(ok(samples.optionsAndCall).notes).toEqual([]);
  });

  it('does not take a transfer’s sipfrag NOTIFY for the call’s final response', () => {
    expect(ok(samples.transferNotify)).toMatchObject({ code: 200, phase: 'answered' });
  });
});

describe('understandPaste: what it shows of the paste', () => {
  it('cleans and cuts the Reason headers it returns to 60 characters', () => {
    const text = `Reason: SIP;cause=503;text="${'\u0007Overload '.repeat(20)}"`;
    const { reasons } = ok(text);
    const [reason] = reasons;
    expect(reason?.raw).toHaveLength(60);
    expect(reason?.raw.endsWith('…')).toBe(true);
    // The text starts with a control character: a space once cleaned, then trimmed.
    expect(reason?.text).toHaveLength(59);
    expect(reason?.text?.endsWith('…')).toBe(true);
    for (const part of [reason?.raw, reason?.text]) expect(part).not.toMatch(/\p{Cc}/u);
  });

  it('cuts a long protocol token', () => {
    const protocol = `X${'Y'.repeat(300)}`;
    const bye = `BYE sip:a@192.0.2.1 SIP/2.0\r\nReason: SIP;cause=480, ${protocol};cause=1\r\n`;
    const [, other] = ok(bye).reasons;
    expect(other?.protocol).toHaveLength(60);
  });

  it('keeps the full values in the parse', () => {
    const text = `Reason: SIP;cause=503;text="${'Overload '.repeat(20)}"`;
    expect(parsePaste(text).looseReasons[0]?.raw.length).toBeGreaterThan(180);
  });
});
