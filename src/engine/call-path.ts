import { getNode, type Trail } from './graph.ts';
import { answerIds, decodePath, encodePath } from './path-codec.ts';
import type { Content } from './schema.ts';
import type { CaseStep } from './case-notes.ts';

/** A wizard page the call reached, and when (agent mode logs one per arrival). */
export interface Visit {
  at: number;
  path: string;
}

export interface CallPath {
  /** The answers on the trail, each marked asked (with its time) or not asked on the call. */
  path: CaseStep[];
  /** Answers given on the call that the trail no longer holds (the story changed), oldest first. */
  earlier: CaseStep[];
}

/**
 * Which answers the caller actually gave. An answer counts as given when the call went from a
 * question's page straight to the page one answer further on: chosen by a key, a click or a
 * breadcrumb's question. A map jump, a shared link or a pasted trace fills in answers nobody
 * asked, and those are marked so. Answers given and later left (the caller's story changed, the
 * agent went back and chose again) are listed apart, so the case notes keep them.
 */
export function callPath(
  content: Pick<Content, 'nodes' | 'startId'>,
  trail: Trail,
  visits: readonly Visit[],
): CallPath {
  /** Path after the answer → when it was given (the latest time, if given more than once). */
  const given = new Map<string, number>();
  visits.forEach((visit, index) => {
    const previous = visits[index - 1];
    if (previous === undefined) return;
    const before = decodePath(content, previous.path);
    const after = decodePath(content, visit.path);
    if (!before.ok || !after.ok) return;
    const from = answerIds(before.trail);
    const to = answerIds(after.trail);
    if (to.length !== from.length + 1 || from.some((id, at) => to[at] !== id)) return;
    given.set(encodePath(to), visit.at);
  });

  const ids = answerIds(trail);
  const onTrail = new Set<string>();
  const path = trail.steps.map((step, index): CaseStep => {
    const key = encodePath(ids.slice(0, index + 1));
    onTrail.add(key);
    const at = given.get(key);
    return { ...labels(content, step), at: at ?? null, asked: at !== undefined };
  });

  const earlier = [...given]
    .filter(([key]) => !onTrail.has(key))
    .sort(([, a], [, b]) => a - b)
    .flatMap(([key, at]): CaseStep[] => {
      const decoded = decodePath(content, key);
      const last = decoded.ok ? decoded.trail.steps.at(-1) : undefined;
      return last === undefined ? [] : [{ ...labels(content, last), at, asked: true }];
    });
  return { path, earlier };
}

function labels(
  content: Pick<Content, 'nodes'>,
  step: Trail['steps'][number],
): Pick<CaseStep, 'question' | 'answer'> {
  const question = getNode(content, step.questionId);
  const answer =
    question?.kind === 'question'
      ? question.answers.find((each) => each.id === step.answerId)
      : undefined;
  return { question: question?.title ?? step.questionId, answer: answer?.label ?? step.answerId };
}
