import { Link } from 'react-router';
import { SupportChecklist } from '@/components/support-checklist';
import { buttonVariants } from '@/components/ui/button-variants';
import { RichText } from '@/components/ui/rich-text';
import type { Config, Support } from '@/engine/schema';

interface SupportAdviceProps {
  conditions: Support['conditions'];
  note?: string | undefined;
  checklist: Support['checklist'];
  extras: readonly string[];
  provider: Config['provider'];
  subject: string;
  /** The support request page, prefilled with this diagnosis. */
  requestHref: string;
}

/** When contacting support is worth it for this diagnosis, what to send, and where. */
export function SupportAdvice({
  conditions,
  note,
  checklist,
  extras,
  provider,
  subject,
  requestHref,
}: SupportAdviceProps) {
  const mailto = `mailto:${provider.supportEmail}?subject=${encodeURIComponent(subject)}`;
  return (
    <section
      aria-labelledby="support-heading"
      className="rounded-xl border border-line bg-surface p-4 sm:p-5"
    >
      <h2 id="support-heading" className="text-xl font-bold">
        When to contact {provider.name} support
      </h2>
      <p className="mt-2">Contact support if the steps above didn’t help and:</p>
      <ul className="mt-2 list-disc space-y-1 pl-6">
        {conditions.map((condition) => (
          <li key={condition.id}>
            <RichText text={condition.text} />
          </li>
        ))}
      </ul>
      {note ? (
        <p className="mt-3 rounded-lg bg-surface-muted p-3">
          <RichText text={note} />
        </p>
      ) : null}

      <h3 className="mt-5 text-lg font-bold">What to include</h3>
      <SupportChecklist items={checklist} extras={extras} />

      <p className="mt-5">
        <Link to={requestHref} className={buttonVariants({ variant: 'primary' })}>
          Prepare a support request
        </Link>
      </p>
      <p className="mt-2 text-sm text-ink-muted">
        It fills in what you’ve told us so far, checks the numbers, times and codes, and tells you
        whether it’s time to contact support.
      </p>

      <p className="mt-5">
        Or email{' '}
        <a href={mailto} className="font-semibold break-all text-accent underline">
          {provider.supportEmail}
        </a>
        {provider.supportUrl ? (
          <>
            {' '}
            or visit{' '}
            <a
              href={provider.supportUrl}
              className="font-semibold break-all text-accent underline"
              rel="noopener"
            >
              the {provider.name} support site
            </a>
          </>
        ) : null}
        . This opens your own email app; nothing is sent until you send it.
      </p>
    </section>
  );
}
