import { Button } from '@/components/ui/button';
import { Field, inputClass } from '@/components/ui/field';
import { LIMITS, type TimestampValue } from '@/engine/ticket/model';
import { formatOffset, localNow } from '@/engine/ticket/timestamp';
import { RowListField } from './row-list-field';
import type { SectionProps } from './section-props';

function readBack(value: TimestampValue) {
  return (
    <>
      Saved as <span className="font-mono">{value.utc}</span> (UTC)
    </>
  );
}

let zones: string[] | undefined;
/** Every IANA zone the browser knows, plus the draft's own in case it isn't among them. */
function zoneOptions(current: string): string[] {
  zones ??= Intl.supportedValuesOf('timeZone');
  return zones.includes(current) ? zones : [current, ...zones];
}

/** A time with a date written out never changes meaning; "14:05" or "yesterday …" would. */
const HAS_DATE = /^\s*\d{4}[-/]/;

/** When the failed calls happened, in local time, with the zone in plain view and choosable. */
export function CallTimeFields(props: SectionProps) {
  const { draft, report, onChange, touch, errorFor } = props;
  const here = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const offset = formatOffset(draft.timeZone, new Date());
  const addNow = () => {
    const now = localNow(new Date(), draft.timeZone);
    const empty = draft.timestamps.findIndex((row) => row.trim() === '');
    const timestamps =
      empty === -1
        ? [...draft.timestamps, now].slice(0, LIMITS.rows)
        : draft.timestamps.with(empty, now);
    onChange({ timestamps });
  };
  // On leaving a row, "14:05" becomes "2026-11-24 14:05:00", so tomorrow it still means today.
  const onBlurRow = (row: number) => {
    touch(`timestamps-${row + 1}`);
    const result = report.timestamps[row];
    const text = draft.timestamps[row] ?? '';
    if (result?.ok && !HAS_DATE.test(text)) {
      onChange({ timestamps: draft.timestamps.with(row, result.value.local) });
    }
  };
  return (
    <section aria-labelledby="calls-heading" className="space-y-3">
      <h2 id="calls-heading" className="text-xl font-bold">
        When calls failed
      </h2>
      <Field
        id="time-zone"
        label="Time zone of these times"
        hint={
          <>
            Now UTC{offset} there.{' '}
            {draft.timeZone === here ? (
              'It’s your device’s time zone.'
            ) : (
              <>
                Your device is set to {here}.{' '}
                <Button variant="ghost" onClick={() => onChange({ timeZone: here })}>
                  Use {here}
                </Button>
              </>
            )}
          </>
        }
      >
        {(control) => (
          <select
            {...control}
            value={draft.timeZone}
            onChange={(event) => onChange({ timeZone: event.target.value })}
            className={inputClass}
          >
            {zoneOptions(draft.timeZone).map((zone) => (
              <option key={zone} value={zone}>
                {zone}
              </option>
            ))}
          </select>
        )}
      </Field>
      <RowListField
        name="timestamps"
        legend="Date and time of each failed call"
        hint={`Like 2026-11-24 14:05 (year-month-day, 24-hour clock), in ${draft.timeZone}. “14:05” means today. Seconds help support find the call.`}
        rowLabel={(index) => `Failed call ${index + 1}`}
        rows={draft.timestamps}
        results={report.timestamps}
        errorFor={(row) => errorFor('timestamps', row)}
        readBack={readBack}
        onChange={(timestamps) => onChange({ timestamps })}
        onBlurRow={onBlurRow}
        onRemoveRow={(row) => props.forgetRow('timestamps', row)}
        addLabel="Add another call"
        maxRows={LIMITS.rows}
        placeholder="2026-11-24 14:05"
        extra={<Button onClick={addNow}>Add the time now</Button>}
      />
    </section>
  );
}
