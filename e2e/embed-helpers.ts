import type { FrameLocator, Locator, Page } from '@playwright/test';
import { EVENT_TYPES } from '../src/embed/protocol.ts';
import { expect } from './fixtures.ts';

/** Helpers for pages that embed the troubleshooter with the snippet (e2e/host-server.ts). */

export const BRAND = 'Call Troubleshooter';

export interface Recorded {
  name: string;
  target: string;
  detail: Record<string, unknown>;
}

/** Records, on the host page only, every event the widgets fire and every CSP violation. */
export async function record(page: Page) {
  await page.addInitScript((types: readonly string[]) => {
    const w = window as unknown as { ctEvents: unknown[]; violations: string[] };
    w.violations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      w.violations.push(`${event.violatedDirective} ${event.blockedURI}`);
    });
    if (window !== window.top) return;
    w.ctEvents = [];
    for (const type of types) {
      document.addEventListener(`call-troubleshooter:${type}`, (event) => {
        w.ctEvents.push({
          name: event.type,
          target: (event.target as Element).id,
          detail: (event as CustomEvent<unknown>).detail,
        });
      });
    }
  }, EVENT_TYPES);
}

export async function events(page: Page, name?: string): Promise<Recorded[]> {
  const all = await page.evaluate(() => (window as unknown as { ctEvents: Recorded[] }).ctEvents);
  return name === undefined ? all : all.filter((event) => event.name === name);
}

export function frameOf(page: Page, title = BRAND): { element: Locator; frame: FrameLocator } {
  const element = page.getByTitle(title, { exact: true });
  return { element, frame: element.contentFrame() };
}

export const heading = (frame: FrameLocator) => frame.getByRole('heading', { level: 1 });

/** The frame is exactly as tall as its page, so nothing scrolls inside it. */
export async function expectFitted(element: Locator, frame: FrameLocator) {
  await expect
    .poll(async () => {
      const outer = await element.evaluate((el) => el.getBoundingClientRect().height);
      const inner = await frame.locator('html').evaluate((html) => ({
        content: Math.ceil(html.getBoundingClientRect().height),
        cutOff: html.scrollHeight - html.clientHeight,
      }));
      return { fits: Math.abs(outer - inner.content) <= 1, cutOff: inner.cutOff <= 0 };
    })
    .toEqual({ fits: true, cutOff: true });
}

/** CSP violations seen by a document (recorded by `record`). */
export async function violations(target: Page | FrameLocator): Promise<string[]> {
  const read = () => (window as unknown as { violations: string[] }).violations;
  return 'goto' in target ? target.evaluate(read) : target.locator('html').evaluate(read);
}
