import { getNode, isOutcome, type Trail } from '../graph.ts';
import { decodePath, encodePath } from '../path-codec.ts';
import type { Content, DestinationScope, Frequency, Outcome, Product, SipCode } from '../schema.ts';
import { crumbs } from '../trail.ts';

/** What the wizard answers say, for prefilling a support request and judging escalation. */
export interface TicketContext {
  /** The valid part of the trail (an unknown answer cuts it short rather than failing). */
  trail: Trail;
  category?: { id: string; title: string };
  outcome?: Outcome;
  answers: { question: string; answer: string }[];
  facts: {
    codes: SipCode[];
    product?: Product;
    frequency?: Frequency;
    destinations?: DestinationScope;
  };
}

/**
 * Resolves saved answer ids against the content. Content changes can invalidate old answers; the
 * valid prefix is kept, so a stale draft still opens.
 */
export function ticketContext(content: Content, answerIds: readonly string[]): TicketContext {
  const decoded = decodePath(content, encodePath(answerIds));
  const trail = decoded.ok ? decoded.trail : decoded.error.validPrefix;
  const steps = crumbs(content, trail);
  const first = steps[0];
  const node = getNode(content, trail.nodeId);
  const facts: TicketContext['facts'] = { codes: [] };
  for (const { answer } of steps) {
    const { codes, ...rest } = answer.facts ?? {};
    for (const code of codes ?? []) if (!facts.codes.includes(code)) facts.codes.push(code);
    Object.assign(facts, rest);
  }
  return {
    trail,
    ...(first ? { category: { id: first.answer.id, title: first.answer.label } } : {}),
    ...(isOutcome(node) ? { outcome: node } : {}),
    answers: steps.map(({ question, answer }) => ({
      question: question.title,
      answer: answer.label,
    })),
    facts,
  };
}
