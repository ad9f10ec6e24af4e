import { useSyncExternalStore } from 'react';
import { useStore } from 'zustand';
import { safeLocalStorage } from '@/lib/safe-storage';
import { createSessionStore, STORAGE_KEY, type SessionStore } from './session-store';

/** The one session store of the app. Saved progress is loaded by `loadSavedSession` after hydration. */
export const sessionStore = createSessionStore(safeLocalStorage());

export function useSession<T>(selector: (state: SessionStore) => T): T {
  return useStore(sessionStore, selector);
}

export function loadSavedSession(): Promise<void> {
  return sessionStore.persist.rehydrate();
}

/** True once saved progress has been read (after hydration); false on the server. */
export function useSessionLoaded(): boolean {
  return useSyncExternalStore(
    (listener) => sessionStore.persist.onFinishHydration(listener),
    () => sessionStore.persist.hasHydrated(),
    () => false,
  );
}

/**
 * Keeps every tab of this site on the same saved session: when another tab saves (a note, a tick,
 * a new call), this one reads it back instead of overwriting it with its own older copy on its
 * next save. Returns the function that stops listening.
 */
export function followOtherTabs(): () => void {
  const onStorage = (event: StorageEvent) => {
    if (event.key === STORAGE_KEY) void sessionStore.persist.rehydrate();
  };
  window.addEventListener('storage', onStorage);
  return () => window.removeEventListener('storage', onStorage);
}
