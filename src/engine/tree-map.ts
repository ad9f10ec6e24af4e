/**
 * The agent map: the whole decision tree drawn as a diagram. The layout is computed at build time
 * (scripts/content/tree-map-layout.ts) and shipped as a `TreeMap`; this module holds what both
 * sides share — box geometry, the data format — and keyboard movement between boxes. No layout
 * engine here: it runs in the browser.
 */

/** Box geometry shared by the build-time layout and the component that draws it (px). */
export const MAP_BOX = {
  width: 208,
  paddingX: 10,
  paddingY: 8,
  labelLine: 16,
  titleLine: 20,
  charsPerLine: 24,
} as const;

/** One box: `x`, `y` are its top-left corner. `column` is its rank from the left (0 = start). */
export interface TreeMapNode {
  id: string;
  kind: 'question' | 'outcome';
  x: number;
  y: number;
  width: number;
  height: number;
  column: number;
}

/**
 * One arrow per (from, to) pair. `answerIds` are the answers of `from` that lead to `to`, in answer
 * order. `d` is SVG path data (absolute M, C and L commands, integer coordinates) from the right
 * side of `from` to the left side of `to`.
 */
export interface TreeMapEdge {
  from: string;
  to: string;
  answerIds: string[];
  d: string;
}

/** The drawing: every coordinate lies within `width` × `height`. Nodes are in reading order. */
export interface TreeMap {
  width: number;
  height: number;
  nodes: TreeMapNode[];
  edges: TreeMapEdge[];
}

export type MapDirection = 'up' | 'down' | 'left' | 'right';

/**
 * How many lines a title takes in a box, wrapping at word boundaries (an estimate: the box is
 * `charsPerLine` average characters wide). A word longer than a line is broken across
 * ceil(length / charsPerLine) lines. Always at least 1.
 */
export function titleLines(title: string, charsPerLine: number = MAP_BOX.charsPerLine): number {
  const perLine = Math.max(1, Math.floor(charsPerLine));
  let lines = 1;
  let used = 0; // characters on the current line
  for (const word of title.split(/\s+/).filter(Boolean)) {
    if (used > 0 && used + 1 + word.length <= perLine) {
      used += 1 + word.length;
      continue;
    }
    if (used > 0) lines += 1;
    const spans = Math.ceil(word.length / perLine);
    lines += spans - 1;
    used = word.length - (spans - 1) * perLine;
  }
  return lines;
}

/** The height of a box for a title: padding, the kind label line, then the wrapped title. */
export function boxHeight(title: string): number {
  return MAP_BOX.paddingY * 2 + MAP_BOX.labelLine + titleLines(title) * MAP_BOX.titleLine;
}

const centreY = (node: TreeMapNode) => node.y + node.height / 2;

/**
 * The box an arrow key moves to from `id`: up/down are the previous/next box in the same column;
 * left/right the box in the previous/next column whose vertical centre is closest (ties go to the
 * upper one). Undefined at an edge of the map or for an unknown id.
 */
export function neighbour(map: TreeMap, id: string, direction: MapDirection): string | undefined {
  const here = map.nodes.find((node) => node.id === id);
  if (here === undefined) return undefined;
  if (direction === 'up' || direction === 'down') {
    const column = map.nodes
      .filter((node) => node.column === here.column)
      .sort((a, b) => a.y - b.y || a.x - b.x);
    const index = column.indexOf(here);
    return column[direction === 'up' ? index - 1 : index + 1]?.id;
  }
  const target = here.column + (direction === 'left' ? -1 : 1);
  let best: TreeMapNode | undefined;
  for (const node of map.nodes) {
    if (node.column !== target || node === here) continue;
    if (best === undefined) {
      best = node;
      continue;
    }
    const distance = Math.abs(centreY(node) - centreY(here));
    const bestDistance = Math.abs(centreY(best) - centreY(here));
    if (distance < bestDistance || (distance === bestDistance && node.y < best.y)) best = node;
  }
  return best?.id;
}
