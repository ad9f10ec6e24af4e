import { cn } from '@/lib/cn';

interface ChoiceGroupProps<T extends string> {
  name: string;
  legend: string;
  hint?: string | undefined;
  options: readonly { value: T; label: string }[];
  value: T | null;
  onChange: (value: T) => void;
  className?: string;
}

/** A set of radio buttons under one legend: one choice, arrow keys move between them. */
export function ChoiceGroup<T extends string>(props: ChoiceGroupProps<T>) {
  const { name, legend, hint, options, value, onChange, className } = props;
  const hintId = hint ? `${name}-hint` : undefined;
  return (
    <fieldset className={cn('space-y-2', className)} aria-describedby={hintId}>
      <legend className="font-semibold">{legend}</legend>
      {hint ? (
        <p id={hintId} className="text-sm text-ink-muted">
          {hint}
        </p>
      ) : null}
      <div className="flex flex-wrap gap-2">
        {options.map((option) => (
          <label
            key={option.value}
            className="inline-flex min-h-11 cursor-pointer items-center gap-2 rounded-lg border border-line bg-surface px-3 py-2 has-checked:border-accent has-checked:bg-accent-soft has-checked:font-semibold"
          >
            <input
              type="radio"
              name={name}
              value={option.value}
              checked={value === option.value}
              onChange={() => onChange(option.value)}
              className="size-5 shrink-0 cursor-pointer accent-accent"
            />
            {option.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
