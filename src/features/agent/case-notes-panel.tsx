import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Kbd } from '@/components/ui/kbd';
import { inputClass } from '@/components/ui/field';
import { caseNotes } from '@/engine/case-notes';
import { useShortcutsEnabled } from '@/lib/shortcuts';
import { useSession, useSessionLoaded } from '@/stores/session';
import { caseNotesInput, customerLink } from './case-input';
import type { CopyWhat } from './use-case-copy';
import { useClock } from './use-clock';
import type { WizardPlace } from './wizard-place';

/** Copy the case notes (text or Markdown) and the caller's link. */
export function CaseNotesPanel({
  place,
  copy,
  status,
}: {
  place: WizardPlace | undefined;
  copy: (what: CopyWhat) => Promise<void>;
  status: string;
}) {
  const loaded = useSessionLoaded();
  const [previewOpen, setPreviewOpen] = useState(false);
  const [keysOn] = useShortcutsEnabled();
  if (place === undefined) return null;

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
        <Button
          variant="primary"
          disabled={!loaded}
          aria-keyshortcuts={keysOn ? 'y' : undefined}
          onClick={() => void copy('text')}
        >
          Copy case notes
          {keysOn ? <Kbd hint>y</Kbd> : null}
        </Button>
        <Button
          disabled={!loaded}
          aria-keyshortcuts={keysOn ? 'Shift+Y' : undefined}
          onClick={() => void copy('markdown')}
        >
          Copy as Markdown
          {keysOn ? <Kbd hint>Y</Kbd> : null}
        </Button>
      </div>
      <details className="text-sm" onToggle={(event) => setPreviewOpen(event.currentTarget.open)}>
        <summary className="min-h-11 cursor-pointer py-2 font-medium text-accent">
          Preview the case notes
        </summary>
        {loaded && previewOpen ? <Preview place={place} /> : null}
      </details>
      <div className="space-y-1">
        <label htmlFor="caller-link" className="block font-semibold">
          Link for the caller
        </label>
        <p id="caller-link-hint" className="text-sm text-ink-muted">
          Opens the step the call is at in the customer view, without the agent tools.
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
function Preview({ place }: { place: WizardPlace }) {
  const now = useClock();
  const call = useSession((state) => state.call);
  const ticks = useSession((state) => state.ticks);
  const feedback = useSession((state) => state.feedback);
  const draft = useSession((state) => state.draft);
  const session = { call, ticks, feedback, draft };
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
