import { Outlet, useLocation } from 'react-router';
import { ShortcutList } from '@/components/shortcut-list';
import { content } from '@/lib/content';
import { addressInMode, useMode } from '@/lib/mode';
import { useEmbedEvents } from './use-embed-events';
import { useOutsideLinksInNewTab } from './use-outside-links';

const LINK = 'text-accent underline underline-offset-4';

/**
 * The embed view around every page: the page, then a slim footer with a way out to the full site
 * (a link someone can keep or send on), the support contact and the shortcut switch. Also reports
 * what happens to the host page.
 */
export function EmbedLayout() {
  useEmbedEvents();
  useOutsideLinksInNewTab();
  const { pathname, search } = useLocation();
  const mode = useMode();
  const { provider } = content.config;
  const fullPage = addressInMode(import.meta.env.BASE_URL, mode, pathname) + search;
  // The full site keeps its own copy of a draft: a browser keeps a frame's storage apart.
  const onRequest = pathname === '/support';
  return (
    <>
      <Outlet />
      <footer className="mt-8 space-y-1 border-t border-line pt-3 text-sm text-ink-muted print:hidden">
        <p>
          <a href={fullPage} target="_blank" rel="noopener" className={LINK}>
            {onRequest ? 'Open this page in a new tab' : 'Open this step in a new tab'}
          </a>{' '}
          {onRequest
            ? 'for more room (what you typed here may not come with it: copy or download the request first).'
            : 'to keep it or send it to someone.'}{' '}
          Need a person? Email{' '}
          <a href={`mailto:${provider.supportEmail}`} className={LINK}>
            {provider.supportEmail}
          </a>
          .
        </p>
        <p>
          Your answers stay in this browser. The site around this box can see which steps you open,
          never what you type.
        </p>
        <ShortcutList mode={mode} />
      </footer>
    </>
  );
}
