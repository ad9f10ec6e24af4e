import { createCaptureReader, isCaptureMagic } from './capture/reader.ts';
import { readRtpHeader, looksLikeRtp, staticClockRate } from './rtp/rtp.ts';
import { createRtpStreamStats } from './rtp/stream.ts';
import { createCallTracker, type CallRecord } from './sip/calls.ts';
import { createSipStreamFramer, looksLikeSip, parseSipMessages } from './sip/message.ts';
import { readSipLog } from './sip/text-log.ts';
import {
  AnalyzerError,
  type AnalyzerWarning,
  type Datagram,
  type PacketMeta,
  type SipMessage,
} from './types.ts';

/** Largest file the analyzer reads (2 GiB): past that the page and the CLI refuse it. */
export const MAX_FILE_BYTES = 2 * 1024 ** 3;

/** Where an SDP said media should go, and what its payload types mean. */
export interface Announcement {
  callId: string;
  timeUs: number;
  frame: number;
  rtpmap: Record<number, { name: string; clockRate: number }>;
}

/** An RTP stream while it is being read, and its result once finished. */
export interface StreamRecord {
  src: string;
  srcPort: number;
  dst: string;
  dstPort: number;
  ssrc: number;
  /** The SDP that announced the receiving (or else the sending) address and port. */
  announcement: Announcement | undefined;
  stats: ReturnType<typeof createRtpStreamStats>;
  /** Payload types named by any SDP of its call (a caller may name telephone-event, the callee not). */
  codecs?: Record<number, { name: string; clockRate: number }>;
}

/** What one file gave: its calls and RTP streams, for the report to put together. */
export interface FileResult {
  name: string;
  format: 'pcap' | 'pcapng' | 'text';
  bytes: number;
  frames: number;
  sipMessages: number;
  firstUs: number | undefined;
  lastUs: number | undefined;
  warnings: AnalyzerWarning[];
  calls: CallRecord[];
  streams: StreamRecord[];
  /** Whether any UDP other than SIP was seen (a capture filtered to port 5060 has none). */
  sawMedia: boolean;
}

/** Unannounced RTP-looking flows shorter than this are noise (DNS, STUN, …), not streams. */
const MIN_HEURISTIC_PACKETS = 8;

/** Reads a file's SIP and RTP, whatever carried them (packets, or a text log). */
class FileReading {
  readonly warnings: AnalyzerWarning[] = [];
  readonly tracker = createCallTracker();
  readonly announced = new Map<string, Announcement[]>();
  readonly streams: StreamRecord[] = [];
  readonly streamsByPorts = new Map<number, StreamRecord[]>();
  readonly framers = new Map<string, ReturnType<typeof createSipStreamFramer>>();
  sipMessages = 0;
  sawMedia = false;
  firstUs: number | undefined;
  lastUs: number | undefined;

  sip(message: SipMessage, meta: PacketMeta): void {
    this.sipMessages++;
    this.tracker.add(message, meta);
    const sdp = message.sdp;
    if (!sdp) return;
    for (const media of sdp.media) {
      const address = media.connection ?? sdp.connection;
      if (address === undefined || media.port === 0) continue;
      const key = `${address}|${media.port}`;
      const list = this.announced.get(key) ?? [];
      if (list.length < 10_000) {
        list.push({
          callId: message.callId,
          timeUs: meta.timeUs,
          frame: meta.frame,
          rtpmap: media.rtpmap,
        });
      }
      this.announced.set(key, list);
    }
  }

  datagram(datagram: Datagram): void {
    const { timeUs } = datagram;
    this.firstUs ??= timeUs;
    this.lastUs = timeUs;
    if (datagram.transport === 'tcp') {
      this.tcp(datagram);
      return;
    }
    const payload = datagram.payload;
    if (looksLikeSip(payload)) {
      for (const message of parseSipMessages(payload).messages) this.sip(message, datagram);
      return;
    }
    if (payload.length >= 12) this.rtp(datagram);
  }

  private tcp(datagram: Datagram): void {
    const key = `${datagram.src}|${datagram.srcPort}|${datagram.dst}|${datagram.dstPort}`;
    let framer = this.framers.get(key);
    if (!framer) {
      if (!looksLikeSip(datagram.payload)) return;
      framer = createSipStreamFramer();
      this.framers.set(key, framer);
    }
    for (const message of framer.push(datagram.payload)) this.sip(message, datagram);
  }

  private rtp(datagram: Datagram): void {
    const { payload } = datagram;
    const header = readRtpHeader(payload);
    if (!header) return;
    // Streams by port pair first (a number, cheap to look up), then address and SSRC: building
    // a string key for every packet would cost more than reading the packet.
    const ports = datagram.srcPort * 65536 + datagram.dstPort;
    let candidates = this.streamsByPorts.get(ports);
    let stream = candidates?.find(
      (s) => s.ssrc === header.ssrc && s.src === datagram.src && s.dst === datagram.dst,
    );
    if (!stream) {
      const announcement = this.announcementFor(datagram);
      if (!announcement && !looksLikeRtp(payload)) return;
      const created: StreamRecord = {
        src: datagram.src,
        srcPort: datagram.srcPort,
        dst: datagram.dst,
        dstPort: datagram.dstPort,
        ssrc: header.ssrc,
        announcement,
        stats: createRtpStreamStats({
          clockRateOf: (payloadType) => clockRateOf(created, payloadType),
        }),
      };
      stream = created;
      if (!candidates) {
        candidates = [];
        this.streamsByPorts.set(ports, candidates);
      }
      // The newest first: a port pair reused by later calls finds its current stream at once.
      candidates.unshift(stream);
      this.streams.push(stream);
    }
    this.sawMedia = true;
    stream.stats.add(header, datagram.timeUs, datagram.frame);
  }

  /**
   * The SDP behind a new stream. Phones reuse media ports call after call, so several calls may
   * have announced the destination: a call that announced both ends wins (the latest such before
   * the packet), then the latest announcement of the destination, then of the source.
   */
  private announcementFor(datagram: Datagram): Announcement | undefined {
    const { timeUs } = datagram;
    const atDst = this.announced.get(`${datagram.dst}|${datagram.dstPort}`);
    const atSrc = this.announced.get(`${datagram.src}|${datagram.srcPort}`);
    if (atDst && atSrc) {
      const dstCalls = new Set(atDst.filter((a) => a.timeUs <= timeUs).map((a) => a.callId));
      for (let i = atSrc.length - 1; i >= 0; i--) {
        const entry = atSrc[i];
        if (entry && entry.timeUs <= timeUs && dstCalls.has(entry.callId)) {
          return atDst.findLast((a) => a.callId === entry.callId && a.timeUs <= timeUs);
        }
      }
    }
    return (
      this.latestAnnouncement(datagram.dst, datagram.dstPort, timeUs) ??
      this.latestAnnouncement(datagram.src, datagram.srcPort, timeUs)
    );
  }

  /** The last SDP before `timeUs` that announced this address and port (else the first after). */
  latestAnnouncement(address: string, port: number, timeUs: number): Announcement | undefined {
    const list = this.announced.get(`${address}|${port}`);
    if (!list) return undefined;
    let best: Announcement | undefined;
    for (const entry of list) {
      if (entry.timeUs <= timeUs) best = entry;
      else return best ?? entry;
    }
    return best;
  }

  result(name: string, format: FileResult['format'], bytes: number, frames: number): FileResult {
    const streams = this.streams.filter(
      (stream) =>
        stream.announcement !== undefined || stream.stats.packets >= MIN_HEURISTIC_PACKETS,
    );
    // An SDP that came after the stream's first packet still announces it.
    const codecs = new Map<string, Record<number, { name: string; clockRate: number }>>();
    for (const list of this.announced.values()) {
      for (const entry of list) {
        codecs.set(entry.callId, { ...entry.rtpmap, ...codecs.get(entry.callId) });
      }
    }
    for (const stream of streams) {
      if (!stream.announcement) {
        // Rare (media before its SDP), so the figures are worked out only here.
        const { startUs } = stream.stats.finish();
        stream.announcement =
          this.latestAnnouncement(stream.dst, stream.dstPort, startUs) ??
          this.latestAnnouncement(stream.src, stream.srcPort, startUs);
      }
      const named = stream.announcement && codecs.get(stream.announcement.callId);
      if (named) stream.codecs = named;
    }
    return {
      name,
      format,
      bytes,
      frames,
      sipMessages: this.sipMessages,
      firstUs: this.firstUs,
      lastUs: this.lastUs,
      warnings: [...this.warnings, ...this.tracker.warnings],
      calls: this.tracker.calls(),
      streams,
      sawMedia: this.sawMedia,
    };
  }
}

/**
 * The clock rate of a stream's payload type: from its SDP, else the static table. None for
 * telephone-event, whose timestamps stand still during a tone (Wireshark skips its jitter too).
 */
export function clockRateOf(stream: StreamRecord, payloadType: number): number | undefined {
  const mapped = stream.announcement?.rtpmap[payloadType];
  if (mapped) return mapped.name.toLowerCase() === 'telephone-event' ? undefined : mapped.clockRate;
  return staticClockRate(payloadType);
}

/** A capture file read in chunks: push them in order, then end(). */
export interface FileAnalysis {
  push(chunk: Uint8Array): void;
  end(): FileResult;
}

/** Starts reading a pcap or pcapng file. Throws AnalyzerError when it is neither. */
export function createCaptureAnalysis(name: string): FileAnalysis {
  const reading = new FileReading();
  let bytes = 0;
  const reader = createCaptureReader({
    onDatagram: (datagram) => {
      reading.datagram(datagram);
    },
    onWarning: (warning) => {
      if (reading.warnings.length < 100) reading.warnings.push(warning);
    },
  });
  return {
    push(chunk) {
      bytes += chunk.length;
      if (bytes > MAX_FILE_BYTES) {
        throw new AnalyzerError(tooLarge(bytes), MAX_FILE_BYTES, 'too-large');
      }
      reader.push(chunk);
    },
    end() {
      reader.end();
      return reading.result(name, reader.format ?? 'pcap', bytes, reader.frames);
    },
  };
}

/** Reads SIP messages copied from a log or a ladder (no RTP). */
export function analyzeSipText(name: string, text: string, bytes: number): FileResult {
  const reading = new FileReading();
  const log = readSipLog(text);
  reading.warnings.push(...log.warnings);
  for (const entry of log.entries) {
    if (entry.timed) {
      reading.firstUs ??= entry.meta.timeUs;
      reading.lastUs = entry.meta.timeUs;
    }
    // A log without times or addresses has none: NaN and '' rather than 1970 and ':0'.
    const meta = entry.timed ? entry.meta : { ...entry.meta, timeUs: Number.NaN };
    reading.sip(entry.message, meta);
  }
  if (log.entries.length === 0) {
    throw new AnalyzerError(
      'No SIP messages found in this text. Paste whole messages, each starting with a line like "INVITE sip:… SIP/2.0" or "SIP/2.0 503 Service Unavailable".',
      0,
      'no-sip',
    );
  }
  return reading.result(name, 'text', bytes, log.entries.length);
}

/** What the first bytes say a file is. */
export function sniffFormat(head: Uint8Array): 'capture' | 'text' | 'unknown' {
  if (isCaptureMagic(head)) return 'capture';
  const sample = head.subarray(0, 4096);
  let printable = 0;
  for (const byte of sample) {
    if (byte === 9 || byte === 10 || byte === 13 || byte >= 32) printable++;
  }
  return sample.length > 0 && printable / sample.length > 0.95 ? 'text' : 'unknown';
}

export function tooLarge(bytes: number): string {
  return `This file is ${formatSize(bytes)}; the analyzer reads files up to 2 GB. Cut the capture to the calls you care about first, for example with editcap -A/-B (a time range) or a display filter in Wireshark (File › Export Specified Packets).`;
}

export function formatSize(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${(bytes / 1024 ** 3).toFixed(1)} GB`;
  if (bytes >= 1024 ** 2) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} kB`;
  return `${bytes} bytes`;
}
