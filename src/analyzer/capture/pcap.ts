/**
 * Classic pcap: a 24-byte file header (magic, version, time zone, accuracy, snap length, link
 * type), then records of a 16-byte header (seconds, µs or ns, captured length, original length)
 * and the captured bytes.
 */

import type { AnalyzerWarning } from '../types.ts';
import { AnalyzerError } from '../types.ts';
import type { CaptureInterface, ReaderCore } from './core.ts';
import { captureInterface, countOf, groupDigits } from './core.ts';
import type { RecordParser } from './record-parser.ts';

const FILE_HEADER = 24;
const RECORD_HEADER = 16;
/** A captured length above this (and above twice the snap length) means the file is damaged. */
const MAX_PLAUSIBLE = 262144;
/** Never more than this, whatever the snap length says. */
const HARD_MAX = 64 * 1024 * 1024;

const MAGIC_MICROS = 0xa1b2c3d4;
const MAGIC_NANOS = 0xa1b23c4d;

/** True when the first 4 bytes (read either way round) are a pcap magic number. */
export function isPcapMagic(littleEndianValue: number, bigEndianValue: number): boolean {
  return (
    littleEndianValue === MAGIC_MICROS ||
    littleEndianValue === MAGIC_NANOS ||
    bigEndianValue === MAGIC_MICROS ||
    bigEndianValue === MAGIC_NANOS
  );
}

/** Reads a classic pcap file's header and records. */
export class PcapParser implements RecordParser {
  private headerRead = false;
  private littleEndian = true;
  private nanos = false;
  private face: CaptureInterface = captureInterface(0, 1, 0);

  constructor(private readonly core: ReaderCore) {}

  need(view: DataView, at: number, available: number, offset: number): number {
    if (!this.headerRead) return FILE_HEADER;
    if (available < RECORD_HEADER) return RECORD_HEADER;
    const captured = view.getUint32(at + 8, this.littleEndian);
    if (captured > HARD_MAX || (captured > MAX_PLAUSIBLE && captured > this.face.snaplen * 2)) {
      this.core.stop(this.absurd(captured, offset));
      return -1;
    }
    return RECORD_HEADER + captured;
  }

  record(bytes: Uint8Array, view: DataView, at: number, length: number, offset: number): void {
    if (!this.headerRead) {
      this.header(view, at);
      return;
    }
    const littleEndian = this.littleEndian;
    const seconds = view.getUint32(at, littleEndian);
    const fraction = view.getUint32(at + 4, littleEndian);
    const original = view.getUint32(at + 12, littleEndian);
    const timeUs = this.nanos ? seconds * 1e6 + fraction / 1000 : seconds * 1e6 + fraction;
    const captured = length - RECORD_HEADER;
    this.core.packet(
      this.face,
      bytes,
      view,
      at + RECORD_HEADER,
      captured,
      original,
      timeUs,
      offset,
    );
  }

  unfinished(_view: DataView, _at: number, available: number, offset: number): AnalyzerWarning {
    if (!this.headerRead) {
      throw new AnalyzerError(
        `The capture ends inside its file header (after ${countOf(available, 'byte')}): there are no packets in it.`,
        offset,
        'truncated',
      );
    }
    const packet = groupDigits(this.core.frames + 1);
    return {
      code: 'truncated',
      message: `The capture ends in the middle of packet ${packet} (at byte ${groupDigits(offset)}): it was probably cut short while copying. Everything before it was read.`,
      offset,
      frame: this.core.frames + 1,
    };
  }

  private header(view: DataView, at: number): void {
    const magic = view.getUint32(at, true);
    this.littleEndian = magic === MAGIC_MICROS || magic === MAGIC_NANOS;
    const native = this.littleEndian ? magic : view.getUint32(at);
    this.nanos = native === MAGIC_NANOS;
    const snaplen = view.getUint32(at + 16, this.littleEndian);
    // The upper bits of the link type field can carry FCS information.
    const linkType = view.getUint32(at + 20, this.littleEndian) & 0xffff;
    this.face = captureInterface(0, linkType, snaplen);
    this.headerRead = true;
  }

  private absurd(captured: number, offset: number): AnalyzerWarning {
    const packet = groupDigits(this.core.frames + 1);
    return {
      code: 'absurd-length',
      message: `Packet ${packet} (at byte ${groupDigits(offset)}) claims to be ${groupDigits(captured)} bytes long, which can't be right: the file is damaged from there on. Everything before it was read.`,
      offset,
      frame: this.core.frames + 1,
    };
  }
}
