import { useLocation, useParams } from 'react-router';
import { getNode, type Trail } from '@/engine/graph';
import { answerIds, trailPath } from '@/engine/path-codec';
import type { Answer, Outcome } from '@/engine/schema';
import { announce } from '@/lib/app-events';
import { canonicalTrail, content } from '@/lib/content';
import { paths } from '@/lib/paths';
import { useHydrated } from '@/lib/use-hydrated';
import { useSession } from '@/stores/session';
import { Breadcrumbs } from './breadcrumbs';
import { NotFoundView } from './not-found-view';
import { readPasteSummary } from './paste-summary-state';
import { PasteSummaryView } from './paste-summary-view';
import { OutcomeView, type RelatedLink } from './outcome-view';
import { ProgressSteps } from './progress-steps';
import { QuestionView } from './question-view';
import { resolveWizardPage } from './wizard-page';
import { StartFinder } from './start/start-finder';
import { WizardNav } from './wizard-nav';

const EMPTY: readonly string[] = [];

/** Every wizard address: `/` and `/answer/answer/…`. The URL alone decides what is shown. */
export function WizardRoute() {
  const splat = useParams()['*'] ?? '';
  const page = resolveWizardPage(content, splat);
  const state: unknown = useLocation().state;
  const previousAnswer = readPreviousAnswer(state);
  // History state isn't in the prerendered HTML: show the summary once hydrated, not during.
  const hydrated = useHydrated();
  const pasted = hydrated ? readPasteSummary(state) : undefined;

  if (page.kind === 'not-found') {
    return (
      <NotFoundView
        headline={page.headline}
        detail={page.detail}
        resume={
          page.resume ? { href: trailPath(page.resume.trail), title: page.resume.title } : undefined
        }
        homeHref={paths.home}
      />
    );
  }

  const { trail } = page;
  const crumbHref = (index: number) => trailPath({ steps: trail.steps.slice(0, index) });
  return (
    <>
      {pasted ? <PasteSummaryView summary={pasted} /> : null}
      <Breadcrumbs crumbs={page.crumbs} hrefFor={(crumb) => crumbHref(crumb.index)} />
      {page.kind === 'question' ? (
        <>
          {trail.steps.length > 0 ? (
            <ProgressSteps answered={trail.steps.length} remaining={page.remaining} />
          ) : null}
          <QuestionView
            question={page.node}
            isStart={trail.steps.length === 0}
            answerHref={(answer: Answer) => paths.trail([...answerIds(trail), answer.id])}
            previousAnswerId={previousAnswer}
          />
          {trail.steps.length === 0 ? <StartFinder /> : null}
        </>
      ) : (
        <>
          <ProgressSteps answered={trail.steps.length} remaining={{ min: 0, max: 0 }} />
          <OutcomeRoute outcome={page.node} requestHref={paths.support(trailPath(trail))} />
        </>
      )}
      {trail.steps.length > 0 ? <WizardNav backHref={crumbHref(trail.steps.length - 1)} /> : null}
    </>
  );
}

function OutcomeRoute({ outcome, requestHref }: { outcome: Outcome; requestHref: string }) {
  const ticked = useSession((state) => state.ticks[outcome.id] ?? EMPTY);
  const feedback = useSession((state) => state.feedback[outcome.id]);
  const toggleStep = useSession((state) => state.toggleStep);
  const setFeedback = useSession((state) => state.setFeedback);
  const interactive = useHydrated();

  return (
    <OutcomeView
      outcome={outcome}
      support={content.support}
      provider={content.config.provider}
      ticked={ticked}
      onToggleStep={(stepId) => toggleStep(outcome.id, stepId)}
      feedback={feedback}
      onFeedback={(value) => {
        setFeedback(outcome.id, value);
        if (value !== null)
          announce({ type: 'feedback', outcomeId: outcome.id, fixed: value === 'fixed' });
      }}
      related={relatedLinks(outcome)}
      codeLinks={codeLinks(outcome)}
      procedureHref={paths.procedure}
      requestHref={requestHref}
      interactive={interactive}
    />
  );
}

function relatedLinks(outcome: Outcome): RelatedLink[] {
  return (outcome.related ?? []).flatMap((id) => {
    const trail: Trail | undefined = canonicalTrail(id);
    const node = getNode(content, id);
    return trail && node ? [{ id, title: node.title, href: trailPath(trail) }] : [];
  });
}

function codeLinks(outcome: Outcome): { label: string; href: string }[] {
  return (outcome.codes ?? []).flatMap((code) => {
    const entry = content.codes.codes.find((candidate) => candidate.code === code);
    return entry ? [{ label: `${String(code)} ${entry.phrase}`, href: paths.code(code) }] : [];
  });
}

/** Breadcrumb links carry the answer being changed, so the question can mark it. */
function readPreviousAnswer(state: unknown): string | undefined {
  if (state === null || typeof state !== 'object') return undefined;
  const value: unknown = (state as { previousAnswer?: unknown }).previousAnswer;
  return typeof value === 'string' ? value : undefined;
}
