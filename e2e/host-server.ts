import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A stand-in for a help center: pages on another origin than the troubleshooter, with a strict
 * Content Security Policy of their own (scripts and frames only from themselves and the
 * troubleshooter's site), so the snippet is tried as a careful host would serve it.
 *
 * The same server answers on two origins: `http://localhost:PORT` (the host, allowed to embed by
 * the default config's `http://localhost:*`) and `http://127.0.0.1:PORT` (a third party that is
 * not, used to send messages that must be ignored).
 */
export interface HostServer {
  /** `http://localhost:PORT` */
  origin: string;
  /** `http://127.0.0.1:PORT`, a different origin on the same server. */
  thirdOrigin: string;
  /** Serves `body` as a page at a fresh address on the host origin and returns the address. */
  page: (body: string, options?: { title?: string }) => string;
  close: () => Promise<void>;
}

/** Scripts the pages can load (inline scripts would break the host's own CSP). */
const SCRIPTS: Record<string, string> = {
  // A host with Google Tag Manager has a dataLayer before anything else runs.
  '/datalayer.js': 'window.dataLayer = window.dataLayer || [];',
};

export async function startHostServer(site: string): Promise<HostServer> {
  const pages = new Map<string, { body: string; title: string }>();
  let server: Server | undefined;
  const port = await new Promise<number>((resolve) => {
    server = createServer((request, response) => {
      const url = new URL(request.url ?? '/', 'http://host');
      const script = SCRIPTS[url.pathname];
      if (script !== undefined) {
        response.writeHead(200, { 'Content-Type': 'text/javascript' }).end(script);
        return;
      }
      if (url.pathname === '/favicon.ico') {
        response.writeHead(204).end();
        return;
      }
      if (url.pathname === '/rogue') {
        response
          .writeHead(200, { 'Content-Type': 'text/html' })
          .end(
            '<!doctype html><html lang="en"><title>Other site</title><p>Another site.</p></html>',
          );
        return;
      }
      const page = pages.get(url.pathname);
      if (!page) {
        response.writeHead(404).end('Not found');
        return;
      }
      const thirdParty = `http://127.0.0.1:${String((server?.address() as AddressInfo).port)}`;
      response
        .writeHead(200, {
          'Content-Type': 'text/html; charset=utf-8',
          'Content-Security-Policy': [
            "default-src 'self'",
            `script-src 'self' ${site}`,
            `frame-src ${site} ${thirdParty}`,
            "style-src 'self'",
          ].join('; '),
        })
        .end(
          `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${page.title}</title></head>` +
            `<body><main><h1>${page.title}</h1>${page.body}</main></body></html>`,
        );
    });
    server.listen(0, () => resolve((server?.address() as AddressInfo).port));
  });
  let count = 0;
  return {
    origin: `http://localhost:${String(port)}`,
    thirdOrigin: `http://127.0.0.1:${String(port)}`,
    page: (body, { title = 'Help center' } = {}) => {
      count += 1;
      const path = `/article-${String(count)}`;
      pages.set(path, { body, title });
      return `http://localhost:${String(port)}${path}`;
    },
    close: async () => {
      server?.closeAllConnections();
      await new Promise((resolve) => server?.close(resolve));
    },
  };
}
