import type { ReactNode } from 'react';
import { cn } from '@/lib/cn';

/** A key on the keyboard, as shortcut lists and buttons show it. */
export function Kbd({ children, className }: { children: ReactNode; className?: string }) {
  return (
    <kbd
      className={cn(
        'rounded border border-line bg-surface-muted px-1.5 font-mono text-sm font-normal',
        className,
      )}
    >
      {children}
    </kbd>
  );
}
