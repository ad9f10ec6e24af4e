import * as z from 'zod/mini';
import { CallSchema } from './call-schema';
import { TicketDraftSchema } from './ticket-draft-schema';
import { STORAGE_VERSION, type PersistedSession, type SessionNotice } from '@/stores/session-store';

/**
 * Reads the session saved in this browser back, checking every part of it. Loaded only when saved
 * progress is read (after the page is interactive), so the validation library stays out of the
 * start page's download.
 */

const Slug = z.string().check(z.regex(/^[a-z0-9-]{1,80}$/));
/** The persisted part of the state, as it must look when read back. */
const ProgressSchema = z.strictObject({
  ticks: z.record(Slug, z.array(Slug).check(z.maxLength(100))),
  feedback: z.record(Slug, z.enum(['fixed', 'not-fixed'])),
});
const PersistedSessionSchema = z.extend(ProgressSchema, {
  draft: z.nullable(TicketDraftSchema),
  call: z.nullable(CallSchema),
});

/** What was read: the usable saved state, and why anything was dropped. */
export type SavedSession = PersistedSession & { notice: SessionNotice | null };

/** The state, and the version it was saved with (it is already upgraded to the current one). */
export interface ReadSaved {
  session: SavedSession;
  savedVersion: number;
}

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

const UNREADABLE = Symbol('unreadable');

function migrate(state: unknown, version: number): unknown {
  let current = state;
  for (let from = version; from < STORAGE_VERSION; from += 1) {
    const step = migrations[from];
    if (step === undefined) return UNREADABLE;
    current = step(current);
  }
  return version > STORAGE_VERSION ? UNREADABLE : current;
}

const EMPTY: SavedSession = { ticks: {}, feedback: {}, draft: null, call: null, notice: null };

/**
 * The saved text, as state the store can take. Never throws: text that isn't ours gives empty
 * progress with a `storage-reset` notice; a draft or call that can't be read is dropped with its
 * own notice, keeping the rest.
 */
export function readSaved(raw: string): ReadSaved {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    parsed = undefined;
  }
  const envelope = z.object({ state: z.unknown(), version: z.number() }).safeParse(parsed);
  if (!envelope.success) {
    return { session: { ...EMPTY, notice: 'storage-reset' }, savedVersion: STORAGE_VERSION };
  }
  const { version } = envelope.data;
  return { session: check(migrate(envelope.data.state, version)), savedVersion: version };
}

function check(state: unknown): SavedSession {
  const whole = PersistedSessionSchema.safeParse(state);
  if (whole.success) return { ...whole.data, notice: null };
  const parts = isObject(state) ? state : {};
  const progress = ProgressSchema.safeParse({ ticks: parts.ticks, feedback: parts.feedback });
  if (!progress.success) return { ...EMPTY, notice: 'storage-reset' };
  const draft = z.nullable(TicketDraftSchema).safeParse(parts.draft ?? null);
  const call = z.nullable(CallSchema).safeParse(parts.call ?? null);
  const notice: SessionNotice = draft.success
    ? 'call-reset'
    : call.success
      ? 'draft-reset'
      : 'draft-and-call-reset';
  return {
    ...progress.data,
    draft: draft.success ? draft.data : null,
    call: call.success ? call.data : null,
    notice,
  };
}
