import content from 'virtual:content';
import reference from 'virtual:code-reference';
import keywords from 'virtual:search-keywords';
import { describe, expect, it } from 'vitest';
import { decodePath } from '../path-codec.ts';
import { createSymptomSearch, MAX_HITS, searchDocuments } from './symptom-search.ts';

const search = createSymptomSearch(content, reference, (id) => keywords[id] ?? []);

/** Where a result lands: the node id for a wizard path, the page for a code. */
function landing(href: string): string {
  if (href.startsWith('/codes')) return href;
  const decoded = decodePath(content, href);
  if (!decoded.ok) throw new Error(`Broken result link ${href}`);
  return decoded.trail.nodeId;
}

const top = (query: string, count = 5) =>
  search(query)
    .slice(0, count)
    .map((hit) => landing(hit.href));

describe('symptom search', () => {
  it.each([
    ['one way audio', 'one-way-audio'],
    ['echo', 'delay-echo'],
    ['fast busy', 'all-calls-fail'],
    ['blocked', 'rejected-blocked'],
    ['peak hours', 'sip-503-peak-capacity'],
    ['robotic voice', 'choppy-audio'],
    ['scam likely', 'flagged-as-spam'],
  ])('“%s” finds %s among the first five results', (query, expected) => {
    expect(top(query)).toContain(expected);
  });

  it.each([
    ['one way audoi', 'one-way-audio'],
    ['ecko', 'delay-echo'],
    ['blokced', 'rejected-blocked'],
    ['robotc', 'choppy-audio'],
  ])('tolerates the typo “%s”', (query, expected) => {
    expect(top(query)).toContain(expected);
  });

  it('finds codes by number and by phrase, and puts a code named in the query first', () => {
    expect(top('503', 5)).toContain('/codes/503');
    expect(top('busy here', 5)).toContain('/codes/486');
    expect(top('sip 503', 1)).toEqual(['/codes/503']);
    expect(top('we get error 404 on some calls', 1)).toEqual(['/codes/404']);
    expect(top('603+ network blocked', 1)).toEqual(['/codes/603+']);
  });

  it('finds Q.850 causes by number, name and switch name', () => {
    for (const query of ['cause 34', 'no circuit available', 'NORMAL_CIRCUIT_CONGESTION']) {
      expect(search(query)[0]?.href, query).toBe('/codes#q850-34');
    }
  });

  it('sends busy signals to the busy diagnosis', () => {
    expect(top('busy signal')).toContain('far-end-busy');
  });

  it('returns nothing for an empty query, and at most a page of results', () => {
    expect(search('   ')).toEqual([]);
    expect(search('call').length).toBeLessThanOrEqual(MAX_HITS);
    expect(new Set(search('call').map((hit) => hit.href)).size).toBe(search('call').length);
  });

  it('links every document somewhere that exists', () => {
    const documents = searchDocuments(content, reference);
    expect(documents.length).toBeGreaterThan(100);
    for (const document of documents) expect(() => landing(document.href)).not.toThrow();
  });
});
