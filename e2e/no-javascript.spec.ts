import { content, labelsOf, titleOf, trailTo } from './content.ts';
import { expect, heading, test } from './fixtures.ts';

test.use({ javaScriptEnabled: false });

test('works with JavaScript off: prerendered questions, answers as links, an outcome', async ({
  page,
}) => {
  const trail = trailTo('sip-503-route-advance');
  await page.goto('/');
  for (const [index, label] of labelsOf(trail).entries()) {
    await page.getByRole('link', { name: label, exact: true }).click();
    await expect(heading(page)).toHaveText(titleOf(trail.steps[index]!.nextId));
  }
  await expect(page).toHaveTitle(new RegExp(`^${titleOf('sip-503-route-advance')}`));
  // Breadcrumbs, fix steps and support advice are in the HTML itself.
  const crumbs = page.getByRole('navigation', { name: 'Your answers so far' });
  for (const label of labelsOf(trail)) await expect(crumbs).toContainText(label);
  await expect(page.getByRole('list', { name: 'Fix steps' }).getByRole('checkbox')).not.toHaveCount(
    0,
  );
  await expect(page.getByRole('heading', { name: /When to contact/ })).toBeVisible();

  await page.getByRole('link', { name: 'Work through the five-step check' }).click();
  await expect(heading(page)).toHaveText(content.procedure.title);
});

test('shows the not-found page with JavaScript off', async ({ page, consoleGuard }) => {
  consoleGuard.allow(/status of 404/);
  await page.goto('/never-connects/nonsense');
  await expect(heading(page)).toHaveText('We couldn’t find that page');
  await page.getByRole('link', { name: 'Start from the beginning' }).click();
  await expect(heading(page)).toHaveText('What does the failure look like?');
});

test('the support request page lists what to include with JavaScript off', async ({ page }) => {
  await page.goto('/never-connects/sip-code/503/lcr/peak');
  await page.getByRole('link', { name: 'Prepare a support request' }).click();
  await expect(heading(page)).toHaveText('Prepare a support request');
  for (const item of content.support.checklist) {
    await expect(page.getByText(item.text.replaceAll('`', ''))).toBeVisible();
  }
  await expect(
    page.getByRole('link', { name: content.config.provider.supportEmail }).first(),
  ).toHaveAttribute('href', `mailto:${content.config.provider.supportEmail}`);
});

test('the code list and code pages work with JavaScript off', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('link', { name: 'Look it up in the SIP code list' }).click();
  await expect(heading(page)).toHaveText('SIP response codes');
  await page.getByRole('link', { name: '503 Service Unavailable' }).click();
  await expect(heading(page)).toHaveText('503 Service Unavailable');
  await expect(page.getByRole('heading', { name: 'What it means' })).toBeVisible();
  await page.getByRole('link', { name: 'Troubleshoot a 503' }).click();
  await expect(heading(page)).toHaveText(titleOf('sip-503-lcr'));
});

test('agent pages are prerendered too: scripts and answers readable with JavaScript off', async ({
  page,
}) => {
  const trail = trailTo('sip-code');
  await page.goto('/agent');
  for (const [index, label] of labelsOf(trail).entries()) {
    await page.getByRole('link', { name: label, exact: true }).click();
    await expect(heading(page)).toHaveText(titleOf(trail.steps[index]!.nextId));
  }
  await expect(page).toHaveURL(/\/agent\/never-connects\/sip-code\/?$/);
  await expect(page.getByText('Ask the caller')).toBeVisible();
  await expect(page).toHaveTitle(/\(agent\)$/);
  await expect(page.getByText('The call timer starts once the page has loaded.')).toBeVisible();
});
