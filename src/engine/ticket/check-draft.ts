import { trailPath } from '../path-codec.ts';
import type { Content, Frequency, Product } from '../schema.ts';
import type { TicketContext } from './context.ts';
import { adviseEscalation } from './escalation.ts';
import {
  LIMITS,
  type Escalation,
  type FieldResult,
  type PhoneNumberValue,
  type SipCodeValue,
  type Ticket,
  type TicketDraft,
  type TimestampValue,
  type TriedStep,
} from './model.ts';
import { parsePhoneNumber } from './phone.ts';
import { parseSipCodes } from './sip-codes.ts';
import { FREQUENCY_LABELS, productLabel } from './labels.ts';
import { parseTimestamp } from './timestamp.ts';

export { FREQUENCY_LABELS, productLabel };

export type FieldName =
  'origin' | 'destinations' | 'timestamps' | 'codes' | 'errorText' | 'description';

/** Something that stops the request from being exported, placed next to its field. */
export interface FieldError {
  field: FieldName;
  /** The row, for fields with several rows. */
  row?: number;
  message: string;
}

export interface DraftReport {
  /** What the form shows: the draft's own values, or the answers' where it has none yet. */
  effective: { codes: string; frequency: Frequency | null; product: Product | null };
  origin: FieldResult<PhoneNumberValue> | undefined;
  /** Per row; undefined for an empty row. */
  destinations: (FieldResult<PhoneNumberValue> | undefined)[];
  timestamps: (FieldResult<TimestampValue> | undefined)[];
  codes: { values: SipCodeValue[]; problems: string[]; notes: string[] };
  /** Everything that blocks export, in the order of the form. Empty when the ticket is ready. */
  errors: FieldError[];
  escalation: Escalation;
  ticket: Ticket | undefined;
}

/**
 * Checks a draft against the rules of a complete support request and, when it passes, builds the
 * ticket. Never throws, never changes the draft: what the person typed stays as typed.
 */
export function checkDraft(
  draft: TicketDraft,
  options: {
    content: Content;
    context: TicketContext;
    ticks: Readonly<Record<string, readonly string[]>>;
    now: Date;
    /** Absolute address of a wizard path, for the link in the request. */
    linkFor: (path: string) => string;
  },
): DraftReport {
  const { content, context, ticks, now } = options;
  const effective = {
    codes: draft.codes ?? context.facts.codes.join(', '),
    frequency: draft.frequency ?? context.facts.frequency ?? null,
    product: draft.product ?? context.facts.product ?? null,
  };
  const errors: FieldError[] = [];
  const present = (text: string) => text.trim() !== '';

  const origin = present(draft.origin) ? parsePhoneNumber(draft.origin, draft.country) : undefined;
  if (origin === undefined) {
    errors.push({ field: 'origin', message: 'Enter the number you called from.' });
  } else if (!origin.ok) errors.push({ field: 'origin', message: origin.message });

  const destinations = draft.destinations.map((row) =>
    present(row) ? parsePhoneNumber(row, draft.country) : undefined,
  );
  rowErrors('destinations', destinations, 'Enter at least one number you called.', errors);

  const timestamps = draft.timestamps.map((row) =>
    present(row) ? parseTimestamp(row, { now, timeZone: draft.timeZone }) : undefined,
  );
  rowErrors(
    'timestamps',
    timestamps,
    'Enter the date and time of at least one failed call.',
    errors,
  );

  const codes = parseSipCodes(effective.codes, content.codes);
  if (codes.problems.length > 0) {
    errors.push({ field: 'codes', message: codes.problems.join(' ') });
  } else if (codes.values.length === 0 && !present(draft.errorText)) {
    errors.push({
      field: 'codes',
      message: 'Enter the SIP code you saw, or paste the error message below.',
    });
  }
  lengthError('errorText', draft.errorText, LIMITS.errorText, errors);
  if (!present(draft.description)) {
    errors.push({ field: 'description', message: 'Describe what happened in a few sentences.' });
  } else lengthError('description', draft.description, LIMITS.description, errors);

  const destinationValues = unique(valuesOf(destinations), (n) => n.e164);
  const escalation = adviseEscalation({
    content,
    context,
    frequency: effective.frequency,
    product: effective.product,
    codes: codes.values,
    destinations: destinationValues.length,
    ticks,
  });

  const report = { effective, origin, destinations, timestamps, codes, errors, escalation };
  if (errors.length > 0 || origin?.ok !== true) return { ...report, ticket: undefined };

  const ticket: Ticket = {
    preparedAt: `${now.toISOString().slice(0, 19)}Z`,
    brand: content.config.brand.name,
    provider: {
      name: content.config.provider.name,
      supportEmail: content.config.provider.supportEmail,
    },
    diagnosis: {
      ...(context.category ? { category: context.category } : {}),
      ...(context.outcome
        ? { outcome: { id: context.outcome.id, title: context.outcome.title } }
        : {}),
      answers: context.answers,
      ...(context.trail.steps.length > 0
        ? { link: options.linkFor(trailPath(context.trail)) }
        : {}),
    },
    numbers: { originating: origin.value, destinations: destinationValues },
    failedCalls: {
      timeZone: draft.timeZone,
      times: unique(valuesOf(timestamps), (t) => t.utc),
    },
    codes: codes.values,
    errorText: draft.errorText.trim(),
    ...(effective.frequency
      ? { frequency: { id: effective.frequency, label: FREQUENCY_LABELS[effective.frequency] } }
      : {}),
    ...(effective.product
      ? { product: { id: effective.product, label: productLabel(effective.product, content) } }
      : {}),
    description: draft.description.trim(),
    tried: triedSteps(content, context, ticks),
    escalation,
  };
  return { ...report, ticket };
}

/** Ticked checks of the five-step check, then ticked fix steps of the outcome, in content order. */
function triedSteps(
  content: Content,
  context: TicketContext,
  ticks: Readonly<Record<string, readonly string[]>>,
): TriedStep[] {
  const procedureTicks = ticks.procedure ?? [];
  const fromProcedure = content.procedure.steps.flatMap((step) =>
    step.checks
      .filter((check) => procedureTicks.includes(check.id))
      .map((check): TriedStep => ({ id: check.id, text: check.text, source: 'procedure' })),
  );
  const outcome = context.outcome;
  const outcomeTicks = outcome ? (ticks[outcome.id] ?? []) : [];
  const fromOutcome = (outcome?.steps ?? [])
    .filter((step) => outcomeTicks.includes(step.id))
    .map((step): TriedStep => ({ id: step.id, text: step.text, source: 'fix-step' }));
  return [...fromProcedure, ...fromOutcome];
}

function rowErrors<T>(
  field: FieldName,
  rows: readonly (FieldResult<T> | undefined)[],
  whenEmpty: string,
  errors: FieldError[],
): void {
  if (rows.every((row) => row === undefined)) {
    errors.push({ field, row: 0, message: whenEmpty });
    return;
  }
  rows.forEach((row, index) => {
    if (row?.ok === false) errors.push({ field, row: index, message: row.message });
  });
}

function lengthError(field: FieldName, text: string, limit: number, errors: FieldError[]): void {
  if (text.length > limit) {
    errors.push({
      field,
      message: `Shorten this to ${limit} characters; it has ${text.length}.`,
    });
  }
}

function valuesOf<T>(rows: readonly (FieldResult<T> | undefined)[]): T[] {
  return rows.flatMap((row) => (row?.ok ? [row.value] : []));
}

function unique<T>(values: readonly T[], key: (value: T) => string): T[] {
  const seen = new Set<string>();
  return values.filter((value) => {
    const k = key(value);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
