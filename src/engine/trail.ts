import { getNode, isQuestion, type Trail } from './graph.ts';
import type { Answer, Content, Question } from './schema.ts';

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
