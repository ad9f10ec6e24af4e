import { useEffect, useRef } from 'react';
import { useNavigate } from 'react-router';
import { isModalOpen, isTyping } from '@/lib/keyboard';
import { useShortcutsEnabled } from '@/lib/shortcuts';
import type { WizardPlace } from './wizard-place';

/** Agent mode's keys, listed in its shortcuts dialog. */
export const AGENT_SHORTCUTS = [
  { keys: ['1', '…', '9'], action: 'Choose that answer' },
  { keys: ['Backspace'], action: 'Back to the previous question', alternative: ['Alt', '←'] },
  { keys: ['n'], action: 'Write a note' },
  { keys: ['m'], action: 'Open or close the map of the whole tree' },
  { keys: ['?'], action: 'Show these shortcuts' },
] as const;

interface AgentKeyActions {
  place: WizardPlace | undefined;
  onNotes: () => void;
  onMap: () => void;
  onHelp: () => void;
}

/**
 * Number keys choose the n-th answer, Backspace or Alt+← goes back a question, `n` notes, `m` the
 * map, `?` the list. Like the site's own keys they never act while typing in a field, with Ctrl or
 * Meta held, behind an open dialog, or when shortcuts are turned off.
 */
export function useAgentKeys(actions: AgentKeyActions): void {
  const navigate = useNavigate();
  const [enabled] = useShortcutsEnabled();
  // The listener reads the latest place and callbacks without being added again on every render.
  const latest = useRef(actions);
  useEffect(() => {
    latest.current = actions;
  });

  useEffect(() => {
    if (!enabled) return undefined;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey) return;
      if (isTyping(event.target) || isModalOpen()) return;
      const { place, onNotes, onMap, onHelp } = latest.current;
      const back =
        (event.key === 'Backspace' && !event.altKey && !event.shiftKey) ||
        (event.key === 'ArrowLeft' && event.altKey && !event.shiftKey);
      if (back) {
        if (place?.backHref === undefined) return;
        event.preventDefault();
        void navigate(place.backHref);
        return;
      }
      if (event.altKey) return;
      if (/^[1-9]$/.test(event.key)) {
        const href = place?.answerHrefs[Number(event.key) - 1];
        if (href === undefined) return;
        event.preventDefault();
        void navigate(href);
        return;
      }
      const action = { n: onNotes, m: onMap, '?': onHelp }[event.key];
      if (action === undefined) return;
      event.preventDefault();
      action();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [enabled, navigate]);
}
