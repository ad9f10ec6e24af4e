import { useSyncExternalStore } from 'react';
import { paths } from './paths';
import { safeLocalStorage } from './safe-storage';

/** The site-wide keys, listed in the footer. */
export const SHORTCUTS = [
  { key: '/', action: 'paste a code or log', href: paths.paste },
  { key: 's', action: 'search by symptom', href: paths.search },
  { key: 'c', action: 'the SIP code list', href: `${paths.codes()}#filter` },
] as const;

const STORAGE_KEY = 'call-troubleshooter:shortcuts';
const storage = safeLocalStorage();
const listeners = new Set<() => void>();
/** Read from storage once; every render after that uses this copy. */
let cachedEnabled: boolean | undefined;
const readEnabled = (): boolean => (cachedEnabled ??= storage.getItem(STORAGE_KEY) !== 'off');

/**
 * Whether single-key shortcuts are on (the default). WCAG 2.1.4 asks that single-character
 * shortcuts can be turned off, since speech input can set them off by accident; the choice is
 * kept in this browser.
 */
export function useShortcutsEnabled(): [enabled: boolean, setEnabled: (on: boolean) => void] {
  const enabled = useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    readEnabled,
    () => true,
  );
  const setEnabled = (on: boolean) => {
    cachedEnabled = on;
    if (on) storage.removeItem(STORAGE_KEY);
    else storage.setItem(STORAGE_KEY, 'off');
    for (const listener of listeners) listener();
  };
  return [enabled, setEnabled];
}
