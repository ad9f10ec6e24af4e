import { Link } from 'react-router';
import { Button } from '@/components/ui/button';
import type { Feedback } from '@/stores/session-store';

interface FeedbackPromptProps {
  feedback: Feedback | undefined;
  onChange: (feedback: Feedback | null) => void;
  procedureHref: string;
  requestHref: string;
}

/** "Did this fix it?" — and, if not, what to do next. */
export function FeedbackPrompt({
  feedback,
  onChange,
  procedureHref,
  requestHref,
}: FeedbackPromptProps) {
  return (
    <section
      aria-labelledby="feedback-heading"
      className="rounded-xl border border-line bg-surface p-4 print:hidden"
    >
      <h2 id="feedback-heading" className="text-lg font-bold">
        Did this fix it?
      </h2>
      <div className="mt-3 flex flex-wrap gap-2">
        <Button
          aria-pressed={feedback === 'fixed'}
          variant={feedback === 'fixed' ? 'primary' : 'secondary'}
          onClick={() => onChange(feedback === 'fixed' ? null : 'fixed')}
        >
          Yes, it’s fixed
        </Button>
        <Button
          aria-pressed={feedback === 'not-fixed'}
          variant={feedback === 'not-fixed' ? 'primary' : 'secondary'}
          onClick={() => onChange(feedback === 'not-fixed' ? null : 'not-fixed')}
        >
          No, it still fails
        </Button>
      </div>
      <div role="status" className="mt-3 empty:hidden">
        {feedback === 'fixed' ? (
          <p>Good to hear. Your ticked steps stay saved in this browser if it comes back.</p>
        ) : feedback === 'not-fixed' ? (
          <p>
            Sorry it’s still failing. Next, work through{' '}
            <Link to={procedureHref} className="font-semibold text-accent underline">
              the five-step check
            </Link>
            , then{' '}
            <Link to={requestHref} className="font-semibold text-accent underline">
              prepare a support request
            </Link>
            .
          </p>
        ) : null}
      </div>
    </section>
  );
}
