import { Link } from 'react-router';
import { paths } from '@/lib/paths';
import type { PasteSummary } from './paste-summary-state';

/** "From what you pasted": the code, phrase and Reason the paste box read, above the step it chose. */
export function PasteSummaryView({ summary }: { summary: PasteSummary }) {
  const { q850 } = summary;
  return (
    <section
      aria-labelledby="pasted-heading"
      className="mb-6 rounded-xl border-l-4 border-accent bg-accent-soft p-4"
    >
      <h2 id="pasted-heading" tabIndex={-1} data-focus-first="" className="font-bold">
        From what you pasted
      </h2>
      <dl className="mt-2 grid gap-x-4 gap-y-1 sm:grid-cols-[max-content_1fr]">
        <dt className="font-semibold">SIP response</dt>
        <dd>
          <Link to={paths.code(summary.code)} className="text-accent underline underline-offset-4">
            <span className="tabular-nums">{summary.code}</span> {summary.phrase}
          </Link>
          {summary.typical ? ' (the typical code for this cause)' : null}
          {summary.writtenPhrase ? (
            <span className="block text-sm text-ink-muted">
              Your message says “{summary.writtenPhrase}”.
            </span>
          ) : null}
        </dd>
        {q850 ? (
          <>
            <dt className="font-semibold">Q.850 cause</dt>
            <dd>
              <span className="tabular-nums">{q850.cause}</span>
              {q850.name ? ` ${q850.name}` : ' (not in our table)'}
              {q850.typicalSip === undefined ? null : (
                <span className="block text-sm text-ink-muted">
                  Typically sent as SIP {q850.typicalSip}; providers differ.
                </span>
              )}
            </dd>
          </>
        ) : null}
        {summary.reasons.length > 0 ? (
          <>
            <dt className="font-semibold">Reason</dt>
            <dd>
              <ul>
                {summary.reasons.map((reason) => (
                  <li key={reason}>
                    <code className="break-all">{reason}</code>
                  </li>
                ))}
              </ul>
            </dd>
          </>
        ) : null}
      </dl>
      {summary.notes.length > 0 ? (
        <ul className="mt-2 list-disc space-y-1 pl-6 text-sm">
          {summary.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      ) : null}
      {summary.others.length > 0 ? (
        <p className="mt-2 text-sm">
          Also in your paste:{' '}
          {summary.others.map((other, index) => (
            <span key={other.code}>
              {index > 0 ? ', ' : null}
              <Link
                to={paths.code(other.code)}
                className="text-accent underline underline-offset-4"
              >
                {other.code}
                {other.phrase ? ` ${other.phrase}` : ''}
              </Link>
            </span>
          ))}
        </p>
      ) : null}
    </section>
  );
}
