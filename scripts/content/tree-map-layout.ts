/**
 * Lays out the agent map at build time with dagre, so no layout engine ships to the browser: the
 * result is a `TreeMap` (src/engine/tree-map.ts) of integer boxes and compact SVG paths.
 *
 * Edges are routed orthogonally with rounded corners. Between two columns an edge runs along a
 * vertical track of its own (the edges leaving one box share one, like the trunk of a tree), and
 * where it skips a column it crosses it horizontally through the gap dagre keeps free there for
 * it — so no edge cuts through a box. Edges leave a box from the middle of its right side; where
 * several enter one box, their arrowheads are spread along its left side.
 */
import dagre, { type EdgeLabel, type GraphLabel, type NodeLabel } from '@dagrejs/dagre';
import { reachableFrom } from '../../src/engine/graph.ts';
import type { Content, ContentNode } from '../../src/engine/schema.ts';
import {
  boxHeight,
  MAP_BOX,
  type TreeMap,
  type TreeMapEdge,
  type TreeMapNode,
} from '../../src/engine/tree-map.ts';

/** Space between boxes in a column, between columns, and around the drawing (px). */
export const MAP_SPACING = { nodesep: 16, ranksep: 64, margin: 16 } as const;

/**
 * How much more an edge into a question resists being stretched than one into an outcome: keeps
 * each question one column right of the question that asks it, so a column reads as "how many
 * questions in", while outcomes shared between branches move right as needed.
 */
const QUESTION_EDGE_WEIGHT = 4;
/** Rounded corner radius of an edge (px). */
const CORNER = 6;
/** The most space between two arrowheads on a box's left side, and between two tracks (px). */
const PORT_STEP = 8;
const TRACK_STEP = 8;
/** Free room between a column and the first track, and between the last track and a column. */
const TRACK_PAD_START = 10;
const TRACK_PAD_END = 18;

interface Point {
  x: number;
  y: number;
}

interface Draft {
  from: string;
  to: string;
  answerIds: string[];
  /** Where the edge crosses each column between its ends: one y per column, left to right. */
  lanes: number[];
  /** Start, then the left and right side of each column crossed, then the end. */
  route: Point[];
  /** The x of the vertical track in each gap between columns it spans (undefined: straight). */
  tracks: (number | undefined)[];
}

export function layoutTreeMap(content: Pick<Content, 'nodes' | 'startId'>): TreeMap {
  const reachableSet = reachableFrom(content.nodes, content.startId);
  const reachable = [...reachableSet];
  if (reachable.length === 0) throw new Error(`The start node "${content.startId}" does not exist`);
  const nodeOf = (id: string): ContentNode => {
    const node = content.nodes[id];
    if (node === undefined) throw new Error(`Unknown node "${id}"`);
    return node;
  };

  const graph = new dagre.graphlib.Graph<GraphLabel, NodeLabel, EdgeLabel>();
  graph.setGraph({
    rankdir: 'LR',
    nodesep: MAP_SPACING.nodesep,
    ranksep: MAP_SPACING.ranksep,
    edgesep: MAP_SPACING.nodesep,
  });
  graph.setDefaultEdgeLabel(() => ({}));
  for (const id of reachable) {
    graph.setNode(id, { width: MAP_BOX.width, height: boxHeight(nodeOf(id).title) });
  }

  // One edge per (from, to) pair, with every answer that takes it.
  const drafts: Draft[] = [];
  for (const id of reachable) {
    const node = nodeOf(id);
    if (node.kind !== 'question') continue;
    const byTarget = new Map<string, string[]>();
    for (const answer of node.answers) {
      if (!reachableSet.has(answer.next)) continue;
      const ids = byTarget.get(answer.next) ?? [];
      if (ids.length === 0) byTarget.set(answer.next, ids);
      ids.push(answer.id);
    }
    for (const [to, answerIds] of byTarget) {
      const weight = nodeOf(to).kind === 'question' ? QUESTION_EDGE_WEIGHT : 1;
      graph.setEdge(id, to, { weight });
      drafts.push({ from: id, to, answerIds, lanes: [], route: [], tracks: [] });
    }
  }

  dagre.layout(graph);

  // Boxes, rounded to whole pixels; columns are dagre's ranks, counted from the left.
  const ranks = [...new Set(reachable.map((id) => rankOf(graph.node(id))))].sort((a, b) => a - b);
  const boxes = new Map<string, TreeMapNode>();
  for (const id of reachable) {
    const label = graph.node(id);
    boxes.set(id, {
      id,
      kind: nodeOf(id).kind,
      x: Math.round((label.x ?? 0) - label.width / 2),
      y: Math.round((label.y ?? 0) - label.height / 2),
      width: label.width,
      height: label.height,
      column: ranks.indexOf(rankOf(label)),
    });
  }
  const boxOf = (id: string): TreeMapNode => {
    const box = boxes.get(id);
    if (box === undefined) throw new Error(`No box for "${id}"`);
    return box;
  };
  // Every box in a column has the same width and centre, so a column is one band of x.
  const bands: { left: number; right: number }[] = [];
  const bandOf = (column: number) => {
    const band = bands[column];
    if (band === undefined) throw new Error(`No column ${column}`);
    return band;
  };
  for (const box of boxes.values()) bands[box.column] = { left: box.x, right: box.x + box.width };

  // Where each edge crosses the columns it skips: dagre reserves a spot there (a dummy node).
  for (const draft of drafts) {
    const points = graph.edge(draft.from, draft.to).points ?? [];
    const from = boxOf(draft.from);
    const to = boxOf(draft.to);
    for (let column = from.column + 1; column < to.column; column += 1) {
      const band = bandOf(column);
      const inside = points.find((p) => p.x >= band.left && p.x <= band.right);
      // Always found: a column between the two ends holds the edge's dummy node.
      draft.lanes.push(Math.round(inside ? inside.y : (middle(from) + middle(to)) / 2));
    }
  }

  // Move everything so the drawing starts at the margin.
  const all = [...boxes.values()];
  const dx = MAP_SPACING.margin - Math.min(...all.map((b) => b.x));
  const dy =
    MAP_SPACING.margin - Math.min(...all.map((b) => b.y), ...drafts.flatMap((d) => d.lanes));
  for (const box of all) {
    box.x += dx;
    box.y += dy;
  }
  for (const band of bands) {
    band.left += dx;
    band.right += dx;
  }
  for (const draft of drafts) draft.lanes = draft.lanes.map((y) => y + dy);

  // Where the arrowheads go: spread along the left side, in the order the edges come from.
  for (const [id, list] of groupBy(drafts, (draft) => draft.to)) {
    const box = boxOf(id);
    const ports = portsFor(box, list.length);
    const ordered = sortByY(list, (draft) => draft.lanes.at(-1) ?? middle(boxOf(draft.from)));
    ordered.forEach((draft, i) => {
      const from = boxOf(draft.from);
      draft.route = [{ x: from.x + from.width, y: middle(from) }];
      draft.lanes.forEach((y, c) => {
        const band = bandOf(from.column + 1 + c);
        draft.route.push({ x: band.left, y }, { x: band.right, y });
      });
      draft.route.push({ x: box.x, y: ports[i] ?? middle(box) });
    });
  }

  assignTracks(drafts, boxOf, bandOf);

  const nodes = all.sort((a, b) => a.column - b.column || a.y - b.y || a.x - b.x);
  const order = new Map(nodes.map((node, i) => [node.id, i]));
  const edges: TreeMapEdge[] = drafts
    .map((draft) => ({
      from: draft.from,
      to: draft.to,
      answerIds: draft.answerIds,
      d: pathData(draft.route, draft.tracks),
    }))
    // A stable sort: the edges of one box keep answer order.
    .sort((a, b) => (order.get(a.from) ?? 0) - (order.get(b.from) ?? 0));

  const right = Math.max(...nodes.map((b) => b.x + b.width));
  const bottom = Math.max(
    ...nodes.map((b) => b.y + b.height),
    ...drafts.flatMap((d) => d.route.map((p) => p.y)),
  );
  return { width: right + MAP_SPACING.margin, height: bottom + MAP_SPACING.margin, nodes, edges };
}

function rankOf(label: NodeLabel): number {
  if (label.rank === undefined) throw new Error('dagre did not rank a node');
  return label.rank;
}

const middle = (box: TreeMapNode) => Math.round(box.y + box.height / 2);

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item)) ?? [];
    if (group.length === 0) groups.set(key(item), group);
    group.push(item);
  }
  return groups;
}

/** A stable sort by a y coordinate (ties keep the given order). */
function sortByY<T>(items: T[], y: (item: T) => number): T[] {
  return items
    .map((item, i) => ({ item, i, y: y(item) }))
    .sort((a, b) => a.y - b.y || a.i - b.i)
    .map(({ item }) => item);
}

/** `count` y positions on a side of a box, centred, at most PORT_STEP apart, within its padding. */
function portsFor(box: TreeMapNode, count: number): number[] {
  const room = box.height - 2 * MAP_BOX.paddingY;
  const step = count > 1 ? Math.min(PORT_STEP, room / (count - 1)) : 0;
  const centre = box.y + box.height / 2;
  return Array.from({ length: count }, (_, i) => Math.round(centre + (i - (count - 1) / 2) * step));
}

interface Segment {
  draft: Draft;
  /** Which of the draft's gaps this is. */
  index: number;
  top: number;
  bottom: number;
}

/**
 * Gives every bend between two columns a vertical track. The edges leaving one box share a track
 * (a trunk with branches); otherwise two edges whose vertical runs would overlap or touch get
 * different tracks, as few as possible (greedy interval colouring), spread across the gap.
 */
function assignTracks(
  drafts: Draft[],
  boxOf: (id: string) => TreeMapNode,
  bandOf: (column: number) => { left: number; right: number },
): void {
  const byGap = new Map<number, Map<string, Segment[]>>();
  drafts.forEach((draft, d) => {
    const column = boxOf(draft.from).column;
    draft.tracks = draft.lanes.map(() => undefined);
    draft.tracks.push(undefined);
    for (let index = 0; index <= draft.lanes.length; index += 1) {
      const a = draft.route[2 * index];
      const b = draft.route[2 * index + 1];
      if (a === undefined || b === undefined || a.y === b.y) continue;
      const key = index === 0 ? `from:${draft.from}` : `edge:${d}`;
      const gap = byGap.get(column + index) ?? new Map<string, Segment[]>();
      byGap.set(column + index, gap);
      const group = gap.get(key) ?? [];
      gap.set(key, group);
      group.push({
        draft,
        index,
        top: Math.min(a.y, b.y),
        bottom: Math.max(a.y, b.y),
      });
    }
  });

  for (const [column, gap] of [...byGap].sort((a, b) => a[0] - b[0])) {
    const groups = [...gap.values()].map((segments) => ({
      segments,
      top: Math.min(...segments.map((s) => s.top)),
      bottom: Math.max(...segments.map((s) => s.bottom)),
      track: 0,
    }));
    const ordered = [...groups].sort((a, b) => a.top - b.top || a.bottom - b.bottom);
    const trackEnds: number[] = [];
    for (const group of ordered) {
      let track = trackEnds.findIndex((end) => end + 2 * CORNER < group.top);
      if (track === -1) track = trackEnds.length;
      trackEnds[track] = group.bottom;
      group.track = track;
    }
    const left = bandOf(column).right + TRACK_PAD_START;
    const right = bandOf(column + 1).left - TRACK_PAD_END;
    const count = trackEnds.length;
    const step = count > 1 ? Math.min(TRACK_STEP, (right - left) / (count - 1)) : 0;
    const first = (left + right) / 2 - ((count - 1) / 2) * step;
    for (const group of groups) {
      const x = Math.round(first + group.track * step);
      for (const segment of group.segments) segment.draft.tracks[segment.index] = x;
    }
  }
}

/**
 * SVG path data for a route (start, the sides of each column crossed, end) with its tracks:
 * horizontal runs, and in each gap a bend down or up its track with rounded corners. Absolute
 * commands, except the corners (`q`); it always ends with `L` at the end point.
 */
function pathData(route: Point[], tracks: (number | undefined)[]): string {
  const [start] = route;
  const end = route.at(-1);
  if (start === undefined || end === undefined) return '';
  let d = `M${start.x},${start.y}`;
  let x = start.x; // where the pen is: a horizontal run from penX to here may not be drawn yet
  let penX = start.x;
  const flush = () => {
    if (x !== penX) d += `H${x}`;
    penX = x;
  };
  for (let index = 0; 2 * index + 1 < route.length; index += 1) {
    const a = route[2 * index];
    const b = route[2 * index + 1];
    if (a === undefined || b === undefined) continue;
    const track = tracks[index];
    if (a.y !== b.y && track !== undefined) {
      const sign = Math.sign(b.y - a.y);
      const r = Math.min(CORNER, Math.floor(Math.abs(b.y - a.y) / 2));
      x = track - r;
      flush();
      if (r > 0) d += `q${r},0 ${r},${sign * r}`;
      d += `V${b.y - sign * r}`;
      if (r > 0) d += `q0,${sign * r} ${r},${sign * r}`;
      x = penX = track + r;
    } else if (a.y !== b.y) {
      flush();
      const mid = Math.round((a.x + b.x) / 2);
      d += `C${mid},${a.y} ${mid},${b.y} ${b.x},${b.y}`;
      penX = b.x;
    }
    // On to the column's side; a run across the column merges with the next gap's first run.
    x = b.x;
  }
  return `${d}L${end.x},${end.y}`;
}
