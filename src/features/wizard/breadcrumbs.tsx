import { Link } from 'react-router';
import type { Crumb } from '@/engine/trail';

interface BreadcrumbsProps {
  crumbs: readonly Crumb[];
  /** Address of the question a crumb answered, so following it lets someone change that answer. */
  hrefFor: (crumb: Crumb) => string;
}

/**
 * The answers so far, as one compact trail (so the diagnosis stays near the top on a phone). Each
 * answer links back to its question to change it; screen readers also hear the question.
 */
export function Breadcrumbs({ crumbs, hrefFor }: BreadcrumbsProps) {
  if (crumbs.length === 0) return null;
  return (
    <nav aria-label="Your answers so far" className="mb-5">
      <h2 className="mb-1 text-xs font-semibold tracking-wide text-ink-muted uppercase">
        Your answers <span className="sr-only">(choose one to change it)</span>
      </h2>
      <ol className="flex flex-wrap items-center gap-x-1 text-sm leading-snug">
        {crumbs.map((crumb, index) => (
          <li key={crumb.index} className="flex items-center gap-x-1">
            {index > 0 ? (
              <span aria-hidden="true" className="text-ink-muted">
                ›
              </span>
            ) : null}
            <Link
              to={hrefFor(crumb)}
              state={{ previousAnswer: crumb.answer.id }}
              className="inline-flex min-h-6 items-center rounded px-1 py-0.5 text-accent underline-offset-2 hover:bg-surface-muted hover:underline"
            >
              <span className="sr-only">{crumb.question.title} </span>
              {crumb.answer.label}
            </Link>
          </li>
        ))}
      </ol>
    </nav>
  );
}
