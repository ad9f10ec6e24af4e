import type { AnalysisReport } from '@/analyzer/report';
import type { AnalyzerSettings } from '@/analyzer/settings';

/** What the page asks the analyzer worker to read. */
export type WorkerRequest =
  | { type: 'files'; files: File[]; settings: AnalyzerSettings }
  | { type: 'text'; text: string; settings: AnalyzerSettings };

/** What the worker answers: progress now and then, then the report or what went wrong. */
export type WorkerReply =
  | { type: 'progress'; bytesRead: number; totalBytes: number; fileName: string }
  | { type: 'done'; report: AnalysisReport; ms: number }
  | { type: 'error'; message: string; file?: string; offset?: number; code?: string };
