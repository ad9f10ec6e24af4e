import type { TicketMethod } from '@/embed/protocol';

/**
 * Things a person did that someone else may want to count: the embed layout passes them on to the
 * host page's analytics. Announced in this window only; nothing listens outside the embed view.
 */
export type AppEvent =
  | { type: 'feedback'; outcomeId: string; fixed: boolean }
  | { type: 'ticket-prepared'; method: TicketMethod };

export const APP_EVENT = 'call-troubleshooter:app';

export function announce(event: AppEvent): void {
  window.dispatchEvent(new CustomEvent<AppEvent>(APP_EVENT, { detail: event }));
}
