import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from '@playwright/test';
import { expect, heading, test } from './fixtures.ts';
import { freePort, startVariantSite, type VariantSite } from './variant-site.ts';

/**
 * "Send to support" only exists when content/config.yaml names a webhook, so this spec builds a
 * variant of the site with one, serves it with the headers that config implies (its connect-src),
 * and runs a small webhook server of its own.
 */
test.describe.configure({ mode: 'serial' });

let site: VariantSite;
let siteUrl: string;
let hook: Server;
let hookUrl: string;
let respond: { status: number; text: string } = { status: 201, text: 'Created' };
const received: { method: string; type: string | undefined; body: string }[] = [];

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

test.beforeAll(async () => {
  test.setTimeout(120_000);
  const sitePort = await freePort();
  siteUrl = `http://localhost:${sitePort}`;

  hook = createServer((request, response) => {
    response.setHeader('Access-Control-Allow-Origin', siteUrl);
    response.setHeader('Access-Control-Allow-Headers', 'Content-Type');
    response.setHeader('Access-Control-Allow-Methods', 'POST');
    if (request.method === 'OPTIONS') {
      response.writeHead(204).end();
      return;
    }
    void readBody(request).then((body) => {
      received.push({ method: request.method ?? '', type: request.headers['content-type'], body });
      response.writeHead(respond.status, respond.text).end();
    });
  });
  await new Promise<void>((resolve) => hook.listen(0, '127.0.0.1', resolve));
  hookUrl = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/tickets`;

  site = await startVariantSite({
    name: 'webhook',
    port: sitePort,
    editConfig: (config) =>
      config.replace(
        '  supportUrl: https://example.net/support\n',
        `  supportUrl: https://example.net/support\n  supportWebhook: ${hookUrl}\n`,
      ),
  });
});

async function stopHook() {
  if (!hook.listening) return;
  hook.closeAllConnections();
  await new Promise((resolve) => hook.close(resolve));
}

test.afterAll(async () => {
  await site.stop();
  await stopHook();
});

async function fillRequest(page: Page) {
  await page.goto(`${siteUrl}/never-connects/sip-code/503/direct/any-time`);
  await page.getByRole('link', { name: 'Prepare a support request' }).click();
  await expect(heading(page)).toHaveText('Prepare a support request');
  await page.getByLabel('Number you called from').fill('+1 919 555 0100');
  await page
    .getByRole('textbox', { name: 'Called number 1', exact: true })
    .fill('+44 20 7946 0958');
  await page.getByRole('textbox', { name: 'Failed call 1', exact: true }).fill('2026-11-24 14:05');
  await page.getByLabel('What happened').fill('Every call to London gets a 503.');
}

test.beforeEach(async ({ page }) => {
  await page.clock.setFixedTime(new Date('2026-11-24T20:00:00Z'));
  received.length = 0;
});
test.use({ timezoneId: 'America/New_York' });

test('says where "Send to support" sends the request, and sends the JSON there', async ({
  page,
}) => {
  respond = { status: 201, text: 'Created' };
  await fillRequest(page);
  const host = new URL(hookUrl).host;
  await expect(page.getByText(`Sends this request, as JSON, to ${host}.`)).toBeVisible();
  expect(received).toEqual([]);

  await page.getByRole('button', { name: 'Send to Example Voice support' }).click();
  await expect(page.getByRole('status').getByText('Sent to Example Voice support.')).toBeVisible();
  expect(received).toHaveLength(1);
  expect(received[0]).toMatchObject({ method: 'POST', type: 'application/json' });
  expect(JSON.parse(received[0]!.body)).toMatchObject({
    format: 'call-troubleshooter/support-request',
    version: 1,
    numbers: { originating: { e164: '+19195550100' }, destinations: [{ e164: '+442079460958' }] },
    failedCalls: { times: [{ utc: '2026-11-24T19:05:00Z' }] },
    codes: [{ code: 503 }],
    description: 'Every call to London gets a 503.',
  });
});

test('shows why sending failed and keeps the draft', async ({ page, consoleGuard }) => {
  consoleGuard.allow(/status of 500/);
  respond = { status: 500, text: 'Internal Server Error' };
  await fillRequest(page);
  await page.getByRole('button', { name: 'Send to Example Voice support' }).click();
  const host = new URL(hookUrl).host;
  await expect(page.getByRole('status')).toContainText(
    `Not sent. The support server (${host}) refused the request: 500 Internal Server Error. Your draft is kept.`,
  );
  await page.reload();
  await expect(page.getByLabel('Number you called from')).toHaveValue('+1 919 555 0100');
});

test('says so when the webhook cannot be reached', async ({ page, consoleGuard }) => {
  consoleGuard.allow(/Failed to load resource|ERR_CONNECTION_REFUSED|net::/);
  await fillRequest(page);
  await stopHook();
  await page.getByRole('button', { name: 'Send to Example Voice support' }).click();
  await expect(page.getByRole('status')).toContainText('We couldn’t reach the support server');
  await expect(page.getByLabel('What happened')).toHaveValue('Every call to London gets a 503.');
});
