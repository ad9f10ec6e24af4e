import { useEffect, useSyncExternalStore } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { paths } from '@/lib/paths';
import { safeLocalStorage } from '@/lib/safe-storage';
import { normalizePath } from './prerendered';

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

/** True when a key press belongs to what the person is typing, not to the page. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    target instanceof HTMLInputElement ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement
  );
}

/**
 * Single-key shortcuts to the ways in, from any page: `/` the paste box, `s` the symptom search,
 * `c` the code list's filter. They never fire while typing in a field or with Ctrl, Alt or Meta
 * held, so they can't eat a character or a browser shortcut.
 */
export function useShortcuts(): void {
  const navigate = useNavigate();
  const here = normalizePath(useLocation().pathname);
  const [enabled] = useShortcutsEnabled();
  useEffect(() => {
    if (!enabled) return undefined;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.altKey || event.metaKey) return;
      if (isTyping(event.target)) return;
      const shortcut = SHORTCUTS.find((candidate) => candidate.key === event.key);
      if (!shortcut) return;
      event.preventDefault();
      const [pathname = '/', hash = ''] = shortcut.href.split('#');
      const target = document.getElementById(hash);
      // Already on the page: just move focus. Elsewhere: go there; the page focuses the box.
      if (target && here === pathname) {
        target.focus();
        target.scrollIntoView({ block: 'center' });
      } else {
        void navigate({ pathname, hash: `#${hash}` });
      }
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [navigate, here, enabled]);
}
