/**
 * The contract between the streaming framer (reader.ts) and a file format: how long the record at
 * hand is, and what to do with it once all its bytes are there.
 */

import type { AnalyzerWarning } from '../types.ts';

/** One capture file format, read record by record. */
export interface RecordParser {
  /**
   * Bytes needed for the record starting at `at`, given `available` bytes there: its header size
   * while fewer bytes than that are available, then its whole length. Returns -1 after stopping the
   * reader (with a warning) when the length is impossible; may throw AnalyzerError when the very
   * first record is unreadable. Apart from stopping, it must not change any state: it can be asked
   * twice for one record.
   * `offset` is the record's byte offset in the file.
   */
  need(view: DataView, at: number, available: number, offset: number): number;
  /** Reads one whole record of `length` bytes at `at`. */
  record(bytes: Uint8Array, view: DataView, at: number, length: number, offset: number): void;
  /**
   * The input ended with `available` bytes of an unfinished record at `at`: the warning to give,
   * or throws AnalyzerError when nothing at all could be read.
   */
  unfinished(view: DataView, at: number, available: number, offset: number): AnalyzerWarning;
}
