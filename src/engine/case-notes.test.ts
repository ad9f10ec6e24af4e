import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  caseNotes,
  formatClock,
  formatElapsed,
  type CaseCurrent,
  type CaseNotesInput,
} from './case-notes.ts';

const at = (iso: string): number => Date.parse(iso);

const LINK = 'https://help.example.net/#/broken-audio/one-way/nat?case=7';

const OUTCOME: CaseCurrent = {
  kind: 'outcome',
  title: 'One-way audio: NAT rewrites the SDP',
  summary: "The router's SIP ALG changes the audio address, so the RTP goes to the wrong place.",
  steps: [
    { text: 'Turn off SIP ALG on the router', ticked: true },
    { text: 'Set the public IP address in the phone system', ticked: false },
  ],
  feedback: 'fixed',
};

/** A realistic call in Berlin (CET, GMT+1 in November). */
function berlinCall(overrides: Partial<CaseNotesInput> = {}): CaseNotesInput {
  return {
    brand: 'Call Troubleshooter',
    timeZone: 'Europe/Berlin',
    startedAt: at('2026-11-24T09:02:11Z'),
    endedAt: at('2026-11-24T09:14:40Z'),
    now: at('2026-11-24T09:15:02Z'),
    path: [
      {
        question: 'What does the failure look like?',
        answer: 'The call connects, but the audio fails',
        at: at('2026-11-24T09:02:30Z'),
      },
      { question: 'Who cannot hear whom?', answer: 'Only one side hears the other', at: null },
      {
        question: 'Is the phone system behind a NAT router?',
        answer: 'Yes',
        at: at('2026-11-24T09:04:12Z'),
      },
    ],
    current: OUTCOME,
    notes: [
      { at: at('2026-11-24T09:03:05Z'), text: 'Caller uses a FRITZ!Box 7590 (firmware 7.57)' },
      {
        at: at('2026-11-24T09:09:40Z'),
        text: 'SIP ALG was *on*.  \r\nTurned it off, rebooted\r\n\r\n# test call: both sides hear\r\n',
      },
    ],
    ticket: [
      { label: 'Provider', value: 'Example Voice' },
      {
        label: 'Description',
        value: 'Calls connect but one side hears nothing.\nSince Monday.\n\n\nOnly outbound calls.',
      },
    ],
    customerLink: LINK,
    ...overrides,
  };
}

const BERLIN_TEXT = `Case notes — Call Troubleshooter

Call:
Started: 2026-11-24 10:02:11 GMT+1
Ended: 10:14:40 GMT+1
Duration: 12:29

Outcome:
One-way audio: NAT rewrites the SDP
The router's SIP ALG changes the audio address, so the RTP goes to the wrong place.
Fix steps (ticked = tried):
[x] Turn off SIP ALG on the router
[ ] Set the public IP address in the phone system
Did it fix it? yes

Path:
1. 10:02:30  What does the failure look like? — The call connects, but the audio fails
2. Who cannot hear whom? — Only one side hears the other
3. 10:04:12  Is the phone system behind a NAT router? — Yes

Notes:
10:03:05 (+0:54) Caller uses a FRITZ!Box 7590 (firmware 7.57)
10:09:40 (+7:29) SIP ALG was *on*.
                 Turned it off, rebooted
                 # test call: both sides hear

Support request:
Provider: Example Voice
Description: Calls connect but one side hears nothing.
  Since Monday.

  Only outbound calls.

Customer link:
https://help.example.net/#/broken-audio/one-way/nat?case=7
`;

const BERLIN_MARKDOWN = `# Case notes — Call Troubleshooter

## Call

- **Started:** 2026-11-24 10:02:11 GMT+1
- **Ended:** 10:14:40 GMT+1
- **Duration:** 12:29

## Outcome

**One\\-way audio: NAT rewrites the SDP**

The router's SIP ALG changes the audio address, so the RTP goes to the wrong place\\.

Fix steps (ticked = tried):

- [x] Turn off SIP ALG on the router
- [ ] Set the public IP address in the phone system

**Did it fix it?** yes

## Path

1. 10:02:30 What does the failure look like? — The call connects, but the audio fails
2. Who cannot hear whom? — Only one side hears the other
3. 10:04:12 Is the phone system behind a NAT router? — Yes

## Notes

- 10:03:05 (+0:54) Caller uses a FRITZ\\!Box 7590 \\(firmware 7\\.57\\)
- 10:09:40 (+7:29) SIP ALG was \\*on\\*\\.\\
  Turned it off, rebooted\\
  \\# test call: both sides hear

## Support request

- **Provider:** Example Voice
- **Description:** Calls connect but one side hears nothing\\.\\
  Since Monday\\.

  Only outbound calls\\.

## Customer link

<https://help.example.net/#/broken-audio/one-way/nat?case=7>
`;

/** A call in UTC that runs past midnight, stopped at a question, without a support request. */
function midnightCall(overrides: Partial<CaseNotesInput> = {}): CaseNotesInput {
  return {
    brand: 'Call Troubleshooter',
    timeZone: 'UTC',
    startedAt: at('2026-12-31T23:55:00Z'),
    endedAt: at('2027-01-01T00:03:07.900Z'),
    now: at('2027-01-01T00:04:00Z'),
    path: [
      {
        question: 'What does the failure look like?',
        answer: 'The call never connects',
        at: at('2026-12-31T23:58:00Z'),
      },
      {
        question: 'What happens when you place the call?',
        answer: 'My phone system shows a SIP error code',
        at: at('2027-01-01T00:01:15Z'),
      },
    ],
    current: { kind: 'question', title: 'Which SIP response code do you see?' },
    notes: [
      { at: at('2027-01-01T00:00:05Z'), text: 'Happy new year; caller went to find the code' },
    ],
    ticket: [],
    customerLink: 'https://help.example.net/#/never-connects/sip-code',
    ...overrides,
  };
}

const MIDNIGHT_TEXT = `Case notes — Call Troubleshooter

Call:
Started: 2026-12-31 23:55:00 GMT
Ended: 2027-01-01 00:03:07 GMT
Duration: 8:07

Diagnosis not reached
Stopped at the question: Which SIP response code do you see?

Path:
1. 23:58:00  What does the failure look like? — The call never connects
2. 00:01:15  What happens when you place the call? — My phone system shows a SIP error code

Notes:
00:00:05 (+5:05) Happy new year; caller went to find the code

Customer link:
https://help.example.net/#/never-connects/sip-code
`;

const MIDNIGHT_MARKDOWN = `# Case notes — Call Troubleshooter

## Call

- **Started:** 2026-12-31 23:55:00 GMT
- **Ended:** 2027-01-01 00:03:07 GMT
- **Duration:** 8:07

## Diagnosis not reached

Stopped at the question: Which SIP response code do you see?

## Path

1. 23:58:00 What does the failure look like? — The call never connects
2. 00:01:15 What happens when you place the call? — My phone system shows a SIP error code

## Notes

- 00:00:05 (+5:05) Happy new year; caller went to find the code

## Customer link

<https://help.example.net/#/never-connects/sip-code>
`;

/** The lines of one section of the plain text, without its heading line. */
function textSection(text: string, heading: string): string[] {
  const lines = text.split('\n');
  const start = lines.indexOf(heading);
  if (start < 0) return [];
  const end = lines.indexOf('', start);
  return lines.slice(start + 1, end < 0 ? undefined : end);
}

/** The lines of one "## " section of the Markdown, without the heading and blank lines around. */
function markdownSection(markdown: string, heading: string): string[] {
  const lines = markdown.split('\n');
  const start = lines.indexOf(`## ${heading}`);
  if (start < 0) return [];
  const rest = lines.slice(start + 1);
  const end = rest.findIndex((line) => line.startsWith('## '));
  const body = end < 0 ? rest : rest.slice(0, end);
  while (body[0] === '') body.shift();
  while (body.length > 0 && body[body.length - 1] === '') body.pop();
  return body;
}

/** Positions of "<" not escaped by a backslash (an odd run of backslashes before it). */
function unescapedLessThan(markdown: string): number[] {
  const found: number[] = [];
  for (let i = 0; i < markdown.length; i += 1) {
    if (markdown[i] !== '<') continue;
    let slashes = 0;
    while (markdown[i - 1 - slashes] === '\\') slashes += 1;
    if (slashes % 2 === 0) found.push(i);
  }
  return found;
}

/** A line that would start a block (heading, quote, list, table, thematic break, code, HTML). */
const BLOCK_START = /^(?:[#>*+|<=`~_-]|\d+[.)]|\s)/;

/** Text a person could type: unicode, line breaks of all kinds, Markdown and link look-alikes. */
const typed = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ maxLength: 80 }),
  fc.string({
    maxLength: 30,
    unit: fc.constantFrom(
      ...'#*_[]()<>\\`|-+.!~&@=$:'.split(''),
      ' ',
      '    ',
      '\t',
      '\n',
      '\r\n',
      '\r',
      '\u2028',
      '\u00a0',
      'é',
      '😀',
      '1.',
      '2)',
      '# ',
      '> ',
      '- ',
      '---',
      '```',
      '| a | b |',
      'javascript:alert(1)',
      'http://x',
      'https://evil.example/a b',
      'www.example.com',
      'me@example.com',
      '<script>',
      '&amp;',
      '[x](y)',
      'text',
    ),
  }),
);

describe('caseNotes: exact output', () => {
  it('writes the full plain text for a realistic call in Berlin', () => {
    expect(caseNotes(berlinCall()).text).toBe(BERLIN_TEXT);
  });

  it('writes the full Markdown for a realistic call in Berlin', () => {
    expect(caseNotes(berlinCall()).markdown).toBe(BERLIN_MARKDOWN);
  });

  it('shows the end date of a call that runs past midnight (UTC), and where it stopped', () => {
    const notes = caseNotes(midnightCall());
    expect(notes.text).toBe(MIDNIGHT_TEXT);
    expect(notes.markdown).toBe(MIDNIGHT_MARKDOWN);
  });

  it('says so, in one line each, when there is no path and there are no notes', () => {
    const notes = caseNotes(
      midnightCall({
        endedAt: at('2026-12-31T23:55:07Z'),
        path: [],
        current: { kind: 'question', title: 'What does the failure look like?' },
        notes: [],
        customerLink: 'https://help.example.net/',
      }),
    );
    expect(notes.text).toBe(`Case notes — Call Troubleshooter

Call:
Started: 2026-12-31 23:55:00 GMT
Ended: 23:55:07 GMT
Duration: 0:07

Diagnosis not reached
Stopped at the question: What does the failure look like?

Path:
No questions answered.

Notes:
No notes.

Customer link:
https://help.example.net/
`);
    expect(notes.markdown).toContain(
      '## Path\n\nNo questions answered.\n\n## Notes\n\nNo notes.\n\n## Customer link\n\n',
    );
  });
});

describe('caseNotes: the call', () => {
  it('writes an ongoing call as "ongoing", with the duration so far from `now`', () => {
    const notes = caseNotes(berlinCall({ endedAt: null, now: at('2026-11-24T10:05:14Z') }));
    expect(textSection(notes.text, 'Call:')).toEqual([
      'Started: 2026-11-24 10:02:11 GMT+1',
      'Ended: ongoing',
      'Duration: 1:03:03 so far',
    ]);
    expect(markdownSection(notes.markdown, 'Call')).toEqual([
      '- **Started:** 2026-11-24 10:02:11 GMT+1',
      '- **Ended:** ongoing',
      '- **Duration:** 1:03:03 so far',
    ]);
  });

  it('labels each time with its own offset when the clocks change during the call', () => {
    const notes = caseNotes(
      berlinCall({
        startedAt: at('2026-03-29T00:59:00Z'),
        endedAt: at('2026-03-29T01:01:00Z'),
        path: [],
        notes: [{ at: at('2026-03-29T01:00:30Z'), text: 'Clocks went forward' }],
      }),
    );
    expect(textSection(notes.text, 'Call:')).toEqual([
      'Started: 2026-03-29 01:59:00 GMT+1',
      'Ended: 03:01:00 GMT+2',
      'Duration: 2:00',
    ]);
    expect(textSection(notes.text, 'Notes:')).toEqual(['03:00:30 (+1:30) Clocks went forward']);
  });

  it('writes "unknown time" for times that are not dates, and never throws', () => {
    const notes = caseNotes(
      berlinCall({
        startedAt: Number.NaN,
        endedAt: Number.POSITIVE_INFINITY,
        path: [{ question: 'Q?', answer: 'A', at: Number.NaN }],
        notes: [{ at: 1e20, text: 'late' }],
      }),
    );
    expect(textSection(notes.text, 'Call:')).toEqual([
      'Started: unknown time',
      'Ended: unknown time',
      'Duration: unknown',
    ]);
    expect(textSection(notes.text, 'Path:')).toEqual(['1. unknown time  Q? — A']);
    expect(textSection(notes.text, 'Notes:')).toEqual(['unknown time late']);
    expect(markdownSection(notes.markdown, 'Notes')).toEqual(['- unknown time late']);
  });

  it('leaves out the offset from the start in notes when the start is unknown', () => {
    const notes = caseNotes(berlinCall({ startedAt: Number.NaN, endedAt: null }));
    expect(textSection(notes.text, 'Call:')).toEqual([
      'Started: unknown time',
      'Ended: ongoing',
      'Duration: unknown',
    ]);
    expect(textSection(notes.text, 'Notes:')[0]).toBe(
      '10:03:05 Caller uses a FRITZ!Box 7590 (firmware 7.57)',
    );
  });

  it('shows the end date when the start is unknown but the end is known', () => {
    const notes = caseNotes(berlinCall({ startedAt: Number.NaN }));
    expect(textSection(notes.text, 'Call:')[1]).toBe('Ended: 2026-11-24 10:14:40 GMT+1');
  });

  it('falls back to UTC, labelled GMT, for a zone Intl does not know', () => {
    const notes = caseNotes(berlinCall({ timeZone: 'Mars/Olympus_Mons' }));
    expect(textSection(notes.text, 'Call:')).toEqual([
      'Started: 2026-11-24 09:02:11 GMT',
      'Ended: 09:14:40 GMT',
      'Duration: 12:29',
    ]);
  });

  it('writes the offset the same way in every engine: "GMT", "GMT-1", "GMT+5:30", "GMT-3:30"', () => {
    const started = (timeZone: string) =>
      textSection(caseNotes(berlinCall({ timeZone })).text, 'Call:')[0];
    expect(started('Africa/Abidjan')).toBe('Started: 2026-11-24 09:02:11 GMT');
    expect(started('Etc/UTC')).toBe('Started: 2026-11-24 09:02:11 GMT');
    expect(started('Atlantic/Azores')).toBe('Started: 2026-11-24 08:02:11 GMT-1');
    expect(started('Asia/Kolkata')).toBe('Started: 2026-11-24 14:32:11 GMT+5:30');
    expect(started('America/St_Johns')).toBe('Started: 2026-11-24 05:32:11 GMT-3:30');
  });
});

describe('caseNotes: outcome', () => {
  it('says "no" or "not asked" for the feedback, and "(none)" without fix steps', () => {
    const notFixed = caseNotes(berlinCall({ current: { ...OUTCOME, feedback: 'not-fixed' } }));
    expect(notFixed.text).toContain('\nDid it fix it? no\n');
    expect(notFixed.markdown).toContain('\n**Did it fix it?** no\n');

    const notAsked = caseNotes(
      berlinCall({ current: { ...OUTCOME, steps: [], summary: '', feedback: null } }),
    );
    expect(textSection(notAsked.text, 'Outcome:')).toEqual([
      'One-way audio: NAT rewrites the SDP',
      'Fix steps: (none)',
      'Did it fix it? not asked',
    ]);
    expect(markdownSection(notAsked.markdown, 'Outcome')).toEqual([
      '**One\\-way audio: NAT rewrites the SDP**',
      '',
      'Fix steps: (none)',
      '',
      '**Did it fix it?** not asked',
    ]);
  });

  it('never writes "****" (a thematic break) or an empty item for empty content text', () => {
    const notes = caseNotes(
      berlinCall({
        current: { ...OUTCOME, title: '  ', steps: [{ text: '', ticked: false }] },
        ticket: [{ label: '\n', value: 'x' }],
      }),
    );
    expect(notes.markdown).not.toContain('****');
    expect(markdownSection(notes.markdown, 'Outcome').slice(0, 5)).toEqual([
      '(untitled)',
      '',
      "The router's SIP ALG changes the audio address, so the RTP goes to the wrong place\\.",
      '',
      'Fix steps (ticked = tried):',
    ]);
    expect(markdownSection(notes.markdown, 'Outcome')[6]).toBe('- [ ] (no text)');
    expect(markdownSection(notes.markdown, 'Support request')).toEqual(['- **(no label):** x']);
    expect(textSection(notes.text, 'Outcome:')).toEqual([
      '(untitled)',
      "The router's SIP ALG changes the audio address, so the RTP goes to the wrong place.",
      'Fix steps (ticked = tried):',
      '[ ] (no text)',
      'Did it fix it? yes',
    ]);
    expect(textSection(notes.text, 'Support request:')).toEqual(['(no label): x']);
  });
});

describe('caseNotes: typed text', () => {
  it('keeps multi-line notes as lines: aligned in text, hard line breaks inside one list item', () => {
    const notes = caseNotes(
      berlinCall({
        notes: [
          {
            at: at('2026-11-24T10:05:14Z'),
            text: 'first\r  indented second   \r\n\r\n\r\n1. third\n\n',
          },
          { at: at('2026-11-24T10:06:00Z'), text: ' \n\t\n' },
        ],
      }),
    );
    // The blank note says nothing and is left out; empty lines inside a note are dropped.
    expect(textSection(notes.text, 'Notes:')).toEqual([
      '11:05:14 (+1:03:03) first',
      '                      indented second',
      '                    1. third',
    ]);
    expect(markdownSection(notes.markdown, 'Notes')).toEqual([
      '- 11:05:14 (+1:03:03) first\\',
      '  indented second\\',
      '  1\\. third',
    ]);
  });

  it('keeps multi-line ticket values as indented lines, and paragraphs inside the list item', () => {
    const notes = caseNotes(
      berlinCall({
        ticket: [
          { label: 'Error messages', value: 'SIP/2.0 480\r\nReason: SIP;cause=480\r\r\rRetry' },
          { label: 'Country', value: '' },
        ],
      }),
    );
    expect(textSection(notes.text, 'Support request:')).toEqual([
      'Error messages: SIP/2.0 480',
      '  Reason: SIP;cause=480',
    ]);
    expect(notes.text).toContain(
      'Support request:\n' +
        'Error messages: SIP/2.0 480\n' +
        '  Reason: SIP;cause=480\n' +
        '\n' +
        '  Retry\n' +
        'Country: (none)\n' +
        '\n' +
        'Customer link:\n',
    );
    expect(markdownSection(notes.markdown, 'Support request')).toEqual([
      '- **Error messages:** SIP/2\\.0 480\\',
      '  Reason: SIP;cause=480',
      '',
      '  Retry',
      '- **Country:** (none)',
    ]);
  });

  it('leaves out the support request section when there are no fields', () => {
    const notes = caseNotes(berlinCall({ ticket: [] }));
    expect(notes.text).not.toContain('Support request');
    expect(notes.markdown).not.toContain('Support request');
  });

  it('escapes hostile text everywhere in Markdown, and keeps it verbatim in text', () => {
    const hostile = '<img src=x onerror=alert(1)> [x](javascript:alert(1)) $x$';
    const notes = caseNotes(
      berlinCall({
        brand: '# Brand *',
        path: [{ question: '1. Q <b>', answer: '- A http://x', at: null }],
        current: { kind: 'question', title: '> quote' },
        notes: [{ at: at('2026-11-24T09:03:05Z'), text: `${hostile}\n# heading\n| a | b |` }],
        ticket: [{ label: '**L**', value: '<!-- c -->\n===' }],
      }),
    );
    const escaped =
      '\\<img src=x onerror=alert\\(1\\)\\> \\[x\\]\\(javascript:alert\\(1\\)\\) \\$x\\$';
    expect(notes.markdown.split('\n')[0]).toBe('# Case notes — \\# Brand \\*');
    expect(markdownSection(notes.markdown, 'Diagnosis not reached')).toEqual([
      'Stopped at the question: \\> quote',
    ]);
    expect(markdownSection(notes.markdown, 'Path')).toEqual([
      '1. 1\\. Q \\<b\\> — \\- A http\\://x',
    ]);
    expect(markdownSection(notes.markdown, 'Notes')).toEqual([
      `- 10:03:05 (+0:54) ${escaped}\\`,
      '  \\# heading\\',
      '  \\| a \\| b \\|',
    ]);
    expect(markdownSection(notes.markdown, 'Support request')).toEqual([
      '- **\\*\\*L\\*\\*:** \\<\\!\\-\\- c \\-\\-\\>\\',
      '  \\===',
    ]);
    expect(unescapedLessThan(notes.markdown)).toEqual([notes.markdown.lastIndexOf('<')]);

    expect(notes.text).toContain(`\n10:03:05 (+0:54) ${hostile}\n`);
    expect(notes.text).toContain('\n                 # heading\n                 | a | b |\n');
    expect(notes.text).toContain('\n**L**: <!-- c -->\n  ===\n');
  });

  it('links the customer link only when it is a plain http(s) address', () => {
    const linkOf = (customerLink: string) => {
      const notes = caseNotes(berlinCall({ customerLink }));
      return [
        textSection(notes.text, 'Customer link:'),
        markdownSection(notes.markdown, 'Customer link'),
      ];
    };
    expect(linkOf('http://localhost:5173/#/a')).toEqual([
      ['http://localhost:5173/#/a'],
      ['<http://localhost:5173/#/a>'],
    ]);
    expect(linkOf('javascript:alert(1)')).toEqual([
      ['javascript:alert(1)'],
      ['javascript:alert\\(1\\)'],
    ]);
    expect(linkOf('https://x.example/a b')).toEqual([
      ['https://x.example/a b'],
      ['https\\://x\\.example/a b'],
    ]);
    expect(linkOf('https://x.example/<b>')).toEqual([
      ['https://x.example/<b>'],
      ['https\\://x\\.example/\\<b\\>'],
    ]);
    expect(linkOf('https://x.example/\u0001')[1]).toEqual(['https\\://x\\.example/\u0001']);
    expect(linkOf('')).toEqual([['(none)'], ['(none)']]);
  });
});

describe('caseNotes: properties', () => {
  const time = fc.oneof(
    fc.integer({ min: at('2000-01-01T00:00:00Z'), max: at('2100-01-01T00:00:00Z') }),
    fc.double(),
  );
  const zone = fc.oneof(
    fc.constantFrom('UTC', 'Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'Pacific/Chatham'),
    fc.string({ maxLength: 20 }),
  );
  const notesArb = fc.array(fc.record({ at: time, text: typed }), { maxLength: 4 });

  it('keeps every typed note line verbatim in text, and never starts a block with one in Markdown', () => {
    fc.assert(
      fc.property(notesArb, (notes) => {
        const result = caseNotes(berlinCall({ notes }));

        const typedLines = notes.flatMap((note) =>
          note.text
            .split(/\r\n|\r|\n/)
            .map((line) => line.trimEnd())
            .filter((line) => line !== ''),
        );
        for (const line of typedLines) expect(result.text).toContain(line);

        const noteLines = markdownSection(result.markdown, 'Notes');
        if (typedLines.length === 0) expect(noteLines).toEqual(['No notes.']);
        else expect(noteLines.length).toBeGreaterThanOrEqual(notes.length > 0 ? 1 : 0);
        for (const line of typedLines.length === 0 ? [] : noteLines) {
          expect(line).toMatch(/^(?:- | {2})\S/);
          // After the list-item prefix: the first line starts with our time, further lines with
          // escaped text, never with something that starts a block.
          expect(line.slice(2)).not.toMatch(BLOCK_START);
        }
        expect(unescapedLessThan(result.markdown)).toEqual([result.markdown.lastIndexOf('<')]);
        expect(result.markdown.endsWith(`\n<${LINK}>\n`)).toBe(true);
      }),
    );
  });

  it('writes clean lines in both formats, for any input at all, and never throws', () => {
    const input = fc.record({
      brand: typed,
      timeZone: zone,
      startedAt: time,
      endedAt: fc.option(time),
      now: time,
      path: fc.array(fc.record({ question: typed, answer: typed, at: fc.option(time) }), {
        maxLength: 4,
      }),
      current: fc.oneof(
        fc.record({ kind: fc.constant('question' as const), title: typed }),
        fc.record({
          kind: fc.constant('outcome' as const),
          title: typed,
          summary: typed,
          steps: fc.array(fc.record({ text: typed, ticked: fc.boolean() }), { maxLength: 3 }),
          feedback: fc.constantFrom('fixed' as const, 'not-fixed' as const, null),
        }),
      ),
      notes: notesArb,
      ticket: fc.array(fc.record({ label: typed, value: typed }), { maxLength: 3 }),
      customerLink: fc.oneof(typed, fc.webUrl(), fc.constant(LINK)),
    });
    fc.assert(
      fc.property(input, (value) => {
        const { text, markdown } = caseNotes(value);
        for (const output of [text, markdown]) {
          expect(output).toMatch(/[^\n]\n$/);
          expect(output).not.toContain('\r');
          expect(output).not.toMatch(/\n\n\n/);
          for (const line of output.split('\n')) expect(line).toBe(line.trimEnd());
        }
        expect(text.startsWith('Case notes')).toBe(true);
        expect(markdown.startsWith('# Case notes')).toBe(true);

        // The only "<" left unescaped opens the customer link's autolink, which is http(s)
        // and holds no space, "<" or ">".
        const open = unescapedLessThan(markdown);
        expect(open.length).toBeLessThanOrEqual(1);
        if (open.length === 1) {
          const autolink = markdown.slice(open[0]).trimEnd();
          expect(markdown.slice(0, open[0]).endsWith('## Customer link\n\n')).toBe(true);
          expect(autolink).toMatch(/^<https?:\/\/[^\s<>]+>$/i);
        }

        // Lines of typed text in the notes and the support request never start a block: each
        // is a list item that starts with our own text, or a continuation line of one.
        for (const line of markdownSection(markdown, 'Notes')) {
          if (line === 'No notes.') continue;
          expect(line).toMatch(/^(?:- | {2})\S/);
          expect(line.slice(2)).not.toMatch(BLOCK_START);
        }
        for (const line of markdownSection(markdown, 'Support request')) {
          if (line.startsWith('- ')) expect(line).toMatch(/^- \*\*.*:\*\*/s);
          else if (line !== '') expect(line.slice(2)).not.toMatch(BLOCK_START);
        }
      }),
    );
  });
});

describe('formatClock', () => {
  it('writes 24-hour clock times in the zone', () => {
    const time = at('2026-11-24T09:02:11Z');
    expect(formatClock(time, 'Europe/Berlin')).toBe('10:02:11');
    expect(formatClock(time, 'UTC')).toBe('09:02:11');
    expect(formatClock(time, 'America/New_York')).toBe('04:02:11');
    expect(formatClock(time, 'Asia/Kolkata')).toBe('14:32:11');
    expect(formatClock(time, 'Pacific/Chatham')).toBe('22:47:11');
    expect(formatClock(at('2026-11-24T11:59:59Z'), 'UTC')).toBe('11:59:59');
    expect(formatClock(at('2026-11-24T13:00:00Z'), 'UTC')).toBe('13:00:00');
  });

  it('writes midnight as 00, not 24', () => {
    expect(formatClock(at('2027-01-01T00:00:00Z'), 'UTC')).toBe('00:00:00');
    expect(formatClock(at('2026-11-23T23:00:00Z'), 'Europe/Berlin')).toBe('00:00:00');
  });

  it('follows the clock changes in spring and autumn', () => {
    // Europe: last Sundays of March and October, at 01:00 UTC.
    expect(formatClock(at('2026-03-29T00:59:59Z'), 'Europe/Berlin')).toBe('01:59:59');
    expect(formatClock(at('2026-03-29T01:00:00Z'), 'Europe/Berlin')).toBe('03:00:00');
    expect(formatClock(at('2026-10-25T00:59:59Z'), 'Europe/Berlin')).toBe('02:59:59');
    expect(formatClock(at('2026-10-25T01:00:00Z'), 'Europe/Berlin')).toBe('02:00:00');
    // United States: second Sunday of March, first Sunday of November, at 02:00 local time.
    expect(formatClock(at('2026-03-08T06:59:59Z'), 'America/New_York')).toBe('01:59:59');
    expect(formatClock(at('2026-03-08T07:00:00Z'), 'America/New_York')).toBe('03:00:00');
    expect(formatClock(at('2026-11-01T05:59:59Z'), 'America/New_York')).toBe('01:59:59');
    expect(formatClock(at('2026-11-01T06:00:00Z'), 'America/New_York')).toBe('01:00:00');
  });

  it('says "unknown time" for what is not a date, and uses UTC for an unknown zone', () => {
    expect(formatClock(Number.NaN, 'UTC')).toBe('unknown time');
    expect(formatClock(Number.POSITIVE_INFINITY, 'Europe/Berlin')).toBe('unknown time');
    expect(formatClock(8.64e15 + 1, 'UTC')).toBe('unknown time');
    expect(formatClock(at('2026-11-24T09:02:11Z'), 'Not/A_Zone')).toBe('09:02:11');
    expect(formatClock(at('2026-11-24T09:02:11Z'), '')).toBe('09:02:11');
  });
});

describe('formatElapsed', () => {
  it('writes m:ss below an hour and h:mm:ss from an hour, in whole seconds', () => {
    expect(formatElapsed(0)).toBe('0:00');
    expect(formatElapsed(999)).toBe('0:00');
    expect(formatElapsed(7_000)).toBe('0:07');
    expect(formatElapsed(59_999)).toBe('0:59');
    expect(formatElapsed(60_000)).toBe('1:00');
    expect(formatElapsed(749_000)).toBe('12:29');
    expect(formatElapsed(3_599_999)).toBe('59:59');
    expect(formatElapsed(3_600_000)).toBe('1:00:00');
    expect(formatElapsed(3_723_000)).toBe('1:02:03');
    expect(formatElapsed(100 * 3_600_000)).toBe('100:00:00');
  });

  it('clamps negative (and NaN) to 0:00', () => {
    expect(formatElapsed(-1)).toBe('0:00');
    expect(formatElapsed(-3_600_000)).toBe('0:00');
    expect(formatElapsed(Number.NaN)).toBe('0:00');
  });

  it('always has two-digit minutes and seconds after the first field', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000 * 3_600_000 }), (ms) => {
        const text = formatElapsed(ms);
        expect(text).toMatch(/^(?:[1-9]\d*:[0-5]\d|[1-5]?\d):[0-5]\d$/);
        const fields = text.split(':').map(Number);
        const seconds = fields.reduce((sum, field) => sum * 60 + field, 0);
        expect(seconds).toBe(Math.floor(ms / 1000));
      }),
    );
  });
});

describe('caseNotes: answers not asked, and answers changed', () => {
  const input = berlinCall({
    path: [
      {
        question: 'What does the failure look like?',
        answer: 'The call never connects',
        at: null,
        asked: false,
      },
      {
        question: 'What happens?',
        answer: 'Nothing, then a timeout',
        at: at('2026-11-24T09:06:00Z'),
      },
    ],
    earlier: [
      {
        question: 'What does the failure look like?',
        answer: 'The audio is broken',
        at: at('2026-11-24T09:02:30Z'),
      },
      { question: 'Who cannot hear whom?', answer: '*Only* one side', at: null },
    ],
  });

  it('marks a step the caller was not asked, in both formats', () => {
    const { text, markdown } = caseNotes(input);
    expect(textSection(text, 'Path:')).toEqual([
      '1. What does the failure look like? — The call never connects (not asked on the call)',
      '2. 10:06:00  What happens? — Nothing, then a timeout',
    ]);
    expect(markdownSection(markdown, 'Path')).toEqual([
      '1. What does the failure look like? — The call never connects \\(not asked on the call\\)',
      '2. 10:06:00 What happens? — Nothing, then a timeout',
    ]);
  });

  it('lists the earlier answers after the path, escaped in Markdown, and only when there are some', () => {
    const { text, markdown } = caseNotes(input);
    expect(textSection(text, 'Earlier answers (changed during the call):')).toEqual([
      '- 10:02:30  What does the failure look like? — The audio is broken',
      '- Who cannot hear whom? — *Only* one side',
    ]);
    expect(markdownSection(markdown, 'Earlier answers \\(changed during the call\\)')).toEqual([
      '- 10:02:30 What does the failure look like? — The audio is broken',
      '- Who cannot hear whom? — \\*Only\\* one side',
    ]);
    expect(caseNotes(berlinCall()).text).not.toContain('Earlier answers');
  });

  it('drops direction overrides and invisible marks from what it copies', () => {
    const { text, markdown } = caseNotes(
      berlinCall({
        notes: [{ at: at('2026-11-24T09:03:05Z'), text: 'abc\u202Edcba\u200B \u2066x\u2069 👩‍💻' }],
      }),
    );
    for (const output of [text, markdown]) {
      expect(output).not.toMatch(/[\u200B\u200E\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/);
      expect(output).toContain('👩‍💻');
    }
    expect(text).toContain('abcdcba x 👩‍💻');
  });
});
