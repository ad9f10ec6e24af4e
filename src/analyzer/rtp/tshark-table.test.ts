import { describe, expect, it } from 'vitest';
import { parseTsharkRtpStreams } from './tshark-table.ts';

/** The committed side files, by capture file name (e.g. 'burst.pcap'). */
const tables: Record<string, string> = Object.fromEntries(
  Object.entries(
    import.meta.glob<string>('../fixtures/*.rtp-streams.txt', {
      query: '?raw',
      import: 'default',
      eager: true,
    }),
  ).map(([path, text]) => [path.replace('../fixtures/', '').replace('.rtp-streams.txt', ''), text]),
);

const CALLER = '127.0.0.10';
const CALLEE = '127.0.0.20';

describe('parseTsharkRtpStreams', () => {
  it('reads a row with several payload names, negative loss, minimums of -1 and the X', () => {
    const text = [
      '========================= RTP Streams ========================',
      '   Start time      End time     Src IP addr  Port    Dest IP addr  Port       SSRC          Payload  Pkts         Lost   Min Delta(ms)  Mean Delta(ms)   Max Delta(ms)  Min Jitter(ms) Mean Jitter(ms)  Max Jitter(ms) Problems?',
      '   120.101168    121.640508        10.0.0.1 20014        10.0.0.2 30014 0x00001007 g711U, telephone-event    78    -3 (-5.0%)          18.813          19.991          21.588           0.039           2.153          10.960 X',
      '   160.103811    161.082197     2001:db8::1 20018     2001:db8::2 30018 0xFFFFFFFF      RTPType-111     1     0 (0.0%)          -1.000           0.000           0.000          -1.000           0.000           0.000 ',
      '==============================================================',
    ].join('\n');
    expect(parseTsharkRtpStreams(text)).toEqual([
      {
        startSec: 120.101168,
        endSec: 121.640508,
        srcAddr: '10.0.0.1',
        srcPort: 20014,
        dstAddr: '10.0.0.2',
        dstPort: 30014,
        ssrc: 0x1007,
        payload: 'g711U, telephone-event',
        packets: 78,
        lost: -3,
        lostPercent: -5,
        minDeltaMs: 18.813,
        meanDeltaMs: 19.991,
        maxDeltaMs: 21.588,
        minJitterMs: 0.039,
        meanJitterMs: 2.153,
        maxJitterMs: 10.96,
        problem: true,
      },
      {
        startSec: 160.103811,
        endSec: 161.082197,
        srcAddr: '2001:db8::1',
        srcPort: 20018,
        dstAddr: '2001:db8::2',
        dstPort: 30018,
        ssrc: 0xffffffff,
        payload: 'RTPType-111',
        packets: 1,
        lost: 0,
        lostPercent: 0,
        minDeltaMs: -1,
        meanDeltaMs: 0,
        maxDeltaMs: 0,
        minJitterMs: -1,
        meanJitterMs: 0,
        maxJitterMs: 0,
        problem: false,
      },
    ]);
  });

  it('finds no rows in an empty table or other text', () => {
    expect(parseTsharkRtpStreams('')).toEqual([]);
    expect(
      parseTsharkRtpStreams(
        '========================= RTP Streams ========================\n' +
          '   Start time      End time     Src IP addr  Port ...\n' +
          '==============================================================\n',
      ),
    ).toEqual([]);
  });
});

describe('parseTsharkRtpStreams on the committed fixtures', () => {
  it('has a table for every capture', () => {
    expect(Object.keys(tables).sort()).toEqual([
      'answered-two-way.ns.pcap',
      'answered-two-way.ns.pcapng',
      'answered-two-way.pcap',
      'answered-two-way.pcapng',
      'burst.pcap',
      'codec-mismatch.pcap',
      'hold.pcapng',
      'jitter-loss.pcap',
      'media-mismatch.pcap',
      'one-way-audio.pcap',
      'rejected-503.pcap',
      'retransmissions.pcap',
      'reused-ports.pcap',
      'short-calls.pcap',
    ]);
  });

  it.each(Object.entries(tables))('reads every row of %s', (_name, text) => {
    const rowLines = text.split('\n').filter((line) => / 0x[0-9A-F]{8} /.test(line));
    const rows = parseTsharkRtpStreams(text);
    expect(rows).toHaveLength(rowLines.length);
    for (const row of rows) {
      // The SIPp fixtures send PCMU; the review's uac_pcap ones PCMA and telephone-event (101).
      expect(['g711U', 'g711A', 'RTPType-101']).toContain(row.payload);
      expect(row.packets).toBeGreaterThan(0);
      expect(row.endSec).toBeGreaterThanOrEqual(row.startSec);
      expect(Number.isFinite(row.maxJitterMs)).toBe(true);
    }
  });

  it.each([
    'answered-two-way.pcap',
    'answered-two-way.pcapng',
    'answered-two-way.ns.pcap',
    'answered-two-way.ns.pcapng',
    'media-mismatch.pcap',
  ])('%s: PCMU both ways for about 3 s, nothing lost', (name) => {
    const rows = parseTsharkRtpStreams(tables[name] ?? '');
    expect(rows.map((r) => `${r.srcAddr}:${r.srcPort}>${r.dstAddr}:${r.dstPort}`).sort()).toEqual([
      `${CALLER}:16000>${CALLEE}:16100`,
      `${CALLEE}:16100>${CALLER}:16000`,
    ]);
    for (const row of rows) {
      expect(row.packets).toBeGreaterThan(140);
      expect(row.lost).toBe(0);
      expect(row.meanDeltaMs).toBeCloseTo(20, 0);
    }
  });

  it('the pcapng and nanosecond copies give the same figures as the pcap', () => {
    const figures = (name: string) =>
      parseTsharkRtpStreams(tables[name] ?? '').map(({ startSec, endSec, ...rest }) => ({
        ...rest,
        seconds: Math.round((endSec - startSec) * 1e6),
      }));
    const reference = figures('answered-two-way.pcap');
    expect(figures('answered-two-way.pcapng')).toEqual(reference);
    expect(figures('answered-two-way.ns.pcap')).toEqual(reference);
    expect(figures('answered-two-way.ns.pcapng')).toEqual(reference);
  });

  it('one-way-audio: only the caller sends', () => {
    const rows = parseTsharkRtpStreams(tables['one-way-audio.pcap'] ?? '');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ srcAddr: CALLER, dstAddr: CALLEE, lost: 0 });
  });

  it.each(['rejected-503.pcap', 'codec-mismatch.pcap', 'burst.pcap', 'retransmissions.pcap'])(
    '%s: no RTP',
    (name) => {
      expect(parseTsharkRtpStreams(tables[name] ?? '')).toEqual([]);
    },
  );

  it('short-calls: ten calls, a stream each way, about 1 s each', () => {
    const rows = parseTsharkRtpStreams(tables['short-calls.pcap'] ?? '');
    expect(rows).toHaveLength(20);
    expect(new Set(rows.map((r) => r.ssrc)).size).toBe(10);
    for (const row of rows) expect(row.endSec - row.startSec).toBeLessThan(1.5);
  });

  it('jitter-loss: both streams lose packets and jitter well above the clean call', () => {
    const rows = parseTsharkRtpStreams(tables['jitter-loss.pcap'] ?? '');
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      expect(row.lost).toBeGreaterThan(0);
      expect(row.problem).toBe(true);
      expect(row.meanJitterMs).toBeGreaterThan(5);
    }
  });
});
