import type { AnswerId, Content, ContentNode, NodeId, Outcome, Question } from './schema.ts';

/** The id every tree starts from: the "what does the failure look like?" question. */
export const START_ID = 'start' as NodeId;

/** One answered question on the way through the tree. */
export interface Step {
  questionId: NodeId;
  answerId: AnswerId;
  nextId: NodeId;
}

/** Where someone is: the answers so far and the node they lead to. */
export interface Trail {
  steps: Step[];
  nodeId: NodeId;
}

type NodeMap = Readonly<Record<string, ContentNode>>;

export function getNode(content: Pick<Content, 'nodes'>, id: string): ContentNode | undefined {
  return Object.hasOwn(content.nodes, id) ? content.nodes[id] : undefined;
}

export function isQuestion(node: ContentNode | undefined): node is Question {
  return node?.kind === 'question';
}

export function isOutcome(node: ContentNode | undefined): node is Outcome {
  return node?.kind === 'outcome';
}

/** Ids a node points at through its answers (questions) or nothing (outcomes). */
export function successors(node: ContentNode): NodeId[] {
  return node.kind === 'question' ? node.answers.map((answer) => answer.next) : [];
}

/** Every node reachable from `from`, breadth first, `from` included. */
export function reachableFrom(nodes: NodeMap, from: string): Set<string> {
  const seen = new Set<string>();
  const queue = [from];
  for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
    const node = nodes[id];
    if (seen.has(id) || node === undefined) continue;
    seen.add(id);
    queue.push(...successors(node));
  }
  return seen;
}

/**
 * Every cycle in the graph, each reported once as the list of ids around it (first id repeated at
 * the end), found by depth-first search from each node in authoring order.
 */
export function findCycles(nodes: NodeMap): string[][] {
  const WHITE = 0;
  const GREY = 1;
  const BLACK = 2;
  const colour = new Map<string, number>();
  const stack: string[] = [];
  const cycles: string[][] = [];

  const visit = (id: string): void => {
    colour.set(id, GREY);
    stack.push(id);
    const node = nodes[id];
    for (const next of node === undefined ? [] : successors(node)) {
      if (nodes[next] === undefined) continue;
      const state = colour.get(next) ?? WHITE;
      if (state === GREY) cycles.push([...stack.slice(stack.indexOf(next)), next]);
      else if (state === WHITE) visit(next);
    }
    stack.pop();
    colour.set(id, BLACK);
  };

  for (const id of Object.keys(nodes)) if ((colour.get(id) ?? WHITE) === WHITE) visit(id);
  return cycles;
}

/**
 * The shortest trail from the start to every reachable node (fewest answers; ties go to the earlier
 * answer in authoring order, so the result is stable).
 */
export function shortestTrails(content: Pick<Content, 'nodes' | 'startId'>): Map<NodeId, Trail> {
  const trails = new Map<NodeId, Trail>([
    [content.startId, { steps: [], nodeId: content.startId }],
  ]);
  const queue: NodeId[] = [content.startId];
  for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
    const node = getNode(content, id);
    const trail = trails.get(id);
    if (!isQuestion(node) || trail === undefined) continue;
    for (const answer of node.answers) {
      if (trails.has(answer.next) || getNode(content, answer.next) === undefined) continue;
      const step: Step = { questionId: id, answerId: answer.id, nextId: answer.next };
      trails.set(answer.next, { steps: [...trail.steps, step], nodeId: answer.next });
      queue.push(answer.next);
    }
  }
  return trails;
}

/** Every distinct trail from the start (the tree is acyclic, so this ends), depth first. */
export function* allTrails(content: Pick<Content, 'nodes' | 'startId'>): Generator<Trail> {
  function* walk(id: NodeId, steps: Step[]): Generator<Trail> {
    yield { steps, nodeId: id };
    const node = getNode(content, id);
    if (!isQuestion(node)) return;
    for (const answer of node.answers) {
      yield* walk(answer.next, [
        ...steps,
        { questionId: id, answerId: answer.id, nextId: answer.next },
      ]);
    }
  }
  yield* walk(content.startId, []);
}

export interface Remaining {
  /** Fewest questions still to answer before an outcome. */
  min: number;
  /** Most questions still to answer before an outcome. */
  max: number;
}

/** How many questions lie between a node and the outcomes below it (0 at an outcome). */
export function remainingQuestions(content: Pick<Content, 'nodes'>, id: NodeId): Remaining {
  const memo = new Map<string, Remaining>();
  const measure = (nodeId: string): Remaining => {
    const known = memo.get(nodeId);
    if (known) return known;
    const node = getNode(content, nodeId);
    let result: Remaining = { min: 0, max: 0 };
    if (isQuestion(node) && node.answers.length > 0) {
      const below = node.answers.map((answer) => measure(answer.next));
      result = {
        min: 1 + Math.min(...below.map((r) => r.min)),
        max: 1 + Math.max(...below.map((r) => r.max)),
      };
    }
    memo.set(nodeId, result);
    return result;
  };
  return measure(id);
}

/** All outcomes, in authoring order. */
export function outcomes(content: Pick<Content, 'nodes'>): Outcome[] {
  return Object.values(content.nodes).filter(isOutcome);
}
