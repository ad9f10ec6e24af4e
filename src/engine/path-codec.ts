import { getNode, isQuestion, type Step, type Trail } from './graph.ts';
import type { AnswerId, Content, NodeId } from './schema.ts';

/**
 * Wizard URLs are the answers taken, in order, from the start question:
 * `/never-connects/sip-code/503/lcr/occasional`. Each segment is an answer id of the question reached
 * so far, so a link reproduces the same breadcrumbs on any machine, and it reads like the story.
 */
export function encodePath(answerIds: readonly string[]): string {
  return `/${answerIds.join('/')}`;
}

/** The URL of a trail. */
export function trailPath(trail: Pick<Trail, 'steps'>): string {
  return encodePath(answerIds(trail));
}

export type PathError =
  | { kind: 'malformed'; segment: string; index: number; validPrefix: Trail }
  | { kind: 'unknown-answer'; segment: string; index: number; validPrefix: Trail }
  | { kind: 'past-outcome'; segment: string; index: number; validPrefix: Trail };

export type DecodeResult = { ok: true; trail: Trail } | { ok: false; error: PathError };

const SEGMENT = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Reads a wizard URL path back into a trail. Never throws: any string gives either a trail or an
 * error that says which segment is wrong and how far the path was valid.
 */
export function decodePath(
  content: Pick<Content, 'nodes' | 'startId'>,
  pathname: string,
): DecodeResult {
  const segments = pathname.split('/').filter((segment) => segment !== '');
  const steps: Step[] = [];
  let current: NodeId = content.startId;

  for (const [index, raw] of segments.entries()) {
    const validPrefix: Trail = { steps: [...steps], nodeId: current };
    const segment = safeDecode(raw)?.toLowerCase();
    if (segment === undefined || !SEGMENT.test(segment)) {
      return { ok: false, error: { kind: 'malformed', segment: raw, index, validPrefix } };
    }
    const node = getNode(content, current);
    if (!isQuestion(node)) {
      return { ok: false, error: { kind: 'past-outcome', segment, index, validPrefix } };
    }
    const answer = node.answers.find((candidate) => candidate.id === segment);
    if (answer === undefined) {
      return { ok: false, error: { kind: 'unknown-answer', segment, index, validPrefix } };
    }
    steps.push({ questionId: current, answerId: answer.id, nextId: answer.next });
    current = answer.next;
  }
  return { ok: true, trail: { steps, nodeId: current } };
}

function safeDecode(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

/** The answer ids of a trail, for building links one step further. */
export function answerIds(trail: Pick<Trail, 'steps'>): AnswerId[] {
  return trail.steps.map((step) => step.answerId);
}
