/**
 * Runs the capture reader over a whole file (optionally in chunks) and collects what it gives, for
 * tests.
 */

import { createCaptureReader } from '../capture/reader.ts';
import type { AnalyzerWarning, Datagram } from '../types.ts';
import { AnalyzerError } from '../types.ts';
import { chunked } from './capture-writer.ts';

/** Everything the reader handed on. Payloads are copies, so they stay valid. */
export interface ReadResult {
  datagrams: Datagram[];
  warnings: AnalyzerWarning[];
  frames: number;
  format: 'pcap' | 'pcapng' | undefined;
  /** The AnalyzerError thrown by push() or end(), if any. */
  error: AnalyzerError | undefined;
}

/**
 * Reads `bytes` through a fresh reader, pushed whole or split by `chunkSizes` (see `chunked`).
 * AnalyzerError is caught into `error`; anything else is a bug and propagates.
 */
export function readCapture(
  bytes: Uint8Array,
  chunkSizes?: number | readonly number[],
): ReadResult {
  const datagrams: Datagram[] = [];
  const warnings: AnalyzerWarning[] = [];
  const reader = createCaptureReader({
    onDatagram: (datagram) => datagrams.push({ ...datagram, payload: datagram.payload.slice() }),
    onWarning: (warning) => warnings.push(warning),
  });
  let error: AnalyzerError | undefined;
  try {
    const pieces = chunkSizes === undefined ? [bytes] : chunked(bytes, chunkSizes);
    for (const piece of pieces) reader.push(piece);
    reader.end();
  } catch (caught) {
    if (!(caught instanceof AnalyzerError)) throw caught;
    error = caught;
  }
  return { datagrams, warnings, frames: reader.frames, format: reader.format, error };
}

const decoder = new TextDecoder();

/** A payload as UTF-8 text. */
export function textOf(payload: Uint8Array): string {
  return decoder.decode(payload);
}

const latin1 = new TextDecoder('latin1');

/**
 * The result with every payload as a one-char-per-byte string: quick to compare with toEqual
 * (element-wise comparison of many byte arrays is slow).
 */
export function digestOf(result: ReadResult) {
  return {
    datagrams: result.datagrams.map((datagram) => ({
      ...datagram,
      payload: latin1.decode(datagram.payload),
    })),
    warnings: result.warnings,
    frames: result.frames,
    format: result.format,
    error:
      result.error === undefined
        ? undefined
        : { code: result.error.code, offset: result.error.offset, message: result.error.message },
  };
}
