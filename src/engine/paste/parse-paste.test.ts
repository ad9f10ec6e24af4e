import { describe, expect, it } from 'vitest';
import type { SipCode } from '../schema.ts';
import { MAX_PASTE_LENGTH, parsePaste, readPaste } from './parse-paste.ts';
import { parseReasonHeader } from './reason-header.ts';
import { samples, toCr, toCrlf, toLf } from './samples.ts';

/** The responses of a paste as [code, phrase, line, method, callId, causes]. */
function responsesOf(text: string) {
  return parsePaste(text).responses.map((r) => [
    r.code,
    r.phrase,
    r.line,
    r.method,
    r.callId,
    r.reasons.map((reason) => `${reason.protocol} ${reason.cause}`),
  ]);
}

describe('parsePaste: messages in the samples', () => {
  it('reads the INVITE → 100 → 183 → 503 trace, skipping the SDP bodies', () => {
    const parse = parsePaste(samples.inviteTo503Crlf);
    const callId = '6f1c2a9e4b7d@192.0.2.10';
    expect(responsesOf(samples.inviteTo503Crlf)).toEqual([
      [100, 'Trying', 28, 'INVITE', callId, []],
      [183, 'Session Progress', 38, 'INVITE', callId, []],
      [503, 'Service Unavailable', 61, 'INVITE', callId, ['Q.850 34']],
    ]);
    expect(parse.requests).toEqual([
      { method: 'INVITE', line: 1, callId, reasons: [] },
      { method: 'ACK', line: 72, callId, reasons: [] },
    ]);
    expect(parse.responses[2]?.reasons).toEqual([
      {
        protocol: 'Q.850',
        cause: 34,
        text: 'No circuit/channel available',
        raw: 'Q.850;cause=34;text="No circuit/channel available"',
      },
    ]);
    expect(parse.looseReasons).toEqual([]);
    expect(parse.textCodes).toEqual([]);
    expect(parse.truncated).toBe(false);
  });

  it('reads the same trace with LF, CR and mixed line ends', () => {
    const expected = responsesOf(samples.inviteTo503Crlf);
    expect(responsesOf(samples.inviteTo503Lf)).toEqual(expected);
    expect(responsesOf(toCr(samples.inviteTo503Crlf))).toEqual(expected);
    const mixed = toLf(samples.inviteTo503Crlf)
      .split('\n')
      .map((line, i) => `${line}${['\r\n', '\n', '\r\n', '\n'][i % 4] ?? ''}`)
      .join('');
    expect(responsesOf(mixed)).toEqual(expected);
  });

  it('reads compact header names (i, l, c) and spaces around ; and =', () => {
    expect(responsesOf(samples.compactHeaders)).toEqual([
      [480, 'Temporarily Unavailable', 24, 'INVITE', 'a84b4c76e66710@10.20.30.40', ['Q.850 19']],
    ]);
    expect(parsePaste(samples.compactHeaders).requests).toHaveLength(1);
  });

  it('reads a 407 challenge, the retried INVITE and the 486', () => {
    expect(responsesOf(samples.challengeThenBusy).map(([code]) => code)).toEqual([407, 100, 486]);
    expect(parsePaste(samples.challengeThenBusy).requests.map((r) => r.method)).toEqual([
      'INVITE',
      'ACK',
      'INVITE',
    ]);
  });

  it('keeps every Reason header and every comma-separated value, in order', () => {
    expect(responsesOf(samples.twoReasonHeaders)[0]?.[5]).toEqual(['SIP 480', 'Q.850 19']);
    const [sip, q850] = parsePaste(samples.commaSeparatedReasons).responses[0]?.reasons ?? [];
    expect(sip).toEqual({
      protocol: 'SIP',
      cause: 603,
      text: 'Decline, by callee',
      raw: 'SIP;cause=603;text="Decline, by callee"',
    });
    expect(q850).toEqual({
      protocol: 'Q.850',
      cause: 21,
      text: 'Call rejected',
      raw: 'Q.850;cause=21;text="Call rejected"',
    });
  });

  it('joins folded header lines', () => {
    expect(responsesOf(samples.foldedReason)[0]?.[5]).toEqual(['SIP 503', 'Q.850 42']);
  });

  it('keeps the BYE and its Reason after an answered call', () => {
    const parse = parsePaste(samples.answeredThenBye);
    expect(parse.responses.map((r) => [r.code, r.method])).toEqual([
      [180, 'INVITE'],
      [200, 'INVITE'],
      [200, 'BYE'],
    ]);
    expect(parse.requests.map((r) => [r.method, r.reasons.map((x) => x.cause)])).toEqual([
      ['INVITE', []],
      ['ACK', []],
      ['BYE', [16]],
    ]);
  });

  it('reads status lines after log prefixes and markers', () => {
    expect(responsesOf(samples.asteriskLog).map(([code, phrase]) => [code, phrase])).toEqual([
      [100, 'Trying'],
      [404, 'Not Found'],
    ]);
    expect(responsesOf(samples.timestampedLog)).toEqual([
      [100, 'Trying', 6, 'INVITE', '6f1c2a9e4b7d@192.0.2.10', []],
      [504, 'Server Time-out', 10, 'INVITE', '6f1c2a9e4b7d@192.0.2.10', ['Q.850 102']],
    ]);
    expect(parsePaste(samples.timestampedLog).requests.map((r) => r.method)).toEqual(['INVITE']);
  });

  it('unescapes a message copied from a JSON log', () => {
    expect(responsesOf(samples.jsonEscaped)).toEqual([
      [503, 'Service Unavailable', 1, 'INVITE', '6f1c2a9e4b7d@192.0.2.10', ['Q.850 34']],
    ]);
    expect(parsePaste(samples.jsonEscaped).responses[0]?.reasons[0]?.text).toBe(
      'No circuit/channel available',
    );
  });

  it('reads the Call-ID of each call', () => {
    expect(parsePaste(samples.twoCalls).responses.map((r) => [r.code, r.callId])).toEqual([
      [486, 'call-one-5f2e@192.0.2.10'],
      [503, 'call-two-9a1b@192.0.2.10'],
    ]);
  });

  it('reads the CSeq number of each response, to tell a re-INVITE from the first INVITE', () => {
    expect(parsePaste(samples.reInviteRejected).responses.map((r) => [r.code, r.cseq])).toEqual([
      [200, 1],
      [488, 2],
    ]);
    expect(parsePaste('SIP/2.0 200 OK\nCSeq: INVITE').responses[0]?.cseq).toBeUndefined();
    expect(parsePaste('SIP/2.0 200 OK\nCSeq: 2147483647 UPDATE').responses[0]).toMatchObject({
      method: 'UPDATE',
      cseq: 2147483647,
    });
  });

  it('unescapes escaped slashes in a message logged by PHP (SIP\\/2.0)', () => {
    expect(samples.phpJsonEscaped).toContain('SIP\\/2.0 503');
    expect(responsesOf(samples.phpJsonEscaped)).toEqual(responsesOf(samples.jsonEscaped));
  });

  it('does not take the status line of a sipfrag body without Content-Length for a response', () => {
    const parse = parsePaste(samples.transferNotify);
    expect(parse.responses.map((r) => [r.code, r.method])).toEqual([
      [200, 'INVITE'],
      [202, 'REFER'],
      [200, 'NOTIFY'],
    ]);
    expect(parse.requests.map((r) => r.method)).toEqual(['INVITE', 'ACK', 'REFER', 'NOTIFY']);
  });

  it('reads the start line after a sipfrag body without Content-Length as a new message', () => {
    const text = [
      'NOTIFY sip:2001@192.0.2.10 SIP/2.0',
      'CSeq: 3 NOTIFY',
      'c: message/sipfrag',
      '',
      'SIP/2.0 180 Ringing',
      '',
      'SIP/2.0 486 Busy Here',
      'CSeq: 1 INVITE',
    ].join('\n');
    expect(responsesOf(text)).toEqual([[486, 'Busy Here', 7, 'INVITE', undefined, []]]);
  });

  it('reads Reason headers alone as loose reasons', () => {
    expect(parsePaste(samples.sipReasonOnly).looseReasons).toEqual([
      { protocol: 'SIP', cause: 503, raw: 'SIP;cause=503' },
    ]);
    expect(parsePaste(samples.stirReasonOnly).looseReasons).toEqual([
      {
        protocol: 'STIR',
        cause: 436,
        text: 'Bad Identity Info',
        raw: 'STIR;cause=436;text="Bad Identity Info"',
      },
    ]);
    const q850 = parsePaste(samples.q850ReasonOnly);
    expect(q850.looseReasons).toEqual([{ protocol: 'Q.850', cause: 34, raw: 'Q.850;cause=34' }]);
    expect(q850.textQ850).toEqual([]);
    expect(q850.textCodes).toEqual([]);
  });
});

describe('parsePaste: start lines', () => {
  it.each([
    ['SIP/2.0 503 Service Unavailable', 503, 'Service Unavailable'],
    ['sip/2.0 486 busy here', 486, 'busy here'],
    ['   SIP/2.0 480 Temporarily Unavailable  ', 480, 'Temporarily Unavailable'],
    ['<-- SIP/2.0 404 Not Found', 404, 'Not Found'],
    ['recv from 203.0.113.5:5060: SIP/2.0 408 Request Timeout', 408, 'Request Timeout'],
    ['10:45:03.123 "SIP/2.0 503 Service Unavailable",', 503, 'Service Unavailable'],
    ["'SIP/2.0 603 Decline'", 603, 'Decline'],
    ['SIP/2.0 200', 200, ''],
    ['SIP/2.0\t487\tRequest Terminated', 487, 'Request Terminated'],
    ['SIP/2.0 500 "Server Internal Error"', 500, '"Server Internal Error"'],
  ])('reads %j', (line, code, phrase) => {
    expect(parsePaste(line).responses).toEqual([{ code, phrase, line: 1, reasons: [] }]);
  });

  it.each([
    ['Via: SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bK1'],
    ['xSIP/2.0 503 Service Unavailable'],
    ['SIP/2.0 5030 Foo'],
    ['SIP/2.0 50 Foo'],
    ['SIP/2.1 503 Service Unavailable'],
  ])('does not take %j for a status line', (line) => {
    expect(parsePaste(line).responses).toEqual([]);
  });

  it.each([
    ['INVITE sip:+19195550100@example.com SIP/2.0', 'INVITE'],
    ['  BYE sip:alice@192.0.2.1:5060;transport=udp SIP/2.0', 'BYE'],
    ['10:45:03 --> CANCEL sip:bob@example.com SIP/2.0', 'CANCEL'],
    ['"REGISTER sip:example.com SIP/2.0",', 'REGISTER'],
    ['X-CUSTOM tel:+19195550100 SIP/2.0', 'X-CUSTOM'],
    ['OPTIONS sips:gw.example.net sip/2.0', 'OPTIONS'],
  ])('reads the request line %j', (line, method) => {
    expect(parsePaste(line).requests).toEqual([{ method, line: 1, reasons: [] }]);
  });

  it.each([
    ['invite sip:bob@example.com SIP/2.0'],
    ['INVITE bob SIP/2.0'],
    ['xINVITE sip:bob@example.com SIP/2.0'],
    ['INVITE sip:bob@example.com SIP/2.0/UDP'],
    ['SIP/2.0'],
  ])('does not take %j for a request line', (line) => {
    expect(parsePaste(line).requests).toEqual([]);
  });

  it('records a status line with a code outside 100–699 as invalid, not as a response', () => {
    const parse = parsePaste('SIP/2.0 999 Foo\r\nReason: Q.850;cause=34\r\nCSeq: 1 INVITE');
    expect(parse.responses).toEqual([]);
    expect(parse.looseReasons).toEqual([]);
    expect(parse.invalidCodes).toEqual(['999']);
  });

  it('tolerates a message indented as a whole', () => {
    const text = toLf(samples.twoReasonHeaders)
      .split('\n')
      .map((line) => `    ${line}`)
      .join('\n');
    expect(responsesOf(text)).toEqual(responsesOf(samples.twoReasonHeaders));
  });

  it('starts a new message at every start line, even when Content-Length says otherwise', () => {
    const text = [
      'SIP/2.0 183 Session Progress',
      'CSeq: 1 INVITE',
      'Content-Length: 5000',
      '',
      'v=0',
      'SIP/2.0 486 Busy Here',
      'CSeq: 1 INVITE',
      'Reason: Q.850;cause=17',
    ].join('\n');
    expect(responsesOf(text)).toEqual([
      [183, 'Session Progress', 1, 'INVITE', undefined, []],
      [486, 'Busy Here', 6, 'INVITE', undefined, ['Q.850 17']],
    ]);
  });

  it('does not take the status line inside a message/sipfrag body for a message', () => {
    const fragment = 'SIP/2.0 200 OK\r\n';
    const text = [
      'NOTIFY sip:2001@192.0.2.10 SIP/2.0',
      'Event: refer',
      'CSeq: 3 NOTIFY',
      'Content-Type: message/sipfrag;version=2.0',
      `Content-Length: ${fragment.length}`,
      '',
      fragment,
    ].join('\r\n');
    const parse = parsePaste(text);
    expect(parse.requests.map((r) => r.method)).toEqual(['NOTIFY']);
    expect(parse.responses).toEqual([]);
  });
});

describe('parsePaste: bodies and loose headers', () => {
  it('ignores Reason lines in a body of unknown length', () => {
    const text = ['SIP/2.0 503 Service Unavailable', 'CSeq: 1 INVITE', '', 'Reason: SIP;cause=480'];
    const parse = parsePaste(text.join('\n'));
    expect(parse.responses[0]?.reasons).toEqual([]);
    expect(parse.looseReasons).toEqual([]);
  });

  it('reads a Reason line after a body of known length as loose', () => {
    const text = [
      'SIP/2.0 503 Service Unavailable',
      'CSeq: 1 INVITE',
      'Content-Length: 0',
      '',
      'Reason: Q.850;cause=34',
    ];
    const parse = parsePaste(text.join('\r\n'));
    expect(parse.responses[0]?.reasons).toEqual([]);
    expect(parse.looseReasons.map((r) => r.cause)).toEqual([34]);
  });

  it('reads a message whose header block follows a blank line right after the status line', () => {
    const text = 'SIP/2.0 480 Temporarily Unavailable\n\nCSeq: 5 INVITE\nReason: Q.850;cause=19';
    expect(responsesOf(text)).toEqual([
      [480, 'Temporarily Unavailable', 1, 'INVITE', undefined, ['Q.850 19']],
    ]);
  });

  it('reads header lines without a start line: only Reason headers count', () => {
    const text = [
      'Call-ID: 8d1e@192.0.2.10',
      'CSeq: 1 INVITE',
      'Reason: SIP;cause=480;text="Temporarily Unavailable",',
      '\tQ.850;cause=19',
      'reason : q.850 ; CAUSE = 31',
    ].join('\n');
    const parse = parsePaste(text);
    expect(parse.responses).toEqual([]);
    expect(parse.looseReasons.map((r) => `${r.protocol} ${r.cause}`)).toEqual([
      'SIP 480',
      'Q.850 19',
      'Q.850 31',
    ]);
  });

  it('reads a Reason header after a log prefix', () => {
    expect(parsePaste('10:45:03.120 Reason: Q.850;cause=41').looseReasons[0]?.cause).toBe(41);
    expect(parsePaste('[2026-05-03 10:45] Reason: SIP;cause=486').looseReasons[0]?.cause).toBe(486);
  });

  it('marks a paste longer than MAX_PASTE_LENGTH and keeps its end, where the final response is', () => {
    const text = `SIP/2.0 486 Busy Here\n${'x'.repeat(MAX_PASTE_LENGTH)}\nSIP/2.0 503 Service Unavailable`;
    const parse = parsePaste(text);
    expect(parse.truncated).toBe(true);
    expect(parse.responses.map((r) => [r.code, r.line])).toEqual([[503, 2]]);
    expect(parsePaste('x'.repeat(MAX_PASTE_LENGTH)).truncated).toBe(false);
  });

  it('starts the kept end of a long paste at a line break near the cut', () => {
    // The cut falls right after `Warning: `: the rest of that line would read as a status
    // line. The kept part starts after the next line break instead.
    const head = 'SIP/2.0 480 Temporarily Unavailable\n';
    const cutInto = 'Warning: SIP/2.0 486 Busy Here';
    const tail = 'Reason: Q.850;cause=34\nSIP/2.0 503 Service Unavailable\nCSeq: 1 INVITE';
    const filler = 'y'.repeat(
      MAX_PASTE_LENGTH + 'Warning: '.length - cutInto.length - 2 - tail.length,
    );
    const text = `${head}${cutInto}\n${filler}\n${tail}`;
    expect(text.length - MAX_PASTE_LENGTH).toBe(head.length + 'Warning: '.length);
    const parse = parsePaste(text);
    expect(parse.truncated).toBe(true);
    expect(parse.responses.map((r) => r.code)).toEqual([503]);
    expect(parse.looseReasons.map((r) => r.cause)).toEqual([34]);
  });

  it('cuts a long paste without a line break near the cut between two characters, not inside one', () => {
    // 7 code units too many: the cut falls inside an emoji, so the kept part starts one later.
    const text = `${'😀'.repeat(MAX_PASTE_LENGTH / 2 + 1)}x 503`;
    const parse = parsePaste(text);
    expect(parse.truncated).toBe(true);
    expect(parse.textCodes).toEqual([{ code: 503, index: MAX_PASTE_LENGTH - 4 }]);
  });

  it('does not unescape when real line breaks outnumber escaped ones', () => {
    const text = 'SIP/2.0 503 Service Unavailable\nCSeq: 1 INVITE\nCall-ID: a\\nb\\nc';
    expect(parsePaste(text).responses[0]?.callId).toBe('a\\nb\\nc');
  });
});

describe('parseReasonHeader', () => {
  it.each([
    ['Q.850;cause=34', [['Q.850', 34, undefined]]],
    ['q.850;cause=34', [['Q.850', 34, undefined]]],
    ['Q850;cause=34', [['Q.850', 34, undefined]]],
    ['sip;cause=480;text="Temporarily Unavailable"', [['SIP', 480, 'Temporarily Unavailable']]],
    ['stir ; cause = 438', [['STIR', 438, undefined]]],
    ['preemption;cause=1;text="UA Preemption"', [['PREEMPTION', 1, 'UA Preemption']]],
    ['SIP;text="a; b, c \\"d\\"";cause=503', [['SIP', 503, 'a; b, c "d"']]],
    ['Q.850;CAUSE=16;TEXT="Normal call clearing"', [['Q.850', 16, 'Normal call clearing']]],
    ['Q.850;cause="41"', [['Q.850', 41, undefined]]],
    [
      'SIP;cause=503, Q.850;cause=34, STIR;cause=436',
      [
        ['SIP', 503, undefined],
        ['Q.850', 34, undefined],
        ['STIR', 436, undefined],
      ],
    ],
    ['Q.850;text="x"', []],
    ['Q.850;cause=abc', []],
    ['Q.850;cause=200', []],
    ['Q.850;cause=1234', []],
    ['SIP;cause=99', []],
    ['SIP;cause=700', []],
    ['STIR;cause=099', []],
    ['', []],
    ['"Q.850";cause=34', []],
    ['Q.850;cause=34;text="unterminated', [['Q.850', 34, 'unterminated']]],
  ])('reads %j', (value, expected) => {
    expect(parseReasonHeader(value).map((r) => [r.protocol, r.cause, r.text])).toEqual(expected);
  });

  it('keeps each reason-value as written, trimmed', () => {
    expect(
      parseReasonHeader(' SIP;cause=480 ;text="Busy, later" ,  Q.850 ; cause=19 ').map(
        (r) => r.raw,
      ),
    ).toEqual(['SIP;cause=480 ;text="Busy, later"', 'Q.850 ; cause=19']);
  });
});

describe('parsePaste: free text', () => {
  it.each<[string, SipCode[]]>([
    ['503', [503]],
    [' 503 ', [503]],
    ['603+', ['603+']],
    ['503+', [503]],
    ['503s', [503]],
    ['we get 503s on calls to Mexico', [503]],
    ['error 480 temporarily unavailable and sometimes 486', [480, 486]],
    ['sip 503', [503]],
    ['code=503, then 480; also 503 again', [503, 480]],
    ['503/480', [503, 480]],
    ['503 480 486', [503, 480, 486]],
    ['we had 20 503s today', [503]],
    ['(503)', [503]],
    ['“603+ Network Blocked”', ['603+']],
    ['we use G.711 and get 503', [503]],
    ['Mostly 183 then nothing', [183]],
  ])('finds the codes in %j', (text, codes) => {
    expect(parsePaste(text).textCodes.map((found) => found.code)).toEqual(codes);
  });

  it.each<[string, SipCode[]]>([
    ['We placed 200 calls and 30 failed with 503', [503]],
    ['we send 100 cps and get 503', [503]],
    ['We have 300 concurrent channels, getting 486 busy', [486]],
    ['about 150 CALLS per minute, 480 on most', [480]],
    ['300\tsessions then 503', [503]],
    ['latency 250 ms then 408', [408]],
    ['loss of 100 % and 503', [503]],
    ['loss 100% and 503', [503]],
    ['we get 503s', [503]],
    ['503 callers', [503]],
    ['183 Session Progress, then 422 session interval too small', [183, 422]],
    ['181 Call Is Being Forwarded and 481 Call/Transaction Does Not Exist', [181, 481]],
    ['481 Call Leg/Transaction Does Not Exist', [481]],
    ['481 call transaction does not exist', [481]],
    ['300 sessions, 200 call attempts, then 503', [503]],
    ['from 2001:db8::503 we get 480', [480]],
    ['[2001:db8::1]:503 says 486', [486]],
    ['sofia.c:585 Hangup 480', [480]],
  ])('does not read counts, ports or IPv6 addresses as codes in %j', (text, codes) => {
    expect(parsePaste(text).textCodes.map((found) => found.code)).toEqual(codes);
  });

  it.each([
    'calls',
    'call',
    'cps',
    'channels',
    'channel',
    'concurrent',
    'sessions',
    'session',
    'users',
    'lines',
    'seats',
    'agents',
    'numbers',
    'seconds',
    'secs',
    'sec',
    'ms',
    'minutes',
    'mins',
    'min',
    'hours',
    'hrs',
    'times',
    'attempts',
    'percent',
    '%',
    'kbps',
    'mbps',
    'bytes',
    'packets',
    'destinations',
    'dids',
    'trunks',
    'ports',
    'requests',
  ])('does not read a number followed by %j as a code, nor as an invalid one', (word) => {
    for (const text of [`500 ${word}`, `500  ${word.toUpperCase()}.`, `900 ${word}`]) {
      const parse = parsePaste(text);
      expect([text, parse.textCodes, parse.invalidCodes]).toEqual([text, [], []]);
    }
  });

  it('lists every mention of a code with its line, repeats included', () => {
    expect(parsePaste('got 401\r\nthen 503 and 503\rthen\n\n480').textMentions).toEqual([
      { code: 401, index: 4, line: 1 },
      { code: 503, index: 14, line: 2 },
      { code: 503, index: 22, line: 2 },
      { code: 480, index: 32, line: 5 },
    ]);
  });

  it('gives the offset of each code', () => {
    expect(parsePaste('we get 503s and 480').textCodes).toEqual([
      { code: 503, index: 7 },
      { code: 480, index: 16 },
    ]);
  });

  it.each([
    ['+1 919 555 0100'],
    ['9195550100'],
    ['919 555 0100'],
    ['(919) 555-0100'],
    ['919-555-0100'],
    ['919.555.0100'],
    ['+503 2222 3333'],
    ['10:45:03'],
    ['10:45:03.503'],
    ['10.0.0.503'],
    ['203.0.113.5:503'],
    ['2026-05-03'],
    ['05/03/2026'],
    ['3/100 calls fail'],
    ['100/2 calls fail'],
    ['version 1.503'],
    ['$503'],
    ['#503'],
    ['€503'],
    ['1,503 calls'],
    ['503.5'],
    ['503ms'],
    ['abc503'],
    ['H.323 gateway'],
    ['hello'],
    [''],
  ])('finds no code in %j', (text) => {
    expect(parsePaste(text).textCodes).toEqual([]);
  });

  it.each<[string, number[]]>([
    ['Q.850 cause 34', [34]],
    ['Q.850 cause=34', [34]],
    ['q850 34', [34]],
    ['Q.850;cause=41', [41]],
    ['cause=21', [21]],
    ['cause 34', [34]],
    ['Hangup cause: 16, then cause code 41', [16, 41]],
    ['because 34 calls failed', []],
    ['cause 503', []],
    ['variable_hangup_cause_q850: 17', [17]],
    ['variable_hangup_cause_q850: [17]', [17]],
    ['hangup_cause_q850=17', [17]],
    ['HANGUPCAUSE=17', [17]],
    ['hangupcause: 34', [34]],
    ['Q850=34', [34]],
    ['"hangup_cause_q850":"41"', [41]],
    ['<hangup_cause_q850>41</hangup_cause_q850>', [41]],
    ['variable_hangup_cause: NORMAL_CLEARING', []],
    ['my_hangupcause=17', []],
  ])('finds the Q.850 causes in %j', (text, causes) => {
    expect(parsePaste(text).textQ850).toEqual(causes);
  });

  it('does not count a Q.850 cause or the 850 of Q.850 as a code', () => {
    const parse = parsePaste('Q.850 cause 102 and q850 127');
    expect(parse.textCodes).toEqual([]);
    expect(parse.invalidCodes).toEqual([]);
    expect(parse.textQ850).toEqual([102, 127]);
  });

  it('counts a SIP code written after "cause" as a code', () => {
    expect(parsePaste('sip cause 503').textCodes.map((found) => found.code)).toEqual([503]);
  });

  it.each<[string, string[]]>([
    ['999', ['999']],
    ['SIP 700', ['700']],
    ['got 700 and 999 and 700', ['700', '999']],
    ['050', []],
    ['+999', []],
  ])('reads %j as invalid codes %j', (text, invalid) => {
    expect(parsePaste(text).invalidCodes).toEqual(invalid);
  });

  it('skips the numbers of SIP header and SDP lines pasted without a start line', () => {
    const text = [
      'Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK-1',
      'CSeq: 102 INVITE',
      'Content-Length: 245',
      'Expires: 300',
      'Warning: 399 sbc.example.net "No route"',
      'l: 312',
      '',
      'm=audio 40000 RTP/AVP 0 8 101',
      'a=rtpmap:101 telephone-event/8000',
    ].join('\r\n');
    const parse = parsePaste(text);
    expect([parse.textCodes, parse.invalidCodes, parse.textQ850]).toEqual([[], [], []]);
    expect(parsePaste(`${text}\r\nwe get 480 on these`).textCodes).toEqual([
      { code: 480, index: text.length + 9 },
    ]);
    expect(parsePaste('Subject: 503 errors to Mexico').textCodes.map((c) => c.code)).toEqual([503]);
  });

  it('reads no free text when the paste has SIP structure', () => {
    const parse = parsePaste('we get 480 here\nReason: SIP;cause=503');
    expect(parse.textCodes).toEqual([]);
    expect(parse.looseReasons.map((r) => r.cause)).toEqual([503]);
  });
});

describe('parsePaste: large and hostile inputs', () => {
  const size = 1_000_000;
  it.each([
    ['letters', 'A'.repeat(size)],
    ['spaces then a letter', `${' '.repeat(size - 1)}x`],
    ['commas', `${','.repeat(size - 1)}x`],
    ['SIP/2.0 repeated', 'SIP/2.0 '.repeat(size / 8)],
    ['status lines', 'SIP/2.0 407 Proxy Authentication Required\n'.repeat(size / 42)],
    ['request lines', 'INVITE sip:a@b SIP/2.0\n'.repeat(size / 23)],
    ['upper-case words', 'INVITE '.repeat(size / 7)],
    ['Reason headers', 'Reason: Q.850;cause=34;text="x, y"\n'.repeat(size / 36)],
    ['one long Reason header', `Reason: ${'SIP;cause=503,'.repeat(size / 14)}`],
    ['quotes', '"'.repeat(size)],
    ['escaped line breaks', '\\r\\n'.repeat(size / 4)],
    ['digit groups', '1 '.repeat(size / 2)],
    ['three-digit groups', '503 '.repeat(size / 4)],
    ['cause and spaces', `cause${' '.repeat(size)}34`],
    ['q850 and digits', 'q850 '.repeat(size / 5)],
    ['line breaks', '\n'.repeat(size)],
    ['folded lines', `SIP/2.0 503 x\nReason: SIP;cause=503\n${' a\n'.repeat(size / 3)}`],
    ['over the limit', `SIP/2.0 503 x\n${'y'.repeat(size + 10)}`],
    ['a long P- header name', `p-${'a'.repeat(size)}`],
    [
      'header lines without a start line',
      'CSeq: 102 INVITE\nl: 245\nm=audio 1 RTP/AVP 0\n'.repeat(size / 44),
    ],
    ['numbers with plus signs', '+503 '.repeat(size / 5)],
  ])('finishes on 1 MB of %s', (_name, text) => {
    const parse = readPaste(text);
    expect(parse.responses.length).toBeGreaterThanOrEqual(0);
  });

  it('reads NUL bytes and lone surrogates without trouble', () => {
    const text = '\u0000SIP/2.0 503 Service\uD800 Unavailable\u0000\nReason: Q.850;cause=34\uDC00';
    expect(parsePaste(text).responses[0]?.code).toBe(503);
    expect(parsePaste(toCrlf('\uD800\n503\n\uDFFF')).textCodes).toEqual([{ code: 503, index: 3 }]);
  });
});
