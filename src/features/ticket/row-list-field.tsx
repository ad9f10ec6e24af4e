import { useRef, type ClipboardEvent, type KeyboardEvent, type ReactNode } from 'react';
import { flushSync } from 'react-dom';
import { Button } from '@/components/ui/button';
import { inputClass } from '@/components/ui/field';
import { splitList } from '@/engine/ticket/split-list';
import type { FieldResult } from '@/engine/ticket/model';

/** Far past any real value (the field's own limit gives the message), but bounded for storage. */
const ROW_MAX = 1_000;

interface RowListFieldProps<T> {
  name: string;
  legend: string;
  hint: ReactNode;
  rowLabel: (index: number) => string;
  rows: readonly string[];
  results: readonly (FieldResult<T> | undefined)[];
  /** The error to show for a row now (the page decides when errors become visible). */
  errorFor: (index: number) => string | undefined;
  /** How a valid row's value is read back, like the number in E.164. */
  readBack: (value: T) => ReactNode;
  onChange: (rows: string[]) => void;
  onBlurRow: (index: number) => void;
  onRemoveRow: (index: number) => void;
  addLabel: string;
  maxRows: number;
  placeholder: string;
  inputMode?: 'tel' | 'text';
  /** More buttons under the rows, like "Add the current time". */
  extra?: ReactNode;
}

/**
 * Several values of one kind, one per row. Enter adds a row; pasting a list ("a, b; c" or one per
 * line) spreads it over rows. Nothing typed is ever dropped: what doesn't fit stays in the last row.
 */
export function RowListField<T>(props: RowListFieldProps<T>) {
  const { name, rows, maxRows, onChange } = props;
  const addButton = useRef<HTMLButtonElement>(null);
  const rowId = (index: number) => `${name}-${index + 1}`;
  const focusRow = (index: number) => document.getElementById(rowId(index))?.focus();
  const update = (next: string[], focus?: number) => {
    flushSync(() => onChange(next));
    if (focus !== undefined) focusRow(focus);
  };

  const onKeyDown = (index: number) => (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter' || event.nativeEvent.isComposing) return;
    event.preventDefault();
    if ((rows[index] ?? '').trim() === '') return;
    if (rows[index + 1]?.trim() === '') focusRow(index + 1);
    else if (rows.length < maxRows) update(rows.toSpliced(index + 1, 0, ''), index + 1);
  };

  const onPaste = (index: number) => (event: ClipboardEvent<HTMLInputElement>) => {
    const entries = splitList(event.clipboardData.getData('text'));
    if (entries.length < 2) return;
    const current = rows[index] ?? '';
    const before = rows.slice(0, current.trim() === '' ? index : index + 1);
    const after = rows.slice(index + 1);
    const room = maxRows - before.length - after.length;
    // No room for even one more row: let the browser paste the text into this one.
    if (room < 1) return;
    event.preventDefault();
    // What doesn't fit stays together in the last row, where its error says what to do.
    const fitted =
      entries.length <= room
        ? entries
        : [...entries.slice(0, room - 1), entries.slice(room - 1).join(', ')];
    update([...before, ...fitted, ...after], before.length + fitted.length - 1);
  };

  const remove = (index: number) => {
    const next = rows.toSpliced(index, 1);
    flushSync(() => {
      onChange(next);
      props.onRemoveRow(index);
    });
    if (next.length > 0) focusRow(Math.max(0, index - 1));
    else addButton.current?.focus();
  };

  return (
    <fieldset className="space-y-3">
      <legend className="font-semibold">{props.legend}</legend>
      <p id={`${name}-hint`} className="text-sm text-ink-muted">
        {props.hint}
      </p>
      <ol className="space-y-3">
        {rows.map((row, index) => {
          const id = rowId(index);
          const error = props.errorFor(index);
          const result = props.results[index];
          const describedBy = [
            error ? `${id}-error` : '',
            result?.ok ? `${id}-read` : '',
            `${name}-hint`,
          ]
            .filter(Boolean)
            .join(' ');
          return (
            // Rows have no identity beyond their position, and they hold nothing but text.
            <li key={index} className="space-y-1">
              <label htmlFor={id} className="text-sm font-medium">
                {props.rowLabel(index)}
              </label>
              <div className="flex gap-2">
                <input
                  id={id}
                  name={id}
                  type="text"
                  inputMode={props.inputMode}
                  autoComplete="off"
                  maxLength={ROW_MAX}
                  value={row}
                  placeholder={props.placeholder}
                  onChange={(event) => onChange(rows.with(index, event.target.value))}
                  onKeyDown={onKeyDown(index)}
                  onPaste={onPaste(index)}
                  onBlur={() => props.onBlurRow(index)}
                  aria-invalid={error ? true : undefined}
                  aria-describedby={describedBy || undefined}
                  className={inputClass}
                />
                {rows.length > 1 ? (
                  <Button
                    variant="ghost"
                    aria-label={`Remove ${props.rowLabel(index).toLowerCase()}`}
                    onClick={() => remove(index)}
                  >
                    Remove
                  </Button>
                ) : null}
              </div>
              {error ? (
                <p id={`${id}-error`} className="flex gap-1 text-sm font-medium text-danger">
                  <span aria-hidden="true">⚠</span>
                  <span>{error}</span>
                </p>
              ) : result?.ok ? (
                <p id={`${id}-read`} className="text-sm text-ink-muted">
                  <span aria-hidden="true" className="text-success">
                    ✓{' '}
                  </span>
                  {props.readBack(result.value)}
                </p>
              ) : null}
            </li>
          );
        })}
      </ol>
      <div className="flex flex-wrap gap-2">
        <Button
          ref={addButton}
          disabled={rows.length >= maxRows}
          onClick={() => update([...rows, ''], rows.length)}
        >
          {props.addLabel}
        </Button>
        {props.extra}
      </div>
      {rows.length >= maxRows ? (
        <p className="text-sm text-ink-muted">That’s the most this form takes ({maxRows}).</p>
      ) : null}
    </fieldset>
  );
}
