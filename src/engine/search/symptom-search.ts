import MiniSearch from 'minisearch';
import { shortestTrails, type Trail } from '../graph.ts';
import { answerIds, encodePath } from '../path-codec.ts';
import type { CodeReference, Content } from '../schema.ts';

/** One search result: where it goes and what to show. */
export interface SearchHit {
  id: string;
  kind: 'question' | 'answer' | 'outcome' | 'code' | 'cause';
  title: string;
  /** A short line under the title: the question an answer belongs to, a code's class, … */
  context: string;
  /** A wizard path (`/broken-audio/one-way`) or a code page (`/codes/503`). */
  href: string;
}

interface SearchDocument extends SearchHit {
  text: string;
  keywords: string;
  /** Answers taken to get there: a broad match near the start beats a narrow one deep down. */
  depth: number;
}

/** A SIP code inside a query: three digits 100–699 standing alone (603 may carry a plus). */
const CODE_IN_QUERY = /(?<![\d.:/])([1-6]\d\d)(\+?)(?![\d.:])/g;

/** The most results shown: more is a wall of text on a phone. */
export const MAX_HITS = 8;

/**
 * Every place the search can send someone: questions, each answer (it leads one step further),
 * outcomes, and codes. Questions and outcomes go to their shortest path from the start. The
 * browser's content leaves node keywords out (they load with the search): `keywordsOf` adds them.
 */
export function searchDocuments(
  content: Pick<Content, 'nodes' | 'startId'>,
  reference: Pick<CodeReference, 'codes' | 'q850'>,
  keywordsOf: (nodeId: string) => readonly string[] = () => [],
): SearchDocument[] {
  const trails = shortestTrails(content);
  const documents: SearchDocument[] = [];
  for (const node of Object.values(content.nodes)) {
    const trail: Trail | undefined = trails.get(node.id);
    if (!trail) continue;
    const keywords = [...(node.keywords ?? []), ...keywordsOf(node.id)].join(' ');
    if (node.kind === 'outcome') {
      documents.push({
        id: `outcome:${node.id}`,
        kind: 'outcome',
        title: node.title,
        context: 'Diagnosis',
        href: encodePath(answerIds(trail)),
        text: `${node.summary} ${node.cause}`,
        keywords,
        depth: trail.steps.length,
      });
      continue;
    }
    if (trail.steps.length > 0) {
      documents.push({
        id: `question:${node.id}`,
        kind: 'question',
        title: node.title,
        context: 'Question',
        href: encodePath(answerIds(trail)),
        text: node.help ?? '',
        keywords,
        depth: trail.steps.length,
      });
    }
    for (const answer of node.answers) {
      documents.push({
        id: `answer:${node.id}:${answer.id}`,
        kind: 'answer',
        title: answer.label,
        context: `Answer to “${node.title}”`,
        href: encodePath([...answerIds(trail), answer.id]),
        text: answer.hint ?? '',
        keywords: '',
        depth: trail.steps.length + 1,
      });
    }
  }
  for (const entry of reference.codes) {
    documents.push({
      id: `code:${String(entry.code)}`,
      kind: 'code',
      title: `${String(entry.code)} ${entry.phrase}`,
      context: 'SIP response code',
      href: `/codes/${String(entry.code)}`,
      text: entry.meaning,
      keywords: [...(entry.keywords ?? []), ...(entry.oldPhrases ?? [])].join(' '),
      depth: 5,
    });
  }
  for (const cause of reference.q850) {
    documents.push({
      id: `q850:${String(cause.cause)}`,
      kind: 'cause',
      title: `Q.850 cause ${String(cause.cause)}: ${cause.name}`,
      context: 'Q.850 cause',
      href: `/codes#q850-${String(cause.cause)}`,
      text: cause.meaning,
      keywords: (cause.aliases ?? []).join(' '),
      depth: 5,
    });
  }
  return documents;
}

/**
 * A typo-tolerant search over the tree and the codes (MiniSearch: prefix matching, and fuzzy
 * matching within about one edit in five letters). Every word must match somewhere; when no
 * result has all the words, results with most of them are shown instead.
 */
export function createSymptomSearch(
  content: Pick<Content, 'nodes' | 'startId'>,
  reference: Pick<CodeReference, 'codes' | 'q850'>,
  keywordsOf?: (nodeId: string) => readonly string[],
): (query: string) => SearchHit[] {
  const index = new MiniSearch<SearchDocument>({
    fields: ['title', 'text', 'keywords'],
    storeFields: ['kind', 'title', 'context', 'href', 'depth'],
    searchOptions: {
      boostDocument: (_id, _term, stored) => 1 + 2 / (1 + Number(stored?.depth ?? 4)),
      boost: { title: 3, keywords: 3, text: 1 },
      prefix: (term) => term.length >= 3,
      fuzzy: (term) => (term.length >= 4 ? 0.25 : false),
    },
  });
  const documents = searchDocuments(content, reference, keywordsOf);
  index.addAll(documents);
  const codePages = new Map(
    documents.filter((doc) => doc.kind === 'code').map((doc) => [doc.href, doc]),
  );

  return (query: string) => {
    const trimmed = query.trim().slice(0, 200);
    if (trimmed === '') return [];
    // A code in the query ("sip 503", "error 404") means its page, whatever the other words.
    const named = [...trimmed.matchAll(CODE_IN_QUERY)].flatMap((match) => {
      const doc = codePages.get(`/codes/${match[1] ?? ''}${match[2] === '+' ? '+' : ''}`);
      return doc ? [doc] : [];
    });
    const all = index.search(trimmed, { combineWith: 'AND' });
    const results = all.length > 0 ? all : index.search(trimmed, { combineWith: 'OR' });
    const seen = new Set<string>();
    const hits: SearchHit[] = [];
    for (const result of [...named, ...results]) {
      const hit: SearchHit = {
        id: String(result.id),
        kind: result.kind as SearchHit['kind'],
        title: String(result.title),
        context: String(result.context),
        href: String(result.href),
      };
      // An answer and the diagnosis it leads to share an address: show it once.
      if (seen.has(hit.href)) continue;
      seen.add(hit.href);
      hits.push(hit);
      if (hits.length === MAX_HITS) break;
    }
    return hits;
  };
}
