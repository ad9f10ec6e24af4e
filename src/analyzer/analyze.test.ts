import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { analyze, analyzeText, FileError } from './analyze.ts';
import type { AnalysisReport } from './report.ts';
import { chunked, udpCapture } from './test-support/capture-writer.ts';
import { callDatagrams, merge, testSettings, type Party } from './test-support/sip-scenario.ts';

const alice: Party = { ip: '198.51.100.10', rtpPort: 40000, user: '+15551230001' };
const bob: Party = { ip: '203.0.113.20', rtpPort: 50000, user: '+442071230002' };
const T0 = Date.UTC(2026, 10, 24, 10, 0, 0) * 1000;

async function run(
  bytes: Uint8Array,
  name = 'test.pcap',
  settings = testSettings(),
): Promise<AnalysisReport> {
  return analyze([{ name, size: bytes.length, chunks: chunked(bytes, 1000) }], { settings });
}

const ids = (report: AnalysisReport) => report.findings.map((finding) => finding.id);

describe('analyze: calls', () => {
  it('reads an answered call with audio both ways: no findings, both streams, the call row', async () => {
    const report = await run(
      udpCapture(
        callDatagrams({ callId: 'ok-1', caller: alice, callee: bob, startUs: T0, talkSec: 4 }),
      ),
    );
    expect(report.findings).toEqual([]);
    expect(report.calls).toHaveLength(1);
    expect(report.calls[0]).toMatchObject({
      callId: 'ok-1',
      from: '+15551230001@198.51.100.10',
      to: '+442071230002@203.0.113.20',
      start: '2026-11-24T10:00:00.000Z',
      answered: true,
      finalStatus: 200,
      reason: null,
      endedBy: 'caller',
    });
    expect(report.calls[0]?.talkMs).toBe(4105);
    expect(report.rtpStreams.map((s) => [s.src, s.dst, s.packets, s.lost, s.codec])).toEqual([
      ['198.51.100.10:40000', '203.0.113.20:50000', 200, 0, 'PCMU'],
      ['203.0.113.20:50000', '198.51.100.10:40000', 200, 0, 'PCMU'],
    ]);
    expect(report.rtpStreams.every((s) => s.callId === 'ok-1' && s.meanJitterMs < 0.01)).toBe(true);
  });

  it('reports a refused call with its code, phrase and Q.850 Reason, leading where the code does', async () => {
    const report = await run(
      udpCapture(
        callDatagrams({
          callId: 'busy-1',
          caller: alice,
          callee: bob,
          startUs: T0,
          final: {
            status: 503,
            phrase: 'Service Unavailable',
            reason: 'Q.850;cause=34;text="No circuit/channel available"',
          },
        }),
      ),
    );
    expect(report.calls[0]).toMatchObject({
      finalStatus: 503,
      finalPhrase: 'Service Unavailable',
      answered: false,
      reason: { protocol: 'Q.850', cause: 34, text: 'No circuit/channel available' },
    });
    const [finding] = report.findings;
    expect(finding).toMatchObject({
      id: 'final-response',
      title: 'Call refused: 503 Service Unavailable',
      outcome: 'sip-503-lcr',
      path: '/never-connects/sip-code/503',
      codes: [503],
      callIds: ['busy-1'],
    });
    expect(finding?.summary).toBe(
      '1 call was refused with 503 Service Unavailable, Reason Q.850 cause 34, "No circuit/channel available".',
    );
    expect(finding?.evidence[0]).toMatchObject({ file: 0, frame: 4 });
  });

  it('sends a code without its own entry to its class', async () => {
    const report = await run(
      udpCapture(
        callDatagrams({
          callId: 'c',
          caller: alice,
          callee: bob,
          startUs: T0,
          final: { status: 482, phrase: 'Loop Detected' },
        }),
      ),
    );
    expect(report.findings[0]).toMatchObject({ id: 'final-response', outcome: 'sip-4xx-other' });
  });

  it('finds an INVITE retransmitted with no reply at all', async () => {
    const report = await run(
      udpCapture(
        callDatagrams({ callId: 'lost', caller: alice, callee: bob, startUs: T0, noReply: 4 }),
      ),
    );
    expect(report.calls[0]).toMatchObject({
      answered: false,
      finalStatus: null,
      inviteRetransmissions: 4,
    });
    expect(report.findings).toHaveLength(1);
    expect(report.findings[0]).toMatchObject({
      id: 'retransmissions',
      outcome: 'node-retransmissions',
      callIds: ['lost'],
    });
    expect(report.findings[0]?.evidence[0]?.detail).toContain(
      'sent 5 times over 7.5 s (frames 1, 2, 3, 4, 5)',
    );
  });
});

describe('analyze: audio', () => {
  it('finds one-way audio and says which side is silent', async () => {
    const report = await run(
      udpCapture(
        callDatagrams({ callId: 'ow', caller: alice, callee: bob, startUs: T0, rtp: 'caller' }),
      ),
    );
    expect(ids(report)).toEqual(['one-way-audio']);
    expect(report.findings[0]?.evidence[0]?.detail).toContain(
      'none from the callee to 198.51.100.10:40000',
    );
  });

  it('finds no audio at all, and warns when the capture has no media anywhere', async () => {
    const report = await run(
      udpCapture(
        callDatagrams({ callId: 'na', caller: alice, callee: bob, startUs: T0, rtp: 'none' }),
      ),
    );
    expect(ids(report)).toEqual(['no-audio']);
    expect(report.findings[0]?.summary).toContain('capture again with the media ports included');
  });

  it('does not judge audio on a call shorter than the grace period', async () => {
    const report = await run(
      udpCapture(
        callDatagrams({
          callId: 'quick',
          caller: alice,
          callee: bob,
          startUs: T0,
          rtp: 'none',
          talkSec: 1,
        }),
      ),
    );
    expect(ids(report)).not.toContain('no-audio');
  });

  it('finds a private SDP address behind NAT and media arriving from elsewhere', async () => {
    const natted: Party = { ...bob, sdpIp: '192.168.1.20' };
    const datagrams = callDatagrams({ callId: 'nat', caller: alice, callee: natted, startUs: T0 });
    const report = await run(udpCapture(datagrams));
    expect(ids(report)).toContain('media-address-mismatch');
    const details = report.findings
      .find((f) => f.id === 'media-address-mismatch')
      ?.evidence.map((e) => e.detail);
    expect(details).toContain(
      "The callee's SDP announces 192.168.1.20:50000, a private address, but its SIP came from 203.0.113.20: NAT without media fix-up",
    );
    expect(details?.some((d) => d.includes('came from 203.0.113.20:50000'))).toBe(true);
  });

  it('finds an answer without a codec from the offer, and a 488', async () => {
    const noCommon = await run(
      udpCapture(
        callDatagrams({
          callId: 'cm',
          caller: alice,
          callee: bob,
          startUs: T0,
          offerCodecs: [0, 8],
          answerCodecs: [18],
          rtpPayloadType: 18,
        }),
      ),
    );
    expect(ids(noCommon)).toContain('codec-mismatch');
    expect(noCommon.findings.find((f) => f.id === 'codec-mismatch')?.evidence[0]?.detail).toContain(
      'lists PCMU, PCMA; the answer lists G729: nothing in common',
    );
    const refused = await run(
      udpCapture(
        callDatagrams({
          callId: 'r',
          caller: alice,
          callee: bob,
          startUs: T0,
          final: { status: 488, phrase: 'Not Acceptable Here' },
        }),
      ),
    );
    expect(ids(refused)).toEqual(['codec-mismatch']);
    expect(refused.findings[0]?.codes).toEqual([488]);
  });

  it('finds packet loss and jitter above the content thresholds', async () => {
    const capture = udpCapture(
      callDatagrams({
        callId: 'bad',
        caller: alice,
        callee: bob,
        startUs: T0,
        talkSec: 10,
        dropEvery: 10,
        jitterMs: 70,
      }),
    );
    const report = await run(capture);
    expect(ids(report)).toEqual(['packet-loss', 'high-jitter']);
    const lossy = report.rtpStreams.find((s) => s.src.startsWith('203.0.113.20'));
    expect(lossy?.lost).toBe(50);
    expect(lossy?.lostPercent).toBe(10);
    // The same capture with a looser threshold is fine: the numbers come from the settings.
    const loose = await run(
      capture,
      'x.pcap',
      testSettings({ packetLossPercent: 15, jitterMs: 100 }),
    );
    expect(loose.findings).toEqual([]);
  });
});

describe('analyze: patterns over many calls', () => {
  it('finds many very short calls', async () => {
    const calls = Array.from({ length: 5 }, (_, i) =>
      callDatagrams({
        callId: `s${i}`,
        caller: alice,
        callee: bob,
        startUs: T0 + i * 10e6,
        talkSec: 1,
        rtp: 'none',
      }),
    );
    const report = await run(udpCapture(merge(...calls)));
    expect(ids(report)).toEqual(['short-duration-calls']);
    expect(report.findings[0]?.summary).toMatch(
      /^5 of 5 answered calls \(100 %\) ended within 6 seconds/,
    );
  });

  it('finds a burst whose calls fail at the peak', async () => {
    const peak = Array.from({ length: 12 }, (_, i) =>
      callDatagrams({
        callId: `p${i}`,
        caller: { ...alice, sipPort: 6000 + i },
        callee: bob,
        startUs: T0 + i * 50_000,
        ...(i % 2 === 0
          ? { final: { status: 503, phrase: 'Service Unavailable' } }
          : { talkSec: 1, rtp: 'none' as const }),
      }),
    );
    const calm = Array.from({ length: 4 }, (_, i) =>
      callDatagrams({
        callId: `c${i}`,
        caller: alice,
        callee: bob,
        startUs: T0 + 30e6 + i * 5e6,
        talkSec: 30,
        rtp: 'none',
      }),
    );
    const report = await run(
      udpCapture(merge(...peak, ...calm)),
      'burst.pcap',
      testSettings({ shortCallsMin: 100 }),
    );
    const burst = report.findings.find((f) => f.id === 'call-rate-burst');
    expect(burst?.summary).toContain('bursts of up to 12 a second');
    expect(burst?.summary).toContain(
      '6 of the 12 calls started in the busiest seconds failed. At other times 0 of 4 calls failed.',
    );
    expect(burst?.codes).toEqual([503]);
    expect(report.load.peakCallsPerSecond).toBe(12);
  });
});

describe('analyze: load and Reasons', () => {
  it('counts calls in progress in every second they run through', async () => {
    const report = await run(
      udpCapture(
        merge(
          callDatagrams({
            callId: 'l1',
            caller: alice,
            callee: bob,
            startUs: T0,
            talkSec: 6,
            rtp: 'none',
          }),
          callDatagrams({
            callId: 'l2',
            caller: { ...alice, sipPort: 5070 },
            callee: bob,
            startUs: T0 + 5e5,
            talkSec: 6,
            rtp: 'none',
          }),
        ),
      ),
    );
    expect(report.load.peakConcurrent).toBe(2);
    // Seconds 2–5 have no call starting or ending, yet both calls are up.
    expect(report.load.perSecond.slice(2, 6).map((point) => point.concurrent)).toEqual([
      2, 2, 2, 2,
    ]);
  });

  it('reports the Q.850 Reason of a response that has several, and names them all', async () => {
    const report = await run(
      udpCapture(
        callDatagrams({
          callId: 'r2',
          caller: alice,
          callee: bob,
          startUs: T0,
          final: {
            status: 403,
            phrase: 'Forbidden',
            reason: 'SIP;cause=403;text="By policy", Q.850;cause=21',
          },
        }),
      ),
    );
    expect(report.calls[0]?.reason).toEqual({ protocol: 'Q.850', cause: 21, text: null });
    expect(report.findings[0]?.summary).toContain(
      'Reason SIP cause 403, "By policy"; Reason Q.850 cause 21',
    );
  });

  it('a call the caller cancelled (487) is not a refusal', async () => {
    const report = await run(
      udpCapture(
        callDatagrams({
          callId: 'c487',
          caller: alice,
          callee: bob,
          startUs: T0,
          final: { status: 487, phrase: 'Request Terminated' },
        }),
      ),
    );
    expect(report.calls[0]?.finalStatus).toBe(487);
    expect(report.findings).toEqual([]);
  });
});

describe('analyze: input', () => {
  it('reads pasted SIP text through the same call logic', async () => {
    const text = callDatagrams({
      callId: 'txt',
      caller: alice,
      callee: bob,
      startUs: T0,
      final: { status: 486, phrase: 'Busy Here', reason: 'Q.850;cause=17' },
    })
      .map((d) => (typeof d.payload === 'string' ? d.payload : ''))
      .join('\n\n');
    const report = await analyzeText(text, { settings: testSettings() });
    expect(report.files[0]).toMatchObject({ format: 'text', name: 'pasted text' });
    expect(report.calls[0]).toMatchObject({
      finalStatus: 486,
      reason: { protocol: 'Q.850', cause: 17 },
    });
    expect(report.findings[0]).toMatchObject({ id: 'final-response', outcome: 'far-end-busy' });
  });

  it('takes a response to an INVITE whose INVITE is missing as a call (a pasted 486)', async () => {
    const text = [
      'SIP/2.0 486 Busy Here',
      'Via: SIP/2.0/UDP 192.0.2.1;branch=z9hG4bK1',
      'From: <sip:+15551230001@192.0.2.1>;tag=1',
      'To: <sip:+15551230002@192.0.2.2>;tag=2',
      'Call-ID: pasted-1',
      'CSeq: 1 INVITE',
      'Reason: Q.850;cause=17;text="User busy"',
    ].join('\n');
    const report = await analyzeText(text, { settings: testSettings() });
    expect(report.calls).toMatchObject([
      {
        callId: 'pasted-1',
        from: '+15551230001@192.0.2.1',
        to: '+15551230002@192.0.2.2',
        finalStatus: 486,
        reason: { protocol: 'Q.850', cause: 17, text: 'User busy' },
      },
    ]);
    expect(report.findings.map((f) => f.title)).toEqual(['Call refused: 486 Busy Here']);
  });

  it('names the file, the problem and the byte offset of unreadable input', async () => {
    const garbage = new Uint8Array([0, 1, 2, 3, 200, 201, 202]);
    await expect(run(garbage, 'photo.jpg')).rejects.toThrow(FileError);
    await expect(run(garbage, 'photo.jpg')).rejects.toThrow(
      /^photo\.jpg: This isn't a capture or a SIP text log: it starts with bytes 00 01 02 03\..*\(at byte 0\)$/,
    );
    await expect(run(new Uint8Array(0), 'empty.pcap')).rejects.toThrow(
      'empty.pcap: The file is empty. (at byte 0)',
    );
  });

  it('says a gzipped capture needs decompressing', async () => {
    await expect(run(new Uint8Array([0x1f, 0x8b, 8, 0, 0, 0]), 'x.pcap.gz')).rejects.toThrow(
      'x.pcap.gz: This capture is compressed (gzip). Decompress it first',
    );
  });

  it('refuses a file over the size limit before reading it', async () => {
    const input = { name: 'huge.pcap', size: 3 * 1024 ** 3, chunks: [] };
    await expect(analyze([input], { settings: testSettings() })).rejects.toThrow(
      /huge\.pcap: This file is 3\.0 GB; the analyzer reads files up to 2 GB/,
    );
  });

  it('stops when cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    const bytes = udpCapture(
      callDatagrams({ callId: 'x', caller: alice, callee: bob, startUs: T0 }),
    );
    await expect(
      analyze([{ name: 'a.pcap', chunks: chunked(bytes, 100) }], {
        settings: testSettings(),
        signal: controller.signal,
      }),
    ).rejects.toThrow();
  });

  it('keeps what was read before a capture was cut short, with a warning', async () => {
    const bytes = udpCapture(
      callDatagrams({ callId: 'cut', caller: alice, callee: bob, startUs: T0, talkSec: 3 }),
    );
    const report = await run(bytes.subarray(0, bytes.length - 100), 'cut.pcap');
    expect(report.calls).toHaveLength(1);
    expect(report.files[0]?.warnings.map((w) => w.code)).toContain('truncated');
  });
});

describe('analyze: fuzzed input', () => {
  const valid = udpCapture(
    merge(
      callDatagrams({ callId: 'f1', caller: alice, callee: bob, startUs: T0, talkSec: 1 }),
      callDatagrams({
        callId: 'f2',
        caller: alice,
        callee: bob,
        startUs: T0 + 5e5,
        final: { status: 503, phrase: 'Service Unavailable', reason: 'Q.850;cause=34' },
      }),
    ),
  );

  it('damaged captures give a report or a FileError, never another exception', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat({ max: valid.length - 1 }), fc.integer({ min: 0, max: 255 })), {
          maxLength: 40,
        }),
        fc.nat({ max: valid.length }),
        fc.integer({ min: 1, max: 4096 }),
        async (flips, cut, chunk) => {
          const bytes = valid.slice(0, Math.max(cut, 1));
          for (const [at, value] of flips) if (at < bytes.length) bytes[at] = value;
          try {
            const report = await analyze([{ name: 'f.pcap', chunks: chunked(bytes, chunk) }], {
              settings: testSettings(),
            });
            expect(report.format).toBe('call-troubleshooter/capture-analysis');
          } catch (error) {
            expect(error).toBeInstanceOf(FileError);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('any text gives a report or a FileError', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 2000 }), async (text) => {
        try {
          await analyzeText(`INVITE sip:x@y SIP/2.0\n${text}`, { settings: testSettings() });
        } catch (error) {
          expect(error).toBeInstanceOf(FileError);
        }
      }),
      { numRuns: 300 },
    );
  });
});
