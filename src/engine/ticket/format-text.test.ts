import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatPreparedAt, formatText } from './format-text.ts';
import { minimalTicket, sampleTicket } from './test-support/sample-ticket.ts';

const SAMPLE_TEXT = `Support request for Example Voice
Prepared 2026-11-24 19:10 UTC with Call Troubleshooter

Diagnosis: Persistent 503s — investigate the cause
Category: The call never connects
Answers:
- What does the failure look like? The call never connects
- What happens when you place the call? My phone system shows a SIP error code
- Which SIP response code do you see? 503 Service Unavailable
- How do the 503s behave? They persist, retries keep failing, and many destinations are affected
Link: https://help.example.net/never-connects/sip-code/503/lcr/persistent

Originating number: +19195550100
Destination numbers: +442079460123, +33199001234
Failed calls (UTC):
- 2026-11-24T18:52:13Z (local 2026-11-24 13:52:13 -05:00, America/New_York)
- 2026-11-24T19:05:02Z (local 2026-11-24 14:05:02 -05:00, America/New_York)
SIP response codes: 503 Service Unavailable, 603+ Network Blocked
Error messages: SIP/2.0 503 Service Unavailable
  Reason: Q.850;cause=34;text="No circuit available"
How often: Often, but not every time
Product: Wholesale LCR Termination

Description:
Since about 13:30 today most calls to the UK and France fail.
Retrying does not help, even a few minutes later.

Calls to US numbers still connect.

Steps already tried:
- Find the final response to the INVITE in your phone system's logs or a SIP trace.
- Place test calls to a few numbers in different countries.

Contact support? Yes: contact Example Voice support
- [x] The failure happens every time, or you can make it happen again on purpose. You said it fails often.
- [x] 5xx or 6xx responses keep coming back, beyond the occasional 503 that least-cost routing sends on purpose. 503, 603+ keeps coming back.
- [x] Calls fail to several different destinations, not just one number. You listed 2 destination numbers.
- [ ] The audio is still bad after you have checked SIP ALG, NAT, firewall and RTP ports. Applies to audio problems only.
- Note: Retrying won’t help: a 6xx is a deliberate refusal. The person you called may need to ask their own carrier why.
`;

const MINIMAL_TEXT = `Support request for Example Voice
Prepared 2026-01-05 08:04 UTC with Call Troubleshooter

Diagnosis: not chosen

Originating number: +19195550100
Destination numbers: +19195550199
Failed calls (UTC):
- 2026-01-05T08:00:00Z (local 2026-01-05 08:00:00 +00:00, UTC)
SIP response codes: (none)
Error messages: (none)

Description:
Calls fail.

Steps already tried:
- (none)

Contact support? Not yet: none of the reasons to contact support applies so far
`;

describe('formatText', () => {
  it('writes the full layout for a fully filled ticket', () => {
    expect(formatText(sampleTicket())).toBe(SAMPLE_TEXT);
  });

  it('leaves out what is absent and says "(none)" or "not chosen" where the layout asks', () => {
    expect(formatText(minimalTicket())).toBe(MINIMAL_TEXT);
  });

  it('shows the parts of a diagnosis that are there, without "not chosen"', () => {
    const text = formatText(
      minimalTicket({
        diagnosis: {
          category: { id: 'broken-audio', title: 'The call connects, but the audio is broken' },
          answers: [],
        },
      }),
    );
    expect(text).toContain('\n\nCategory: The call connects, but the audio is broken\n\n');
    expect(text).not.toContain('Diagnosis:');
  });

  it('reads CRLF and CR as line breaks and indents further error lines by two spaces', () => {
    const text = formatText(
      minimalTicket({
        errorText:
          'SIP/2.0 480 Temporarily Unavailable\r\nReason: SIP;cause=480\r\rRetry-After: 60',
        description: 'First line\r\nsecond line  \rthird line',
      }),
    );
    expect(text).toContain(
      'Error messages: SIP/2.0 480 Temporarily Unavailable\n' +
        '  Reason: SIP;cause=480\n' +
        '\n' +
        '  Retry-After: 60\n',
    );
    expect(text).toContain('Description:\nFirst line\nsecond line\nthird line\n\n');
    expect(text).not.toContain('\r');
  });

  it('keeps typed text verbatim: nothing is escaped in plain text', () => {
    const typed = '**not bold** <b>tag</b> [link](javascript:alert(1)) # not a heading';
    expect(formatText(minimalTicket({ description: typed }))).toContain(`\n${typed}\n`);
  });

  it('puts one-line fields on one line even when they contain line breaks', () => {
    const text = formatText(
      minimalTicket({
        tried: [{ id: 'x', text: 'Checked the\nfirewall', source: 'procedure' }],
      }),
    );
    expect(text).toContain('\n- Checked the firewall\n');
  });

  it('never leaves trailing spaces or CRs, and ends with exactly one newline', () => {
    const free = fc.string({ unit: 'binary', maxLength: 200 });
    fc.assert(
      fc.property(free, free, free, (description, errorText, caution) => {
        const text = formatText(
          sampleTicket({
            description,
            errorText,
            escalation: { ...sampleTicket().escalation, cautions: [caution] },
          }),
        );
        expect(text).toMatch(/[^\n]\n$/);
        expect(text).not.toMatch(/[ \t]\n/);
        expect(text).not.toContain('\r');
      }),
    );
  });
});

describe('formatPreparedAt', () => {
  it('writes the minute in UTC, and leaves a value that is not a date as it is', () => {
    expect(formatPreparedAt('2026-11-24T19:10:59Z')).toBe('2026-11-24 19:10 UTC');
    expect(formatPreparedAt('2026-11-24T20:10:00+01:00')).toBe('2026-11-24 19:10 UTC');
    expect(formatPreparedAt('soon')).toBe('soon');
  });
});
