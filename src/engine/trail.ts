import { getNode, isQuestion, type Trail } from './graph.ts';
import type { Answer, Content, ContentNode, Question } from './schema.ts';

/** A breadcrumb: a question answered on the way, with the answer given. */
export interface Crumb {
  question: Question;
  answer: Answer;
  /** Index of this step in the trail (0 = the first answer). */
  index: number;
}

/** The questions and answers of a trail, for breadcrumbs and summaries. */
export function crumbs(content: Pick<Content, 'nodes'>, trail: Trail): Crumb[] {
  return trail.steps.flatMap((step, index) => {
    const question = getNode(content, step.questionId);
    if (!isQuestion(question)) return [];
    const answer = question.answers.find((candidate) => candidate.id === step.answerId);
    return answer ? [{ question, answer, index }] : [];
  });
}

/** The node a trail ends at. Trails come from `decodePath`, so the node exists. */
export function currentNode(content: Pick<Content, 'nodes'>, trail: Trail): ContentNode {
  const node = getNode(content, trail.nodeId);
  if (node === undefined) throw new Error(`Trail ends at unknown node "${trail.nodeId}"`);
  return node;
}

/** The trail one step back (the start's trail stays where it is). */
export function parentTrail(trail: Trail): Trail {
  const last = trail.steps.at(-1);
  if (last === undefined) return trail;
  return { steps: trail.steps.slice(0, -1), nodeId: last.questionId };
}
