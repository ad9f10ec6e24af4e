import { lookupCode } from '../src/engine/codes/lookup.ts';
import { decodePath } from '../src/engine/path-codec.ts';
import { content, labelsOf, reference, titleOf } from './content.ts';
import { expect, heading, test } from './fixtures.ts';

/** The node a code's `leadsTo` opens, and the labels its breadcrumbs show. */
function destination(leadsTo: string) {
  const decoded = decodePath(content, leadsTo);
  if (!decoded.ok) throw new Error(`Bad leadsTo ${leadsTo}`);
  return { title: titleOf(decoded.trail.nodeId), labels: labelsOf(decoded.trail) };
}

function entry(code: number | '603+') {
  const found = reference.codes.find((candidate) => candidate.code === code);
  if (!found) throw new Error(`No entry for ${String(code)}`);
  return found;
}

test('/codes lists every code by class and the Q.850 causes', async ({ page }) => {
  await page.goto('/codes');
  await expect(heading(page)).toHaveText('SIP response codes');
  for (const codeClass of reference.classes) {
    await expect(
      page.getByRole('heading', { level: 2, name: `${codeClass.class}xx ${codeClass.name}` }),
    ).toBeVisible();
  }
  const list = page.getByRole('main').getByRole('listitem').getByRole('link');
  await expect(list).toHaveCount(reference.codes.length);
  await expect(page.getByRole('link', { name: '503 Service Unavailable' })).toBeVisible();
  await expect(page.getByRole('link', { name: '603+ Network Blocked' })).toBeVisible();
  const q850 = page.getByRole('table', { name: 'Q.850 causes and their typical SIP code' });
  await expect(q850.getByRole('row')).toHaveCount(reference.q850.length + 1);
  await expect(q850.getByRole('row', { name: /^34 No circuit\/channel available/ })).toContainText(
    '503',
  );
});

test('the filter narrows the list, keeps the words in the address, and Enter opens a code', async ({
  page,
}) => {
  await page.goto('/codes');
  const filter = page.getByRole('searchbox', { name: 'Filter codes' });
  await filter.fill('busy');
  await expect(page.getByRole('status')).toHaveText(/codes match “busy”/);
  await expect(page.getByRole('link', { name: '486 Busy Here' })).toBeVisible();
  await expect(page.getByRole('link', { name: '600 Busy Everywhere' })).toBeVisible();
  await expect(page.getByRole('link', { name: '404 Not Found' })).toHaveCount(0);
  await expect(page).toHaveURL(/\/codes\?q=busy$/);

  await page.reload();
  await expect(filter).toHaveValue('busy');
  await expect(page.getByRole('link', { name: '404 Not Found' })).toHaveCount(0);

  await filter.fill('zzqx');
  await expect(page.getByText('Nothing matches “zzqx”.')).toBeVisible();

  await filter.fill('608');
  await filter.press('Enter');
  await expect(heading(page)).toHaveText('608 Rejected');
  await expect(page).toHaveURL(/\/codes\/608$/);
});

test('the 503 page puts the least-cost-routing case first and leads into the wizard', async ({
  page,
}) => {
  const code = entry(503);
  await page.goto('/codes/503');
  await expect(heading(page)).toHaveText('503 Service Unavailable');
  await expect(page).toHaveTitle(/^503 Service Unavailable · /);
  const callout = page.getByRole('complementary', { name: code.callout!.title });
  await expect(callout).toBeVisible();
  await expect(
    page.getByRole('heading', { name: 'Will retrying help? Send the call to the next route' }),
  ).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Likely causes' })).toBeVisible();
  for (const cause of code.causes)
    await expect(page.getByText(cause.replaceAll('`', ''))).toBeVisible();

  await callout.getByRole('link', { name: code.callout!.link!.label }).click();
  await expect(heading(page)).toHaveText(destination(code.callout!.link!.leadsTo).title);

  await page.goBack();
  await page.getByRole('link', { name: 'Troubleshoot a 503' }).click();
  const target = destination(code.leadsTo);
  await expect(heading(page)).toHaveText(target.title);
  const crumbs = page.getByRole('navigation', { name: 'Your answers so far' });
  for (const label of target.labels) await expect(crumbs).toContainText(label);
});

test('a caller-identity code shows the identity guidance and leads into the blocked branch', async ({
  page,
}) => {
  const family = reference.families.find((candidate) => candidate.id === 'caller-identity')!;
  for (const code of [608, 436] as const) {
    await page.goto(`/codes/${code}`);
    const section = page.getByRole('region', { name: family.title });
    await expect(section).toBeVisible();
    await expect(section.getByRole('listitem')).toHaveCount(family.guidance.length);
    await page.getByRole('link', { name: `Troubleshoot a ${code}` }).click();
    await expect(page).toHaveURL(/\/rejected-blocked\//);
    await expect(heading(page)).toHaveText(destination(entry(code).leadsTo).title);
  }
});

test('an unregistered code gets its class page; anything else is not found', async ({
  page,
  consoleGuard,
}) => {
  consoleGuard.allow(/status of 404/);
  await page.goto('/codes/499');
  await expect(heading(page)).toHaveText('499 is not a registered code');
  await expect(page.getByRole('main')).toContainText('as any 4xx code');
  const fourXX = reference.classes.find((c) => c.class === 4)!;
  await page.getByRole('link', { name: 'Troubleshoot a 499' }).click();
  await expect(heading(page)).toHaveText(destination(fourXX.leadsTo).title);

  for (const [segment, reason] of [
    ['700', '“700” isn’t a SIP response code: they run from 100 to 699.'],
    ['abc', '“abc” isn’t a SIP response code. Codes are three digits, like 503.'],
  ] as const) {
    await page.goto(`/codes/${segment}`);
    await expect(heading(page)).toHaveText('We don’t know that code');
    await expect(page.getByText(reason)).toBeVisible();
  }
  await page.getByRole('link', { name: 'See all SIP codes' }).click();
  await expect(heading(page)).toHaveText('SIP response codes');
});

test('every code page is prerendered with its phrase', async ({ request }) => {
  for (const code of reference.codes) {
    const response = await request.get(`/codes/${encodeURIComponent(String(code.code))}`);
    expect(response.status(), String(code.code)).toBe(200);
    // React separates adjacent text with <!-- --> in server HTML.
    const html = (await response.text()).replaceAll('<!-- -->', '');
    const found = lookupCode(reference, String(code.code));
    expect(found.kind).toBe('code');
    expect(html).toContain(`${String(code.code)}</span> ${code.phrase.replaceAll('&', '&amp;')}`);
  }
});

test('a diagnosis links to the pages of the codes it explains', async ({ page }) => {
  await page.goto('/never-connects/sip-code/503/lcr/occasional');
  await page.getByRole('link', { name: 'What 503 Service Unavailable means' }).click();
  await expect(heading(page)).toHaveText('503 Service Unavailable');
});
