import type { ReactNode } from 'react';

/**
 * A table that may be wider than a phone: it scrolls sideways inside this box, which keyboard
 * users can reach (Tab) and scroll (arrow keys), and which screen readers announce by its label.
 */
export function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div
      role="region"
      aria-label={label}
      // A scrolling box must be reachable by keyboard to be scrolled (WCAG 2.1.1).
      // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
      tabIndex={0}
      className="relative mt-3 overflow-x-auto rounded-lg border border-line bg-surface"
    >
      {children}
    </div>
  );
}

/** The look of table cells, shared by the analyzer's tables. */
export const cellClass = 'px-3 py-2 align-top';
export const headClass = 'px-3 py-2 text-left align-bottom font-semibold whitespace-nowrap';
