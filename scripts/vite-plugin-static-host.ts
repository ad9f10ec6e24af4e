import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Plugin } from 'vite';

/**
 * Makes `vite preview` serve `dist/` the way common static hosts do (Netlify, Cloudflare Pages,
 * GitHub Pages, nginx with `try_files $uri $uri/index.html =404`): `/a/b` and `/a/b/` get
 * `a/b/index.html`, anything else gets `404.html` with status 404. Every HTML response carries the
 * given headers, so tests run under the production Content Security Policy.
 */
export function staticHostPlugin(headers: Record<string, string>): Plugin {
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
        if (path.extname(relative) !== '') {
          // A missing asset is a 404, never the app's HTML under a script's name.
          if (existsSync(path.join(outDir, relative))) {
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
            res.setHeader('Cache-Control', 'no-cache');
            for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
            res.end(req.method === 'HEAD' ? undefined : body);
          },
          (error: unknown) => next(error),
        );
      });
    },
  };
}

function decodeSafely(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}
