import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { labelsOf, titleOf, trailPath, trailTo } from './content.ts';
import { events, expectFitted, frameOf, heading as frameHeading, record } from './embed-helpers.ts';
import { expect, heading, test } from './fixtures.ts';
import { startHostServer, type HostServer } from './host-server.ts';

/**
 * A help center's own deployment: the site built to live under a sub-path, with only that help
 * center allowed to embed it (an exact origin, as production configs should have). Built and
 * served here, on its own port, with the headers that build writes.
 */
test.describe.configure({ mode: 'serial' });

const ROOT = path.resolve(import.meta.dirname, '..');
const VITE = path.join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
const BASE = '/help/call-troubleshooter/';
let work: string;
let outDir: string;
let site: ChildProcess | undefined;
let origin: string;
let root: string;
let host: HostServer;

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

test.beforeAll(async () => {
  test.setTimeout(120_000);
  const port = await freePort();
  origin = `http://localhost:${String(port)}`;
  root = `${origin}${BASE}`;
  host = await startHostServer(origin);

  await mkdir(path.join(ROOT, 'dist-variants'), { recursive: true });
  work = await mkdtemp(path.join(tmpdir(), 'ct-subpath-'));
  const contentDir = path.join(work, 'content');
  await cp(path.join(ROOT, 'content'), contentDir, { recursive: true });
  const configFile = path.join(contentDir, 'config.yaml');
  const config = await readFile(configFile, 'utf8');
  const allowed = config.slice(config.indexOf('  allowedOrigins:'));
  await writeFile(configFile, config.replace(allowed, `  allowedOrigins:\n    - ${host.origin}\n`));
  outDir = await mkdtemp(path.join(ROOT, 'dist-variants', 'subpath-'));
  const env = { ...process.env, CONTENT_DIR: contentDir, OUT_DIR: outDir, BASE_PATH: BASE };
  const build = spawnSync('npx', ['tsx', 'scripts/build.ts'], { cwd: ROOT, env, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`Sub-path build failed:\n${build.stderr}`);

  // Vite itself, not `npx`: killing a wrapper would leave the server running.
  site = spawn(process.execPath, [VITE, 'preview', '--port', String(port), '--strictPort'], {
    cwd: ROOT,
    env,
    stdio: 'ignore',
  });
  for (let tries = 0; ; tries += 1) {
    const up = await fetch(root).then(
      (r) => r.ok,
      () => false,
    );
    if (up) break;
    if (tries > 100) throw new Error('The sub-path site did not start');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
});

test.afterAll(async () => {
  site?.kill();
  await host.close();
  await rm(work, { recursive: true, force: true });
  await rm(outDir, { recursive: true, force: true });
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
