import content from 'virtual:content';
import { describe, expect, it } from 'vitest';
import {
  allTrails,
  findCycles,
  getNode,
  outcomes,
  reachableFrom,
  remainingQuestions,
  shortestTrails,
} from './graph.ts';
import type { ContentNode, NodeId } from './schema.ts';

const q = (id: string, ...next: string[]): ContentNode => ({
  id: id as NodeId,
  kind: 'question',
  title: id,
  answers: next.map((n) => ({ id: n as never, label: n, next: n as NodeId })),
});

describe('graph', () => {
  it('finds each cycle once, with the ids around it', () => {
    const nodes = { a: q('a', 'b'), b: q('b', 'c'), c: q('c', 'a', 'd'), d: q('d') };
    expect(findCycles(nodes)).toEqual([['a', 'b', 'c', 'a']]);
    expect(findCycles({ a: q('a', 'b'), b: q('b') })).toEqual([]);
  });

  it('finds what is reachable, ignoring missing nodes', () => {
    const nodes = { a: q('a', 'b', 'ghost'), b: q('b'), c: q('c') };
    expect([...reachableFrom(nodes, 'a')].sort()).toEqual(['a', 'b']);
  });

  it('reaches every outcome of the real content by a shortest trail that replays', () => {
    const trails = shortestTrails(content);
    for (const outcome of outcomes(content)) {
      const trail = trails.get(outcome.id);
      expect(trail, outcome.id).toBeDefined();
      // Replaying the answers from the start lands on the outcome.
      let at: NodeId = content.startId;
      for (const step of trail!.steps) {
        const node = getNode(content, at);
        expect(node?.kind).toBe('question');
        const answer =
          node?.kind === 'question' ? node.answers.find((a) => a.id === step.answerId) : undefined;
        expect(answer?.next).toBe(step.nextId);
        at = step.nextId;
      }
      expect(at).toBe(outcome.id);
    }
  });

  it('enumerates every distinct trail, each ending somewhere real', () => {
    const trails = [...allTrails(content)];
    const keys = new Set(trails.map((t) => t.steps.map((s) => s.answerId).join('/')));
    expect(keys.size).toBe(trails.length);
    const ends = new Set(trails.map((t) => t.nodeId));
    expect(ends.size).toBe(Object.keys(content.nodes).length);
  });

  it('counts the questions left before an outcome', () => {
    const nodes = {
      a: q('a', 'b', 'x'),
      b: q('b', 'x'),
      x: { ...q('x'), kind: 'outcome' } as unknown as ContentNode,
    };
    expect(remainingQuestions({ nodes }, 'a' as NodeId)).toEqual({ min: 1, max: 2 });
    expect(remainingQuestions({ nodes }, 'x' as NodeId)).toEqual({ min: 0, max: 0 });
  });
});
