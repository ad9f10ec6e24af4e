import type { FieldError } from '@/engine/ticket/check-draft';

/** The id of the control an error belongs to, so links and focus can find it. */
export function fieldId(error: Pick<FieldError, 'field' | 'row'>): string {
  if (error.field === 'destinations' || error.field === 'timestamps') {
    return `${error.field}-${(error.row ?? 0) + 1}`;
  }
  return error.field === 'errorText' ? 'error-text' : error.field;
}
