import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useAnalyzer } from './analyzer-store';
import { SAVED_REPORT_KEY } from './saved-report';
import { testReport } from './test-report';

const initial = useAnalyzer.getState();
let stored: Map<string, string>;

beforeEach(() => {
  stored = new Map();
  vi.stubGlobal('sessionStorage', {
    getItem: (key: string) => stored.get(key) ?? null,
    setItem: (key: string, value: string) => stored.set(key, value),
    removeItem: (key: string) => stored.delete(key),
  });
  useAnalyzer.setState(initial, true);
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('useAnalyzer', () => {
  it('keeps a finished report in session storage and shows it again after a reload', () => {
    const report = testReport();
    useAnalyzer.getState().finish(report, 42);
    expect(JSON.parse(stored.get(SAVED_REPORT_KEY)!)).toEqual(report);

    useAnalyzer.setState(initial, true);
    useAnalyzer.getState().restoreSaved();
    expect(useAnalyzer.getState()).toMatchObject({
      status: 'done',
      report,
      ms: null,
      notice: 'restored',
    });
  });

  it('drops unreadable saved results and says so', () => {
    stored.set(
      SAVED_REPORT_KEY,
      JSON.stringify({ format: 'call-troubleshooter/capture-analysis' }),
    );
    useAnalyzer.getState().restoreSaved();
    expect(useAnalyzer.getState()).toMatchObject({ status: 'idle', notice: 'saved-unreadable' });
    expect(stored.has(SAVED_REPORT_KEY)).toBe(false);
  });

  it('looks for saved results only once', () => {
    useAnalyzer.getState().restoreSaved();
    stored.set(SAVED_REPORT_KEY, JSON.stringify(testReport()));
    useAnalyzer.getState().restoreSaved();
    expect(useAnalyzer.getState().status).toBe('idle');
  });

  it('forgets the last results when a new run starts, and keeps nothing when it is stopped', () => {
    useAnalyzer.getState().finish(testReport(), 42);
    useAnalyzer.getState().begin({ bytesRead: 0, totalBytes: 10, fileName: 'b.pcap' });
    expect(stored.has(SAVED_REPORT_KEY)).toBe(false);
    expect(useAnalyzer.getState()).toMatchObject({ status: 'reading', report: null });
    useAnalyzer.getState().stopped();
    expect(useAnalyzer.getState()).toMatchObject({ status: 'idle', notice: 'stopped' });
  });

  it('never stores the pasted text, and keeps it through errors and clearing', () => {
    useAnalyzer.getState().setText('INVITE sip:+15551230002@example.net SIP/2.0');
    useAnalyzer.getState().fail({ message: 'No SIP messages found.', pasted: true });
    useAnalyzer.getState().finish(testReport(), 1);
    useAnalyzer.getState().clearResults();
    expect(useAnalyzer.getState().text).toBe('INVITE sip:+15551230002@example.net SIP/2.0');
    expect([...stored.values()].join('')).not.toContain('INVITE sip:');
    expect(useAnalyzer.getState()).toMatchObject({ report: null, notice: 'cleared' });
  });

  it('keeps working when storage throws', () => {
    vi.stubGlobal('sessionStorage', {
      getItem: () => {
        throw new Error('blocked');
      },
      setItem: () => {
        throw new Error('full');
      },
      removeItem: () => {
        throw new Error('blocked');
      },
    });
    useAnalyzer.getState().finish(testReport(), 1);
    expect(useAnalyzer.getState().status).toBe('done');
    useAnalyzer.setState(initial, true);
    useAnalyzer.getState().restoreSaved();
    expect(useAnalyzer.getState()).toMatchObject({ status: 'idle', notice: null });
  });
});
