import { Link } from 'react-router';
import type { CallReport } from '@/analyzer/report';
import { paths } from '@/lib/paths';
import { finalResponseText, formatDuration, reasonText, utcText, wallClock } from './format';
import { cellClass, headClass, ScrollRegion } from './scroll-region';

/** Rows shown at most: a capture of a busy trunk has thousands of calls; the JSON has them all. */
export const MAX_ROWS = 500;

interface CallsTableProps {
  calls: readonly CallReport[];
  /** Call-ID of the call whose messages are shown. */
  shownId: string | undefined;
  onShow: (call: CallReport) => void;
  timeZone: string;
}

/** Every call in the capture: who called whom, when, how it ended, and why. */
export function CallsTable({ calls, shownId, onShow, timeZone }: CallsTableProps) {
  const rows = calls.slice(0, MAX_ROWS);
  return (
    <>
      <ScrollRegion label="Calls, scrollable">
        <table className="w-full border-collapse text-sm">
          <caption className="sr-only">
            Calls in the capture, with start times in this browser’s time zone ({timeZone})
          </caption>
          <thead className="bg-surface-muted">
            <tr>
              <th scope="col" className={headClass}>
                <span className="sr-only">Messages</span>
              </th>
              <th scope="col" className={headClass}>
                From
              </th>
              <th scope="col" className={headClass}>
                To
              </th>
              <th scope="col" className={headClass}>
                Start
              </th>
              <th scope="col" className={headClass}>
                Duration
              </th>
              <th scope="col" className={headClass}>
                Final response
              </th>
              <th scope="col" className={headClass}>
                Reason
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((call, index) => (
              <tr key={`${call.file}-${call.callId}-${index}`} className="border-t border-line">
                <td className={cellClass}>
                  <button
                    type="button"
                    aria-pressed={call.callId === shownId}
                    onClick={() => onShow(call)}
                    className="min-h-11 rounded-lg px-2 font-semibold whitespace-nowrap text-accent underline underline-offset-4 hover:bg-accent-soft aria-pressed:bg-accent-soft aria-pressed:no-underline"
                  >
                    Show messages
                    <span className="sr-only">
                      {' '}
                      of the call from {call.from} to {call.to}
                    </span>
                  </button>
                </td>
                <td className={`${cellClass} break-words`}>{call.from}</td>
                <td className={`${cellClass} break-words`}>{call.to}</td>
                <td className={`${cellClass} whitespace-nowrap tabular-nums`}>
                  {call.start === null ? (
                    'not in the log'
                  ) : (
                    <>
                      <time dateTime={call.start} title={utcText(call.start)}>
                        {wallClock(call.start, { timeZone })}
                      </time>
                      <span className="sr-only">, {utcText(call.start)}</span>
                    </>
                  )}
                </td>
                <td className={`${cellClass} whitespace-nowrap tabular-nums`}>
                  {call.durationMs === null ? (
                    <span className="text-ink-muted">No end seen</span>
                  ) : (
                    formatDuration(call.durationMs)
                  )}
                </td>
                <td className={cellClass}>
                  <FinalResponse call={call} />
                </td>
                <td className={cellClass}>{reasonText(call.reason)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      {calls.length > rows.length ? (
        <p className="mt-2 text-sm text-ink-muted">
          Showing the first {MAX_ROWS} of {calls.length.toLocaleString('en-US')} calls. The saved
          report (JSON) lists them all.
        </p>
      ) : null}
    </>
  );
}

function FinalResponse({ call }: { call: CallReport }) {
  const text = finalResponseText(call);
  if (call.answered || call.finalStatus === null) {
    return <span className={call.answered ? '' : 'font-semibold text-danger'}>{text}</span>;
  }
  return (
    <Link
      to={paths.code(call.finalStatus)}
      className="font-semibold text-accent underline underline-offset-4"
      title={`What ${call.finalStatus} means`}
    >
      {text}
    </Link>
  );
}
