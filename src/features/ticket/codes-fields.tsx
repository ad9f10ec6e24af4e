import { Field, inputClass } from '@/components/ui/field';
import { LIMITS } from '@/engine/ticket/model';
import { CharacterCount } from './character-count';
import type { SectionProps } from './section-props';

/** The SIP codes (read back with their reason phrases) and any error text. */
export function CodesFields({ draft, report, onChange, touch, errorFor }: SectionProps) {
  const { values, notes } = report.codes;
  return (
    <section aria-labelledby="codes-heading" className="space-y-5">
      <h2 id="codes-heading" className="text-xl font-bold">
        What you saw
      </h2>
      <Field
        id="codes"
        label="SIP response codes"
        hint="The three-digit codes of the failed calls, like 503 or 480. Separate several with commas."
        error={errorFor('codes')}
        after={
          values.length > 0 || notes.length > 0 ? (
            <>
              {values.length > 0 ? (
                <ul aria-label="Codes understood" className="flex flex-wrap gap-2">
                  {values.map((value) => (
                    <li
                      key={String(value.code)}
                      className="rounded-md bg-surface-muted px-2 py-1 text-ink"
                    >
                      <span className="font-mono font-semibold">{value.code}</span> {value.phrase}
                    </li>
                  ))}
                </ul>
              ) : null}
              {notes.map((note) => (
                <p key={note} className="mt-1">
                  {note}
                </p>
              ))}
            </>
          ) : undefined
        }
      >
        {(control) => (
          <input
            {...control}
            type="text"
            autoComplete="off"
            maxLength={LIMITS.typed}
            value={report.effective.codes}
            placeholder="503, 480"
            onChange={(event) => onChange({ codes: event.target.value })}
            onBlur={() => touch('codes')}
            className={inputClass}
          />
        )}
      </Field>
      <Field
        id="error-text"
        label="Error messages (optional)"
        hint="Anything else your phone system showed: a Reason header, a log line, a recording’s words."
        error={errorFor('errorText')}
        after={<CharacterCount length={draft.errorText.length} limit={LIMITS.errorText} />}
      >
        {(control) => (
          <textarea
            {...control}
            rows={3}
            maxLength={LIMITS.typed}
            value={draft.errorText}
            onChange={(event) => onChange({ errorText: event.target.value })}
            onBlur={() => touch('error-text')}
            className={inputClass}
          />
        )}
      </Field>
    </section>
  );
}
