import { findCycles, reachableFrom, START_ID } from './graph.ts';
import type { ProblemKind } from './problems.ts';
import type { ContentNode, NodeId, Support } from './schema.ts';
import type { Report, SourceFile } from './source-file.ts';
import { didYouMean } from './suggest.ts';

/**
 * Segments the app uses for its own pages. The start question's answers become the first segment of
 * every wizard URL, so they must not collide with these.
 */
export const RESERVED_SEGMENTS = [
  'agent',
  'analyze',
  'api',
  'assets',
  'codes',
  'embed',
  'map',
  'procedure',
  'support',
  'ticket',
] as const;

/**
 * Checks the graph the nodes form and the references between them: the start, answers, fix steps,
 * related outcomes, support conditions, reachability and cycles. `brokenIds` are nodes that failed
 * the schema: references to them are not reported again.
 */
export function checkGraph(
  nodes: Map<NodeId, ContentNode>,
  origins: Map<string, { source: SourceFile; index: number }>,
  brokenIds: Set<string>,
  support: Support | undefined,
  report: Report,
): void {
  const ids = [...nodes.keys()];
  const say = (id: string, kind: ProblemKind, message: string, ...rest: (string | number)[]) => {
    const origin = origins.get(id);
    if (origin)
      report(origin.source, kind, message, { nodeId: id, path: ['nodes', origin.index, ...rest] });
    else report('content/tree', kind, message, { nodeId: id });
  };
  const exists = (id: string) => nodes.has(id as NodeId) || brokenIds.has(id);
  const conditionIds: string[] | undefined = support?.conditions.map((c) => c.id);

  const start = nodes.get(START_ID);
  if (!start && !brokenIds.has(START_ID)) {
    report(
      'content/tree',
      'missing-start',
      `No node has the id "${START_ID}". The tree begins at a question with that id.`,
    );
  } else if (start && start.kind !== 'question') {
    say(START_ID, 'missing-start', `The "${START_ID}" node must be a question, not an outcome.`);
  }

  for (const node of nodes.values()) {
    if (node.kind === 'question') {
      if (node.answers.length === 0) {
        say(
          node.id,
          'dead-end',
          'This question has no answers, so nobody can go on from it.',
          'answers',
        );
      }
      if (node.script === undefined) {
        say(
          node.id,
          'missing-script',
          'This question has no agent script. Add "script: { ask: …, listenFor: […] }" with the words a support agent reads to the caller.',
        );
      }
      const answerIds = new Set<string>();
      const labels = new Set<string>();
      node.answers.forEach((answer, index) => {
        if (answerIds.has(answer.id)) {
          say(
            node.id,
            'duplicate-answer',
            `Two answers share the id "${answer.id}".`,
            'answers',
            index,
            'id',
          );
        }
        answerIds.add(answer.id);
        const label = answer.label.toLowerCase();
        if (labels.has(label)) {
          say(
            node.id,
            'duplicate-label',
            `Two answers share the label "${answer.label}".`,
            'answers',
            index,
            'label',
          );
        }
        labels.add(label);
        if (!exists(answer.next)) {
          say(
            node.id,
            'dangling-reference',
            `Answer "${answer.id}" leads to "${answer.next}", but no node has that id.${didYouMean(answer.next, ids)}`,
            'answers',
            index,
            'next',
          );
        }
        if (node.id === START_ID && (RESERVED_SEGMENTS as readonly string[]).includes(answer.id)) {
          say(
            node.id,
            'reserved-segment',
            `The answer id "${answer.id}" is the address of another page. Choose a different id.`,
            'answers',
            index,
            'id',
          );
        }
      });
    } else {
      if (node.steps.length === 0) {
        say(
          node.id,
          'outcome-without-steps',
          'This outcome has no fix steps. Add at least one.',
          'steps',
        );
      }
      const stepIds = new Set<string>();
      node.steps.forEach((step, index) => {
        if (stepIds.has(step.id)) {
          say(
            node.id,
            'duplicate-step',
            `Two fix steps share the id "${step.id}".`,
            'steps',
            index,
            'id',
          );
        }
        stepIds.add(step.id);
      });
      node.related?.forEach((id, index) => {
        if (!exists(id)) {
          say(
            node.id,
            'dangling-reference',
            `"related" names "${id}", but no node has that id.${didYouMean(id, ids)}`,
            'related',
            index,
          );
        }
      });
      if (conditionIds) {
        node.support.when.forEach((id, index) => {
          if (!conditionIds.includes(id)) {
            say(
              node.id,
              'unknown-condition',
              `support.when names "${id}", which is not a condition in content/support.yaml.${didYouMean(id, conditionIds)}`,
              'support',
              'when',
              index,
            );
          }
        });
      }
    }
  }

  if (nodes.has(START_ID)) {
    const reachable = reachableFrom(Object.fromEntries(nodes), START_ID);
    for (const id of ids) {
      if (!reachable.has(id)) {
        say(
          id,
          'unreachable',
          `No answer leads here from "${START_ID}", so nobody can reach this node.`,
        );
      }
    }
  }

  for (const cycle of findCycles(Object.fromEntries(nodes))) {
    const first = cycle[0];
    if (first === undefined) continue;
    say(
      first,
      'cycle',
      `The answers loop back on themselves: ${cycle.join(' → ')}. The tree must always move forward.`,
    );
  }
}
