import { Checklist } from '@/components/ui/checklist';
import type { Outcome, Procedure } from '@/engine/schema';

interface TriedStepsProps {
  procedure: Procedure;
  outcome: Outcome | undefined;
  ticks: Readonly<Record<string, readonly string[]>>;
  onToggle: (scope: string, id: string) => void;
}

const EMPTY: readonly string[] = [];

/**
 * "Steps I already tried": the same ticks as on the diagnosis and five-step pages, so ticking here
 * ticks there too.
 */
export function TriedSteps({ procedure, outcome, ticks, onToggle }: TriedStepsProps) {
  return (
    <section aria-labelledby="tried-heading" className="space-y-4 print:hidden">
      <div>
        <h2 id="tried-heading" className="text-xl font-bold">
          Steps I already tried
        </h2>
        <p className="text-sm text-ink-muted">
          Tick what you have done. Support won’t ask you to do it again.
        </p>
      </div>
      {outcome ? (
        <div>
          <h3 className="mb-1 font-semibold">Fix steps for this diagnosis</h3>
          <Checklist
            label="Fix steps for this diagnosis"
            items={outcome.steps}
            ticked={ticks[outcome.id] ?? EMPTY}
            onToggle={(id) => onToggle(outcome.id, id)}
          />
        </div>
      ) : null}
      {procedure.steps.map((step) => (
        <div key={step.id}>
          <h3 className="mb-1 font-semibold">{step.title}</h3>
          <Checklist
            label={step.title}
            items={step.checks}
            ticked={ticks.procedure ?? EMPTY}
            onToggle={(id) => onToggle('procedure', id)}
          />
        </div>
      ))}
    </section>
  );
}
