import reference from 'virtual:code-reference';
import { useEffect, useRef, useState, type SubmitEvent } from 'react';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import { inputClass } from '@/components/ui/field';
import { PageHeading } from '@/components/ui/page-heading';
import { classSegment, codesInClass, lookupCode } from '@/engine/codes/lookup';
import { filterCodes } from '@/engine/codes/filter';
import { paths } from '@/lib/paths';
import { useHydrated } from '@/lib/use-hydrated';
import { Q850Table } from './code-parts';

/** The id the `c` shortcut aims at. */
const FILTER_ID = 'filter';

/** `/codes`: every SIP response code by class, the Q.850 causes, and a filter box. */
export function CodesIndexRoute() {
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const hydrated = useHydrated();
  const inputId = FILTER_ID;
  const inputRef = useRef<HTMLInputElement>(null);
  const { hash } = useLocation();

  // `/codes#filter` (the `c` shortcut) arrives ready to type.
  useEffect(() => {
    if (hash === `#${FILTER_ID}`) inputRef.current?.focus();
  }, [hash]);
  // The prerendered page is unfiltered; the filter applies once the page is interactive, so
  // hydration meets the same markup.
  // What is typed lives in state, and is copied to the address (`?q=`) for reloads and links: the
  // address updates a beat late, so typing straight into it would drop keys on a slow phone.
  const [typed, setTyped] = useState<string | undefined>(undefined);
  const query = typed ?? (hydrated ? (params.get('q') ?? '') : '');
  const shown = filterCodes(query, reference.codes, reference.q850);
  const total = reference.codes.length;

  const onSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    // Enter on a code goes straight to its page: the quickest way from a number to an answer.
    const lookup = lookupCode(reference, query);
    if (query.trim() !== '' && lookup.kind !== 'not-found') {
      void navigate(paths.code(query.trim().toLowerCase()));
    } else if (shown.codes.length === 1 && shown.codes[0]) {
      void navigate(paths.code(shown.codes[0].code));
    }
  };

  return (
    <article>
      <PageHeading>SIP response codes</PageHeading>
      <p className="mt-2 text-lg text-ink-muted">
        What each code in a SIP response means for your call, whether retrying helps, and where to
        start troubleshooting it.
      </p>

      <form role="search" className="mt-6" onSubmit={onSubmit} action={paths.codes()}>
        <label htmlFor={inputId} className="block font-semibold">
          Filter codes
        </label>
        <p id={`${inputId}-hint`} className="text-sm text-ink-muted">
          A number (503, 48) or words (busy, codec). Enter on a code opens its page.
        </p>
        <input
          ref={inputRef}
          id={inputId}
          name="q"
          type="search"
          autoComplete="off"
          spellCheck={false}
          aria-describedby={`${inputId}-hint ${inputId}-count`}
          className={`${inputClass} mt-2 max-w-md`}
          value={query}
          disabled={!hydrated}
          onChange={(event) => {
            const value = event.target.value;
            setTyped(value);
            setParams(value === '' ? {} : { q: value }, {
              replace: true,
              preventScrollReset: true,
            });
          }}
        />
        <p id={`${inputId}-count`} role="status" className="mt-2 text-sm text-ink-muted">
          {query.trim() === ''
            ? `${total} codes`
            : `${shown.codes.length} of ${total} codes match “${query.trim()}”`}
        </p>
      </form>

      {shown.codes.length === 0 && shown.causes.length === 0 ? (
        <p className="mt-6 rounded-lg border border-line bg-surface p-4">
          Nothing matches “{query.trim()}”. Try fewer words, or a code’s first digits. A code from
          100 to 699 without an entry still has a page:{' '}
          <Link to={paths.code('4xx')} className="text-accent underline underline-offset-4">
            its class
          </Link>
          .
        </p>
      ) : null}

      {reference.classes.map((codeClass) => {
        const entries = codesInClass(shown, codeClass.class);
        if (entries.length === 0) return null;
        const headingId = `class-${codeClass.class}`;
        return (
          <section key={codeClass.class} aria-labelledby={headingId} className="mt-8">
            <h2 id={headingId} className="text-xl font-bold">
              <Link
                to={paths.code(classSegment(codeClass.class))}
                className="underline-offset-4 hover:underline"
              >
                {classSegment(codeClass.class)} {codeClass.name}
              </Link>
            </h2>
            <ul className="mt-3 divide-y divide-line rounded-lg border border-line bg-surface">
              {entries.map((entry) => (
                <li key={String(entry.code)}>
                  <Link
                    to={paths.code(entry.code)}
                    className="flex min-h-11 items-baseline gap-3 px-4 py-2 hover:bg-accent-soft"
                  >
                    <span className="w-12 shrink-0 font-bold tabular-nums">
                      {String(entry.code)}
                    </span>
                    <span className="text-accent underline-offset-4 hover:underline">
                      {entry.phrase}
                    </span>
                    {entry.legacy ? <span className="text-sm text-ink-muted">(legacy)</span> : null}
                  </Link>
                </li>
              ))}
            </ul>
          </section>
        );
      })}

      {shown.causes.length > 0 ? (
        <section aria-labelledby="q850-all-heading" className="mt-10">
          <h2 id="q850-all-heading" className="text-xl font-bold">
            Q.850 causes in Reason headers
          </h2>
          <p className="mt-2 text-ink-muted">
            A header like <code>Reason: Q.850;cause=34</code> carries the telephone network’s own
            reason. The SIP code each usually becomes is typical (RFC 3398); providers differ, so
            trust the code you actually received.
          </p>
          <Q850Table causes={shown.causes} caption="Q.850 causes and their typical SIP code" />
        </section>
      ) : null}
    </article>
  );
}
