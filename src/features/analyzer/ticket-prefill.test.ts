import { describe, expect, it } from 'vitest';
import { LIMITS } from '@/engine/ticket/model';
import { phoneUser, prefillDraft } from './ticket-prefill';
import { testCall, testFinding, testReport } from './test-report';

const options = { timeZone: 'America/New_York', country: 'US' };

describe('prefillDraft', () => {
  it('fills the request from the finding’s calls', () => {
    const draft = prefillDraft(testFinding(), testReport(), options);
    expect(draft).toEqual({
      trail: ['never-connects', 'sip-code', '503'],
      country: 'US',
      origin: '+15551230001',
      destinations: ['+15551230002'],
      timestamps: ['2026-03-02 10:04:05'],
      timeZone: 'America/New_York',
      codes: '503',
      errorText:
        '503 Service Unavailable; Reason: Q.850;cause=34;text="No circuit/channel available"',
      frequency: null,
      product: null,
      description:
        'Read from the capture capture.pcap by the troubleshooter: 1 of 1 call was refused with 503 Service Unavailable.\n' +
        '- frame 3, 2026-03-02 10:04:06.928: SIP/2.0 503 Service Unavailable to 10.0.0.1:5060',
    });
  });

  it('writes times in the given zone', () => {
    const draft = prefillDraft(testFinding(), testReport(), { ...options, timeZone: 'Asia/Tokyo' });
    expect(draft.timestamps).toEqual(['2026-03-03 00:04:05']);
  });

  it('leaves names and extensions out of the numbers, keeping one empty row', () => {
    const call = testCall({ from: 'alice@pbx.example.com', to: '201@pbx.example.com' });
    const draft = prefillDraft(testFinding(), testReport({ calls: [call] }), options);
    expect(draft.origin).toBe('');
    expect(draft.destinations).toEqual(['']);
  });

  it('lists distinct numbers, times and errors once each, up to the row limit', () => {
    const calls = Array.from({ length: 30 }, (_, i) =>
      testCall({
        callId: `c${i}`,
        to: `+1555000${String(i % 25).padStart(4, '0')}@example.net`,
        start: `2026-03-02T15:${String(i).padStart(2, '0')}:00.000Z`,
      }),
    );
    const finding = testFinding({ callIds: calls.map((call) => call.callId) });
    const draft = prefillDraft(finding, testReport({ calls }), options);
    expect(draft.destinations).toHaveLength(LIMITS.rows);
    expect(draft.destinations[0]).toBe('+15550000000');
    expect(draft.timestamps).toHaveLength(LIMITS.rows);
    expect(draft.errorText.split('\n')).toHaveLength(1);
  });

  it('has no codes and no error text when the finding has none', () => {
    const answered = testCall({
      answered: true,
      finalStatus: 200,
      finalPhrase: 'OK',
      reason: null,
    });
    const finding = testFinding({ id: 'one-way-audio', codes: [], path: '/broken-audio/one-way' });
    const draft = prefillDraft(finding, testReport({ calls: [answered] }), options);
    expect(draft.codes).toBeNull();
    expect(draft.errorText).toBe('');
    expect(draft.trail).toEqual(['broken-audio', 'one-way']);
  });

  it('keeps blank rows when the finding names no call found in the report', () => {
    const draft = prefillDraft(testFinding({ callIds: ['elsewhere'] }), testReport(), options);
    expect(draft.origin).toBe('');
    expect(draft.destinations).toEqual(['']);
    expect(draft.timestamps).toEqual(['']);
  });

  it('copies at most 8 evidence lines and cuts the description on a line boundary', () => {
    const evidence = Array.from({ length: 12 }, (_, i) => ({
      file: 0,
      frame: i + 1,
      detail: `line ${i + 1} ${'x'.repeat(300)}`,
    }));
    const draft = prefillDraft(testFinding({ evidence }), testReport(), options);
    expect(draft.description.length).toBeLessThanOrEqual(LIMITS.description);
    const lines = draft.description.split('\n');
    expect(lines.length).toBeLessThanOrEqual(9);
    expect(lines.at(-1)).toMatch(/^- frame \d+: line \d+ x+$/);
    expect(lines.at(-1)).toHaveLength(`- frame 6: line 6 `.length + 300);
  });

  it('says when the messages came from text', () => {
    const report = testReport();
    const file = { ...report.files[0]!, name: 'pasted text', format: 'text' as const };
    const draft = prefillDraft(testFinding(), { ...report, files: [file] }, options);
    expect(draft.description).toMatch(
      /^Read from the SIP messages in pasted text by the troubleshooter/,
    );
  });
});

describe('prefillDraft with several files', () => {
  it('names only the files the finding is about', () => {
    const report = testReport();
    const file = report.files[0]!;
    const files = [{ ...file, name: 'other.pcap' }, file];
    const finding = testFinding({
      evidence: [{ file: 1, frame: 3, detail: 'SIP/2.0 503 Service Unavailable' }],
    });
    const calls = [testCall({ file: 1 })];
    const draft = prefillDraft(finding, { ...report, files, calls }, options);
    expect(draft.description).toMatch(/^Read from the capture capture\.pcap by/);
  });
});

describe('phoneUser', () => {
  it.each([
    ['+15551230001@example.com', '+15551230001'],
    ['15551230001@example.com', '15551230001'],
    ['+15551230001;npdi@example.com', '+15551230001'],
    ['+15551230001', '+15551230001'],
    ['12345@example.com', ''],
    ['1234567890123456@example.com', ''],
    ['alice@example.com', ''],
    ['10.0.0.1', ''],
    ['', ''],
  ])('%s → %s', (address, user) => {
    expect(phoneUser(address)).toBe(user);
  });
});
