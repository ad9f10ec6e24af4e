import { useEffect, useId, useRef, useState, type SubmitEvent } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { Button } from '@/components/ui/button';
import { inputClass } from '@/components/ui/field';
import { cn } from '@/lib/cn';
import { paths } from '@/lib/paths';
import { usePasteDraft } from '@/stores/paste-draft';

/** The id the "Paste a code" link and the `/` shortcut aim at. */
export const PASTE_ID = 'paste';

type Status = { kind: 'idle' } | { kind: 'reading' } | { kind: 'problem'; message: string };

/**
 * "Start from a code": one box for a code, a log line, a Reason header or whole SIP messages. It
 * reads the paste in the browser (the reader loads on first use) and goes straight to the step it
 * leads to, carrying what it understood. Nothing pasted leaves the browser.
 */
export function PasteBox() {
  const text = usePasteDraft((state) => state.text);
  const setText = usePasteDraft((state) => state.setText);
  const setLanding = usePasteDraft((state) => state.setLanding);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const navigate = useNavigate();
  const { hash } = useLocation();
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const hintId = useId();
  const problemId = useId();

  // `/#paste` (the header link, the `/` shortcut) lands here ready to paste.
  useEffect(() => {
    if (hash === `#${PASTE_ID}`) textareaRef.current?.focus();
  }, [hash]);

  const onSubmit = async (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    setStatus({ kind: 'reading' });
    try {
      const { readPaste } = await import('./read-paste');
      const reading = readPaste(text);
      if (reading.ok) {
        setStatus({ kind: 'idle' });
        setLanding({ code: reading.code, path: reading.href });
        void navigate(reading.href, { state: { pasted: reading.summary } });
      } else {
        setStatus({ kind: 'problem', message: reading.reason });
        textareaRef.current?.focus();
      }
    } catch {
      setStatus({
        kind: 'problem',
        message:
          'The reader couldn’t load. Check your connection and press the button again; what you pasted is still here.',
      });
    }
  };

  const problem = status.kind === 'problem' ? status.message : undefined;
  return (
    <section aria-labelledby="paste-heading" className="mt-10">
      <h2 id="paste-heading" className="text-xl font-bold">
        Start from a code or a log
      </h2>
      <form className="mt-2" onSubmit={(event) => void onSubmit(event)}>
        <label htmlFor={PASTE_ID} className="block font-semibold">
          Paste a SIP code, a log line or SIP messages
        </label>
        <p id={hintId} className="text-sm text-ink-muted">
          Like <code>503</code>, <code>SIP/2.0 608 Rejected</code>,{' '}
          <code>Reason: Q.850;cause=34</code>, or a whole call copied from a trace. It is read here,
          in your browser, and never sent anywhere.
        </p>
        <textarea
          ref={textareaRef}
          id={PASTE_ID}
          rows={4}
          spellCheck={false}
          autoCapitalize="off"
          autoComplete="off"
          aria-describedby={cn(problem && problemId, hintId)}
          aria-invalid={problem ? true : undefined}
          className={cn(inputClass, 'mt-2 font-mono text-sm')}
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            if (status.kind === 'problem') setStatus({ kind: 'idle' });
          }}
        />
        {problem ? (
          <p id={problemId} role="alert" className="mt-2 font-semibold text-danger">
            {problem}{' '}
            <a href="#symptoms" className="text-accent underline underline-offset-4">
              Show me the four symptoms
            </a>
          </p>
        ) : null}
        <div className="mt-3 flex flex-wrap gap-2">
          <Button type="submit" variant="primary" disabled={status.kind === 'reading'}>
            Find the diagnosis
          </Button>
          {text === '' ? null : (
            <Button
              type="button"
              onClick={() => {
                setText('');
                setStatus({ kind: 'idle' });
                textareaRef.current?.focus();
              }}
            >
              Clear
            </Button>
          )}
        </div>
      </form>
      <p className="mt-3 text-sm text-ink-muted">
        Have a packet capture (pcap)?{' '}
        <Link to={paths.analyze} className="font-semibold text-accent underline">
          Analyze a capture
        </Link>{' '}
        reads it in your browser.
      </p>
    </section>
  );
}
