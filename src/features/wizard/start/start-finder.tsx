import { lazy, Suspense } from 'react';
import { Link } from 'react-router';
import { LoadBoundary } from '@/components/load-boundary';
import { paths } from '@/lib/paths';
import { useHydrated } from '@/lib/use-hydrated';

// Both boxes need JavaScript, so they load after the page is interactive, off the critical path.
const Finder = lazy(() => import('./finder'));

/**
 * The start page's other ways in: paste a code or log, or search by symptom. Both need JavaScript;
 * until it runs (or without it) the code list, which works as plain pages, stands in.
 */
export function StartFinder() {
  const hydrated = useHydrated();
  const fallback = (
    <section aria-labelledby="finder-heading" className="mt-10">
      <h2 id="finder-heading" className="text-xl font-bold">
        Start from a code
      </h2>
      <p className="mt-2">
        Got a SIP response code, like 503 or 608?{' '}
        <Link to={paths.codes()} className="font-semibold text-accent underline underline-offset-4">
          Look it up in the SIP code list
        </Link>
        .
      </p>
    </section>
  );
  if (!hydrated) return fallback;
  return (
    <LoadBoundary fallback={fallback}>
      <Suspense fallback={fallback}>
        <Finder />
      </Suspense>
    </LoadBoundary>
  );
}
