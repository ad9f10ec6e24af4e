import type { LoadReport } from '@/analyzer/report';
import { loadChart } from './charts';
import { count } from './format';

const WIDTH = 640;
const HEIGHT = 120;
const LEFT = 36;
const BOTTOM = 20;

/** Calls started per second over the capture, the failed ones in red. */
export function LoadChart({ load }: { load: LoadReport }) {
  const chart = loadChart(load.perSecond, WIDTH - LEFT, HEIGHT - BOTTOM - 8);
  return (
    <section aria-labelledby="load-heading" className="mt-10">
      <h2 id="load-heading" className="text-xl font-bold">
        Load
      </h2>
      <p className="mt-1">
        Up to {count(load.peakCallsPerSecond)} calls started in one second, and up to{' '}
        {count(load.peakConcurrent)} were in progress at once.
      </p>
      <div className="mt-3 max-w-full overflow-hidden rounded-lg border border-line bg-surface p-3">
        <svg
          role="img"
          aria-label={chart.label}
          viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
          className="block h-auto w-full"
        >
          <g transform={`translate(${LEFT} 8)`}>
            {chart.started.map((bar, index) => (
              <rect key={`s${index}`} {...bar} className="fill-accent" />
            ))}
            {chart.failed.map((bar, index) => (
              <rect key={`f${index}`} {...bar} className="fill-danger" />
            ))}
            <line
              x1={0}
              x2={WIDTH - LEFT}
              y1={HEIGHT - BOTTOM - 8}
              y2={HEIGHT - BOTTOM - 8}
              className="stroke-line"
            />
          </g>
          <text x={LEFT - 6} y={16} textAnchor="end" className="fill-ink-muted text-xs">
            {chart.max}
          </text>
          <text
            x={LEFT - 6}
            y={HEIGHT - BOTTOM}
            textAnchor="end"
            className="fill-ink-muted text-xs"
          >
            0
          </text>
          <text x={LEFT} y={HEIGHT - 4} className="fill-ink-muted text-xs">
            0 s
          </text>
          <text x={WIDTH} y={HEIGHT - 4} textAnchor="end" className="fill-ink-muted text-xs">
            {count(chart.span)} s
          </text>
        </svg>
        <p className="mt-2 flex flex-wrap gap-x-4 text-sm" aria-hidden="true">
          <span>
            <span className="mr-1 inline-block size-3 bg-accent align-middle" />
            Calls started
          </span>
          <span>
            <span className="mr-1 inline-block size-3 bg-danger align-middle" />
            Of which failed
          </span>
        </p>
      </div>
    </section>
  );
}
