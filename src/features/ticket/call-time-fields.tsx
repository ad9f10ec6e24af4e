import { Button } from '@/components/ui/button';
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

/** When the failed calls happened, in local time, with the zone in plain view. */
export function CallTimeFields({ draft, report, onChange, touch, errorFor }: SectionProps) {
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
  return (
    <section aria-labelledby="calls-heading" className="space-y-3">
      <h2 id="calls-heading" className="text-xl font-bold">
        When calls failed
      </h2>
      <p className="rounded-lg bg-surface-muted p-3">
        Times are in <strong>{draft.timeZone}</strong>{' '}
        <span className="whitespace-nowrap">(UTC{offset})</span>.
        {draft.timeZone === here ? (
          ' That’s your time zone.'
        ) : (
          <>
            {' '}
            This draft was started in that zone.{' '}
            <Button variant="ghost" onClick={() => onChange({ timeZone: here })}>
              Use my time zone ({here})
            </Button>
          </>
        )}
      </p>
      <RowListField
        name="timestamps"
        legend="Date and time of each failed call"
        hint="Like 2026-11-24 14:05 (year-month-day, 24-hour clock). Seconds help support find the call."
        rowLabel={(index) => `Failed call ${index + 1}`}
        rows={draft.timestamps}
        results={report.timestamps}
        errorFor={(row) => errorFor('timestamps', row)}
        readBack={readBack}
        onChange={(timestamps) => onChange({ timestamps })}
        onBlurRow={(row) => touch(`timestamps-${row + 1}`)}
        addLabel="Add another call"
        maxRows={LIMITS.rows}
        placeholder="2026-11-24 14:05"
        extra={<Button onClick={addNow}>Add the time now</Button>}
      />
    </section>
  );
}
