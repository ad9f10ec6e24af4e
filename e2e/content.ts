import { expect, type Page } from '@playwright/test';
import { getNode, isQuestion, outcomes, shortestTrails, type Trail } from '../src/engine/graph.ts';
import { trailPath } from '../src/engine/path-codec.ts';
import type { CodeReference, Content } from '../src/engine/schema.ts';
import { loadContent } from '../scripts/content/load-content.ts';

/** The same compiled content the build uses, so tests follow whatever the authors wrote. */
async function load(): Promise<{ content: Content; reference: CodeReference }> {
  const result = await loadContent();
  if (!result.ok) throw new Error('Content is invalid; run npm run content:check');
  return result;
}

export const { content, reference } = await load();
const canonical = shortestTrails(content);

export function trailTo(nodeId: string): Trail {
  const trail = canonical.get(nodeId as never);
  if (!trail) throw new Error(`No trail to ${nodeId}`);
  return trail;
}

export function titleOf(nodeId: string): string {
  const node = getNode(content, nodeId);
  if (!node) throw new Error(`No node ${nodeId}`);
  return node.title;
}

/** The visible label of the answer taken at each step. */
export function labelsOf(trail: Trail): string[] {
  return trail.steps.map((step) => {
    const question = getNode(content, step.questionId);
    const answer = isQuestion(question)
      ? question.answers.find((a) => a.id === step.answerId)
      : undefined;
    if (!answer) throw new Error(`No answer ${step.answerId}`);
    return answer.label;
  });
}

export { outcomes, trailPath };

/** Walks from the current page along a trail by clicking each answer by its visible label. */
export async function walk(page: Page, trail: Trail): Promise<void> {
  for (const [index, label] of labelsOf(trail).entries()) {
    await page.getByRole('link', { name: label, exact: true }).click();
    const step = trail.steps[index]!;
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(titleOf(step.nextId));
  }
}
