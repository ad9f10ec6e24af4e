import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyzer/analyze.ts';
import type { AnalysisReport } from '../../src/analyzer/report.ts';
import { parseTsharkRtpStreams } from '../../src/analyzer/rtp/tshark-table.ts';
import type { AnalyzerSettings } from '../../src/analyzer/settings.ts';
import { loadContent } from '../content/load-content.ts';

/**
 * The analyzer against real captures: SIPp calls on loopback captured by tshark
 * (scripts/analyzer/make-captures.sh), and tshark's own reading of the same files saved next to
 * them (`*.rtp-streams.txt`, `*.sip.tsv`). The RTP figures must agree with tshark's within one
 * packet and 0.1 ms; every call's final response and Q.850 cause must be tshark's.
 */
const DIR = path.join(import.meta.dirname, '../../src/analyzer/fixtures');
const captures = readdirSync(DIR)
  .filter((name) => /\.(pcap|pcapng)$/.test(name))
  .sort();

let settings: AnalyzerSettings;
const reports = new Map<string, AnalysisReport>();

beforeAll(async () => {
  const content = await loadContent();
  if (!content.ok) throw new Error('content is invalid');
  settings = content.analyzer;
  for (const name of captures) {
    const bytes = readFileSync(path.join(DIR, name));
    reports.set(name, await analyze([{ name, size: bytes.length, chunks: [bytes] }], { settings }));
  }
});

const report = (name: string) => {
  const found = reports.get(name);
  if (!found) throw new Error(`no report for ${name}`);
  return found;
};

const endpoint = (address: string, port: number) =>
  address.includes(':') ? `[${address}]:${port}` : `${address}:${port}`;

describe('real captures: RTP figures agree with tshark -z rtp,streams', () => {
  it('has captures to compare', () => {
    expect(captures.length).toBeGreaterThanOrEqual(14);
  });

  it.each(captures)('%s', (name) => {
    const tshark = parseTsharkRtpStreams(
      readFileSync(path.join(DIR, `${name}.rtp-streams.txt`), 'utf8'),
    );
    const ours = report(name).rtpStreams;
    for (const expected of tshark) {
      const key = `${endpoint(expected.srcAddr, expected.srcPort)} → ${endpoint(expected.dstAddr, expected.dstPort)} 0x${expected.ssrc.toString(16).padStart(8, '0')}`;
      const stream = ours.find((s) => `${s.src} → ${s.dst} ${s.ssrc}` === key);
      expect(stream, key).toBeDefined();
      if (!stream) continue;
      expect(Math.abs(stream.packets - expected.packets), `${key} packets`).toBeLessThanOrEqual(1);
      expect(Math.abs(stream.lost - expected.lost), `${key} lost`).toBeLessThanOrEqual(1);
      expect(
        Math.abs(stream.maxDeltaMs - expected.maxDeltaMs),
        `${key} max delta`,
      ).toBeLessThanOrEqual(0.1);
      expect(
        Math.abs(stream.meanJitterMs - expected.meanJitterMs),
        `${key} mean jitter`,
      ).toBeLessThanOrEqual(0.1);
      expect(
        Math.abs(stream.maxJitterMs - expected.maxJitterMs),
        `${key} max jitter`,
      ).toBeLessThanOrEqual(0.1);
    }
    // Every stream an SDP announced is one tshark lists too.
    expect(ours.filter((s) => s.callId !== null).length).toBe(tshark.length);
  });
});

/** Per Call-ID: the last final response to an INVITE that tshark read, and its Q.850 cause. */
function tsharkFinals(name: string): Map<string, { status: number; cause: number | undefined }> {
  const [header = '', ...rows] = readFileSync(path.join(DIR, `${name}.sip.tsv`), 'utf8')
    .trim()
    .split('\n');
  const columns = header.split('\t');
  const at = (row: string[], column: string) => row[columns.indexOf(column)] ?? '';
  const finals = new Map<string, { status: number; cause: number | undefined }>();
  for (const line of rows) {
    const row = line.split('\t');
    const status = Number(at(row, 'sip.Status-Code'));
    if (at(row, 'sip.CSeq.method') !== 'INVITE' || !(status >= 200)) continue;
    const cause = at(row, 'sip.reason_cause_q850');
    finals.set(at(row, 'sip.Call-ID'), { status, cause: cause === '' ? undefined : Number(cause) });
  }
  return finals;
}

describe('real captures: every call read as tshark reads it', () => {
  it.each(captures)('%s', (name) => {
    const finals = tsharkFinals(name);
    const calls = report(name).calls;
    expect(calls.map((call) => call.callId).sort()).toEqual(
      [
        ...new Set(
          readFileSync(path.join(DIR, `${name}.sip.tsv`), 'utf8')
            .split('\n')
            .slice(1)
            .filter((l) => l.split('\t')[8] === 'INVITE')
            .map((l) => l.split('\t')[6] ?? ''),
        ),
      ].sort(),
    );
    for (const call of calls) {
      const expected = finals.get(call.callId);
      expect(call.finalStatus, call.callId).toBe(expected?.status ?? null);
      if (expected?.cause !== undefined) {
        expect(call.reason, call.callId).toMatchObject({
          protocol: 'Q.850',
          cause: expected.cause,
        });
      }
    }
  });
});

const findingIds = (name: string) => report(name).findings.map((finding) => finding.id);

describe('real captures: the right finding and outcome', () => {
  it('an answered call with audio both ways is fine', () => {
    expect(findingIds('answered-two-way.pcap')).toEqual([]);
    expect(findingIds('answered-two-way.pcapng')).toEqual([]);
  });

  it('one-way audio', () => {
    const finding = report('one-way-audio.pcap').findings.find((f) => f.id === 'one-way-audio');
    expect(finding).toMatchObject({ outcome: 'one-way-audio', path: '/broken-audio/one-way' });
  });

  it('refused calls: each code with its Reason, leading where codes.yaml says', () => {
    const findings = report('rejected-503.pcap').findings.filter((f) => f.id === 'final-response');
    expect(findings.map((f) => f.codes[0]).sort()).toEqual([404, 486, 503]);
    const busy = findings.find((f) => f.codes[0] === 503);
    expect(busy?.summary).toContain(
      '503 Service Unavailable, Reason Q.850 cause 34, "No circuit/channel available"',
    );
    expect(findings.find((f) => f.codes[0] === 486)).toMatchObject({ outcome: 'far-end-busy' });
  });

  it('codec mismatch', () => {
    expect(
      report('codec-mismatch.pcap').findings.find((f) => f.id === 'codec-mismatch'),
    ).toMatchObject({
      outcome: 'codec-mismatch',
    });
  });

  it('media sent to an address other than the SDP announced', () => {
    expect(findingIds('media-mismatch.pcap')).toContain('media-address-mismatch');
  });

  it('many short calls', () => {
    expect(
      report('short-calls.pcap').findings.find((f) => f.id === 'short-duration-calls'),
    ).toMatchObject({
      outcome: 'short-calls-flagged',
    });
  });

  it('a burst that fails at its peaks', () => {
    expect(report('burst.pcap').findings.find((f) => f.id === 'call-rate-burst')).toMatchObject({
      outcome: 'fails-under-load',
    });
  });

  it('INVITEs retransmitted with no reply', () => {
    expect(
      report('retransmissions.pcap').findings.find((f) => f.id === 'retransmissions'),
    ).toMatchObject({
      outcome: 'sip-408',
    });
  });

  it('a call put on hold by re-INVITE is not one-way audio', () => {
    expect(findingIds('hold.pcapng')).toEqual([]);
  });

  it('calls reusing the same media ports each get their own streams', () => {
    const { calls, rtpStreams, findings } = report('reused-ports.pcap');
    for (const call of calls) {
      const own = rtpStreams.filter((stream) => stream.callId === call.callId);
      // One audio stream and one telephone-event stream from each call's own port.
      expect(own.map((stream) => stream.codec).sort()).toEqual(['PCMA', 'telephone-event']);
      expect(new Set(own.map((stream) => stream.src)).size).toBe(1);
    }
    const oneWay = findings.find((f) => f.id === 'one-way-audio');
    expect(oneWay?.evidence.every((line) => line.detail.includes('246 RTP packets'))).toBe(true);
  });

  it('loss and jitter', () => {
    expect(findingIds('jitter-loss.pcap')).toEqual(expect.arrayContaining(['packet-loss']));
  });
});
