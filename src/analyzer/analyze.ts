import {
  analyzeSipText,
  createCaptureAnalysis,
  formatSize,
  MAX_FILE_BYTES,
  sniffFormat,
  tooLarge,
  type FileResult,
} from './analyze-file.ts';
import { buildReport } from './build-report.ts';
import { hexBytes } from './capture/reader.ts';
import type { AnalysisReport } from './report.ts';
import type { AnalyzerSettings } from './settings.ts';
import { AnalyzerError } from './types.ts';

/** Largest text log read (5 MB): a ladder of messages is far smaller. */
export const MAX_TEXT_BYTES = 5 * 1024 * 1024;

/** One file to read: its name, size and bytes in order. */
export interface AnalyzerInput {
  name: string;
  /** Size in bytes, when known up front (files are refused before reading when too large). */
  size?: number;
  chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>;
}

/** A file that can't be read: which one, what is wrong, and where. */
export class FileError extends Error {
  override readonly name = 'FileError';
  constructor(
    readonly file: string,
    readonly reason: string,
    readonly offset: number,
    readonly code: string,
  ) {
    // A file that can't be opened at all has no byte to point at.
    super(
      code === 'unreadable'
        ? `${file}: ${reason}`
        : `${file}: ${reason} (at byte ${offset.toLocaleString('en-US')})`,
    );
  }
}

export interface AnalyzeOptions {
  settings: AnalyzerSettings;
  /** Called after each chunk with the bytes read so far over all files. */
  onProgress?: (bytesRead: number) => void;
  /** Stops between chunks with an AbortError. */
  signal?: AbortSignal;
  /**
   * Called for a file that can't be read, which is then left out of the report; without it, the
   * first such file stops the whole run with its FileError.
   */
  onUnreadable?: (error: FileError) => void;
}

/** Reads every file in turn, then reports on them together. */
export async function analyze(
  inputs: readonly AnalyzerInput[],
  options: AnalyzeOptions,
): Promise<AnalysisReport> {
  const results: FileResult[] = [];
  let done = 0;
  for (const input of inputs) {
    let read = 0;
    try {
      results.push(
        await analyzeOne(input, options, (bytes) => {
          read = bytes;
          options.onProgress?.(done + bytes);
        }),
      );
    } catch (error) {
      if (!(error instanceof FileError) || !options.onUnreadable) throw error;
      options.onUnreadable(error);
    }
    done += read;
  }
  return buildReport(results, options.settings);
}

async function analyzeOne(
  input: AnalyzerInput,
  options: AnalyzeOptions,
  progress: (bytes: number) => void,
): Promise<FileResult> {
  if (input.size !== undefined && input.size > MAX_FILE_BYTES) {
    throw new FileError(input.name, tooLarge(input.size), MAX_FILE_BYTES, 'too-large');
  }
  let kind: 'capture' | 'text' | undefined;
  let capture: ReturnType<typeof createCaptureAnalysis> | undefined;
  const text: Uint8Array[] = [];
  let bytes = 0;
  try {
    for await (const given of input.chunks) {
      options.signal?.throwIfAborted();
      if (given.length === 0) continue;
      // A plain view: slices of Node's Buffer subclass are several times slower to make.
      const chunk = new Uint8Array(given.buffer, given.byteOffset, given.length);
      if (kind === undefined) {
        const sniffed = sniffFormat(chunk);
        if (sniffed === 'unknown') throw notReadable(chunk);
        kind = sniffed;
        if (kind === 'capture') capture = createCaptureAnalysis(input.name);
      }
      bytes += chunk.length;
      if (capture) capture.push(chunk);
      else if (bytes <= MAX_TEXT_BYTES) text.push(chunk);
      progress(bytes);
    }
    options.signal?.throwIfAborted();
    if (kind === undefined) throw new AnalyzerError('The file is empty.', 0, 'empty');
    if (capture) return capture.end();
    const decoded = new TextDecoder().decode(concat(text).subarray(0, MAX_TEXT_BYTES));
    const result = analyzeSipText(input.name, decoded, bytes);
    if (bytes > MAX_TEXT_BYTES) {
      result.warnings.unshift({
        code: 'text-too-long',
        message: `Only the first ${formatSize(MAX_TEXT_BYTES)} of this ${formatSize(bytes)} text were read.`,
        offset: MAX_TEXT_BYTES,
      });
    }
    return result;
  } catch (error) {
    if (error instanceof AnalyzerError) {
      throw new FileError(input.name, error.message, error.offset, error.code);
    }
    throw error;
  }
}

function notReadable(head: Uint8Array): AnalyzerError {
  if (head[0] === 0x1f && head[1] === 0x8b) {
    return new AnalyzerError(
      'This capture is compressed (gzip). Decompress it first, for example with gunzip, and analyze the .pcap or .pcapng inside.',
      0,
      'compressed',
    );
  }
  const shown = hexBytes(head.subarray(0, 4));
  return new AnalyzerError(
    `This isn't a capture or a SIP text log: it starts with bytes ${shown}. The analyzer reads pcap and pcapng captures (from Wireshark, tcpdump or tshark) and SIP messages as plain text.`,
    0,
    'bad-magic',
  );
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const total = parts.reduce((sum, part) => sum + part.length, 0);
  const out = new Uint8Array(total);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** Reads pasted text as one SIP log. */
export async function analyzeText(
  text: string,
  options: AnalyzeOptions,
  name = 'pasted text',
): Promise<AnalysisReport> {
  return analyze([{ name, chunks: [new TextEncoder().encode(text)] }], options);
}
