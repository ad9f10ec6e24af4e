import { describe, expect, it } from 'vitest';
import { draftFields } from './draft-fields.ts';
import { blankDraft, type TicketDraft } from './model.ts';

const config = {
  config: { products: { lcr: 'Route Saver', direct: 'Direct Routes' } },
} as Parameters<typeof draftFields>[1];

const empty: TicketDraft = blankDraft('US', 'UTC');

describe('draftFields', () => {
  it('lists nothing for no draft or an untouched one', () => {
    expect(draftFields(null, config)).toEqual([]);
    expect(draftFields(empty, config)).toEqual([]);
  });

  it('lists the filled fields as typed, in the form’s order, with readable choices', () => {
    const draft: TicketDraft = {
      ...empty,
      origin: ' 919 555 0100 ',
      destinations: ['+44 20 7946 0958', '', '+49 30 123456'],
      timestamps: ['2026-11-24 14:05', ''],
      timeZone: 'Europe/Berlin',
      codes: '503',
      frequency: 'often',
      product: 'lcr',
      description: 'Calls to London fail.\nSince 9am.',
    };
    expect(draftFields(draft, config)).toEqual([
      { label: 'Number called from', value: '919 555 0100' },
      { label: 'Numbers called', value: '+44 20 7946 0958, +49 30 123456' },
      { label: 'Failed calls', value: '2026-11-24 14:05 (Europe/Berlin)' },
      { label: 'SIP response codes', value: '503' },
      { label: 'How often', value: 'Often, but not every time' },
      { label: 'Service', value: 'Route Saver' },
      { label: 'What happened', value: 'Calls to London fail.\nSince 9am.' },
    ]);
  });
});
