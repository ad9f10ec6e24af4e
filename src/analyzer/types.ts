/**
 * Shared shapes of the capture analyzer. Everything under src/analyzer is pure TypeScript: no DOM,
 * no Node APIs, so the same code runs in the browser's worker and in the CLI.
 *
 * Times are microseconds since the Unix epoch as a number (exact for whole microseconds; a
 * nanosecond capture keeps its fraction to about a quarter of a microsecond).
 */

/** Something the analyzer could read around: the result is partial, and this says why. */
export interface AnalyzerWarning {
  /** Stable machine id, like 'truncated-record' or 'unsupported-link-type'. */
  code: string;
  /** One plain sentence for people. */
  message: string;
  /** Byte offset in the file where the problem starts, when it is about the file. */
  offset?: number;
  /** 1-based frame number, when it is about one packet. */
  frame?: number;
}

/** The input can't be read at all (wrong magic, absurd header): the run stops. */
export class AnalyzerError extends Error {
  override readonly name = 'AnalyzerError';
  constructor(
    message: string,
    /** Byte offset where reading failed. */
    readonly offset: number,
    /** Stable machine id, like 'bad-magic'. */
    readonly code: string,
  ) {
    super(message);
  }
}

/** Where a packet came from and went to, and when. */
export interface PacketMeta {
  /** 1-based frame number in the file, counted across pcapng sections, like Wireshark's. */
  frame: number;
  /** Capture time, µs since the epoch. */
  timeUs: number;
  /** '192.0.2.1' or '2001:db8::1' (RFC 5952 form). */
  src: string;
  dst: string;
  srcPort: number;
  dstPort: number;
  transport: 'udp' | 'tcp';
}

/**
 * A UDP datagram (after IP reassembly), or new in-order bytes of a TCP flow. `payload` is a view
 * into the reader's buffers, valid only during the callback: copy it to keep it.
 */
export interface Datagram extends PacketMeta {
  payload: Uint8Array;
}

/** What the capture reader hands on. */
export interface CaptureHandlers {
  onDatagram(datagram: Datagram): void;
  onWarning(warning: AnalyzerWarning): void;
}

/** A streaming reader: feed it chunks of any size, in order; then end(). */
export interface CaptureReader {
  push(chunk: Uint8Array): void;
  /** No more input; throws AnalyzerError when nothing readable was found, warns when cut short. */
  end(): void;
  /** Which format the magic said, once known. */
  readonly format: 'pcap' | 'pcapng' | undefined;
  /** Frames read so far (including those skipped as not IP/UDP/TCP). */
  readonly frames: number;
}

/** One reason-value of a Reason header (RFC 3326). */
export interface SipReason {
  /** 'Q.850', 'SIP', 'STIR' or another token, upper-cased. */
  protocol: string;
  cause: number;
  text?: string;
}

/** The parts of an SDP body the analyzer uses. */
export interface Sdp {
  /** Session-level c= address, if any. */
  connection?: string;
  media: SdpMedia[];
}

export interface SdpMedia {
  /** 'audio', 'video', … */
  type: string;
  port: number;
  /** RTP/AVP etc. */
  protocol: string;
  /** Payload type numbers in the order of the m= line. */
  payloadTypes: number[];
  /** Media-level c= address, else the session's. */
  connection?: string;
  /** a=rtpmap: payload type → { name, clockRate }. Static types not listed are not filled in here. */
  rtpmap: Record<number, { name: string; clockRate: number }>;
  /** a=sendrecv/sendonly/recvonly/inactive at media level, else session level, else sendrecv. */
  direction: 'sendrecv' | 'sendonly' | 'recvonly' | 'inactive';
}

/** One parsed SIP message. Header names are matched case-insensitively, compact forms expanded. */
export interface SipMessage {
  kind: 'request' | 'response';
  /** Request method, e.g. 'INVITE' (requests only). */
  method?: string;
  /** Request-URI (requests only). */
  uri?: string;
  /** Status code 100–699 (responses only). */
  status?: number;
  /** Reason phrase (responses only). */
  phrase?: string;
  callId: string;
  /** CSeq number and method. */
  cseq: { seq: number; method: string };
  /** From/To header values as written (display name, URI, params). */
  from: string;
  to: string;
  /** Tag parameters of From and To, if any. */
  fromTag?: string;
  toTag?: string;
  /** The top Via's branch parameter, if any. */
  branch?: string;
  /** Every Reason header value read (RFC 3326), in order. */
  reasons: SipReason[];
  /** The SDP body, when Content-Type is application/sdp (or absent with a body starting 'v=0'). */
  sdp?: Sdp;
  /** The start line as written, for ladders. */
  startLine: string;
}
