import type { Ticket } from '../model.ts';

/** Top-level parts to replace; `undefined` removes an optional part (frequency, product). */
export type TicketOverrides = Partial<Omit<Ticket, 'frequency' | 'product'>> & {
  frequency?: Ticket['frequency'] | undefined;
  product?: Ticket['product'] | undefined;
};

/**
 * A realistic, fully filled ticket: persistent 503s on least-cost routing, two destinations, three
 * failed calls, a multi-line error message and description, and one condition that does not hold
 * (as check-draft.ts builds it from content/).
 * Top-level parts can be replaced; passing `undefined` for an optional part removes it.
 */
export function sampleTicket(overrides: TicketOverrides = {}): Ticket {
  const ticket: Ticket = {
    preparedAt: '2026-11-24T19:10:27Z',
    brand: 'Call Troubleshooter',
    provider: { name: 'Example Voice', supportEmail: 'support@example.net' },
    diagnosis: {
      category: { id: 'never-connects', title: 'The call never connects' },
      outcome: { id: 'sip-503-investigate', title: 'Persistent 503s — investigate the cause' },
      answers: [
        { question: 'What does the failure look like?', answer: 'The call never connects' },
        {
          question: 'What happens when you place the call?',
          answer: 'My phone system shows a SIP error code',
        },
        { question: 'Which SIP response code do you see?', answer: '503 Service Unavailable' },
        {
          question: 'How do the 503s behave?',
          answer: 'They persist, retries keep failing, and many destinations are affected',
        },
      ],
      link: 'https://help.example.net/never-connects/sip-code/503/lcr/persistent',
    },
    numbers: {
      originating: { e164: '+19195550100', country: 'US', display: '+1 919 555 0100' },
      destinations: [
        { e164: '+442079460123', country: 'GB', display: '+44 20 7946 0123' },
        { e164: '+33199001234', country: 'FR', display: '+33 1 99 00 12 34' },
      ],
    },
    failedCalls: {
      timeZone: 'America/New_York',
      times: [
        {
          utc: '2026-11-24T18:52:13Z',
          local: '2026-11-24 13:52:13',
          timeZone: 'America/New_York',
          offset: '-05:00',
        },
        {
          utc: '2026-11-24T19:05:02Z',
          local: '2026-11-24 14:05:02',
          timeZone: 'America/New_York',
          offset: '-05:00',
        },
      ],
    },
    codes: [
      { code: 503, phrase: 'Service Unavailable', known: true, class: 5 },
      { code: '603+', phrase: 'Network Blocked', known: true, class: 6 },
    ],
    errorText:
      'SIP/2.0 503 Service Unavailable\nReason: Q.850;cause=34;text="No circuit available"',
    frequency: { id: 'often', label: 'Often, but not every time' },
    product: { id: 'lcr', label: 'Wholesale LCR Termination' },
    description:
      'Since about 13:30 today most calls to the UK and France fail.\n' +
      'Retrying does not help, even a few minutes later.\n' +
      '\n' +
      'Calls to US numbers still connect.',
    tried: [
      {
        id: 'find-final-response',
        text: "Find the final response to the INVITE in your phone system's logs or a SIP trace.",
        source: 'procedure',
      },
      {
        id: 'test-destinations',
        text: 'Place test calls to a few numbers in different countries.',
        source: 'fix-step',
      },
    ],
    escalation: {
      verdict: 'contact-support',
      headline: 'Yes: contact Example Voice support',
      cautions: [
        'Retrying won’t help: a 6xx is a deliberate refusal. The person you called may need to ask their own carrier why.',
      ],
      conditions: [
        {
          id: 'reproducible',
          text: 'The failure happens every time, or you can make it happen again on purpose.',
          holds: true,
          reason: 'You said it fails often.',
        },
        {
          id: 'persistent-5xx-6xx',
          text: '5xx or 6xx responses keep coming back, beyond the occasional 503 that least-cost routing sends on purpose.',
          holds: true,
          reason: '503, 603+ keeps coming back.',
        },
        {
          id: 'many-destinations',
          text: 'Calls fail to several different destinations, not just one number.',
          holds: true,
          reason: 'You listed 2 destination numbers.',
        },
        {
          id: 'audio-after-network-checks',
          text: 'The audio is still bad after you have checked SIP ALG, NAT, firewall and RTP ports.',
          holds: false,
          reason: 'Applies to audio problems only.',
        },
      ],
    },
  };
  return withOverrides(ticket, overrides);
}

/**
 * The smallest valid ticket: no diagnosis, one number each, one failed call, no codes, no error
 * text, no frequency or product, nothing tried and no conditions.
 */
export function minimalTicket(overrides: TicketOverrides = {}): Ticket {
  const ticket: Ticket = {
    preparedAt: '2026-01-05T08:04:00Z',
    brand: 'Call Troubleshooter',
    provider: { name: 'Example Voice', supportEmail: 'support@example.net' },
    diagnosis: { answers: [] },
    numbers: {
      originating: { e164: '+19195550100', country: 'US', display: '+1 919 555 0100' },
      destinations: [{ e164: '+19195550199', country: 'US', display: '+1 919 555 0199' }],
    },
    failedCalls: {
      timeZone: 'UTC',
      times: [
        {
          utc: '2026-01-05T08:00:00Z',
          local: '2026-01-05 08:00:00',
          timeZone: 'UTC',
          offset: '+00:00',
        },
      ],
    },
    codes: [],
    errorText: '',
    description: 'Calls fail.',
    tried: [],
    escalation: {
      verdict: 'not-yet',
      headline: 'Not yet: none of the reasons to contact support applies so far',
      cautions: [],
      conditions: [],
    },
  };
  return withOverrides(ticket, overrides);
}

function withOverrides(ticket: Ticket, overrides: TicketOverrides): Ticket {
  const merged = Object.entries({ ...ticket, ...overrides });
  return Object.fromEntries(merged.filter(([, value]) => value !== undefined)) as unknown as Ticket;
}
