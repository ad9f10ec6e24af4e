import { describe, expect, it } from 'vitest';
import { suggest } from './suggest.ts';

describe('suggest', () => {
  it('finds swapped, missing and extra letters', () => {
    expect(suggest('titel', ['title', 'summary'])).toBe('title');
    expect(suggest('sumary', ['title', 'summary'])).toBe('summary');
    expect(suggest('sip-503-rout-advance', ['sip-503-route-advance', 'sip-500'])).toBe(
      'sip-503-route-advance',
    );
  });

  it('stays quiet when nothing is close', () => {
    expect(suggest('banana', ['title', 'summary'])).toBeUndefined();
    expect(suggest('ab', ['xy'])).toBeUndefined();
    expect(suggest('anything', [])).toBeUndefined();
  });
});
