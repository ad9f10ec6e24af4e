import type { Escalation, Verdict } from '@/engine/ticket/model';
import { cn } from '@/lib/cn';

const TONE: Record<Verdict, { tone: string; icon: string }> = {
  'contact-support': { tone: 'border-success bg-success-soft', icon: '✓' },
  'try-first': { tone: 'border-warning bg-warning-soft', icon: '⚠' },
  'called-party': { tone: 'border-danger bg-danger-soft', icon: '⛔' },
  'not-yet': { tone: 'border-line bg-surface-muted', icon: '…' },
};

/** Whether to contact support now: a one-line verdict, the four conditions, and any caution. */
export function EscalationAdvice({ escalation }: { escalation: Escalation }) {
  const { tone, icon } = TONE[escalation.verdict];
  return (
    <section
      aria-labelledby="escalation-heading"
      className={cn('rounded-xl border-l-4 p-4 print:hidden', tone)}
    >
      <h2 id="escalation-heading" className="text-sm font-semibold tracking-wide uppercase">
        Should you contact support?
      </h2>
      <p className="mt-1 flex gap-2 text-lg font-bold">
        <span aria-hidden="true">{icon}</span>
        <span>{escalation.headline}</span>
      </p>
      {escalation.cautions.length > 0 ? (
        <ul className="mt-2 space-y-1">
          {escalation.cautions.map((caution) => (
            <li key={caution}>{caution}</li>
          ))}
        </ul>
      ) : null}
      <ul aria-label="Reasons to contact support" className="mt-3 space-y-1 text-sm">
        {escalation.conditions.map((condition) => (
          <li key={condition.id} className="flex gap-2">
            <span
              aria-hidden="true"
              className={condition.holds ? 'text-success' : 'text-ink-muted'}
            >
              {condition.holds ? '✓' : '○'}
            </span>
            <span>
              <span className="sr-only">{condition.holds ? 'Applies: ' : 'Does not apply: '}</span>
              {condition.text} <span className="text-ink-muted">{condition.reason}</span>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
