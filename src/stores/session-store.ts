import * as z from 'zod/mini';
import { createStore } from 'zustand/vanilla';
import {
  persist,
  type PersistStorage,
  type StateStorage,
  type StorageValue,
} from 'zustand/middleware';
import type { TicketDraft } from '@/engine/ticket/model';
import { CallSchema, type Call } from './call-schema';
import { TicketDraftSchema } from './ticket-draft-schema';

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

const Slug = z.string().check(z.regex(/^[a-z0-9-]{1,80}$/));
/** The persisted part of the state, as it must look when read back. */
const ProgressSchema = z.strictObject({
  ticks: z.record(Slug, z.array(Slug).check(z.maxLength(100))),
  feedback: z.record(Slug, z.enum(['fixed', 'not-fixed'])),
});
export const PersistedSessionSchema = z.extend(ProgressSchema, {
  draft: z.nullable(TicketDraftSchema),
  call: z.nullable(CallSchema),
});
type PersistedSession = z.infer<typeof PersistedSessionSchema>;

/** Marks saved data that isn't JSON or isn't ours, so `merge` can report it. */
const UNREADABLE = Symbol('unreadable');

/**
 * Migrations from older versions, keyed by the version they upgrade from. Each returns data in the
 * next version's shape; anything that can't be migrated is dropped with a notice.
 */
const migrations: Record<number, (state: unknown) => unknown> = {
  // Version 2 added the support request draft.
  1: (state) => (isObject(state) ? { ...state, draft: null } : state),
  // Version 3 added agent mode's call.
  2: (state) => (isObject(state) ? { ...state, call: null } : state),
};

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function migrate(state: unknown, version: number): unknown {
  let current = state;
  for (let from = version; from < STORAGE_VERSION; from += 1) {
    const step = migrations[from];
    if (step === undefined) return UNREADABLE;
    current = step(current);
  }
  return version > STORAGE_VERSION ? UNREADABLE : current;
}

function jsonStorage(backing: StateStorage): PersistStorage<PersistedSession> {
  return {
    getItem(name) {
      const raw = backing.getItem(name);
      if (typeof raw !== 'string') return null;
      try {
        const parsed: unknown = JSON.parse(raw);
        const envelope = z.object({ state: z.unknown(), version: z.number() }).safeParse(parsed);
        if (envelope.success) return envelope.data as StorageValue<PersistedSession>;
      } catch {
        // Falls through: not JSON.
      }
      return {
        state: UNREADABLE,
        version: STORAGE_VERSION,
      } as unknown as StorageValue<PersistedSession>;
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
  const storage = jsonStorage(backing);
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
        // Whatever comes out is validated in `merge`, so the cast claims nothing unchecked.
        migrate: (state, version) => migrate(state, version) as PersistedSession,
        merge: (persisted, current) => {
          if (persisted === undefined) return current;
          const result = PersistedSessionSchema.safeParse(persisted);
          if (result.success) return { ...current, ...result.data };
          // A draft or call that can't be read must not cost the rest: keep what still reads.
          const parts = isObject(persisted) ? persisted : {};
          const progress = ProgressSchema.safeParse({
            ticks: parts.ticks,
            feedback: parts.feedback,
          });
          if (!progress.success) return { ...current, notice: 'storage-reset' };
          const draft = z.nullable(TicketDraftSchema).safeParse(parts.draft ?? null);
          const call = z.nullable(CallSchema).safeParse(parts.call ?? null);
          const notice: SessionNotice = draft.success
            ? 'call-reset'
            : call.success
              ? 'draft-reset'
              : 'draft-and-call-reset';
          return {
            ...current,
            ...progress.data,
            draft: draft.success ? draft.data : null,
            call: call.success ? call.data : null,
            notice,
          };
        },
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
