/**
 * `npm run demo:embed`: the embed snippet on a pretend help-center article, to try it as a host
 * would. Serves the built site (`npm run build` first) on http://localhost:4173 exactly like
 * `npm run preview`, and the article on http://localhost:4180 — another origin, allowed by the
 * example config's `http://localhost:*`. The article logs every event the widget sends, on the
 * page and in the browser console, and has controls for the theme and brand colour attributes.
 */
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import { preview } from 'vite';
import { OUT_DIR, ROOT } from './content/load-content.ts';

const SITE_PORT = 4173;
const HOST_PORT = 4180;
const base = process.env.BASE_PATH ?? '/';
const site = `http://localhost:${String(SITE_PORT)}${base}`;

if (!existsSync(path.join(OUT_DIR, 'embed.js'))) {
  console.error('No built site with embed.js: run `npm run build` first.');
  process.exit(1);
}

const article = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Why did my call fail? · Example help center</title>
  <link rel="stylesheet" href="/demo.css">
  <script src="/demo.js" defer></script>
</head>
<body>
  <header><strong>Example help center</strong></header>
  <main>
    <h1>Why did my call fail?</h1>
    <p>Answer a few questions and we'll point you to the fix.</p>
    <fieldset>
      <legend>Widget look (the container's attributes)</legend>
      <label>Theme <select id="theme"><option>auto</option><option>light</option><option>dark</option></select></label>
      <label>Brand colour <input id="accent" type="color" value="#1f73b7"></label>
      <button id="no-accent" type="button">Use the troubleshooter's colour</button>
    </fieldset>
    <div id="troubleshooter" data-call-troubleshooter data-start="broken-audio" data-accent="#1f73b7">
      <a href="${site}broken-audio">Open the call troubleshooter</a>
    </div>
    <p>Text after the widget moves as the widget grows and shrinks.</p>
    <h2>Events the help center received</h2>
    <ol id="events" aria-live="polite"></ol>
  </main>
  <script async src="${site}embed.js"></script>
</body>
</html>`;

const script = `
const container = document.getElementById('troubleshooter');
const log = document.getElementById('events');
for (const type of ['step', 'outcome', 'feedback', 'ticket-prepared']) {
  document.addEventListener('call-troubleshooter:' + type, (event) => {
    console.log(event.type, event.detail);
    const item = document.createElement('li');
    item.textContent = event.type + ' ' + JSON.stringify(event.detail);
    log.append(item);
  });
}
document.getElementById('theme').addEventListener('change', (event) => {
  container.dataset.theme = event.target.value;
});
document.getElementById('accent').addEventListener('input', (event) => {
  container.dataset.accent = event.target.value;
});
document.getElementById('no-accent').addEventListener('click', () => {
  delete container.dataset.accent;
});
`;

const style = `
body { font: 16px/1.5 Georgia, serif; margin: 0; background: #faf7f2; color: #222; }
header { padding: 1rem 2rem; background: #1f73b7; color: #fff; }
main { max-width: 48rem; margin: 0 auto; padding: 1rem 2rem 4rem; }
fieldset { margin: 1rem 0; display: flex; gap: 1rem; flex-wrap: wrap; align-items: center; }
#troubleshooter { border: 1px solid #ddd; border-radius: 8px; overflow: hidden; }
#events { font: 12px/1.4 monospace; word-break: break-all; }
`;

const files: Record<string, [string, string]> = {
  '/': ['text/html; charset=utf-8', article],
  '/demo.js': ['text/javascript', script],
  '/demo.css': ['text/css', style],
};

const server = await preview({
  root: ROOT,
  preview: { port: SITE_PORT, strictPort: true },
});
createServer((request, response) => {
  const file = files[new URL(request.url ?? '/', 'http://host').pathname];
  if (!file) {
    response.writeHead(404).end('Not found');
    return;
  }
  response
    .writeHead(200, {
      'Content-Type': file[0],
      // The help center's own strict policy: the snippet needs only these two allowances.
      'Content-Security-Policy': `default-src 'self'; script-src 'self' ${new URL(site).origin}; frame-src ${new URL(site).origin}`,
    })
    .end(file[1]);
}).listen(HOST_PORT, () => {
  console.log(`Troubleshooter: ${server.resolvedUrls?.local[0] ?? site}`);
  console.log(`Help-center article with the snippet: http://localhost:${String(HOST_PORT)}/`);
  console.log('Press Ctrl+C to stop.');
});
