import { content, labelsOf, outcomes, titleOf, trailPath, trailTo, walk } from './content.ts';
import { expect, heading, test } from './fixtures.ts';

/**
 * Generated from the content graph: for every outcome, start at `/`, click the answers of the
 * shortest trail by their visible labels, and arrive at the diagnosis.
 */
for (const outcome of outcomes(content)) {
  const trail = trailTo(outcome.id);
  test(`reaches "${outcome.id}" via ${labelsOf(trail).join(' › ')}`, async ({ page }) => {
    await page.goto('/');
    await walk(page, trail);
    await expect(heading(page)).toHaveText(titleOf(outcome.id));
    await expect(page).toHaveURL(new RegExp(`${trailPath(trail)}$`));
    await expect(page.getByRole('list', { name: 'Fix steps' }).getByRole('listitem')).toHaveCount(
      outcome.steps.length,
    );
  });
}
