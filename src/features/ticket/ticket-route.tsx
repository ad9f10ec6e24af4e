import { useSearchParams } from 'react-router';
import { PageHeading } from '@/components/ui/page-heading';
import { decodePath, trailPath } from '@/engine/path-codec';
import { ticketContext, type TicketContext } from '@/engine/ticket/context';
import { blankDraft, hasTypedText, type TicketDraft } from '@/engine/ticket/model';
import { content } from '@/lib/content';
import { useHydrated } from '@/lib/use-hydrated';
import { usePasteDraft, type PasteLanding } from '@/stores/paste-draft';
import { useSession } from '@/stores/session';
import { OtherDraftNotice } from './other-draft-notice';
import { StaticGuidance } from './static-guidance';
import { TicketForm } from './ticket-form';

/**
 * `/support?from=/never-connects/…`: the support request, prefilled from the answers in `from` (or
 * from the draft's own, when opened without). The draft itself lives in the session store.
 */
export function TicketRoute() {
  const [params] = useSearchParams();
  const interactive = useHydrated();
  const saved = useSession((state) => state.draft);
  const ticks = useSession((state) => state.ticks);
  const saveDraft = useSession((state) => state.saveDraft);
  const clearDraft = useSession((state) => state.clearDraft);
  const toggleStep = useSession((state) => state.toggleStep);

  const from = readFrom(params.get('from'));
  const base = saved ?? newDraft();
  const draft: TicketDraft = from ? { ...base, trail: from } : base;
  const landing = usePasteDraft((state) => state.landing);
  const context = withPastedCode(ticketContext(content, draft.trail), landing);
  const otherDraft =
    saved && from && saved.trail.join('/') !== from.join('/') && hasTypedText(saved)
      ? ticketContext(content, saved.trail)
      : undefined;

  return (
    <article className="space-y-6">
      <header>
        <PageHeading>Prepare a support request</PageHeading>
        <p className="mt-2 text-lg text-ink-muted">
          Everything {content.config.provider.name} support needs to find your failed calls, in one
          go. It stays in this browser until you copy, download or send it.
        </p>
      </header>
      {interactive && otherDraft ? (
        <OtherDraftNotice
          savedAbout={otherDraft.outcome?.title ?? otherDraft.category?.title ?? 'no diagnosis'}
          onStartNew={clearDraft}
          onKeep={() => saveDraft(draft)}
        />
      ) : null}
      {interactive ? (
        <TicketForm
          draft={draft}
          context={context}
          ticks={ticks}
          onChange={(patch) => saveDraft({ ...draft, ...patch })}
          onClear={clearDraft}
          onToggleStep={toggleStep}
          diagnosisHref={context.trail.steps.length > 0 ? trailPath(context.trail) : undefined}
        />
      ) : (
        <StaticGuidance />
      )}
    </article>
  );
}

/** A fresh draft: the configured country, this browser's time zone, one empty row each. */
function newDraft(): TicketDraft {
  return blankDraft(
    content.config.defaultCountry,
    Intl.DateTimeFormat().resolvedOptions().timeZone,
  );
}

/** The answers in `?from=`, or as many of them as still make sense. */
function readFrom(from: string | null): string[] | undefined {
  if (from === null) return undefined;
  const decoded = decodePath(content, from);
  const trail = decoded.ok ? decoded.trail : decoded.error.validPrefix;
  return trail.steps.map((step) => step.answerId);
}

/**
 * A code pasted on the start page belongs in the request about the diagnosis it led to (and any
 * step after it), even when no answer on the way names it, like 486 leading to "busy".
 */
function withPastedCode(context: TicketContext, landing: PasteLanding | undefined): TicketContext {
  if (!landing || context.trail.steps.length === 0) return context;
  const path = trailPath(context.trail);
  const onTheWay = path === landing.path || path.startsWith(`${landing.path}/`);
  if (!onTheWay || context.facts.codes.includes(landing.code)) return context;
  return { ...context, facts: { ...context.facts, codes: [landing.code, ...context.facts.codes] } };
}
