import { RichText } from '@/components/ui/rich-text';
import type { RetryAdvice as Advice } from '@/engine/schema';
import { cn } from '@/lib/cn';

const ADVICE: Record<Advice, { label: string; tone: string; icon: string }> = {
  retry: { label: 'Retrying may help', tone: 'border-success bg-success-soft', icon: '↻' },
  'route-advance': {
    label: 'Send the call to the next route',
    tone: 'border-accent bg-accent-soft',
    icon: '⇢',
  },
  'fix-first': {
    label: 'Fix first, then retry',
    tone: 'border-warning bg-warning-soft',
    icon: '⚠',
  },
  'no-retry': { label: 'Retrying won’t help', tone: 'border-danger bg-danger-soft', icon: '⛔' },
};

/** Whether trying the call again helps, as a short verdict and the reason. */
export function RetryAdvice({ advice, note }: { advice: Advice; note: string }) {
  const { label, tone, icon } = ADVICE[advice];
  return (
    <section aria-labelledby="retry-heading" className={cn('rounded-xl border-l-4 p-4', tone)}>
      <h2 id="retry-heading" className="flex items-center gap-2 text-lg font-bold">
        <span aria-hidden="true">{icon}</span>
        <span>
          <span className="sr-only">Will retrying help? </span>
          {label}
        </span>
      </h2>
      <p className="mt-1">
        <RichText text={note} />
      </p>
    </section>
  );
}
