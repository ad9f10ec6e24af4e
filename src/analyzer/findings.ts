import { endpoint, isPrivateAddress, timeField } from './addresses.ts';
import type { FileResult, StreamRecord } from './analyze-file.ts';
import { failed, STATIC_NAMES, type Load } from './build-report.ts';
import type { CallReport, Evidence, Finding, StreamReport } from './report.ts';
import type { AnalyzerSettings, Destination, FindingId } from './settings.ts';
import type { CallRecord, SdpSeen } from './sip/calls.ts';
import type { SdpMedia } from './types.ts';

/** A call with everything findings need: its record, its report row and its streams. */
export interface CallView {
  call: CallRecord;
  file: number;
  /** The file's last packet time: the end of a call whose end wasn't captured. */
  fileEndUs: number;
  report: CallReport;
  streams: { stream: StreamRecord; report: StreamReport }[];
}

const MAX_EVIDENCE = 50;

/** Collects one kind of finding across calls, then writes it. */
class Collector {
  readonly evidence: Evidence[] = [];
  readonly callIds = new Set<string>();
  readonly codes = new Set<number>();
  more = 0;
  count = 0;

  add(view: CallView | undefined, lines: Evidence[]): void {
    if (view) this.callIds.add(view.call.callId);
    this.count++;
    for (const line of lines) {
      if (this.evidence.length < MAX_EVIDENCE) this.evidence.push(line);
      else this.more++;
    }
  }
}

const plural = (count: number, one: string, many = `${one}s`) =>
  `${count.toLocaleString('en-US')} ${count === 1 ? one : many}`;

const seconds = (us: number) => `${(us / 1e6).toFixed(1)} s`;

/** Every finding, in the order of FINDING_IDS. */
export function findingsFor(
  views: readonly CallView[],
  results: readonly FileResult[],
  rows: ReadonlyMap<StreamRecord, StreamReport>,
  load: Load,
  settings: AnalyzerSettings,
): Finding[] {
  const findings: Finding[] = [];
  const { thresholds } = settings;
  const make = (
    id: FindingId,
    collector: Collector,
    summary: string,
    leadsTo: Destination | undefined = settings.findings[id].leadsTo,
    title = settings.findings[id].title,
  ) => {
    if (!leadsTo) return;
    findings.push({
      id,
      outcome: leadsTo.nodeId,
      path: leadsTo.path,
      outcomeTitle: leadsTo.title,
      title,
      summary,
      evidence: collector.evidence,
      moreEvidence: collector.more,
      callIds: [...collector.callIds],
      codes: [...collector.codes],
    });
  };

  // final-response: one finding per code and Reason, listing every call that ended so.
  const refusals = new Map<
    string,
    { collector: Collector; code: number; phrase: string; reason: string }
  >();
  for (const view of views) {
    const { call } = view;
    const status = call.finalStatus;
    if (status === undefined || status < 300 || call.answeredUs !== undefined) continue;
    if (status === 488 || status === 606) continue; // codec-mismatch says more
    if (status === 487) continue; // the caller hung up first (CANCEL): not a refusal
    const reason = reasonText(call);
    const key = `${status}|${reason}`;
    let entry = refusals.get(key);
    if (!entry) {
      entry = { collector: new Collector(), code: status, phrase: call.finalPhrase ?? '', reason };
      refusals.set(key, entry);
    }
    entry.collector.codes.add(status);
    entry.collector.add(view, [
      {
        file: view.file,
        frame: call.finalFrame ?? call.firstFrame,
        ...timeField(call.endUs ?? call.startUs),
        detail:
          `${status} ${call.finalPhrase ?? ''}${reason ? ` (${reason})` : ''} to the call from ${call.from} to ${call.to}`.replace(
            /\s+/g,
            ' ',
          ),
      },
    ]);
  }
  for (const entry of [...refusals.values()].sort(
    (a, b) => b.collector.count - a.collector.count,
  )) {
    const leadsTo =
      settings.codes[String(entry.code)] ?? settings.classes[String(entry.code).charAt(0)];
    const what = `${entry.code} ${entry.phrase}`.trim();
    make(
      'final-response',
      entry.collector,
      `${plural(entry.collector.count, 'call was', 'calls were')} refused with ${what}${entry.reason ? `, ${entry.reason}` : ''}.`,
      leadsTo,
      `${settings.findings['final-response'].title}: ${what}`,
    );
  }

  // retransmissions: INVITEs sent again and again with nothing coming back.
  const silent = new Collector();
  for (const view of views) {
    const { call } = view;
    if (!call.unansweredInvite || call.inviteRetransmissions < thresholds.retransmissionsMin)
      continue;
    const invites = call.messages.filter(
      (m) => m.method === 'INVITE' && m.cseq.method === 'INVITE',
    );
    const first = invites[0];
    const last = invites.at(-1);
    silent.add(view, [
      {
        file: view.file,
        frame: call.firstFrame,
        ...timeField(call.startUs),
        detail: `INVITE${call.callee.address ? ` to ${endpoint(call.callee.address, call.callee.port)}` : ''} sent ${call.inviteRetransmissions + 1} times${first && last && Number.isFinite(last.timeUs - first.timeUs) ? ` over ${seconds(last.timeUs - first.timeUs)}` : ''} (frames ${invites
          .map((m) => m.frame)
          .slice(0, 12)
          .join(', ')}${invites.length > 12 ? ', …' : ''}) with no reply at all`,
      },
    ]);
  }
  if (silent.count > 0) {
    make(
      'retransmissions',
      silent,
      `${plural(silent.count, 'INVITE')} got no reply at all, not even 100 Trying: the far end never received ${silent.count === 1 ? 'it' : 'them'}, or its replies can't get back (a firewall, NAT, wrong address or port, or UDP blocked).`,
    );
  }

  // Audio: each answered call's streams by direction, against what the SDP announced.
  const noAudio = new Collector();
  const oneWay = new Collector();
  const mismatch = new Collector();
  const codec = new Collector();
  const sawMediaAnywhere = results.some((result) => result.sawMedia);
  for (const view of views) {
    const media = mediaOf(view);
    checkCodecs(view, codec);
    if (view.call.answeredUs === undefined) continue;
    checkAddresses(view, media, mismatch);
    const talkUs = (view.call.endUs ?? view.fileEndUs) - view.call.answeredUs;
    if (talkUs < thresholds.mediaGraceSeconds * 1e6) continue;
    // On hold (or stopped), one-way or no audio is what the SDP asked for.
    if (!media.caller || !media.callee || media.held) continue;
    const fromCaller = media.fromCaller.reduce((sum, s) => sum + s.report.packets, 0);
    const fromCallee = media.fromCallee.reduce((sum, s) => sum + s.report.packets, 0);
    const at = {
      file: view.file,
      frame: view.call.firstFrame,
      ...timeField(view.call.answeredUs),
    };
    if (fromCaller === 0 && fromCallee === 0) {
      noAudio.add(view, [
        {
          ...at,
          detail: `Call from ${view.call.from} to ${view.call.to}, answered for ${seconds(talkUs)}: no RTP to ${endpoint(media.caller.address, media.caller.media.port)} (caller) or to ${endpoint(media.callee.address, media.callee.media.port)} (callee)`,
        },
      ]);
    } else if (fromCaller === 0 || fromCallee === 0) {
      const silentSide = fromCaller === 0 ? 'caller' : 'callee';
      const heard = fromCaller === 0 ? media.fromCallee : media.fromCaller;
      const missing = fromCaller === 0 ? media.callee : media.caller;
      oneWay.add(view, [
        {
          ...at,
          detail: `Call from ${view.call.from} to ${view.call.to}, answered for ${seconds(talkUs)}: ${plural(fromCaller + fromCallee, 'RTP packet')} from the ${silentSide === 'caller' ? 'callee' : 'caller'} (${[...new Set(heard.map((s) => `${s.report.src} → ${s.report.dst}`))].join(', ')}), none from the ${silentSide} to ${endpoint(missing.address, missing.media.port)}`,
        },
      ]);
    }
  }
  if (noAudio.count > 0) {
    make(
      'no-audio',
      noAudio,
      `${plural(noAudio.count, 'answered call')} had no audio packets (RTP) in either direction.${
        sawMediaAnywhere
          ? ''
          : ' The capture has no RTP at all: if it was filtered to signalling only (for example port 5060), capture again with the media ports included before trusting this.'
      }`,
    );
  }
  if (oneWay.count > 0) {
    make(
      'one-way-audio',
      oneWay,
      `${plural(oneWay.count, 'answered call')} had audio packets (RTP) in one direction only: the other side's audio never reached the point where this capture was taken.`,
    );
  }
  if (mismatch.count > 0) {
    make(
      'media-address-mismatch',
      mismatch,
      `In ${plural(mismatch.callIds.size, 'call')}, audio went to or came from an address or port other than the one the SDP announced, or the SDP announced a private address from behind NAT. Audio sent to such an address is lost: the classic cause of one-way or no audio.`,
    );
  }
  if (codec.count > 0) {
    make(
      'codec-mismatch',
      codec,
      `${plural(codec.callIds.size, 'call')} had no codec both sides accept: the answer offered no payload type from the offer, audio arrived in a codec that wasn't agreed, or the call was refused with 488 or 606.`,
    );
  }

  // Quality: loss and jitter per stream.
  const loss = new Collector();
  const jitter = new Collector();
  const byCall = new Map(views.map((view) => [`${view.file}|${view.call.callId}`, view]));
  results.forEach((result, file) => {
    for (const stream of result.streams) {
      const report = rows.get(stream);
      if (!report || report.packets < thresholds.minStreamPackets) continue;
      const at = { file, frame: report.firstFrame, time: report.start };
      const callView = byCall.get(`${file}|${report.callId ?? ''}`);
      if (report.lostPercent > thresholds.packetLossPercent) {
        loss.add(callView, [
          {
            ...at,
            detail: `${report.src} → ${report.dst} (SSRC ${report.ssrc}): ${plural(report.lost, 'packet')} of ${(report.packets + report.lost).toLocaleString('en-US')} lost (${report.lostPercent.toFixed(1)} %), longest gap ${report.maxDeltaMs.toFixed(1)} ms`,
          },
        ]);
      }
      if (report.meanJitterMs > thresholds.jitterMs) {
        jitter.add(callView, [
          {
            ...at,
            detail: `${report.src} → ${report.dst} (SSRC ${report.ssrc}): mean jitter ${report.meanJitterMs.toFixed(1)} ms, max ${report.maxJitterMs.toFixed(1)} ms`,
          },
        ]);
      }
    }
  });
  if (loss.count > 0) {
    make(
      'packet-loss',
      loss,
      `${plural(loss.count, 'audio stream')} lost more than ${thresholds.packetLossPercent} % of ${loss.count === 1 ? 'its' : 'their'} packets on the way to where this capture was taken: expect words missing and robotic sound.`,
    );
  }
  if (jitter.count > 0) {
    make(
      'high-jitter',
      jitter,
      `${plural(jitter.count, 'audio stream')} had mean jitter above ${thresholds.jitterMs} ms: packets arrive so unevenly that a phone's jitter buffer drops some, and the sound breaks up.`,
    );
  }

  // Short calls: many answered calls hung up within a few seconds.
  const answered = views.filter(
    (view) => view.call.answeredUs !== undefined && view.call.endUs !== undefined,
  );
  const short = answered.filter(
    (view) =>
      (view.call.endUs ?? 0) - (view.call.answeredUs ?? 0) < thresholds.shortCallSeconds * 1e6,
  );
  if (
    short.length >= thresholds.shortCallsMin &&
    short.length >= thresholds.shortCallsShare * answered.length
  ) {
    const collector = new Collector();
    for (const view of short) {
      collector.add(view, [
        {
          file: view.file,
          frame: view.call.byeFrame ?? view.call.firstFrame,
          ...timeField(view.call.endUs ?? view.call.startUs),
          detail: `Call from ${view.call.from} to ${view.call.to} answered, then hung up by the ${view.call.endedBy ?? 'unknown side'} after ${seconds((view.call.endUs ?? 0) - (view.call.answeredUs ?? 0))}`,
        },
      ]);
    }
    const share = Math.round((short.length / answered.length) * 100);
    make(
      'short-duration-calls',
      collector,
      `${short.length} of ${plural(answered.length, 'answered call')} (${share} %) ended within ${thresholds.shortCallSeconds} seconds. Carriers' fraud checks treat many very short calls as robocalling.`,
    );
  }

  burstFinding(views, load, settings, make);
  return findings;
}

function burstFinding(
  views: readonly CallView[],
  load: Load,
  settings: AnalyzerSettings,
  make: (id: FindingId, collector: Collector, summary: string) => void,
): void {
  const { burstCallsPerSecond } = settings.thresholds;
  const peaks = [...load.seconds.entries()].filter(
    ([, list]) => list.length >= burstCallsPerSecond,
  );
  if (peaks.length === 0) return;
  const atPeak = new Set(peaks.flatMap(([, list]) => list));
  const peakFailed = [...atPeak].filter(failed);
  const rest = views.filter((view) => !atPeak.has(view));
  const restFailed = rest.filter(failed);
  if (peakFailed.length === 0) return;
  const peakRate = peakFailed.length / atPeak.size;
  const restRate = rest.length === 0 ? 0 : restFailed.length / rest.length;
  if (rest.length > 0 && peakRate < 2 * restRate) return;
  const collector = new Collector();
  for (const [second, list] of peaks.sort((a, b) => a[0] - b[0])) {
    const failures = list.filter(failed);
    const codes = new Map<number, number>();
    for (const view of failures) {
      const code = view.call.finalStatus;
      if (code !== undefined) {
        codes.set(code, (codes.get(code) ?? 0) + 1);
        collector.codes.add(code);
      }
    }
    const first = list[0];
    collector.add(undefined, [
      {
        file: first?.file ?? 0,
        ...(first ? { frame: first.call.firstFrame } : {}),
        ...timeField(second * 1e6),
        detail: `${list.length} calls started in this second; ${failures.length} failed${codes.size > 0 ? ` (${[...codes].map(([code, n]) => `${n} × ${code}`).join(', ')})` : ''}`,
      },
    ]);
    for (const view of failures) collector.callIds.add(view.call.callId);
  }
  const restText =
    rest.length === 0
      ? 'Every call started at a peak.'
      : `At other times ${restFailed.length} of ${plural(rest.length, 'call')} failed.`;
  make(
    'call-rate-burst',
    collector,
    `Calls came in bursts of up to ${load.report.peakCallsPerSecond} a second (up to ${load.report.peakConcurrent} at once), and ${peakFailed.length} of the ${atPeak.size} calls started in the busiest seconds failed. ${restText} That points at a calls-per-second or concurrent-call limit.`,
  );
}

/** A side's announced media: the SDP's audio line, its address, and the signalling source. */
interface Side {
  address: string;
  media: SdpMedia;
  seen: SdpSeen;
}

interface CallMedia {
  /** The first SDP each side sent. */
  caller: Side | undefined;
  callee: Side | undefined;
  /** Every SDP each side sent (re-INVITEs and UPDATEs may move the media). */
  callerSides: Side[];
  calleeSides: Side[];
  /** Some SDP put the audio on hold or stopped it (sendonly, recvonly, inactive, port 0). */
  held: boolean;
  fromCaller: CallView['streams'];
  fromCallee: CallView['streams'];
}

function audioSide(seen: SdpSeen | undefined): Side | undefined {
  if (!seen) return undefined;
  const media = seen.sdp.media.find((m) => m.type === 'audio' && m.port !== 0);
  const address = media?.connection ?? seen.sdp.connection;
  return media && address !== undefined ? { address, media, seen } : undefined;
}

/** Whether an SDP holds or stops the audio. */
function holds(seen: SdpSeen): boolean {
  const audio = seen.sdp.media.filter((m) => m.type === 'audio');
  return audio.some(
    (m) =>
      m.port === 0 ||
      m.direction !== 'sendrecv' ||
      (m.connection ?? seen.sdp.connection) === '0.0.0.0',
  );
}

/** Which SDPs each side sent, and which streams came from which side. */
function mediaOf(view: CallView): CallMedia {
  const { call } = view;
  // The offer usually rides on the INVITE (caller); a late offer comes in the 200 (callee).
  const offerFromCaller = call.offer ? call.offer.in === 'request' : true;
  const seen = [call.offer, call.answer, ...call.reInviteSdps].filter(
    (entry): entry is SdpSeen => entry !== undefined,
  );
  const sentByCaller = (entry: SdpSeen) => {
    if (entry.src === call.caller.address && entry.srcPort === call.caller.port) return true;
    if (entry.src === call.callee.address && entry.srcPort === call.callee.port) return false;
    if (entry === call.offer) return offerFromCaller;
    if (entry === call.answer) return !offerFromCaller;
    return entry.src === call.caller.address;
  };
  const callerSides: Side[] = [];
  const calleeSides: Side[] = [];
  for (const entry of seen) {
    const side = audioSide(entry);
    if (side) (sentByCaller(entry) ? callerSides : calleeSides).push(side);
  }
  const fromCaller: CallView['streams'] = [];
  const fromCallee: CallView['streams'] = [];
  const matches = (sides: readonly Side[], address: string, port: number) =>
    sides.some((side) => side.address === address && side.media.port === port);
  for (const entry of view.streams) {
    const { stream } = entry;
    if (matches(calleeSides, stream.dst, stream.dstPort)) fromCaller.push(entry);
    else if (matches(callerSides, stream.dst, stream.dstPort)) fromCallee.push(entry);
    else if (matches(callerSides, stream.src, stream.srcPort)) fromCaller.push(entry);
    else if (matches(calleeSides, stream.src, stream.srcPort)) fromCallee.push(entry);
  }
  return {
    caller: callerSides[0],
    callee: calleeSides[0],
    callerSides,
    calleeSides,
    held: seen.some(holds),
    fromCaller,
    fromCallee,
  };
}

/** SDP announcing a private address from another address; streams off the announced addresses. */
function checkAddresses(view: CallView, media: CallMedia, collector: Collector): void {
  const lines: Evidence[] = [];
  const reported = new Set<string>();
  for (const [name, sides] of [
    ['caller', media.callerSides],
    ['callee', media.calleeSides],
  ] as const) {
    for (const side of sides) {
      const announced = endpoint(side.address, side.media.port);
      if (!isPrivateAddress(side.address) || side.address === side.seen.src) continue;
      if (reported.has(announced)) continue;
      reported.add(announced);
      lines.push({
        file: view.file,
        frame: side.seen.frame,
        ...timeField(side.seen.timeUs),
        detail: `The ${name}'s SDP announces ${announced}, a private address, but its SIP came from ${side.seen.src}: NAT without media fix-up`,
      });
    }
  }
  const announced = (sides: readonly Side[]) =>
    sides.map((side) => endpoint(side.address, side.media.port)).join(' or ');
  const check = (
    streams: CallView['streams'],
    from: readonly Side[],
    to: readonly Side[],
    name: string,
  ) => {
    for (const { stream, report } of streams) {
      const problems: string[] = [];
      const toKnown = to.some((s) => s.address === stream.dst && s.media.port === stream.dstPort);
      if (to.length > 0 && !toKnown) {
        problems.push(`sent to ${report.dst}, but the SDP announced ${announced(to)}`);
      }
      if (from.length > 0 && !from.some((s) => s.address === stream.src)) {
        problems.push(
          `came from ${report.src}, but the ${name}'s SDP announced ${announced(from)}`,
        );
      }
      if (problems.length > 0) {
        lines.push({
          file: view.file,
          frame: report.firstFrame,
          ...(report.start ? { time: report.start } : {}),
          detail: `Audio from the ${name} (SSRC ${report.ssrc}) ${problems.join('; and ')}`,
        });
      }
    }
  };
  check(media.fromCaller, media.callerSides, media.calleeSides, 'caller');
  check(media.fromCallee, media.calleeSides, media.callerSides, 'callee');
  if (lines.length > 0) collector.add(view, lines);
}

/** A codec name for a payload type of an SDP media line, as the SDP or RFC 3551 writes it. */
function codecName(media: SdpMedia, pt: number): string {
  return media.rtpmap[pt]?.name ?? STATIC_NAMES[pt] ?? String(pt);
}

const isSignalling = (name: string) =>
  ['TELEPHONE-EVENT', 'CN', 'COMFORT-NOISE'].includes(name.toUpperCase());

/** The offer and answer share no codec, RTP uses a codec not agreed, or a 488/606 refusal. */
function checkCodecs(view: CallView, collector: Collector): void {
  const { call } = view;
  const at = (frame: number, timeUs: number) => ({ file: view.file, frame, ...timeField(timeUs) });
  if (call.answeredUs === undefined && (call.finalStatus === 488 || call.finalStatus === 606)) {
    const offered = call.offer ? audioSide(call.offer) : undefined;
    const codecs = offered
      ? offered.media.payloadTypes.map((pt) => codecName(offered.media, pt))
      : [];
    collector.codes.add(call.finalStatus);
    collector.add(view, [
      {
        ...at(call.finalFrame ?? call.firstFrame, call.endUs ?? call.startUs),
        detail:
          `${call.finalStatus} ${call.finalPhrase ?? ''} to the call from ${call.from} to ${call.to}${codecs.length > 0 ? `, which offered ${codecs.join(', ')}` : ''}`.replace(
            /\s+/g,
            ' ',
          ),
      },
    ]);
    return;
  }
  const offer = audioSide(call.offer);
  const answer = audioSide(call.answer);
  if (!offer || !answer) return;
  const offered = offer.media.payloadTypes.map((pt) => codecName(offer.media, pt));
  const answered = answer.media.payloadTypes.map((pt) => codecName(answer.media, pt));
  const offeredKeys = new Set(offered.map((name) => name.toUpperCase()));
  const common = answered.filter(
    (name) => offeredKeys.has(name.toUpperCase()) && !isSignalling(name),
  );
  if (common.length === 0) {
    collector.add(view, [
      {
        ...at(answer.seen.frame, answer.seen.timeUs),
        detail: `The offer (frame ${offer.seen.frame}) lists ${offered.join(', ')}; the answer lists ${answered.join(', ')}: nothing in common`,
      },
    ]);
    return;
  }
  const agreed = new Set(common.map((name) => name.toUpperCase()));
  for (const { stream, report } of view.streams) {
    const side = stream.announcement
      ? report.dst === endpoint(answer.address, answer.media.port)
        ? answer
        : offer
      : offer;
    const name = codecName(side.media, report.payloadType);
    if (!agreed.has(name.toUpperCase()) && !isSignalling(name)) {
      collector.add(view, [
        {
          file: view.file,
          frame: report.firstFrame,
          ...(report.start ? { time: report.start } : {}),
          detail: `Audio ${report.src} → ${report.dst} arrives as payload type ${report.payloadType} (${name}), but the SDP agreed on ${common.join(', ')}`,
        },
      ]);
    }
  }
}

/** 'Q.850 cause 34, No circuit/channel available' for the call's first Reason. */
function reasonText(call: CallRecord): string {
  return call.reasons
    .map(
      (reason) =>
        `Reason ${reason.protocol} cause ${reason.cause}${reason.text ? `, "${reason.text}"` : ''}`,
    )
    .join('; ');
}
