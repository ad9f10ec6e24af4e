import { lazy, Suspense, useEffect, useState } from 'react';
import { Outlet, useLocation } from 'react-router';
import scripts from 'virtual:agent-scripts';
import { Button } from '@/components/ui/button';
import { Kbd } from '@/components/ui/kbd';
import { LoadBoundary } from '@/components/load-boundary';
import { AgentAssistContext, type AgentAssist } from '@/lib/mode';
import { useShortcutsEnabled } from '@/lib/shortcuts';
import { sessionStore, useSession, useSessionLoaded } from '@/stores/session';
import { AgentScriptView } from './agent-script';
import { logVisit, startCall } from './call-actions';
import { CallPanel, NOTE_FIELD_ID } from './call-panel';
import { usePlaceOfCase } from './case-input';
import { CaseNotesPanel } from './case-notes-panel';
import { ShortcutsDialog } from './shortcuts-dialog';
import { useAgentKeys } from './use-agent-keys';
import { useCaseCopy } from './use-case-copy';
import { wizardPlace } from './wizard-place';

// The map and its layout load the first time it is opened.
const TreeMapDialog = lazy(async () => {
  const { TreeMapDialog: Component } = await import('./tree-map-dialog');
  return { default: Component };
});

const assist: AgentAssist = {
  script: (questionId) => {
    const script = Object.hasOwn(scripts, questionId) ? scripts[questionId] : undefined;
    return script ? <AgentScriptView script={script} /> : null;
  },
};

/**
 * Agent mode around every page: the wizard with its scripts and number keys on the left, the call
 * (timer, notes), the map and the case notes on the right.
 */
export function AgentLayout() {
  const { pathname } = useLocation();
  const place = wizardPlace(pathname);
  const caseAt = usePlaceOfCase(place);
  const [dialog, setDialog] = useState<'map' | 'keys' | null>(null);
  const loaded = useSessionLoaded();
  const [keysOn] = useShortcutsEnabled();
  const { copy, status } = useCaseCopy(caseAt);
  const callStart = useSession((state) => state.call?.startedAt);

  // The call starts with the agent's session: the first time agent mode opens in this browser.
  useEffect(() => {
    if (loaded && callStart === undefined) startCall(sessionStore, Date.now());
  }, [loaded, callStart]);

  // Each wizard page reached is logged, so the case notes can say when each answer was given. A
  // new call logs the page it starts on, so its first answer counts as asked.
  const placePath = place?.path;
  useEffect(() => {
    if (loaded && callStart !== undefined && placePath !== undefined)
      logVisit(sessionStore, placePath, Date.now());
  }, [loaded, callStart, placePath]);

  useAgentKeys({
    place,
    onNotes: () => {
      const field = document.getElementById(NOTE_FIELD_ID);
      field?.focus();
      field?.scrollIntoView({ block: 'nearest' });
    },
    onMap: () => setDialog((open) => (open === 'map' ? null : 'map')),
    onHelp: () => setDialog('keys'),
    onCopy: (what) => void copy(what),
  });

  return (
    <AgentAssistContext value={assist}>
      <div className="gap-10 lg:grid lg:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="min-w-0">
          <Outlet />
        </div>
        <aside
          aria-label="Call tools"
          className="mt-12 space-y-8 border-t border-line pt-8 lg:mt-0 lg:border-t-0 lg:border-l lg:pt-0 lg:pl-8 print:hidden"
        >
          <CallPanel />
          <div className="flex flex-wrap gap-2">
            <Button onClick={() => setDialog('map')} aria-keyshortcuts={keysOn ? 'm' : undefined}>
              Map of the tree {keysOn ? <Kbd hint>m</Kbd> : null}
            </Button>
            <Button onClick={() => setDialog('keys')} aria-keyshortcuts={keysOn ? '?' : undefined}>
              Shortcuts {keysOn ? <Kbd hint>?</Kbd> : null}
            </Button>
          </div>
          <CaseNotesPanel place={caseAt} copy={copy} status={status} />
        </aside>
      </div>
      {dialog === 'map' ? (
        <LoadBoundary
          fallback={
            <p role="alert" className="mt-6 rounded-lg border-l-4 border-danger bg-danger-soft p-4">
              The map couldn’t load. Check the connection and reload the page; your notes are kept.
            </p>
          }
        >
          <Suspense
            fallback={
              <p role="status" className="mt-6">
                Loading the map…
              </p>
            }
          >
            <TreeMapDialog current={caseAt} onClose={() => setDialog(null)} />
          </Suspense>
        </LoadBoundary>
      ) : null}
      {dialog === 'keys' ? <ShortcutsDialog onClose={() => setDialog(null)} /> : null}
    </AgentAssistContext>
  );
}
