import { Link } from 'react-router';
import type { Crumb } from '@/engine/trail';

interface BreadcrumbsProps {
  crumbs: readonly Crumb[];
  /** Address of the question a crumb answered, so following it lets someone change that answer. */
  hrefFor: (crumb: Crumb) => string;
}

/** The answers so far; each one goes back to its question to change it. */
export function Breadcrumbs({ crumbs, hrefFor }: BreadcrumbsProps) {
  if (crumbs.length === 0) return null;
  return (
    <nav aria-label="Your answers so far" className="mb-6">
      <h2 className="mb-2 text-xs font-semibold tracking-wide text-ink-muted uppercase">
        Your answers
      </h2>
      <ol className="flex flex-col gap-1.5">
        {crumbs.map((crumb) => (
          <li key={crumb.index}>
            <Link
              to={hrefFor(crumb)}
              state={{ previousAnswer: crumb.answer.id }}
              className="group -mx-2 flex min-h-11 flex-col justify-center rounded-md px-2 py-1 hover:bg-surface-muted"
            >
              <span className="text-sm text-ink-muted">
                <span className="sr-only">Change: </span>
                {crumb.question.title}
              </span>
              <span className="font-medium text-accent underline-offset-2 group-hover:underline">
                {crumb.answer.label}
              </span>
            </Link>
          </li>
        ))}
      </ol>
    </nav>
  );
}
