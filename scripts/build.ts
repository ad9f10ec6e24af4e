/**
 * `npm run build`: the client bundle, a server bundle for prerendering, then one static HTML file per
 * page the tree can reach (plus 404.html). Content is validated by the Vite plugin during the first
 * step, so invalid content stops the build before anything is written.
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'vite';
import { formatProblems } from '../src/engine/problems.ts';
import { AGENT_PREFIX } from '../src/lib/mode-paths.ts';
import { loadContent, OUT_DIR, ROOT } from './content/load-content.ts';
import { headerOptions, securityHeaders } from './security-headers.ts';
import type * as ServerEntryModule from '../src/entry-server';

type ServerEntry = typeof ServerEntryModule;

const started = performance.now();
const dist = OUT_DIR;
const distSsr = `${OUT_DIR}-ssr`;

// The Vite plugin refuses invalid content too; checking first gives a clean list, not a stack trace.
const checked = await loadContent();
if (!checked.ok) {
  console.error(formatProblems(checked.problems));
  console.error(
    '\nBuild stopped: fix the content problems above. `npm run content:check` lists them too.',
  );
  process.exit(1);
}

await build({ root: ROOT, logLevel: 'warn' });
await build({
  root: ROOT,
  logLevel: 'warn',
  build: { ssr: 'src/entry-server.tsx', outDir: distSsr, emptyOutDir: true, copyPublicDir: false },
});

const server = (await import(
  pathToFileURL(path.join(distSsr, 'entry-server.js')).href
)) as ServerEntry;
const base = process.env.BASE_PATH ?? '/';
const template = await readFile(path.join(dist, 'index.html'), 'utf8');

// Every page twice: the customer's view, and the support agent's under /agent.
const pages = server.prerenderPaths();
for (const mode of ['customer', 'agent'] as const) {
  const prefix = mode === 'agent' ? AGENT_PREFIX : '';
  for (const pathname of pages) {
    const page = await server.render(pathname, base, mode);
    if (!page.found) throw new Error(`Prerendering ${pathname} produced the not-found page`);
    const address = pathname === '/' ? prefix || '/' : `${prefix}${pathname}`;
    await writePage(address, fill(template, page, address));
  }
}
const notFound = await server.render(server.NOT_FOUND_PATH, base, 'customer');
await writeFile(path.join(dist, '404.html'), fill(template, notFound, server.NOT_FOUND_PATH));
await rm(distSsr, { recursive: true, force: true });
await writeFile(path.join(dist, '_headers'), headersFile(base));

const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(
  `Built and prerendered ${pages.length * 2} pages (${pages.length} in each view) + 404.html in ${seconds} s → ${path.relative(ROOT, dist)}/`,
);

function fill(
  html: string,
  page: { html: string; title: string; description: string },
  pathname: string,
) {
  const prerenderedPath = `${base.replace(/\/$/, '')}${pathname}`;
  return html
    .replace(/<title>[^<]*<\/title>/, `<title>${escapeHtml(page.title)}</title>`)
    .replace(
      /<meta name="description" content="[^"]*"\s*\/?>/,
      `<meta name="description" content="${escapeHtml(page.description)}" />`,
    )
    .replace(
      '<div id="root"></div>',
      `<div id="root" data-prerendered-path="${escapeHtml(prerenderedPath)}">${page.html}</div>`,
    );
}

async function writePage(pathname: string, html: string) {
  const dir = path.join(dist, ...pathname.split('/').filter(Boolean));
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, 'index.html'), html);
}

/** `_headers` for Netlify and Cloudflare Pages: the same headers `npm run preview` sends. */
function headersFile(basePath: string): string {
  const options = headerOptions(checked.ok ? checked.content.config : { provider: {} });
  const lines = Object.entries(securityHeaders(options)).map(
    ([name, value]) => `  ${name}: ${value}`,
  );
  const assets = `${basePath}assets/*\n  Cache-Control: public, max-age=31536000, immutable\n`;
  return `${basePath}*\n${lines.join('\n')}\n${assets}`;
}

function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('"', '&quot;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;');
}
