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

/** A key that moves through the tree: back a question, or an answer's digit. */
type Move = 'back' | number;

/** Keys kept while a page is on its way; more than a few is a key held down, not typing. */
const MAX_WAITING_KEYS = 4;

interface AgentKeyActions {
  place: WizardPlace | undefined;
  onNotes: () => void;
  onMap: () => void;
  onHelp: () => void;
  onCopy: (what: 'text' | 'markdown') => void;
}

/**
 * Number keys choose the n-th answer, Backspace or Alt+← goes back a question, `n` notes, `m` the
 * map, `y` / `Y` copy the case notes (text / Markdown), `?` the list. Like the site's own keys
 * they never act while typing in a field, with Ctrl or Meta held, behind an open dialog, or when
 * shortcuts are turned off.
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
  // Keys pressed while the next page is on its way: an agent typing "2 1" fast means two steps,
  // and the "1" belongs to the page the "2" leads to, so it waits for that page.
  const moving = useRef<{ queue: Move[]; timer: ReturnType<typeof setTimeout> } | null>(null);
  const step = useRef<(move: Move) => void>(() => undefined);
  // Read through a call, so a check after `step` sees what `step` set.
  const movingNow = () => moving.current;

  useEffect(() => {
    const go = (href: string) => {
      // A page that never changes (navigation refused) must not hold the keys for ever.
      moving.current = { queue: [], timer: setTimeout(() => (moving.current = null), 1000) };
      void navigate(href);
    };
    step.current = (move) => {
      const { place } = latest.current;
      if (move === 'back') {
        if (place?.backHref !== undefined) go(place.backHref);
        return;
      }
      const hrefs = place?.answerHrefs ?? [];
      const choose = (position: number) => {
        const href = hrefs[position - 1];
        if (href !== undefined) go(href);
      };
      const first = pending.current;
      if (first !== null) {
        clearTimeout(first.timer);
        pending.current = null;
        choose(first.digit * 10 + move);
        return;
      }
      // With ten answers or more, a digit that can start a two-digit number waits for another.
      if (move > 0 && move * 10 <= hrefs.length) {
        pending.current = {
          digit: move,
          timer: setTimeout(() => {
            pending.current = null;
            choose(move);
          }, TWO_DIGIT_WAIT_MS),
        };
        return;
      }
      choose(move);
    };
  }, [navigate]);

  const placePath = actions.place?.path;
  useEffect(() => {
    // The page has changed: a half-typed number belonged to the old question, and keys that
    // waited for this page go on now.
    if (pending.current !== null) clearTimeout(pending.current.timer);
    pending.current = null;
    const waiting = moving.current;
    if (waiting === null) return;
    clearTimeout(waiting.timer);
    moving.current = null;
    for (let next = waiting.queue.shift(); next !== undefined; next = waiting.queue.shift()) {
      step.current(next);
      // That key started another page: the rest wait for it in turn.
      const started = movingNow();
      if (started !== null) {
        started.queue.push(...waiting.queue);
        return;
      }
    }
  }, [placePath]);

  useEffect(() => {
    if (!enabled) return undefined;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey) return;
      if (isTyping(event.target) || isModalOpen()) return;
      const { place, onNotes, onMap, onHelp, onCopy } = latest.current;
      const back =
        (event.key === 'Backspace' && !event.altKey && !event.shiftKey) ||
        (event.key === 'ArrowLeft' && event.altKey && !event.shiftKey);
      const digit = !event.altKey && /^[0-9]$/.test(event.key) ? Number(event.key) : undefined;
      if (back || digit !== undefined) {
        // A held key repeats; moving through the tree takes one press per step.
        if (event.repeat) return;
        const move: Move = back ? 'back' : (digit ?? 0);
        const waiting = moving.current;
        if (waiting !== null) {
          event.preventDefault();
          if (waiting.queue.length < MAX_WAITING_KEYS) waiting.queue.push(move);
          return;
        }
        const usable = back ? place?.backHref !== undefined : (place?.answerHrefs.length ?? 0) > 0;
        if (!usable) return;
        event.preventDefault();
        step.current(move);
        return;
      }
      if (event.altKey) return;
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
  }, [enabled]);
}
