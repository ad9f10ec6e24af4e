import { useEffect, useId, useRef, type ReactNode } from 'react';
import { cn } from '@/lib/cn';
import { Button } from '@/components/ui/button';

interface DialogProps {
  title: string;
  onClose: () => void;
  children: ReactNode;
  className?: string;
  /** What takes focus when it opens (a CSS selector inside it); the Close button otherwise. */
  initialFocus?: string;
  bodyClassName?: string;
}

/**
 * A modal dialog on the browser's own <dialog>: it traps focus, closes on Escape, makes the page
 * behind it inert, and gives focus back to whatever opened it when it closes.
 */
export function Dialog({
  title,
  onClose,
  children,
  className,
  initialFocus,
  bodyClassName,
}: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    const opener = document.activeElement;
    dialog?.showModal();
    if (initialFocus !== undefined) {
      const target = dialog?.querySelector<HTMLElement>(initialFocus);
      target?.focus();
      target?.scrollIntoView({ block: 'center', inline: 'center' });
    }
    return () => {
      dialog?.close();
      if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
    };
    // Opening is a one-off: a new selector later must not reopen the dialog.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      // "close" arrives a moment later; a dialog opened again since (StrictMode) stays open.
      onClose={() => {
        if (ref.current?.open !== true) onClose();
      }}
      className={cn(
        'm-auto max-h-[92dvh] w-[min(96vw,40rem)] overflow-auto rounded-xl border border-line bg-surface p-0 text-ink shadow-xl backdrop:bg-black/50',
        className,
      )}
    >
      <div className="sticky top-0 z-10 flex items-center justify-between gap-3 border-b border-line bg-surface px-4 py-3">
        <h2 id={titleId} className="text-lg font-bold">
          {title}
        </h2>
        <Button onClick={onClose}>Close</Button>
      </div>
      <div className={cn('p-4', bodyClassName)}>{children}</div>
    </dialog>
  );
}
