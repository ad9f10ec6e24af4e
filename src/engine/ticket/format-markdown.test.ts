import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { codeSpan, escapeMarkdown, formatMarkdown } from './format-markdown.ts';
import { oneLine } from './format-text.ts';
import { minimalTicket, sampleTicket } from './test-support/sample-ticket.ts';

const SAMPLE_MARKDOWN = `# Support request for Example Voice

Prepared 2026-11-24 19:10 UTC with Call Troubleshooter

## Diagnosis

- **Diagnosis:** Persistent 503s — investigate the cause
- **Category:** The call never connects
- **Answers:**
  - What does the failure look like? The call never connects
  - What happens when you place the call? My phone system shows a SIP error code
  - Which SIP response code do you see? 503 Service Unavailable
  - How do the 503s behave? They persist, retries keep failing, and many destinations are affected
- **Link:** <https://help.example.net/never-connects/sip-code/503/lcr/persistent>

## Numbers

- **Originating number:** \`+19195550100\`
- **Destination numbers:** \`+442079460123\`, \`+33199001234\`

## Failed calls

- \`2026-11-24T18:52:13Z\` (local \`2026-11-24 13:52:13 -05:00\`, \`America/New_York\`)
- \`2026-11-24T19:05:02Z\` (local \`2026-11-24 14:05:02 -05:00\`, \`America/New_York\`)

## SIP response codes

- \`503\` Service Unavailable
- \`603+\` Network Blocked

## Error messages

\`\`\`
SIP/2.0 503 Service Unavailable
Reason: Q.850;cause=34;text="No circuit available"
\`\`\`

## Details

- **How often:** Often, but not every time
- **Product:** Wholesale LCR Termination

## Description

Since about 13:30 today most calls to the UK and France fail\\.\\
Retrying does not help, even a few minutes later\\.

Calls to US numbers still connect\\.

## Steps already tried

- Find the final response to the INVITE in your phone system's logs or a SIP trace\\.
- Place test calls to a few numbers in different countries\\.

## Contact support?

**Yes: contact Example Voice support**

- [x] The failure happens every time, or you can make it happen again on purpose\\. You said it fails often\\.
- [x] 5xx or 6xx responses keep coming back, beyond the occasional 503 that least\\-cost routing sends on purpose\\. 503, 603\\+ keeps coming back\\.
- [x] Calls fail to several different destinations, not just one number\\. You listed 2 destination numbers\\.
- [ ] The audio is still bad after you have checked SIP ALG, NAT, firewall and RTP ports\\. Applies to audio problems only\\.

**Notes:**

- Retrying won’t help: a 6xx is a deliberate refusal\\. The person you called may need to ask their own carrier why\\.
`;

const MINIMAL_MARKDOWN = `# Support request for Example Voice

Prepared 2026-01-05 08:04 UTC with Call Troubleshooter

## Diagnosis

Not chosen\\.

## Numbers

- **Originating number:** \`+19195550100\`
- **Destination numbers:** \`+19195550199\`

## Failed calls

- \`2026-01-05T08:00:00Z\` (local \`2026-01-05 08:00:00 +00:00\`, \`UTC\`)

## SIP response codes

(none)

## Error messages

(none)

## Description

Calls fail\\.

## Steps already tried

(none)

## Contact support?

**Not yet: none of the reasons to contact support applies so far**
`;

/** Markdown metacharacters that must never appear unescaped in escaped text. */
const META = new Set('\\`*_{}[]()#+-.!|<>~&@');

describe('formatMarkdown', () => {
  it('writes the full document for a fully filled ticket', () => {
    expect(formatMarkdown(sampleTicket())).toBe(SAMPLE_MARKDOWN);
  });

  it('leaves out what is absent and says "(none)" or "Not chosen" where the layout asks', () => {
    expect(formatMarkdown(minimalTicket())).toBe(MINIMAL_MARKDOWN);
  });

  it('escapes hostile typed text so it renders literally, one typed line per line', () => {
    const description = [
      '[click](javascript:alert(1))',
      '<img src=x onerror=alert(1)>',
      '# heading',
      '**bold** and _em_ and ~~strike~~',
      '1. not a list',
      '+ not a list either',
      '> not a quote',
      '===',
      'see https://evil.example/x or www.evil.example or me@evil.example',
      '&lt;b&gt; | a | b |',
      '```js',
    ].join('\r\n');
    const markdown = formatMarkdown(minimalTicket({ description }));
    expect(markdown).toContain(
      '## Description\n\n' +
        '\\[click\\]\\(javascript:alert\\(1\\)\\)\\\n' +
        '\\<img src=x onerror=alert\\(1\\)\\>\\\n' +
        '\\# heading\\\n' +
        '\\*\\*bold\\*\\* and \\_em\\_ and \\~\\~strike\\~\\~\\\n' +
        '1\\. not a list\\\n' +
        '\\+ not a list either\\\n' +
        '\\> not a quote\\\n' +
        '\\===\\\n' +
        'see https\\://evil\\.example/x or www\\.evil\\.example or me\\@evil\\.example\\\n' +
        '\\&lt;b\\&gt; \\| a \\| b \\|\\\n' +
        '\\`\\`\\`js\n\n## Steps already tried',
    );
  });

  it('escapes answers and titles too, since they are text and not markup', () => {
    const markdown = formatMarkdown(
      minimalTicket({
        diagnosis: {
          outcome: { id: 'x', title: '<script>alert(1)</script>' },
          answers: [{ question: 'Which **code**?', answer: '[503](http://evil.example)' }],
        },
      }),
    );
    expect(markdown).toContain('- **Diagnosis:** \\<script\\>alert\\(1\\)\\</script\\>\n');
    expect(markdown).toContain(
      '  - Which \\*\\*code\\*\\*? \\[503\\]\\(http\\://evil\\.example\\)\n',
    );
  });

  it('puts error text in a fence longer than any backtick run inside it', () => {
    const markdown = formatMarkdown(
      minimalTicket({ errorText: 'before\n```\n<b>not html</b>\n````\nafter' }),
    );
    expect(markdown).toContain(
      '## Error messages\n\n`````\nbefore\n```\n<b>not html</b>\n````\nafter\n`````\n\n',
    );
  });

  it('links only http(s) addresses, and writes any other link as escaped text', () => {
    const link = (url: string) =>
      formatMarkdown(minimalTicket({ diagnosis: { answers: [], link: url } }));
    expect(link('https://help.example.net/a-b')).toContain(
      '- **Link:** <https://help.example.net/a-b>\n',
    );
    expect(link('javascript:alert(1)')).toContain('- **Link:** javascript:alert\\(1\\)\n');
    expect(link('https://x.example/<b>')).toContain('- **Link:** https\\://x\\.example/\\<b\\>\n');
  });
});

describe('escapeMarkdown', () => {
  it('leaves no metacharacter unescaped, and removing the escapes gives the text back', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 100 }), (text) => {
        const escaped = escapeMarkdown(text);
        for (let i = 0; i < escaped.length; i += 1) {
          if (escaped[i] === '\\') i += 1;
          else expect(META.has(escaped[i]!)).toBe(false);
        }
        expect(escaped).not.toMatch(/^=|[\r\n]/);
        expect(escaped.replace(/\\(.)/gs, '$1')).toBe(oneLine(text));
      }),
    );
  });
});

describe('codeSpan', () => {
  it('uses a fence longer than any backtick run, padded when the text touches it', () => {
    expect(codeSpan('+19195550100')).toBe('`+19195550100`');
    expect(codeSpan('a``b')).toBe('```a``b```');
    expect(codeSpan('`x')).toBe('`` `x ``');
  });
});
