import { callPath } from '@/engine/call-path';
import type { CaseNotesInput } from '@/engine/case-notes';
import { draftFields } from '@/engine/ticket/draft-fields';
import { content } from '@/lib/content';
import { addressInMode } from '@/lib/mode';
import { paths } from '@/lib/paths';
import { useSession } from '@/stores/session';
import type { SessionState } from '@/stores/session-store';
import { wizardPlace, type WizardPlace } from './wizard-place';

/** The customer's address of a wizard page, to send to the caller. */
export function customerLink(path: string): string {
  return new URL(addressInMode(import.meta.env.BASE_URL, 'customer', path), window.location.origin)
    .href;
}

/** Everything the case notes say, read from the session at the moment of copying. */
export function caseNotesInput(
  session: Pick<SessionState, 'call' | 'ticks' | 'feedback' | 'draft'>,
  place: WizardPlace,
  now: number,
): CaseNotesInput {
  const call = session.call;
  const { path, earlier } = callPath(content, place.trail, call?.visits ?? []);
  const { node } = place;
  const ticked = node.kind === 'outcome' ? (session.ticks[node.id] ?? []) : [];
  return {
    brand: content.config.brand.name,
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    startedAt: call?.startedAt ?? now,
    endedAt: call?.endedAt ?? null,
    now,
    path,
    earlier,
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
