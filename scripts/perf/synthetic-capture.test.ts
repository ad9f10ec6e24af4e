import { execFileSync } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyzer/analyze.ts';
import { parseTsharkRtpStreams } from '../../src/analyzer/rtp/tshark-table.ts';
import { readCapture } from '../../src/analyzer/test-support/read-capture.ts';
import { testSettings } from '../../src/analyzer/test-support/sip-scenario.ts';
import {
  describeSyntheticCapture,
  writeSyntheticCapture,
  type SyntheticCaptureSummary,
} from './synthetic-capture.ts';

/** True when tshark is on the PATH. */
function hasTshark(): boolean {
  try {
    execFileSync('tshark', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

let dir = '';
let file = '';
let bytes = new Uint8Array(0);
let summary: SyntheticCaptureSummary;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'synthetic-capture-'));
  file = path.join(dir, 'small.pcap');
  summary = await writeSyntheticCapture(file, { targetBytes: 1024 * 1024, seed: 7 });
  bytes = new Uint8Array(await readFile(file));
});

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('writeSyntheticCapture', () => {
  it('writes a little more than the size asked for, and says so', () => {
    expect(bytes.length).toBe(summary.bytes);
    expect(summary.bytes).toBeGreaterThanOrEqual(1024 * 1024);
    expect(summary.bytes).toBeLessThan(1.2 * 1024 * 1024);
    expect(summary.calls).toBe(summary.answered + summary.failed503 + summary.busy486);
    expect(summary.rtpStreams).toBe(2 * summary.answered);
    expect(summary.peakConcurrent).toBeGreaterThan(1);
  });

  it('writes a little-endian µs pcap of Ethernet frames, records in time order', () => {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    expect(view.getUint32(0, true)).toBe(0xa1b2c3d4);
    expect(view.getUint16(4, true)).toBe(2);
    expect(view.getUint16(6, true)).toBe(4);
    expect(view.getUint32(20, true)).toBe(1);
    let at = 24;
    let records = 0;
    let previous = -Infinity;
    while (at < bytes.length) {
      const timeUs = view.getUint32(at, true) * 1e6 + view.getUint32(at + 4, true);
      const length = view.getUint32(at + 8, true);
      expect(view.getUint32(at + 4, true)).toBeLessThan(1e6);
      expect(view.getUint32(at + 12, true)).toBe(length);
      expect(timeUs).toBeGreaterThanOrEqual(previous);
      previous = timeUs;
      at += 16 + length;
      records += 1;
    }
    expect(at).toBe(bytes.length);
    expect(records).toBe(summary.packets);
    expect(previous).toBe(summary.lastUs);
  });

  it('is read cleanly by the analyzer: every call and stream, the failures found', async () => {
    const read = readCapture(bytes);
    expect(read.error).toBeUndefined();
    expect(read.warnings).toEqual([]);
    expect(read.frames).toBe(summary.packets);
    expect(read.datagrams).toHaveLength(summary.packets);

    const report = await analyze(
      [{ name: 'small.pcap', size: bytes.length, chunks: createReadStream(file) }],
      { settings: testSettings() },
    );
    expect(report.calls).toHaveLength(summary.calls);
    expect(report.calls.filter((call) => call.answered)).toHaveLength(summary.answered);
    expect(report.calls.filter((call) => call.finalStatus === 503)).toHaveLength(summary.failed503);
    expect(report.rtpStreams).toHaveLength(summary.rtpStreams);
    expect(report.rtpStreams.every((stream) => stream.codec === 'PCMU')).toBe(true);
    expect(report.rtpStreams.filter((stream) => stream.lost > 0).length).toBeGreaterThan(0);
  });

  it('gives the same bytes for the same seed and describes itself', async () => {
    const again = path.join(dir, 'again.pcap');
    const second = await writeSyntheticCapture(again, { targetBytes: 1024 * 1024, seed: 7 });
    expect(second).toEqual({ ...summary, file: again });
    expect(Buffer.compare(await readFile(again), Buffer.from(bytes))).toBe(0);
    expect(describeSyntheticCapture(summary)).toContain(`${summary.calls} calls`);
  });

  it.runIf(hasTshark())(
    'is read by tshark: every packet, every RTP stream with its packet count',
    () => {
      const frames = execFileSync('tshark', ['-r', file, '-T', 'fields', '-e', 'frame.number'], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      });
      expect(frames.trim().split('\n')).toHaveLength(summary.packets);
      const table = execFileSync('tshark', ['-q', '-z', 'rtp,streams', '-r', file], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      });
      const streams = parseTsharkRtpStreams(table);
      expect(streams).toHaveLength(summary.rtpStreams);
      expect(streams.every((stream) => stream.payload === 'g711U')).toBe(true);
    },
    60_000,
  );
});
