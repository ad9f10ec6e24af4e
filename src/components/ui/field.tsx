import type { ReactNode } from 'react';
import { cn } from '@/lib/cn';

/** The attributes a field's control needs so its label, hint and error are announced with it. */
export interface FieldControlProps {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: true;
}

interface FieldProps {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  /** Shown next to the field, and tied to the control with aria-describedby. */
  error?: string | undefined;
  /** Extra text under the control, like a counter or the number read back. */
  after?: ReactNode;
  className?: string;
  children: (control: FieldControlProps) => ReactNode;
}

/** A label, an optional hint, the control, and an inline error written for a person. */
export function Field({ id, label, hint, error, after, className, children }: FieldProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const afterId = after ? `${id}-after` : undefined;
  const describedBy = [errorId, hintId, afterId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={cn('space-y-1', className)}>
      <label htmlFor={id} className="block font-semibold">
        {label}
      </label>
      {hint ? (
        <p id={hintId} className="text-sm text-ink-muted">
          {hint}
        </p>
      ) : null}
      {children({
        id,
        ...(describedBy ? { 'aria-describedby': describedBy } : {}),
        ...(error ? { 'aria-invalid': true as const } : {}),
      })}
      {error ? (
        <p id={errorId} className="flex gap-1 text-sm font-medium text-danger">
          <span aria-hidden="true">⚠</span>
          <span>{error}</span>
        </p>
      ) : null}
      {after ? (
        <div id={afterId} className="text-sm text-ink-muted">
          {after}
        </div>
      ) : null}
    </div>
  );
}

/** The look of text inputs and text areas, with a clear invalid state. */
export const inputClass =
  'block w-full rounded-lg border border-line bg-surface px-3 py-2 text-base text-ink placeholder:text-ink-muted aria-invalid:border-danger aria-invalid:ring-1 aria-invalid:ring-danger';
