import { content, labelsOf, titleOf, trailPath, trailTo, walk } from './content.ts';
import { expect, heading, test } from './fixtures.ts';

const LCR_OUTCOME = 'sip-503-route-advance';
const brand = content.config.brand.name;

test.describe('the wizard', () => {
  test('starts with the four symptoms, each saying what it looks like', async ({ page }) => {
    await page.goto('/');
    await expect(heading(page)).toHaveText('What does the failure look like?');
    const answers = page.getByRole('list', { name: 'Answers' }).getByRole('link');
    await expect(answers).toHaveCount(4);
    const neverConnects = page.getByRole('link', { name: 'The call never connects', exact: true });
    await expect(neverConnects).toHaveAccessibleDescription(/No ringing, an error tone/);
  });

  test('moves focus to the new heading, retitles the page and announces the step', async ({
    page,
  }) => {
    await page.goto('/');
    await page.getByRole('link', { name: 'The call never connects', exact: true }).click();
    await expect(heading(page)).toHaveText(titleOf('never-connects'));
    await expect(heading(page)).toBeFocused();
    await expect(page).toHaveTitle(`${titleOf('never-connects')} · ${brand}`);
    await expect(page.locator('[aria-live="polite"][aria-atomic="true"]')).toHaveText(
      titleOf('never-connects'),
    );
  });

  test('shows the answers so far as breadcrumbs that change an answer', async ({ page }) => {
    const trail = trailTo(LCR_OUTCOME);
    await page.goto('/');
    await walk(page, trail);
    const crumbs = page.getByRole('navigation', { name: 'Your answers so far' }).getByRole('link');
    await expect(crumbs).toHaveCount(trail.steps.length);
    for (const [index, label] of labelsOf(trail).entries()) {
      await expect(crumbs.nth(index)).toContainText(label);
    }

    // Change the answer to "which code?" (the third question): back there, the choice is marked.
    await crumbs.nth(2).click();
    await expect(heading(page)).toHaveText(titleOf('sip-code'));
    await expect(page).toHaveURL(/\/never-connects\/sip-code$/);
    await expect(
      page.getByRole('link', { name: '503 Service Unavailable', exact: true }),
    ).toHaveAccessibleDescription('Your earlier answer');
    await page.getByRole('link', { name: '403 Forbidden', exact: true }).click();
    await expect(heading(page)).toHaveText(titleOf('sip-403'));
  });

  test('shows progress through the questions', async ({ page }) => {
    await page.goto(trailPath(trailTo('sip-503-lcr')));
    await expect(page.getByText('Question 4 of 5', { exact: true })).toBeVisible();
    await page.goto(trailPath(trailTo('never-connects')));
    await expect(page.getByText(/^Question 2 of at most \d$/)).toBeVisible();
    await page.goto(trailPath(trailTo(LCR_OUTCOME)));
    await expect(page.getByText('Diagnosis reached after 5 answers')).toBeVisible();
  });

  test('goes back one question, and starts over', async ({ page }) => {
    await page.goto(trailPath(trailTo('sip-403')));
    await page.getByRole('link', { name: 'Back' }).click();
    await expect(heading(page)).toHaveText(titleOf(trailTo('sip-403').steps.at(-1)!.questionId));
    await page.getByRole('link', { name: 'Start over' }).click();
    await expect(heading(page)).toHaveText('What does the failure look like?');
    await expect(page).toHaveURL(/\/$/);
  });

  test('follows the browser’s Back and Forward buttons', async ({ page }) => {
    await page.goto('/');
    await walk(page, trailTo('sip-408'));
    await page.goBack();
    await expect(heading(page)).toHaveText(titleOf('never-connects'));
    await page.goBack();
    await expect(heading(page)).toHaveText('What does the failure look like?');
    await page.goForward();
    await page.goForward();
    await expect(heading(page)).toHaveText(titleOf('sip-408'));
  });

  test('opens a shared link on the same outcome with the same breadcrumbs', async ({ browser }) => {
    const trail = trailTo(LCR_OUTCOME);
    // A fresh browser context: another machine, no saved state.
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(trailPath(trail));
    await expect(heading(page)).toHaveText(titleOf(LCR_OUTCOME));
    const crumbs = page.getByRole('navigation', { name: 'Your answers so far' });
    for (const label of labelsOf(trail)) await expect(crumbs).toContainText(label);
    await context.close();
  });

  test('keeps the place and the ticked steps across a reload', async ({ page }) => {
    const outcome = content.nodes['sip-401'];
    if (outcome?.kind !== 'outcome') throw new Error('sip-401 is an outcome');
    await page.goto(trailPath(trailTo('sip-401')));
    const steps = page.getByRole('list', { name: 'Fix steps' });
    await steps.getByRole('checkbox').nth(1).check();
    await expect(page.getByText(`1 of ${outcome.steps.length} done`)).toBeVisible();
    await page.getByRole('button', { name: 'No, it still fails' }).click();

    await page.reload();
    await expect(heading(page)).toHaveText(outcome.title);
    await expect(steps.getByRole('checkbox').nth(1)).toBeChecked();
    await expect(steps.getByRole('checkbox').nth(0)).not.toBeChecked();
    await expect(page.getByRole('button', { name: 'No, it still fails' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    await expect(
      page.getByRole('link', { name: 'the five-step check', exact: true }),
    ).toBeVisible();
  });

  test('reaches the five-step check from an outcome, with ticks that persist', async ({ page }) => {
    await page.goto(trailPath(trailTo('sip-500')));
    await page.getByRole('link', { name: 'Work through the five-step check' }).click();
    await expect(heading(page)).toHaveText(content.procedure.title);
    for (const step of content.procedure.steps) {
      await expect(page.getByRole('heading', { level: 2, name: step.title })).toBeVisible();
    }
    const first = page
      .getByRole('list', { name: content.procedure.steps[0]!.title })
      .getByRole('checkbox')
      .first();
    await first.check();
    await page.reload();
    await expect(first).toBeChecked();
    await page.getByRole('button', { name: 'Clear all ticks' }).click();
    await expect(first).not.toBeChecked();
  });

  test('links from an outcome to related diagnoses', async ({ page }) => {
    await page.goto(trailPath(trailTo('sip-403')));
    await page
      .getByRole('link', { name: `Related diagnosis: ${titleOf('destination-restricted')}` })
      .click();
    await expect(heading(page)).toHaveText(titleOf('destination-restricted'));
  });

  test('offers an email to support that says where it goes', async ({ page }) => {
    await page.goto(trailPath(trailTo('sip-503-investigate')));
    const mail = page
      .getByRole('region', { name: `When to contact ${content.config.provider.name} support` })
      .getByRole('link', { name: content.config.provider.supportEmail });
    await expect(mail).toHaveAttribute(
      'href',
      `mailto:${content.config.provider.supportEmail}?subject=${encodeURIComponent(`Failed calls: ${titleOf('sip-503-investigate')}`)}`,
    );
  });
});

test.describe('bad addresses and saved data', () => {
  test('an unknown address gets a friendly 404 with a way back', async ({ page, consoleGuard }) => {
    consoleGuard.allow(/status of 404/);
    const response = await page.goto('/no-such-page');
    expect(response?.status()).toBe(404);
    await expect(heading(page)).toHaveText('We couldn’t find that page');
    await expect(page).toHaveTitle(`Page not found · ${brand}`);
    await page.getByRole('link', { name: 'Start from the beginning' }).click();
    await expect(heading(page)).toHaveText('What does the failure look like?');
  });

  test('a tampered answer says which one, and resumes from the last good step', async ({
    page,
    consoleGuard,
  }) => {
    consoleGuard.allow(/status of 404/);
    await page.goto('/never-connects/teleport');
    await expect(heading(page)).toHaveText('This link has an answer we don’t recognise');
    await expect(
      page.getByText(`“teleport” isn’t one of the answers to “${titleOf('never-connects')}”`),
    ).toBeVisible();
    await page.getByRole('link', { name: `Continue from “${titleOf('never-connects')}”` }).click();
    await expect(heading(page)).toHaveText(titleOf('never-connects'));
  });

  test('a link that runs past its diagnosis offers the diagnosis', async ({
    page,
    consoleGuard,
  }) => {
    consoleGuard.allow(/status of 404/);
    await page.goto(`${trailPath(trailTo('sip-408'))}/extra`);
    await expect(heading(page)).toHaveText('This link goes past the diagnosis');
    await page.getByRole('link', { name: `Continue from “${titleOf('sip-408')}”` }).click();
    await expect(heading(page)).toHaveText(titleOf('sip-408'));
  });

  test('corrupt saved progress is dropped with a notice, not a crash', async ({ page }) => {
    await page.addInitScript(() => {
      if (!sessionStorage.getItem('seeded')) {
        localStorage.setItem('call-troubleshooter:session', '{"state": {"ticks": 42');
        sessionStorage.setItem('seeded', 'yes');
      }
    });
    await page.goto(trailPath(trailTo('sip-401')));
    const notice = page.getByRole('status').filter({ hasText: 'couldn’t read the progress' });
    await expect(notice).toBeVisible();
    await expect(heading(page)).toHaveText(titleOf('sip-401'));
    await notice.getByRole('button', { name: 'Dismiss' }).click();
    await expect(notice).toBeHidden();
    // The bad data is gone: a reload shows no notice, and ticking works again.
    await page.reload();
    await expect(page.getByText('couldn’t read the progress')).toBeHidden();
    await page.getByRole('list', { name: 'Fix steps' }).getByRole('checkbox').first().check();
    await page.reload();
    await expect(
      page.getByRole('list', { name: 'Fix steps' }).getByRole('checkbox').first(),
    ).toBeChecked();
  });
});
