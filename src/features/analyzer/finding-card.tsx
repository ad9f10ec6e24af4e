import { useId } from 'react';
import { Link } from 'react-router';
import type { Evidence, Finding } from '@/analyzer/report';
import { Button } from '@/components/ui/button';
import { buttonVariants } from '@/components/ui/button-variants';
import { count, wallClock } from './format';

/** Evidence lines shown before "Show more". */
const FIRST_EVIDENCE = 5;

interface FindingCardProps {
  finding: Finding;
  /** File names by index, to name the file of each line when several were read. */
  fileNames: readonly string[];
  /** Indexes of files read as text logs, whose evidence counts messages, not frames. */
  textFiles: ReadonlySet<number>;
  timeZone: string;
  /** Whether to ask before replacing a support request in progress. */
  confirming: boolean;
  onPrepare: () => void;
  onReplace: () => void;
  onKeep: () => void;
}

/** A stable ref callback: focuses its element once, when it appears. */
const focusOnMount = (element: HTMLElement | null) => {
  element?.focus();
};

/** One problem the capture shows: what, the evidence frame by frame, and where to go from here. */
export function FindingCard(props: FindingCardProps) {
  const { finding, fileNames, textFiles, timeZone, confirming, onPrepare, onReplace, onKeep } =
    props;
  const evidenceId = useId();
  const confirmId = useId();
  const first = finding.evidence.slice(0, FIRST_EVIDENCE);
  const rest = finding.evidence.slice(FIRST_EVIDENCE);
  const line = (evidence: Evidence) =>
    evidenceLine(evidence, fileNames.length > 1 ? fileNames : [], textFiles, timeZone);
  return (
    <article className="rounded-xl border border-line bg-surface p-5">
      <h3 className="text-lg font-bold">{finding.title}</h3>
      <p className="mt-2">{finding.summary}</p>
      {finding.evidence.length > 0 ? (
        <>
          <p id={evidenceId} className="mt-3 font-semibold">
            Evidence
          </p>
          <ul aria-labelledby={evidenceId} className="mt-1 space-y-1 text-sm">
            {first.map((evidence, index) => (
              <li key={index} className="font-mono break-words">
                {line(evidence)}
              </li>
            ))}
          </ul>
          {rest.length > 0 ? (
            <details className="mt-2 text-sm">
              <summary className="min-h-11 cursor-pointer py-2 font-semibold text-accent">
                Show {rest.length} more
              </summary>
              <ul className="space-y-1">
                {rest.map((evidence, index) => (
                  <li key={index} className="font-mono break-words">
                    {line(evidence)}
                  </li>
                ))}
              </ul>
            </details>
          ) : null}
          {finding.moreEvidence > 0 ? (
            <p className="mt-1 text-sm text-ink-muted">
              And {count(finding.moreEvidence)} more like these, in the saved report’s calls.
            </p>
          ) : null}
        </>
      ) : null}
      <div className="mt-4 flex flex-wrap gap-2">
        <Link to={finding.path} className={buttonVariants({ variant: 'primary' })}>
          Troubleshoot: {finding.outcomeTitle}
        </Link>
        <Button onClick={onPrepare}>Prepare a support request</Button>
      </div>
      {confirming ? (
        <div
          role="group"
          aria-labelledby={confirmId}
          className="mt-4 rounded-lg border-l-4 border-warning bg-warning-soft p-4"
        >
          <p
            id={confirmId}
            ref={focusOnMount}
            tabIndex={-1}
            className="font-semibold focus:outline-none"
          >
            You have a support request in progress. Replace its details with what the capture shows?
          </p>
          <div className="mt-3 flex flex-wrap gap-2">
            <Button variant="primary" onClick={onReplace}>
              Replace
            </Button>
            <Button onClick={onKeep}>Keep mine and open it</Button>
          </div>
        </div>
      ) : null}
    </article>
  );
}

/** "frame 12 · 10:00:01.234 · SIP/2.0 503 Service Unavailable to 10.0.0.1:5060". */
function evidenceLine(
  evidence: Evidence,
  fileNames: readonly string[],
  textFiles: ReadonlySet<number>,
  timeZone: string,
): string {
  const unit = textFiles.has(evidence.file) ? 'message' : 'frame';
  return [
    fileNames[evidence.file],
    evidence.frame === undefined ? undefined : `${unit} ${evidence.frame}`,
    evidence.time === undefined
      ? undefined
      : wallClock(evidence.time, { timeZone, timeOnly: true }),
    evidence.detail,
  ]
    .filter((part) => part !== undefined && part !== '')
    .join(' · ');
}
