/**
 * The streaming capture reader: takes a pcap or pcapng file in chunks of any size and hands each
 * UDP datagram and each run of new in-order TCP bytes to `onDatagram`.
 *
 * Records that lie inside one chunk are read in place (payloads are views into the chunk). Only
 * the bytes of a record that straddles chunks are copied into a carry buffer, so memory stays
 * around one record plus the reassembly buffers, whatever the file size.
 */

import type { CaptureHandlers, CaptureReader } from '../types.ts';
import { AnalyzerError } from '../types.ts';
import { ReaderCore } from './core.ts';
import type { DecodeStats } from './packet.ts';
import { isPcapMagic, PcapParser } from './pcap.ts';
import { BLOCK_SECTION_HEADER, PcapngParser } from './pcapng.ts';
import type { RecordParser } from './record-parser.ts';

/** Bytes needed to tell the format. */
const MAGIC_LENGTH = 4;
/** A carry buffer above this size is released once its record is read. */
const CARRY_KEEP = 1024 * 1024;

/** Counts of what the reader skipped, for summaries. */
export interface CaptureStats extends Readonly<DecodeStats> {
  /** Packets whose captured length is below their original length. */
  readonly cutShort: number;
  /** Fragmented IP packets given up (never completed, evicted or damaged). */
  readonly fragmentsDropped: number;
}

/** A capture reader that also tells what it skipped. */
export interface CaptureReaderWithStats extends CaptureReader {
  readonly stats: CaptureStats;
}

/** Bytes as lower-case hex pairs, like '3c 21 44 4f' (for messages about bad input). */
export function hexBytes(bytes: Uint8Array): string {
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join(' ');
}

function viewOf(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

class StreamingReader implements CaptureReaderWithStats {
  private detected: 'pcap' | 'pcapng' | undefined = undefined;
  private readonly core: ReaderCore;
  private parser: RecordParser | undefined = undefined;
  /** Bytes of the unfinished record (or of the magic, before the format is known). */
  private carry: Uint8Array = new Uint8Array(256);
  private carryView = viewOf(this.carry);
  private carryLength = 0;
  /** File offset of carry[0]. */
  private carryOffset = 0;
  /** File offset of the next byte to arrive. */
  private offset = 0;
  private ended = false;
  /** An AnalyzerError was thrown: later calls do nothing. */
  private failed = false;

  constructor(handlers: CaptureHandlers) {
    this.core = new ReaderCore(handlers);
  }

  get format(): 'pcap' | 'pcapng' | undefined {
    return this.detected;
  }

  get frames(): number {
    return this.core.frames;
  }

  get stats(): CaptureStats {
    const decoder = this.core.decoder;
    return {
      ...decoder.stats,
      cutShort: this.core.cutShort,
      fragmentsDropped: decoder.fragments.dropped,
    };
  }

  push(chunk: Uint8Array): void {
    if (this.ended || this.failed || this.core.stopped || chunk.length === 0) {
      this.offset += chunk.length;
      return;
    }
    try {
      this.read(chunk);
    } catch (error) {
      if (error instanceof AnalyzerError) this.failed = true;
      throw error;
    }
  }

  end(): void {
    if (this.ended || this.failed) return;
    this.ended = true;
    try {
      this.finish();
    } catch (error) {
      if (error instanceof AnalyzerError) this.failed = true;
      throw error;
    }
  }

  private read(chunk: Uint8Array): void {
    const chunkOffset = this.offset;
    this.offset += chunk.length;
    let at = 0;
    let parser = this.parser;
    if (parser === undefined) {
      at = Math.min(MAGIC_LENGTH - this.carryLength, chunk.length);
      this.append(chunk.subarray(0, at));
      if (this.carryLength < MAGIC_LENGTH) return;
      parser = this.detect();
    }
    if (this.carryLength > 0) {
      at = this.completeCarry(parser, chunk, at);
      if (this.carryLength > 0 || this.core.stopped) return;
    }
    at = this.readRecords(parser, chunk, viewOf(chunk), at, chunkOffset);
    if (at < chunk.length && !this.core.stopped) this.keep(chunk.subarray(at), chunkOffset + at);
  }

  /** Picks the parser from the magic number in the carry buffer's first 4 bytes. */
  private detect(): RecordParser {
    const little = this.carryView.getUint32(0, true);
    const big = this.carryView.getUint32(0);
    if (isPcapMagic(little, big)) {
      this.detected = 'pcap';
      this.parser = new PcapParser(this.core);
    } else if (little === BLOCK_SECTION_HEADER) {
      this.detected = 'pcapng';
      this.parser = new PcapngParser(this.core);
    } else {
      throw this.badMagic(this.carry.subarray(0, MAGIC_LENGTH));
    }
    return this.parser;
  }

  private badMagic(start: Uint8Array): AnalyzerError {
    const expected = 'a1 b2 c3 d4, d4 c3 b2 a1, 4d 3c b2 a1, a1 b2 3c 4d or 0a 0d 0d 0a';
    const what =
      start.length < MAGIC_LENGTH
        ? `it is only ${start.length === 1 ? '1 byte' : `${start.length} bytes`} long`
        : `it starts with bytes ${hexBytes(start)}`;
    return new AnalyzerError(
      `This isn't a pcap or pcapng capture: ${what} (expected ${expected}).`,
      0,
      'bad-magic',
    );
  }

  /**
   * Adds bytes from `chunk` (from `at`) to the unfinished record in the carry buffer; reads it once
   * whole. Returns where the rest of the chunk starts.
   */
  private completeCarry(parser: RecordParser, chunk: Uint8Array, at: number): number {
    let cursor = at;
    for (;;) {
      const need = parser.need(this.carryView, 0, this.carryLength, this.carryOffset);
      if (need < 0) return chunk.length;
      if (this.carryLength >= need) {
        parser.record(this.carry, this.carryView, 0, need, this.carryOffset);
        this.carryLength = 0;
        if (this.carry.length > CARRY_KEEP) this.setCarry(new Uint8Array(256));
        return cursor;
      }
      const take = Math.min(need - this.carryLength, chunk.length - cursor);
      if (take === 0) return cursor;
      this.append(chunk.subarray(cursor, cursor + take));
      cursor += take;
    }
  }

  /** Reads the whole records in [at, end of chunk); returns where the unfinished one starts. */
  private readRecords(
    parser: RecordParser,
    bytes: Uint8Array,
    view: DataView,
    at: number,
    chunkOffset: number,
  ): number {
    const end = bytes.length;
    const core = this.core;
    let cursor = at;
    while (cursor < end) {
      const need = parser.need(view, cursor, end - cursor, chunkOffset + cursor);
      if (need < 0) return end;
      if (end - cursor < need) return cursor;
      parser.record(bytes, view, cursor, need, chunkOffset + cursor);
      if (core.stopped) return end;
      cursor += need;
    }
    return cursor;
  }

  /** Starts the carry buffer with the tail of a chunk. */
  private keep(tail: Uint8Array, offset: number): void {
    this.carryLength = 0;
    this.carryOffset = offset;
    this.append(tail);
  }

  private append(bytes: Uint8Array): void {
    const length = this.carryLength + bytes.length;
    if (length > this.carry.length) {
      const grown = new Uint8Array(Math.max(length, this.carry.length * 2));
      grown.set(this.carry.subarray(0, this.carryLength));
      this.setCarry(grown);
    }
    this.carry.set(bytes, this.carryLength);
    this.carryLength = length;
  }

  private setCarry(carry: Uint8Array): void {
    this.carry = carry;
    this.carryView = viewOf(carry);
  }

  private finish(): void {
    if (this.parser === undefined) {
      if (this.offset === 0) throw new AnalyzerError('The file is empty.', 0, 'empty');
      throw this.badMagic(this.carry.subarray(0, this.carryLength));
    }
    if (this.carryLength > 0 && !this.core.stopped) {
      const warning = this.parser.unfinished(this.carryView, 0, this.carryLength, this.carryOffset);
      this.core.handlers.onWarning(warning);
    }
    this.core.finish();
  }
}

/**
 * A streaming reader for pcap and pcapng captures. Push the file in chunks of any size, then call
 * end(). It throws AnalyzerError when the input isn't a capture at all (bad magic, empty, no whole
 * header); damaged or cut-short files give warnings and a partial result instead. After an
 * AnalyzerError, later calls do nothing.
 */
/** Whether the first 4 bytes are a pcap or pcapng magic number (the reader's own test). */
export function isCaptureMagic(head: Uint8Array): boolean {
  if (head.length < MAGIC_LENGTH) return false;
  const view = viewOf(head);
  const little = view.getUint32(0, true);
  return isPcapMagic(little, view.getUint32(0)) || little === BLOCK_SECTION_HEADER;
}

export function createCaptureReader(handlers: CaptureHandlers): CaptureReaderWithStats {
  return new StreamingReader(handlers);
}
