/** `npm run screenshot`: refreshes the README screenshots from the production build. */
import path from 'node:path';
import { chromium } from '@playwright/test';
import { preview } from 'vite';
import { ROOT } from './content/load-content.ts';

const server = await preview({
  root: ROOT,
  logLevel: 'silent',
  preview: { port: 4175, strictPort: true },
});
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
const shots = [
  { file: 'screenshot-start.png', url: '/', width: 1000, height: 720 },
  {
    file: 'screenshot-outcome.png',
    url: '/never-connects/sip-code/503/lcr/occasional',
    width: 1000,
    height: 1100,
  },
];
for (const shot of shots) {
  const page = await browser.newPage({
    viewport: { width: shot.width, height: shot.height },
    colorScheme: 'light',
  });
  await page.goto(`http://localhost:4175${shot.url}`);
  await page.screenshot({ path: path.join(ROOT, 'docs', shot.file) });
  await page.close();
}
await browser.close();
await server.close();
console.log(`Wrote ${shots.map((s) => `docs/${s.file}`).join(', ')}`);
