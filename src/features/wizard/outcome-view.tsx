import { Link } from 'react-router';
import { Button } from '@/components/ui/button';
import { Checklist } from '@/components/ui/checklist';
import { PageHeading } from '@/components/ui/page-heading';
import { RichText } from '@/components/ui/rich-text';
import type { Config, Outcome, Support } from '@/engine/schema';
import { paths } from '@/lib/paths';
import type { Feedback } from '@/stores/session-store';
import { FeedbackPrompt } from './feedback-prompt';
import { RetryAdvice } from '@/components/retry-advice';
import { SupportAdvice } from './support-advice';

export interface RelatedLink {
  id: string;
  title: string;
  href: string;
}

interface OutcomeViewProps {
  outcome: Outcome;
  support: Support;
  provider: Config['provider'];
  ticked: readonly string[];
  onToggleStep: (stepId: string) => void;
  feedback: Feedback | undefined;
  onFeedback: (feedback: Feedback | null) => void;
  related: readonly RelatedLink[];
  /** The SIP codes this diagnosis explains, each linking to its code page. */
  codeLinks: readonly { label: string; href: string }[];
  procedureHref: string;
  requestHref: string;
  /** Controls that need JavaScript appear once the page is interactive. */
  interactive: boolean;
}

/** A diagnosis: what it means, why, the steps to fix it, retry advice and when to get help. */
export function OutcomeView(props: OutcomeViewProps) {
  const { outcome, support, provider, interactive } = props;
  const conditions = support.conditions.filter((c) =>
    outcome.support.when.some((id) => id === c.id),
  );
  return (
    <article className="space-y-6">
      <header>
        <p className="text-sm font-semibold tracking-wide text-accent uppercase">Diagnosis</p>
        <PageHeading className="mt-1">{outcome.title}</PageHeading>
      </header>

      <section aria-labelledby="meaning-heading">
        <h2 id="meaning-heading" className="text-xl font-bold">
          What this means
        </h2>
        <p className="mt-2 text-lg">
          <RichText text={outcome.summary} />
        </p>
        <h2 className="mt-4 text-xl font-bold">Why it happens</h2>
        <p className="mt-2">
          <RichText text={outcome.cause} />
        </p>
      </section>

      <RetryAdvice advice={outcome.retry.advice} note={outcome.retry.note} />

      <section aria-labelledby="fix-heading">
        <h2 id="fix-heading" className="mb-1 text-xl font-bold">
          How to fix it
        </h2>
        <Checklist
          label="Fix steps"
          items={outcome.steps}
          ticked={props.ticked}
          onToggle={props.onToggleStep}
        />
        {outcome.steps.some((step) => step.id.startsWith('capture-')) ? (
          <p className="mt-3 text-sm print:hidden">
            Got the capture?{' '}
            <Link to={paths.analyze} className="font-semibold text-accent underline">
              Analyze a capture
            </Link>{' '}
            reads it in your browser, without uploading it, and shows what it found.
          </p>
        ) : null}
      </section>

      {interactive ? (
        <FeedbackPrompt
          feedback={props.feedback}
          onChange={props.onFeedback}
          procedureHref={props.procedureHref}
          requestHref={props.requestHref}
        />
      ) : null}

      <SupportAdvice
        conditions={conditions}
        note={outcome.support.note}
        checklist={support.checklist}
        extras={outcome.support.include ?? []}
        provider={provider}
        subject={`Failed calls: ${outcome.title}`}
        requestHref={props.requestHref}
      />

      <section aria-labelledby="more-heading" className="print:hidden">
        <h2 id="more-heading" className="text-xl font-bold">
          Still stuck?
        </h2>
        <ul className="mt-2 space-y-1">
          <li>
            <Link
              to={props.procedureHref}
              className="inline-flex min-h-11 items-center font-semibold text-accent underline"
            >
              Work through the five-step check
            </Link>
          </li>
          {props.codeLinks.map((link) => (
            <li key={link.href}>
              <Link
                to={link.href}
                className="inline-flex min-h-11 items-center text-accent underline"
              >
                What {link.label} means
              </Link>
            </li>
          ))}
          {props.related.map((link) => (
            <li key={link.id}>
              <Link
                to={link.href}
                className="inline-flex min-h-11 items-center text-accent underline"
              >
                <span className="sr-only">Related diagnosis: </span>
                {link.title}
              </Link>
            </li>
          ))}
        </ul>
        {interactive ? (
          <Button className="mt-3" onClick={() => window.print()}>
            Print or save as PDF
          </Button>
        ) : null}
      </section>
    </article>
  );
}
