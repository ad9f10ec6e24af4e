import reference from 'virtual:code-reference';
import { describe, expect, it } from 'vitest';
import { filterCodes } from './filter.ts';

const codesFor = (query: string) =>
  filterCodes(query, reference.codes, reference.q850).codes.map((entry) => String(entry.code));

describe('filterCodes', () => {
  it('matches codes by their first digits', () => {
    expect(codesFor('50')).toEqual(['500', '501', '502', '503', '504', '505']);
    expect(codesFor('603+')).toEqual(['603+']);
    expect(filterCodes('34', reference.codes, reference.q850).causes.map((c) => c.cause)).toEqual([
      34,
    ]);
  });

  it('matches words in phrases, meanings and keywords, ignoring case', () => {
    expect(codesFor('BUSY')).toEqual(expect.arrayContaining(['486', '600']));
    expect(codesFor('identity header')).toEqual(expect.arrayContaining(['428', '438']));
    expect(codesFor('Bad Identity-Info')).toContain('436');
  });

  it('shows everything for an empty filter and nothing for nonsense', () => {
    expect(codesFor('  ')).toHaveLength(reference.codes.length);
    expect(codesFor('zzzz qqq')).toEqual([]);
  });
});
