import { describe, expect, it } from 'vitest';
import { finalResponseText, formatDuration, isFailed, reasonText, wallClock } from './format';
import { testCall } from './test-report';

describe('wallClock', () => {
  const iso = '2026-03-02T15:04:05.678Z';
  it('writes an instant in a zone, with milliseconds', () => {
    expect(wallClock(iso, { timeZone: 'America/New_York' })).toBe('2026-03-02 10:04:05.678');
    expect(wallClock(iso, { timeZone: 'UTC', timeOnly: true })).toBe('15:04:05.678');
    expect(wallClock(iso, { timeZone: 'UTC', seconds: true })).toBe('2026-03-02 15:04:05');
  });

  it('gives UTC for an unknown zone and nothing for a non-time', () => {
    expect(wallClock(iso, { timeZone: 'Mars/Olympus' })).toBe('2026-03-02 15:04:05.678');
    expect(wallClock('yesterday')).toBe('');
  });
});

describe('formatDuration', () => {
  it.each([
    [850, '850 ms'],
    [12_345, '12.3 s'],
    [245_000, '4 min 05 s'],
    [3_720_000, '1 h 02 min'],
  ])('%d ms → %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});

describe('call outcome', () => {
  it('reads the final response', () => {
    expect(finalResponseText(testCall())).toBe('503 Service Unavailable');
    expect(finalResponseText(testCall({ answered: true, finalStatus: 200 }))).toBe('Answered');
    expect(finalResponseText(testCall({ finalStatus: null, finalPhrase: null }))).toBe('No reply');
  });

  it('counts refusals and silence as failed, not answers or the caller giving up', () => {
    expect(isFailed(testCall())).toBe(true);
    expect(isFailed(testCall({ finalStatus: null }))).toBe(true);
    expect(isFailed(testCall({ finalStatus: 487 }))).toBe(false);
    expect(isFailed(testCall({ answered: true, finalStatus: 200 }))).toBe(false);
  });

  it('reads a Reason header', () => {
    expect(reasonText(testCall().reason)).toBe('Q.850 cause 34 “No circuit/channel available”');
    expect(reasonText(null)).toBe('');
  });
});
