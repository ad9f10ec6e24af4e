import type { Page } from '@playwright/test';
import { getNode, isQuestion } from '../src/engine/graph.ts';
import { content, labelsOf, titleOf, trailPath, trailTo } from './content.ts';
import { axeViolations, expect, heading, test } from './fixtures.ts';

/** The agent script of a question, as the content writes it. */
function scriptOf(questionId: string) {
  const node = getNode(content, questionId);
  if (!isQuestion(node) || node.script === undefined) throw new Error(`No script: ${questionId}`);
  return node.script;
}

/** The 1-based position of each answer taken along a trail: the number key that chooses it. */
function keysOf(nodeId: string): string[] {
  return trailTo(nodeId).steps.map((step) => {
    const question = getNode(content, step.questionId);
    if (!isQuestion(question)) throw new Error(`Not a question: ${step.questionId}`);
    return String(question.answers.findIndex((answer) => answer.id === step.answerId) + 1);
  });
}

const callTools = (page: Page) => page.getByRole('complementary', { name: 'Call tools' });
const noteBox = (page: Page) => page.getByRole('textbox', { name: 'Note' });
const notes = (page: Page) => page.getByRole('list', { name: 'Notes' });

/** Waits until agent mode has loaded the saved call, so the keys and the timer are live. */
async function ready(page: Page) {
  await expect(page.getByRole('timer', { name: 'Call time' })).toBeVisible();
}

test('a keyboard-only walk with number keys, scripts on every question, and back again', async ({
  page,
}) => {
  const trail = trailTo('one-way-audio');
  await page.goto('/agent');
  await ready(page);
  await expect(page.getByText('Agent view', { exact: true })).toBeVisible();
  for (const [index, key] of keysOf('one-way-audio').entries()) {
    const step = trail.steps[index]!;
    // The words to say and what to listen for are on every question.
    const script = scriptOf(step.questionId);
    await expect(page.getByText(`“${script.ask}”`)).toBeVisible();
    for (const hint of script.listenFor ?? []) await expect(page.getByText(hint)).toBeVisible();
    await page.keyboard.press(key);
    await expect(heading(page)).toHaveText(titleOf(step.nextId));
    await expect(heading(page)).toBeFocused();
  }
  await expect(page).toHaveURL(`/agent${trailPath(trail)}`);
  const crumbs = page.getByRole('navigation', { name: 'Your answers so far' });
  for (const label of labelsOf(trail)) await expect(crumbs).toContainText(label);

  // Backspace, then Alt+←, each go back one question.
  await page.keyboard.press('Backspace');
  await expect(heading(page)).toHaveText(titleOf(trail.steps.at(-1)!.questionId));
  await expect(page).toHaveURL(`/agent${trailPath({ steps: trail.steps.slice(0, -1) })}`);
  await page.keyboard.press('Alt+ArrowLeft');
  await expect(heading(page)).toHaveText(titleOf(trail.steps.at(-2)!.questionId));
  await expect(heading(page)).toBeFocused();
});

test('keys typed faster than pages load are each taken on the page they belong to', async ({
  page,
}) => {
  await page.goto('/agent');
  await ready(page);
  // All the answers to one-way audio in one burst, as an agent who knows the tree types them.
  await page.keyboard.type(keysOf('one-way-audio').join(''), { delay: 0 });
  await expect(heading(page)).toHaveText(titleOf('one-way-audio'));
  await expect(page).toHaveURL(`/agent${trailPath(trailTo('one-way-audio'))}`);
  // And back out again in one burst.
  for (let index = 0; index < 2; index += 1) await page.keyboard.press('Backspace');
  const trail = trailTo('one-way-audio');
  await expect(heading(page)).toHaveText(titleOf(trail.steps.at(-2)!.questionId));
});

test('past nine answers, two digits choose one; a single digit still works', async ({ page }) => {
  const trail = trailTo('sip-code');
  const question = getNode(content, 'sip-code');
  if (!isQuestion(question) || question.answers.length < 10) throw new Error('Needs 10+ answers');
  await page.goto(`/agent${trailPath(trail)}`);
  await ready(page);
  const last = question.answers.length;
  await expect(page.getByRole('list', { name: 'Answers' })).toContainText(String(last));
  await page.keyboard.press(String(Math.floor(last / 10)));
  await page.keyboard.press(String(last % 10));
  await expect(heading(page)).toHaveText(titleOf(question.answers[last - 1]!.next));
  await page.keyboard.press('Backspace');
  await expect(heading(page)).toHaveText(titleOf('sip-code'));
  // "1" alone waits a moment for a second digit, then takes the first answer.
  await page.keyboard.press('1');
  await expect(heading(page)).toHaveText(titleOf(question.answers[0]!.next));
});

test('the customer view of the same address shows no scripts and no agent tools', async ({
  page,
}) => {
  const trail = trailTo('sip-code');
  await page.goto(trailPath(trail));
  await expect(heading(page)).toHaveText(titleOf('sip-code'));
  await expect(page.getByText(scriptOf('sip-code').ask)).toHaveCount(0);
  await expect(page.getByText('Ask the caller')).toHaveCount(0);
  await expect(callTools(page)).toHaveCount(0);
  // Number keys do nothing for customers.
  await page.keyboard.press('1');
  await expect(heading(page)).toHaveText(titleOf('sip-code'));
  // The footer offers agents their view of this very page.
  await page.getByRole('link', { name: 'Open the agent view' }).click();
  await expect(page).toHaveURL(`/agent${trailPath(trail)}`);
  await expect(page.getByText(`“${scriptOf('sip-code').ask}”`)).toBeVisible();
});

test('no shortcut fires while typing in the note, the search or the paste box', async ({
  page,
}) => {
  await page.goto('/agent');
  await ready(page);
  await noteBox(page).focus();
  await page.keyboard.type('1n?m/sc 2');
  await page.keyboard.press('Backspace');
  await expect(noteBox(page)).toHaveValue('1n?m/sc ');
  await expect(heading(page)).toHaveText(titleOf('start'));
  await expect(page.getByRole('dialog')).toHaveCount(0);

  const search = page.getByRole('searchbox', { name: /Describe what happens/ });
  await search.focus();
  await page.keyboard.type('3');
  await expect(search).toHaveValue('3');
  await expect(heading(page)).toHaveText(titleOf('start'));

  const paste = page.getByRole('textbox', { name: /Paste a SIP code/ });
  await paste.focus();
  await page.keyboard.type('4?');
  await expect(paste).toHaveValue('4?');
  await expect(page.getByRole('dialog')).toHaveCount(0);

  // Outside a field the same keys act: n focuses the note box, 1 chooses the first answer.
  await heading(page).focus();
  await page.keyboard.press('n');
  await expect(noteBox(page)).toBeFocused();
  await page.keyboard.press('Escape');
  await page.keyboard.press('1');
  await expect(heading(page)).toHaveText(titleOf('never-connects'));
});

test('notes, the note being typed and the timer survive a reload', async ({ page }) => {
  const start = Date.UTC(2026, 10, 24, 9, 0, 0);
  await page.clock.setFixedTime(start);
  await page.goto('/agent');
  await ready(page);
  await page.clock.setFixedTime(start + 65_000);
  await page.keyboard.press('n');
  await page.keyboard.type('Caller says calls to Berlin fail since 9am');
  await page.keyboard.press('Enter');
  await expect(notes(page).getByRole('listitem')).toHaveCount(1);
  await expect(notes(page)).toContainText('Caller says calls to Berlin fail since 9am');
  await expect(notes(page)).toContainText('+1:05');
  await expect(noteBox(page)).toHaveValue('');
  await noteBox(page).fill('Half a thought');

  await page.clock.setFixedTime(start + 125_000);
  await page.reload();
  await ready(page);
  await expect(notes(page)).toContainText('Caller says calls to Berlin fail since 9am');
  await expect(noteBox(page)).toHaveValue('Half a thought');
  await expect(page.getByRole('timer', { name: 'Call time' })).toHaveText('2:05');

  // A deleted note can be brought back.
  await notes(page)
    .getByRole('button', { name: /Delete the note/ })
    .click();
  await expect(page.getByRole('list', { name: 'Notes' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(notes(page).getByRole('listitem')).toHaveCount(1);

  // A new call asks first, then starts from zero with no notes.
  await page.getByRole('button', { name: 'New call' }).click();
  await page.getByRole('button', { name: 'Start a new call' }).click();
  await expect(page.getByText('No notes yet.')).toBeVisible();
  await expect(page.getByRole('timer', { name: 'Call time' })).toHaveText('0:00');
  await expect(noteBox(page)).toHaveValue('');
});

test('a note that is too long gets a message and keeps its text', async ({ page }) => {
  await page.goto('/agent');
  await ready(page);
  const long = 'x'.repeat(4001);
  await noteBox(page).fill(long);
  await page.getByRole('button', { name: 'Add note' }).click();
  await expect(
    page.getByText(/A note can be up to 4000 characters; this one has 4001/),
  ).toBeVisible();
  await expect(noteBox(page)).toHaveValue(long);
  await expect(page.getByText('No notes yet.')).toBeVisible();
});

test('the map highlights the path, and a click jumps across branches', async ({ page }) => {
  const trail = trailTo('sip-503-route-advance');
  await page.goto(`/agent${trailPath(trail)}`);
  await ready(page);
  await page.keyboard.press('m');
  const map = page.getByRole('dialog', { name: 'Map of the tree' });
  await expect(map).toBeVisible();
  const steps = map.getByRole('list', { name: 'Steps of the tree' });
  // Where the call is takes focus; every step on the way there is marked.
  const here = steps.locator('[aria-current="step"]');
  await expect(here).toContainText(titleOf('sip-503-route-advance'));
  await expect(here).toBeFocused();
  for (const step of trail.steps.slice(0, -1)) {
    await expect(
      steps.getByRole('link', { name: `${titleOf(step.nextId)} (on the caller’s path)` }),
    ).toHaveCount(1);
  }
  await expect(steps.getByRole('link', { name: /on the caller’s path/ })).toHaveCount(
    trail.steps.length,
  );

  // The caller's story changes: jump to another branch's diagnosis.
  const target = trailTo('one-way-audio');
  await steps
    .getByRole('link', { name: new RegExp(`^Diagnosis ${escape(titleOf('one-way-audio'))}`) })
    .click();
  await expect(map).toHaveCount(0);
  await expect(heading(page)).toHaveText(titleOf('one-way-audio'));
  await expect(heading(page)).toBeFocused();
  await expect(page).toHaveURL(`/agent${trailPath(target)}`);
  const crumbs = page.getByRole('navigation', { name: 'Your answers so far' });
  for (const label of labelsOf(target)) await expect(crumbs).toContainText(label);

  // By keyboard: open, move with the arrows, jump with Enter; Escape closes without a jump.
  await page.keyboard.press('m');
  await expect(map.locator('[aria-current="step"]')).toBeFocused();
  await page.keyboard.press('Home');
  await expect(
    map.getByRole('link', { name: new RegExp(`^Question ${escape(titleOf('start'))}`) }),
  ).toBeFocused();
  await page.keyboard.press('ArrowRight');
  const focusedTitle = await page.evaluate(() => document.activeElement?.textContent ?? '');
  expect(focusedTitle).not.toContain(titleOf('start'));
  // Tab goes through the boxes too, in reading order.
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-node-id'))).toBe(
    true,
  );
  await page.keyboard.press('Escape');
  await expect(map).toHaveCount(0);
  await expect(heading(page)).toHaveText(titleOf('one-way-audio'));
  await page.keyboard.press('m');
  await page.keyboard.press('Home');
  await page.keyboard.press('Enter');
  await expect(heading(page)).toHaveText(titleOf('start'));
  await expect(page).toHaveURL(/\/agent\/?$/);

  // And by mouse or touch: the button opens it, Close closes it.
  const button = page.getByRole('button', { name: 'Map of the tree' });
  await button.click();
  await expect(map).toBeVisible();
  await map.getByRole('button', { name: 'Close' }).click();
  await expect(map).toHaveCount(0);
  await expect(button).toBeFocused();
});

test('? lists the shortcuts, and Escape gives focus back', async ({ page }) => {
  await page.goto('/agent');
  await ready(page);
  await heading(page).focus();
  await page.keyboard.press('?');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('row', { name: /Choose that answer/ })).toBeVisible();
  await expect(dialog.getByRole('row', { name: /Back to the previous question/ })).toBeVisible();
  // Keys don't act behind the dialog.
  await page.keyboard.press('1');
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(heading(page)).toBeFocused();
  await expect(heading(page)).toHaveText(titleOf('start'));
});

test.describe('case notes', () => {
  test.use({ timezoneId: 'Europe/Berlin', permissions: ['clipboard-read', 'clipboard-write'] });

  test('copy the times, the caller’s answers, the notes and the outcome, exactly', async ({
    page,
  }) => {
    const T0 = Date.UTC(2026, 10, 24, 9, 0, 0); // 10:00:00 in Berlin
    const at = (seconds: number) => page.clock.setFixedTime(T0 + seconds * 1000);
    const trail = trailTo('one-way-audio');
    const outcome = getNode(content, 'one-way-audio');
    if (outcome?.kind !== 'outcome') throw new Error('one-way-audio is not an outcome');

    await at(0);
    await page.goto('/agent');
    await ready(page);
    for (const [index, key] of keysOf('one-way-audio').entries()) {
      await at(30 * (index + 1));
      await page.keyboard.press(key);
      await expect(heading(page)).toHaveText(titleOf(trail.steps[index]!.nextId));
    }
    await at(150);
    await page.keyboard.press('n');
    await page.keyboard.type('Caller hears nothing from the far end');
    await page.keyboard.press('Shift+Enter');
    await page.keyboard.type('Uses a *FRITZ!Box* <router>');
    await page.keyboard.press('Enter');
    await page.getByRole('list', { name: 'Fix steps' }).getByRole('checkbox').first().check();
    await page.getByRole('button', { name: 'No, it still fails' }).click();

    await at(200);
    await page.getByRole('button', { name: 'Copy case notes' }).click();
    await expect(page.getByText('Case notes copied.')).toBeVisible();
    const text = await page.evaluate(() => navigator.clipboard.readText());
    const clock = (seconds: number) =>
      `10:${String(Math.floor(seconds / 60)).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}`;
    const link = `${new URL(page.url()).origin}${trailPath(trail)}`;
    expect(text).toBe(
      [
        `Case notes — ${content.config.brand.name}`,
        '',
        'Call:',
        'Started: 2026-11-24 10:00:00 GMT+1',
        'Ended: ongoing',
        'Duration: 3:20 so far',
        '',
        'Outcome:',
        outcome.title,
        outcome.summary,
        'Fix steps (ticked = tried):',
        ...outcome.steps.map((step, index) => `${index === 0 ? '[x]' : '[ ]'} ${step.text}`),
        'Did it fix it? no',
        '',
        'Path:',
        ...labelsOf(trail).map(
          (label, index) =>
            `${String(index + 1)}. ${clock(30 * (index + 1))}  ${titleOf(trail.steps[index]!.questionId)} — ${label}`,
        ),
        '',
        'Notes:',
        `${clock(150)} (+2:30) Caller hears nothing from the far end`,
        '                 Uses a *FRITZ!Box* <router>',
        '',
        'Customer link:',
        link,
        '',
      ].join('\n'),
    );

    await page.getByRole('button', { name: 'Copy as Markdown' }).click();
    await expect(page.getByText('Case notes in Markdown copied.')).toBeVisible();
    const markdown = await page.evaluate(() => navigator.clipboard.readText());
    expect(markdown).toContain(`# Case notes — ${content.config.brand.name}`);
    expect(markdown).toContain('## Path');
    expect(markdown).toContain(`  Uses a \\*FRITZ\\!Box\\* \\<router\\>`);
    expect(markdown).toContain(`<${link}>`);
  });

  test('a support request started during the call goes into the case notes', async ({ page }) => {
    const trail = trailTo('sip-403');
    await page.goto(`/agent${trailPath(trail)}`);
    await ready(page);
    await page
      .getByRole('link', { name: /support request/i })
      .first()
      .click();
    await page.getByRole('textbox', { name: 'Number you called from' }).fill('+1 919 555 0100');
    await page.getByRole('textbox', { name: 'What happened' }).fill('Every call is refused.');
    // Case notes are about the diagnosis the call reached, even from the support request page.
    await page.getByRole('button', { name: 'Copy case notes' }).click();
    const text = await page.evaluate(() => navigator.clipboard.readText());
    expect(text).toContain(`Outcome:\n${titleOf('sip-403')}`);
    expect(text).toContain('Support request:\nNumber called from: +1 919 555 0100');
    expect(text).toContain('What happened: Every call is refused.');
  });
});

test('the link for the caller opens the same diagnosis in the customer view', async ({
  page,
  context,
}) => {
  const trail = trailTo('sip-403');
  await page.goto(`/agent${trailPath(trail)}`);
  await ready(page);
  const link = await page.getByRole('textbox', { name: 'Link for the caller' }).inputValue();
  expect(new URL(link).pathname).toBe(trailPath(trail));
  const customer = await context.newPage();
  await customer.goto(link);
  await expect(heading(customer)).toHaveText(titleOf('sip-403'));
  await expect(customer.getByText('Agent view', { exact: true })).toHaveCount(0);
  await expect(customer.getByRole('complementary', { name: 'Call tools' })).toHaveCount(0);
});

test('axe finds nothing in the agent view, the open map and the shortcut list', async ({
  page,
}) => {
  for (const path of ['/agent', `/agent${trailPath(trailTo('sip-code'))}`]) {
    await page.goto(path);
    await ready(page);
    expect(await axeViolations(page)).toEqual([]);
  }
  await page.goto(`/agent${trailPath(trailTo('sip-503-route-advance'))}`);
  await ready(page);
  await noteBox(page).fill('Caller on the line');
  await page.keyboard.press('Enter');
  expect(await axeViolations(page)).toEqual([]);
  await heading(page).focus();
  await page.keyboard.press('m');
  await expect(page.getByRole('dialog', { name: 'Map of the tree' })).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
  // With steps found and outlined.
  await page.keyboard.press('/');
  await page.keyboard.type('503');
  await expect(page.getByText(/steps? match/)).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
  // Esc empties the find box first, then closes the map.
  await page.keyboard.press('Escape');
  await expect(page.getByRole('searchbox', { name: 'Find a step' })).toHaveValue('');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

test('an unknown agent address says so, stays in agent mode, and offers a way on', async ({
  page,
  consoleGuard,
}) => {
  consoleGuard.allow(/status of 404/);
  await page.goto('/agent/never-connects/nonsense');
  await expect(heading(page)).toHaveText('This link has an answer we don’t recognise');
  await expect(page.getByText('Agent view', { exact: true })).toBeVisible();
  await page.getByRole('link', { name: /Continue from/ }).click();
  await expect(heading(page)).toHaveText(titleOf('never-connects'));
  await expect(page).toHaveURL('/agent/never-connects');
});

test('corrupt saved call notes get a notice, and the rest is kept', async ({ page }) => {
  await page.goto('/agent');
  await ready(page);
  await page.evaluate(() => {
    const key = 'call-troubleshooter:session';
    const saved = JSON.parse(localStorage.getItem(key) ?? '{}') as {
      state: { ticks: Record<string, string[]>; call: unknown };
    };
    saved.state.ticks = { 'one-way-audio': ['check-mute'] };
    saved.state.call = { notes: 'garbage' };
    localStorage.setItem(key, JSON.stringify(saved));
  });
  await page.reload();
  await expect(page.getByText(/couldn’t read the call notes saved in this browser/)).toBeVisible();
  await expect(page.getByRole('timer', { name: 'Call time' })).toBeVisible();
  const saved = await page.evaluate(() => localStorage.getItem('call-troubleshooter:session'));
  expect(saved).toContain('check-mute');
});

test.describe('a simulated call, keyboard only', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

  test('greeting, answers, a note, a change of story via the map, a tried step, case notes', async ({
    page,
  }) => {
    await page.goto('/agent');
    await ready(page);
    // The caller first says the audio is broken, one way.
    const first = trailTo('one-way-audio');
    for (const key of keysOf('one-way-audio')) await page.keyboard.press(key);
    await expect(heading(page)).toHaveText(titleOf('one-way-audio'));
    await page.keyboard.press('n');
    await page.keyboard.type('Actually, calls to Berlin never connect at all');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');

    // The story changes: jump across branches with the map, by keyboard.
    await page.keyboard.press('m');
    const map = page.getByRole('dialog', { name: 'Map of the tree' });
    await expect(map).toBeVisible();
    await page.keyboard.press('/');
    await expect(map.getByRole('searchbox', { name: 'Find a step' })).toBeFocused();
    await page.keyboard.type('408');
    await expect(map.getByText('1 step matches')).toBeVisible();
    await page.keyboard.press('Enter');
    await expect(map).toHaveCount(0);
    await expect(heading(page)).toHaveText(titleOf('sip-408'));
    await expect(heading(page)).toBeFocused();

    // Tick the first fix step, then copy the case notes with y, all without the mouse.
    for (let presses = 0; presses < 40; presses += 1) {
      await page.keyboard.press('Tab');
      const type = await page.evaluate(() => (document.activeElement as HTMLInputElement).type);
      if (type === 'checkbox') break;
    }
    await page.keyboard.press('Space');
    await expect(
      page.getByRole('list', { name: 'Fix steps' }).getByRole('checkbox').first(),
    ).toBeChecked();
    await page.keyboard.press('y');
    await expect(page.getByText('Case notes copied.')).toBeVisible();
    const text = await page.evaluate(() => navigator.clipboard.readText());

    const jumped = trailTo('sip-408');
    expect(text).toContain(`Outcome:\n${titleOf('sip-408')}`);
    expect(text).toContain(`[x] ${getOutcome('sip-408').steps[0]!.text}`);
    expect(text).toContain('Actually, calls to Berlin never connect at all');
    // Answers reached by the jump are marked as not asked; what the caller said first is kept.
    for (const label of labelsOf(jumped)) {
      expect(text).toMatch(new RegExp(`— ${escape(label)} \\(not asked on the call\\)`));
    }
    expect(text).toContain('Earlier answers (changed during the call):');
    for (const label of labelsOf(first)) expect(text).toContain(`— ${label}`);
  });
});

test('a new call clears the last caller’s notes, ticks and support request', async ({ page }) => {
  await page.goto(`/agent${trailPath(trailTo('sip-403'))}`);
  await ready(page);
  await noteBox(page).fill('Caller one');
  await page.keyboard.press('Enter');
  await page.getByRole('list', { name: 'Fix steps' }).getByRole('checkbox').first().check();
  await page.getByRole('button', { name: 'New call' }).click();
  await expect(page.getByText(/ticked steps and support request are cleared/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Start a new call' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(heading(page)).toHaveText(titleOf('start'));
  await expect(heading(page)).toBeFocused();
  await expect(page.getByText('No notes yet.')).toBeVisible();
  // A new call started on the first question: its first answer counts as asked, with its time.
  await noteBox(page).fill('Caller two');
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'New call' }).click();
  await page.getByRole('button', { name: 'Start a new call' }).click();
  await expect(heading(page)).toBeFocused();
  await page.keyboard.press('1');
  await expect(heading(page)).toHaveText(titleOf('never-connects'));
  await page.getByText('Preview the case notes').click();
  const preview = page.getByRole('textbox', { name: 'Case notes preview' });
  await expect(preview).toHaveValue(
    new RegExp(
      `\\n1\\. \\d\\d:\\d\\d:\\d\\d  ${escape(titleOf('start'))} — ${escape(labelsOf(trailTo('never-connects'))[0]!)}\\n`,
    ),
  );
  await expect(preview).not.toHaveValue(/Caller (one|two)/);
  await page.goto(`/agent${trailPath(trailTo('sip-403'))}`);
  await ready(page);
  await expect(
    page.getByRole('list', { name: 'Fix steps' }).getByRole('checkbox').first(),
  ).not.toBeChecked();
});

test('turning shortcuts off turns the agent keys and their hints off too', async ({ page }) => {
  await page.goto('/agent');
  await ready(page);
  await page.getByRole('button', { name: 'Turn shortcuts off' }).click();
  await heading(page).focus();
  await page.keyboard.press('1');
  await page.keyboard.press('m');
  await expect(heading(page)).toHaveText(titleOf('start'));
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.getByRole('list', { name: 'Answers' }).locator('kbd')).toHaveCount(0);
  await page.getByRole('button', { name: 'Turn shortcuts on' }).click();
  await expect(page.getByRole('list', { name: 'Answers' }).locator('kbd')).not.toHaveCount(0);
  await heading(page).focus();
  await page.keyboard.press('1');
  await expect(heading(page)).toHaveText(titleOf('never-connects'));
});

test('two tabs of the agent view keep each other’s notes', async ({ page, context }) => {
  await page.goto('/agent');
  await ready(page);
  const other = await context.newPage();
  await other.goto('/agent');
  await ready(other);
  await noteBox(page).fill('From the first tab');
  await page.keyboard.press('Enter');
  await expect(notes(other)).toContainText('From the first tab');
  await noteBox(other).fill('From the second tab');
  await other.keyboard.press('Enter');
  await expect(notes(page)).toContainText('From the second tab');
  await page.reload();
  await ready(page);
  await expect(notes(page).getByRole('listitem')).toHaveCount(2);
});

function getOutcome(id: string) {
  const node = getNode(content, id);
  if (node?.kind !== 'outcome') throw new Error(`${id} is not an outcome`);
  return node;
}
