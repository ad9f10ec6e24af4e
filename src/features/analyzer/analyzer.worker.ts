import { analyze, analyzeText, FileError, type AnalyzerInput } from '@/analyzer/analyze';
import { readSlices, throttle } from './read-slices';
import type { WorkerReply, WorkerRequest } from './worker-protocol';

/**
 * The capture analyzer, off the page's thread: reads the files it is sent slice by slice, reports
 * progress about ten times a second, then posts the report. Nothing leaves the browser. To stop,
 * the page terminates the worker. It never logs: a failure is posted to the page to show.
 */

const PROGRESS_INTERVAL_MS = 100;

function reply(message: WorkerReply): void {
  postMessage(message);
}

addEventListener('message', (event: MessageEvent<WorkerRequest>) => {
  void handle(event.data);
});

async function handle(request: WorkerRequest): Promise<void> {
  const started = performance.now();
  const names =
    request.type === 'files' ? request.files.map((file) => file.name).join(', ') : 'pasted text';
  try {
    const report =
      request.type === 'files'
        ? await analyzeFiles(request.files, request)
        : await analyzeText(request.text, { settings: request.settings });
    reply({ type: 'done', report, ms: Math.round(performance.now() - started) });
  } catch (error) {
    if (error instanceof FileError) {
      reply({
        type: 'error',
        message: error.reason,
        file: error.file,
        offset: error.offset,
        code: error.code,
      });
    } else {
      const detail = error instanceof Error ? error.message : String(error);
      reply({ type: 'error', message: `Something went wrong reading ${names}: ${detail}` });
    }
  }
}

function analyzeFiles(
  files: readonly File[],
  { settings }: Extract<WorkerRequest, { type: 'files' }>,
) {
  const totalBytes = files.reduce((sum, file) => sum + file.size, 0);
  let fileName = files[0]?.name ?? '';
  const due = throttle(PROGRESS_INTERVAL_MS, () => performance.now());
  const inputs: AnalyzerInput[] = files.map((file) => ({
    name: file.name,
    size: file.size,
    chunks: (async function* () {
      fileName = file.name;
      yield* readSlices(file);
    })(),
  }));
  return analyze(inputs, {
    settings,
    onProgress: (bytesRead) => {
      if (due() || bytesRead >= totalBytes) {
        reply({ type: 'progress', bytesRead, totalBytes, fileName });
      }
    },
  });
}
