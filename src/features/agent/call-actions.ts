import type { StoreApi } from 'zustand';
import { CALL_LIMITS } from '@/stores/call-limits';
import type { Call, CallNote } from '@/stores/saved/call-schema';
import type { SessionStore } from '@/stores/session-store';

/**
 * What agent mode does to the call kept in the session store: start and end it, take notes, and
 * log the wizard pages it reached. Here rather than in the store, so the customer view's bundle
 * doesn't carry them; every change still goes through the store, which saves it.
 */
export type Session = Pick<StoreApi<SessionStore>, 'getState' | 'setState'>;

/** Storage time: whole, non-negative milliseconds (the saved-data schema accepts nothing else). */
const epoch = (now: number) => Math.max(0, Math.trunc(now));

/** Applies `change` to the call; nothing happens when there is no call. */
function update(session: Session, change: (call: Call) => Partial<Call>): void {
  session.setState((state) =>
    state.call === null ? {} : { call: { ...state.call, ...change(state.call) } },
  );
}

/** Starts the call now: the timer from zero, no notes. Replaces any call there was. */
export function startCall(session: Session, now: number): void {
  session.setState({
    call: { startedAt: epoch(now), endedAt: null, notes: [], noteDraft: '', visits: [] },
  });
}

/**
 * The next caller: a new call, and nothing of the last one's case left behind (ticked steps,
 * "did this fix it?" answers, the support request draft), so none of it reaches their notes.
 */
export function newCall(session: Session, now: number): void {
  session.setState({ ticks: {}, feedback: {}, draft: null });
  startCall(session, now);
}

/** True when the call holds anything a new call would clear. */
export function hasCaseData(state: Pick<SessionStore, 'call' | 'ticks' | 'feedback' | 'draft'>) {
  const { call } = state;
  return (
    (call !== null && (call.notes.length > 0 || call.noteDraft.trim() !== '')) ||
    Object.values(state.ticks).some((ticked) => ticked.length > 0) ||
    Object.keys(state.feedback).length > 0 ||
    state.draft !== null
  );
}

/** Stops the call's timer (once: a second end keeps the first time). */
export function endCall(session: Session, now: number): void {
  update(session, (call) => ({ endedAt: call.endedAt ?? epoch(now) }));
}

export type AddNoteResult = 'added' | 'empty' | 'too-long' | 'full' | 'no-call';

/** Adds a timestamped note and empties the note being typed. */
export function addNote(session: Session, text: string, now: number): AddNoteResult {
  const { call } = session.getState();
  const trimmed = text.trim();
  if (call === null) return 'no-call';
  if (trimmed === '') return 'empty';
  if (trimmed.length > CALL_LIMITS.noteLength) return 'too-long';
  if (call.notes.length >= CALL_LIMITS.notes) return 'full';
  const at = epoch(now);
  const id = `n${at.toString(36)}-${String(call.notes.length)}`;
  session.setState({
    call: { ...call, notes: [...call.notes, { id, at, text: trimmed }], noteDraft: '' },
  });
  return 'added';
}

export function removeNote(session: Session, id: string): void {
  update(session, (call) => ({ notes: call.notes.filter((note) => note.id !== id) }));
}

/** Puts a removed note back in its place (for "Undo"). */
export function restoreNote(session: Session, note: CallNote): void {
  update(session, (call) =>
    call.notes.some((each) => each.id === note.id) || call.notes.length >= CALL_LIMITS.notes
      ? {}
      : { notes: [...call.notes, note].sort((a, b) => a.at - b.at) },
  );
}

/** The note being typed, kept as typed (bounded, so storage can't overflow). */
export function setNoteDraft(session: Session, text: string): void {
  update(session, () => ({ noteDraft: text.slice(0, CALL_LIMITS.noteDraft) }));
}

/** Records that the call reached a wizard page (consecutive repeats are one visit). */
export function logVisit(session: Session, path: string, now: number): void {
  update(session, (call) => {
    if (call.visits.at(-1)?.path === path || path.length > CALL_LIMITS.pathLength) return {};
    const visits = [...call.visits, { at: epoch(now), path }];
    return { visits: visits.slice(-CALL_LIMITS.visits) };
  });
}
