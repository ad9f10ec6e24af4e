import type { AnalysisReport, CallReport, Finding } from '@/analyzer/report';

/** A call for tests: a 503 from +15551230001 to +15551230002 unless told otherwise. */
export function testCall(overrides: Partial<CallReport> = {}): CallReport {
  return {
    callId: 'call-1@10.0.0.1',
    from: '+15551230001@pbx.example.com',
    to: '+15551230002@sip.example.net',
    start: '2026-03-02T15:04:05.678Z',
    durationMs: 1250,
    answered: false,
    talkMs: null,
    finalStatus: 503,
    finalPhrase: 'Service Unavailable',
    reason: { protocol: 'Q.850', cause: 34, text: 'No circuit/channel available' },
    endedBy: null,
    inviteRetransmissions: 0,
    caller: '10.0.0.1:5060',
    callee: '192.0.2.10:5060',
    file: 0,
    firstFrame: 1,
    messages: [
      {
        frame: 1,
        time: '2026-03-02T15:04:05.678Z',
        src: '10.0.0.1:5060',
        dst: '192.0.2.10:5060',
        label: 'INVITE',
        sdp: true,
        retransmission: false,
      },
      {
        frame: 2,
        time: '2026-03-02T15:04:05.700Z',
        src: '192.0.2.10:5060',
        dst: '10.0.0.1:5060',
        label: '100 Trying',
        sdp: false,
        retransmission: false,
      },
      {
        frame: 3,
        time: '2026-03-02T15:04:06.928Z',
        src: '192.0.2.10:5060',
        dst: '10.0.0.1:5060',
        label: '503 Service Unavailable',
        sdp: false,
        retransmission: false,
      },
      {
        frame: 4,
        time: '2026-03-02T15:04:06.930Z',
        src: '10.0.0.1:5060',
        dst: '192.0.2.10:5060',
        label: 'ACK',
        sdp: false,
        retransmission: false,
      },
    ],
    ...overrides,
  };
}

export function testFinding(overrides: Partial<Finding> = {}): Finding {
  return {
    id: 'final-response',
    outcome: 'provider-unavailable',
    path: '/never-connects/sip-code/503',
    outcomeTitle: 'The provider’s side is unavailable',
    title: '1 call refused with 503 Service Unavailable',
    summary: '1 of 1 call was refused with 503 Service Unavailable.',
    evidence: [
      {
        file: 0,
        frame: 3,
        time: '2026-03-02T15:04:06.928Z',
        detail: 'SIP/2.0 503 Service Unavailable to 10.0.0.1:5060',
      },
    ],
    moreEvidence: 0,
    callIds: ['call-1@10.0.0.1'],
    codes: [503],
    ...overrides,
  };
}

export function testReport(overrides: Partial<AnalysisReport> = {}): AnalysisReport {
  return {
    format: 'call-troubleshooter/capture-analysis',
    version: 1,
    files: [
      {
        name: 'capture.pcap',
        format: 'pcap',
        bytes: 4096,
        frames: 4,
        sipMessages: 4,
        firstPacket: '2026-03-02T15:04:05.678Z',
        lastPacket: '2026-03-02T15:04:06.930Z',
        warnings: [],
      },
    ],
    calls: [testCall()],
    rtpStreams: [],
    findings: [testFinding()],
    load: {
      perSecond: [{ offsetSec: 0, started: 1, failed: 1, concurrent: 1 }],
      peakCallsPerSecond: 1,
      peakConcurrent: 1,
    },
    ...overrides,
  };
}
