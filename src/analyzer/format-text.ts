import type { AnalysisReport, CallReport, StreamReport } from './report.ts';

/** Pads or cuts each cell to its column's width; the last column runs free. */
function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const widths = header.map((title, column) =>
    Math.min(48, Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length))),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, column) => {
        const width = widths[column] ?? 0;
        const text =
          cell.length > width && column < cells.length - 1 ? `${cell.slice(0, width - 1)}…` : cell;
        return column === cells.length - 1 ? text : text.padEnd(width);
      })
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)];
}

const time = (iso: string | null) => (iso ?? '').replace('T', ' ').replace('Z', '');
const ms = (value: number | null) => (value === null ? '' : `${(value / 1000).toFixed(1)} s`);
const fixed = (value: number, places: number) => value.toFixed(places);

function callRow(call: CallReport): string[] {
  const reason = call.reason
    ? `${call.reason.protocol};cause=${call.reason.cause}${call.reason.text ? ` ${call.reason.text}` : ''}`
    : '';
  const final =
    call.finalStatus === null
      ? call.answered
        ? ''
        : 'no reply'
      : `${call.finalStatus} ${call.finalPhrase ?? ''}`;
  return [time(call.start), call.from, call.to, ms(call.durationMs), final.trim(), reason];
}

function streamRow(stream: StreamReport): string[] {
  return [
    stream.src,
    stream.dst,
    stream.ssrc,
    stream.codec ?? String(stream.payloadType),
    String(stream.packets),
    `${stream.lost} (${fixed(stream.lostPercent, 1)}%)`,
    fixed(stream.maxDeltaMs, 3),
    fixed(stream.meanJitterMs, 3),
    fixed(stream.maxJitterMs, 3),
  ];
}

/** The report for people reading a terminal: files, findings first, then calls and streams. */
export function formatTextReport(report: AnalysisReport): string {
  const out: string[] = [];
  for (const file of report.files) {
    out.push(
      `${file.name}: ${file.format}, ${file.bytes.toLocaleString('en-US')} bytes, ${file.frames.toLocaleString('en-US')} ${file.format === 'text' ? 'messages' : 'packets'}, ${file.sipMessages.toLocaleString('en-US')} SIP messages`,
    );
    for (const warning of file.warnings) out.push(`  warning: ${warning.message}`);
  }
  out.push('');
  if (report.calls.length === 0) {
    out.push(
      'Findings: no calls found, so there is nothing to judge. Check that the capture includes the SIP signalling (your SIP port, often 5060), was not cut short by a small snapshot length (capture with -s 0), and ran while the calls were made.',
    );
  } else if (report.findings.length === 0) {
    out.push('Findings: nothing wrong found in these calls.');
  } else {
    out.push(`Findings (${report.findings.length})`);
    report.findings.forEach((finding, index) => {
      out.push('', `${index + 1}. ${finding.title} [${finding.id}]`, `   ${finding.summary}`);
      out.push(`   Troubleshoot: ${finding.outcomeTitle} (${finding.path})`);
      for (const line of finding.evidence) {
        const where = [
          report.files.length > 1 ? report.files[line.file]?.name : undefined,
          line.frame === undefined
            ? undefined
            : `${report.files[line.file]?.format === 'text' ? 'message' : 'frame'} ${line.frame}`,
          line.time ? time(line.time) : undefined,
        ]
          .filter(Boolean)
          .join(', ');
        out.push(`   - ${where ? `${where}: ` : ''}${line.detail}`);
      }
      if (finding.moreEvidence > 0) out.push(`   - … and ${finding.moreEvidence} more`);
    });
  }
  out.push('', `Calls (${report.calls.length})`);
  if (report.calls.length > 0) {
    out.push(
      ...table(
        ['Start (UTC)', 'From', 'To', 'Duration', 'Final response', 'Reason'],
        report.calls.map(callRow),
      ),
    );
  }
  out.push('', `RTP streams (${report.rtpStreams.length})`);
  if (report.rtpStreams.length > 0) {
    out.push(
      ...table(
        [
          'Source',
          'Destination',
          'SSRC',
          'Payload',
          'Packets',
          'Lost',
          'Max delta ms',
          'Mean jitter ms',
          'Max jitter ms',
        ],
        report.rtpStreams.map(streamRow),
      ),
    );
  }
  return `${out.join('\n')}\n`;
}
