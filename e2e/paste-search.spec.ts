import { decodePath } from '../src/engine/path-codec.ts';
import { samples } from '../src/engine/paste/samples.ts';
import { content, labelsOf, reference, titleOf, trailTo } from './content.ts';
import { expect, heading, test } from './fixtures.ts';

function leadsTo(code: number | '603+') {
  const found = reference.codes.find((candidate) => candidate.code === code);
  const decoded = found ? decodePath(content, found.leadsTo) : undefined;
  if (!decoded?.ok) throw new Error(`No leadsTo for ${String(code)}`);
  return { title: titleOf(decoded.trail.nodeId), labels: labelsOf(decoded.trail) };
}

test('a pasted trace lands on the 503 question with the answers filled in, then the right outcome', async ({
  page,
}) => {
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  await page.goto('/');
  const box = page.getByRole('textbox', { name: 'Paste a SIP code, a log line or SIP messages' });
  await box.fill(samples.inviteTo503Crlf);
  await page.getByRole('button', { name: 'Find the diagnosis' }).click();

  const target = leadsTo(503);
  await expect(heading(page)).toHaveText(target.title);
  const crumbs = page.getByRole('navigation', { name: 'Your answers so far' });
  for (const label of target.labels) await expect(crumbs).toContainText(label);
  const summary = page.getByRole('region', { name: 'From what you pasted' });
  await expect(summary).toContainText('503 Service Unavailable');
  await expect(summary).toContainText('34 No circuit/channel available');

  // Nothing pasted left the browser: every request went to this site, and none carried the text.
  const origin = new URL(page.url()).origin;
  expect(requests.filter((url) => !url.startsWith(origin))).toEqual([]);
  expect(requests.filter((url) => url.includes('Call-ID') || url.includes('INVITE'))).toEqual([]);

  // On to the diagnosis the way anyone would.
  const outcome = trailTo('sip-503-route-advance');
  for (const label of labelsOf(outcome).slice(target.labels.length)) {
    await page.getByRole('link', { name: label, exact: true }).click();
  }
  await expect(heading(page)).toHaveText(titleOf('sip-503-route-advance'));
  for (const label of labelsOf(outcome)) await expect(crumbs).toContainText(label);

  // Back on the start page, the paste is still there (a text box keeps line breaks as LF).
  await page.getByRole('link', { name: 'Call Troubleshooter' }).first().click();
  await expect(box).toHaveValue(samples.inviteTo503Crlf.replaceAll('\r\n', '\n'));
});

test('a status line, a Reason header and a network-blocked 603 each land where an engineer would point', async ({
  page,
}) => {
  const cases = [
    { paste: 'SIP/2.0 608 Rejected', code: 608 as const, shows: '608 Rejected' },
    {
      paste: samples.q850ReasonOnly,
      code: 503 as const,
      shows: '(the typical code for this cause)',
    },
    { paste: samples.networkBlocked, code: '603+' as const, shows: '603+ Network Blocked' },
    { paste: samples.challengeThenBusy, code: 486 as const, shows: '486 Busy Here' },
  ];
  for (const { paste, code, shows } of cases) {
    await page.goto('/');
    await page.getByRole('textbox', { name: /Paste a SIP code/ }).fill(paste);
    await page.getByRole('button', { name: 'Find the diagnosis' }).click();
    await expect(heading(page)).toHaveText(leadsTo(code).title);
    await expect(page.getByRole('region', { name: 'From what you pasted' })).toContainText(shows);
  }
});

test('a paste that says nothing useful gets a sentence, keeps the text, and points at the symptoms', async ({
  page,
}) => {
  await page.goto('/');
  const box = page.getByRole('textbox', { name: /Paste a SIP code/ });
  await box.fill('hello, our phones are broken');
  await page.getByRole('button', { name: 'Find the diagnosis' }).click();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('couldn’t find');
  await expect(box).toHaveAttribute('aria-invalid', 'true');
  await expect(box).toHaveValue('hello, our phones are broken');
  await expect(box).toBeFocused();
  await alert.getByRole('link', { name: 'Show me the four symptoms' }).click();
  await expect(page).toHaveURL(/#symptoms$/);

  await box.fill(samples.provisionalOnly);
  await page.getByRole('button', { name: 'Find the diagnosis' }).click();
  await expect(page.getByRole('alert')).toContainText('100 Trying');
});

test('symptom search tolerates typos and goes straight to the node', async ({ page }) => {
  await page.goto('/');
  const search = page.getByRole('searchbox', { name: 'Describe what happens, in a few words' });
  await search.fill('one way audoi');
  const results = page.getByRole('list', { name: 'Search results' });
  await results.getByRole('link', { name: new RegExp(titleOf('one-way-audio')) }).click();
  await expect(heading(page)).toHaveText(titleOf('one-way-audio'));
  await expect(page).toHaveURL(/\/broken-audio\/one-way$/);

  // The query stays in the address, so Back finds the same results.
  await page.goBack();
  await expect(search).toHaveValue('one way audoi');
  await expect(results.getByRole('link').first()).toBeVisible();

  await search.fill('ecko');
  await search.press('ArrowDown');
  await expect(results.getByRole('link').first()).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(search).toBeFocused();
  await search.press('Enter');
  await expect(heading(page)).not.toHaveText(titleOf('start'));

  await page.goto('/?search=zzqxv');
  await expect(page.getByRole('status').filter({ hasText: 'Nothing matches' })).toContainText(
    'Nothing matches “zzqxv”',
  );
});

test('keyboard quick path: c opens the code list, / the paste box, s the search; never while typing', async ({
  page,
}) => {
  await page.goto('/procedure');
  await expect(heading(page)).toBeVisible();
  await page.keyboard.press('c');
  const filter = page.getByRole('searchbox', { name: 'Filter codes' });
  await expect(filter).toBeFocused();
  // Typing "c" in the filter types a c: shortcuts stay out of fields.
  await page.keyboard.type('c');
  await expect(filter).toHaveValue('c');
  await filter.fill('503');
  await filter.press('Enter');
  await expect(heading(page)).toHaveText('503 Service Unavailable');

  await page.keyboard.press('/');
  const box = page.getByRole('textbox', { name: /Paste a SIP code/ });
  await expect(box).toBeFocused();
  await page.keyboard.type('/s');
  await expect(box).toHaveValue('/s');

  await page.keyboard.press('Escape');
  await page.getByRole('heading', { level: 1 }).focus();
  await page.keyboard.press('s');
  await expect(page.getByRole('searchbox', { name: /Describe what happens/ })).toBeFocused();
  await expect(page.getByRole('contentinfo')).toContainText('paste a code or log');
});

test('the pasted code goes into the support request about the same diagnosis', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('textbox', { name: /Paste a SIP code/ }).fill(samples.challengeThenBusy);
  await page.getByRole('button', { name: 'Find the diagnosis' }).click();
  await expect(heading(page)).toHaveText(leadsTo(486).title);
  await page.getByRole('link', { name: 'Prepare a support request' }).click();
  await expect(page.getByRole('textbox', { name: 'SIP response codes' })).toHaveValue('486');
});

test('a call that was answered and then cut off goes to dropped calls, not to a setup failure', async ({
  page,
}) => {
  for (const [sample, path] of [
    [samples.byeRtpTimeout, reference.afterAnswer.dropped],
    [samples.reInviteRejected, reference.afterAnswer.answered],
  ] as const) {
    await page.goto('/');
    await page.getByRole('textbox', { name: /Paste a SIP code/ }).fill(sample);
    await page.getByRole('button', { name: 'Find the diagnosis' }).click();
    const decoded = decodePath(content, path);
    if (!decoded.ok) throw new Error(`Bad afterAnswer path ${path}`);
    await expect(heading(page)).toHaveText(titleOf(decoded.trail.nodeId));
    await expect(page).toHaveURL(new RegExp(`${path}$`));
    await expect(page.getByRole('region', { name: 'From what you pasted' })).toContainText(
      'answered',
    );
  }
});

test('after a paste, focus starts on what was read, before the step', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('textbox', { name: /Paste a SIP code/ }).fill('SIP/2.0 608 Rejected');
  await page.getByRole('button', { name: 'Find the diagnosis' }).click();
  await expect(page.getByRole('heading', { name: 'From what you pasted' })).toBeFocused();
});

test('if the paste box and search fail to load, the start page still works', async ({
  page,
  consoleGuard,
}) => {
  consoleGuard.allow(/finder|Failed to fetch|dynamically imported module|net::ERR/i);
  await page.route('**/assets/finder-*.js', (route) => route.abort());
  await page.goto('/');
  await expect(page.getByRole('link', { name: 'Look it up in the SIP code list' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Answers' }).getByRole('link')).toHaveCount(4);
});

test('single-key shortcuts can be turned off, and stay off', async ({ page }) => {
  await page.goto('/procedure');
  await page.getByRole('button', { name: 'Turn shortcuts off' }).click();
  await expect(page.getByRole('contentinfo')).toContainText('Single-key shortcuts are off.');
  await page.reload();
  await page.getByRole('heading', { level: 1 }).focus();
  await page.keyboard.press('c');
  await expect(heading(page)).toHaveText(content.procedure.title);
  await page.getByRole('button', { name: 'Turn shortcuts on' }).click();
  await page.getByRole('heading', { level: 1 }).focus();
  await page.keyboard.press('c');
  await expect(page.getByRole('searchbox', { name: 'Filter codes' })).toBeFocused();
});
