import { formatSize } from '@/analyzer/analyze-file';
import type { AnalysisReport } from '@/analyzer/report';
import { count, formatDuration, plural } from './format';

/**
 * One line on what was read: "Read capture.pcap (pcapng, 1.2 MB): 12,345 packets, 56 SIP
 * messages, 8 calls and 4 RTP streams, in 1.2 s."
 */
export function summaryLine(report: AnalysisReport, ms: number | null): string {
  const { files } = report;
  const formats = [...new Set(files.map((file) => file.format))].join(', ');
  const bytes = files.reduce((sum, file) => sum + file.bytes, 0);
  const only = files.length === 1 ? files[0] : undefined;
  const what = only ? only.name : plural(files.length, 'file');
  const packets = files
    .filter((file) => file.format !== 'text')
    .reduce((sum, file) => sum + file.frames, 0);
  const sip = files.reduce((sum, file) => sum + file.sipMessages, 0);
  const parts = [
    ...(files.some((file) => file.format !== 'text') ? [plural(packets, 'packet')] : []),
    plural(sip, 'SIP message'),
    plural(report.calls.length, 'call'),
    plural(report.rtpStreams.length, 'RTP stream'),
  ];
  const list = `${parts.slice(0, -1).join(', ')} and ${parts.at(-1) ?? ''}`;
  const time = ms === null ? '' : `, in ${formatDuration(ms)}`;
  return `Read ${what} (${formats}, ${formatSize(bytes)}): ${list}${time}.`;
}

/** Each file's warnings as lines, naming the file when there are several. */
export function warningLines(report: AnalysisReport): string[] {
  const several = report.files.length > 1;
  return report.files.flatMap((file) =>
    file.warnings.map((warning) => {
      const where =
        warning.frame !== undefined
          ? ` (frame ${count(warning.frame)})`
          : warning.offset !== undefined
            ? ` (at byte ${count(warning.offset)})`
            : '';
      return `${several ? `${file.name}: ` : ''}${warning.message}${where}`;
    }),
  );
}

/** A file name for the downloaded report: "capture-analysis.json" for "capture.pcap". */
export function reportFileName(report: AnalysisReport): string {
  const first = report.files[0]?.name ?? 'capture';
  const stem = first
    .replace(/\.(pcapng|pcap|cap|txt|log)$/i, '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '');
  return `${stem === '' ? 'capture' : stem}-analysis.json`;
}
