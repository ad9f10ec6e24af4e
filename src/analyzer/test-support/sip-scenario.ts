import type { AnalyzerSettings, FindingId } from '../settings.ts';
import { FINDING_IDS } from '../settings.ts';
import type { TimedUdp } from './capture-writer.ts';

/** One side of a call: where its SIP and RTP come from, and what its SDP announces. */
export interface Party {
  ip: string;
  sipPort?: number;
  rtpPort: number;
  /** The address its SDP announces (default: `ip`). */
  sdpIp?: string;
  /** The port its SDP announces (default: `rtpPort`). */
  sdpPort?: number;
  user: string;
}

export interface CallOptions {
  callId: string;
  caller: Party;
  callee: Party;
  startUs: number;
  /** Final response to the INVITE: 200 answers; anything else refuses. */
  final?: { status: number; phrase: string; reason?: string };
  /** Seconds of talk between the 200 and the BYE. */
  talkSec?: number;
  /** Who sends RTP while the call is up. */
  rtp?: 'both' | 'caller' | 'callee' | 'none';
  offerCodecs?: number[];
  answerCodecs?: number[];
  /** Payload type the RTP actually carries (default: the first agreed). */
  rtpPayloadType?: number;
  /** Drop every n-th RTP packet from the callee. */
  dropEvery?: number;
  /** Extra delay (ms) added to every other callee packet: jitter. */
  jitterMs?: number;
  /** The INVITE is retransmitted this many times and never answered. */
  noReply?: number;
}

const CRLF = '\r\n';

function sdp(party: Party, codecs: readonly number[], sessionId: number): string {
  const address = party.sdpIp ?? party.ip;
  const lines = [
    'v=0',
    `o=- ${sessionId} 1 IN IP4 ${address}`,
    's=-',
    `c=IN IP4 ${address}`,
    't=0 0',
    `m=audio ${party.sdpPort ?? party.rtpPort} RTP/AVP ${codecs.join(' ')}`,
    ...codecs.filter((pt) => pt >= 96).map((pt) => `a=rtpmap:${pt} telephone-event/8000`),
    'a=sendrecv',
  ];
  return `${lines.join(CRLF)}${CRLF}`;
}

function message(startLine: string, headers: readonly string[], body = ''): string {
  const type = body ? ['Content-Type: application/sdp'] : [];
  return [
    startLine,
    ...headers,
    ...type,
    `Content-Length: ${new TextEncoder().encode(body).length}`,
    '',
    body,
  ].join(CRLF);
}

/** The datagrams of one call: SIP ladder and RTP, in time order. */
export function callDatagrams(options: CallOptions): TimedUdp[] {
  const { caller, callee, callId } = options;
  const callerSip = { ip: caller.ip, port: caller.sipPort ?? 5060 };
  const calleeSip = { ip: callee.ip, port: callee.sipPort ?? 5060 };
  const out: TimedUdp[] = [];
  const send = (from: 'caller' | 'callee', timeUs: number, payload: string | Uint8Array) => {
    const [a, b] = from === 'caller' ? [callerSip, calleeSip] : [calleeSip, callerSip];
    out.push({ src: a.ip, srcPort: a.port, dst: b.ip, dstPort: b.port, timeUs, payload });
  };
  const fromHeader = `From: <sip:${caller.user}@${caller.ip}>;tag=a1`;
  const toBare = `To: <sip:${callee.user}@${callee.ip}>`;
  const toTagged = `${toBare};tag=b2`;
  const via = `Via: SIP/2.0/UDP ${caller.ip}:${callerSip.port};branch=z9hG4bK-${callId}`;
  const common = (to: string, cseq: string) => [
    via,
    fromHeader,
    to,
    `Call-ID: ${callId}`,
    `CSeq: ${cseq}`,
  ];
  const offer = options.offerCodecs ?? [0, 8];
  const invite = message(
    `INVITE sip:${callee.user}@${callee.ip} SIP/2.0`,
    [...common(toBare, '1 INVITE'), `Contact: <sip:${caller.user}@${caller.ip}>`],
    sdp(caller, offer, 1),
  );
  let t = options.startUs;
  send('caller', t, invite);
  if (options.noReply !== undefined) {
    let wait = 500_000;
    for (let i = 0; i < options.noReply; i++) {
      t += wait;
      wait *= 2;
      send('caller', t, invite);
    }
    return out;
  }
  send('callee', (t += 10_000), message('SIP/2.0 100 Trying', common(toBare, '1 INVITE')));
  send('callee', (t += 50_000), message('SIP/2.0 180 Ringing', common(toTagged, '1 INVITE')));
  const final = options.final ?? { status: 200, phrase: 'OK' };
  if (final.status !== 200) {
    const reason = final.reason ? [`Reason: ${final.reason}`] : [];
    send(
      'callee',
      (t += 1_000_000),
      message(`SIP/2.0 ${final.status} ${final.phrase}`, [
        ...common(toTagged, '1 INVITE'),
        ...reason,
      ]),
    );
    send(
      'caller',
      (t += 5_000),
      message(`ACK sip:${callee.user}@${callee.ip} SIP/2.0`, common(toTagged, '1 ACK')),
    );
    return out;
  }
  const answerCodecs = options.answerCodecs ?? [offer[0] ?? 0];
  send(
    'callee',
    (t += 1_000_000),
    message('SIP/2.0 200 OK', [...common(toTagged, '1 INVITE')], sdp(callee, answerCodecs, 2)),
  );
  send(
    'caller',
    (t += 5_000),
    message(`ACK sip:${callee.user}@${callee.ip} SIP/2.0`, common(toTagged, '1 ACK')),
  );
  const answeredUs = t;
  const packets = Math.round(((options.talkSec ?? 5) * 1000) / 20);
  const pt = options.rtpPayloadType ?? answerCodecs.find((c) => offer.includes(c)) ?? 0;
  const rtp = options.rtp ?? 'both';
  for (let i = 0; i < packets; i++) {
    const at = answeredUs + 20_000 + i * 20_000;
    if (rtp === 'both' || rtp === 'caller') {
      out.push({
        src: caller.ip,
        srcPort: caller.rtpPort,
        dst: callee.sdpIp ?? callee.ip,
        dstPort: callee.sdpPort ?? callee.rtpPort,
        timeUs: at,
        payload: rtpPacket(pt, i, i * 160, 0x1111),
      });
    }
    if (
      (rtp === 'both' || rtp === 'callee') &&
      !(options.dropEvery && i % options.dropEvery === 5)
    ) {
      out.push({
        src: callee.ip,
        srcPort: callee.rtpPort,
        dst: caller.sdpIp ?? caller.ip,
        dstPort: caller.sdpPort ?? caller.rtpPort,
        timeUs: at + 1_000 + (options.jitterMs && i % 2 === 1 ? options.jitterMs * 1000 : 0),
        payload: rtpPacket(pt, i, i * 160, 0x2222),
      });
    }
  }
  t = answeredUs + (options.talkSec ?? 5) * 1e6 + 100_000;
  send(
    'caller',
    t,
    message(`BYE sip:${callee.user}@${callee.ip} SIP/2.0`, common(toTagged, '2 BYE')),
  );
  send('callee', (t += 10_000), message('SIP/2.0 200 OK', common(toTagged, '2 BYE')));
  return out;
}

/** An RTP packet with 160 bytes of silence. */
export function rtpPacket(
  payloadType: number,
  sequence: number,
  timestamp: number,
  ssrc: number,
): Uint8Array {
  const bytes = new Uint8Array(12 + 160).fill(0xff, 12);
  const view = new DataView(bytes.buffer);
  bytes[0] = 0x80;
  bytes[1] = payloadType & 0x7f;
  view.setUint16(2, sequence & 0xffff);
  view.setUint32(4, timestamp >>> 0);
  view.setUint32(8, ssrc >>> 0);
  return bytes;
}

/** Datagrams of several calls merged into time order. */
export function merge(...calls: readonly TimedUdp[][]): TimedUdp[] {
  return calls.flat().sort((a, b) => a.timeUs - b.timeUs);
}

/** The thresholds of content/analyzer.yaml, for tests that build settings of their own. */
export const TEST_THRESHOLDS: AnalyzerSettings['thresholds'] = {
  packetLossPercent: 3,
  jitterMs: 30,
  minStreamPackets: 50,
  mediaGraceSeconds: 2,
  shortCallSeconds: 6,
  shortCallsMin: 3,
  shortCallsShare: 0.3,
  retransmissionsMin: 2,
  burstCallsPerSecond: 10,
};

/** Settings like content/analyzer.yaml's, with every finding leading to a path named after it. */
export function testSettings(
  overrides: Partial<AnalyzerSettings['thresholds']> = {},
): AnalyzerSettings {
  const findings = Object.fromEntries(
    FINDING_IDS.map((id: FindingId) => [
      id,
      id === 'final-response'
        ? { title: 'Call refused' }
        : {
            title: `Title of ${id}`,
            leadsTo: { path: `/to/${id}`, nodeId: `node-${id}`, title: `Step ${id}` },
          },
    ]),
  ) as AnalyzerSettings['findings'];
  return {
    thresholds: { ...TEST_THRESHOLDS, ...overrides },
    findings,
    codes: {
      '503': {
        path: '/never-connects/sip-code/503',
        nodeId: 'sip-503-lcr',
        title: 'A 503',
        phrase: 'Service Unavailable',
      },
      '486': {
        path: '/never-connects/busy',
        nodeId: 'far-end-busy',
        title: 'Busy',
        phrase: 'Busy Here',
      },
      '488': {
        path: '/broken-audio/garbled',
        nodeId: 'codec-mismatch',
        title: 'Codec',
        phrase: 'Not Acceptable Here',
      },
    },
    classes: {
      '4': {
        path: '/never-connects/sip-code/other/4xx',
        nodeId: 'sip-4xx-other',
        title: '4xx',
        name: 'Client failure',
      },
      '5': {
        path: '/never-connects/sip-code/other/5xx',
        nodeId: 'sip-5xx-other',
        title: '5xx',
        name: 'Server failure',
      },
      '6': {
        path: '/never-connects/sip-code/other/6xx',
        nodeId: 'sip-6xx',
        title: '6xx',
        name: 'Global failure',
      },
    },
  };
}
