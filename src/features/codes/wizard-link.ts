import { getNode } from '@/engine/graph';
import { decodePath } from '@/engine/path-codec';
import { content } from '@/lib/content';

/** Where a code's `leadsTo` path opens in the troubleshooter: the address and that step's title. */
export function wizardTarget(leadsTo: string): { href: string; title: string } {
  const decoded = decodePath(content, leadsTo);
  // The content check guarantees every leadsTo decodes; fall back to the start just in case.
  const nodeId = decoded.ok ? decoded.trail.nodeId : content.startId;
  return { href: decoded.ok ? leadsTo : '/', title: getNode(content, nodeId)?.title ?? '' };
}
