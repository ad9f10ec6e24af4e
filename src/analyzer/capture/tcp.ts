/**
 * TCP stream reassembly: per direction (source address:port → destination address:port), hand on
 * each byte once and in order. Retransmitted bytes are dropped (partial overlaps trimmed), segments
 * that arrive early wait in a small bounded buffer, and a gap that never fills is skipped once that
 * buffer is full or the capture ends. Sequence numbers wrap at 2^32.
 */

import type { CaptureHandlers } from '../types.ts';

/** Out-of-order segments kept per flow before giving up on a gap. */
const MAX_PENDING_SEGMENTS = 64;
/** Out-of-order bytes kept per flow before giving up on a gap. */
const MAX_PENDING_BYTES = 1024 * 1024;
/** Out-of-order bytes kept across all flows; beyond this the oldest waiting flow skips its gap. */
const MAX_PENDING_TOTAL = 32 * 1024 * 1024;
/** Flows tracked at once; the oldest is forgotten beyond this. */
const MAX_FLOWS = 65536;

/** TCP flag bits as in the header's flags byte. */
export const TCP_FIN = 0x01;
export const TCP_SYN = 0x02;
export const TCP_RST = 0x04;

interface PendingSegment {
  seq: number;
  data: Uint8Array;
  frame: number;
  timeUs: number;
}

interface Flow {
  src: string;
  dst: string;
  srcPort: number;
  dstPort: number;
  /** Next expected sequence number (unsigned 32-bit), or -1 before the first segment. */
  next: number;
  pending: PendingSegment[];
  pendingBytes: number;
  gapWarned: boolean;
}

/** One TCP segment as read from a packet. */
export interface TcpSegment {
  src: string;
  dst: string;
  srcPort: number;
  dstPort: number;
  seq: number;
  /** The header's flags byte (TCP_SYN etc.). */
  flags: number;
  payload: Uint8Array;
  frame: number;
  timeUs: number;
}

/** Signed distance from `from` to `to` in 32-bit sequence space. */
function seqDelta(to: number, from: number): number {
  return (to - from) | 0;
}

/** Reassembles TCP payloads into in-order bytes per direction and hands them to `onDatagram`. */
export class TcpReassembler {
  private readonly flows = new Map<string, Flow>();
  /** Flows with segments waiting behind a gap, oldest first. */
  private readonly waiting = new Set<Flow>();
  private pendingTotal = 0;

  constructor(private readonly handlers: CaptureHandlers) {}

  /** Takes one segment; calls onDatagram with any bytes that are now new and in order. */
  segment(segment: TcpSegment): void {
    const flow = this.flowFor(segment);
    let seq = segment.seq;
    if ((segment.flags & TCP_SYN) !== 0) {
      seq = (seq + 1) >>> 0;
      flow.next = seq;
      this.clearPending(flow);
      flow.gapWarned = false;
    }
    if (segment.payload.length === 0) return;
    if (flow.next < 0) flow.next = seq;
    const delta = seqDelta(seq, flow.next);
    if (delta <= 0) {
      this.accept(flow, delta, segment.payload, segment.frame, segment.timeUs);
      this.drain(flow, segment.frame, segment.timeUs);
      return;
    }
    this.hold(flow, seq, segment);
  }

  /** End of capture: deliver what waits behind gaps that will never fill. */
  flush(): void {
    for (const flow of this.waiting) {
      while (flow.pending.length > 0) this.skipGap(flow, -1, 0);
    }
  }

  private flowFor(segment: TcpSegment): Flow {
    const key = `${segment.src} ${segment.srcPort} ${segment.dst} ${segment.dstPort}`;
    let flow = this.flows.get(key);
    if (flow === undefined) {
      if (this.flows.size >= MAX_FLOWS) {
        const oldest = this.flows.entries().next();
        if (oldest.done !== true) {
          this.flows.delete(oldest.value[0]);
          this.clearPending(oldest.value[1]);
        }
      }
      flow = {
        src: segment.src,
        dst: segment.dst,
        srcPort: segment.srcPort,
        dstPort: segment.dstPort,
        next: -1,
        pending: [],
        pendingBytes: 0,
        gapWarned: false,
      };
      this.flows.set(key, flow);
    }
    return flow;
  }

  /** Delivers the part of data (starting `delta` ≤ 0 bytes from flow.next) not yet delivered. */
  private accept(flow: Flow, delta: number, data: Uint8Array, frame: number, timeUs: number): void {
    const end = delta + data.length;
    if (end <= 0) return;
    flow.next = (flow.next + end) >>> 0;
    this.handlers.onDatagram({
      frame,
      timeUs,
      src: flow.src,
      dst: flow.dst,
      srcPort: flow.srcPort,
      dstPort: flow.dstPort,
      transport: 'tcp',
      payload: delta === 0 ? data : data.subarray(-delta),
    });
  }

  /** Keeps an early segment; skips gaps when the flow's or the overall buffer is full. */
  private hold(flow: Flow, seq: number, segment: TcpSegment): void {
    const data = segment.payload.slice();
    flow.pending.push({ seq, data, frame: segment.frame, timeUs: segment.timeUs });
    flow.pendingBytes += data.length;
    this.pendingTotal += data.length;
    this.waiting.add(flow);
    while (flow.pending.length > MAX_PENDING_SEGMENTS || flow.pendingBytes > MAX_PENDING_BYTES) {
      this.skipGap(flow, segment.frame, segment.timeUs);
    }
    while (this.pendingTotal > MAX_PENDING_TOTAL) {
      const oldest = this.waiting.values().next();
      if (oldest.done === true) return;
      this.skipGap(oldest.value, -1, 0);
    }
  }

  /** Takes the waiting segment at `index` out of the flow's buffer. */
  private takePending(flow: Flow, index: number): PendingSegment | undefined {
    const [pending] = flow.pending.splice(index, 1);
    if (pending === undefined) return undefined;
    flow.pendingBytes -= pending.data.length;
    this.pendingTotal -= pending.data.length;
    if (flow.pending.length === 0) this.waiting.delete(flow);
    return pending;
  }

  private clearPending(flow: Flow): void {
    this.pendingTotal -= flow.pendingBytes;
    flow.pending = [];
    flow.pendingBytes = 0;
    this.waiting.delete(flow);
  }

  /** Index of the waiting segment closest to flow.next. */
  private earliest(flow: Flow): number {
    let best = 0;
    let bestDelta = Infinity;
    for (let i = 0; i < flow.pending.length; i++) {
      const pending = flow.pending[i];
      if (pending === undefined) continue;
      const delta = seqDelta(pending.seq, flow.next);
      if (delta < bestDelta) {
        bestDelta = delta;
        best = i;
      }
    }
    return best;
  }

  /** Delivers waiting segments that have become in order. `frame` -1 keeps each segment's own. */
  private drain(flow: Flow, frame: number, timeUs: number): void {
    while (flow.pending.length > 0) {
      const index = this.earliest(flow);
      const delta = seqDelta(flow.pending[index]?.seq ?? 0, flow.next);
      if (delta > 0) return;
      const pending = this.takePending(flow, index);
      if (pending === undefined) return;
      const own = frame < 0;
      this.accept(
        flow,
        delta,
        pending.data,
        own ? pending.frame : frame,
        own ? pending.timeUs : timeUs,
      );
    }
  }

  /** Gives up on the missing bytes before the earliest waiting segment and goes on from there. */
  private skipGap(flow: Flow, frame: number, timeUs: number): void {
    const pending = flow.pending[this.earliest(flow)];
    if (pending === undefined) return;
    if (!flow.gapWarned) {
      flow.gapWarned = true;
      const missing = seqDelta(pending.seq, flow.next);
      this.handlers.onWarning({
        code: 'tcp-gap',
        message: `The TCP stream from ${flow.src} port ${flow.srcPort} to ${flow.dst} port ${flow.dstPort} misses ${missing} bytes that were never captured: the stream goes on after the gap.`,
        frame: pending.frame,
      });
    }
    flow.next = pending.seq;
    this.drain(flow, frame, timeUs);
  }
}
