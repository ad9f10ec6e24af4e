import type { Content, Frequency, Product, SupportCondition } from '../schema.ts';
import type { TicketContext } from './context.ts';
import type { ConditionCheck, Escalation, SipCodeValue, Verdict } from './model.ts';

/** What the escalation advice is worked out from: the content, the answers, the form and ticks. */
export interface EscalationInput {
  content: Pick<Content, 'support' | 'procedure' | 'config'>;
  /** The answers: the category, the outcome, and facts such as "several destinations fail". */
  context: Pick<TicketContext, 'category' | 'outcome' | 'facts'>;
  frequency: Frequency | null;
  product: Product | null;
  /** Valid codes entered. */
  codes: readonly SipCodeValue[];
  /** Distinct valid destination numbers entered. */
  destinations: number;
  /** Ticked step ids by scope ("procedure" or an outcome id), as the session keeps them. */
  ticks: Readonly<Record<string, readonly string[]>>;
}

const PERSISTENT: readonly (Frequency | null)[] = ['every-time', 'often'];

/**
 * Whether contacting support is worth it yet, following the domain rules: support helps when a
 * failure is reproducible, when 5xx/6xx persist beyond what least-cost routing explains, when
 * several destinations fail, or when audio stays bad after the network checks. It is premature
 * while occasional 503s on LCR traffic (to few destinations) just need route advance; and a 6xx
 * is a refusal that retrying won't change, which may be for the called party's carrier instead.
 */
export function adviseEscalation(input: EscalationInput): Escalation {
  const conditions = input.content.support.conditions.map((condition): ConditionCheck => ({
    id: condition.id,
    text: condition.text,
    ...evaluate(condition.id, condition.afterChecks, input),
  }));
  const anyHolds = conditions.some((c) => c.holds);
  const cautions: string[] = [];
  let verdict: Verdict = anyHolds ? 'contact-support' : 'not-yet';
  let headline = anyHolds
    ? `Yes: contact ${input.content.config.provider.name} support`
    : 'Not yet: none of the reasons to contact support applies so far';

  const has6xx = input.codes.some((c) => c.class === 6);
  const failureCodes = input.codes.filter((c) => c.class >= 5);
  const only503 = failureCodes.length > 0 && failureCodes.every((c) => c.code === 503);
  const onLcr = input.product === 'lcr' || input.product === 'unsure';
  const occasional = input.frequency === 'sometimes' || input.frequency === 'once';
  const manyDestinations = conditions.some((c) => c.id === 'many-destinations' && c.holds);

  // Occasional 503s on least-cost routing are the carrier asking for route advance, unless they
  // hit several destinations (then they are worth a look whatever the product).
  if (onLcr && only503 && occasional && !manyDestinations) {
    verdict = 'try-first';
    headline = 'Not yet: set up route advance first';
    cautions.push(
      `Occasional 503s are expected on ${input.content.config.products.lcr}: they tell your system to try the next carrier. Make sure it does, and contact support only if 503s persist.`,
    );
  }
  if (has6xx) {
    cautions.push(
      'Retrying won’t help: a 6xx is a deliberate refusal. The person you called may need to ask their own carrier why.',
    );
    if (verdict === 'not-yet') {
      verdict = 'called-party';
      headline = 'Probably not: the call was refused on purpose, not by a fault';
    }
  }

  // Support's first question is what was tried; say so, without holding the request back.
  if (verdict === 'contact-support' && input.context.outcome) {
    const outcomeTicks = input.ticks[input.context.outcome.id] ?? [];
    const tried = input.context.outcome.steps.filter((step) =>
      outcomeTicks.includes(step.id),
    ).length;
    if (tried === 0 && (input.ticks.procedure ?? []).length === 0) {
      cautions.push(
        'Tick the fix steps you have already tried, below: support will ask, and won’t ask you to repeat them.',
      );
    }
  }
  return { verdict, headline, cautions, conditions };
}

function evaluate(
  id: SupportCondition,
  afterChecks: string | undefined,
  input: EscalationInput,
): { holds: boolean; reason: string } {
  switch (id) {
    case 'reproducible':
      return reproducible(input.frequency);
    case 'persistent-5xx-6xx':
      return persistentFailures(input);
    case 'many-destinations':
      return manyDestinations(input);
    case 'audio-after-network-checks':
      return audioAfterChecks(input, afterChecks);
  }
}

function reproducible(frequency: Frequency | null): { holds: boolean; reason: string } {
  switch (frequency) {
    case 'every-time':
      return { holds: true, reason: 'You said it fails every time.' };
    case 'often':
      return { holds: true, reason: 'You said it fails often.' };
    case 'sometimes':
      return { holds: false, reason: 'It fails only now and then.' };
    case 'once':
      return { holds: false, reason: 'It has happened once so far.' };
    case null:
      return { holds: false, reason: 'Say how often it fails.' };
  }
}

function persistentFailures(input: EscalationInput): { holds: boolean; reason: string } {
  const failures = input.codes.filter((c) => c.class >= 5).map((c) => String(c.code));
  if (failures.length === 0) return { holds: false, reason: 'No 5xx or 6xx code entered.' };
  const list = failures.join(', ');
  if (PERSISTENT.includes(input.frequency)) {
    return { holds: true, reason: `${list} keeps coming back.` };
  }
  const onLcr = input.product === 'lcr' || input.product === 'unsure';
  if (onLcr && failures.every((code) => code === '503')) {
    return { holds: false, reason: 'Occasional 503s are expected on least-cost routing.' };
  }
  return { holds: false, reason: `${list} has not been persistent so far.` };
}

function manyDestinations(input: EscalationInput): { holds: boolean; reason: string } {
  if (input.destinations >= 2) {
    return { holds: true, reason: `You listed ${input.destinations} destination numbers.` };
  }
  if (input.context.facts.destinations === 'several') {
    return { holds: true, reason: 'You said calls to several destinations fail.' };
  }
  return { holds: false, reason: 'Only one destination so far.' };
}

function audioAfterChecks(
  input: EscalationInput,
  afterChecks: string | undefined,
): { holds: boolean; reason: string } {
  if (input.context.category?.id !== 'broken-audio') {
    return { holds: false, reason: 'Applies to audio problems only.' };
  }
  const step = input.content.procedure.steps.find((s) => s.id === afterChecks);
  if (!step) return { holds: false, reason: 'Check the network setup first.' };
  const ticked = input.ticks.procedure ?? [];
  const remaining = step.checks.filter((check) => !ticked.includes(check.id));
  if (remaining.length === 0) {
    return { holds: true, reason: 'You have ticked the network checks.' };
  }
  return {
    holds: false,
    reason: `Tick the network checks below once you have done them (${remaining.length} left).`,
  };
}
