import { useId, useState, type DragEvent, type Ref, type SubmitEvent } from 'react';
import { Button } from '@/components/ui/button';
import { buttonVariants } from '@/components/ui/button-variants';
import { inputClass } from '@/components/ui/field';
import { cn } from '@/lib/cn';

/** What the file picker offers; any file can still be dropped (the analyzer reads its magic). */
const ACCEPT = '.pcap,.pcapng,.cap,.txt,.log';

interface DropZoneProps {
  onFiles: (files: File[]) => void;
  inputRef?: Ref<HTMLInputElement>;
}

/** Where a capture is dropped or chosen. */
export function DropZone({ onFiles, inputRef }: DropZoneProps) {
  const titleId = useId();
  const hintId = useId();
  const problemId = useId();
  const [dragging, setDragging] = useState(false);
  const [problem, setProblem] = useState(false);

  const over = (event: DragEvent<HTMLElement>) => {
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    setDragging(true);
  };
  const leave = (event: DragEvent<HTMLElement>) => {
    // Moving onto a child fires dragleave too; only leaving the zone itself counts.
    const next = event.relatedTarget;
    if (next instanceof Node && event.currentTarget.contains(next)) return;
    setDragging(false);
  };
  const drop = (event: DragEvent<HTMLElement>) => {
    event.preventDefault();
    setDragging(false);
    const files = [...event.dataTransfer.files];
    setProblem(files.length === 0);
    if (files.length > 0) onFiles(files);
  };

  return (
    // Dropping is a shortcut for pointer users; the file button below is the way in for everyone.
    // eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions
    <section
      aria-labelledby={titleId}
      onDragEnter={over}
      onDragOver={over}
      onDragLeave={leave}
      onDrop={drop}
      className={cn(
        'rounded-xl border-2 border-dashed p-6 text-center transition-colors',
        dragging ? 'border-accent bg-accent-soft' : 'border-line bg-surface',
      )}
    >
      <h2 id={titleId} className="text-xl font-bold">
        Drop a capture here
      </h2>
      <p id={hintId} className="mx-auto mt-1 max-w-prose text-ink-muted">
        A pcap or pcapng file from Wireshark, tcpdump or tshark, or SIP messages saved as text
        (.txt, .log). Up to 2 GB a file; several files are read together.
      </p>
      <label
        className={cn(
          buttonVariants({ variant: 'primary' }),
          'mt-4 cursor-pointer has-focus-visible:outline-3 has-focus-visible:outline-offset-2 has-focus-visible:outline-focus',
        )}
      >
        <input
          ref={inputRef}
          type="file"
          multiple
          accept={ACCEPT}
          aria-describedby={cn(problem && problemId, hintId)}
          className="sr-only"
          onChange={(event) => {
            const files = [...(event.target.files ?? [])];
            // Choosing the same file again must read it again.
            event.target.value = '';
            setProblem(false);
            if (files.length > 0) onFiles(files);
          }}
        />
        Choose capture files
      </label>
      {problem ? (
        <p id={problemId} role="alert" className="mt-3 font-semibold text-danger">
          That wasn’t a file. To analyze text, paste it in the box below.
        </p>
      ) : null}
    </section>
  );
}

interface PasteFormProps {
  text: string;
  onChange: (text: string) => void;
  onSubmit: (text: string) => void;
}

/** "Or paste SIP messages": text read by the same analyzer, kept in memory only. */
export function PasteForm({ text, onChange, onSubmit }: PasteFormProps) {
  const textId = useId();
  const hintId = useId();
  const noteId = useId();
  const problemId = useId();
  const [empty, setEmpty] = useState(false);

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (text.trim() === '') {
      setEmpty(true);
      document.getElementById(textId)?.focus();
      return;
    }
    setEmpty(false);
    onSubmit(text);
  };

  return (
    <form onSubmit={submit} noValidate>
      <label htmlFor={textId} className="block text-lg font-semibold">
        Or paste SIP messages
      </label>
      <p id={hintId} className="text-sm text-ink-muted">
        Whole messages copied from a log or a trace, each starting with a line like{' '}
        <code>INVITE sip:… SIP/2.0</code> or <code>SIP/2.0 503 Service Unavailable</code>.
      </p>
      <textarea
        id={textId}
        rows={6}
        spellCheck={false}
        autoCapitalize="off"
        autoComplete="off"
        aria-describedby={cn(empty && problemId, hintId, noteId)}
        aria-invalid={empty ? true : undefined}
        className={cn(inputClass, 'mt-2 font-mono text-sm')}
        value={text}
        onChange={(event) => {
          onChange(event.target.value);
          if (empty) setEmpty(false);
        }}
      />
      <p id={noteId} className="mt-1 text-sm text-ink-muted">
        What you paste stays in this tab: it is never uploaded, and the text itself isn’t kept after
        a reload. The results are kept in this tab until you close it or choose Clear results.
      </p>
      {empty ? (
        <p id={problemId} role="alert" className="mt-2 flex gap-1 font-semibold text-danger">
          <span aria-hidden="true">⚠</span>
          <span>The box is empty. Paste the SIP messages of a call first, then analyze them.</span>
        </p>
      ) : null}
      <div className="mt-3 flex flex-wrap gap-2">
        <Button type="submit" variant="primary">
          Analyze the text
        </Button>
        {text === '' ? null : (
          <Button
            onClick={() => {
              onChange('');
              setEmpty(false);
              document.getElementById(textId)?.focus();
            }}
          >
            Clear the text
          </Button>
        )}
      </div>
    </form>
  );
}
