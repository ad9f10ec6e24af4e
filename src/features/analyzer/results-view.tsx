import type { Ref } from 'react';
import { Link } from 'react-router';
import type { AnalysisReport, CallReport, Finding } from '@/analyzer/report';
import type { Thresholds } from '@/analyzer/settings';
import { Button } from '@/components/ui/button';
import { paths } from '@/lib/paths';
import { CallLadder } from './call-ladder';
import { CallsTable } from './calls-table';
import { FindingCard } from './finding-card';
import { LoadChart } from './load-chart';
import { StreamsTable } from './streams-table';
import { summaryLine, warningLines } from './summary';

/** Warnings listed before "Show more". */
const FIRST_WARNINGS = 10;
/** The load chart is worth its space from this many calls. */
const LOAD_MIN_CALLS = 5;

export interface FindingActions {
  /** Index of the finding asking whether to replace a request in progress; null for none. */
  confirming: number | null;
  onPrepare: (finding: Finding, index: number) => void;
  onReplace: (finding: Finding) => void;
  onKeep: (finding: Finding) => void;
}

interface ResultsViewProps {
  report: AnalysisReport;
  /** How long it took; null for results read back after a reload. */
  ms: number | null;
  restored: boolean;
  timeZone: string;
  thresholds: Thresholds;
  headingRef: Ref<HTMLHeadingElement>;
  ladderHeadingRef: Ref<HTMLHeadingElement>;
  /** The call whose messages are shown. */
  shownCall: CallReport | undefined;
  onShowCall: (call: CallReport) => void;
  findingActions: FindingActions;
  onSave: () => void;
  onClear: () => void;
}

/** Everything the analyzer found: summary, findings, calls, one call's ladder, streams, load. */
export function ResultsView({
  report,
  ms,
  restored,
  timeZone,
  thresholds,
  headingRef,
  ladderHeadingRef,
  shownCall,
  onShowCall,
  findingActions,
  onSave,
  onClear,
}: ResultsViewProps) {
  const warnings = warningLines(report);
  const fileNames = report.files.map((file) => file.name);
  const textFiles = new Set(
    report.files.flatMap((file, index) => (file.format === 'text' ? [index] : [])),
  );
  return (
    <div className="mt-10">
      <section aria-labelledby="results-heading">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2
            id="results-heading"
            ref={headingRef}
            tabIndex={-1}
            className="text-2xl font-bold focus:outline-none"
          >
            Results
          </h2>
          <div className="flex flex-wrap gap-2">
            <Button onClick={onSave}>Save the report (JSON)</Button>
            <Button onClick={onClear}>Clear results</Button>
          </div>
        </div>
        <p className="mt-2 break-words">{summaryLine(report, ms)}</p>
        {restored ? (
          <p className="mt-1 text-sm text-ink-muted">
            Shown again from this tab’s last analysis. Clear the results when you are done.
          </p>
        ) : null}
        {warnings.length > 0 ? <WarningList warnings={warnings} /> : null}
      </section>

      <section aria-labelledby="findings-heading" className="mt-10">
        <h2 id="findings-heading" className="text-xl font-bold">
          Findings
        </h2>
        {report.calls.length === 0 ? (
          <p className="mt-2">
            No calls in {report.files.length === 1 ? 'this file' : 'these files'}, so there is
            nothing to judge yet. Make sure the capture includes the SIP signalling (your SIP port,
            often 5060, not only the media), that it wasn’t cut short by a small snapshot length
            (capture with <code>-s 0</code>), and that the calls were made while it was running.
          </p>
        ) : report.findings.length === 0 ? (
          <p className="mt-2">
            No problems found in these calls and streams. If calls still fail, the cause may be
            somewhere this capture didn’t see:{' '}
            <Link to={paths.home} className="text-accent underline underline-offset-4">
              start the troubleshooter
            </Link>
            .
          </p>
        ) : (
          <div className="mt-3 space-y-4">
            {report.findings.map((finding, index) => (
              <FindingCard
                key={`${finding.id}-${index}`}
                finding={finding}
                fileNames={fileNames}
                textFiles={textFiles}
                timeZone={timeZone}
                confirming={findingActions.confirming === index}
                onPrepare={() => findingActions.onPrepare(finding, index)}
                onReplace={() => findingActions.onReplace(finding)}
                onKeep={() => findingActions.onKeep(finding)}
              />
            ))}
          </div>
        )}
      </section>

      <section aria-labelledby="calls-heading" className="mt-10">
        <h2 id="calls-heading" className="text-xl font-bold">
          Calls
        </h2>
        {report.calls.length === 0 ? (
          <p className="mt-2">No calls (INVITEs) in what was read.</p>
        ) : (
          <CallsTable
            calls={report.calls}
            shownId={shownCall?.callId}
            onShow={onShowCall}
            timeZone={timeZone}
          />
        )}
      </section>

      {shownCall ? (
        <CallLadder call={shownCall} timeZone={timeZone} headingRef={ladderHeadingRef} />
      ) : null}

      <section aria-labelledby="streams-heading" className="mt-10">
        <h2 id="streams-heading" className="text-xl font-bold">
          RTP streams
        </h2>
        {report.rtpStreams.length > 0 ? (
          <StreamsTable streams={report.rtpStreams} thresholds={thresholds} />
        ) : (
          <p className="mt-2">
            {report.files.every((file) => file.format === 'text')
              ? 'SIP messages as text carry no audio, so there are no streams to measure. A capture (pcap) of the call shows them.'
              : 'No audio (RTP) in this capture. It may have been filtered to signalling only, like port 5060.'}
          </p>
        )}
      </section>

      {report.calls.length >= LOAD_MIN_CALLS && report.load.perSecond.length > 0 ? (
        <LoadChart load={report.load} />
      ) : null}
    </div>
  );
}

function WarningList({ warnings }: { warnings: readonly string[] }) {
  const first = warnings.slice(0, FIRST_WARNINGS);
  const rest = warnings.slice(FIRST_WARNINGS);
  return (
    <div className="mt-4 rounded-xl border-l-4 border-warning bg-warning-soft p-4">
      <p id="warnings-label" className="font-semibold">
        Read with {warnings.length === 1 ? 'a warning' : `${warnings.length} warnings`}: the results
        may be partial.
      </p>
      <ul aria-labelledby="warnings-label" className="mt-2 list-disc space-y-1 pl-6 text-sm">
        {first.map((warning, index) => (
          <li key={index} className="break-words">
            {warning}
          </li>
        ))}
      </ul>
      {rest.length > 0 ? (
        <details className="mt-2 text-sm">
          <summary className="min-h-11 cursor-pointer py-2 font-semibold">
            Show {rest.length} more
          </summary>
          <ul className="list-disc space-y-1 pl-6">
            {rest.map((warning, index) => (
              <li key={index} className="break-words">
                {warning}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}
