import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { inputClass } from '@/components/ui/field';
import { caseNotes } from '@/engine/case-notes';
import { copyText } from '@/lib/clipboard';
import { useClock } from './use-clock';
import { useSession, useSessionLoaded } from '@/stores/session';
import type { SessionState } from '@/stores/session-store';
import { caseNotesInput, customerLink } from './case-input';
import type { WizardPlace } from './wizard-place';

/** Copy the case notes (text or Markdown) and the caller's link. */
export function CaseNotesPanel({ place }: { place: WizardPlace | undefined }) {
  const loaded = useSessionLoaded();
  const [status, setStatus] = useState('');
  const session = useSession((state) => state);
  if (place === undefined) return null;

  const copy = async (what: 'text' | 'markdown' | 'link') => {
    const notes = caseNotes(caseNotesInput(session, place, Date.now()));
    const text = what === 'link' ? customerLink(place.path) : notes[what];
    const label = {
      text: 'Case notes',
      markdown: 'Case notes in Markdown',
      link: 'The caller’s link',
    }[what];
    try {
      await copyText(text);
      setStatus(`${label} copied.`);
    } catch {
      setStatus(
        `The browser didn’t allow copying. Select the ${what === 'link' ? 'link' : 'preview'} and copy it by hand.`,
      );
    }
  };

  return (
    <section aria-labelledby="case-heading" className="space-y-3">
      <h2 id="case-heading" className="text-lg font-bold">
        Case notes
      </h2>
      <p className="text-sm text-ink-muted">
        The call’s times, the caller’s answers, your notes, the diagnosis with the steps tried, and
        the support request if you started one.
      </p>
      <div className="flex flex-wrap gap-2">
        <Button variant="primary" disabled={!loaded} onClick={() => void copy('text')}>
          Copy case notes
        </Button>
        <Button disabled={!loaded} onClick={() => void copy('markdown')}>
          Copy as Markdown
        </Button>
      </div>
      <details className="text-sm">
        <summary className="min-h-11 cursor-pointer py-2 font-medium text-accent">
          Preview the case notes
        </summary>
        {loaded ? <Preview session={session} place={place} /> : null}
      </details>
      <div className="space-y-1">
        <label htmlFor="caller-link" className="block font-semibold">
          Link for the caller
        </label>
        <p id="caller-link-hint" className="text-sm text-ink-muted">
          Opens this step in the customer view, without the agent tools.
        </p>
        <input
          id="caller-link"
          readOnly
          aria-describedby="caller-link-hint"
          value={loaded ? customerLink(place.path) : place.path}
          onFocus={(event) => event.currentTarget.select()}
          className={inputClass}
        />
        <Button onClick={() => void copy('link')} disabled={!loaded}>
          Copy link for the caller
        </Button>
      </div>
      <p role="status" className="text-sm font-medium text-success">
        {status}
      </p>
    </section>
  );
}

/** The notes as they would be copied now; the clock keeps its times current. */
function Preview({ session, place }: { session: SessionState; place: WizardPlace }) {
  const now = useClock();
  return (
    <textarea
      readOnly
      aria-label="Case notes preview"
      rows={12}
      value={caseNotes(caseNotesInput(session, place, now || (session.call?.startedAt ?? 0))).text}
      className="block w-full rounded-lg border border-line bg-surface-muted p-3 font-mono text-xs"
    />
  );
}
