import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatText } from './format-text.ts';
import { compactTicket, MAILTO_MAX_LENGTH, mailSubject, mailtoLink } from './mailto.ts';
import { minimalTicket, sampleTicket } from './test-support/sample-ticket.ts';

const MINIMAL_HREF =
  'mailto:support@example.net?subject=Support%20request%3A%20Failed%20calls&body=' +
  'Support%20request%20for%20Example%20Voice%0D%0A' +
  'Prepared%202026-01-05%2008%3A04%20UTC%20with%20Call%20Troubleshooter%0D%0A%0D%0A' +
  'Diagnosis%3A%20not%20chosen%0D%0A%0D%0A' +
  'Originating%20number%3A%20%2B19195550100%0D%0A' +
  'Destination%20numbers%3A%20%2B19195550199%0D%0A' +
  'Failed%20calls%20(UTC)%3A%0D%0A' +
  '-%202026-01-05T08%3A00%3A00Z%20(local%202026-01-05%2008%3A00%3A00%20%2B00%3A00%2C%20UTC)%0D%0A' +
  'SIP%20response%20codes%3A%20(none)%0D%0A' +
  'Error%20messages%3A%20(none)%0D%0A%0D%0A' +
  'Description%3A%0D%0ACalls%20fail.%0D%0A%0D%0A' +
  'Steps%20already%20tried%3A%0D%0A-%20(none)%0D%0A%0D%0A' +
  'Contact%20support%3F%20Not%20yet%3A%20none%20of%20the%20reasons%20to%20contact%20support%20' +
  'applies%20so%20far%0D%0A';

const SAMPLE_FALLBACK_BODY =
  `This support request was too long to send as an email link, so only the essentials are below.
Please paste the full request text you copied from the troubleshooter into this email.

Diagnosis: Persistent 503s — investigate the cause
Originating number: +19195550100
Destination number: +442079460123
Failed call (UTC): 2026-11-24T18:52:13Z
SIP response codes: 503 Service Unavailable, 603+ Network Blocked`.replaceAll('\n', '\r\n');

/** The decoded query parameters of a mailto href. */
function params(href: string): Record<string, string> {
  const query = href.split('?')[1] ?? '';
  return Object.fromEntries(
    query
      .split('&')
      .filter((pair) => pair !== '')
      .map((pair) => {
        const [key = '', value = ''] = pair.split('=');
        return [key, decodeURIComponent(value)];
      }),
  );
}

describe('mailtoLink', () => {
  it('puts the whole plain-text request in the body when it fits', () => {
    expect(mailtoLink(minimalTicket())).toEqual({ href: MINIMAL_HREF, complete: true });
  });

  it('falls back to a note and the essentials when the request is too long', () => {
    const { href, complete } = mailtoLink(sampleTicket());
    expect(complete).toBe(false);
    expect(href.length).toBeLessThanOrEqual(MAILTO_MAX_LENGTH);
    expect(href.startsWith('mailto:support@example.net?subject=')).toBe(true);
    expect(params(href)).toEqual({
      subject: 'Support request: Persistent 503s — investigate the cause',
      body: SAMPLE_FALLBACK_BODY,
    });
  });

  it('falls back when a long description pushes the link past 2,000 characters', () => {
    const ticket = minimalTicket({ description: 'The call fails. '.repeat(120) });
    const { href, complete } = mailtoLink(ticket);
    expect(complete).toBe(false);
    expect(href.length).toBeLessThanOrEqual(2000);
    expect(params(href).body).toContain('Originating number: +19195550100\r\n');
  });

  it('is complete exactly up to maxLength', () => {
    const full = mailtoLink(minimalTicket()).href;
    expect(mailtoLink(minimalTicket(), { maxLength: full.length })).toEqual({
      href: full,
      complete: true,
    });
    expect(mailtoLink(minimalTicket(), { maxLength: full.length - 1 }).complete).toBe(false);
  });

  it('keeps only the essentials that fit, and drops the body when not even the note fits', () => {
    const short = mailtoLink(sampleTicket(), { maxLength: 600 });
    expect(short.href.length).toBeLessThanOrEqual(600);
    expect(params(short.href).body).toContain('Diagnosis: Persistent 503s');
    expect(params(short.href).body).not.toContain('SIP response codes');
    expect(mailtoLink(sampleTicket(), { maxLength: 200 }).href).toBe(
      'mailto:support@example.net?subject=Support%20request%3A%20Persistent%20503s%20%E2%80%94%20investigate%20the%20cause',
    );
    expect(mailtoLink(sampleTicket(), { maxLength: 40 }).href).toBe('mailto:support@example.net');
  });

  it('stays within maxLength and decodes cleanly, whatever the description', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 2500 }),
        fc.integer({ min: 30, max: 6000 }),
        (description, maxLength) => {
          const ticket = sampleTicket({ description });
          const { href, complete } = mailtoLink(ticket, { maxLength });
          expect(href.length).toBeLessThanOrEqual(maxLength);
          const body = params(href).body;
          if (complete) {
            expect([formatText(ticket), formatText(compactTicket(ticket))]).toContain(
              body?.replaceAll('\r\n', '\n'),
            );
          }
        },
      ),
    );
  });
});

describe('compact email body', () => {
  it('drops the answers and the conditions that do not hold when the full request is too long', () => {
    const ticket = sampleTicket({ description: 'Calls to London fail.' });
    const full = formatText(ticket);
    const compact = formatText(compactTicket(ticket));
    const { href, complete } = mailtoLink(ticket, {
      maxLength: mailtoLink(ticket, { maxLength: 100_000 }).href.length - 1,
    });
    expect(complete).toBe(true);
    expect(params(href).body?.replaceAll('\r\n', '\n')).toBe(compact);
    expect(compact).not.toContain('Answers:');
    expect(full).toContain('Answers:');
    expect(compact).not.toContain('- [ ]');
    expect(compact).toContain('- [x] Calls fail to several different destinations');
    expect(compact).toContain('Link: https://help.example.net/');
  });
});

describe('mailSubject', () => {
  it('names the outcome, else the category, else failed calls', () => {
    expect(mailSubject(sampleTicket())).toBe(
      'Support request: Persistent 503s — investigate the cause',
    );
    const category = { id: 'broken-audio', title: 'The call connects, but the audio is broken' };
    expect(mailSubject(minimalTicket({ diagnosis: { category, answers: [] } }))).toBe(
      'Support request: The call connects, but the audio is broken',
    );
    expect(mailSubject(minimalTicket())).toBe('Support request: Failed calls');
  });
});
