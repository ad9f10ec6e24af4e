import { formatSize, MAX_FILE_BYTES } from '@/analyzer/analyze-file';
import type { AnalyzerSettings } from '@/analyzer/settings';
import { useAnalyzer, type ReadProgress } from './analyzer-store';
import { PASTED_NAME } from './format';
import type { WorkerReply, WorkerRequest } from './worker-protocol';

/** The worker reading now; each run gets its own, and stopping ends it. */
let current: Worker | undefined;

/**
 * Reads files in the worker. Files over the size limit are refused here, before anything is read.
 * Returns false when nothing was started.
 */
export function analyzeFiles(files: readonly File[], settings: AnalyzerSettings): boolean {
  const store = useAnalyzer.getState();
  const first = files[0];
  if (!first) return false;
  const tooBig = files.find((file) => file.size > MAX_FILE_BYTES);
  if (tooBig) {
    stopWorker();
    store.fail({
      file: tooBig.name,
      code: 'too-large',
      message: `This file is ${formatSize(tooBig.size)}; the analyzer reads files up to 2 GB. Cut the capture to the calls you care about first, for example with editcap -A/-B (a time range) or a display filter in Wireshark (File › Export Specified Packets).`,
      pasted: false,
    });
    return false;
  }
  const totalBytes = files.reduce((sum, file) => sum + file.size, 0);
  run(
    { type: 'files', files: [...files], settings },
    { bytesRead: 0, totalBytes, fileName: first.name },
  );
  return true;
}

/** Reads the pasted text in the worker. */
export function analyzePastedText(text: string, settings: AnalyzerSettings): void {
  run(
    { type: 'text', text, settings },
    { bytesRead: 0, totalBytes: new TextEncoder().encode(text).length, fileName: PASTED_NAME },
  );
}

/** Stops reading: the worker ends at once, and nothing it read is kept. */
export function cancelAnalysis(): void {
  stopWorker();
  useAnalyzer.getState().stopped();
}

function stopWorker(): void {
  current?.terminate();
  current = undefined;
}

function run(request: WorkerRequest, progress: ReadProgress): void {
  stopWorker();
  const store = useAnalyzer.getState();
  const pasted = request.type === 'text';
  store.begin(progress);
  const worker = new Worker(new URL('./analyzer.worker.ts', import.meta.url), { type: 'module' });
  current = worker;
  const mine = () => current === worker;
  worker.addEventListener('message', (event: MessageEvent<WorkerReply>) => {
    if (!mine()) return;
    const reply = event.data;
    if (reply.type === 'progress') {
      store.setProgress({
        bytesRead: reply.bytesRead,
        totalBytes: reply.totalBytes,
        fileName: reply.fileName,
      });
      return;
    }
    stopWorker();
    if (reply.type === 'done') store.finish(reply.report, reply.ms);
    else {
      const { message, file, offset, code } = reply;
      store.fail({ message, file, offset, code, pasted });
    }
  });
  const broken = (event: Event) => {
    // Handled here, shown on the page: keep it off the console.
    event.preventDefault();
    if (!mine()) return;
    stopWorker();
    store.fail({
      message:
        'The analyzer couldn’t start in this browser. Reload the page and try again; if it keeps happening, use the latest Chrome, Edge, Firefox or Safari.',
      pasted,
    });
  };
  worker.addEventListener('error', broken);
  worker.addEventListener('messageerror', broken);
  worker.postMessage(request);
}
