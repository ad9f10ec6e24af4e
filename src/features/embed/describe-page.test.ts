import fc from 'fast-check';
import content from 'virtual:content';
import { describe, expect, it } from 'vitest';
import { readEventDetail } from '@/embed/protocol';
import { allTrails, getNode, isQuestion, outcomes, shortestTrails } from '@/engine/graph';
import { trailPath } from '@/engine/path-codec';
import { paths } from '@/lib/paths';
import { describePage, type PageFacts } from './describe-page.ts';

const HEADING = 'Page heading';
const trails = shortestTrails(content);

function shortest(id: string) {
  const trail = trails.get(id as never);
  if (!trail) throw new Error(`no trail to ${id}`);
  return trail;
}

// A real diagnosis and a real question below the start, with their canonical addresses.
const outcome = outcomes(content)[0]!;
const outcomeTrail = shortest(outcome.id);
const outcomePath = trailPath(outcomeTrail);
const question = Object.values(content.nodes).find(
  (node) => isQuestion(node) && node.id !== content.startId,
)!;
const questionTrail = shortest(question.id);
const questionPath = trailPath(questionTrail);

describe('describePage', () => {
  it('describes the start page as the start question, with no category', () => {
    const start = getNode(content, content.startId)!;
    expect(describePage(content, '/', '', HEADING)).toStrictEqual({
      page: 'question',
      nodeId: content.startId,
      title: start.title,
      path: '/',
    });
    expect(describePage(content, '', '', HEADING)).toStrictEqual(
      describePage(content, '/', '', HEADING),
    );
  });

  it.each([
    ['question', () => ({ node: question, trail: questionTrail, path: questionPath })],
    ['outcome', () => ({ node: outcome, trail: outcomeTrail, path: outcomePath })],
  ] as const)(
    'describes a %s page by its node, with the first answer as the category',
    (page, get) => {
      const { node, trail, path } = get();
      expect(trail.steps.length).toBeGreaterThan(0);
      expect(describePage(content, path, '', HEADING)).toStrictEqual({
        page,
        nodeId: node.id,
        title: node.title,
        path,
        category: trail.steps[0]!.answerId,
      });
    },
  );

  it('normalises trailing slashes and upper case to the canonical path', () => {
    const canonical = describePage(content, outcomePath, '', HEADING);
    for (const written of [
      `${outcomePath}/`,
      `${outcomePath}//`,
      outcomePath.toUpperCase(),
      `${outcomePath.toUpperCase()}/`,
    ]) {
      expect(describePage(content, written, '', HEADING), written).toStrictEqual(canonical);
    }
    expect(describePage(content, '//', '', HEADING)).toStrictEqual(
      describePage(content, '/', '', HEADING),
    );
  });

  it('describes the support request for a diagnosis by that diagnosis', () => {
    const expected: PageFacts = {
      page: 'support',
      nodeId: outcome.id,
      title: HEADING,
      path: outcomePath,
      category: outcomeTrail.steps[0]!.answerId,
    };
    // The address the outcome page links to.
    const link = new URL(paths.support(outcomePath), 'https://example.com');
    expect(link.pathname).toBe('/support');
    expect(describePage(content, link.pathname, link.search, HEADING)).toStrictEqual(expected);
    expect(describePage(content, '/Support/', `?from=${outcomePath}/`, HEADING)).toStrictEqual(
      expected,
    );
  });

  it('has no node on the support request without a diagnosis', () => {
    expect(describePage(content, '/support', '', HEADING)).toStrictEqual({
      page: 'support',
      nodeId: null,
      title: HEADING,
      path: '/support',
    });
    for (const search of [
      `?from=${encodeURIComponent(questionPath)}`,
      '?from=/',
      '?from=',
      '?from=/no/such/answers',
      `?from=${encodeURIComponent(`${outcomePath}/more`)}`,
      '?from=%E0%A4%A',
      '?from=%%%',
      `?other=${encodeURIComponent(outcomePath)}`,
    ]) {
      expect(describePage(content, '/support', search, HEADING), search).toMatchObject({
        page: 'support',
        nodeId: null,
        title: HEADING,
        path: '/support',
      });
    }
  });

  it('describes the pages outside the tree by their heading', () => {
    for (const [pathname, page, path] of [
      ['/procedure', 'procedure', '/procedure'],
      ['/Procedure/', 'procedure', '/procedure'],
      ['/codes', 'codes', '/codes'],
      ['/codes/', 'codes', '/codes'],
      ['/codes/503', 'codes', '/codes/503'],
      ['/CODES/5XX', 'codes', '/codes/5xx'],
    ] as const) {
      expect(describePage(content, pathname, '', HEADING), pathname).toStrictEqual({
        page,
        nodeId: null,
        title: HEADING,
        path,
      });
    }
  });

  it('describes unknown addresses as not found', () => {
    const unknown: [pathname: string, path: string][] = [
      ['/no-such-page', '/no-such-page'],
      ['/No-Such-Page/', '/no-such-page'],
      [`${outcomePath}/more`, `${outcomePath}/more`],
      ['/codesx', '/codesx'],
      ['/supports', '/supports'],
      // Whatever was typed, in the characters an event may carry, so the event still goes out.
      ['/foo_bar', '/foo-bar'],
      ['/a%20b?c', '/a-20b-c'],
      [`/${'x'.repeat(500)}`, `/${'x'.repeat(399)}`],
    ];
    for (const [pathname, path] of unknown) {
      expect(describePage(content, pathname, '', HEADING), pathname).toStrictEqual({
        page: 'not-found',
        nodeId: null,
        title: HEADING,
        path,
      });
    }
  });

  it('gives every trail its node and its path back unchanged', () => {
    let count = 0;
    for (const trail of allTrails(content)) {
      count += 1;
      const path = trailPath(trail);
      const node = getNode(content, trail.nodeId)!;
      const facts = describePage(content, path, '', HEADING);
      expect(facts, path).toStrictEqual({
        page: node.kind,
        nodeId: trail.nodeId,
        title: node.title,
        path,
        ...(trail.steps.length === 0 ? {} : { category: trail.steps[0]!.answerId }),
      });
    }
    expect(count).toBeGreaterThan(Object.keys(content.nodes).length / 2);
  });

  it('makes events the embed protocol accepts, on every page the app links to', () => {
    const addresses: [pathname: string, search: string][] = [
      ...[...allTrails(content)].map((trail): [string, string] => [trailPath(trail), '']),
      [paths.procedure, ''],
      [paths.support(), ''],
      ['/support', `?from=${encodeURIComponent(outcomePath)}`],
      [paths.codes(), ''],
      ...content.codes.classes.map((c): [string, string] => [paths.code(`${c.class}xx`), '']),
      ...content.codes.codes.map((c): [string, string] => [paths.code(c.code), '']),
    ];
    const rejected = addresses.filter(([pathname, search]) => {
      const facts = describePage(content, pathname, search, HEADING);
      const detail = {
        type: 'step',
        widget: 'help-widget',
        ...facts,
        agent: false,
        timestamp: new Date().toISOString(),
      };
      return readEventDetail(detail) === null;
    });
    expect(rejected.map(([pathname, search]) => pathname + search)).toEqual([]);
  });

  it('makes events the embed protocol accepts, whatever the address', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 600 }),
        fc.string({ maxLength: 100 }),
        (pathname, search) => {
          const facts = describePage(content, `/${pathname}`, search, HEADING);
          const detail = {
            type: 'step',
            widget: 'w',
            ...facts,
            agent: false,
            timestamp: new Date().toISOString(),
          };
          expect(readEventDetail(detail)).not.toBeNull();
        },
      ),
    );
  });
});
