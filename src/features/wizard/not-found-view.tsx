import { Link } from 'react-router';
import { buttonVariants } from '@/components/ui/button-variants';
import { PageHeading } from '@/components/ui/page-heading';

interface NotFoundViewProps {
  headline: string;
  detail: string;
  resume?: { href: string; title: string } | undefined;
  homeHref: string;
}

/** A friendly dead end: what went wrong with the link, and ways forward. */
export function NotFoundView({ headline, detail, resume, homeHref }: NotFoundViewProps) {
  return (
    <div>
      <PageHeading>{headline}</PageHeading>
      <p className="mt-3 text-lg text-ink-muted">{detail}</p>
      <div className="mt-6 flex flex-wrap gap-3">
        {resume ? (
          <Link to={resume.href} className={buttonVariants({ variant: 'primary' })}>
            Continue from “{resume.title}”
          </Link>
        ) : null}
        <Link
          to={homeHref}
          className={buttonVariants({ variant: resume ? 'secondary' : 'primary' })}
        >
          Start from the beginning
        </Link>
      </div>
    </div>
  );
}
