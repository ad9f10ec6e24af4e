import { useId } from 'react';
import { formatSize } from '@/analyzer/analyze-file';
import { Button } from '@/components/ui/button';
import type { AnalyzerFailure, ReadProgress } from './analyzer-store';
import { count, PASTED_NAME, readingLabel } from './format';

/** The progress bar while a capture is read, and the way to stop. */
export function ReadingProgress({
  progress,
  onCancel,
}: {
  progress: ReadProgress;
  onCancel: () => void;
}) {
  const id = useId();
  const { bytesRead, totalBytes, fileName } = progress;
  const pasted = fileName === PASTED_NAME;
  const percent = totalBytes > 0 ? Math.min(100, Math.floor((bytesRead / totalBytes) * 100)) : 0;
  const finishing = totalBytes > 0 && bytesRead >= totalBytes;
  return (
    <div className="rounded-xl border border-line bg-surface p-4">
      <label htmlFor={id} className="block font-semibold break-words">
        {readingLabel(fileName)}
      </label>
      {pasted ? (
        <progress id={id} className="mt-2 h-3 w-full accent-accent" />
      ) : (
        <progress id={id} max={100} value={percent} className="mt-2 h-3 w-full accent-accent" />
      )}
      <p className="mt-1 text-sm text-ink-muted tabular-nums">
        {pasted
          ? 'Reading the messages…'
          : finishing
            ? 'All read; putting the report together…'
            : `${percent} % · ${formatSize(bytesRead)} of ${formatSize(totalBytes)}`}
      </p>
      <Button className="mt-3" onClick={onCancel}>
        Cancel
      </Button>
    </div>
  );
}

/** Why the run stopped, what is wrong and where, and what to do about it. */
export function FailureBox({ error }: { error: AnalyzerFailure }) {
  const tooLarge = error.code === 'too-large';
  const title = error.pasted
    ? 'The pasted text couldn’t be read'
    : error.file === undefined
      ? 'The capture couldn’t be read'
      : tooLarge
        ? `${error.file} is too large`
        : `${error.file} couldn’t be read`;
  const where =
    error.offset === undefined || tooLarge || error.pasted
      ? ''
      : ` (at byte ${count(error.offset)})`;
  const advice = error.pasted
    ? 'Your text is still in the box: check that it holds whole SIP messages, each with its first line, and try again.'
    : tooLarge
      ? ''
      : 'Save the capture as pcap or pcapng from Wireshark (File › Save As) and try again, or paste the SIP messages as text.';
  return (
    <div role="alert" className="rounded-xl border-l-4 border-danger bg-danger-soft p-4">
      <p className="font-bold break-words">{title}</p>
      <p className="mt-1 break-words">
        {error.message}
        {where}
      </p>
      {advice === '' ? null : <p className="mt-2">{advice}</p>}
    </div>
  );
}
