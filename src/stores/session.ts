import { useSyncExternalStore } from 'react';
import { useStore } from 'zustand';
import { safeLocalStorage } from '@/lib/safe-storage';
import { createSessionStore, type SessionStore } from './session-store';

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
