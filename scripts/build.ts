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
import { VIEWS, viewPrefix } from '../src/lib/mode-paths.ts';
import { buildCli } from './build-cli.ts';
import { buildEmbedScripts } from './build-embed.ts';
import { loadContent, OUT_DIR, ROOT } from './content/load-content.ts';
import {
  headerOptions,
  headerRules,
  netlifyHeadersFile,
  vercelConfig,
} from './security-headers.ts';
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
const embed = await buildEmbedScripts(dist, checked.content);
// The command-line analyzer; variant builds (OUT_DIR) are only about the site.
if (!process.env.OUT_DIR) await buildCli();
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

// Every page in every view: the customer's, the support agent's under /agent, and both again in
// the embed view (/embed, /embed/agent), whose pages start the frame script before anything else.
const pages = server.prerenderPaths();
const frameScript = `<script src="${base}${embed.frame}"></script>`;
for (const view of VIEWS) {
  const prefix = viewPrefix(view);
  const html = view.embedded ? withHeadScript(template, frameScript) : template;
  for (const pathname of pages) {
    const page = await server.render(pathname, base, view);
    if (!page.found) throw new Error(`Prerendering ${pathname} produced the not-found page`);
    const address = pathname === '/' ? prefix || '/' : `${prefix}${pathname}`;
    await writePage(address, fill(html, page, address));
  }
}
// 404.html also answers mistyped /embed/… addresses, so it carries the frame script too (which
// does nothing outside a host's frame).
const notFound = await server.render(server.NOT_FOUND_PATH, base, {
  mode: 'customer',
  embedded: false,
});
await writeFile(
  path.join(dist, '404.html'),
  fill(withHeadScript(template, frameScript), notFound, server.NOT_FOUND_PATH),
);
await rm(distSsr, { recursive: true, force: true });
// The security headers, for hosts that read them from the site itself (npm run hosting:nginx
// prints the same rules for nginx). Embed pages may be framed by the allowed origins only.
const rules = headerRules({ base, ...headerOptions(checked.content.config) });
await writeFile(path.join(dist, '_headers'), netlifyHeadersFile(rules));
await writeFile(
  path.join(dist, 'vercel.json'),
  `${JSON.stringify(vercelConfig(rules, base), null, 2)}\n`,
);

const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(
  `Built and prerendered ${pages.length * VIEWS.length} pages (${pages.length} in each of ${VIEWS.length} views) + 404.html and ${embed.loader} in ${seconds} s → ${path.relative(ROOT, dist)}/`,
);

/** Adds a classic (render-blocking) script to the head, before the app's own. */
function withHeadScript(html: string, script: string): string {
  if (!html.includes('</title>'))
    throw new Error('index.html has no <title> to put the script after');
  return html.replace('</title>', `</title>\n    ${script}`);
}

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

function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('"', '&quot;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;');
}
