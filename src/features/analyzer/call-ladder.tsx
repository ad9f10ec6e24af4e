import type { Ref } from 'react';
import type { CallReport } from '@/analyzer/report';
import { wallClock } from './format';
import {
  LADDER_HEADER,
  LADDER_MAX_MESSAGES,
  LADDER_TIME_WIDTH,
  layoutLadder,
} from './ladder-layout';
import { cellClass, headClass, ScrollRegion } from './scroll-region';

interface CallLadderProps {
  call: CallReport;
  timeZone: string;
  /** The heading, for moving focus here when a call is chosen in the table. */
  headingRef?: Ref<HTMLHeadingElement>;
}

/**
 * One call's messages: a ladder diagram to look at, and the same messages as a table to read
 * with a screen reader or to copy.
 */
export function CallLadder({ call, timeZone, headingRef }: CallLadderProps) {
  const layout = layoutLadder(call.messages);
  const shown = call.messages.length - layout.hidden;
  return (
    <section aria-labelledby="ladder-heading" className="mt-10">
      <h2
        id="ladder-heading"
        ref={headingRef}
        tabIndex={-1}
        className="text-xl font-bold break-words focus:outline-none"
      >
        Messages of the call from {call.from} to {call.to}
      </h2>
      <p className="mt-1 text-sm text-ink-muted">
        Times in {timeZone}. Dashed arrows are retransmissions;{' '}
        <span className="font-semibold text-accent">SDP</span> marks a message carrying a media
        offer or answer.
      </p>
      {layout.rows.length > 0 ? (
        <ScrollRegion label="Ladder diagram, scrollable">
          <svg
            role="img"
            aria-label={`Ladder diagram: ${shown} messages between ${layout.lanes
              .map((lane) => lane.endpoint)
              .join(', ')}. The table below lists them.`}
            width={layout.width}
            height={layout.height}
            viewBox={`0 0 ${layout.width} ${layout.height}`}
            className="block font-sans"
          >
            {layout.lanes.map((lane) => (
              <g key={lane.endpoint}>
                <text
                  x={lane.x}
                  y={LADDER_HEADER - 20}
                  textAnchor="middle"
                  className="fill-ink text-xs font-semibold"
                >
                  {lane.endpoint}
                </text>
                <line
                  x1={lane.x}
                  x2={lane.x}
                  y1={LADDER_HEADER - 10}
                  y2={layout.height - 8}
                  strokeWidth={2}
                  className="stroke-line"
                />
              </g>
            ))}
            {layout.rows.map((row, index) => {
              const direction = row.x2 >= row.x1 ? 1 : -1;
              const self = row.x1 === row.x2;
              const tip = self ? row.x1 : row.x2;
              return (
                <g key={`${row.frame}-${index}`}>
                  <text x={8} y={row.y + 4} className="fill-ink-muted font-mono text-xs">
                    {wallClock(row.time, { timeZone, timeOnly: true })}
                  </text>
                  {self ? (
                    <path
                      d={`M ${row.x1} ${row.y - 10} h 40 v 10 h -34`}
                      fill="none"
                      strokeWidth={1.5}
                      strokeDasharray={row.retransmission ? '6 4' : undefined}
                      className="stroke-ink"
                    />
                  ) : (
                    <line
                      x1={row.x1}
                      x2={row.x2 - direction * 8}
                      y1={row.y}
                      y2={row.y}
                      strokeWidth={1.5}
                      strokeDasharray={row.retransmission ? '6 4' : undefined}
                      className="stroke-ink"
                    />
                  )}
                  <polygon
                    points={
                      self || direction < 0
                        ? `${tip},${row.y} ${tip + 9},${row.y - 5} ${tip + 9},${row.y + 5}`
                        : `${tip},${row.y} ${tip - 9},${row.y - 5} ${tip - 9},${row.y + 5}`
                    }
                    className="fill-ink"
                  />
                  <text
                    x={self ? row.x1 + 46 : (row.x1 + row.x2) / 2}
                    y={self ? row.y - 2 : row.y - 7}
                    textAnchor={self ? 'start' : 'middle'}
                    className="fill-ink text-xs"
                  >
                    {row.label}
                    {row.sdp ? <tspan className="fill-accent font-semibold"> SDP</tspan> : null}
                  </text>
                </g>
              );
            })}
            <line
              x1={LADDER_TIME_WIDTH - 6}
              x2={LADDER_TIME_WIDTH - 6}
              y1={LADDER_HEADER}
              y2={layout.height - 8}
              className="stroke-line"
            />
          </svg>
        </ScrollRegion>
      ) : (
        <p className="mt-3">No messages were kept for this call.</p>
      )}
      {layout.hidden > 0 ? (
        <p className="mt-2 text-sm text-ink-muted">
          The picture shows the first {LADDER_MAX_MESSAGES} of {call.messages.length} messages; the
          table lists them all.
        </p>
      ) : null}
      <MessageTable call={call} timeZone={timeZone} />
    </section>
  );
}

function MessageTable({ call, timeZone }: { call: CallReport; timeZone: string }) {
  if (call.messages.length === 0) return null;
  return (
    <ScrollRegion label="Messages of the call, scrollable">
      <table className="w-full border-collapse text-sm">
        <caption className="sr-only">
          Messages of the call from {call.from} to {call.to}, in order
        </caption>
        <thead className="bg-surface-muted">
          <tr>
            <th scope="col" className={headClass}>
              Frame
            </th>
            <th scope="col" className={headClass}>
              Time
            </th>
            <th scope="col" className={headClass}>
              From
            </th>
            <th scope="col" className={headClass}>
              To
            </th>
            <th scope="col" className={headClass}>
              Message
            </th>
          </tr>
        </thead>
        <tbody>
          {call.messages.map((message, index) => (
            <tr key={`${message.frame}-${index}`} className="border-t border-line">
              <td className={`${cellClass} tabular-nums`}>{message.frame}</td>
              <td className={`${cellClass} whitespace-nowrap tabular-nums`}>
                {wallClock(message.time, { timeZone, timeOnly: true })}
              </td>
              <td className={`${cellClass} whitespace-nowrap`}>{message.src}</td>
              <td className={`${cellClass} whitespace-nowrap`}>{message.dst}</td>
              <td className={cellClass}>
                <span className="font-semibold">{message.label}</span>
                {message.sdp ? ' (SDP)' : ''}
                {message.retransmission ? (
                  <span className="text-ink-muted"> (retransmission)</span>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
