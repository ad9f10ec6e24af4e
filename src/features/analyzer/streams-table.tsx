import type { StreamReport } from '@/analyzer/report';
import type { Thresholds } from '@/analyzer/settings';
import { cn } from '@/lib/cn';
import { streamPlot } from './charts';
import { count } from './format';
import { MAX_ROWS } from './calls-table';
import { cellClass, headClass, ScrollRegion } from './scroll-region';

const PLOT_WIDTH = 120;
const PLOT_HEIGHT = 32;

interface StreamsTableProps {
  streams: readonly StreamReport[];
  /** Loss and jitter past these are marked as problems. */
  thresholds: Pick<Thresholds, 'packetLossPercent' | 'jitterMs'>;
}

/** The audio streams, with the columns of Wireshark's RTP Streams window and a small plot each. */
export function StreamsTable({ streams, thresholds }: StreamsTableProps) {
  const rows = streams.slice(0, MAX_ROWS);
  const numeric = `${cellClass} text-right tabular-nums whitespace-nowrap`;
  const numericHead = `${headClass} text-right`;
  return (
    <>
      <ScrollRegion label="RTP streams, scrollable">
        <table className="w-full border-collapse text-sm">
          <caption className="sr-only">
            RTP streams: packets, loss and jitter of each, with a plot of jitter and lost packets
            over time
          </caption>
          <thead className="bg-surface-muted">
            <tr>
              <th scope="col" className={headClass}>
                Source
              </th>
              <th scope="col" className={headClass}>
                Destination
              </th>
              <th scope="col" className={headClass}>
                SSRC
              </th>
              <th scope="col" className={headClass}>
                Payload
              </th>
              <th scope="col" className={numericHead}>
                Packets
              </th>
              <th scope="col" className={numericHead}>
                Lost
              </th>
              <th scope="col" className={numericHead}>
                Max delta (ms)
              </th>
              <th scope="col" className={numericHead}>
                Mean jitter (ms)
              </th>
              <th scope="col" className={numericHead}>
                Max jitter (ms)
              </th>
              <th scope="col" className={headClass}>
                Over time
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((stream, index) => {
              const lossy = stream.lostPercent > thresholds.packetLossPercent;
              const jittery = stream.maxJitterMs > thresholds.jitterMs;
              const plot = streamPlot(stream.series, PLOT_WIDTH, PLOT_HEIGHT);
              return (
                <tr
                  key={`${stream.file}-${stream.src}-${stream.dst}-${stream.ssrc}-${index}`}
                  className="border-t border-line"
                >
                  <td className={`${cellClass} whitespace-nowrap`}>{stream.src}</td>
                  <td className={`${cellClass} whitespace-nowrap`}>{stream.dst}</td>
                  <td className={`${cellClass} font-mono`}>{stream.ssrc}</td>
                  <td className={`${cellClass} whitespace-nowrap`}>
                    {stream.codec === null
                      ? `Type ${stream.payloadType}`
                      : `${stream.codec} (${stream.payloadType})`}
                  </td>
                  <td className={numeric}>{count(stream.packets)}</td>
                  <td className={cn(numeric, lossy && 'font-semibold text-danger')}>
                    {count(stream.lost)} ({stream.lostPercent.toFixed(1)} %)
                    {lossy ? <span className="sr-only"> (too many)</span> : null}
                  </td>
                  <td className={numeric}>{stream.maxDeltaMs.toFixed(1)}</td>
                  <td
                    className={cn(
                      numeric,
                      stream.meanJitterMs > thresholds.jitterMs && 'font-semibold text-danger',
                    )}
                  >
                    {stream.meanJitterMs.toFixed(1)}
                  </td>
                  <td className={cn(numeric, jittery && 'font-semibold text-danger')}>
                    {stream.maxJitterMs.toFixed(1)}
                    {jittery ? <span className="sr-only"> (high)</span> : null}
                  </td>
                  <td className={cellClass}>
                    <svg
                      role="img"
                      aria-label={plot.label}
                      width={PLOT_WIDTH}
                      height={PLOT_HEIGHT}
                      viewBox={`0 0 ${PLOT_WIDTH} ${PLOT_HEIGHT}`}
                      className="block"
                    >
                      <line
                        x1={0}
                        x2={PLOT_WIDTH}
                        y1={PLOT_HEIGHT - 0.5}
                        y2={PLOT_HEIGHT - 0.5}
                        className="stroke-line"
                      />
                      {plot.lost.map((bar, barIndex) => (
                        <rect key={barIndex} {...bar} className="fill-danger/70" />
                      ))}
                      {plot.jitter === '' ? null : (
                        <polyline
                          points={plot.jitter}
                          fill="none"
                          strokeWidth={1.5}
                          strokeLinejoin="round"
                          className="stroke-accent"
                        />
                      )}
                    </svg>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </ScrollRegion>
      <p className="mt-2 text-sm text-ink-muted">
        In each plot the line is jitter and the red bars are lost packets, over the stream’s length.
        {streams.length > rows.length
          ? ` Showing the first ${MAX_ROWS} of ${count(streams.length)} streams; the saved report (JSON) lists them all.`
          : ''}
      </p>
    </>
  );
}
