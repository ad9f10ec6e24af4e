import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { StateStorage } from 'zustand/middleware';
import { createSessionStore, STORAGE_KEY, STORAGE_VERSION } from './session-store';

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
});
