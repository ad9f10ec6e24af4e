import type { ReactNode } from 'react';
import { cn } from '@/lib/cn';

/**
 * The page's one h1. It can take focus (tabIndex -1) so that, after each step, focus moves here and
 * a screen reader reads the new question or diagnosis first.
 */
export function PageHeading({
  children,
  size = 'page',
  className,
}: {
  children: ReactNode;
  /** `hero` for the start page's question. */
  size?: 'page' | 'hero';
  className?: string | undefined;
}) {
  return (
    <h1
      tabIndex={-1}
      data-page-heading=""
      className={cn(
        'font-bold tracking-tight text-balance',
        size === 'hero' ? 'text-3xl sm:text-4xl' : 'text-2xl sm:text-3xl',
        className,
      )}
    >
      {children}
    </h1>
  );
}
