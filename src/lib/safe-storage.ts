import type { StateStorage } from 'zustand/middleware';

/**
 * localStorage when the browser allows it, memory otherwise. Storage can throw (private modes,
 * blocked third-party storage inside an iframe, a full quota); the app must never crash for that.
 */
export function safeLocalStorage(): StateStorage {
  const memory = new Map<string, string>();
  const local = (): Storage | undefined => {
    try {
      return typeof window === 'undefined' ? undefined : window.localStorage;
    } catch {
      return undefined;
    }
  };
  return {
    getItem(name) {
      try {
        return local()?.getItem(name) ?? memory.get(name) ?? null;
      } catch {
        return memory.get(name) ?? null;
      }
    },
    setItem(name, value) {
      memory.set(name, value);
      try {
        local()?.setItem(name, value);
      } catch {
        // Kept in memory for this visit.
      }
    },
    removeItem(name) {
      memory.delete(name);
      try {
        local()?.removeItem(name);
      } catch {
        // Nothing stored to remove.
      }
    },
  };
}
