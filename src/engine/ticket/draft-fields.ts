import type { Content } from '../schema.ts';
import { FREQUENCY_LABELS, productLabel } from './labels.ts';
import type { TicketDraft } from './model.ts';

export interface DraftField {
  label: string;
  value: string;
}

/**
 * The support request fields someone has filled, exactly as typed, in the form's order: for
 * agent mode's case notes, which report what was written down even before it is complete.
 */
export function draftFields(
  draft: TicketDraft | null,
  content: Pick<Content, 'config'>,
): DraftField[] {
  if (draft === null) return [];
  const rows = (values: readonly string[]) =>
    values.map((value) => value.trim()).filter((value) => value !== '');
  const destinations = rows(draft.destinations);
  const times = rows(draft.timestamps);
  const fields: [string, string][] = [
    ['Number called from', draft.origin.trim()],
    ['Numbers called', destinations.join(', ')],
    ['Failed calls', times.length > 0 ? `${times.join(', ')} (${draft.timeZone})` : ''],
    ['SIP response codes', draft.codes?.trim() ?? ''],
    ['Error messages', draft.errorText.trim()],
    ['How often', draft.frequency === null ? '' : FREQUENCY_LABELS[draft.frequency]],
    ['Service', draft.product === null ? '' : productLabel(draft.product, content)],
    ['What happened', draft.description.trim()],
  ];
  return fields.flatMap(([label, value]) => (value === '' ? [] : [{ label, value }]));
}
