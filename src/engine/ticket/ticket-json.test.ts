import fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import { ticketFileName } from './file-name.ts';
import { TICKET_FORMAT, TICKET_FORMAT_VERSION, type Ticket } from './model.ts';
import { minimalTicket, sampleTicket } from './test-support/sample-ticket.ts';
import { ticketToJson, type TicketJson } from './ticket-json.ts';
import { TicketJsonSchema } from './ticket-json-schema.ts';

const SAMPLE_JSON = `{
  "format": "call-troubleshooter/support-request",
  "version": 1,
  "preparedAt": "2026-01-05T08:04:00Z",
  "brand": "Call Troubleshooter",
  "provider": {
    "name": "Example Voice",
    "supportEmail": "support@example.net"
  },
  "diagnosis": {
    "answers": []
  },
  "numbers": {
    "originating": {
      "e164": "+19195550100",
      "country": "US",
      "display": "+1 919 555 0100"
    },
    "destinations": [
      {
        "e164": "+19195550199",
        "country": "US",
        "display": "+1 919 555 0199"
      }
    ]
  },
  "failedCalls": {
    "timeZone": "UTC",
    "times": [
      {
        "utc": "2026-01-05T08:00:00Z",
        "local": "2026-01-05 08:00:00",
        "timeZone": "UTC",
        "offset": "+00:00"
      }
    ]
  },
  "codes": [],
  "errorText": "",
  "description": "Calls fail.",
  "tried": [],
  "escalation": {
    "verdict": "not-yet",
    "headline": "Not yet: none of the reasons to contact support applies so far",
    "cautions": [],
    "conditions": []
  }
}
`;

const TOP_LEVEL_KEYS = [
  'format',
  'version',
  'preparedAt',
  'brand',
  'provider',
  'diagnosis',
  'numbers',
  'failedCalls',
  'codes',
  'errorText',
  'frequency',
  'product',
  'description',
  'tried',
  'escalation',
];

/** A ticket with arbitrary text wherever people or content write free text. */
const tickets = fc
  .record({
    description: fc.string({ unit: 'binary', maxLength: 900 }),
    errorText: fc.string({ unit: 'binary', maxLength: 450 }),
    answer: fc.string({ unit: 'binary' }),
    caution: fc.string({ unit: 'binary' }),
    reason: fc.string({ unit: 'binary' }),
    label: fc.string(),
    full: fc.boolean(),
  })
  .map(({ description, errorText, answer, caution, reason, label, full }): Ticket => {
    const base = full ? sampleTicket() : minimalTicket();
    return {
      ...base,
      diagnosis: { ...base.diagnosis, answers: [{ question: label, answer }] },
      errorText,
      description,
      escalation: {
        ...base.escalation,
        cautions: [caution],
        conditions: [{ id: 'reproducible', text: label, holds: full, reason }],
      },
    };
  });

describe('ticketToJson', () => {
  it('writes the documented document, two-space indented, with a final newline', () => {
    expect(ticketToJson(minimalTicket())).toBe(SAMPLE_JSON);
  });

  it('writes the top-level keys in the documented order, "603+" as a string', () => {
    const doc = JSON.parse(ticketToJson(sampleTicket())) as Record<string, unknown>;
    expect(Object.keys(doc)).toEqual(TOP_LEVEL_KEYS);
    expect(doc.codes).toEqual([
      { code: 503, phrase: 'Service Unavailable', known: true, class: 5 },
      { code: '603+', phrase: 'Network Blocked', known: true, class: 6 },
    ]);
  });

  it('keeps nothing but the documented fields', () => {
    const extra = { ...sampleTicket(), secret: 'x' } as Ticket;
    expect(ticketToJson(extra)).toBe(ticketToJson(sampleTicket()));
  });

  it('round-trips the ticket: JSON.parse gives back its data, whatever text it holds', () => {
    fc.assert(
      fc.property(tickets, (ticket) => {
        const doc: unknown = JSON.parse(ticketToJson(ticket));
        expect(doc).toStrictEqual({
          format: TICKET_FORMAT,
          version: TICKET_FORMAT_VERSION,
          ...ticket,
        });
        expect(TicketJsonSchema.safeParse(doc).success).toBe(true);
      }),
    );
  });
});

describe('TicketJsonSchema', () => {
  const sample = () => JSON.parse(ticketToJson(sampleTicket())) as Record<string, unknown>;

  it('accepts the JSON of the sample and the minimal ticket', () => {
    expect(TicketJsonSchema.parse(sample())).toEqual(sample());
    expect(TicketJsonSchema.safeParse(JSON.parse(ticketToJson(minimalTicket()))).success).toBe(
      true,
    );
  });

  it('rejects an unknown top-level key and a wrong version', () => {
    expect(TicketJsonSchema.safeParse({ ...sample(), priority: 'high' }).success).toBe(false);
    expect(TicketJsonSchema.safeParse({ ...sample(), version: 2 }).success).toBe(false);
    const { version: _version, ...unversioned } = sample();
    expect(TicketJsonSchema.safeParse(unversioned).success).toBe(false);
  });

  it('rejects unknown keys inside, and values of the wrong shape', () => {
    const doc = sample();
    const provider = { ...(doc.provider as object), phone: '+1' };
    expect(TicketJsonSchema.safeParse({ ...doc, provider }).success).toBe(false);
    expect(TicketJsonSchema.safeParse({ ...doc, codes: [{ code: '503' }] }).success).toBe(false);
    expect(TicketJsonSchema.safeParse({ ...doc, preparedAt: 'yesterday' }).success).toBe(false);
  });

  it('describes every field', () => {
    const undescribed: string[] = [];
    const visit = (node: unknown, at: string): void => {
      if (typeof node !== 'object' || node === null) return;
      const { properties, items } = node as { properties?: unknown; items?: unknown };
      if (typeof properties === 'object' && properties !== null) {
        for (const [key, value] of Object.entries(properties)) {
          if (typeof (value as { description?: unknown }).description !== 'string') {
            undescribed.push(`${at}.${key}`);
          }
          visit(value, `${at}.${key}`);
        }
      }
      visit(items, `${at}[]`);
    };
    visit(TicketJsonSchema.toJSONSchema(), '$');
    expect(undescribed).toEqual([]);
  });

  it('matches the serializer: every document it writes has the schema type', () => {
    expectTypeOf<TicketJson>().toExtend<z.input<typeof TicketJsonSchema>>();
  });
});

describe('ticketFileName', () => {
  it('names the file after when the request was prepared, in UTC', () => {
    expect(ticketFileName(sampleTicket(), 'txt')).toBe('support-request-20261124-1910.txt');
    expect(ticketFileName(sampleTicket(), 'json')).toBe('support-request-20261124-1910.json');
    expect(ticketFileName(minimalTicket(), 'md')).toBe('support-request-20260105-0804.md');
    const offset = sampleTicket({ preparedAt: '2026-11-25T01:05:00+02:00' });
    expect(ticketFileName(offset, 'txt')).toBe('support-request-20261124-2305.txt');
  });

  it('falls back to a plain name when preparedAt is not a date', () => {
    expect(ticketFileName(sampleTicket({ preparedAt: 'later' }), 'md')).toBe('support-request.md');
  });
});
