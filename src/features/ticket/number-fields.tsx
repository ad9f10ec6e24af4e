import { Field, inputClass } from '@/components/ui/field';
import { countryOptions, type CountryOption } from '@/engine/ticket/countries';
import { LIMITS, type PhoneNumberValue } from '@/engine/ticket/model';
import { RowListField } from './row-list-field';
import type { SectionProps } from './section-props';

let cached: CountryOption[] | undefined;
/** The list is the same on every render; build it once. */
function countries(): CountryOption[] {
  cached ??= countryOptions();
  return cached;
}

function readBack(value: PhoneNumberValue) {
  return (
    <>
      Reads as <span className="font-mono">{value.e164}</span>
    </>
  );
}

/** The number called from, the numbers called, and how to read numbers without a "+". */
export function NumberFields(props: SectionProps) {
  const { draft, report, onChange, touch, errorFor } = props;
  const origin = report.origin;
  return (
    <section aria-labelledby="numbers-heading" className="space-y-5">
      <h2 id="numbers-heading" className="text-xl font-bold">
        Numbers
      </h2>
      <Field
        id="country"
        label="Numbers without a country code are in"
        hint="Numbers that start with + or 00 are read as international whatever you pick."
      >
        {(control) => (
          <select
            {...control}
            value={draft.country}
            onChange={(event) => onChange({ country: event.target.value })}
            className={inputClass}
          >
            {countries().map((country) => (
              <option key={country.code} value={country.code}>
                {country.label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        id="origin"
        label="Number you called from"
        hint="The calling number (ANI) your system sends."
        error={errorFor('origin')}
        after={origin?.ok ? readBack(origin.value) : undefined}
      >
        {(control) => (
          <input
            {...control}
            type="text"
            inputMode="tel"
            autoComplete="off"
            maxLength={LIMITS.typed}
            value={draft.origin}
            placeholder="+1 919 555 0100"
            onChange={(event) => onChange({ origin: event.target.value })}
            onKeyDown={(event) => {
              if (event.key === 'Enter') {
                event.preventDefault();
                document.getElementById('destinations-1')?.focus();
              }
            }}
            onBlur={() => touch('origin')}
            className={inputClass}
          />
        )}
      </Field>
      <RowListField
        name="destinations"
        legend="Numbers you called"
        hint="One per row. Enter adds a row; pasting a list fills several."
        rowLabel={(index) => `Called number ${index + 1}`}
        rows={draft.destinations}
        results={report.destinations}
        errorFor={(row) => errorFor('destinations', row)}
        readBack={readBack}
        onChange={(destinations) => onChange({ destinations })}
        onBlurRow={(row) => touch(`destinations-${row + 1}`)}
        onRemoveRow={(row) => props.forgetRow('destinations', row)}
        addLabel="Add another number"
        maxRows={LIMITS.rows}
        placeholder="+44 20 7946 0958"
        inputMode="tel"
      />
    </section>
  );
}
