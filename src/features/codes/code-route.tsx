import reference from 'virtual:code-reference';
import { Link, useParams } from 'react-router';
import { RetryAdvice } from '@/components/retry-advice';
import { buttonVariants } from '@/components/ui/button-variants';
import { PageHeading } from '@/components/ui/page-heading';
import { RichText } from '@/components/ui/rich-text';
import {
  classSegment,
  codesInClass,
  familyOf,
  lookupCode,
  q850For,
  type CodeLookup,
} from '@/engine/codes/lookup';
import type { CodeClass, CodeEntry } from '@/engine/schema';
import { paths } from '@/lib/paths';
import { CodesBreadcrumb, FamilyGuidance, TroubleshootLink, TypicalCauses } from './code-parts';

/** `/codes/<code>`: one code, a class (`/codes/4xx`, or an unregistered `/codes/499`), or not found. */
export function CodeRoute() {
  const lookup: CodeLookup = lookupCode(reference, useParams().code ?? '');
  switch (lookup.kind) {
    case 'code':
      return <CodePage entry={lookup.entry} codeClass={lookup.codeClass} />;
    case 'class':
      return <ClassPage codeClass={lookup.codeClass} unregistered={lookup.unregistered} />;
    case 'not-found':
      return <CodeNotFound reason={lookup.reason} />;
  }
}

function CodePage({ entry, codeClass }: { entry: CodeEntry; codeClass: CodeClass }) {
  const code = String(entry.code);
  const family = familyOf(reference, entry.code);
  return (
    <article>
      <CodesBreadcrumb codeClass={codeClass} />
      <PageHeading>
        <span className="tabular-nums">{code}</span> {entry.phrase}
      </PageHeading>
      <p className="mt-2 text-ink-muted">
        {classSegment(codeClass.class)} {codeClass.name}
        {entry.rfc ? <> · Defined in {entry.rfc}</> : null}
        {entry.source ? <> · Defined in {entry.source}</> : null}
        {entry.legacy ? <> · No longer registered, but still seen</> : null}
      </p>
      {entry.oldPhrases ? (
        <p className="mt-1 text-sm text-ink-muted">
          Also written as {entry.oldPhrases.map((phrase) => `“${phrase}”`).join(', ')}.
        </p>
      ) : null}

      {entry.callout ? (
        <aside
          aria-labelledby="callout-heading"
          className="mt-6 rounded-xl border-l-4 border-accent bg-accent-soft p-5"
        >
          <h2 id="callout-heading" className="text-xl font-bold">
            {entry.callout.title}
          </h2>
          <p className="mt-2">
            <RichText text={entry.callout.text} />
          </p>
          {entry.callout.link ? (
            <p className="mt-3">
              <Link
                to={entry.callout.link.leadsTo}
                className="font-semibold text-accent underline underline-offset-4"
              >
                {entry.callout.link.label}
              </Link>
            </p>
          ) : null}
        </aside>
      ) : null}

      <section aria-labelledby="meaning-heading" className="mt-6">
        <h2 id="meaning-heading" className="text-xl font-bold">
          What it means
        </h2>
        <p className="mt-2 text-lg">
          <RichText text={entry.meaning} />
        </p>
        <TroubleshootLink leadsTo={entry.leadsTo} label={`Troubleshoot a ${code}`} />
      </section>

      <section aria-labelledby="causes-heading" className="mt-8">
        <h2 id="causes-heading" className="text-xl font-bold">
          Likely causes
        </h2>
        <ul className="mt-2 list-disc space-y-2 pl-6">
          {entry.causes.map((cause) => (
            <li key={cause}>
              <RichText text={cause} />
            </li>
          ))}
        </ul>
      </section>

      <div className="mt-8">
        <RetryAdvice advice={entry.retry.advice} note={entry.retry.note ?? ''} />
      </div>

      {family ? <FamilyGuidance family={family} /> : null}
      <TypicalCauses causes={q850For(reference, entry.code)} code={code} />
      <ClassNeighbours codeClass={codeClass} current={code} />
    </article>
  );
}

function ClassPage({
  codeClass,
  unregistered,
}: {
  codeClass: CodeClass;
  unregistered?: number | undefined;
}) {
  const segment = classSegment(codeClass.class);
  return (
    <article>
      <CodesBreadcrumb />
      <PageHeading>
        {unregistered === undefined ? (
          <>
            {segment} {codeClass.name}
          </>
        ) : (
          <>
            <span className="tabular-nums">{unregistered}</span> is not a registered code
          </>
        )}
      </PageHeading>
      {unregistered === undefined ? null : (
        <p className="mt-3 text-lg">
          No standard defines {unregistered}, so it is read by its first digit, as any {segment}{' '}
          code: {codeClass.name.toLowerCase()}. Some equipment uses codes of its own; its
          documentation may say more.
        </p>
      )}
      <section aria-labelledby="meaning-heading" className="mt-6">
        <h2 id="meaning-heading" className="text-xl font-bold">
          What {segment} codes mean
        </h2>
        <p className="mt-2 text-lg">
          <RichText text={codeClass.meaning} />
        </p>
        <TroubleshootLink
          leadsTo={codeClass.leadsTo}
          label={
            unregistered === undefined
              ? `Troubleshoot a ${segment} code`
              : `Troubleshoot a ${unregistered}`
          }
        />
      </section>
      <div className="mt-8">
        <RetryAdvice advice={codeClass.retry.advice} note={codeClass.retry.note ?? ''} />
      </div>
      <ClassNeighbours codeClass={codeClass} />
    </article>
  );
}

/** The other codes of the class, so a near miss (a typo, a similar code) is one link away. */
function ClassNeighbours({ codeClass, current }: { codeClass: CodeClass; current?: string }) {
  const entries = codesInClass(reference, codeClass.class).filter(
    (entry) => String(entry.code) !== current,
  );
  if (entries.length === 0) return null;
  return (
    <nav aria-labelledby="class-codes-heading" className="mt-10 border-t border-line pt-6">
      <h2 id="class-codes-heading" className="text-lg font-bold">
        {current === undefined ? 'Registered' : 'Other'} {classSegment(codeClass.class)} codes
      </h2>
      <ul className="mt-3 flex flex-wrap gap-2">
        {entries.map((entry) => (
          <li key={String(entry.code)}>
            <Link
              to={paths.code(entry.code)}
              className="inline-flex min-h-11 items-center rounded-md border border-line bg-surface px-3 text-sm hover:border-accent"
            >
              <span className="font-semibold tabular-nums">{String(entry.code)}</span>
              <span className="ml-1.5">{entry.phrase}</span>
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function CodeNotFound({ reason }: { reason: string }) {
  return (
    <div>
      <PageHeading>We don’t know that code</PageHeading>
      <p className="mt-3 text-lg text-ink-muted">{reason}</p>
      <div className="mt-6 flex flex-wrap gap-3">
        <Link to={paths.codes()} className={buttonVariants({ variant: 'primary' })}>
          See all SIP codes
        </Link>
        <Link to={paths.paste} className={buttonVariants({ variant: 'secondary' })}>
          Paste a log line or message instead
        </Link>
      </div>
    </div>
  );
}
