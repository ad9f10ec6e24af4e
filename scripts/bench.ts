/**
 * `npm run bench`: builds the site, then prints a table of what a visitor pays for it — bytes on the
 * wire and times measured in Chromium (median of several runs). Numbers only; nothing here fails.
 * Timings vary from machine to machine; sizes don't, and `npm run size` holds them to budgets.
 */
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import path from 'node:path';
import type { Browser } from '@playwright/test';
import { withBuiltSite } from './chromium.ts';
import { ROOT, loadContent } from './content/load-content.ts';
import { mapScaling, printMapScaling } from './perf/map-scaling.ts';
import { BUDGETS, kb, measureBuild } from './perf/sizes.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const rows: [string, string, string][] = [];
const row = (what: string, value: string, note = '') => rows.push([what, value, note]);
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
};
const ms = (value: number) => `${value.toFixed(1)} ms`;

// Content validation, as the build and `npm run content:check` do it.
const checks: number[] = [];
for (let i = 0; i < RUNS; i += 1) {
  const started = performance.now();
  const result = await loadContent();
  checks.push(performance.now() - started);
  if (!result.ok) throw new Error('Content is invalid; run npm run content:check');
}

const buildStarted = performance.now();
execFileSync('npx', ['tsx', 'scripts/build.ts'], { cwd: ROOT, stdio: 'ignore' });
const buildSeconds = (performance.now() - buildStarted) / 1000;

const sizes = await measureBuild(path.join(ROOT, 'dist'));
row(
  'Start page HTML',
  kb(sizes.startHtml.gzip),
  `gzip (brotli ${kb(sizes.startHtml.brotli)}, raw ${kb(sizes.startHtml.raw)}); budget ${kb(BUDGETS.startHtml)}`,
);
row(
  'Start page JS',
  kb(sizes.startJs.gzip),
  `gzip (brotli ${kb(sizes.startJs.brotli)}, raw ${kb(sizes.startJs.raw)}); budget ${kb(BUDGETS.startJs)}`,
);
row(
  'Start page CSS',
  kb(sizes.startCss.gzip),
  `gzip (brotli ${kb(sizes.startCss.brotli)}, raw ${kb(sizes.startCss.raw)}); budget ${kb(BUDGETS.startCss)}`,
);
for (const asset of sizes.assets) row(`  ${asset.file}`, kb(asset.size.gzip), 'gzip');
row(
  'Support request page JS',
  kb(sizes.supportJs.gzip),
  `gzip, added on top of the start page when opened; budget ${kb(BUDGETS.supportJs)}`,
);
row(
  'Agent mode JS',
  kb(sizes.agentJs.gzip),
  `gzip, added on top of the start page under /agent; budget ${kb(BUDGETS.agentJs)}`,
);
row(
  'Agent map JS',
  kb(sizes.mapJs.gzip),
  `gzip, added when the map is first opened; budget ${kb(BUDGETS.mapJs)}`,
);
row(
  'Analyze a capture page JS',
  kb(sizes.analyzerPageJs.gzip),
  `gzip, added on top of the start page when opened; budget ${kb(BUDGETS.analyzerPageJs)}`,
);
row(
  'Analyzer worker JS',
  kb(sizes.analyzerWorkerJs.gzip),
  `gzip, loaded when a file is read; budget ${kb(BUDGETS.analyzerWorkerJs)}`,
);
row(
  'Embed loader (embed.js)',
  kb(sizes.embedLoader.gzip),
  `gzip (brotli ${kb(sizes.embedLoader.brotli)}, raw ${kb(sizes.embedLoader.raw)}); on every host page; budget ${kb(BUDGETS.embedLoader)}`,
);
row(
  'Embed frame script',
  kb(sizes.embedFrame.gzip),
  `gzip, in the head of every embed page; budget ${kb(BUDGETS.embedFrame)}`,
);
row(
  'Embed view JS',
  kb(sizes.embedJs.gzip),
  `gzip, everything a widget loads before it is interactive; budget ${kb(BUDGETS.embedJs)}`,
);
for (const asset of sizes.lazyJs) row(`  ${asset.file}`, kb(asset.size.gzip), 'gzip, on demand');
row('Largest HTML page', kb(sizes.largestPage.size.gzip), `gzip: ${sizes.largestPage.file}`);
row('Prerendered HTML pages', String(sizes.pages), 'including 404.html');
row('Content check', ms(median(checks)), `median of ${RUNS}: read YAML, validate, compile`);
row('Build', `${buildSeconds.toFixed(1)} s`, 'client + server bundles + prerender, one run');

// Browser timings against the production build, served like a static host.
const loads = await withBuiltSite(ROOT, 4174, async (browser, origin) => {
  const found = {
    fcp: [] as number[],
    dcl: [] as number[],
    interactive: [] as number[],
    step: [] as number[],
    embed: { sized: [] as number[], ready: [] as number[] },
  };
  for (let i = 0; i < RUNS; i += 1) {
    const page = await browser.newPage();
    await page.goto(`${origin}/`, { waitUntil: 'load' });
    await page.waitForFunction(() => performance.getEntriesByName('ct:interactive').length > 0);
    const timing = await page.evaluate(() => ({
      fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
      dcl: (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming)
        .domContentLoadedEventEnd,
      interactive: performance.getEntriesByName('ct:interactive')[0]?.startTime ?? NaN,
    }));
    found.fcp.push(timing.fcp);
    found.dcl.push(timing.dcl);
    found.interactive.push(timing.interactive);
    // One client-side step: click an answer until the next question's heading is on screen.
    found.step.push(
      await page.evaluate(async () => {
        const link = [...document.querySelectorAll('a')].find(
          (a) => a.textContent === 'The call never connects',
        );
        const started = performance.now();
        link?.click();
        while (document.querySelector('h1')?.textContent === 'What does the failure look like?') {
          await new Promise((resolve) => requestAnimationFrame(resolve));
        }
        return performance.now() - started;
      }),
    );
    await page.close();
  }
  found.embed = await embedTimings(browser, origin);
  return found;
});
row('First contentful paint', ms(median(loads.fcp)), `median of ${RUNS}, localhost, no throttling`);
row('DOMContentLoaded', ms(median(loads.dcl)), `median of ${RUNS}`);
row('Interactive (hydrated)', ms(median(loads.interactive)), `median of ${RUNS}`);
row(
  'One step, client-side',
  ms(median(loads.step)),
  `median of ${RUNS}: click to next heading painted`,
);
row(
  'Embedded widget sized',
  ms(median(loads.embed.sized)),
  `median of ${RUNS}: host page start to the frame taking its content's height`,
);
row(
  'Embedded widget ready',
  ms(median(loads.embed.ready)),
  `median of ${RUNS}: host page start to the first step event (widget interactive)`,
);

const header: [string, string, string] = ['Measure', 'Value', 'Notes'];
const widths = header.map((title, c) =>
  Math.max(title.length, ...rows.map((r) => r[c]?.length ?? 0)),
);
const line = (cells: string[]) =>
  `| ${cells.map((cell, c) => cell.padEnd(widths[c] ?? 0)).join(' | ')} |`;
console.log(line(header));
console.log(line(widths.map((w) => '-'.repeat(w))));
for (const r of rows) console.log(line(r));

// The agent map: laid out at build time, shipped as JSON. How it grows with the tree (the real
// content, then made-up trees); layout times are the median of a few runs.
console.log('');
printMapScaling(await mapScaling());

/**
 * The snippet on a host page of another origin (port 4181): when the frame first takes its
 * content's height (the frame script's first report) and when the widget's first `step` event
 * arrives (the page inside has hydrated).
 */
async function embedTimings(browser: Browser, origin: string) {
  const page = `<!doctype html><html lang="en"><title>Host</title><body>
<div id="w" data-call-troubleshooter data-start="broken-audio"></div>
<script>
  window.timings = {};
  document.addEventListener('call-troubleshooter:step', () => {
    window.timings.ready ??= performance.now();
  });
  new MutationObserver(() => {
    const frame = document.querySelector('#w iframe');
    if (frame && frame.style.height !== '420px') window.timings.sized ??= performance.now();
  }).observe(document.getElementById('w'), { subtree: true, attributes: true });
</script>
<script async src="${origin}/embed.js"></script></body></html>`;
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'Content-Type': 'text/html' }).end(page);
  });
  await new Promise<void>((resolve) => server.listen(4181, resolve));
  const found = { sized: [] as number[], ready: [] as number[] };
  try {
    for (let i = 0; i < RUNS; i += 1) {
      const tab = await browser.newPage();
      await tab.goto('http://localhost:4181/');
      await tab.waitForFunction(() => {
        const timings = (window as unknown as { timings: { ready?: number; sized?: number } })
          .timings;
        return timings.ready !== undefined && timings.sized !== undefined;
      });
      const timings = await tab.evaluate(
        () => (window as unknown as { timings: { ready: number; sized: number } }).timings,
      );
      found.sized.push(timings.sized);
      found.ready.push(timings.ready);
      await tab.close();
    }
  } finally {
    server.close();
  }
  return found;
}
