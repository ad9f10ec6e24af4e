import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { StateStorage } from 'zustand/middleware';
import type { TicketDraft } from '@/engine/ticket/model';
import { createSessionStore, STORAGE_KEY, STORAGE_VERSION } from './session-store';

const draft: TicketDraft = {
  trail: ['never-connects', 'sip-code', '503'],
  country: 'US',
  origin: '919 555 0100',
  destinations: ['+44 20 7946 0958', ''],
  timestamps: ['2026-11-24 14:05'],
  timeZone: 'America/New_York',
  codes: null,
  errorText: '',
  frequency: 'every-time',
  product: null,
  description: 'Calls to London fail. '.repeat(200),
};

function memoryStorage(initial?: string): StateStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  if (initial !== undefined) data.set(STORAGE_KEY, initial);
  return {
    data,
    getItem: (name) => data.get(name) ?? null,
    setItem: (name, value) => void data.set(name, value),
    removeItem: (name) => void data.delete(name),
  };
}

async function loaded(storage: StateStorage) {
  const store = createSessionStore(storage);
  await store.persist.rehydrate();
  return store;
}

describe('session store', () => {
  it('saves ticks and feedback and reads them back after a reload', async () => {
    const storage = memoryStorage();
    const first = await loaded(storage);
    first.getState().toggleStep('sip-403', 'check-ip');
    first.getState().toggleStep('sip-403', 'check-account');
    first.getState().toggleStep('sip-403', 'check-ip');
    first.getState().setFeedback('sip-403', 'not-fixed');

    const second = await loaded(storage);
    expect(second.getState().ticks).toEqual({ 'sip-403': ['check-account'] });
    expect(second.getState().feedback).toEqual({ 'sip-403': 'not-fixed' });
    expect(second.getState().notice).toBeNull();
  });

  it('does not read saved data until asked (so server and client render alike)', () => {
    const storage = memoryStorage(
      JSON.stringify({ state: { ticks: { a: ['b'] }, feedback: {} }, version: STORAGE_VERSION }),
    );
    expect(createSessionStore(storage).getState().ticks).toEqual({});
  });

  it.each([
    ['text that is not JSON', '{not json'],
    ['JSON of the wrong shape', JSON.stringify({ hello: 'world' })],
    ['a state with bad values', JSON.stringify({ state: { ticks: { a: 'b' } }, version: 1 })],
    [
      'data from a newer version',
      JSON.stringify({ state: { ticks: {}, feedback: {} }, version: 99 }),
    ],
    ['data from an unknown older version', JSON.stringify({ state: {}, version: 0 })],
  ])('starts clean with a notice on %s, and clears it', async (_, saved) => {
    const storage = memoryStorage(saved);
    const store = await loaded(storage);
    expect(store.getState()).toMatchObject({ ticks: {}, feedback: {}, notice: 'storage-reset' });
    expect(storage.data.has(STORAGE_KEY)).toBe(false);
    store.getState().dismissNotice();
    expect(store.getState().notice).toBeNull();
  });

  it('survives anything at all in storage', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string(), fc.json()), async (saved) => {
        const store = await loaded(memoryStorage(saved));
        const { ticks, feedback } = store.getState();
        expect(typeof ticks).toBe('object');
        expect(typeof feedback).toBe('object');
      }),
    );
  });

  it('clears one scope of ticks, and resets everything', async () => {
    const store = await loaded(memoryStorage());
    store.getState().toggleStep('procedure', 'one-1');
    store.getState().toggleStep('sip-500', 'retry-once');
    store.getState().clearTicks('procedure');
    expect(store.getState().ticks).toEqual({ 'sip-500': ['retry-once'] });
    store.getState().reset();
    expect(store.getState().ticks).toEqual({});
  });

  it('keeps the support request draft, exactly as typed, over a reload', async () => {
    const storage = memoryStorage();
    (await loaded(storage)).getState().saveDraft(draft);
    const second = await loaded(storage);
    expect(second.getState().draft).toEqual(draft);
    second.getState().clearDraft();
    expect((await loaded(storage)).getState().draft).toBeNull();
  });

  it('upgrades version 1 data, which had no draft, keeping its ticks', async () => {
    const storage = memoryStorage(
      JSON.stringify({ state: { ticks: { a: ['b'] }, feedback: { a: 'fixed' } }, version: 1 }),
    );
    const store = await loaded(storage);
    expect(store.getState()).toMatchObject({
      ticks: { a: ['b'] },
      feedback: { a: 'fixed' },
      draft: null,
      notice: null,
    });
    expect(JSON.parse(storage.data.get(STORAGE_KEY)!)).toMatchObject({ version: STORAGE_VERSION });
  });

  it.each([
    ['a draft of the wrong shape', { ...draft, destinations: 'not a list' }],
    ['a draft with an unknown key', { ...draft, colour: 'red' }],
    ['a draft without rows', { ...draft, timestamps: [] }],
  ])('drops %s with its own notice, but keeps the ticks', async (_, bad) => {
    const storage = memoryStorage(
      JSON.stringify({
        state: { ticks: { a: ['b'] }, feedback: {}, draft: bad },
        version: STORAGE_VERSION,
      }),
    );
    const store = await loaded(storage);
    expect(store.getState()).toMatchObject({
      ticks: { a: ['b'] },
      draft: null,
      notice: 'draft-reset',
    });
    const saved = JSON.parse(storage.data.get(STORAGE_KEY)!) as { state: { draft: unknown } };
    expect(saved.state.draft).toBeNull();
  });

  describe('the call (agent mode)', () => {
    const T0 = Date.UTC(2026, 10, 24, 9, 2, 11);

    it('keeps the timer start, notes, the note being typed and visits over a reload', async () => {
      const storage = memoryStorage();
      const first = await loaded(storage);
      const call = {
        startedAt: T0,
        endedAt: null,
        notes: [{ id: 'n1', at: T0 + 30_000, text: 'Caller hears a recording' }],
        noteDraft: 'Half a sen',
        visits: [
          { at: T0, path: '/' },
          { at: T0 + 5_000, path: '/never-connects' },
        ],
      };
      first.setState({ call });
      expect((await loaded(storage)).getState().call).toEqual(call);
    });

    it('upgrades version 2 data, which had no call, keeping the ticks and the draft', async () => {
      const storage = memoryStorage(
        JSON.stringify({ state: { ticks: { a: ['b'] }, feedback: {}, draft }, version: 2 }),
      );
      const store = await loaded(storage);
      expect(store.getState()).toMatchObject({ ticks: { a: ['b'] }, draft, call: null });
      expect(store.getState().notice).toBeNull();
    });

    it.each([
      ['notes that are not a list', { notes: 'x' }],
      ['a note without text', { notes: [{ id: 'n1', at: 1, text: '' }] }],
      ['a start time that is not a number', { startedAt: 'today' }],
    ])('drops a call with %s, keeping the ticks and the draft', async (_, bad) => {
      const call = { startedAt: T0, endedAt: null, notes: [], noteDraft: '', visits: [], ...bad };
      const storage = memoryStorage(
        JSON.stringify({
          state: { ticks: { a: ['b'] }, feedback: {}, draft, call },
          version: STORAGE_VERSION,
        }),
      );
      const store = await loaded(storage);
      expect(store.getState()).toMatchObject({
        ticks: { a: ['b'] },
        draft,
        call: null,
        notice: 'call-reset',
      });
      const saved = JSON.parse(storage.data.get(STORAGE_KEY)!) as { state: { call: unknown } };
      expect(saved.state.call).toBeNull();
    });

    it('says so when both the draft and the call are unreadable', async () => {
      const storage = memoryStorage(
        JSON.stringify({
          state: { ticks: {}, feedback: {}, draft: 1, call: 2 },
          version: STORAGE_VERSION,
        }),
      );
      expect((await loaded(storage)).getState().notice).toBe('draft-and-call-reset');
    });
  });
});
