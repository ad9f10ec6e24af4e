import { createStore } from 'zustand/vanilla';
import { persist, type PersistStorage, type StateStorage } from 'zustand/middleware';
import type { TicketDraft } from '@/engine/ticket/model';
import type { Call } from './saved/call-schema';
import type { SavedSession } from './saved/read-saved';

/**
 * What the URL cannot hold: ticked fix steps, "did this fix it?" answers, the support request
 * draft, and agent mode's call. Where someone is in the tree always comes from the URL; this store
 * never copies it. The call's `visits` are a log of where the call has been (history, for the
 * times in the case notes), not a second copy of where it is now.
 */
export interface SessionState {
  /** Ticked steps, by scope: an outcome id, or "procedure" for the five-step check. */
  ticks: Record<string, string[]>;
  /** "Did this fix it?" per outcome id. */
  feedback: Record<string, Feedback>;
  /** The support request being written, exactly as typed; null until the person types. */
  draft: TicketDraft | null;
  /**
   * Agent mode's call (timer, notes, pages visited); null until agent mode starts one. Its actions
   * live with agent mode (src/features/agent/call-actions.ts), so customers never load them.
   */
  call: Call | null;
  /** Set when saved data could not be used and was cleared; shown once, then dismissed. */
  notice: SessionNotice | null;
}

export type Feedback = 'fixed' | 'not-fixed';
export type SessionNotice = 'storage-reset' | 'draft-reset' | 'call-reset' | 'draft-and-call-reset';

export interface SessionActions {
  toggleStep: (scope: string, stepId: string) => void;
  clearTicks: (scope: string) => void;
  setFeedback: (outcomeId: string, feedback: Feedback | null) => void;
  saveDraft: (draft: TicketDraft) => void;
  clearDraft: () => void;
  dismissNotice: () => void;
  reset: () => void;
}

export type SessionStore = SessionState & SessionActions;

export const STORAGE_KEY = 'call-troubleshooter:session';
export const STORAGE_VERSION = 3;

/** The persisted part of the state (checked by `saved/read-saved.ts` when read back). */
export type PersistedSession = Pick<SessionState, 'ticks' | 'feedback' | 'draft' | 'call'>;

/**
 * Saved JSON, read back through `readSaved`, which checks it and says what it had to drop. It and
 * its schemas load only when saved progress is read, after the page is interactive.
 */
function checkedStorage(backing: StateStorage): PersistStorage<PersistedSession> {
  return {
    async getItem(name) {
      const raw = backing.getItem(name);
      if (typeof raw !== 'string') return null;
      const { readSaved } = await import('./saved/read-saved');
      const { session, savedVersion } = readSaved(raw);
      // The notice rides along to `merge`; it is never written back.
      const state: SavedSession = session;
      return { state, version: savedVersion };
    },
    setItem(name, value) {
      backing.setItem(name, JSON.stringify(value));
    },
    removeItem(name) {
      backing.removeItem(name);
    },
  };
}

const initialState: SessionState = {
  ticks: {},
  feedback: {},
  draft: null,
  call: null,
  notice: null,
};

export function createSessionStore(backing: StateStorage) {
  const storage = checkedStorage(backing);
  const store = createStore<SessionStore>()(
    persist<SessionStore, [], [], PersistedSession>(
      (set, _get, store) => ({
        ...initialState,
        toggleStep: (scope, stepId) =>
          set((state) => {
            const ticked = state.ticks[scope] ?? [];
            const next = ticked.includes(stepId)
              ? ticked.filter((id) => id !== stepId)
              : [...ticked, stepId];
            return { ticks: { ...state.ticks, [scope]: next } };
          }),
        clearTicks: (scope) =>
          set((state) => {
            const { [scope]: _removed, ...rest } = state.ticks;
            return { ticks: rest };
          }),
        setFeedback: (outcomeId, feedback) =>
          set((state) => {
            const { [outcomeId]: _previous, ...rest } = state.feedback;
            return { feedback: feedback === null ? rest : { ...rest, [outcomeId]: feedback } };
          }),
        saveDraft: (draft) => set({ draft }),
        clearDraft: () => set({ draft: null }),
        dismissNotice: () => set({ notice: null }),
        reset: () => set(store.getInitialState()),
      }),
      {
        name: STORAGE_KEY,
        version: STORAGE_VERSION,
        storage,
        // The server render has no saved state; the client loads it after hydration.
        skipHydration: true,
        partialize: (state): PersistedSession => ({
          ticks: state.ticks,
          feedback: state.feedback,
          draft: state.draft,
          call: state.call,
        }),
        // `readSaved` already upgraded old versions; an older version number only makes the store
        // write the upgraded state back.
        migrate: (state) => state as PersistedSession,
        // `readSaved` checked what it returns.
        merge: (saved, current) => (saved ? { ...current, ...(saved as SavedSession) } : current),
        onRehydrateStorage: () => (state) => {
          // Drop unusable saved data so the notice shows once, not on every visit.
          if (state?.notice === 'storage-reset') storage.removeItem(STORAGE_KEY);
          // Rewrite what survived without the unreadable part.
          if (
            state?.notice !== undefined &&
            state.notice !== null &&
            state.notice !== 'storage-reset'
          )
            store.setState({ draft: state.draft, call: state.call });
        },
      },
    ),
  );
  return store;
}
