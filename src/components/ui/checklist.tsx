import { useId } from 'react';
import { RichText } from './rich-text';

export interface ChecklistItem {
  id: string;
  text: string;
  detail?: string | undefined;
}

interface ChecklistProps {
  items: readonly ChecklistItem[];
  ticked: readonly string[];
  onToggle: (id: string) => void;
  /** Accessible name of the list, e.g. "Fix steps". */
  label: string;
}

/**
 * An ordered list of steps a person can tick off. Plain checkboxes, so it works with a keyboard, a
 * screen reader, and (without saving) with JavaScript off.
 */
export function Checklist({ items, ticked, onToggle, label }: ChecklistProps) {
  const baseId = useId();
  const done = items.filter((item) => ticked.includes(item.id)).length;
  return (
    <div>
      <p className="mb-3 text-sm text-ink-muted" aria-live="polite">
        {done} of {items.length} done
      </p>
      <ol aria-label={label} className="space-y-2">
        {items.map((item, index) => {
          const inputId = `${baseId}-${item.id}`;
          const checked = ticked.includes(item.id);
          return (
            <li
              key={item.id}
              className="flex gap-3 rounded-lg border border-line bg-surface p-3 has-[:checked]:bg-success-soft print:break-inside-avoid"
            >
              <input
                id={inputId}
                type="checkbox"
                checked={checked}
                onChange={() => onToggle(item.id)}
                className="mt-0.5 size-6 shrink-0 cursor-pointer accent-accent"
              />
              <label htmlFor={inputId} className="min-w-0 flex-1 cursor-pointer">
                <span className="font-medium">
                  <span className="mr-1 text-ink-muted tabular-nums">{index + 1}.</span>
                  <RichText text={item.text} />
                </span>
                {item.detail ? (
                  <span className="mt-1 block text-sm text-ink-muted">
                    <RichText text={item.detail} />
                  </span>
                ) : null}
              </label>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
