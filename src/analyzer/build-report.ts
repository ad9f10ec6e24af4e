import { endpoint, isoOrNull, isoTime } from './addresses.ts';
import type { FileResult, StreamRecord } from './analyze-file.ts';
import { findingsFor, type CallView } from './findings.ts';
import type { AnalysisReport, CallReport, LoadReport, StreamReport } from './report.ts';
import type { AnalyzerSettings } from './settings.ts';

const round = (value: number, places = 3) => {
  const factor = 10 ** places;
  return Math.round(value * factor) / factor;
};

/** Puts the files' calls and streams together, and finds what is wrong. */
export function buildReport(
  results: readonly FileResult[],
  settings: AnalyzerSettings,
): AnalysisReport {
  const views: CallView[] = [];
  const rtpStreams: StreamReport[] = [];
  const rows = new Map<StreamRecord, StreamReport>();
  results.forEach((result, file) => {
    const streams = result.streams.map((stream) => ({
      stream,
      report: streamReport(stream, file),
    }));
    const byCall = new Map<string, typeof streams>();
    for (const entry of streams) {
      rows.set(entry.stream, entry.report);
      rtpStreams.push(entry.report);
      const callId = entry.stream.announcement?.callId;
      if (callId === undefined) continue;
      const list = byCall.get(callId) ?? [];
      list.push(entry);
      byCall.set(callId, list);
    }
    for (const call of result.calls) {
      views.push({
        call,
        file,
        fileEndUs: result.lastUs ?? call.startUs,
        report: callReport(call, file),
        streams: byCall.get(call.callId) ?? [],
      });
    }
  });
  views.sort((a, b) => a.call.startUs - b.call.startUs || a.file - b.file);
  rtpStreams.sort(
    (a, b) => a.start.localeCompare(b.start) || a.file - b.file || a.firstFrame - b.firstFrame,
  );
  const load = loadOf(views);
  return {
    format: 'call-troubleshooter/capture-analysis',
    version: 1,
    files: results.map((result) => ({
      name: result.name,
      format: result.format,
      bytes: result.bytes,
      frames: result.frames,
      sipMessages: result.sipMessages,
      firstPacket: result.firstUs === undefined ? null : isoTime(result.firstUs),
      lastPacket: result.lastUs === undefined ? null : isoTime(result.lastUs),
      warnings: result.warnings,
    })),
    calls: views.map((view) => view.report),
    rtpStreams,
    findings: findingsFor(views, results, rows, load, settings),
    load: load.report,
  };
}

/** Milliseconds from one time to another, or null when either isn't known. */
function msBetween(fromUs: number, toUs: number | undefined): number | null {
  if (toUs === undefined) return null;
  const ms = (toUs - fromUs) / 1000;
  return Number.isFinite(ms) ? round(ms) : null;
}

function callReport(call: FileResult['calls'][number], file: number): CallReport {
  // The Q.850 cause says most about why a call failed, whatever order the headers came in.
  const reason = call.reasons.find((r) => r.protocol === 'Q.850') ?? call.reasons[0];
  return {
    callId: call.callId,
    from: call.from,
    to: call.to,
    start: isoOrNull(call.startUs),
    durationMs: msBetween(call.startUs, call.endUs),
    answered: call.answeredUs !== undefined,
    talkMs: call.answeredUs === undefined ? null : msBetween(call.answeredUs, call.endUs),
    finalStatus: call.finalStatus ?? null,
    finalPhrase: call.finalPhrase ?? null,
    reason: reason
      ? { protocol: reason.protocol, cause: reason.cause, text: reason.text ?? null }
      : null,
    endedBy: call.endedBy ?? null,
    inviteRetransmissions: call.inviteRetransmissions,
    caller: endpoint(call.caller.address, call.caller.port),
    callee: endpoint(call.callee.address, call.callee.port),
    file,
    firstFrame: call.firstFrame,
    messages: call.messages.map((message) => ({
      frame: message.frame,
      time: isoOrNull(message.timeUs),
      src: endpoint(message.src, message.srcPort),
      dst: endpoint(message.dst, message.dstPort),
      label: message.label,
      sdp: message.hasSdp,
      retransmission: message.retransmission,
    })),
  };
}

function streamReport(stream: StreamRecord, file: number): StreamReport {
  const result = stream.stats.finish();
  const codec =
    stream.announcement?.rtpmap[result.payloadType]?.name ??
    stream.codecs?.[result.payloadType]?.name ??
    STATIC_NAMES[result.payloadType] ??
    null;
  return {
    src: endpoint(stream.src, stream.srcPort),
    dst: endpoint(stream.dst, stream.dstPort),
    ssrc: `0x${stream.ssrc.toString(16).padStart(8, '0')}`,
    payloadType: result.payloadType,
    codec,
    packets: result.packets,
    lost: result.lost,
    lostPercent: round(result.lostPercent, 2),
    minDeltaMs: round(result.minDeltaMs),
    meanDeltaMs: round(result.meanDeltaMs),
    maxDeltaMs: round(result.maxDeltaMs),
    minJitterMs: round(result.minJitterMs),
    meanJitterMs: round(result.meanJitterMs),
    maxJitterMs: round(result.maxJitterMs),
    start: isoTime(result.startUs),
    end: isoTime(result.endUs),
    file,
    firstFrame: result.firstFrame,
    callId: stream.announcement?.callId ?? null,
    series: result.series.map((point) => ({ ...point, jitterMs: round(point.jitterMs) })),
  };
}

/** RFC 3551's static audio payload types. */
export const STATIC_NAMES: Record<number, string> = {
  0: 'PCMU',
  3: 'GSM',
  4: 'G723',
  5: 'DVI4',
  6: 'DVI4',
  7: 'LPC',
  8: 'PCMA',
  9: 'G722',
  10: 'L16',
  11: 'L16',
  12: 'QCELP',
  13: 'CN',
  14: 'MPA',
  15: 'G728',
  16: 'DVI4',
  17: 'DVI4',
  18: 'G729',
};

/** How many failed calls and calls started per second; the peaks. */
export interface Load {
  report: LoadReport;
  /** Second (µs of its start) → calls started in it, for burst finding. */
  seconds: Map<number, CallView[]>;
}

const MAX_LOAD_POINTS = 600;

function loadOf(all: readonly CallView[]): Load {
  // Calls from a text log without times have no place in time.
  const views = all.filter((view) => Number.isFinite(view.call.startUs));
  const seconds = new Map<number, CallView[]>();
  for (const view of views) {
    const second = Math.floor(view.call.startUs / 1e6);
    const list = seconds.get(second) ?? [];
    list.push(view);
    seconds.set(second, list);
  }
  const first = views[0];
  if (!first)
    return { report: { perSecond: [], peakCallsPerSecond: 0, peakConcurrent: 0 }, seconds };
  const startSec = Math.floor(first.call.startUs / 1e6);
  const ends = views.map((view) => (view.call.endUs ?? view.fileEndUs) / 1e6);
  // A loop, not Math.max(...list): a spread of 100,000 calls can overflow the call stack.
  const lastSec = ends.reduce((last, end) => Math.max(last, Math.floor(end)), startSec);
  const span = lastSec - startSec + 1;
  const bucket = Math.max(1, Math.ceil(span / MAX_LOAD_POINTS));
  const perSecond: LoadReport['perSecond'] = [];
  for (let offset = 0; offset < span; offset += bucket) {
    perSecond.push({ offsetSec: offset, started: 0, failed: 0, concurrent: 0 });
  }
  // Calls in progress: +1 at the start, −1 at the end, swept in time order.
  const changes: [number, number][] = [];
  views.forEach((view, index) => {
    const point = perSecond[Math.floor((Math.floor(view.call.startUs / 1e6) - startSec) / bucket)];
    if (point) {
      point.started++;
      if (failed(view)) point.failed++;
    }
    changes.push([view.call.startUs / 1e6, 1], [ends[index] ?? 0, -1]);
  });
  changes.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  // Each bucket: the most calls in progress at any moment in it, including calls that started
  // earlier and run through it without a change.
  let current = 0;
  let peakConcurrent = 0;
  let next = 0;
  perSecond.forEach((point, index) => {
    const endSec = startSec + (index + 1) * bucket;
    let most = current;
    for (; next < changes.length && (changes[next]?.[0] ?? 0) < endSec; next++) {
      current += changes[next]?.[1] ?? 0;
      most = Math.max(most, current);
    }
    point.concurrent = most;
    peakConcurrent = Math.max(peakConcurrent, most);
  });
  let peakCallsPerSecond = 0;
  for (const list of seconds.values())
    peakCallsPerSecond = Math.max(peakCallsPerSecond, list.length);
  return { report: { perSecond, peakCallsPerSecond, peakConcurrent }, seconds };
}

/** A call that didn't connect for a reason other than the caller giving up. */
export function failed(view: CallView): boolean {
  const { call } = view;
  if (call.answeredUs !== undefined) return false;
  if (call.finalStatus === undefined) return call.unansweredInvite;
  return call.finalStatus >= 300 && call.finalStatus !== 487;
}
