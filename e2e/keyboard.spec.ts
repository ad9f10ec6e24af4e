import type { Page } from '@playwright/test';
import { labelsOf, titleOf, trailTo } from './content.ts';
import { expect, heading, test } from './fixtures.ts';

/** Presses Tab until the focused element is the link or control with this name. */
async function tabTo(page: Page, name: string) {
  for (let presses = 0; presses < 40; presses += 1) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return (el?.textContent ?? '').trim();
    });
    if (focused === name) return;
  }
  throw new Error(`Could not reach "${name}" with Tab`);
}

test('a keyboard-only walk from the start to a fix, with visible focus', async ({ page }) => {
  const trail = trailTo('one-way-audio');
  await page.goto('/');
  for (const [index, label] of labelsOf(trail).entries()) {
    await tabTo(page, label);
    // The focus ring is drawn on the answer's card (the link stretches over it).
    const outline = await page.evaluate(() => {
      const card = document.activeElement!.closest('li') ?? document.activeElement!;
      return getComputedStyle(card).outlineStyle;
    });
    expect(outline, 'focused answer shows a focus outline').not.toBe('none');
    await page.keyboard.press('Enter');
    await expect(heading(page)).toHaveText(titleOf(trail.steps[index]!.nextId));
    await expect(heading(page)).toBeFocused();
  }
  // Tick the first fix step with the keyboard.
  await page.keyboard.press('Tab');
  let tries = 0;
  while (
    (await page.evaluate(() => (document.activeElement as HTMLInputElement).type)) !== 'checkbox'
  ) {
    await page.keyboard.press('Tab');
    if ((tries += 1) > 40) throw new Error('No checkbox reachable');
  }
  await page.keyboard.press('Space');
  await expect(
    page.getByRole('list', { name: 'Fix steps' }).getByRole('checkbox').first(),
  ).toBeChecked();

  // And back out again with the Back link.
  await tabTo(page, '← Back');
  await page.keyboard.press('Enter');
  await expect(heading(page)).toHaveText(titleOf(trail.steps.at(-1)!.questionId));
});

test('the skip link jumps to the main content', async ({ page }) => {
  await page.goto('/');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#main$/);
});
