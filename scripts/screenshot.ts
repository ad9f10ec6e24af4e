/** `npm run screenshot`: refreshes the README screenshots from the production build. */
import path from 'node:path';
import type { Page } from '@playwright/test';
import { withBuiltSite } from './chromium.ts';
import { ROOT } from './content/load-content.ts';

const shots = [
  // The start page once interactive: the paste box and search load after hydration.
  { file: 'screenshot-start.png', url: '/', width: 1000, height: 1000, ready: '#paste' },
  {
    file: 'screenshot-outcome.png',
    url: '/never-connects/sip-code/503/lcr/occasional',
    width: 1000,
    height: 1100,
  },
  // Agent mode once its call has loaded: the script, numbered answers, timer and notes.
  {
    file: 'screenshot-agent.png',
    url: '/agent/never-connects',
    width: 1280,
    height: 1000,
    ready: '[role="timer"]',
  },
  // A real capture (one-way audio, made with SIPp) read on the analyzer page.
  {
    file: 'screenshot-analyzer.png',
    url: '/analyze',
    width: 1280,
    height: 1500,
    prepare: async (page: Page) => {
      await page
        .getByLabel('Choose capture files')
        .setInputFiles(path.join(ROOT, 'src/analyzer/fixtures/one-way-audio.pcap'));
      const results = page.getByRole('heading', { name: 'Results', level: 2 });
      await results.waitFor();
      await results.evaluate((element) => element.scrollIntoView());
    },
  },
];

await withBuiltSite(ROOT, 4175, async (browser, origin) => {
  for (const shot of shots) {
    const page = await browser.newPage({
      viewport: { width: shot.width, height: shot.height },
      colorScheme: 'light',
    });
    await page.goto(`${origin}${shot.url}`);
    if ('ready' in shot) await page.locator(shot.ready).waitFor();
    if ('prepare' in shot) await shot.prepare(page);
    await page.screenshot({ path: path.join(ROOT, 'docs', shot.file) });
    await page.close();
  }
});
console.log(`Wrote ${shots.map((s) => `docs/${s.file}`).join(', ')}`);
