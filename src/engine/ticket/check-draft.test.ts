import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadContent } from '../../../scripts/content/load-content.ts';
import type { Content } from '../schema.ts';
import { FREQUENCIES, PRODUCTS } from '../vocabulary.ts';
import { checkDraft } from './check-draft.ts';
import { ticketContext } from './context.ts';
import type { TicketDraft } from './model.ts';

let content: Content;
beforeAll(async () => {
  const loaded = await loadContent();
  if (!loaded.ok) throw new Error('content/ must be valid');
  content = loaded.content;
});

const NOW = new Date('2026-11-24T20:00:00Z');

function draft(overrides: Partial<TicketDraft> = {}): TicketDraft {
  return {
    trail: ['never-connects', 'sip-code', '503', 'lcr', 'peak'],
    country: 'US',
    origin: '(919) 555-0100',
    destinations: ['+44 20 7946 0958', '', '919-555-0101'],
    timestamps: ['2026-11-24 14:05:30', ''],
    timeZone: 'America/New_York',
    codes: null,
    errorText: '',
    frequency: null,
    product: null,
    description: '  Calls fail every evening.  ',
    ...overrides,
  };
}

function check(d: TicketDraft, ticks: Record<string, string[]> = {}) {
  return checkDraft(d, {
    content,
    context: ticketContext(content, d.trail),
    ticks,
    now: NOW,
    linkFor: (path) => `https://help.example.net${path}`,
  });
}

describe('checkDraft', () => {
  it('builds the ticket from the draft, the answers and the ticks', () => {
    const report = check(draft(), {
      procedure: ['number-active'],
      'sip-503-peak-capacity': ['check-limits'],
    });
    expect(report.errors).toEqual([]);
    expect(report.effective).toEqual({ codes: '503', frequency: 'often', product: 'lcr' });
    const ticket = report.ticket!;
    expect(ticket.preparedAt).toBe('2026-11-24T20:00:00Z');
    expect(ticket.diagnosis.outcome?.id).toBe('sip-503-peak-capacity');
    expect(ticket.diagnosis.category).toEqual({
      id: 'never-connects',
      title: 'The call never connects',
    });
    expect(ticket.diagnosis.answers).toHaveLength(5);
    expect(ticket.diagnosis.link).toBe(
      'https://help.example.net/never-connects/sip-code/503/lcr/peak',
    );
    expect(ticket.numbers.originating.e164).toBe('+19195550100');
    expect(ticket.numbers.destinations.map((n) => n.e164)).toEqual([
      '+442079460958',
      '+19195550101',
    ]);
    expect(ticket.failedCalls.times.map((t) => t.utc)).toEqual(['2026-11-24T19:05:30Z']);
    expect(ticket.codes.map((c) => `${c.code} ${c.phrase}`)).toEqual(['503 Service Unavailable']);
    expect(ticket.product).toEqual({ id: 'lcr', label: 'Wholesale LCR Termination' });
    expect(ticket.description).toBe('Calls fail every evening.');
    expect(ticket.tried.map((t) => `${t.source}:${t.id}`)).toEqual([
      'procedure:number-active',
      'fix-step:check-limits',
    ]);
    expect(ticket.escalation.verdict).toBe('contact-support');
  });

  it('lets the form override what the answers suggested', () => {
    const report = check(draft({ codes: '480', frequency: 'once', product: 'direct' }));
    expect(report.effective).toEqual({ codes: '480', frequency: 'once', product: 'direct' });
    expect(report.ticket?.codes.map((c) => c.code)).toEqual([480]);
  });

  it('lists every blocking problem in form order, next to its field and row', () => {
    const report = check(
      draft({
        origin: '',
        destinations: ['', '12'],
        timestamps: ['2026-02-30 10:00'],
        codes: '',
        description: 'x'.repeat(2001),
      }),
    );
    expect(report.ticket).toBeUndefined();
    expect(report.errors.map((e) => [e.field, e.row])).toEqual([
      ['origin', undefined],
      ['destinations', 1],
      ['timestamps', 0],
      ['codes', undefined],
      ['description', undefined],
    ]);
    expect(report.errors[0]?.message).toBe('Enter the number you called from.');
    expect(report.errors[3]?.message).toBe(
      'Enter the SIP code you saw, or paste the error message below.',
    );
    expect(report.errors[4]?.message).toBe('Shorten this to 2000 characters; it has 2001.');
  });

  it('accepts an error message instead of a code', () => {
    const report = check(draft({ codes: '', errorText: 'Reason: Q.850;cause=34' }));
    expect(report.errors).toEqual([]);
    expect(report.ticket?.codes).toEqual([]);
  });

  it('asks for at least one destination and one time', () => {
    const report = check(draft({ destinations: ['  '], timestamps: [''] }));
    expect(report.errors.map((e) => e.message)).toEqual([
      'Enter at least one number you called.',
      'Enter the date and time of at least one failed call.',
    ]);
  });

  it('opens a stale draft whose answers no longer exist, keeping the valid part', () => {
    const report = check(draft({ trail: ['never-connects', 'no-such-answer', 'x'], codes: '503' }));
    expect(report.ticket?.diagnosis.answers).toHaveLength(1);
    expect(report.ticket?.diagnosis.outcome).toBeUndefined();
  });

  it('never throws, and gives a ticket exactly when there are no errors', () => {
    const text = fc.string({ maxLength: 60 });
    fc.assert(
      fc.property(
        fc.record({
          origin: text,
          destinations: fc.array(text, { minLength: 1, maxLength: 4 }),
          timestamps: fc.array(text, { minLength: 1, maxLength: 4 }),
          codes: fc.option(text, { nil: null }),
          errorText: text,
          description: text,
          frequency: fc.constantFrom(null, ...FREQUENCIES),
          product: fc.constantFrom(null, ...PRODUCTS),
        }),
        (fields) => {
          const report = check(draft(fields));
          expect(report.ticket === undefined).toBe(report.errors.length > 0);
          for (const error of report.errors) expect(error.message.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 200 },
    );
  });
});
