import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page, Request } from '@playwright/test';
import { udpCapture } from '../src/analyzer/test-support/capture-writer.ts';
import { callDatagrams, merge } from '../src/analyzer/test-support/sip-scenario.ts';
import { axeViolations, expect, heading, test } from './fixtures.ts';

const FIXTURES = path.join(import.meta.dirname, '../src/analyzer/fixtures');
const dir = mkdtempSync(path.join(tmpdir(), 'ct-analyzer-'));
const T0 = Date.UTC(2026, 10, 24, 15, 4, 30) * 1000;

/** A capture with two refused calls between phone numbers, and one answered call with audio one way. */
function writeRefusedCapture(): string {
  const file = path.join(dir, 'refused.pcap');
  const alice = { ip: '198.51.100.10', rtpPort: 40000, user: '+19195550100' };
  const bob = { ip: '203.0.113.20', rtpPort: 50000, user: '+442079460958' };
  const refused = (callId: string, startUs: number) =>
    callDatagrams({
      callId,
      caller: alice,
      callee: bob,
      startUs,
      final: {
        status: 503,
        phrase: 'Service Unavailable',
        reason: 'Q.850;cause=34;text="No circuit/channel available"',
      },
    });
  writeFileSync(
    file,
    udpCapture(
      merge(
        refused('call-1', T0),
        refused('call-2', T0 + 60e6),
        callDatagrams({
          callId: 'call-3',
          caller: alice,
          callee: bob,
          startUs: T0 + 120e6,
          rtp: 'caller',
        }),
      ),
    ),
  );
  return file;
}

const results = (page: Page) => page.getByRole('heading', { name: 'Results', level: 2 });

async function analyzeFile(page: Page, file: string) {
  await page.goto('/analyze');
  await expect(heading(page)).toHaveText('Analyze a capture');
  await page.getByLabel('Choose capture files').setInputFiles(file);
  await expect(results(page)).toBeFocused();
}

test.use({ timezoneId: 'America/New_York' });

test('says plainly that the file stays in the browser, and nothing is sent while reading it', async ({
  page,
}) => {
  const requests: Request[] = [];
  page.on('request', (request) => requests.push(request));
  const file = writeRefusedCapture();
  await analyzeFile(page, file);
  await expect(
    page.getByText('Your file is read here, in this browser. It is never uploaded'),
  ).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Findings' })).toBeVisible();
  const bytes = readFileSync(file);
  const marker = 'No circuit/channel available';
  for (const request of requests) {
    // Only the site's own pages and scripts, fetched; never a body, never the capture's text.
    expect(new URL(request.url()).origin, request.url()).toBe(new URL(page.url()).origin);
    expect(request.method(), request.url()).toBe('GET');
    expect(request.postDataBuffer(), request.url()).toBeNull();
    expect(request.url()).not.toContain(encodeURIComponent(marker));
  }
  expect(bytes.includes(Buffer.from(marker))).toBe(true);
});

test('reads a capture: findings with evidence, calls, streams, the ladder', async ({ page }) => {
  await analyzeFile(page, writeRefusedCapture());
  await expect(page.getByText('Read refused.pcap (pcap, ')).toContainText(
    '267 packets, 17 SIP messages, 3 calls and 1 RTP stream',
  );
  const refused = page
    .getByRole('region', { name: 'Findings' })
    .getByRole('article')
    .filter({ hasText: 'Call refused: 503 Service Unavailable' });
  await expect(refused).toContainText(
    '2 calls were refused with 503 Service Unavailable, Reason Q.850 cause 34, "No circuit/channel available".',
  );
  await expect(refused.getByRole('listitem').first()).toContainText('frame');
  const oneWay = page
    .getByRole('region', { name: 'Findings' })
    .getByRole('article')
    .filter({ hasText: 'Audio in one direction only' });
  await expect(oneWay).toContainText('none from the callee to 198.51.100.10:40000');

  const calls = page.getByRole('table', { name: /Calls/ });
  await expect(calls.getByRole('row')).toHaveCount(4);
  await expect(calls.getByRole('row').nth(1)).toContainText('503 Service Unavailable');
  await expect(calls.getByRole('row').nth(1)).toContainText('No circuit/channel available');

  const streams = page.getByRole('table', { name: /RTP streams/ });
  await expect(streams.getByRole('row')).toHaveCount(2);
  await expect(streams.getByRole('row').nth(1)).toContainText('198.51.100.10:40000');
  await expect(streams.getByRole('img').first()).toHaveAttribute('aria-label', /jitter/i);

  await calls
    .getByRole('row')
    .nth(3)
    .getByRole('button', { name: /Show messages/ })
    .click();
  const ladder = page.getByRole('heading', { name: /Messages of the call from/ });
  await expect(ladder).toBeVisible();
  await expect(page.getByRole('img', { name: /Ladder diagram/ })).toBeVisible();
  await expect(
    page
      .getByRole('table', { name: /Messages/ })
      .getByRole('row')
      .nth(1),
  ).toContainText('INVITE');

  expect(await axeViolations(page)).toEqual([]);
});

test('a finding leads into the troubleshooter and into a prefilled support request', async ({
  page,
}) => {
  await analyzeFile(page, writeRefusedCapture());
  const refused = page
    .getByRole('region', { name: 'Findings' })
    .getByRole('article')
    .filter({ hasText: 'Call refused: 503 Service Unavailable' });
  await refused.getByRole('link', { name: /^Troubleshoot:/ }).click();
  await expect(page).toHaveURL(/\/never-connects\/sip-code\/503$/);
  await page.goBack();
  await expect(results(page)).toBeVisible();

  await refused.getByRole('button', { name: 'Prepare a support request' }).click();
  await expect(heading(page)).toHaveText('Prepare a support request');
  await expect(page.getByLabel('Number you called from')).toHaveValue('+19195550100');
  await expect(page.getByRole('textbox', { name: 'Called number 1', exact: true })).toHaveValue(
    '+442079460958',
  );
  await expect(page.getByRole('textbox', { name: 'Failed call 1', exact: true })).toHaveValue(
    '2026-11-24 10:04:30',
  );
  await expect(page.getByRole('textbox', { name: 'Failed call 2', exact: true })).toHaveValue(
    '2026-11-24 10:05:30',
  );
  await expect(page.getByRole('textbox', { name: 'SIP response codes' })).toHaveValue('503');
  await expect(page.getByLabel('What happened')).toHaveValue(
    /refused with 503 Service Unavailable/,
  );
});

test('pasted SIP text goes through the same analysis', async ({ page }) => {
  await page.goto('/analyze');
  await page
    .getByLabel('Or paste SIP messages')
    .fill(
      [
        'SIP/2.0 486 Busy Here',
        'Via: SIP/2.0/UDP 192.0.2.1;branch=z9hG4bK1',
        'From: <sip:+15551230001@192.0.2.1>;tag=1',
        'To: <sip:+15551230002@192.0.2.2>;tag=2',
        'Call-ID: pasted-1',
        'CSeq: 1 INVITE',
        'Reason: Q.850;cause=17;text="User busy"',
      ].join('\n'),
    );
  await page.getByRole('button', { name: 'Analyze the text' }).click();
  await expect(results(page)).toBeFocused();
  const finding = page.getByRole('region', { name: 'Findings' }).getByRole('article');
  await expect(finding.getByRole('heading')).toHaveText('Call refused: 486 Busy Here');
  await expect(finding).toContainText('Reason Q.850 cause 17, "User busy"');
});

test('a file that is not a capture: what is wrong, where, and the pasted text kept', async ({
  page,
}) => {
  const file = path.join(dir, 'holiday.jpg');
  writeFileSync(
    file,
    Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1, 0xff]),
  );
  await page.goto('/analyze');
  await page.getByLabel('Or paste SIP messages').fill('INVITE sip:bob@example.com SIP/2.0');
  await page.getByLabel('Choose capture files').setInputFiles(file);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('holiday.jpg');
  await expect(alert).toContainText(
    "This isn't a capture or a SIP text log: it starts with bytes ff d8 ff e0",
  );
  await expect(alert).toContainText('byte 0');
  await expect(page.getByLabel('Or paste SIP messages')).toHaveValue(
    'INVITE sip:bob@example.com SIP/2.0',
  );
  expect(await axeViolations(page)).toEqual([]);
});

test('a big capture shows progress and can be cancelled', async ({ page }) => {
  // 120 copies of a real capture's packets: about 8.6 MB a copy would be too quick to catch.
  const source = readFileSync(path.join(FIXTURES, 'answered-two-way.pcap'));
  const records = source.subarray(24);
  const file = path.join(dir, 'big.pcap');
  writeFileSync(
    file,
    Buffer.concat([source.subarray(0, 24), ...Array.from({ length: 2000 }, () => records)]),
  );
  await page.goto('/analyze');
  await page.getByLabel('Choose capture files').setInputFiles(file);
  const progress = page.getByRole('progressbar', { name: /Reading big\.pcap/ });
  await expect(progress).toBeVisible();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByText('Stopped. Nothing was kept.')).toBeVisible();
  await expect(results(page)).toHaveCount(0);
  await expect(page.getByLabel('Choose capture files')).toBeEnabled();
});

test('results survive a reload of the tab, and Clear results removes them', async ({ page }) => {
  await analyzeFile(page, path.join(FIXTURES, 'rejected-503.pcap'));
  await page.reload();
  await expect(results(page)).toBeVisible();
  await expect(page.getByRole('table', { name: /Calls/ }).getByRole('row')).toHaveCount(4);
  await page.getByRole('button', { name: 'Clear results' }).click();
  await expect(results(page)).toHaveCount(0);
  await page.reload();
  await expect(heading(page)).toHaveText('Analyze a capture');
  await expect(results(page)).toHaveCount(0);
});
