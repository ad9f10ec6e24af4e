import { Link } from 'react-router';
import { Button } from '@/components/ui/button';
import { buttonVariants } from '@/components/ui/button-variants';
import { Checklist } from '@/components/ui/checklist';
import { PageHeading } from '@/components/ui/page-heading';
import { RichText } from '@/components/ui/rich-text';
import { content } from '@/lib/content';
import { paths } from '@/lib/paths';
import { useHydrated } from '@/lib/use-hydrated';
import { useSession } from '@/stores/session';

const SCOPE = 'procedure';
const EMPTY: readonly string[] = [];

/** The five-step check, each step's checks tickable and saved like fix steps. */
export function ProcedureRoute() {
  const { procedure } = content;
  const ticked = useSession((state) => state.ticks[SCOPE] ?? EMPTY);
  const toggleStep = useSession((state) => state.toggleStep);
  const clearTicks = useSession((state) => state.clearTicks);
  const interactive = useHydrated();

  return (
    <article>
      <PageHeading>{procedure.title}</PageHeading>
      <p className="mt-2 text-lg text-ink-muted">
        <RichText text={procedure.intro} />
      </p>
      <ol className="mt-6 space-y-6">
        {procedure.steps.map((step, index) => (
          <li key={step.id}>
            <section aria-labelledby={`step-${step.id}`}>
              <h2 id={`step-${step.id}`} className="text-xl font-bold">
                <span className="mr-2 text-accent tabular-nums">{index + 1}.</span>
                {step.title}
              </h2>
              <div className="mt-2">
                <Checklist
                  label={step.title}
                  items={step.checks}
                  ticked={ticked}
                  onToggle={(id) => toggleStep(SCOPE, id)}
                />
              </div>
            </section>
          </li>
        ))}
      </ol>
      <section aria-labelledby="still-failing-heading" className="mt-8 print:hidden">
        <h2 id="still-failing-heading" className="text-xl font-bold">
          Still failing after all five?
        </h2>
        <p className="mt-2">Your ticks here go into the request as the steps you already tried.</p>
        <div className="mt-3 flex flex-wrap gap-2">
          <Link to={paths.support()} className={buttonVariants({ variant: 'primary' })}>
            Prepare a support request
          </Link>
          {interactive && ticked.length > 0 ? (
            <Button onClick={() => clearTicks(SCOPE)}>Clear all ticks</Button>
          ) : null}
        </div>
      </section>
    </article>
  );
}
