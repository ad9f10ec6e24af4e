import { create } from 'zustand';
import type { AnalysisReport } from '@/analyzer/report';
import { readSavedReport, tabStorage } from './saved-report';

export type AnalyzerStatus = 'idle' | 'reading' | 'done' | 'error';

export interface ReadProgress {
  bytesRead: number;
  totalBytes: number;
  /** The file being read now ('pasted text' for a paste). */
  fileName: string;
}

/** Why a run stopped: the file (when one is to blame), what is wrong, and where. */
export interface AnalyzerFailure {
  message: string;
  file?: string | undefined;
  offset?: number | undefined;
  /** The analyzer's id for the problem, like 'bad-magic' or 'too-large'. */
  code?: string | undefined;
  /** Whether it was the pasted text that was read. */
  pasted: boolean;
}

/** A one-line notice about the last thing that happened, outside the results. */
export type AnalyzerNotice = 'stopped' | 'saved-unreadable' | 'restored' | 'cleared';

interface AnalyzerState {
  status: AnalyzerStatus;
  progress: ReadProgress | null;
  report: AnalysisReport | null;
  /** How long the analysis took; null for a report read back from storage. */
  ms: number | null;
  error: AnalyzerFailure | null;
  notice: AnalyzerNotice | null;
  /** What is in the paste box: memory only, never stored (SIP logs carry phone numbers). */
  text: string;
  /** Call-ID of the call whose messages are shown; null for the default one. */
  selectedCallId: string | null;
  /** Whether this tab's saved report has been looked for yet. */
  checkedStorage: boolean;
}

interface AnalyzerActions {
  setText: (text: string) => void;
  selectCall: (callId: string) => void;
  begin: (progress: ReadProgress) => void;
  setProgress: (progress: ReadProgress) => void;
  finish: (report: AnalysisReport, ms: number) => void;
  fail: (error: AnalyzerFailure) => void;
  stopped: () => void;
  /** Forgets the results (in memory and in this tab's storage); the paste box keeps its text. */
  clearResults: () => void;
  /** Shows this tab's last report again after a reload, once. */
  restoreSaved: () => void;
  dismissNotice: () => void;
}

export type AnalyzerStore = AnalyzerState & AnalyzerActions;

const noResults = {
  status: 'idle',
  progress: null,
  report: null,
  ms: null,
  error: null,
  notice: null,
  selectedCallId: null,
} as const satisfies Partial<AnalyzerState>;

/**
 * The analyzer page's state, in memory for as long as the tab is open: going to a diagnosis and
 * back finds the results where they were. The last report is also kept in this tab's session
 * storage so a reload shows it again; the pasted text never is.
 */
export const useAnalyzer = create<AnalyzerStore>()((set, get) => ({
  ...noResults,
  text: '',
  checkedStorage: false,
  setText: (text) => set({ text }),
  selectCall: (callId) => set({ selectedCallId: callId }),
  begin: (progress) => {
    // A new run replaces the last results; a reload mid-way must not bring them back.
    tabStorage.remove();
    set({ ...noResults, status: 'reading', progress, checkedStorage: true });
  },
  setProgress: (progress) => {
    if (get().status === 'reading') set({ progress });
  },
  finish: (report, ms) => {
    tabStorage.write(report);
    set({ ...noResults, status: 'done', report, ms });
  },
  fail: (error) => set({ ...noResults, status: 'error', error, checkedStorage: true }),
  stopped: () => set({ ...noResults, notice: 'stopped' }),
  clearResults: () => {
    tabStorage.remove();
    set({ ...noResults, notice: 'cleared', checkedStorage: true });
  },
  restoreSaved: () => {
    if (get().checkedStorage) return;
    set({ checkedStorage: true });
    if (get().status !== 'idle') return;
    const saved = readSavedReport(tabStorage.read());
    if (saved.kind === 'report') {
      set({ ...noResults, status: 'done', report: saved.report, notice: 'restored' });
    } else if (saved.kind === 'unreadable') {
      tabStorage.remove();
      set({ notice: 'saved-unreadable' });
    }
  },
  dismissNotice: () => set({ notice: null }),
}));
