import type { FrameLocator } from '@playwright/test';
import { accentPalette } from '../src/embed/accent.ts';
import { labelsOf, titleOf, trailPath, trailTo } from './content.ts';
import { events, expectFitted, frameOf, heading, record, violations } from './embed-helpers.ts';
import { axeViolations, expect, test } from './fixtures.ts';
import { startHostServer, type HostServer } from './host-server.ts';

/**
 * The snippet as a help center uses it: the troubleshooter's built site on one origin
 * (localhost:4173), a help-center page with the snippet on another (localhost:PORT), and a third
 * party (127.0.0.1:PORT) that tries to talk to both.
 */
const SITE = 'http://localhost:4173';
let host: HostServer;

test.beforeAll(async () => {
  host = await startHostServer(SITE);
});
test.afterAll(async () => {
  await host.close();
});

const loader = `<script async src="${SITE}/embed.js"></script>`;

async function walk(frame: FrameLocator, nodeId: string, from = 0) {
  const trail = trailTo(nodeId);
  for (const [index, label] of labelsOf(trail).entries()) {
    if (index < from) continue;
    await frame.getByRole('link', { name: label, exact: true }).click();
    await expect(heading(frame)).toHaveText(titleOf(trail.steps[index]!.nextId));
  }
}

test('the snippet shows the troubleshooter at its start step, sized to fit, with no CSP violations', async ({
  page,
}) => {
  await record(page);
  await page.goto(
    host.page(`<div data-call-troubleshooter data-start="broken-audio"></div>${loader}`),
  );
  const { element, frame } = frameOf(page);
  await expect(heading(frame)).toHaveText(titleOf('broken-audio'));
  // The embed view has no site header or navigation of its own.
  await expect(frame.getByRole('navigation', { name: 'Site' })).toHaveCount(0);
  await expectFitted(element, frame);
  // Through a whole path to the support request: neither the host nor the frame sees a violation.
  await walk(frame, 'one-way-audio', 1);
  await frame.getByRole('link', { name: 'Prepare a support request', exact: true }).click();
  await expect(heading(frame)).toHaveText('Prepare a support request');
  expect(await violations(page)).toEqual([]);
  expect(await violations(frame)).toEqual([]);
});

test('the frame grows and shrinks with each step, never scrolling inside', async ({ page }) => {
  await page.goto(host.page(`<div data-call-troubleshooter></div>${loader}`));
  const { element, frame } = frameOf(page);
  await expect(heading(frame)).toHaveText(titleOf('start'));
  await expectFitted(element, frame);
  const heights = [await element.evaluate((el) => el.getBoundingClientRect().height)];
  const trail = trailTo('one-way-audio');
  for (const [index, label] of labelsOf(trail).entries()) {
    await frame.getByRole('link', { name: label, exact: true }).click();
    await expect(heading(frame)).toHaveText(titleOf(trail.steps[index]!.nextId));
    await expect(heading(frame)).toBeFocused();
    await expectFitted(element, frame);
    heights.push(await element.evaluate((el) => el.getBoundingClientRect().height));
  }
  // A diagnosis with its fix steps is longer than the questions before it…
  expect(heights.at(-1)).toBeGreaterThan(heights.at(-2)! + 100);
  // …and going back shrinks the frame again.
  await frame.getByRole('link', { name: 'Back' }).click();
  await expectFitted(element, frame);
  expect(await element.evaluate((el) => el.getBoundingClientRect().height)).toBeCloseTo(
    heights.at(-2)!,
    -1,
  );
  // A narrow column (a phone) reflows the text: the frame follows.
  await page.setViewportSize({ width: 360, height: 700 });
  await expectFitted(element, frame);
});

test('data-start takes a step id or an address; data-title names the frame', async ({ page }) => {
  await page.goto(
    host.page(
      `<div data-call-troubleshooter data-start="one-way-audio" data-title="Audio help"></div>` +
        `<div data-call-troubleshooter data-start="never-connects/sip-code" data-title="Code help"></div>${loader}`,
    ),
  );
  await expect(heading(frameOf(page, 'Audio help').frame)).toHaveText(titleOf('one-way-audio'));
  await expect(heading(frameOf(page, 'Code help').frame)).toHaveText(titleOf('sip-code'));
});

test('theme and brand colour follow the attributes, also when the host changes them', async ({
  page,
}) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto(
    host.page(
      `<div id="help" data-call-troubleshooter data-theme="light" data-accent="#E91E63"></div>${loader}`,
    ),
  );
  const { frame } = frameOf(page);
  await expect(heading(frame)).toBeVisible();
  const html = frame.locator('html');
  // Light, although the system is dark, because the host said so.
  await expect(frame.locator('body')).toHaveCSS('background-color', 'rgb(245, 247, 250)');
  const light = accentPalette('#e91e63', 'light')!;
  const accentOf = () =>
    html.evaluate((el) => getComputedStyle(el).getPropertyValue('--ct-accent').trim());
  await expect.poll(accentOf).toBe(light['--ct-accent']);
  await expect(frame.getByRole('link', { name: /^Open this step in a new tab/ })).toHaveCSS(
    'color',
    hexToRgb(light['--ct-accent']),
  );

  // The help center's own dark-mode switch flips the attribute: the widget follows.
  await page.locator('#help').evaluate((el) => {
    el.dataset.theme = 'dark';
  });
  await expect(html).toHaveAttribute('data-theme', 'dark');
  await expect(frame.locator('body')).toHaveCSS('background-color', 'rgb(14, 18, 23)');
  await expect.poll(accentOf).toBe(accentPalette('#e91e63', 'dark')!['--ct-accent']);
  expect(await axeViolations(page)).toEqual([]);
});

test('data-agent opens the agent view, with its call tools, inside the frame', async ({ page }) => {
  await page.goto(
    host.page(`<div data-call-troubleshooter data-agent data-start="broken-audio"></div>${loader}`),
  );
  const { element, frame } = frameOf(page);
  await expect(frame.getByRole('complementary', { name: 'Call tools' })).toBeVisible();
  await expect(frame.getByRole('link', { name: /^Open this step in a new tab/ })).toHaveAttribute(
    'href',
    '/agent/broken-audio',
  );
  await expectFitted(element, frame);
});

test('two widgets on one page are independent, and each names itself in its events', async ({
  page,
}) => {
  await record(page);
  await page.goto(
    host.page(
      `<div id="audio" data-call-troubleshooter data-start="broken-audio" data-title="Audio help"></div>` +
        `<p>Some article text between the two.</p>` +
        `<div data-call-troubleshooter data-start="never-connects" data-title="Connection help"></div>${loader}`,
    ),
  );
  const audio = frameOf(page, 'Audio help');
  const connection = frameOf(page, 'Connection help');
  await expect(heading(audio.frame)).toHaveText(titleOf('broken-audio'));
  await expect(heading(connection.frame)).toHaveText(titleOf('never-connects'));

  await walk(audio.frame, 'one-way-audio', 1);
  await expect(heading(connection.frame)).toHaveText(titleOf('never-connects'));
  await expectFitted(audio.element, audio.frame);
  await expectFitted(connection.element, connection.frame);

  await expect.poll(async () => (await events(page, 'call-troubleshooter:outcome')).length).toBe(1);
  const steps = await events(page, 'call-troubleshooter:step');
  expect(steps.filter((e) => e.target === 'audio').map((e) => e.detail.widget)).toEqual([
    'audio',
    'audio',
  ]);
  expect(steps.filter((e) => e.target !== 'audio').map((e) => e.detail.widget)).toEqual([
    'call-troubleshooter-2',
  ]);
});

test('events reach the host with the documented detail, and the dataLayer too; nothing typed is in them', async ({
  page,
}) => {
  await record(page);
  await page.goto(
    host.page(
      `<script src="/datalayer.js"></script><div id="help" data-call-troubleshooter data-start="broken-audio"></div>${loader}`,
    ),
  );
  const { frame } = frameOf(page);
  await walk(frame, 'one-way-audio', 1);
  await frame.getByRole('button', { name: 'Yes, it’s fixed' }).click();
  await frame.getByRole('button', { name: 'Yes, it’s fixed' }).click(); // undone: no event
  await frame.getByRole('button', { name: 'No, it still fails' }).click();

  await frame.getByRole('link', { name: 'Prepare a support request', exact: true }).click();
  await expect(heading(frame)).toHaveText('Prepare a support request');
  await frame.getByLabel('Number you called from').fill('+1 919 555 0100');
  await frame
    .getByRole('textbox', { name: 'Called number 1', exact: true })
    .fill('+44 20 7946 0958');
  await frame.getByRole('textbox', { name: 'Failed call 1', exact: true }).fill('2025-11-20 14:05');
  await frame.getByRole('textbox', { name: 'SIP response codes' }).fill('480');
  await frame.getByLabel('What happened').fill('Secret words the host must never see.');
  await frame.getByRole('button', { name: 'Download .json' }).click();

  await expect
    .poll(async () => (await events(page, 'call-troubleshooter:ticket-prepared')).length)
    .toBe(1);
  const all = await events(page);
  const path = trailPath(trailTo('one-way-audio'));
  const common = {
    widget: 'help',
    agent: false,
    timestamp: expect.stringMatching(/^\d{4}-\d\d-\d\dT.*Z$/),
  };
  expect(all.map((e) => [e.name, e.detail.page, e.detail.nodeId])).toEqual([
    ['call-troubleshooter:step', 'question', 'broken-audio'],
    ['call-troubleshooter:step', 'outcome', 'one-way-audio'],
    ['call-troubleshooter:outcome', 'outcome', 'one-way-audio'],
    ['call-troubleshooter:feedback', 'outcome', 'one-way-audio'],
    ['call-troubleshooter:feedback', 'outcome', 'one-way-audio'],
    ['call-troubleshooter:step', 'support', 'one-way-audio'],
    ['call-troubleshooter:ticket-prepared', 'support', 'one-way-audio'],
  ]);
  expect(all.every((e) => e.target === 'help')).toBe(true);
  expect(all[2]!.detail).toEqual({
    ...common,
    type: 'outcome',
    page: 'outcome',
    nodeId: 'one-way-audio',
    title: titleOf('one-way-audio'),
    path,
    category: 'broken-audio',
  });
  expect(all.slice(3, 5).map((e) => e.detail.fixed)).toEqual([true, false]);
  expect(all[6]!.detail).toEqual({
    ...common,
    type: 'ticket-prepared',
    page: 'support',
    nodeId: 'one-way-audio',
    title: 'Prepare a support request',
    path,
    category: 'broken-audio',
    method: 'download-json',
  });

  // The same events, in the same order, on the host's dataLayer (Google Tag Manager's format).
  const layer = await page.evaluate(
    () => (window as unknown as { dataLayer: unknown[] }).dataLayer,
  );
  expect(layer).toEqual(
    all.map((e) => ({
      event: e.name.replace(':', '.'),
      callTroubleshooter: e.detail,
    })),
  );
  // Nothing typed into the form (numbers, times, code, description) is in any event.
  const sent = JSON.stringify(all.map((e) => ({ ...e.detail, timestamp: undefined })));
  for (const typed of ['919', '7946', 'Secret', '2025', '14:05', '480']) {
    expect(sent).not.toContain(typed);
  }
});

test('messages from a third origin are ignored by the widget and by the loader', async ({
  page,
}) => {
  await record(page);
  await page.goto(
    host.page(
      `<div id="help" data-call-troubleshooter data-start="broken-audio"></div>${loader}` +
        `<iframe src="${host.thirdOrigin}/rogue" title="Other site"></iframe>`,
    ),
  );
  const { element, frame } = frameOf(page);
  await expect(heading(frame)).toHaveText(titleOf('broken-audio'));
  await expectFitted(element, frame);
  const rogue = page.frame({ url: `${host.thirdOrigin}/rogue` });
  if (!rogue) throw new Error('The third-party frame did not load');
  const envelope = { protocol: 'call-troubleshooter', version: 1 };
  await rogue.evaluate((base) => {
    const widget = window.parent.frames[0]!;
    widget.postMessage(
      { ...base, type: 'config', widget: 'help', theme: 'dark', accent: '#ff0000' },
      '*',
    );
    window.parent.postMessage({ ...base, type: 'resize', widget: 'help', height: 5 }, '*');
    window.parent.postMessage(
      {
        ...base,
        type: 'event',
        widget: 'help',
        event: {
          type: 'outcome',
          widget: 'help',
          page: 'outcome',
          nodeId: 'forged',
          title: 'Forged',
          path: '/forged',
          agent: false,
          timestamp: new Date().toISOString(),
        },
      },
      '*',
    );
  }, envelope);

  // From the host page itself: first a malformed config (an extra field), then a good one. Once
  // the good one has taken effect, everything sent before it has been handled.
  await page.evaluate(
    ({ base, site }) => {
      const widget = document.querySelector<HTMLIFrameElement>('#help iframe')!.contentWindow!;
      const config = { ...base, type: 'config', widget: 'help', theme: 'dark', accent: null };
      widget.postMessage({ ...config, script: 'alert(1)' }, site);
      widget.postMessage({ ...config, theme: 'light', accent: '#00796b' }, site);
    },
    { base: envelope, site: SITE },
  );
  const html = frame.locator('html');
  await expect(html).toHaveAttribute('data-theme', 'light');
  expect(
    await html.evaluate((el) => getComputedStyle(el).getPropertyValue('--ct-accent').trim()),
  ).toBe(accentPalette('#00796b', 'light')!['--ct-accent']);

  // The forged resize and event never reached the page.
  await expectFitted(element, frame);
  await walk(frame, 'one-way-audio', 1);
  await expect.poll(async () => (await events(page, 'call-troubleshooter:outcome')).length).toBe(1);
  expect((await events(page)).map((e) => e.detail.nodeId)).not.toContain('forged');
});

test('keyboard only: Tab into the widget, answer with Enter, focus lands on each new heading', async ({
  page,
}) => {
  await page.goto(
    host.page(`<div data-call-troubleshooter data-start="broken-audio"></div>${loader}`),
  );
  const { frame } = frameOf(page);
  await expect(heading(frame)).toHaveText(titleOf('broken-audio'));
  const label = labelsOf(trailTo('one-way-audio'))[1]!;
  const answer = frame.getByRole('link', { name: label, exact: true });
  for (let presses = 0; presses < 40; presses += 1) {
    if (await answer.evaluate((el) => el === document.activeElement)) break;
    await page.keyboard.press('Tab');
  }
  await expect(answer).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(heading(frame)).toHaveText(titleOf('one-way-audio'));
  await expect(heading(frame)).toBeFocused();
});

test('a reload of the host page comes back to the same step, or the same request', async ({
  page,
}) => {
  await page.goto(
    host.page(`<div data-call-troubleshooter data-start="broken-audio"></div>${loader}`),
  );
  const { frame } = frameOf(page);
  await walk(frame, 'one-way-audio', 1);
  await page.reload();
  await expect(heading(frame)).toHaveText(titleOf('one-way-audio'));

  // The support request comes back about the same diagnosis, with what was typed.
  await frame.getByRole('link', { name: 'Prepare a support request', exact: true }).click();
  await frame.getByLabel('What happened').fill('Typed before the reload.');
  await page.reload();
  await expect(heading(frame)).toHaveText('Prepare a support request');
  await expect(frame.getByText(titleOf('one-way-audio')).first()).toBeVisible();
  await expect(frame.getByLabel('What happened')).toHaveValue('Typed before the reload.');
});

test('axe finds nothing inside the embedded troubleshooter, light or dark', async ({ page }) => {
  await page.goto(
    host.page(
      `<div data-call-troubleshooter data-start="one-way-audio" data-accent="#ffd400"></div>${loader}`,
    ),
  );
  const { frame } = frameOf(page);
  await expect(heading(frame)).toHaveText(titleOf('one-way-audio'));
  expect(await axeViolations(page)).toEqual([]);
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(frame.locator('body')).toHaveCSS('background-color', 'rgb(14, 18, 23)');
  expect(await axeViolations(page)).toEqual([]);
});

function hexToRgb(hex: string): string {
  const value = Number.parseInt(hex.slice(1), 16);
  return `rgb(${String(value >> 16)}, ${String((value >> 8) & 255)}, ${String(value & 255)})`;
}

test('containers added later become widgets; bad attributes warn and fall back', async ({
  page,
  consoleGuard,
}) => {
  const warnings: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'warning') warnings.push(message.text());
  });
  consoleGuard.allow(/^warning: Call troubleshooter: data-/);
  await page.goto(
    host.page(
      `<div data-call-troubleshooter data-title="First"><a href="${SITE}/">Open the troubleshooter</a></div>${loader}`,
    ),
  );
  // The fallback link inside the container is replaced by the frame.
  await expect(heading(frameOf(page, 'First').frame)).toHaveText(titleOf('start'));
  await expect(page.getByRole('link', { name: 'Open the troubleshooter' })).toHaveCount(0);

  // A help center that loads articles without a page load adds the container afterwards.
  await page.evaluate(() => {
    const later = document.createElement('div');
    later.dataset.callTroubleshooter = '';
    later.dataset.title = 'Later';
    later.dataset.start = 'no such step!';
    later.dataset.accent = 'red';
    document.querySelector('main')!.append(later);
  });
  const later = frameOf(page, 'Later');
  await expect(heading(later.frame)).toHaveText(titleOf('start'));
  await expectFitted(later.element, later.frame);
  expect(warnings).toEqual([
    'Call troubleshooter: data-start="no such step!" is not a step; starting at the beginning.',
    'Call troubleshooter: data-accent="red" is not a colour like #1f73b7; using the default.',
  ]);
});

test.describe('with the clipboard', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

  test('the copy buttons work inside the frame', async ({ page }) => {
    await page.goto(
      host.page(
        `<div data-call-troubleshooter data-start="${trailPath(trailTo('one-way-audio')).slice(1)}"></div>${loader}`,
      ),
    );
    const { frame } = frameOf(page);
    await frame.getByRole('link', { name: 'Prepare a support request', exact: true }).click();
    await frame.getByLabel('Number you called from').fill('+1 919 555 0100');
    await frame
      .getByRole('textbox', { name: 'Called number 1', exact: true })
      .fill('+44 20 7946 0958');
    await frame
      .getByRole('textbox', { name: 'Failed call 1', exact: true })
      .fill('2025-11-20 14:05');
    await frame.getByRole('textbox', { name: 'SIP response codes' }).fill('480');
    await frame.getByLabel('What happened').fill('Only they can hear us.');
    await frame.getByRole('button', { name: 'Copy as text' }).click();
    await expect(frame.getByRole('status').getByText(/^Copied as plain text/)).toBeVisible();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toContain('Only they can hear us.');
    expect(copied).toContain(titleOf('one-way-audio'));
  });
});

test.describe('living in a real help-center page', () => {
  const filler = (id: string) =>
    `<p id="${id}">${'A long article paragraph about calls and networks. '.repeat(120)}</p>`;

  test('loading, or typing in the widget, never scrolls the host page', async ({ page }) => {
    await record(page);
    await page.setViewportSize({ width: 360, height: 640 });
    await page.goto(
      `${host.page(`<div data-call-troubleshooter></div>${loader}${filler('bottom')}`)}#bottom`,
    );
    const { frame } = frameOf(page);
    await expect(heading(frame)).toHaveText(titleOf('start'));
    await expect.poll(async () => (await events(page, 'call-troubleshooter:step')).length).toBe(1);
    // The host page stays where its own link put it.
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(1000);

    // Down to the symptom search, far below the widget's top, and type there.
    const search = frame.getByLabel('Describe what happens, in a few words');
    const inFrame = await search.evaluate((el) => el.getBoundingClientRect().top);
    const frameTop = await frameOf(page).element.evaluate(
      (el) => el.getBoundingClientRect().top + window.scrollY,
    );
    await page.evaluate((y) => window.scrollTo(0, y), frameTop + inFrame - 300);
    await expect(search).toBeInViewport();
    await search.click();
    const before = await page.evaluate(() => window.scrollY);
    expect(before).toBeGreaterThan(frameTop);
    await search.pressSequentially('echo on calls');
    await expect(frame.getByRole('list', { name: 'Search results' })).toBeVisible();
    expect(await page.evaluate(() => window.scrollY)).toBe(before);
    await expect(search).toBeInViewport();
    // Typing is not a new step.
    expect(await events(page, 'call-troubleshooter:step')).toHaveLength(1);
  });

  test('a moved container keeps its frame sized and its events flowing', async ({ page }) => {
    await record(page);
    await page.goto(
      host.page(
        `<div id="tabs"></div><div id="help" data-call-troubleshooter data-start="broken-audio"></div>${loader}`,
      ),
    );
    const { element, frame } = frameOf(page);
    await expect(heading(frame)).toHaveText(titleOf('broken-audio'));
    // A tab or accordion script moves the widget into its panel: the frame reloads there.
    await page.evaluate(() => {
      document.getElementById('tabs')!.append(document.getElementById('help')!);
    });
    await expect(heading(frame)).toHaveText(titleOf('broken-audio'));
    await walk(frame, 'one-way-audio', 1);
    await expectFitted(element, frame);
    await expect
      .poll(async () => (await events(page, 'call-troubleshooter:outcome')).length)
      .toBe(1);
  });

  test('odd names do not break the loader: id="callTroubleshooter", data-start="constructor", repeated ids', async ({
    page,
    consoleGuard,
  }) => {
    consoleGuard.allow(/^warning: Call troubleshooter: /);
    await record(page);
    await page.goto(
      host.page(
        `<div id="callTroubleshooter" data-call-troubleshooter data-title="First" data-start="constructor"></div>` +
          `<div id="callTroubleshooter" data-call-troubleshooter data-title="Second" data-start="__proto__"></div>` +
          `<div data-call-troubleshooter data-title="Third" data-start="agent/broken-audio"></div>${loader}`,
      ),
    );
    // A well-formed name that is no step shows the not-found page, with its way back…
    consoleGuard.allow(/status of 404/);
    await expect(heading(frameOf(page, 'First').frame)).toHaveText('We couldn’t find that page');
    // …and what can't be a step starts at the beginning.
    for (const title of ['Second', 'Third']) {
      await expect(heading(frameOf(page, title).frame)).toHaveText(titleOf('start'));
    }
    await expect.poll(async () => (await events(page, 'call-troubleshooter:step')).length).toBe(3);
    const names = (await events(page, 'call-troubleshooter:step')).map((e) => e.detail.widget);
    // The second "callTroubleshooter" is a repeat: it gets a name of its own.
    expect(names.sort()).toEqual(
      ['callTroubleshooter', 'call-troubleshooter-2', 'call-troubleshooter-3'].sort(),
    );
  });

  test('links to other sites open in a new tab, leaving the widget where it was', async ({
    page,
    context,
  }) => {
    await context.route('https://example.net/**', (route) =>
      route.fulfill({ contentType: 'text/html', body: '<title>Example Voice support</title>' }),
    );
    await page.goto(
      host.page(`<div data-call-troubleshooter data-start="one-way-audio"></div>${loader}`),
    );
    const { frame } = frameOf(page);
    await expect(heading(frame)).toHaveText(titleOf('one-way-audio'));
    const popup = page.waitForEvent('popup');
    await frame.getByRole('link', { name: 'the Example Voice support site' }).click();
    await expect(await popup).toHaveTitle('Example Voice support');
    await expect(heading(frame)).toHaveText(titleOf('one-way-audio'));
  });

  test('a reload does not count the diagnosis again', async ({ page }) => {
    await record(page);
    await page.goto(
      host.page(`<div data-call-troubleshooter data-start="broken-audio"></div>${loader}`),
    );
    const { frame } = frameOf(page);
    await walk(frame, 'one-way-audio', 1);
    await expect
      .poll(async () => (await events(page, 'call-troubleshooter:outcome')).length)
      .toBe(1);
    await page.reload();
    await expect(heading(frame)).toHaveText(titleOf('one-way-audio'));
    await expect.poll(async () => (await events(page, 'call-troubleshooter:step')).length).toBe(1);
    expect(await events(page, 'call-troubleshooter:outcome')).toEqual([]);
  });

  test('an agent’s dialog opens where the host page shows it', async ({ page }) => {
    await page.setViewportSize({ width: 1000, height: 700 });
    await page.goto(
      host.page(
        `<div data-call-troubleshooter data-agent data-start="one-way-audio"></div>${loader}`,
      ),
    );
    const { frame } = frameOf(page);
    await expect(frame.getByRole('complementary', { name: 'Call tools' })).toBeVisible();
    await heading(frame).click();
    await page.keyboard.press('?');
    const dialog = frame.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect(dialog).toBeVisible();
    await expect(dialog).toBeInViewport();
  });
});
