import { chromium, type Browser } from '@playwright/test';
import { preview, type PreviewServer } from 'vite';

/** Debian's Chromium unless CHROMIUM_PATH says otherwise; test tools can't download browsers here. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Flags for a headless Chromium on a machine with no outside network (and as root). */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * Serves the built `dist/` like a static host and opens Chromium, runs `work`, then closes both.
 * For scripts (benchmark, screenshots); the tests get the same through playwright.config.ts.
 */
export async function withBuiltSite<T>(
  root: string,
  port: number,
  work: (browser: Browser, origin: string) => Promise<T>,
): Promise<T> {
  const server: PreviewServer = await preview({
    root,
    logLevel: 'silent',
    preview: { port, strictPort: true },
  });
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  try {
    return await work(browser, `http://localhost:${port}`);
  } finally {
    await browser.close();
    await server.close();
  }
}
