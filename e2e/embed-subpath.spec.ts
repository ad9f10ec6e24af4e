import { labelsOf, titleOf, trailPath, trailTo } from './content.ts';
import { events, expectFitted, frameOf, heading as frameHeading, record } from './embed-helpers.ts';
import { expect, heading, test } from './fixtures.ts';
import { startHostServer, type HostServer } from './host-server.ts';
import { freePort, startVariantSite, type VariantSite } from './variant-site.ts';

/**
 * A help center's own deployment: the site built to live under a sub-path, with only that help
 * center allowed to embed it (an exact origin, as production configs should have). Built and
 * served here, on its own port, with the headers that build writes.
 */
test.describe.configure({ mode: 'serial' });

const BASE = '/help/call-troubleshooter/';
let site: VariantSite;
let origin: string;
let root: string;
let host: HostServer;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  const port = await freePort();
  origin = `http://localhost:${String(port)}`;
  root = `${origin}${BASE}`;
  host = await startHostServer(origin);
  // Only this help center, exactly: as a production config would have it.
  site = await startVariantSite({
    name: 'subpath',
    port,
    basePath: BASE,
    editConfig: (config) =>
      config.replace(
        config.slice(config.indexOf('  allowedOrigins:')),
        `  allowedOrigins:\n    - ${host.origin}\n`,
      ),
  });
});

test.afterAll(async () => {
  await site.stop();
  await host.close();
});

test('the whole site works under the sub-path: pages, links, deep links and the 404 page', async ({
  page,
  consoleGuard,
}) => {
  // The browser logs the 404 page's own status.
  consoleGuard.allow(/status of 404/);
  await page.goto(root);
  await expect(heading(page)).toHaveText(titleOf('start'));
  const trail = trailTo('one-way-audio');
  await page.getByRole('link', { name: labelsOf(trail)[0]!, exact: true }).click();
  await expect(page).toHaveURL(`${origin}${BASE}broken-audio`);
  // A deep link is a prerendered page of its own.
  await page.goto(`${origin}${BASE.slice(0, -1)}${trailPath(trail)}`);
  await expect(heading(page)).toHaveText(titleOf('one-way-audio'));
  await page.getByRole('link', { name: 'SIP codes' }).click();
  await expect(page).toHaveURL(`${origin}${BASE}codes`);

  const missing = await page.goto(`${root}no-such-step`);
  expect(missing?.status()).toBe(404);
  await expect(heading(page)).toHaveText('We couldn’t find that page');
});

test('only the embed pages may be framed, and only by the allowed help center', async ({
  request,
}) => {
  const embed = await request.get(`${root}embed/broken-audio`);
  expect(embed.status()).toBe(200);
  expect(embed.headers()['content-security-policy']).toContain(
    `frame-ancestors 'self' ${host.origin}`,
  );
  const normal = await request.get(`${root}broken-audio`);
  expect(normal.headers()['x-frame-options']).toBe('DENY');
  expect(normal.headers()['content-security-policy']).not.toContain('frame-ancestors');
  expect(normal.headers()['content-security-policy']).toContain("script-src 'self'");
});

test('the snippet from the sub-path works on the allowed help center', async ({ page }) => {
  await record(page);
  await page.goto(
    host.page(
      `<div id="help" data-call-troubleshooter data-start="broken-audio"></div>` +
        `<script async src="${root}embed.js"></script>`,
    ),
  );
  const { element, frame } = frameOf(page);
  await expect(frameHeading(frame)).toHaveText(titleOf('broken-audio'));
  const label = labelsOf(trailTo('one-way-audio'))[1]!;
  await frame.getByRole('link', { name: label, exact: true }).click();
  await expect(frameHeading(frame)).toHaveText(titleOf('one-way-audio'));
  await expectFitted(element, frame);
  const src = await element.getAttribute('src');
  expect(src).toBe(`${root}embed/broken-audio`);
  await expect(frame.getByRole('link', { name: /^Open this step in a new tab/ })).toHaveAttribute(
    'href',
    `${BASE}broken-audio/one-way`,
  );
  await expect.poll(async () => (await events(page, 'call-troubleshooter:outcome')).length).toBe(1);
});

test('another site gets a link instead of a frame, and a hand-made frame is refused', async ({
  page,
  consoleGuard,
}) => {
  consoleGuard.allow(/is not allowed to embed it/);
  consoleGuard.allow(/frame-ancestors/);
  const other = (url: string) => url.replace('//localhost:', '//127.0.0.1:');
  await page.goto(
    other(
      host.page(
        `<div data-call-troubleshooter data-start="broken-audio"></div>` +
          `<script async src="${root}embed.js"></script>`,
      ),
    ),
  );
  const link = page.getByRole('link', { name: 'Call Troubleshooter (opens in a new tab)' });
  await expect(link).toHaveAttribute('href', `${root}broken-audio`);
  await expect(page.locator('iframe')).toHaveCount(0);

  const refused = page.waitForEvent('console', (message) =>
    message.text().includes('frame-ancestors'),
  );
  await page.goto(
    other(host.page(`<iframe src="${root}embed/broken-audio" title="Copied frame"></iframe>`)),
  );
  await refused;
  await expect(page.getByTitle('Copied frame').contentFrame().getByRole('heading')).toHaveCount(0);
});
