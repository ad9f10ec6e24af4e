import content from 'virtual:content';
import { shortestTrails, type Trail } from '@/engine/graph';
import type { NodeId } from '@/engine/schema';

export { content };

let canonical: Map<NodeId, Trail> | undefined;

/** The shortest trail to a node: its canonical address, used for links to it from elsewhere. */
export function canonicalTrail(id: NodeId): Trail | undefined {
  canonical ??= shortestTrails(content);
  return canonical.get(id);
}
