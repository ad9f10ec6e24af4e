import { useEffect } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { isModalOpen, isTyping } from '@/lib/keyboard';
import { SHORTCUTS, useShortcutsEnabled } from '@/lib/shortcuts';
import { normalizePath } from './prerendered';

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
      if (isTyping(event.target) || isModalOpen()) return;
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
