import { useEffect, useRef } from 'react';
import { useNavigate } from 'react-router';
import { isModalOpen, isTyping } from '@/lib/keyboard';
import { useShortcutsEnabled } from '@/lib/shortcuts';
import type { WizardPlace } from './wizard-place';

/** Agent mode's keys, listed in its shortcuts dialog. */
export const AGENT_SHORTCUTS = [
  { keys: ['1', '…', '9'], action: 'Choose that answer (two digits, like 1 2, past nine)' },
  { keys: ['Backspace'], action: 'Back to the previous question', alternative: ['Alt', '←'] },
  { keys: ['n'], action: 'Write a note' },
  { keys: ['y'], action: 'Copy the case notes' },
  { keys: ['Shift', 'y'], joiner: '+', action: 'Copy the case notes as Markdown' },
  { keys: ['m'], action: 'Open or close the map of the whole tree' },
  { keys: ['?'], action: 'Show these shortcuts' },
] as const;

/** How long a first digit waits for a second when a question has ten answers or more. */
const TWO_DIGIT_WAIT_MS = 700;

interface AgentKeyActions {
  place: WizardPlace | undefined;
  onNotes: () => void;
  onMap: () => void;
  onHelp: () => void;
  onCopy: (what: 'text' | 'markdown') => void;
}

/**
 * Number keys choose the n-th answer, Backspace or Alt+← goes back a question, `n` notes, `m` the
 * map, `y` / `Y` copy the case notes (text / Markdown), `?` the list. Like the site's own keys they never act while typing in a field, with Ctrl or
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
  // The first digit of a two-digit answer number, waiting a moment for the second.
  const pending = useRef<{ digit: number; timer: ReturnType<typeof setTimeout> } | null>(null);
  const placePath = actions.place?.path;
  useEffect(
    () => () => {
      // A new page drops a half-typed number: it belonged to the old question.
      if (pending.current !== null) clearTimeout(pending.current.timer);
      pending.current = null;
    },
    [placePath],
  );

  useEffect(() => {
    if (!enabled) return undefined;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey) return;
      if (isTyping(event.target) || isModalOpen()) return;
      const { place, onNotes, onMap, onHelp, onCopy } = latest.current;
      // A held key repeats; moving through the tree takes one press per step.
      const moves =
        event.key === 'Backspace' || event.key === 'ArrowLeft' || /^[0-9]$/.test(event.key);
      if (event.repeat && moves) return;
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
      if (/^[0-9]$/.test(event.key)) {
        const hrefs = place?.answerHrefs ?? [];
        if (hrefs.length === 0) return;
        event.preventDefault();
        const choose = (position: number) => {
          const href = hrefs[position - 1];
          if (href !== undefined) void navigate(href);
        };
        const digit = Number(event.key);
        const first = pending.current;
        if (first !== null) {
          clearTimeout(first.timer);
          pending.current = null;
          choose(first.digit * 10 + digit);
          return;
        }
        // With ten answers or more, a digit that can start a two-digit number waits for another.
        if (digit > 0 && digit * 10 <= hrefs.length) {
          pending.current = {
            digit,
            timer: setTimeout(() => {
              pending.current = null;
              choose(digit);
            }, TWO_DIGIT_WAIT_MS),
          };
          return;
        }
        choose(digit);
        return;
      }
      const action = {
        n: onNotes,
        m: onMap,
        '?': onHelp,
        y: () => onCopy('text'),
        Y: () => onCopy('markdown'),
      }[event.key];
      if (action === undefined) return;
      event.preventDefault();
      action();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [enabled, navigate]);
}
