import { Link } from 'react-router';
import { RichText } from '@/components/ui/rich-text';
import type { TicketContext } from '@/engine/ticket/context';

interface DiagnosisSummaryProps {
  context: TicketContext;
  /** The diagnosis page, to change answers; undefined when there is none. */
  diagnosisHref: string | undefined;
  startHref: string;
}

/** What the request is about, from the wizard's answers. */
export function DiagnosisSummary({ context, diagnosisHref, startHref }: DiagnosisSummaryProps) {
  if (context.answers.length === 0) {
    return (
      <section
        aria-labelledby="diagnosis-heading"
        className="rounded-xl bg-surface-muted p-4 print:hidden"
      >
        <h2 id="diagnosis-heading" className="font-bold">
          No diagnosis yet
        </h2>
        <p className="mt-1">
          Support can act faster when they know what kind of failure it is.{' '}
          <Link to={startHref} className="font-semibold text-accent underline">
            Answer a few questions first
          </Link>
          , or fill in the request below anyway.
        </p>
      </section>
    );
  }
  return (
    <section
      aria-labelledby="diagnosis-heading"
      className="rounded-xl bg-surface-muted p-4 print:hidden"
    >
      <h2 id="diagnosis-heading" className="text-sm font-semibold tracking-wide uppercase">
        About
      </h2>
      <p className="mt-1 text-lg font-bold">
        {context.outcome?.title ?? 'A diagnosis you haven’t finished'}
      </p>
      {context.category ? <p className="text-ink-muted">{context.category.title}</p> : null}
      <details className="mt-2">
        <summary className="cursor-pointer font-medium text-accent">
          Your answers ({context.answers.length})
        </summary>
        <ol className="mt-2 list-decimal space-y-1 pl-6">
          {context.answers.map((step) => (
            <li key={step.question}>
              {step.question} <strong>{step.answer}</strong>
            </li>
          ))}
        </ol>
      </details>
      {context.outcome?.support.include ? (
        <div className="mt-3">
          <h3 className="font-semibold">For this diagnosis, support will also want</h3>
          <ul className="mt-1 list-disc space-y-1 pl-6">
            {context.outcome.support.include.map((item) => (
              <li key={item}>
                <RichText text={item} />
              </li>
            ))}
          </ul>
          <p className="mt-1 text-sm text-ink-muted">
            Put them in the description or error messages.
          </p>
        </div>
      ) : null}
      {diagnosisHref ? (
        <p className="mt-2">
          <Link to={diagnosisHref} className="font-medium text-accent underline">
            Back to the diagnosis
          </Link>
        </p>
      ) : null}
    </section>
  );
}
