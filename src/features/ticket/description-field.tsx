import { Field, inputClass } from '@/components/ui/field';
import { LIMITS } from '@/engine/ticket/model';
import { CharacterCount } from './character-count';

interface DescriptionFieldProps {
  value: string;
  error: string | undefined;
  onChange: (value: string) => void;
  onBlur: () => void;
}

/** What happened, in the person's words, with a visible counter. */
export function DescriptionField({ value, error, onChange, onBlur }: DescriptionFieldProps) {
  return (
    <Field
      id="description"
      label="What happened"
      hint="What you expected, what happened instead, since when, and how many calls it affects."
      error={error}
      after={<CharacterCount length={value.length} limit={LIMITS.description} />}
    >
      {(control) => (
        <textarea
          {...control}
          rows={6}
          maxLength={LIMITS.typed}
          value={value}
          onChange={(event) => onChange(event.target.value)}
          onBlur={onBlur}
          className={inputClass}
        />
      )}
    </Field>
  );
}
