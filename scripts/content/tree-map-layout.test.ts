import { beforeAll, describe, expect, it } from 'vitest';
import { reachableFrom } from '../../src/engine/graph.ts';
import type {
  AnswerId,
  ConditionId,
  Content,
  ContentNode,
  NodeId,
} from '../../src/engine/schema.ts';
import {
  boxHeight,
  MAP_BOX,
  neighbour,
  type TreeMap,
  type TreeMapNode,
} from '../../src/engine/tree-map.ts';
import { syntheticContent } from '../perf/synthetic-tree.ts';
import { loadContent } from './load-content.ts';
import { layoutTreeMap } from './tree-map-layout.ts';

type Tree = Pick<Content, 'nodes' | 'startId'>;

const question = (id: string, title: string, answers: [string, string][]): ContentNode => ({
  id: id as NodeId,
  kind: 'question',
  title,
  answers: answers.map(([answer, next]) => ({
    id: answer as AnswerId,
    label: answer,
    next: next as NodeId,
  })),
});
const outcome = (id: string, title: string): ContentNode => ({
  id: id as NodeId,
  kind: 'outcome',
  title,
  summary: 'Summary.',
  cause: 'Cause.',
  steps: [],
  retry: { advice: 'fix-first', note: 'Note.' },
  support: { when: ['reproducible' as ConditionId] },
});
const tree = (...nodes: ContentNode[]): Tree => ({
  nodes: Object.fromEntries(nodes.map((node) => [node.id, node])),
  startId: 'start' as NodeId,
});

const FIXTURES: Record<string, Tree> = {
  // Two answers share an edge; one outcome is reached from two columns (a long edge); an
  // orphan is not reachable.
  diamond: tree(
    question('start', 'What does the failure look like?', [
      ['never', 'never-connects'],
      ['same', 'shared'],
      ['also-same', 'shared'],
      ['audio', 'audio'],
    ]),
    question('never-connects', 'What happens when you place the call?', [
      ['code', 'sip-code'],
      ['other', 'other'],
    ]),
    question('sip-code', 'Which SIP response code do you see?', [
      ['503', 'shared'],
      ['404', 'not-found'],
    ]),
    outcome('shared', 'Persistent 503s — investigate the cause'),
    outcome('other', 'Something else'),
    outcome('not-found', "404 Not Found — the number couldn't be found"),
    outcome('audio', 'The audio is choppy or robotic'),
    outcome('orphan', 'Nobody leads here'),
  ),
  // One answer; a title with a word longer than a line; a question whose answers all converge.
  narrow: tree(
    question('start', 'Is it one of these?', [['yes', 'converge']]),
    question('converge', 'Supercalifragilisticexpialidocious-ly long title', [
      ['a', 'end'],
      ['b', 'end'],
      ['c', 'end'],
    ]),
    outcome('end', 'Done'),
  ),
  'synthetic 120': syntheticContent(120),
};

/** The points a path passes through: M, L, H, V, C and relative q, sampled along each curve. */
function tracePath(d: string): { start: number[]; end: number[]; samples: number[][] } {
  const commands = [...d.matchAll(/([MLHVCq])([^MLHVCq]*)/g)];
  let x = 0;
  let y = 0;
  const samples: number[][] = [];
  const bezier = (points: number[][], steps = 12) => {
    for (let i = 1; i <= steps; i += 1) {
      const t = i / steps;
      let level = points;
      while (level.length > 1) {
        level = level.slice(1).map((p, k) => {
          const q = level[k]!;
          return [q[0]! + (p[0]! - q[0]!) * t, q[1]! + (p[1]! - q[1]!) * t];
        });
      }
      samples.push(level[0]!);
    }
  };
  let start: number[] = [];
  for (const [, command, args] of commands) {
    const n = (args?.match(/-?\d+(?:\.\d+)?/g) ?? []).map(Number);
    if (command === 'M') {
      [x, y] = [n[0]!, n[1]!];
      start = [x, y];
      samples.push(start);
    } else if (command === 'L') {
      bezier(
        [
          [x, y],
          [n[0]!, n[1]!],
        ],
        24,
      );
      [x, y] = [n[0]!, n[1]!];
    } else if (command === 'H' || command === 'V') {
      const to = command === 'H' ? [n[0]!, y] : [x, n[0]!];
      bezier([[x, y], to], 24);
      [x, y] = [to[0]!, to[1]!];
    } else if (command === 'C') {
      bezier([
        [x, y],
        [n[0]!, n[1]!],
        [n[2]!, n[3]!],
        [n[4]!, n[5]!],
      ]);
      [x, y] = [n[4]!, n[5]!];
    } else if (command === 'q') {
      bezier([
        [x, y],
        [x + n[0]!, y + n[1]!],
        [x + n[2]!, y + n[3]!],
      ]);
      [x, y] = [x + n[2]!, y + n[3]!];
    } else {
      throw new Error(`Unexpected command ${command ?? ''} in ${d}`);
    }
  }
  return { start, end: [x, y], samples };
}

/** The last coordinate pair written in a path. */
const lastPair = (d: string) => (d.match(/-?\d+,-?\d+/g) ?? []).at(-1)?.split(',').map(Number);

const inside = (box: TreeMapNode, [x, y]: number[]) =>
  x! > box.x + 0.5 &&
  x! < box.x + box.width - 0.5 &&
  y! > box.y + 0.5 &&
  y! < box.y + box.height - 0.5;

/** Every property the map must have, checked against the content it was drawn from. */
function checkMap(content: Tree, map: TreeMap): void {
  const reachable = reachableFrom(content.nodes, content.startId);
  const boxes = new Map(map.nodes.map((node) => [node.id, node]));

  // Every reachable node once, nothing else, with its kind and size.
  expect(map.nodes.map((node) => node.id).sort()).toEqual([...reachable].sort());
  expect(boxes.size).toBe(map.nodes.length);
  for (const box of map.nodes) {
    const node = content.nodes[box.id]!;
    expect(box.kind).toBe(node.kind);
    expect(box.width).toBe(MAP_BOX.width);
    expect(box.height).toBe(boxHeight(node.title));
    for (const value of [box.x, box.y, box.width, box.height, box.column]) {
      expect(Number.isInteger(value), `${box.id}: ${value}`).toBe(true);
    }
    // Within the drawing, with room to spare.
    expect(box.x).toBeGreaterThanOrEqual(8);
    expect(box.y).toBeGreaterThanOrEqual(8);
    expect(box.x + box.width).toBeLessThanOrEqual(map.width - 8);
    expect(box.y + box.height).toBeLessThanOrEqual(map.height - 8);
  }

  // No two boxes overlap.
  for (const [i, a] of map.nodes.entries()) {
    for (const b of map.nodes.slice(i + 1)) {
      const apart =
        a.x + a.width <= b.x ||
        b.x + b.width <= a.x ||
        a.y + a.height <= b.y ||
        b.y + b.height <= a.y;
      expect(apart, `${a.id} overlaps ${b.id}`).toBe(true);
    }
  }

  // Reading order: by column, then y, then x.
  const sorted = [...map.nodes].sort((a, b) => a.column - b.column || a.y - b.y || a.x - b.x);
  expect(map.nodes.map((n) => n.id)).toEqual(sorted.map((n) => n.id));

  // The start alone in column 0; every column in use; edges go left to right.
  expect(map.nodes[0]?.id).toBe(content.startId);
  expect(map.nodes.filter((node) => node.column === 0)).toHaveLength(1);
  const columns = new Set(map.nodes.map((node) => node.column));
  expect([...columns].sort((a, b) => a - b)).toEqual([...Array(columns.size).keys()]);
  for (const edge of map.edges) {
    expect(boxes.get(edge.from)!.column, `${edge.from} → ${edge.to}`).toBeLessThan(
      boxes.get(edge.to)!.column,
    );
  }

  // One edge per (from, to) pair; every answer on exactly one edge, the one to its next node.
  const pairs = map.edges.map((edge) => `${edge.from} → ${edge.to}`);
  expect(new Set(pairs).size).toBe(pairs.length);
  for (const id of reachable) {
    const node = content.nodes[id]!;
    const out = map.edges.filter((edge) => edge.from === id);
    if (node.kind === 'outcome') {
      expect(out).toEqual([]);
      continue;
    }
    expect(out.flatMap((edge) => edge.answerIds).sort()).toEqual(
      node.answers.map((answer) => answer.id).sort(),
    );
    for (const edge of out) {
      const answers = node.answers.filter((answer) => answer.next === edge.to);
      expect(edge.answerIds).toEqual(answers.map((answer) => answer.id));
    }
  }

  // Paths: integers only, from the right side of `from` to the left side of `to`, within the
  // drawing, through no box.
  for (const edge of map.edges) {
    const name = `${edge.from} → ${edge.to}: ${edge.d}`;
    const from = boxes.get(edge.from)!;
    const to = boxes.get(edge.to)!;
    expect(edge.d, name).toMatch(/^M-?\d+,-?\d+(?:[LHVCq][-\d, ]+)+$/);
    const { start, end, samples } = tracePath(edge.d);
    expect(start[0], name).toBe(from.x + from.width);
    expect(start[1], name).toBeGreaterThanOrEqual(from.y);
    expect(start[1], name).toBeLessThanOrEqual(from.y + from.height);
    expect(lastPair(edge.d), name).toEqual(end);
    expect(end[0], name).toBe(to.x);
    expect(end[1], name).toBeGreaterThan(to.y);
    expect(end[1], name).toBeLessThan(to.y + to.height);
    const outside = samples.filter(
      ([x, y]) => x! < 0 || x! > map.width || y! < 0 || y! > map.height,
    );
    expect(outside, `${name} leaves the drawing`).toEqual([]);
    const [top, bottom] = [
      Math.min(...samples.map((p) => p[1]!)),
      Math.max(...samples.map((p) => p[1]!)),
    ];
    const cut = map.nodes
      .filter((box) => box.y < bottom && box.y + box.height > top)
      .flatMap((box) =>
        samples
          .filter((point) => inside(box, point))
          .map((point) => `${box.id} at ${point.join()}`),
      );
    expect(cut, `${name} cuts through boxes`).toEqual([]);
  }
}

describe('the agent map of the real content', () => {
  let content: Content;
  let map: TreeMap;
  beforeAll(async () => {
    const loaded = await loadContent();
    if (!loaded.ok) throw new Error('content/ must be valid');
    content = loaded.content;
    map = layoutTreeMap(content);
  });

  it('draws every reachable node and every answer, left to right, without overlaps', () => {
    expect(map.nodes.length).toBe(reachableFrom(content.nodes, content.startId).size);
    checkMap(content, map);
  });

  it('is the same, byte for byte, every time', () => {
    const again = layoutTreeMap(structuredClone(content));
    expect(JSON.stringify(again)).toBe(JSON.stringify(map));
  });

  it('lets the arrow keys reach every box from the start', () => {
    const seen = new Set<string>([content.startId]);
    const queue: string[] = [content.startId];
    for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
      for (const direction of ['up', 'down', 'left', 'right'] as const) {
        const next = neighbour(map, id, direction);
        if (next !== undefined && !seen.has(next)) {
          seen.add(next);
          queue.push(next);
        }
      }
    }
    expect(seen.size).toBe(map.nodes.length);
  });
});

describe('the agent map of small trees', () => {
  for (const [name, content] of Object.entries(FIXTURES)) {
    it(`holds for ${name}`, () => {
      const map = layoutTreeMap(content);
      checkMap(content, map);
      expect(JSON.stringify(layoutTreeMap(structuredClone(content)))).toBe(JSON.stringify(map));
    });
  }

  it('groups the answers that lead to the same node on one edge, in answer order', () => {
    const map = layoutTreeMap(FIXTURES.diamond!);
    expect(map.edges.find((e) => e.from === 'start' && e.to === 'shared')?.answerIds).toEqual([
      'same',
      'also-same',
    ]);
    expect(map.nodes.map((node) => node.id)).not.toContain('orphan');
    const narrow = layoutTreeMap(FIXTURES.narrow!);
    expect(narrow.edges.filter((e) => e.from === 'converge')).toHaveLength(1);
    expect(narrow.edges.find((e) => e.from === 'converge')).toMatchObject({
      to: 'end',
      answerIds: ['a', 'b', 'c'],
    });
  });

  it('puts a node reached from two columns right of both', () => {
    const map = layoutTreeMap(FIXTURES.diamond!);
    const column = (id: string) => map.nodes.find((node) => node.id === id)?.column;
    expect(column('start')).toBe(0);
    expect(column('never-connects')).toBe(1);
    expect(column('sip-code')).toBe(2);
    expect(column('shared')).toBe(3);
  });

  it('draws a lone start question with no answers', () => {
    const map = layoutTreeMap(tree(question('start', 'Anything?', [])));
    expect(map.nodes).toEqual([
      { id: 'start', kind: 'question', x: 16, y: 16, width: 208, height: 52, column: 0 },
    ]);
    expect(map).toMatchObject({ width: 240, height: 84, edges: [] });
  });

  it('scales to a few hundred nodes', () => {
    const content = syntheticContent(300);
    const map = layoutTreeMap(content);
    checkMap(content, map);
  }, 30_000);
});
