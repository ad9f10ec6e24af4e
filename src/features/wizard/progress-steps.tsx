import type { Remaining } from '@/engine/graph';
import { cn } from '@/lib/cn';

interface ProgressStepsProps {
  /** Questions already answered. */
  answered: number;
  /** Questions left, counting the current one; zero at a diagnosis. */
  remaining: Remaining;
}

/** "Question 2 of at most 4", with a bar of one segment per question. */
export function ProgressSteps({ answered, remaining }: ProgressStepsProps) {
  const atOutcome = remaining.max === 0;
  const total = answered + remaining.max;
  const text = atOutcome
    ? `Diagnosis reached after ${answered} ${answered === 1 ? 'answer' : 'answers'}`
    : remaining.min === remaining.max
      ? `Question ${answered + 1} of ${total}`
      : `Question ${answered + 1} of at most ${total}`;
  return (
    <div className="mb-4 print:hidden">
      <p className="text-sm font-medium text-ink-muted">{text}</p>
      <div aria-hidden="true" className="mt-2 flex gap-1">
        {Array.from({ length: Math.max(total, 1) }, (_, index) => (
          <span
            key={index}
            className={cn(
              'h-1.5 flex-1 rounded-full',
              index < answered || atOutcome
                ? 'bg-accent'
                : index === answered
                  ? 'bg-accent/50'
                  : 'bg-line',
            )}
          />
        ))}
      </div>
    </div>
  );
}
