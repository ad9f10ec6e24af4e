import { getNode, isOutcome, isQuestion } from '@/engine/graph';
import { decodePath, trailPath } from '@/engine/path-codec';
import type { Content } from '@/engine/schema';
import type { EventDetail } from '@/embed/protocol';

/** What an event says about the page it happened on (everything but type, widget and time). */
export type PageFacts = Pick<EventDetail, 'page' | 'nodeId' | 'title' | 'path' | 'category'>;

/**
 * Works out, from a router address alone, which page and which tree node it shows. `heading` is
 * the title for pages outside the tree (the code reference, the five-step check).
 */
export function describePage(
  content: Pick<Content, 'nodes' | 'startId'>,
  pathname: string,
  search: string,
  heading: string,
): PageFacts {
  const address = pathname.toLowerCase().replace(/\/+$/, '') || '/';
  // Whatever was typed into the address, in the characters an event's path may hold.
  const path = address.replace(/[^a-z0-9/+-]/g, '-').slice(0, 400);
  if (path === '/support') {
    const from = new URLSearchParams(search).get('from');
    const found = from === null ? undefined : treeFacts(content, from);
    // Only a diagnosis counts: the form is about one; a question in `from` is a hand-made address.
    const diagnosis = found?.page === 'outcome' ? found : undefined;
    return {
      page: 'support',
      nodeId: diagnosis?.nodeId ?? null,
      title: heading,
      // The request is about the diagnosis: its path says which answers led there.
      path: diagnosis?.path ?? path,
      ...(diagnosis?.category === undefined ? {} : { category: diagnosis.category }),
    };
  }
  if (path === '/procedure') return { page: 'procedure', nodeId: null, title: heading, path };
  if (path === '/codes' || path.startsWith('/codes/')) {
    return { page: 'codes', nodeId: null, title: heading, path };
  }
  return treeFacts(content, address) ?? { page: 'not-found', nodeId: null, title: heading, path };
}

function treeFacts(
  content: Pick<Content, 'nodes' | 'startId'>,
  pathname: string,
): PageFacts | undefined {
  const decoded = decodePath(content, pathname);
  if (!decoded.ok) return undefined;
  const { trail } = decoded;
  const node = getNode(content, trail.nodeId);
  if (!isQuestion(node) && !isOutcome(node)) return undefined;
  const category = trail.steps[0]?.answerId;
  return {
    page: node.kind,
    nodeId: node.id,
    title: node.title,
    path: trailPath(trail),
    ...(category === undefined ? {} : { category }),
  };
}
