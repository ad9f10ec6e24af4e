import type { ReactNode } from 'react';
import { cn } from '@/lib/cn';

/** A key on the keyboard, as shortcut lists and buttons show it; it takes the colour of its text. */
export function Kbd({
  children,
  className,
  hint = false,
}: {
  children: ReactNode;
  className?: string;
  /** A hint on a control that names its key itself (aria-keyshortcuts): hidden from its name. */
  hint?: boolean;
}) {
  return (
    <kbd
      aria-hidden={hint || undefined}
      className={cn(
        'rounded border border-current px-1.5 font-mono text-sm font-normal',
        className,
      )}
    >
      {children}
    </kbd>
  );
}
