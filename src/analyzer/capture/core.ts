/**
 * What the pcap and pcapng record parsers share: frame counting, per-interface link types, the
 * packet decoder, warnings and stopping.
 */

import type { AnalyzerWarning, CaptureHandlers } from '../types.ts';
import { isSupportedLinkType } from './link.ts';
import { PacketDecoder } from './packet.ts';

/** 1234567 → '1,234,567': byte offsets in messages are easier to read grouped. */
export function groupDigits(value: number): string {
  const digits = String(value);
  let out = '';
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0 && digits[i - 1] !== '-') out += ',';
    out += digits[i] ?? '';
  }
  return out;
}

/** '1 packet' / '2 packets'. */
export function countOf(count: number, singular: string, plural = `${singular}s`): string {
  return `${groupDigits(count)} ${count === 1 ? singular : plural}`;
}

/** One capture interface: the pcap file's only one, or a pcapng Interface Description Block. */
export interface CaptureInterface {
  /** Index within its section (pcapng interface id). */
  id: number;
  linkType: number;
  supported: boolean;
  /** The unsupported-link-type warning was given. */
  warned: boolean;
  /** Snap length from the header (0 = none). */
  snaplen: number;
  /** pcapng timestamp units per second (if_tsresol). */
  perSecond: number;
  /** pcapng if_tsoffset in µs. */
  offsetUs: number;
}

/** A new interface description with µs timestamps and no offset. */
export function captureInterface(id: number, linkType: number, snaplen: number): CaptureInterface {
  return {
    id,
    linkType,
    supported: isSupportedLinkType(linkType),
    warned: false,
    snaplen,
    perSecond: 1_000_000,
    offsetUs: 0,
  };
}

/** Reading one capture file: state shared by the framing and the record parsers. */
export class ReaderCore {
  /** Packet records read so far (the last one's frame number). */
  frames = 0;
  /** Reading stopped early (a damaged length); later input is ignored. */
  stopped = false;
  /** Packets whose captured length is below their original length. */
  cutShort = 0;
  firstCutShortFrame = 0;
  readonly decoder: PacketDecoder;

  constructor(readonly handlers: CaptureHandlers) {
    this.decoder = new PacketDecoder(handlers);
  }

  /** Gives a warning and ignores the rest of the input. */
  stop(warning: AnalyzerWarning): void {
    if (this.stopped) return;
    this.stopped = true;
    this.handlers.onWarning(warning);
  }

  /** Counts a packet record that can't be used (bad interface id, length beyond its block). */
  damagedPacket(): void {
    this.frames++;
    this.decoder.frame = this.frames;
    this.decoder.stats.malformed++;
    if (this.decoder.stats.malformed === 1) this.decoder.stats.firstMalformedFrame = this.frames;
  }

  /**
   * Counts and decodes one packet record: `captured` bytes at `start`, `original` bytes on the
   * wire. `offset` is the record's byte offset in the file, for warnings.
   */
  packet(
    face: CaptureInterface,
    bytes: Uint8Array,
    view: DataView,
    start: number,
    captured: number,
    original: number,
    timeUs: number,
    offset: number,
  ): void {
    const frame = ++this.frames;
    if (captured < original && this.cutShort++ === 0) this.firstCutShortFrame = frame;
    if (!face.supported) {
      this.unsupported(face, frame, offset);
      return;
    }
    const decoder = this.decoder;
    decoder.frame = frame;
    decoder.timeUs = timeUs;
    decoder.decode(bytes, view, start, start + captured, face.linkType);
  }

  /** End of input: pending TCP bytes, then one summary warning per kind of skipped packet. */
  finish(): void {
    this.decoder.finish();
    const stats = this.decoder.stats;
    if (this.cutShort > 0) {
      this.handlers.onWarning({
        code: 'packets-cut-short',
        message: `${countOf(this.cutShort, 'packet was', 'packets were')} captured only in part (the capture's snap length cut ${this.cutShort === 1 ? 'it' : 'them'} short), starting with packet ${groupDigits(this.firstCutShortFrame)}: what was there was used.`,
        frame: this.firstCutShortFrame,
      });
    }
    if (stats.malformed > 0) {
      this.handlers.onWarning({
        code: 'malformed-packets',
        message: `${countOf(stats.malformed, 'packet')} had damaged headers and ${stats.malformed === 1 ? 'was' : 'were'} skipped, starting with packet ${groupDigits(stats.firstMalformedFrame)}.`,
        frame: stats.firstMalformedFrame,
      });
    }
    const fragments = this.decoder.fragments;
    const incomplete = fragments.dropped + fragments.pending;
    if (incomplete > 0) {
      this.handlers.onWarning({
        code: 'fragments-incomplete',
        message: `${countOf(incomplete, 'fragmented IP packet')} never got all ${incomplete === 1 ? 'its' : 'their'} pieces and ${incomplete === 1 ? 'was' : 'were'} left out.`,
      });
    }
  }

  private unsupported(face: CaptureInterface, frame: number, offset: number): void {
    if (face.warned) return;
    face.warned = true;
    this.handlers.onWarning({
      code: 'unsupported-link-type',
      message: `Packet ${groupDigits(frame)} (at byte ${groupDigits(offset)}) and the others captured on interface ${face.id} use link type ${face.linkType}, which this tool can't read: they are skipped.`,
      offset,
      frame,
    });
  }
}
