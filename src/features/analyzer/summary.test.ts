import { describe, expect, it } from 'vitest';
import { reportFileName, summaryLine, warningLines } from './summary';
import { testReport } from './test-report';

describe('summaryLine', () => {
  it('says what was read, and how long it took', () => {
    expect(summaryLine(testReport(), 1234)).toBe(
      'Read capture.pcap (pcap, 4.0 kB): 4 packets, 4 SIP messages, 1 call and 0 RTP streams, in 1.2 s.',
    );
  });

  it('leaves out packets for text, and the time when unknown', () => {
    const report = testReport();
    const text = { ...report.files[0]!, name: 'pasted text', format: 'text' as const, bytes: 900 };
    expect(summaryLine({ ...report, files: [text] }, null)).toBe(
      'Read pasted text (text, 900 bytes): 4 SIP messages, 1 call and 0 RTP streams.',
    );
  });

  it('counts several files', () => {
    const report = testReport();
    const file = report.files[0]!;
    const files = [file, { ...file, name: 'b.pcapng', format: 'pcapng' as const }];
    expect(summaryLine({ ...report, files }, 80)).toMatch(
      /^Read 2 files \(pcap, pcapng, 8\.0 kB\): 8 packets, 8 SIP messages/,
    );
  });
});

describe('warningLines', () => {
  it('gives each warning with where it is, naming the file when there are several', () => {
    const report = testReport();
    const file = {
      ...report.files[0]!,
      warnings: [
        { code: 'truncated-record', message: 'The last packet is cut short.', offset: 40960 },
        { code: 'unsupported-link-type', message: 'A packet was skipped.', frame: 7 },
        { code: 'x', message: 'Something else.' },
      ],
    };
    expect(warningLines({ ...report, files: [file] })).toEqual([
      'The last packet is cut short. (at byte 40,960)',
      'A packet was skipped. (frame 7)',
      'Something else.',
    ]);
    expect(warningLines({ ...report, files: [file, { ...file, name: 'b.pcap' }] })[3]).toBe(
      'b.pcap: The last packet is cut short. (at byte 40,960)',
    );
  });
});

describe('reportFileName', () => {
  it.each([
    ['capture.pcap', 'capture-analysis.json'],
    ['trunk 2026-03-02.pcapng', 'trunk-2026-03-02-analysis.json'],
    ['pasted text', 'pasted-text-analysis.json'],
    ['../..', 'capture-analysis.json'],
  ])('%s → %s', (name, fileName) => {
    const report = testReport();
    expect(reportFileName({ ...report, files: [{ ...report.files[0]!, name }] })).toBe(fileName);
  });
});
