/**
 * pcapng: blocks of (type, total length, body, total length). A Section Header Block starts each
 * section and sets its byte order; Interface Description Blocks number the section's interfaces;
 * Enhanced, Simple and (obsolete) Packet Blocks carry packets. Other blocks are skipped.
 */

import type { AnalyzerWarning } from '../types.ts';
import { AnalyzerError } from '../types.ts';
import type { CaptureInterface, ReaderCore } from './core.ts';
import { captureInterface, groupDigits } from './core.ts';
import type { RecordParser } from './record-parser.ts';
import { timestampUs, unitsPerSecond } from './timestamp.ts';

/** Block types. The section header's reads the same in both byte orders. */
export const BLOCK_SECTION_HEADER = 0x0a0d0d0a;
const BLOCK_INTERFACE = 1;
const BLOCK_PACKET = 2;
const BLOCK_SIMPLE_PACKET = 3;
const BLOCK_ENHANCED_PACKET = 6;

const BYTE_ORDER_MAGIC = 0x1a2b3c4d;
const BYTE_ORDER_MAGIC_SWAPPED = 0x4d3c2b1a;
const BLOCK_HEADER = 12;
const MIN_SECTION_HEADER = 28;
const MIN_INTERFACE = 20;
const MIN_PACKET = 32;
const MIN_SIMPLE_PACKET = 16;
const MAX_BLOCK = 64 * 1024 * 1024;

const OPTION_END = 0;
const OPTION_TSRESOL = 9;
const OPTION_TSOFFSET = 14;

/** Names for messages about unfinished blocks. */
function blockName(type: number): string {
  switch (type) {
    case BLOCK_SECTION_HEADER:
      return 'section header';
    case BLOCK_INTERFACE:
      return 'interface description';
    default:
      return `type ${type}`;
  }
}

function isPacketBlock(type: number): boolean {
  return type === BLOCK_ENHANCED_PACKET || type === BLOCK_SIMPLE_PACKET || type === BLOCK_PACKET;
}

/** Reads a pcapng file block by block. */
export class PcapngParser implements RecordParser {
  /** Byte order of the current section. */
  private littleEndian = true;
  private sections = 0;
  private interfaces: CaptureInterface[] = [];
  /** Time of the previous packet, for Simple Packet Blocks (which have none). */
  private lastTimeUs = 0;

  constructor(private readonly core: ReaderCore) {}

  need(view: DataView, at: number, available: number, offset: number): number {
    if (available < BLOCK_HEADER) return BLOCK_HEADER;
    const type = view.getUint32(at, true);
    let littleEndian = this.littleEndian;
    if (type === BLOCK_SECTION_HEADER) {
      const magic = view.getUint32(at + 8, true);
      if (magic !== BYTE_ORDER_MAGIC && magic !== BYTE_ORDER_MAGIC_SWAPPED) {
        return this.broken(
          offset,
          `The section header at byte ${groupDigits(offset)} has no valid byte-order mark`,
        );
      }
      littleEndian = magic === BYTE_ORDER_MAGIC;
    }
    const length = view.getUint32(at + 4, littleEndian);
    const minimum = type === BLOCK_SECTION_HEADER ? MIN_SECTION_HEADER : BLOCK_HEADER;
    if (length < minimum || length % 4 !== 0 || length > MAX_BLOCK) {
      return this.broken(
        offset,
        `The block at byte ${groupDigits(offset)} has an impossible length (${groupDigits(length)} bytes)`,
      );
    }
    if (available >= length) {
      const trailer = view.getUint32(at + length - 4, littleEndian);
      if (trailer !== length) {
        return this.broken(
          offset,
          `The block at byte ${groupDigits(offset)} ends with a length (${groupDigits(trailer)}) other than the one it starts with (${groupDigits(length)})`,
        );
      }
    }
    return length;
  }

  record(bytes: Uint8Array, view: DataView, at: number, length: number, offset: number): void {
    const type = view.getUint32(at, this.littleEndian);
    switch (type) {
      case BLOCK_SECTION_HEADER:
        this.sectionHeader(view, at);
        return;
      case BLOCK_INTERFACE:
        this.interfaceDescription(view, at, length, offset);
        return;
      case BLOCK_ENHANCED_PACKET:
        this.enhancedPacket(bytes, view, at, length, offset, false);
        return;
      case BLOCK_PACKET:
        this.enhancedPacket(bytes, view, at, length, offset, true);
        return;
      case BLOCK_SIMPLE_PACKET:
        this.simplePacket(bytes, view, at, length, offset);
        return;
      default:
      // Name resolution, statistics, secrets, custom blocks: nothing for us.
    }
  }

  unfinished(view: DataView, at: number, available: number, offset: number): AnalyzerWarning {
    if (this.sections === 0) {
      throw new AnalyzerError(
        'The capture ends inside its first section header: there are no packets in it.',
        offset,
        'truncated',
      );
    }
    const type = available >= 4 ? view.getUint32(at, this.littleEndian) : -1;
    const where = `(at byte ${groupDigits(offset)})`;
    const what =
      type < 0 || isPacketBlock(type)
        ? `packet ${groupDigits(this.core.frames + 1)} ${where}`
        : `a ${blockName(type)} block ${where}`;
    const warning: AnalyzerWarning = {
      code: 'truncated',
      message: `The capture ends in the middle of ${what}: it was probably cut short while copying. Everything before it was read.`,
      offset,
    };
    if (type < 0 || isPacketBlock(type)) warning.frame = this.core.frames + 1;
    return warning;
  }

  /** Stops reading with a warning (or throws, when it is the very first block). */
  private broken(offset: number, problem: string): number {
    if (this.sections === 0 && offset === 0) {
      throw new AnalyzerError(`${problem}: this pcapng file can't be read.`, offset, 'bad-header');
    }
    this.core.stop({
      code: 'bad-block',
      message: `${problem}: the file is damaged from there on. Everything before it was read.`,
      offset,
    });
    return -1;
  }

  private sectionHeader(view: DataView, at: number): void {
    this.littleEndian = view.getUint32(at + 8, true) === BYTE_ORDER_MAGIC;
    this.sections++;
    this.interfaces = [];
  }

  private interfaceDescription(view: DataView, at: number, length: number, offset: number): void {
    const littleEndian = this.littleEndian;
    if (length < MIN_INTERFACE) {
      // Keep the numbering of later interfaces right; its packets can't be read.
      this.interfaces.push(captureInterface(this.interfaces.length, -1, 0));
      this.core.handlers.onWarning({
        code: 'bad-block',
        message: `The interface description at byte ${groupDigits(offset)} is too short to read: packets captured on it are skipped.`,
        offset,
      });
      return;
    }
    const linkType = view.getUint16(at + 8, littleEndian);
    const snaplen = view.getUint32(at + 12, littleEndian);
    const face = captureInterface(this.interfaces.length, linkType, snaplen);
    this.readOptions(face, view, at + 16, at + length - 4);
    this.interfaces.push(face);
  }

  /** Reads if_tsresol and if_tsoffset from the options in [start, end). */
  private readOptions(face: CaptureInterface, view: DataView, start: number, end: number): void {
    const littleEndian = this.littleEndian;
    let at = start;
    while (at + 4 <= end) {
      const code = view.getUint16(at, littleEndian);
      const length = view.getUint16(at + 2, littleEndian);
      const value = at + 4;
      if (code === OPTION_END || value + length > end) return;
      if (code === OPTION_TSRESOL && length >= 1) {
        face.perSecond = unitsPerSecond(view.getUint8(value));
      } else if (code === OPTION_TSOFFSET && length >= 8) {
        const high = view.getInt32(littleEndian ? value + 4 : value, littleEndian);
        const low = view.getUint32(littleEndian ? value : value + 4, littleEndian);
        face.offsetUs = (high * 4294967296 + low) * 1e6;
      }
      at = value + ((length + 3) & ~3);
    }
  }

  /** Enhanced Packet Block, or the obsolete Packet Block (16-bit interface id). */
  private enhancedPacket(
    bytes: Uint8Array,
    view: DataView,
    at: number,
    length: number,
    offset: number,
    obsolete: boolean,
  ): void {
    const littleEndian = this.littleEndian;
    const face =
      length >= MIN_PACKET
        ? this.interfaces[
            obsolete ? view.getUint16(at + 8, littleEndian) : view.getUint32(at + 8, littleEndian)
          ]
        : undefined;
    const captured = length >= MIN_PACKET ? view.getUint32(at + 20, littleEndian) : 0;
    if (face === undefined || captured > length - MIN_PACKET) {
      this.core.damagedPacket();
      return;
    }
    const high = view.getUint32(at + 12, littleEndian);
    const low = view.getUint32(at + 16, littleEndian);
    const original = view.getUint32(at + 24, littleEndian);
    const timeUs = timestampUs(high, low, face.perSecond, face.offsetUs);
    this.lastTimeUs = timeUs;
    this.core.packet(face, bytes, view, at + 28, captured, original, timeUs, offset);
  }

  /** Simple Packet Block: interface 0, no timestamp, captured length implied by the block. */
  private simplePacket(
    bytes: Uint8Array,
    view: DataView,
    at: number,
    length: number,
    offset: number,
  ): void {
    const face = this.interfaces[0];
    if (face === undefined || length < MIN_SIMPLE_PACKET) {
      this.core.damagedPacket();
      return;
    }
    const original = view.getUint32(at + 8, this.littleEndian);
    let captured = Math.min(original, length - MIN_SIMPLE_PACKET);
    if (face.snaplen > 0) captured = Math.min(captured, face.snaplen);
    this.core.packet(face, bytes, view, at + 12, captured, original, this.lastTimeUs, offset);
  }
}
