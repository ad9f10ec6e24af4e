import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import { Button } from '@/components/ui/button';
import { inputClass } from '@/components/ui/field';
import type { SearchHit } from '@/engine/search/symptom-search';
import { cn } from '@/lib/cn';

/** The id the `s` shortcut aims at. */
export const SEARCH_ID = 'search';

type Search = (query: string) => SearchHit[];
type Loader =
  { kind: 'idle' } | { kind: 'loading' } | { kind: 'ready'; search: Search } | { kind: 'failed' };

const KIND_LABEL: Record<SearchHit['kind'], string> = {
  question: 'Question',
  answer: 'Answer',
  outcome: 'Diagnosis',
  code: 'SIP code',
  cause: 'Q.850 cause',
};

/**
 * Free-text search over questions, answers, diagnoses and codes, typo-tolerant. The search library
 * and its index load the first time the box is used. The query is kept in the address (`?search=`)
 * so a reload or a shared link finds the same results.
 */
export function SymptomSearch() {
  const [params, setParams] = useSearchParams();
  // Rendered only once hydrated (see StartFinder), so reading the address here is safe. What is
  // typed lives in state and is copied to the address: the address updates a beat late, so typing
  // straight into it would drop keys on a slow phone.
  const [query, setQuery] = useState(() => params.get('search') ?? '');
  const [loader, setLoader] = useState<Loader>({ kind: 'idle' });
  const navigate = useNavigate();
  const { hash } = useLocation();
  const inputRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const hintId = useId();
  const statusId = useId();

  const fetchSearch = () => {
    import('./search-loader').then(
      ({ search }) => setLoader({ kind: 'ready', search }),
      () => setLoader({ kind: 'failed' }),
    );
  };
  const load = (again = false) => {
    if (!again && loader.kind !== 'idle') return;
    setLoader({ kind: 'loading' });
    fetchSearch();
  };

  // A query in the address (a reload, a shared link) loads the search at once; `#search` (the `s`
  // shortcut) arrives ready to type.
  const arrivedWithQuery = useRef(query !== '');
  useEffect(() => {
    if (arrivedWithQuery.current) fetchSearch();
  }, []);
  useEffect(() => {
    if (hash === `#${SEARCH_ID}`) inputRef.current?.focus();
  }, [hash]);

  const hits = loader.kind === 'ready' ? loader.search(query) : [];
  const trimmed = query.trim();

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      listRef.current?.querySelector('a')?.focus();
      event.preventDefault();
    } else if (event.key === 'Enter' && hits[0]) {
      event.preventDefault();
      void navigate(hits[0].href);
    }
  };

  return (
    <section aria-labelledby="search-heading" className="mt-10">
      <h2 id="search-heading" className="text-xl font-bold">
        Search by symptom
      </h2>
      <div role="search" className="mt-2">
        <label htmlFor={SEARCH_ID} className="block font-semibold">
          Describe what happens, in a few words
        </label>
        <p id={hintId} className="text-sm text-ink-muted">
          Like “one-way audio”, “echo”, “fast busy”, “blocked” or “peak hours”. Enter opens the
          first result; the down arrow moves into the list.
        </p>
        <input
          ref={inputRef}
          id={SEARCH_ID}
          type="search"
          autoComplete="off"
          enterKeyHint="search"
          aria-describedby={`${hintId} ${statusId}`}
          aria-controls={hits.length > 0 ? `${statusId}-results` : undefined}
          className={cn(inputClass, 'mt-2 max-w-md')}
          value={query}
          onFocus={() => load()}
          onKeyDown={onKeyDown}
          onChange={(event) => {
            load();
            const value = event.target.value;
            setQuery(value);
            setParams(value === '' ? {} : { search: value }, {
              replace: true,
              preventScrollReset: true,
            });
          }}
        />
      </div>
      <p id={statusId} role="status" className="mt-2 text-sm text-ink-muted">
        {statusText(loader, trimmed, hits.length)}
      </p>
      {loader.kind === 'failed' ? (
        <Button className="mt-2" onClick={() => load(true)}>
          Try loading the search again
        </Button>
      ) : null}
      {hits.length > 0 ? (
        <ul
          ref={listRef}
          id={`${statusId}-results`}
          aria-label="Search results"
          className="mt-2 divide-y divide-line rounded-lg border border-line bg-surface"
        >
          {hits.map((hit) => (
            <li key={hit.id}>
              <Link
                to={hit.href}
                className="block min-h-11 px-4 py-2 hover:bg-accent-soft"
                onKeyDown={(event) => moveWithArrows(event, listRef.current, inputRef.current)}
              >
                <span className="block font-semibold text-accent">{hit.title}</span>
                <span className="block text-sm text-ink-muted">
                  {KIND_LABEL[hit.kind]}
                  {hit.kind === 'answer' ? ` · ${hit.context}` : ''}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

function statusText(loader: Loader, query: string, count: number): string {
  if (loader.kind === 'failed') {
    return 'The search couldn’t load. Check your connection; your words are kept.';
  }
  if (query === '') return '';
  if (loader.kind !== 'ready') return 'Loading the search…'; // idle with a query: already loading
  if (count === 0) {
    return `Nothing matches “${query}”. Try other words, or choose one of the four symptoms above.`;
  }
  return count === 1 ? '1 result' : `${count} results`;
}

/** Up and down arrows move between results; up from the first goes back to the box. */
function moveWithArrows(
  event: KeyboardEvent<HTMLAnchorElement>,
  list: HTMLUListElement | null,
  input: HTMLInputElement | null,
) {
  if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
  const links = [...(list?.querySelectorAll('a') ?? [])];
  const index = links.findIndex((link) => link === document.activeElement);
  const next = event.key === 'ArrowDown' ? index + 1 : index - 1;
  event.preventDefault();
  if (next < 0) input?.focus();
  else links[Math.min(next, links.length - 1)]?.focus();
}
