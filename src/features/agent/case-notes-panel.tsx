import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { inputClass } from '@/components/ui/field';
import { caseNotes, type CaseNotesInput, type CaseStep } from '@/engine/case-notes';
import { getNode } from '@/engine/graph';
import { answerIds } from '@/engine/path-codec';
import { draftFields } from '@/engine/ticket/draft-fields';
import { copyText } from '@/lib/clipboard';
import { content } from '@/lib/content';
import { addressInMode } from '@/lib/mode';
import { paths } from '@/lib/paths';
import { useClock } from './use-clock';
import { useSession, useSessionLoaded } from '@/stores/session';
import type { SessionState } from '@/stores/session-store';
import { wizardPlace, type WizardPlace } from './wizard-place';

/** The customer's address of a wizard page, to send to the caller. */
export function customerLink(path: string): string {
  return new URL(addressInMode(import.meta.env.BASE_URL, 'customer', path), window.location.origin)
    .href;
}

/** Everything the case notes say, read from the session at the moment of copying. */
function caseNotesInput(session: SessionState, place: WizardPlace, now: number): CaseNotesInput {
  const call = session.call;
  const visits = call?.visits ?? [];
  const ids = answerIds(place.trail);
  const path: CaseStep[] = place.trail.steps.flatMap((step, index) => {
    const question = getNode(content, step.questionId);
    if (question?.kind !== 'question') return [];
    const answer = question.answers.find((each) => each.id === step.answerId);
    const reached = paths.trail(ids.slice(0, index + 1));
    const visit = visits.findLast((each) => each.path === reached);
    return [
      { question: question.title, answer: answer?.label ?? step.answerId, at: visit?.at ?? null },
    ];
  });
  const { node } = place;
  const ticked = node.kind === 'outcome' ? (session.ticks[node.id] ?? []) : [];
  return {
    brand: content.config.brand.name,
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    startedAt: call?.startedAt ?? now,
    endedAt: call?.endedAt ?? null,
    now,
    path,
    current:
      node.kind === 'outcome'
        ? {
            kind: 'outcome',
            title: node.title,
            summary: node.summary,
            steps: node.steps.map((step) => ({
              text: step.text,
              ticked: ticked.includes(step.id),
            })),
            feedback: session.feedback[node.id] ?? null,
          }
        : { kind: 'question', title: node.title },
    notes: (call?.notes ?? []).map(({ at, text }) => ({ at, text })),
    ticket: draftFields(session.draft, content),
    customerLink: customerLink(place.path),
  };
}

/**
 * Where the case stands: this page when it is a wizard page, otherwise the last wizard page the
 * call reached (an agent may be looking up a code), otherwise the start.
 */
export function usePlaceOfCase(current: WizardPlace | undefined): WizardPlace | undefined {
  const lastPath = useSession(
    (state) => state.call?.visits.findLast((visit) => wizardPlace(visit.path) !== undefined)?.path,
  );
  return current ?? wizardPlace(lastPath ?? paths.home);
}

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
    <pre
      tabIndex={0}
      aria-label="Case notes preview"
      className="max-h-80 overflow-auto rounded-lg border border-line bg-surface-muted p-3 font-mono text-xs whitespace-pre-wrap"
    >
      {caseNotes(caseNotesInput(session, place, now || (session.call?.startedAt ?? 0))).text}
    </pre>
  );
}
