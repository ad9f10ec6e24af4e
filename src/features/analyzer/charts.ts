import type { LoadReport, StreamReport } from '@/analyzer/report';
import { formatDuration, plural } from './format';

export interface Bar {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface StreamPlot {
  /** The jitter line, as an SVG `points` list; empty when there is nothing to draw. */
  jitter: string;
  /** One bar per period with lost packets, its height that period's share of the worst one. */
  lost: Bar[];
  /** The picture in words, for its aria-label. */
  label: string;
}

/** Seconds each point stands for: 1, or more for long captures. */
function stepOf(points: readonly { offsetSec: number }[]): number {
  const [first, second] = points;
  return first && second ? Math.max(1, second.offsetSec - first.offsetSec) : 1;
}

const round = (value: number) => Math.round(value * 10) / 10;

/** "30 seconds", or "12 periods of 5 seconds" when a point stands for more than a second. */
function periods(n: number, step: number): string {
  return step === 1 ? plural(n, 'second') : `${plural(n, 'period')} of ${step} seconds`;
}

/** A stream's jitter over time as a line, with its lost packets as bars underneath. */
export function streamPlot(
  series: StreamReport['series'],
  width: number,
  height: number,
): StreamPlot {
  if (series.length === 0) return { jitter: '', lost: [], label: 'No packets to plot.' };
  const step = stepOf(series);
  const span = (series.at(-1)?.offsetSec ?? 0) + step;
  const xOf = (offset: number) => round((offset / span) * width);
  const maxJitter = Math.max(...series.map((point) => point.jitterMs));
  const maxLost = Math.max(...series.map((point) => point.lost));
  const usable = height - 4;
  const jitter = series
    .map((point) => {
      const y = height - 2 - (maxJitter > 0 ? (point.jitterMs / maxJitter) * usable : 0);
      return `${xOf(point.offsetSec + step / 2)},${round(y)}`;
    })
    .join(' ');
  const lost = series
    .filter((point) => point.lost > 0)
    .map((point) => {
      // Bars use the lower half, so the jitter line stays visible above them.
      const barHeight = Math.max(2, round((point.lost / maxLost) * (usable / 2)));
      return {
        x: xOf(point.offsetSec),
        y: height - barHeight,
        width: Math.max(1, round((step / span) * width) - 1),
        height: barHeight,
      };
    });
  const totalLost = series.reduce((sum, point) => sum + Math.max(0, point.lost), 0);
  const lossText =
    totalLost === 0
      ? `no packets lost in ${periods(series.length, step)}`
      : `${plural(totalLost, 'packet')} lost in ${lost.length} of ${periods(series.length, step)}`;
  return {
    jitter,
    lost,
    label: `Jitter up to ${maxJitter.toFixed(1)} ms; ${lossText}.`,
  };
}

export interface LoadChart {
  started: Bar[];
  failed: Bar[];
  /** Calls started in the busiest period. */
  max: number;
  /** Seconds the chart covers. */
  span: number;
  label: string;
}

/** Calls started per second (or per period), with the failed ones drawn over them. */
export function loadChart(
  perSecond: LoadReport['perSecond'],
  width: number,
  height: number,
): LoadChart {
  const step = stepOf(perSecond);
  const span = (perSecond.at(-1)?.offsetSec ?? 0) + step;
  const max = Math.max(1, ...perSecond.map((point) => point.started));
  const barWidth = Math.max(1, round((step / span) * width) - (perSecond.length > 100 ? 0 : 1));
  const bar = (offset: number, value: number): Bar => {
    const barHeight = round((value / max) * height);
    return {
      x: round((offset / span) * width),
      y: height - barHeight,
      width: barWidth,
      height: barHeight,
    };
  };
  const started = perSecond.filter((p) => p.started > 0).map((p) => bar(p.offsetSec, p.started));
  const failed = perSecond.filter((p) => p.failed > 0).map((p) => bar(p.offsetSec, p.failed));
  const totalStarted = perSecond.reduce((sum, point) => sum + point.started, 0);
  const totalFailed = perSecond.reduce((sum, point) => sum + point.failed, 0);
  const per = step === 1 ? 'a second' : `in ${step} seconds`;
  return {
    started,
    failed,
    max,
    span,
    label: `Calls started over ${formatDuration(span * 1000)}: up to ${plural(max, 'call')} ${per}; ${plural(totalStarted, 'call')} started, ${totalFailed} failed.`,
  };
}
