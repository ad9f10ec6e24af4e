import { describe, expect, it } from 'vitest';
import { readSlices, throttle } from './read-slices';

async function collect(source: AsyncIterable<Uint8Array>): Promise<Uint8Array[]> {
  const parts: Uint8Array[] = [];
  for await (const part of source) parts.push(part);
  return parts;
}

describe('readSlices', () => {
  it('reads a file in order, in slices of the given size', async () => {
    const bytes = Uint8Array.from({ length: 10 }, (_, i) => i);
    const parts = await collect(readSlices(new Blob([bytes]), 4));
    expect(parts.map((part) => [...part])).toEqual([
      [0, 1, 2, 3],
      [4, 5, 6, 7],
      [8, 9],
    ]);
  });

  it('gives nothing for an empty file', async () => {
    expect(await collect(readSlices(new Blob([]), 4))).toEqual([]);
  });
});

describe('throttle', () => {
  it('lets the first call through, then one per interval', () => {
    let time = 0;
    const pass = throttle(100, () => time);
    expect(pass()).toBe(true);
    time = 50;
    expect(pass()).toBe(false);
    time = 100;
    expect(pass()).toBe(true);
    time = 150;
    expect(pass()).toBe(false);
  });
});
