import { beforeAll, describe, expect, it } from 'vitest';
import { loadContent } from '../../../scripts/content/load-content.ts';
import type { Content } from '../schema.ts';
import { ticketContext } from './context.ts';
import { adviseEscalation, type EscalationInput } from './escalation.ts';
import { describeCode } from './sip-codes.ts';

let content: Content;
beforeAll(async () => {
  const loaded = await loadContent();
  if (!loaded.ok) throw new Error('content/ must be valid');
  content = loaded.content;
});

/** Advice for a wizard path, with the form's facts on top of what the answers say. */
function advise(
  path: string,
  form: Partial<EscalationInput> & { codeList?: (number | '603+')[] } = {},
) {
  const context = ticketContext(content, path.split('/').filter(Boolean));
  const { codeList, ...rest } = form;
  return adviseEscalation({
    content,
    context,
    frequency: context.facts.frequency ?? null,
    product: context.facts.product ?? null,
    codes: (codeList ?? context.facts.codes).map((code) => describeCode(code, content.codes)),
    destinations: 1,
    ticks: {},
    ...rest,
  });
}

const holding = (advice: ReturnType<typeof advise>) =>
  advice.conditions.filter((c) => c.holds).map((c) => c.id);

describe('escalation advice', () => {
  it('says route advance first for occasional 503s on least-cost routing', () => {
    const advice = advise('/never-connects/sip-code/503/lcr/occasional');
    expect(advice.verdict).toBe('try-first');
    expect(advice.headline).toBe('Not yet: set up route advance first');
    expect(advice.cautions[0]).toContain(
      'Occasional 503s are expected on Wholesale LCR Termination',
    );
    expect(advice.conditions.find((c) => c.id === 'persistent-5xx-6xx')).toMatchObject({
      holds: false,
      reason: 'Occasional 503s are expected on least-cost routing.',
    });
  });

  it('calls 503s at peak on LCR persistent, and asks to tick what was tried', () => {
    const path = '/never-connects/sip-code/503/lcr/peak';
    const untried = advise(path, { destinations: 2 });
    expect(holding(untried)).toEqual(['reproducible', 'persistent-5xx-6xx', 'many-destinations']);
    expect(untried.verdict).toBe('contact-support');
    expect(untried.headline).toBe('Yes: contact Example Voice support');
    expect(untried.cautions).toEqual([
      'Tick the fix steps you have already tried, below: support will ask, and won’t ask you to repeat them.',
    ]);

    const tried = advise(path, {
      destinations: 2,
      ticks: { 'sip-503-peak-capacity': ['check-limits'] },
    });
    expect(tried.verdict).toBe('contact-support');
    expect(tried.cautions).toEqual([]);
  });

  it('stops calling for route advance once the 503s persist or hit several destinations', () => {
    const path = '/never-connects/sip-code/503/lcr/occasional';
    expect(advise(path, { frequency: 'every-time' }).verdict).toBe('contact-support');
    expect(advise(path, { destinations: 3 }).verdict).toBe('contact-support');
    // A code other than 503 is not least-cost routing's doing either.
    expect(advise(path, { codeList: [480] }).verdict).not.toBe('try-first');
    expect(advise(path, { codeList: [603] }).cautions.join(' ')).toContain('6xx');
  });

  it('does not blame the called party for refusals that come from the provider', () => {
    for (const path of ['/rejected-blocked/account', '/rejected-blocked/caller-id']) {
      const advice = advise(path);
      expect(advice.verdict, path).not.toBe('called-party');
      expect(advice.cautions.join(' '), path).not.toContain('6xx');
    }
  });

  it('treats persistent 503s on the direct product as a reason to escalate', () => {
    const advice = advise('/never-connects/sip-code/503/direct/any-time', {
      ticks: { procedure: ['find-final-response'] },
    });
    expect(holding(advice)).toContain('persistent-5xx-6xx');
    expect(advice.verdict).toBe('contact-support');
  });

  it('sends a one-off 6xx to the called party rather than to support', () => {
    const advice = advise('/never-connects/sip-code/603', { frequency: 'once' });
    expect(advice.verdict).toBe('called-party');
    expect(advice.cautions[0]).toContain('Retrying won’t help');
    expect(holding(advice)).toEqual([]);
  });

  it('still escalates a 6xx that hits many destinations every time, with the caution', () => {
    const advice = advise('/rejected-blocked/code-6xx/608', {
      frequency: 'every-time',
      destinations: 3,
      ticks: { procedure: ['read-6xx'] },
    });
    expect(advice.verdict).toBe('contact-support');
    expect(holding(advice)).toEqual(['reproducible', 'persistent-5xx-6xx', 'many-destinations']);
    expect(advice.cautions[0]).toContain('a 6xx is a deliberate refusal');
  });

  it('counts audio problems only once the network checks are ticked', () => {
    const path = '/broken-audio/one-way';
    const before = advise(path, { frequency: 'every-time', codeList: [] });
    expect(before.conditions.find((c) => c.id === 'audio-after-network-checks')).toMatchObject({
      holds: false,
      reason: 'Tick the network checks below once you have done them (3 left).',
    });
    const network = content.procedure.steps.find((s) => s.id === 'network-media')!;
    const after = advise(path, {
      frequency: 'every-time',
      codeList: [],
      ticks: { procedure: network.checks.map((c) => c.id) },
    });
    expect(holding(after)).toEqual(['reproducible', 'audio-after-network-checks']);
    expect(after.verdict).toBe('contact-support');
  });

  it('does not apply the audio condition outside the audio branch', () => {
    const advice = advise('/never-connects/sip-code/404');
    expect(advice.conditions.find((c) => c.id === 'audio-after-network-checks')?.reason).toBe(
      'Applies to audio problems only.',
    );
  });

  it('says "not yet" when nothing points at support', () => {
    const advice = advise('/never-connects/sip-code/404', { frequency: 'sometimes' });
    expect(advice.verdict).toBe('not-yet');
    expect(holding(advice)).toEqual([]);
    expect(advice.conditions.map((c) => c.reason)).toEqual([
      'It fails only now and then.',
      'No 5xx or 6xx code entered.',
      'Only one destination so far.',
      'Applies to audio problems only.',
    ]);
  });

  it('takes "several destinations" from the answers when the form lists one', () => {
    const advice = advise('/never-connects/every-call/other');
    expect(advice.conditions.find((c) => c.id === 'many-destinations')).toMatchObject({
      holds: true,
      reason: 'You said calls to several destinations fail.',
    });
  });
});
