import { describe, expect, it } from 'vitest';
import { allTrails, shortestTrails } from '../src/engine/graph.ts';
import { decodePath, trailPath } from '../src/engine/path-codec.ts';
import type { Content, ContentNode, NodeId } from '../src/engine/schema.ts';
import { startPaths } from './build-embed.ts';
import { loadContent } from './content/load-content.ts';

let loaded: Promise<Content> | undefined;

/** The real content, loaded and validated once for the whole file. */
function realContent(): Promise<Content> {
  loaded ??= loadContent().then((result) => {
    if (!result.ok) throw new Error(`content has problems: ${JSON.stringify(result.problems)}`);
    return result.content;
  });
  return loaded;
}

const question = (id: string, answers: [answer: string, next: string][]): ContentNode => ({
  id: id as NodeId,
  kind: 'question',
  title: id,
  answers: answers.map(([answer, next]) => ({
    id: answer as never,
    label: answer,
    next: next as NodeId,
  })),
});

describe('startPaths', () => {
  it('maps every node to its shortest address, without the leading slash', () => {
    const nodes = {
      start: question('start', [
        ['long', 'middle'],
        ['short', 'end'],
      ]),
      middle: question('middle', [['on', 'end']]),
      end: question('end', []),
    };
    expect(startPaths({ nodes, startId: 'start' as NodeId })).toEqual({
      start: '',
      middle: 'long',
      end: 'short',
    });
  });

  it('covers every node of the real content; the first question is the empty address', async () => {
    const content = await realContent();
    const starts = startPaths(content);
    expect(starts[content.startId]).toBe('');
    expect(Object.keys(starts).sort()).toEqual(Object.keys(content.nodes).sort());
  });

  it('gives each node the path of its shortest trail', async () => {
    const content = await realContent();
    const starts = startPaths(content);
    const trails = shortestTrails(content);
    const fewest = new Map<string, number>();
    for (const trail of allTrails(content)) {
      const known = fewest.get(trail.nodeId);
      if (known === undefined || trail.steps.length < known) {
        fewest.set(trail.nodeId, trail.steps.length);
      }
    }
    for (const [id, value] of Object.entries(starts)) {
      const trail = trails.get(id as NodeId);
      expect(trail, id).toBeDefined();
      expect(value, id).toBe(trailPath(trail!).slice(1));
      expect(value.startsWith('/'), id).toBe(false);
      expect(value === '' ? 0 : value.split('/').length, id).toBe(fewest.get(id));
    }
  });

  it('gives only addresses that lead to that node', async () => {
    const content = await realContent();
    for (const [id, value] of Object.entries(startPaths(content))) {
      for (const address of [value, `/${value}`]) {
        const decoded = decodePath(content, address);
        expect(decoded.ok, address).toBe(true);
        if (decoded.ok) {
          expect(decoded.trail.nodeId, address).toBe(id);
          expect(trailPath(decoded.trail), address).toBe(`/${value}`);
        }
      }
    }
  });
});
