import { isRouteErrorResponse, Link, useRouteError } from 'react-router';
import { Button } from '@/components/ui/button';
import { buttonVariants } from '@/components/ui/button-variants';
import { PageHeading } from '@/components/ui/page-heading';
import { cn } from '@/lib/cn';
import { paths } from '@/lib/paths';

/**
 * Shown instead of a blank page if anything inside a route fails. `standalone` when the layout
 * itself failed, so this has to provide the page's main landmark.
 */
export function RouteError({ standalone = false }: { standalone?: boolean }) {
  const error = useRouteError();
  const detail = isRouteErrorResponse(error)
    ? `${error.status} ${error.statusText}`
    : error instanceof Error
      ? error.message
      : 'Unknown error';
  const Wrapper = standalone ? 'main' : 'div';
  return (
    <Wrapper className={cn(standalone && 'mx-auto w-full max-w-3xl px-4 py-10')}>
      <PageHeading>Something went wrong on this page</PageHeading>
      <p className="mt-3 text-lg text-ink-muted">
        The troubleshooter hit an error it didn’t expect. Your ticked steps are saved in this
        browser. Reloading often helps; if not, start from the beginning.
      </p>
      <p className="mt-2 text-sm text-ink-muted">
        Technical detail: <code>{detail}</code>
      </p>
      <div className="mt-6 flex flex-wrap gap-3">
        <Button variant="primary" onClick={() => window.location.reload()}>
          Reload the page
        </Button>
        <Link to={paths.home} reloadDocument className={buttonVariants({ variant: 'secondary' })}>
          Start from the beginning
        </Link>
      </div>
    </Wrapper>
  );
}
