import { readFile } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';
import { titleOf, trailPath, trailTo } from './content.ts';
import { axeViolations, expect, heading, test } from './fixtures.ts';

/** A fixed clock and zone, so times and the "prepared" line are the same on every run. */
const NOW = new Date('2026-11-24T20:00:00Z');
test.use({
  timezoneId: 'America/New_York',
  permissions: ['clipboard-read', 'clipboard-write'],
});
test.beforeEach(async ({ page }) => {
  await page.clock.setFixedTime(NOW);
});

const PEAK = '/never-connects/sip-code/503/lcr/peak';

async function openFromOutcome(page: Page, path = PEAK) {
  await page.goto(path);
  await page.getByRole('link', { name: 'Prepare a support request' }).click();
  await expect(heading(page)).toHaveText('Prepare a support request');
  await expect(page.getByLabel('Number you called from')).toBeVisible();
}

async function fillValid(page: Page) {
  await page.getByLabel('Number you called from').fill('(919) 555-0100');
  await page
    .getByRole('textbox', { name: 'Called number 1', exact: true })
    .fill('+44 20 7946 0958');
  await page.getByRole('textbox', { name: 'Called number 1', exact: true }).press('Enter');
  await page.keyboard.type('919-555-0101');
  await page
    .getByRole('textbox', { name: 'Failed call 1', exact: true })
    .fill('2026-11-24 14:05:30');
  await page.getByRole('textbox', { name: 'Failed call 1', exact: true }).press('Enter');
  await page.keyboard.type('2026-11-24 14:20');
  await page
    .getByLabel('What happened')
    .fill('Calls to London fail every evening between 2 and 3 pm.\nOther destinations work.');
}

const clipboard = (page: Page) => page.evaluate(() => navigator.clipboard.readText());

const EXPECTED_TEXT = `Support request for Example Voice
Prepared 2026-11-24 20:00 UTC with Call Troubleshooter

Diagnosis: ${titleOf('sip-503-peak-capacity')}
Category: The call never connects
Answers:
- What does the failure look like? The call never connects
- What happens when you place the call? My phone system shows a SIP error code
- Which SIP response code do you see? 503 Service Unavailable
- Do these calls go over Wholesale LCR Termination? Yes, it's least-cost routing (Wholesale LCR Termination)
- How do the 503s behave? They bunch up at busy times, or when we send a lot of calls at once
Link: http://localhost:4173/never-connects/sip-code/503/lcr/peak

Originating number: +19195550100
Destination numbers: +442079460958, +19195550101
Failed calls (UTC):
- 2026-11-24T19:05:30Z (local 2026-11-24 14:05:30 -05:00, America/New_York)
- 2026-11-24T19:20:00Z (local 2026-11-24 14:20:00 -05:00, America/New_York)
SIP response codes: 503 Service Unavailable
Error messages: (none)
How often: Often, but not every time
Product: Wholesale LCR Termination

Description:
Calls to London fail every evening between 2 and 3 pm.
Other destinations work.

Steps already tried:
- Compare when the 503s happen with your call volume at those times.

Contact support? Yes: contact Example Voice support
- [x] The failure happens every time, or you can make it happen again on purpose. You said it fails often.
- [x] 5xx or 6xx responses keep coming back, beyond the occasional 503 that least-cost routing sends on purpose. 503 keeps coming back.
- [x] Calls fail to several different destinations, not just one number. You listed 2 destination numbers.
- [ ] The audio is still bad after you have checked SIP ALG, NAT, firewall and RTP ports. Applies to audio problems only.
`;

test('opens from an outcome prefilled with the answers, codes and ticked steps', async ({
  page,
}) => {
  await page.goto(PEAK);
  const firstStep = page.getByRole('list', { name: 'Fix steps' }).getByRole('checkbox').first();
  await firstStep.check();
  await page.getByRole('link', { name: 'Prepare a support request' }).click();

  await expect(heading(page)).toHaveText('Prepare a support request');
  await expect(page.getByText(titleOf('sip-503-peak-capacity'))).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'SIP response codes' })).toHaveValue('503');
  await expect(page.getByRole('list', { name: 'Codes understood' })).toHaveText(
    '503 Service Unavailable',
  );
  await expect(page.getByRole('radio', { name: 'Often, but not every time' })).toBeChecked();
  await expect(page.getByRole('radio', { name: 'Wholesale LCR Termination' })).toBeChecked();
  await expect(
    page.getByRole('list', { name: 'Fix steps for this diagnosis' }).getByRole('checkbox').first(),
  ).toBeChecked();
});

test('is reachable from the five-step check, and says when there is no diagnosis', async ({
  page,
}) => {
  await page.goto('/procedure');
  await page.getByRole('link', { name: 'Prepare a support request' }).click();
  await expect(heading(page)).toHaveText('Prepare a support request');
  await expect(page.getByRole('heading', { name: 'No diagnosis yet' })).toBeVisible();
});

test('shows each problem next to its field and blocks every export', async ({ page }) => {
  await openFromOutcome(page);
  await page.evaluate(() => navigator.clipboard.writeText('untouched'));
  await page.getByLabel('Number you called from').fill('12');
  await page.getByRole('textbox', { name: 'Called number 1', exact: true }).fill('call me');
  await page.getByRole('textbox', { name: 'Failed call 1', exact: true }).fill('2026-02-30 10:00');
  await page.getByRole('textbox', { name: 'SIP response codes' }).fill('5033');
  // Leaving a field shows its message; nothing is shown while typing.
  await page.getByLabel('What happened').focus();
  await expect(page.getByText('February 2026 has only 28 days; check the date.')).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Called number 1', exact: true })).toHaveAttribute(
    'aria-invalid',
    'true',
  );

  await page.getByRole('button', { name: 'Copy as text' }).click();
  const summary = page.getByRole('heading', { name: /5 things to fix/ });
  await expect(summary).toBeFocused();
  expect(await clipboard(page)).toBe('untouched');
  await expect(page.getByText('Describe what happened in a few sentences.')).toHaveCount(2);
  await expect(page.getByText(/too short for United States numbers/).first()).toBeVisible();
  await expect(page.getByText(/“5033” is not a SIP code/).first()).toBeVisible();

  // A link in the summary takes focus to its field.
  await page.getByRole('link', { name: /^Called number 1:/ }).click();
  await expect(page.getByRole('textbox', { name: 'Called number 1', exact: true })).toBeFocused();

  const downloads: string[] = [];
  page.on('download', (download) => downloads.push(download.suggestedFilename()));
  await page.getByRole('button', { name: 'Download .json' }).click();
  await page.getByRole('button', { name: /^Email / }).click();
  expect(downloads).toEqual([]);
  await expect(page.getByText('The preview appears once the form is complete.')).toBeVisible();
  // Nothing typed was lost or rewritten.
  await expect(page.getByRole('textbox', { name: 'Called number 1', exact: true })).toHaveValue(
    'call me',
  );
});

test('a valid request copies, downloads and emails exactly the expected text', async ({ page }) => {
  await page.goto(PEAK);
  await page.getByRole('list', { name: 'Fix steps' }).getByRole('checkbox').first().check();
  await page.getByRole('link', { name: 'Prepare a support request' }).click();
  await fillValid(page);

  await expect(page.getByText('Reads as +19195550100')).toBeVisible();
  await expect(page.getByText('Saved as 2026-11-24T19:05:30Z (UTC)')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Should you contact support?' })).toContainText(
    'Yes: contact Example Voice support',
  );

  await page.getByRole('button', { name: 'Copy as text' }).click();
  await expect(page.getByRole('status').getByText('Copied as plain text.')).toBeVisible();
  expect(await clipboard(page)).toBe(EXPECTED_TEXT);
  await expect(page.getByLabel('The support request as text')).toHaveText(EXPECTED_TEXT.trimEnd());

  await page.getByRole('button', { name: 'Copy as Markdown' }).click();
  expect(await clipboard(page)).toBe(
    await readFile(new URL('expected/peak-request.md', import.meta.url), 'utf8'),
  );

  const [text] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download .txt' }).click(),
  ]);
  expect(text.suggestedFilename()).toBe('support-request-20261124-2000.txt');
  expect(await readFile(await text.path(), 'utf8')).toBe(EXPECTED_TEXT);

  const [json] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download .json' }).click(),
  ]);
  expect(json.suggestedFilename()).toBe('support-request-20261124-2000.json');
  const document = JSON.parse(await readFile(await json.path(), 'utf8')) as Record<string, unknown>;
  expect(document).toMatchObject({
    format: 'call-troubleshooter/support-request',
    version: 1,
    preparedAt: '2026-11-24T20:00:00Z',
    numbers: {
      originating: { e164: '+19195550100' },
      destinations: [{ e164: '+442079460958' }, { e164: '+19195550101' }],
    },
    failedCalls: {
      timeZone: 'America/New_York',
      times: [{ utc: '2026-11-24T19:05:30Z' }, { utc: '2026-11-24T19:20:00Z' }],
    },
    codes: [{ code: 503, phrase: 'Service Unavailable' }],
    escalation: { verdict: 'contact-support' },
  });

  // The print view is the request itself, without the form around it.
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('form', { name: 'Support request' })).toBeHidden();
  await expect(page.getByLabel('The support request as text')).toBeVisible();
  await page.emulateMedia({ media: 'screen' });

  const mail = page.getByRole('link', { name: 'Email support@example.net' });
  const href = (await mail.getAttribute('href')) ?? '';
  const url = new URL(href);
  expect(url.protocol).toBe('mailto:');
  expect(url.pathname).toBe('support@example.net');
  expect(url.searchParams.get('subject')).toBe(
    `Support request: ${titleOf('sip-503-peak-capacity')}`,
  );
  // The full text is too long once percent-encoded, so the email carries the compact form: no
  // answers (the link leads to them), and only the conditions that hold.
  const compact = EXPECTED_TEXT.replace(/^Answers:\n(?:- .*\n)+/m, '').replace(
    /^- \[ \] .*\n/gm,
    '',
  );
  expect(url.searchParams.get('body')?.replaceAll('\r\n', '\n')).toBe(compact);
  expect(href.length).toBeLessThanOrEqual(2000);
});

test('an email link that would be too long falls back to pasting the copied text', async ({
  page,
}) => {
  await openFromOutcome(page);
  await fillValid(page);
  await page.getByLabel('What happened').fill('Every call to the London office fails. '.repeat(45));
  const mail = page.getByRole('link', { name: 'Email support@example.net' });
  const href = (await mail.getAttribute('href')) ?? '';
  expect(href.length).toBeLessThanOrEqual(2000);
  expect(new URL(href).searchParams.get('body')).toContain('paste');
  // Opening the link copies the full request first (the mail app itself is not opened in tests).
  await mail.evaluate((link) =>
    link.addEventListener('click', (event) => event.preventDefault(), { once: true }),
  );
  await mail.click();
  await expect(page.getByText(/too long for an email link, so it was copied/)).toBeVisible();
  expect(await clipboard(page)).toContain('Every call to the London office fails.');
});

test('pasting a list into a number row spreads it over rows', async ({ page }) => {
  await openFromOutcome(page);
  await page.getByRole('textbox', { name: 'Called number 1', exact: true }).focus();
  await page.evaluate(() => {
    const data = new DataTransfer();
    data.setData('text/plain', '+1 919 555 0100, 919-555-0101');
    document.activeElement!.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
    );
  });
  await expect(page.getByRole('textbox', { name: 'Called number 1', exact: true })).toHaveValue(
    '+1 919 555 0100',
  );
  await expect(page.getByRole('textbox', { name: 'Called number 2', exact: true })).toHaveValue(
    '919-555-0101',
  );
  await expect(page.getByRole('textbox', { name: 'Called number 2', exact: true })).toBeFocused();
  await expect(page.getByText('Reads as +19195550101')).toBeVisible();
});

test('the draft survives a reload and is gone only when cleared', async ({ page }) => {
  await openFromOutcome(page);
  await fillValid(page);
  await page.getByRole('radio', { name: 'Every time', exact: true }).check();
  await page.reload();
  await expect(page.getByLabel('Number you called from')).toHaveValue('(919) 555-0100');
  await expect(page.getByRole('textbox', { name: 'Called number 2', exact: true })).toHaveValue(
    '919-555-0101',
  );
  await expect(page.getByRole('textbox', { name: 'Failed call 2', exact: true })).toHaveValue(
    '2026-11-24 14:20',
  );
  await expect(page.getByRole('radio', { name: 'Every time', exact: true })).toBeChecked();

  // Navigating away and back keeps it too.
  await page.getByRole('link', { name: 'Back to the diagnosis' }).click();
  await page.getByRole('link', { name: 'Prepare a support request' }).click();
  await expect(page.getByLabel('Number you called from')).toHaveValue('(919) 555-0100');

  await page.getByRole('button', { name: 'Clear the form' }).click();
  await expect(page.getByRole('button', { name: 'Keep it' })).toBeFocused();
  await page.getByRole('button', { name: 'Keep it' }).click();
  await expect(page.getByRole('button', { name: 'Clear the form' })).toBeFocused();
  await expect(page.getByLabel('Number you called from')).toHaveValue('(919) 555-0100');
  await page.getByRole('button', { name: 'Clear the form' }).click();
  await page.getByRole('button', { name: 'Yes, clear the form' }).click();
  await expect(page.getByLabel('Number you called from')).toHaveValue('');
  await expect(heading(page)).toBeFocused();
  await page.reload();
  await expect(page.getByLabel('Number you called from')).toHaveValue('');
});

test('an unreadable saved draft is dropped with a notice, keeping ticked steps', async ({
  page,
}) => {
  await page.goto('/');
  await page.evaluate(() => {
    localStorage.setItem(
      'call-troubleshooter:session',
      JSON.stringify({
        state: {
          ticks: { procedure: ['number-active'] },
          feedback: {},
          draft: { origin: 42 },
        },
        version: 2,
      }),
    );
  });
  await page.goto('/support');
  await expect(page.getByRole('status').getByText(/support request draft/)).toBeVisible();
  await expect(page.getByRole('checkbox', { name: /calling number is active/ })).toBeChecked();
  await expect(page.getByLabel('Number you called from')).toHaveValue('');
});

/** Presses Tab until `target` has focus; returns the names of the controls passed on the way. */
async function tabTo(page: Page, target: Locator, limit = 80): Promise<string[]> {
  const passed: string[] = [];
  for (let presses = 0; presses < limit; presses += 1) {
    if (await target.evaluate((el) => el === document.activeElement)) return passed;
    await page.keyboard.press('Tab');
    passed.push(
      await page.evaluate(() => {
        const el = document.activeElement as HTMLInputElement | null;
        const label = el?.labels?.[0]?.textContent ?? el?.getAttribute('aria-label');
        return (label ?? el?.textContent ?? '').trim().slice(0, 60);
      }),
    );
  }
  throw new Error(`Tab never reached the target; passed ${passed.join(' → ')}`);
}

test('can be filled in with the keyboard alone, in a sensible order', async ({ page }) => {
  await openFromOutcome(page);
  await page.getByLabel('Number you called from').focus();
  await page.keyboard.type('919 555 0100');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('textbox', { name: 'Called number 1', exact: true })).toBeFocused();
  await page.keyboard.type('+44 20 7946 0958');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('textbox', { name: 'Called number 2', exact: true })).toBeFocused();
  await page.keyboard.type('919 555 0101');

  const visited = [
    ...(await tabTo(page, page.getByRole('textbox', { name: 'Failed call 1', exact: true }))),
  ];
  await page.keyboard.type('2026-11-24 14:05');
  visited.push(...(await tabTo(page, page.getByRole('textbox', { name: 'SIP response codes' }))));
  // Tab reaches a radio group at its current choice; arrow keys move within it.
  visited.push(
    ...(await tabTo(page, page.getByRole('radio', { name: 'Often, but not every time' }))),
  );
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByRole('radio', { name: 'Every time', exact: true })).toBeChecked();
  visited.push(...(await tabTo(page, page.getByLabel('What happened'))));
  await page.keyboard.type('Calls fail at peak.');
  visited.push(...(await tabTo(page, page.getByRole('button', { name: 'Copy as text' }))));

  // The fields come in the order they are read, with the row controls next to their rows.
  const order = [
    'Remove called number 2',
    'Add another number',
    'Time zone of these times',
    'Failed call 1',
    'Add another call',
    'Add the time now',
    'SIP response codes',
    'Error messages (optional)',
    'Often, but not every time',
    'What happened',
  ];
  const positions = order.map((name) => visited.indexOf(name));
  expect(
    positions.every((position) => position >= 0),
    visited.join(' → '),
  ).toBe(true);
  expect(positions).toEqual([...positions].sort((a, b) => a - b));

  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').getByText('Copied as plain text.')).toBeVisible();
  const copied = await clipboard(page);
  expect(copied).toContain('Destination numbers: +442079460958, +19195550101');
  expect(copied).toContain('How often: Every time');
});

test('axe finds nothing on the form, with errors showing', async ({ page }) => {
  await openFromOutcome(page, trailPath(trailTo('one-way-audio')));
  expect(await axeViolations(page)).toEqual([]);
  await page.getByRole('button', { name: 'Copy as text' }).click();
  await expect(page.getByRole('heading', { name: /things to fix/ })).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
});

test('a time without a date is written out in full, and the zone can be changed', async ({
  page,
}) => {
  await openFromOutcome(page);
  const first = page.getByRole('textbox', { name: 'Failed call 1', exact: true });
  await first.fill('14:05');
  await first.press('Tab');
  // The clock says 15:00 in New York, so 14:05 is today's.
  await expect(first).toHaveValue('2026-11-24 14:05:00');
  await expect(page.getByText('Saved as 2026-11-24T19:05:00Z (UTC)')).toBeVisible();
  await expect(first).toHaveAccessibleDescription(/year-month-day, 24-hour clock/);

  await page.getByLabel('Time zone of these times').selectOption('Europe/Berlin');
  await expect(page.getByText('Saved as 2026-11-24T13:05:00Z (UTC)')).toBeVisible();
  await page.getByRole('button', { name: 'Use America/New_York' }).click();
  await expect(page.getByLabel('Time zone of these times')).toHaveValue('America/New_York');
});

test('a saved draft about another diagnosis is pointed out before it is reused', async ({
  page,
}) => {
  await openFromOutcome(page);
  await page.getByLabel('Number you called from').fill('(919) 555-0100');
  await page.goto(trailPath(trailTo('one-way-audio')));
  await page.getByRole('link', { name: 'Prepare a support request' }).click();
  const notice = page.getByRole('region', {
    name: 'You have a saved request about another diagnosis',
  });
  await expect(notice).toContainText(titleOf('sip-503-peak-capacity'));

  await notice.getByRole('button', { name: 'Use those details for this diagnosis' }).click();
  await expect(notice).toBeHidden();
  await expect(page.getByLabel('Number you called from')).toHaveValue('(919) 555-0100');
  await expect(page.getByText(titleOf('one-way-audio')).first()).toBeVisible();

  await page.goto(PEAK);
  await page.getByRole('link', { name: 'Prepare a support request' }).click();
  await page.getByRole('button', { name: 'Start a new request' }).click();
  await expect(page.getByLabel('Number you called from')).toHaveValue('');
  await expect(page.getByRole('textbox', { name: 'SIP response codes' })).toHaveValue('503');
});

test('removing a row keeps each remaining row’s error state with it', async ({ page }) => {
  await openFromOutcome(page);
  const row = (n: number) => page.getByRole('textbox', { name: `Called number ${n}`, exact: true });
  await page.getByRole('button', { name: 'Add another number' }).click();
  await page.getByRole('button', { name: 'Add another number' }).click();
  await row(2).fill('12');
  await row(3).fill('+44 20 7946 0958');
  await expect(row(2)).toHaveAttribute('aria-invalid', 'true');
  // Row 1 was never visited; removing it moves the rows below up, with their state.
  await page.getByRole('button', { name: 'Remove called number 1' }).click();
  await expect(row(1)).toHaveValue('12');
  await expect(row(1)).toHaveAttribute('aria-invalid', 'true');
  await expect(row(2)).toHaveValue('+44 20 7946 0958');
  await expect(row(2)).not.toHaveAttribute('aria-invalid', 'true');
});
