import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  boxHeight,
  MAP_BOX,
  neighbour,
  titleLines,
  type MapDirection,
  type TreeMap,
  type TreeMapNode,
} from './tree-map.ts';

describe('titleLines', () => {
  it('fits words on a line up to its length, spaces included', () => {
    expect(titleLines('a'.repeat(24))).toBe(1);
    expect(titleLines('aaaaaaaaaaa bbbbbbbbbbbb')).toBe(1); // 11 + 1 + 12 = 24
    expect(titleLines('aaaaaaaaaaa bbbbbbbbbbbbb')).toBe(2); // 25: the second word wraps
    expect(titleLines('What does the failure look like?')).toBe(2);
    expect(titleLines('one two six', 3)).toBe(3);
    expect(titleLines('ab cd ef', 5)).toBe(2); // "ab cd" fits exactly
  });

  it('breaks a word longer than a line over ceil(length / line) lines', () => {
    expect(titleLines('a'.repeat(25))).toBe(2);
    expect(titleLines('a'.repeat(48))).toBe(2);
    expect(titleLines('a'.repeat(49))).toBe(3);
    expect(titleLines('abcdefghij', 4)).toBe(3);
    // The long word starts a new line; the next word fits after its tail.
    expect(titleLines('ab abcdefghij x', 4)).toBe(4); // ab / abcd / efgh / ij x
  });

  it('is at least 1, for an empty or blank title too', () => {
    expect(titleLines('')).toBe(1);
    expect(titleLines('   ')).toBe(1);
    expect(titleLines('  spaced   out  ')).toBe(1);
  });

  it('takes no fewer lines than the characters need, nor more than the words', () => {
    fc.assert(
      fc.property(
        fc.array(fc.stringMatching(/^[a-z]{1,30}$/), { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 1, max: 40 }),
        (words, perLine) => {
          const lines = titleLines(words.join(' '), perLine);
          // A line holds perLine characters, plus the space its break replaces.
          const chars = words.join(' ').length;
          expect(lines).toBeGreaterThanOrEqual(Math.ceil((chars + 1) / (perLine + 1)));
          const most = words.reduce((sum, word) => sum + Math.ceil(word.length / perLine), 0);
          expect(lines).toBeLessThanOrEqual(most);
        },
      ),
    );
  });
});

describe('boxHeight', () => {
  it('is the padding, the label line and the title lines', () => {
    const base = MAP_BOX.paddingY * 2 + MAP_BOX.labelLine;
    expect(boxHeight('Short')).toBe(base + MAP_BOX.titleLine);
    expect(boxHeight('What does the failure look like?')).toBe(base + 2 * MAP_BOX.titleLine);
    expect(boxHeight('x'.repeat(MAP_BOX.charsPerLine * 3))).toBe(base + 3 * MAP_BOX.titleLine);
    expect(boxHeight('')).toBe(base + MAP_BOX.titleLine);
  });
});

/** A map of columns, each a list of box heights stacked top to bottom with a gap. */
function mapOf(columns: number[][]): TreeMap {
  const nodes: TreeMapNode[] = columns.flatMap((heights, column) => {
    let y = 16;
    return heights.map((height, row) => {
      const node: TreeMapNode = {
        id: `n${column}-${row}`,
        kind: column === 0 ? 'question' : 'outcome',
        x: 16 + column * 272,
        y,
        width: MAP_BOX.width,
        height,
        column,
      };
      y += height + 16;
      return node;
    });
  });
  return { width: 16 + columns.length * 272, height: 2000, nodes, edges: [] };
}

describe('neighbour', () => {
  //  column 0      column 1        column 2
  //  n0-0 (y 16–68) n1-0 (16–48)    n2-0 (16–116)
  //                 n1-1 (64–96)
  //                 n1-2 (112–212)
  const map = mapOf([[52], [32, 32, 100], [100]]);

  it('moves up and down within a column', () => {
    expect(neighbour(map, 'n1-0', 'down')).toBe('n1-1');
    expect(neighbour(map, 'n1-1', 'down')).toBe('n1-2');
    expect(neighbour(map, 'n1-2', 'up')).toBe('n1-1');
    expect(neighbour(map, 'n1-0', 'up')).toBeUndefined();
    expect(neighbour(map, 'n1-2', 'down')).toBeUndefined();
    expect(neighbour(map, 'n0-0', 'down')).toBeUndefined();
  });

  it('moves left and right to the box whose centre is closest', () => {
    // n0-0's centre is 42: n1-0 (32) is 10 away, n1-1 (80) 38.
    expect(neighbour(map, 'n0-0', 'right')).toBe('n1-0');
    // n2-0's centre is 66: n1-0 (32) is 34 away, n1-1 (80) 14, n1-2 (162) 96.
    expect(neighbour(map, 'n2-0', 'left')).toBe('n1-1');
    expect(neighbour(map, 'n1-2', 'right')).toBe('n2-0');
    expect(neighbour(map, 'n1-2', 'left')).toBe('n0-0');
    expect(neighbour(map, 'n0-0', 'left')).toBeUndefined();
    expect(neighbour(map, 'n2-0', 'right')).toBeUndefined();
  });

  it('breaks a tie towards the upper box', () => {
    // Column 0's centre is 56; the boxes of column 1 have centres 32 and 80: 24 away each.
    const tie = mapOf([[80], [32, 32]]);
    expect(neighbour(tie, 'n0-0', 'right')).toBe('n1-0');
    // The same with the boxes listed lower first.
    const reversed: TreeMap = { ...tie, nodes: [...tie.nodes].reverse() };
    expect(neighbour(reversed, 'n0-0', 'right')).toBe('n1-0');
  });

  it('orders a column by y, whatever the order of the list', () => {
    const shuffled: TreeMap = { ...map, nodes: [...map.nodes].reverse() };
    expect(neighbour(shuffled, 'n1-0', 'down')).toBe('n1-1');
    expect(neighbour(shuffled, 'n1-2', 'up')).toBe('n1-1');
  });

  it('knows no neighbour of an unknown id', () => {
    for (const direction of ['up', 'down', 'left', 'right'] as const) {
      expect(neighbour(map, 'nowhere', direction)).toBeUndefined();
    }
  });

  it('never stays put, and up then down (or down then up) comes back', () => {
    const columns = fc.array(fc.array(fc.integer({ min: 52, max: 172 }), { minLength: 1 }), {
      minLength: 1,
      maxLength: 6,
    });
    const directions: MapDirection[] = ['up', 'down', 'left', 'right'];
    fc.assert(
      fc.property(columns, (heights) => {
        const random = mapOf(heights);
        const ids = new Set(random.nodes.map((node) => node.id));
        for (const { id } of random.nodes) {
          for (const direction of directions) {
            const next = neighbour(random, id, direction);
            expect(next).not.toBe(id);
            if (next !== undefined) expect(ids.has(next)).toBe(true);
          }
          const up = neighbour(random, id, 'up');
          if (up !== undefined) expect(neighbour(random, up, 'down')).toBe(id);
          const down = neighbour(random, id, 'down');
          if (down !== undefined) expect(neighbour(random, down, 'up')).toBe(id);
          // Left and right go one column over, and exist whenever that column does.
          const right = random.nodes.find((node) => node.id === neighbour(random, id, 'right'));
          const column = random.nodes.find((node) => node.id === id)?.column ?? -1;
          expect(right?.column).toBe(column + 1 < heights.length ? column + 1 : undefined);
        }
      }),
    );
  });
});
