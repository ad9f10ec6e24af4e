import { useEffect, useRef } from 'react';
import { useLocation } from 'react-router';
import { FRAME_EVENT, type EventDetail, type EventType } from '@/embed/protocol';
import { APP_EVENT, type AppEvent } from '@/lib/app-events';
import { content } from '@/lib/content';
import { useMode } from '@/lib/mode';
import { describePage, type PageFacts } from './describe-page';

/** The event as the app hands it to the frame script, which adds the widget's name. */
type FrameEvent = Omit<EventDetail, 'widget'>;

function send(type: EventType, facts: PageFacts, agent: boolean, extra: Partial<EventDetail> = {}) {
  const detail: FrameEvent = {
    type,
    ...facts,
    agent,
    timestamp: new Date().toISOString(),
    ...extra,
  };
  window.dispatchEvent(new CustomEvent<FrameEvent>(FRAME_EVENT, { detail }));
}

function heading(): string {
  return (document.querySelector('#main h1')?.textContent.trim() ?? document.title).slice(0, 500);
}

/**
 * Tells the host page what happens in the widget: every page shown (`step`, plus `outcome` on a
 * diagnosis), answers to "did it fix it?" (`feedback`) and support requests copied, downloaded,
 * emailed, printed or sent (`ticket-prepared`). The frame script posts them to the host.
 */
export function useEmbedEvents() {
  const { pathname, search } = useLocation();
  const agent = useMode() === 'agent';
  const facts = useRef<PageFacts | null>(null);

  useEffect(() => {
    const current = describePage(content, pathname, search, heading());
    const previous = facts.current;
    facts.current = current;
    // The search boxes keep what is typed in the address (`?search=`, `?q=`): that is the same
    // page, not a new step.
    const same =
      previous !== null &&
      previous.page === current.page &&
      previous.nodeId === current.nodeId &&
      previous.path === current.path;
    if (same) return;
    send('step', current, agent);
    if (current.page === 'outcome') send('outcome', current, agent);
  }, [pathname, search, agent]);

  useEffect(() => {
    const onAppEvent = (event: Event) => {
      const current = facts.current;
      const app = (event as CustomEvent<AppEvent>).detail;
      if (!current) return;
      if (app.type === 'feedback' && app.outcomeId === current.nodeId) {
        send('feedback', current, agent, { fixed: app.fixed });
      } else if (app.type === 'ticket-prepared') {
        send('ticket-prepared', current, agent, { method: app.method });
      }
    };
    window.addEventListener(APP_EVENT, onAppEvent);
    return () => window.removeEventListener(APP_EVENT, onAppEvent);
  }, [agent]);
}
