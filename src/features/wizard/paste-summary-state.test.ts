import { describe, expect, it } from 'vitest';
import { readPasteSummary, type PasteSummary } from './paste-summary-state';

const valid: PasteSummary = {
  code: '503',
  phrase: 'Service Unavailable',
  registered: true,
  q850: { cause: 34, name: 'No circuit/channel available', typicalSip: 503 },
  typical: false,
  reasons: ['Q.850;cause=34'],
  notes: [],
  others: [{ code: '480', phrase: 'Temporarily Unavailable' }],
};

describe('readPasteSummary', () => {
  it('reads a well-formed summary', () => {
    expect(readPasteSummary({ pasted: valid })).toEqual(valid);
  });

  it.each([
    ['no state', null],
    ['a foreign state', { usr: 1 }],
    ['a wrong code type', { pasted: { ...valid, code: 503 } }],
    ['a null in the other codes', { pasted: { ...valid, others: [null] } }],
    ['an object as the Q.850 cause', { pasted: { ...valid, q850: { cause: { a: 1 } } } }],
    ['a number among the notes', { pasted: { ...valid, notes: [1] } }],
    ['a non-string written phrase', { pasted: { ...valid, writtenPhrase: {} } }],
  ])('ignores %s', (_name, state) => {
    expect(readPasteSummary(state)).toBeUndefined();
  });
});
