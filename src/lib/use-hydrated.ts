import { useSyncExternalStore } from 'react';

// Nothing to subscribe to: the value only changes once, from server to client.
const subscribe = () => () => undefined;

/**
 * False while rendering on the server and during hydration, true afterwards. Lets a component show
 * controls that need JavaScript (print, "did this fix it?") without a hydration mismatch.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
