/**
 * How the agent map (scripts/content/tree-map-layout.ts) grows with the tree: the real content,
 * then made-up trees of increasing size. Sizes are deterministic; layout times vary by machine.
 */
import { gzipSync } from 'node:zlib';
import { loadContent } from '../content/load-content.ts';
import { layoutTreeMap } from '../content/tree-map-layout.ts';
import type { Content } from '../../src/engine/schema.ts';
import { syntheticContent } from './synthetic-tree.ts';

export interface MapScalingRow {
  nodes: number;
  edges: number;
  jsonBytes: number;
  gzipBytes: number;
  layoutMs: number;
  width: number;
  height: number;
}

/** Layout runs per tree: the time reported is their median. */
const RUNS = 3;

/** Lays a tree out (timed) and measures the map it ships. */
function measure(content: Pick<Content, 'nodes' | 'startId'>): MapScalingRow {
  const times: number[] = [];
  let map = layoutTreeMap(content);
  for (let i = 0; i < RUNS; i += 1) {
    const started = performance.now();
    map = layoutTreeMap(content);
    times.push(performance.now() - started);
  }
  const layoutMs = [...times].sort((a, b) => a - b)[Math.floor(RUNS / 2)] ?? NaN;
  const json = Buffer.from(JSON.stringify(map));
  return {
    nodes: map.nodes.length,
    edges: map.edges.length,
    jsonBytes: json.length,
    gzipBytes: gzipSync(json, { level: 9 }).length,
    layoutMs,
    width: map.width,
    height: map.height,
  };
}

/** The real content first, then a synthetic tree of each size in `counts`. */
export async function mapScaling(counts = [50, 100, 200, 400, 800]): Promise<MapScalingRow[]> {
  const loaded = await loadContent();
  if (!loaded.ok) throw new Error('Content is invalid; run npm run content:check');
  return [loaded.content, ...counts.map((count) => syntheticContent(count))].map(measure);
}

/** Prints the rows as a table; the first row is the real content. */
export function printMapScaling(rows: MapScalingRow[]): void {
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
  const header = ['Map of', 'Edges', 'JSON', 'gzip', 'Layout', 'Drawing (px)'];
  const lines = rows.map((r, i) => [
    i === 0 ? `content (${r.nodes} nodes)` : `synthetic ${r.nodes} nodes`,
    String(r.edges),
    kb(r.jsonBytes),
    kb(r.gzipBytes),
    `${r.layoutMs.toFixed(1)} ms`,
    `${r.width} × ${r.height}`,
  ]);
  const widths = header.map((title, c) =>
    Math.max(title.length, ...lines.map((l) => l[c]?.length ?? 0)),
  );
  const line = (cells: string[]) =>
    `| ${cells.map((cell, c) => cell.padEnd(widths[c] ?? 0)).join(' | ')} |`;
  console.log(line(header));
  console.log(line(widths.map((w) => '-'.repeat(w))));
  for (const l of lines) console.log(line(l));
}
