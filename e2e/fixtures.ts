import { AxeBuilder } from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';

interface ConsoleGuard {
  /** Allows console messages a test expects, e.g. the browser's own log line for a 404 page. */
  allow: (pattern: RegExp) => void;
}

/**
 * Every test fails on a console error or warning — hydration mismatches, CSP violations, uncaught
 * errors — unless it says it expects that message.
 */
export const test = base.extend<{ consoleGuard: ConsoleGuard }>({
  consoleGuard: [
    async ({ page }, use) => {
      const allowed: RegExp[] = [];
      const problems: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error' || message.type() === 'warning') {
          problems.push(`${message.type()}: ${message.text()}`);
        }
      });
      page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
      await page.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (event) => {
          console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`);
        });
      });
      await use({ allow: (pattern) => allowed.push(pattern) });
      const unexpected = problems.filter((p) => !allowed.some((pattern) => pattern.test(p)));
      expect(unexpected, 'console errors or warnings').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** The page's one h1. */
export function heading(page: Page) {
  return page.getByRole('heading', { level: 1 });
}

/** Scans the page with axe for WCAG 2.2 A/AA and best-practice rules. */
export async function axeViolations(page: Page) {
  // Colours mid-transition (a button just pressed turning primary) are neither state's colours:
  // let every running transition finish first, in the page and in any frames.
  for (const frame of page.frames()) {
    await frame
      .evaluate(() => Promise.all(document.getAnimations().map((animation) => animation.finished)))
      .catch(() => undefined); // a frame that navigated away or was refused has nothing to wait for
  }
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze();
  return results.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    targets: v.nodes.map((n) => n.target.join(' ')).slice(0, 5),
  }));
}
