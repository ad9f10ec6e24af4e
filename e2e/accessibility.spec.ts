import { trailPath, trailTo } from './content.ts';
import { axeViolations, expect, heading, test } from './fixtures.ts';

const pages = [
  { name: 'start', path: '/' },
  { name: 'question', path: trailPath(trailTo('sip-code')) },
  { name: 'outcome', path: trailPath(trailTo('sip-503-route-advance')) },
  { name: 'outcome with every advice box', path: trailPath(trailTo('flagged-as-spam')) },
  { name: 'five-step check', path: '/procedure' },
  { name: 'capture analyzer', path: '/analyze' },
  { name: 'support request', path: `/support?from=${trailPath(trailTo('one-way-audio'))}` },
  { name: 'not found', path: '/no-such-page', notFound: true },
  { name: 'SIP code list', path: '/codes' },
  { name: '503 code', path: '/codes/503' },
  { name: 'caller-identity code', path: '/codes/608' },
  { name: 'unregistered code', path: '/codes/499', notFound: true },
  { name: 'agent start', path: '/agent' },
  { name: 'agent question', path: `/agent${trailPath(trailTo('every-call'))}` },
  { name: 'agent outcome', path: `/agent${trailPath(trailTo('one-way-audio'))}` },
];

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`${scheme} scheme`, () => {
    test.use({ colorScheme: scheme });
    for (const target of pages) {
      test(`axe finds nothing on the ${target.name} page`, async ({ page, consoleGuard }) => {
        if (target.notFound) consoleGuard.allow(/status of 404/);
        await page.goto(target.path);
        await expect(heading(page)).toBeVisible();
        expect(await axeViolations(page)).toEqual([]);
      });
    }
  });
}

test('axe finds nothing after answering "did this fix it?" and ticking steps', async ({ page }) => {
  await page.goto(trailPath(trailTo('sip-401')));
  await page.getByRole('list', { name: 'Fix steps' }).getByRole('checkbox').first().check();
  await page.getByRole('button', { name: 'No, it still fails' }).click();
  expect(await axeViolations(page)).toEqual([]);
});

test('axe finds nothing with search results, a paste problem, and a paste summary', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByRole('searchbox', { name: /Describe what happens/ }).fill('echo');
  await expect(page.getByRole('list', { name: 'Search results' })).toBeVisible();
  const box = page.getByRole('textbox', { name: /Paste a SIP code/ });
  await box.fill('nothing to see');
  await page.getByRole('button', { name: 'Find the diagnosis' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);

  await box.fill('SIP/2.0 503 Service Unavailable\nReason: Q.850;cause=34');
  await page.getByRole('button', { name: 'Find the diagnosis' }).click();
  await expect(page.getByRole('region', { name: 'From what you pasted' })).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
});

test.describe('on a 360 px phone', () => {
  test.use({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });
  for (const target of pages) {
    test(`the ${target.name} page fits without sideways scrolling`, async ({
      page,
      consoleGuard,
    }) => {
      if (target.notFound) consoleGuard.allow(/status of 404/);
      await page.goto(target.path);
      await expect(heading(page)).toBeVisible();
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow).toBeLessThanOrEqual(0);
    });
  }
});
