import { useId } from 'react';
import { Link } from 'react-router';
import { PageHeading } from '@/components/ui/page-heading';
import { RichText } from '@/components/ui/rich-text';
import type { Answer, Question } from '@/engine/schema';
import { cn } from '@/lib/cn';
import { useAgentAssist } from '@/lib/mode';
import { useShortcutsEnabled } from '@/lib/shortcuts';

interface QuestionViewProps {
  question: Question;
  /** The start page shows its answers as large symptom cards. */
  isStart: boolean;
  answerHref: (answer: Answer) => string;
  /** The answer chosen before, when someone came back to change it. */
  previousAnswerId?: string | undefined;
}

export function QuestionView({
  question,
  isStart,
  answerHref,
  previousAnswerId,
}: QuestionViewProps) {
  // Agent mode adds the words to say, what to listen for, and a number key per answer.
  const agent = useAgentAssist();
  const [keysOn] = useShortcutsEnabled();
  return (
    <div>
      <PageHeading size={isStart ? 'hero' : 'page'}>{question.title}</PageHeading>
      {question.help ? (
        <p className="mt-2 text-lg text-ink-muted">
          <RichText text={question.help} />
        </p>
      ) : null}
      {agent?.script(question.id)}
      <ul
        id={isStart ? 'symptoms' : undefined}
        className={cn('mt-6 grid gap-3', isStart && 'sm:grid-cols-2 sm:gap-4')}
        aria-label="Answers"
      >
        {question.answers.map((answer, index) => (
          <AnswerChoice
            key={answer.id}
            answer={answer}
            href={answerHref(answer)}
            large={isStart}
            previous={answer.id === previousAnswerId}
            shortcut={agent !== null && keysOn ? String(index + 1) : undefined}
          />
        ))}
      </ul>
    </div>
  );
}

function AnswerChoice({
  answer,
  href,
  large,
  previous,
  shortcut,
}: {
  answer: Answer;
  href: string;
  large: boolean;
  previous: boolean;
  /** The number key that chooses this answer, in agent mode. */
  shortcut?: string | undefined;
}) {
  const id = useId();
  const describedBy = [answer.hint ? `${id}-hint` : '', previous ? `${id}-previous` : '']
    .filter(Boolean)
    .join(' ');
  // The card is one big target: the link's ::after covers it (a "stretched link"), while the
  // link's own text stays just the label, so its accessible name matches what it says.
  return (
    <li
      className={cn(
        'group relative flex h-full items-center gap-3 rounded-xl border-2 bg-surface transition-colors hover:border-accent hover:bg-accent-soft has-[a:focus-visible]:outline-3 has-[a:focus-visible]:outline-offset-2 has-[a:focus-visible]:outline-focus',
        large ? 'min-h-28 p-5' : 'min-h-14 px-4 py-3',
        previous ? 'border-accent' : 'border-line',
      )}
    >
      {shortcut === undefined ? null : (
        <kbd
          aria-hidden="true"
          className="flex size-8 shrink-0 items-center justify-center rounded-md border border-line bg-surface-muted font-mono font-bold"
        >
          {shortcut}
        </kbd>
      )}
      <span className="min-w-0 flex-1">
        <Link
          to={href}
          aria-keyshortcuts={shortcut?.length === 1 ? shortcut : undefined}
          aria-describedby={describedBy || undefined}
          className={cn(
            'block font-semibold outline-none after:absolute after:inset-0 after:rounded-xl',
            large && 'text-lg',
          )}
        >
          {answer.label}
        </Link>
        {answer.hint ? (
          <span id={`${id}-hint`} className="mt-1 block text-sm text-ink-muted">
            {answer.hint}
          </span>
        ) : null}
        {previous ? (
          <span
            id={`${id}-previous`}
            className="mt-2 inline-block rounded bg-accent-soft px-2 py-0.5 text-xs font-semibold text-accent"
          >
            Your earlier answer
          </span>
        ) : null}
      </span>
      <span
        aria-hidden="true"
        className="text-xl text-accent transition-transform group-hover:translate-x-0.5"
      >
        →
      </span>
    </li>
  );
}
