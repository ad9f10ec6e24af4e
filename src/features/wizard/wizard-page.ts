import {
  getNode,
  isOutcome,
  isQuestion,
  remainingQuestions,
  type Remaining,
  type Trail,
} from '@/engine/graph';
import { decodePath, type PathError } from '@/engine/path-codec';
import type { Content, Outcome, Question } from '@/engine/schema';
import { crumbs, type Crumb } from '@/engine/trail';

/** Everything a wizard page shows, worked out from the URL alone. */
export type WizardPage =
  | { kind: 'question'; trail: Trail; node: Question; crumbs: Crumb[]; remaining: Remaining }
  | { kind: 'outcome'; trail: Trail; node: Outcome; crumbs: Crumb[] }
  | { kind: 'not-found'; error: PathError; headline: string; detail: string; resume?: Resume };

/** Where someone can pick up after a broken link: the last step the link got right. */
export interface Resume {
  trail: Trail;
  title: string;
}

export function resolveWizardPage(content: Content, pathname: string): WizardPage {
  const decoded = decodePath(content, pathname);
  if (!decoded.ok) return notFound(content, decoded.error);
  const { trail } = decoded;
  const node = getNode(content, trail.nodeId);
  if (isOutcome(node)) return { kind: 'outcome', trail, node, crumbs: crumbs(content, trail) };
  if (isQuestion(node)) {
    return {
      kind: 'question',
      trail,
      node,
      crumbs: crumbs(content, trail),
      remaining: remainingQuestions(content, trail.nodeId),
    };
  }
  // decodePath only follows answers to nodes that exist; validated content guarantees it.
  throw new Error(`Node "${trail.nodeId}" is missing from the content`);
}

function notFound(content: Content, error: PathError): WizardPage {
  const prefix = error.validPrefix;
  const node = getNode(content, prefix.nodeId);
  const title = node?.title ?? '';
  const resume = prefix.steps.length > 0 && node ? { trail: prefix, title } : undefined;
  const base = { kind: 'not-found' as const, error, ...(resume ? { resume } : {}) };

  if (error.index === 0 && error.kind !== 'past-outcome') {
    return {
      ...base,
      headline: 'We couldn’t find that page',
      detail:
        'There is nothing at this address. The link may be mistyped, or it may come from an older version of the troubleshooter.',
    };
  }
  switch (error.kind) {
    case 'past-outcome':
      return {
        ...base,
        headline: 'This link goes past the diagnosis',
        detail: `The link reaches “${title}” and then carries on with “${error.segment}”, which doesn’t lead anywhere. The diagnosis it reached is still available.`,
      };
    case 'unknown-answer':
      return {
        ...base,
        headline: 'This link has an answer we don’t recognise',
        detail: `“${error.segment}” isn’t one of the answers to “${title}”. The content may have changed since the link was made, or the link was cut short or edited.`,
      };
    case 'malformed':
      return {
        ...base,
        headline: 'This link looks damaged',
        detail: `Part of it (“${error.segment}”) isn’t something the troubleshooter understands. It may have been cut or changed when it was copied.`,
      };
  }
}

/** The document title of a wizard page. */
export function wizardPageTitle(page: WizardPage, brand: string): string {
  switch (page.kind) {
    case 'question':
      return page.trail.steps.length === 0
        ? `${brand}: ${page.node.title}`
        : `${page.node.title} · ${brand}`;
    case 'outcome':
      return `${page.node.title} · ${brand}`;
    case 'not-found':
      return `Page not found · ${brand}`;
  }
}
