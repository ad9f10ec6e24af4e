import { getNode, type Trail } from '@/engine/graph';
import { answerIds, decodePath } from '@/engine/path-codec';
import type { ContentNode } from '@/engine/schema';
import { content } from '@/lib/content';
import { paths } from '@/lib/paths';

/** A wizard page as agent mode sees it: where the call is, and where each key leads. */
export interface WizardPlace {
  trail: Trail;
  node: ContentNode;
  /** The page's own address, written the one canonical way (`/never-connects/sip-code`). */
  path: string;
  /** The n-th answer's address, for the number keys; empty on an outcome. */
  answerHrefs: string[];
  /** The question before this one; undefined on the start page. */
  backHref: string | undefined;
}

/** The wizard page at an address relative to the mode, or undefined for any other page. */
export function wizardPlace(pathname: string): WizardPlace | undefined {
  const decoded = decodePath(content, pathname);
  if (!decoded.ok) return undefined;
  const { trail } = decoded;
  const node = getNode(content, trail.nodeId);
  if (node === undefined) return undefined;
  const ids = answerIds(trail);
  return {
    trail,
    node,
    path: paths.trail(ids),
    answerHrefs:
      node.kind === 'question' ? node.answers.map((a) => paths.trail([...ids, a.id])) : [],
    backHref: ids.length > 0 ? paths.trail(ids.slice(0, -1)) : undefined,
  };
}
