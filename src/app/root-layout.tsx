import { useEffect, useRef, useState } from 'react';
import { Link, Outlet, ScrollRestoration, useLocation } from 'react-router';
import { Button } from '@/components/ui/button';
import { ShortcutList } from '@/components/shortcut-list';
import { content } from '@/lib/content';
import { cn } from '@/lib/cn';
import { addressInMode, useEmbedded, useMode } from '@/lib/mode';
import { paths } from '@/lib/paths';
import { useHydrated } from '@/lib/use-hydrated';
import { followOtherTabs, loadSavedSession, useSession } from '@/stores/session';
import type { SessionNotice } from '@/stores/session-store';
import { pageMeta } from './page-meta';
import { normalizePath } from './prerendered';
import { useShortcuts } from './use-shortcuts';

const NOTICES: Record<SessionNotice, string> = {
  'storage-reset':
    'We couldn’t read the progress saved in this browser, so ticked steps start fresh. Your place in the troubleshooter comes from the address, so it is unchanged.',
  'draft-reset':
    'We couldn’t read the support request draft saved in this browser, so it was cleared. Your ticked steps are kept.',
  'call-reset':
    'We couldn’t read the call notes saved in this browser, so they were cleared. Your ticked steps and support request are kept.',
  'draft-and-call-reset':
    'We couldn’t read the support request draft or the call notes saved in this browser, so both were cleared. Your ticked steps are kept.',
};

const NAV_LINK =
  'inline-flex min-h-11 items-center text-sm font-medium text-accent underline-offset-4 hover:underline sm:text-base';

/**
 * The frame around every page: header, notices, the page itself, footer, and focus handling. In the
 * embed view the host's page is the frame: no header or footer (the embed layout adds a slim one),
 * and nothing may be sized by the window, which is the host's frame following our height.
 */
export function RootLayout() {
  const { pathname, search, hash } = useLocation();
  const mode = useMode();
  const embedded = useEmbedded();
  useShortcuts();
  const [announcement, setAnnouncement] = useState('');
  const firstRender = useRef(true);
  const hydrated = useHydrated();

  useEffect(() => followOtherTabs(), []);
  useEffect(() => {
    void loadSavedSession();
    // Lets `npm run bench` measure when the page became interactive.
    performance.mark('ct:interactive');
  }, []);

  // Kept in a ref (synced before the effect below runs) so a hash change alone moves no focus.
  const hashRef = useRef(hash);
  useEffect(() => {
    hashRef.current = hash;
  }, [hash]);

  useEffect(() => {
    document.title = pageMeta(pathname, undefined, mode).title;
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    // An address with a #target (a shortcut, "Paste a code") focuses that target instead.
    if (hashRef.current !== '') return;
    // After each step, focus the new heading so keyboard and screen-reader users start there.
    // A page can put something before it that must be read first (what a paste was read as).
    const heading = document.querySelector<HTMLElement>('#main h1[data-page-heading]');
    const first = document.querySelector<HTMLElement>('#main [data-focus-first]') ?? heading;
    // In a frame, the host page decides what to scroll (the loader brings the frame's top into view).
    first?.focus({ preventScroll: embedded });
    setAnnouncement(heading?.textContent ?? document.title);
  }, [pathname, mode, embedded]);

  const { brand, provider } = content.config;
  const base = import.meta.env.BASE_URL;
  // Switching views loads the other view's page: each is its own prerendered document.
  const otherView = addressInMode(base, mode === 'agent' ? 'customer' : 'agent', pathname) + search;
  // Agent mode has its side panel; the capture analyzer has wide tables (calls, RTP streams).
  const width =
    mode === 'agent' || normalizePath(pathname) === paths.analyze ? 'max-w-6xl' : 'max-w-3xl';
  if (embedded) {
    return (
      <div>
        {/* A region, not the main landmark: in the host's page, its own content is the main one. */}
        <section id="main" aria-label="Current step" className="w-full px-4 py-4 [&_h1]:text-2xl">
          <Notice />
          <Outlet />
        </section>
        <div aria-live="polite" aria-atomic="true" className="sr-only">
          {announcement}
        </div>
      </div>
    );
  }
  return (
    <div className="flex min-h-dvh flex-col">
      <a
        href="#main"
        className="sr-only z-10 rounded-md bg-accent px-4 py-2 text-accent-ink focus:not-sr-only focus:absolute focus:top-2 focus:left-2"
      >
        Skip to content
      </a>
      <header className="border-b border-line bg-surface print:border-0">
        <div
          className={cn(
            'mx-auto flex flex-wrap items-center justify-between gap-x-2 gap-y-1 px-4 py-3',
            width,
          )}
        >
          <div className="flex flex-wrap items-center gap-x-3">
            <Link
              to={paths.home}
              className="flex min-h-11 items-center text-base font-bold sm:text-lg"
            >
              <span aria-hidden="true" className="mr-2 text-accent">
                ☎
              </span>
              {brand.name}
            </Link>
            {mode === 'agent' ? (
              <span className="rounded-md bg-accent px-2 py-0.5 text-sm font-semibold text-accent-ink">
                Agent view
              </span>
            ) : null}
          </div>
          <nav aria-label="Site" className="print:hidden">
            <ul className="flex flex-wrap gap-x-4">
              <li>
                <Link to={paths.codes()} className={NAV_LINK}>
                  SIP codes
                </Link>
              </li>
              <li>
                <Link to={paths.procedure} className={NAV_LINK}>
                  Five-step check
                </Link>
              </li>
              <li>
                <Link to={paths.analyze} className={NAV_LINK}>
                  Analyze a capture
                </Link>
              </li>
              {mode === 'agent' ? (
                <li>
                  <a href={otherView} className={NAV_LINK}>
                    Customer view
                  </a>
                </li>
              ) : null}
            </ul>
          </nav>
        </div>
      </header>

      <main id="main" className={cn('mx-auto w-full flex-1 px-4 py-6 sm:py-10', width)}>
        <Notice />
        <Outlet />
      </main>

      <footer className="border-t border-line text-sm text-ink-muted print:hidden">
        <div className={cn('mx-auto space-y-1 px-4 py-6', width)}>
          <p>
            Need a person? Email{' '}
            <a href={`mailto:${provider.supportEmail}`} className="text-accent underline">
              {provider.supportEmail}
            </a>
            .
          </p>
          <p>
            {mode === 'agent'
              ? 'Your notes, answers and ticks stay in this browser. Nothing is sent anywhere.'
              : 'Your answers and ticks stay in this browser. Nothing is sent anywhere.'}
          </p>
          <ShortcutList mode={mode} />
          {mode === 'agent' ? null : (
            <p>
              Support agent on a call?{' '}
              <a href={otherView} className="text-accent underline underline-offset-4">
                Open the agent view
              </a>
              .
            </p>
          )}
        </div>
      </footer>

      {hydrated ? (
        <p className="hidden px-4 text-sm print:block">
          Printed from {window.location.href} on {new Date().toLocaleString()}
        </p>
      ) : null}
      <div aria-live="polite" aria-atomic="true" className="sr-only">
        {announcement}
      </div>
      <ScrollRestoration />
    </div>
  );
}

/** Why saved progress couldn't be read, until dismissed. */
function Notice() {
  const notice = useSession((state) => state.notice);
  const dismissNotice = useSession((state) => state.dismissNotice);
  if (!notice) return null;
  return (
    <div
      role="status"
      className="mb-6 flex flex-wrap items-start justify-between gap-3 rounded-lg border-l-4 border-warning bg-warning-soft p-4"
    >
      <p className="min-w-0 flex-1">{NOTICES[notice]}</p>
      <Button onClick={dismissNotice}>Dismiss</Button>
    </div>
  );
}
