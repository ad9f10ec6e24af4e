import settings from 'virtual:analyzer-settings';
import { useEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { Link, useNavigate } from 'react-router';
import type { CallReport, Finding } from '@/analyzer/report';
import { PageHeading } from '@/components/ui/page-heading';
import { hasTypedText } from '@/engine/ticket/model';
import { downloadText } from '@/lib/clipboard';
import { content } from '@/lib/content';
import { paths } from '@/lib/paths';
import { useHydrated } from '@/lib/use-hydrated';
import { loadSavedSession, sessionStore, useSession } from '@/stores/session';
import { analyzeFiles, analyzePastedText, cancelAnalysis } from './analysis-runner';
import { useAnalyzer, type AnalyzerStore } from './analyzer-store';
import { DropZone, PasteForm } from './capture-input';
import { isFailed, plural, readingLabel } from './format';
import { FailureBox, ReadingProgress } from './reading-status';
import { ResultsView } from './results-view';
import { reportFileName } from './summary';
import { prefillDraft } from './ticket-prefill';

/**
 * `/analyze`: reads a packet capture or pasted SIP messages in the browser (in a worker) and shows
 * which calls failed and why, with the frames that show it, each finding leading into the
 * troubleshooter or a support request. Nothing is uploaded.
 */
export function AnalyzerRoute() {
  const interactive = useHydrated();
  return (
    <article>
      <PageHeading>Analyze a capture</PageHeading>
      <p className="mt-2 text-lg text-ink-muted">
        Drop a packet capture or paste SIP messages to see which calls failed and why, with the
        packets that show it, and where to go next.
      </p>
      <p className="mt-4 flex gap-3 rounded-xl border-l-4 border-success bg-success-soft p-4 font-semibold">
        <svg
          aria-hidden="true"
          viewBox="0 0 20 20"
          className="mt-0.5 size-5 shrink-0 fill-current text-success"
        >
          <path d="M10 1.5a4.5 4.5 0 0 0-4.5 4.5v2H4.75A1.75 1.75 0 0 0 3 9.75v7.5c0 .97.78 1.75 1.75 1.75h10.5c.97 0 1.75-.78 1.75-1.75v-7.5C17 8.78 16.22 8 15.25 8H14.5V6A4.5 4.5 0 0 0 10 1.5Zm3 6.5H7V6a3 3 0 1 1 6 0v2Z" />
        </svg>
        <span>
          Your file is read here, in this browser. It is never uploaded: nothing you drop or paste
          leaves this device.
        </span>
      </p>
      {interactive ? (
        <AnalyzerWorkspace />
      ) : (
        <p className="mt-6 rounded-xl border border-line bg-surface p-4">
          The analyzer runs in your browser, so it needs JavaScript. If this stays here, turn
          JavaScript on and reload, or{' '}
          <Link to={paths.home} className="text-accent underline underline-offset-4">
            start the troubleshooter
          </Link>{' '}
          from what you see instead.
        </p>
      )}
    </article>
  );
}

const NOTICES: Partial<Record<NonNullable<AnalyzerStore['notice']>, string>> = {
  stopped: 'Stopped. Nothing was kept.',
  'saved-unreadable': 'The saved results couldn’t be read; analyze the file again.',
  cleared: 'Results cleared.',
};

/** The page once it is interactive: inputs, progress, errors and results. */
function AnalyzerWorkspace() {
  const status = useAnalyzer((state) => state.status);
  const progress = useAnalyzer((state) => state.progress);
  const report = useAnalyzer((state) => state.report);
  const ms = useAnalyzer((state) => state.ms);
  const error = useAnalyzer((state) => state.error);
  const notice = useAnalyzer((state) => state.notice);
  const text = useAnalyzer((state) => state.text);
  const selectedCallId = useAnalyzer((state) => state.selectedCallId);
  const setText = useAnalyzer((state) => state.setText);
  const selectCall = useAnalyzer((state) => state.selectCall);
  const clearResults = useAnalyzer((state) => state.clearResults);
  const restoreSaved = useAnalyzer((state) => state.restoreSaved);
  const saveDraft = useSession((state) => state.saveDraft);
  const navigate = useNavigate();

  const fileInputRef = useRef<HTMLInputElement>(null);
  const resultsHeadingRef = useRef<HTMLHeadingElement>(null);
  const ladderHeadingRef = useRef<HTMLHeadingElement>(null);
  const [confirming, setConfirming] = useState<number | null>(null);
  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

  // A reload in the same tab shows the last results again.
  useEffect(() => {
    restoreSaved();
  }, [restoreSaved]);

  // When a run finishes, the results start at their heading (keyboard and screen readers too).
  const previousStatus = useRef(status);
  useEffect(() => {
    if (previousStatus.current === 'reading' && status === 'done') {
      resultsHeadingRef.current?.focus();
    }
    previousStatus.current = status;
  }, [status]);

  const onFiles = (files: File[]) => {
    setConfirming(null);
    analyzeFiles(files, settings);
  };
  const onCancel = () => {
    cancelAnalysis();
    fileInputRef.current?.focus();
  };
  const onClear = () => {
    setConfirming(null);
    clearResults();
    fileInputRef.current?.focus();
  };

  const shownCall: CallReport | undefined = report
    ? (report.calls.find((call) => call.callId === selectedCallId) ??
      report.calls.find(isFailed) ??
      report.calls[0])
    : undefined;

  const openRequest = (finding: Finding) => void navigate(paths.support(finding.path));
  const replaceRequest = (finding: Finding) => {
    if (!report) return;
    const country = sessionStore.getState().draft?.country ?? content.config.defaultCountry;
    saveDraft(prefillDraft(finding, report, { timeZone, country }));
    openRequest(finding);
  };
  const prepareRequest = async (finding: Finding, index: number) => {
    // A request in progress may still be loading from storage: never overwrite it unseen.
    if (!sessionStore.persist.hasHydrated()) await loadSavedSession();
    const draft = sessionStore.getState().draft;
    if (draft && hasTypedText(draft)) setConfirming(index);
    else replaceRequest(finding);
  };

  const announcement =
    status === 'reading' && progress
      ? `${readingLabel(progress.fileName)}…`
      : status === 'done' && report && notice !== 'restored'
        ? report.findings.length === 0
          ? `Done: no problems found in ${plural(report.calls.length, 'call')}.`
          : `Done: ${plural(report.findings.length, 'finding')} in ${plural(report.calls.length, 'call')}.`
        : '';
  const shownNotice = notice ? NOTICES[notice] : undefined;

  return (
    <>
      <div className="mt-8 space-y-8">
        <DropZone onFiles={onFiles} inputRef={fileInputRef} />
        <PasteForm
          text={text}
          onChange={setText}
          onSubmit={(pasted) => {
            setConfirming(null);
            analyzePastedText(pasted, settings);
          }}
        />
      </div>

      <div className="mt-8 space-y-4">
        <p role="status" className={shownNotice ? 'font-semibold' : 'sr-only'}>
          {shownNotice ?? announcement}
        </p>
        {status === 'reading' && progress ? (
          <ReadingProgress progress={progress} onCancel={onCancel} />
        ) : null}
        {status === 'error' && error ? <FailureBox error={error} /> : null}
      </div>

      {status === 'done' && report ? (
        <ResultsView
          report={report}
          ms={ms}
          restored={notice === 'restored'}
          timeZone={timeZone}
          thresholds={settings.thresholds}
          headingRef={resultsHeadingRef}
          ladderHeadingRef={ladderHeadingRef}
          shownCall={shownCall}
          onShowCall={(call) => {
            flushSync(() => selectCall(call.callId));
            ladderHeadingRef.current?.focus();
          }}
          findingActions={{
            confirming,
            onPrepare: (finding, index) => void prepareRequest(finding, index),
            onReplace: replaceRequest,
            onKeep: openRequest,
          }}
          onSave={() =>
            downloadText(
              reportFileName(report),
              JSON.stringify(report, null, 2),
              'application/json',
            )
          }
          onClear={onClear}
        />
      ) : null}

      {status === 'done' && report ? null : (
        <p className="mt-10 text-sm text-ink-muted">
          No capture at hand? The{' '}
          <Link to={paths.home} className="text-accent underline underline-offset-4">
            troubleshooter
          </Link>{' '}
          starts from what the caller hears or the code on the screen.
        </p>
      )}
    </>
  );
}
