import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import path from 'node:path';
import type { Plugin } from 'vite';
import { headersFor, type HeaderRule } from './security-headers.ts';

/**
 * Makes `vite preview` serve `dist/` the way common static hosts do (Netlify, Cloudflare Pages,
 * GitHub Pages, nginx with `try_files $uri $uri/index.html =404`): `/a/b` and `/a/b/` get
 * `a/b/index.html`, anything else gets `404.html` with status 404. Every response under the base
 * path carries the headers the rules give its path, merged the way `_headers` hosts merge them,
 * so tests run under the production Content Security Policy, framing rules and caching.
 */
export function staticHostPlugin(rules: readonly HeaderRule[]): Plugin {
  let outDir = 'dist';
  let base = '/';
  return {
    name: 'call-troubleshooter:static-host',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
      base = config.base;
    },
    configurePreviewServer(server) {
      server.middlewares.use((req, res, next) => {
        if (req.method !== 'GET' && req.method !== 'HEAD') {
          next();
          return;
        }
        const pathname = decodeSafely(new URL(req.url ?? '/', 'http://host').pathname);
        if (!pathname?.startsWith(base.replace(/\/$/, '') || '/')) {
          next();
          return;
        }
        const relative = pathname.slice(base.length - 1);
        // `/help/ct` is served as the start page, so it gets the start page's headers.
        setHeaders(res, headersFor(relative === '' ? base : pathname, rules));
        if (path.extname(relative) !== '') {
          // A missing asset is a 404, never the app's HTML under a script's name.
          if (existsSync(path.join(outDir, relative))) {
            // Vite's static middleware keeps headers already set (Cache-Control included).
            next();
            return;
          }
          res.statusCode = 404;
          res.end('Not found');
          return;
        }

        const candidate = path.join(outDir, relative, 'index.html');
        const found = candidate.startsWith(outDir) && existsSync(candidate);
        const file = found ? candidate : path.join(outDir, '404.html');
        void readFile(file).then(
          (body) => {
            res.statusCode = found ? 200 : 404;
            res.setHeader('Content-Type', 'text/html; charset=utf-8');
            // HTML changes with every content edit; the rules only cache fixed-name files.
            if (!res.hasHeader('Cache-Control')) res.setHeader('Cache-Control', 'no-cache');
            res.end(req.method === 'HEAD' ? undefined : body);
          },
          (error: unknown) => next(error),
        );
      });
    },
  };
}

function setHeaders(res: ServerResponse, headers: Record<string, string>): void {
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
}

function decodeSafely(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}
