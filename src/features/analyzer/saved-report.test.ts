import { describe, expect, it } from 'vitest';
import { MAX_SAVED_CHARS, readSavedReport, savedReportText } from './saved-report';
import { testCall, testReport } from './test-report';

describe('readSavedReport', () => {
  it('reads back a saved report', () => {
    const report = testReport();
    expect(readSavedReport(JSON.stringify(report))).toEqual({ kind: 'report', report });
  });

  it('finds nothing when nothing was saved', () => {
    expect(readSavedReport(null)).toEqual({ kind: 'none' });
  });

  it.each([
    ['not JSON', '{"format":'],
    ['not an object', '[]'],
    ['null', 'null'],
    ['another format', JSON.stringify({ ...testReport(), format: 'something-else' })],
    ['another version', JSON.stringify({ ...testReport(), version: 2 })],
    ['calls not a list', JSON.stringify({ ...testReport(), calls: {} })],
    ['no findings', JSON.stringify({ ...testReport(), findings: undefined })],
    ['streams not a list', JSON.stringify({ ...testReport(), rtpStreams: 'none' })],
    ['no load', JSON.stringify({ ...testReport(), load: null })],
    [
      'a call without messages',
      JSON.stringify(testReport({ calls: [{ ...testCall(), messages: null } as never] })),
    ],
    [
      'a finding with evidence that is not a list',
      JSON.stringify({
        ...testReport(),
        findings: [{ ...testReport().findings[0], evidence: 'frame 3' }],
      }),
    ],
    [
      'a file without warnings',
      JSON.stringify({ ...testReport(), files: [{ ...testReport().files[0], warnings: 1 }] }),
    ],
  ])('drops %s', (_name, raw) => {
    expect(readSavedReport(raw)).toEqual({ kind: 'unreadable' });
  });
});

describe('savedReportText', () => {
  it('gives the JSON of a report that fits', () => {
    const report = testReport();
    expect(savedReportText(report)).toBe(JSON.stringify(report));
  });

  it('keeps a report over 3 MB out of storage', () => {
    const big = testCall({ from: 'x'.repeat(MAX_SAVED_CHARS) });
    expect(savedReportText(testReport({ calls: [big] }))).toBeUndefined();
  });
});
