import { describe, expect, it } from 'vitest';
import { blankDraft } from '@/engine/ticket/model';
import { CALL_LIMITS } from '@/stores/call-limits';
import { createSessionStore } from '@/stores/session-store';
import {
  addNote,
  endCall,
  hasCaseData,
  newCall,
  logVisit,
  removeNote,
  restoreNote,
  setNoteDraft,
  startCall,
} from './call-actions';

const T0 = Date.UTC(2026, 10, 24, 9, 2, 11);

async function loaded() {
  const data = new Map<string, string>();
  const store = createSessionStore({
    getItem: (name) => data.get(name) ?? null,
    setItem: (name, value) => void data.set(name, value),
    removeItem: (name) => void data.delete(name),
  });
  await store.persist.rehydrate();
  return store;
}

describe('call actions', () => {
  it('adds a note only when there is a call and the text is usable, emptying the draft', async () => {
    const store = await loaded();
    expect(addNote(store, 'No call yet', T0)).toBe('no-call');
    startCall(store, T0);
    setNoteDraft(store, 'typed');
    expect(addNote(store, '   ', T0)).toBe('empty');
    expect(addNote(store, 'x'.repeat(CALL_LIMITS.noteLength + 1), T0)).toBe('too-long');
    expect(store.getState().call?.noteDraft).toBe('typed');
    expect(addNote(store, 'typed', T0 + 1)).toBe('added');
    expect(store.getState().call?.noteDraft).toBe('');
    const ids = new Set<string>();
    for (let index = 0; index < 5; index += 1) addNote(store, `n${String(index)}`, T0 + 2 + index);
    for (const note of store.getState().call?.notes ?? []) ids.add(note.id);
    expect(ids.size).toBe(6);
    const [first] = store.getState().call?.notes ?? [];
    removeNote(store, first!.id);
    restoreNote(store, first!);
    restoreNote(store, first!);
    expect(store.getState().call?.notes[0]).toEqual(first);
    expect(store.getState().call?.notes).toHaveLength(6);
    removeNote(store, first!.id);
    expect(store.getState().call?.notes.map((note) => note.text)).toEqual([
      'n0',
      'n1',
      'n2',
      'n3',
      'n4',
    ]);
  });

  it('counts a page once per arrival and keeps only the latest visits', async () => {
    const store = await loaded();
    logVisit(store, '/', T0);
    expect(store.getState().call).toBeNull();
    startCall(store, T0);
    logVisit(store, '/', T0);
    logVisit(store, '/', T0 + 1);
    expect(store.getState().call?.visits).toHaveLength(1);
    for (let index = 0; index < CALL_LIMITS.visits + 10; index += 1) {
      logVisit(store, `/p${String(index)}`, T0 + index);
    }
    const visits = store.getState().call?.visits ?? [];
    expect(visits).toHaveLength(CALL_LIMITS.visits);
    expect(visits.at(-1)?.path).toBe(`/p${String(CALL_LIMITS.visits + 9)}`);
  });

  it('ends once, and a new call starts from zero', async () => {
    const store = await loaded();
    startCall(store, T0);
    addNote(store, 'first call', T0);
    endCall(store, T0 + 60_000);
    endCall(store, T0 + 90_000);
    expect(store.getState().call?.endedAt).toBe(T0 + 60_000);
    startCall(store, T0 + 120_000);
    expect(store.getState().call).toEqual({
      startedAt: T0 + 120_000,
      endedAt: null,
      notes: [],
      noteDraft: '',
      visits: [],
    });
  });

  it('refuses a note past the most a call keeps', async () => {
    const store = await loaded();
    startCall(store, T0);
    for (let index = 0; index < CALL_LIMITS.notes; index += 1) {
      expect(addNote(store, `note ${String(index)}`, T0 + index)).toBe('added');
    }
    setNoteDraft(store, 'one more');
    expect(addNote(store, 'one more', T0)).toBe('full');
    expect(store.getState().call?.noteDraft).toBe('one more');
  });

  it('a new call leaves nothing of the last caller’s case behind', async () => {
    const store = await loaded();
    startCall(store, T0);
    addNote(store, 'Caller A', T0);
    store.getState().toggleStep('one-way-audio', 'check-mute');
    store.getState().setFeedback('one-way-audio', 'not-fixed');
    store.getState().saveDraft({ ...blankDraft('US', 'UTC'), origin: '+1 919 555 0100' });
    expect(hasCaseData(store.getState())).toBe(true);
    newCall(store, T0 + 60_000);
    expect(store.getState()).toMatchObject({ ticks: {}, feedback: {}, draft: null });
    expect(store.getState().call).toMatchObject({ startedAt: T0 + 60_000, notes: [] });
    expect(hasCaseData(store.getState())).toBe(false);
  });
});
