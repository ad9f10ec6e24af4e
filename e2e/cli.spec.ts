import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';

/**
 * The command-line analyzer as built by `npm run build` (dist-cli/), run through `npx` exactly as
 * the README says.
 */
const ROOT = path.join(import.meta.dirname, '..');
const FIXTURES = path.join(ROOT, 'src/analyzer/fixtures');
const run = promisify(execFile);

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run('npx', ['--no-install', 'call-troubleshooter', ...args], {
      cwd: ROOT,
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

const stderrOf = (result: { stderr: string }) =>
  result.stderr
    .split('\n')
    .filter((line) => !line.startsWith('npm warn'))
    .join('\n')
    .trim();

test.describe('npx call-troubleshooter analyze', () => {
  test('prints a readable report: the call, its streams and what is wrong', async () => {
    const result = await cli('analyze', path.join(FIXTURES, 'one-way-audio.pcap'));
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('one-way-audio.pcap: pcap,');
    expect(result.stdout).toMatch(/1\. Audio in one direction only \[one-way-audio\]/);
    expect(result.stdout).toContain('Troubleshoot: ');
    expect(result.stdout).toMatch(/Calls \(1\)/);
    expect(result.stdout).toMatch(/RTP streams \(1\)/);
  });

  test('--json prints one document for all the files, in the documented shape', async () => {
    const result = await cli(
      'analyze',
      path.join(FIXTURES, 'answered-two-way.pcap'),
      path.join(FIXTURES, 'answered-two-way.pcapng'),
      '--json',
    );
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as {
      format: string;
      files: { name: string; format: string }[];
      calls: Record<string, unknown>[];
      rtpStreams: Record<string, unknown>[];
      findings: unknown[];
    };
    expect(report.format).toBe('call-troubleshooter/capture-analysis');
    expect(report.files.map((f) => [f.name, f.format])).toEqual([
      ['answered-two-way.pcap', 'pcap'],
      ['answered-two-way.pcapng', 'pcapng'],
    ]);
    expect(report.calls).toHaveLength(2);
    expect(Object.keys(report.calls[0] ?? {})).toEqual(
      expect.arrayContaining([
        'callId',
        'from',
        'to',
        'start',
        'durationMs',
        'answered',
        'finalStatus',
        'reason',
      ]),
    );
    expect(report.rtpStreams).toHaveLength(4);
    expect(Object.keys(report.rtpStreams[0] ?? {})).toEqual(
      expect.arrayContaining([
        'src',
        'dst',
        'ssrc',
        'payloadType',
        'packets',
        'lost',
        'maxDeltaMs',
        'meanJitterMs',
        'maxJitterMs',
      ]),
    );
    expect(report.findings).toEqual([]);
  });

  test('reads SIP text from standard input', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ct-cli-'));
    const log = path.join(dir, 'log.txt');
    writeFileSync(
      log,
      [
        'INVITE sip:+15551230002@192.0.2.2 SIP/2.0',
        'Via: SIP/2.0/UDP 192.0.2.1;branch=z9hG4bK1',
        'From: <sip:+15551230001@192.0.2.1>;tag=1',
        'To: <sip:+15551230002@192.0.2.2>',
        'Call-ID: text-1',
        'CSeq: 1 INVITE',
        '',
        'SIP/2.0 503 Service Unavailable',
        'Via: SIP/2.0/UDP 192.0.2.1;branch=z9hG4bK1',
        'From: <sip:+15551230001@192.0.2.1>;tag=1',
        'To: <sip:+15551230002@192.0.2.2>;tag=2',
        'Call-ID: text-1',
        'CSeq: 1 INVITE',
        'Reason: Q.850;cause=34;text="No circuit/channel available"',
        '',
      ].join('\n'),
    );
    const { stdout } = await run(
      'sh',
      ['-c', `npx --no-install call-troubleshooter analyze - --json < "${log}"`],
      { cwd: ROOT },
    );
    const report = JSON.parse(stdout) as {
      calls: { finalStatus: number; reason: { cause: number } }[];
    };
    expect(report.calls[0]).toMatchObject({ finalStatus: 503, reason: { cause: 34 } });
  });

  test('an unreadable file: exit status 1, naming the file, the problem and the byte offset', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ct-cli-'));
    const png = path.join(dir, 'screenshot.png');
    writeFileSync(png, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]));
    const bad = await cli('analyze', png);
    expect(bad.code).toBe(1);
    expect(stderrOf(bad)).toMatch(
      /^call-troubleshooter: screenshot\.png: This isn't a capture or a SIP text log: it starts with bytes 89 50 4e 47\..*\(at byte 0\)$/,
    );
    const missing = await cli('analyze', path.join(dir, 'nope.pcap'));
    expect(missing.code).toBe(1);
    expect(stderrOf(missing)).toContain('nope.pcap: no such file');
  });

  test('one unreadable file among several: the others are still reported, and the status is 1', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ct-cli-'));
    const empty = path.join(dir, 'empty.pcap');
    writeFileSync(empty, '');
    const result = await cli('analyze', path.join(FIXTURES, 'one-way-audio.pcap'), empty);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('one-way-audio.pcap: pcap,');
    expect(result.stdout).toContain('[one-way-audio]');
    expect(stderrOf(result)).toBe(
      'call-troubleshooter: empty.pcap: The file is empty. (at byte 0)',
    );
  });

  test('a capture cut short: what was read, and a warning with the byte offset', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ct-cli-'));
    const cut = path.join(dir, 'cut.pcap');
    const whole = readFileSync(path.join(FIXTURES, 'answered-two-way.pcap'));
    writeFileSync(cut, whole.subarray(0, whole.length - 50));
    const result = await cli('analyze', cut);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /warning: The capture ends in the middle of packet \d+ \(at byte [\d,]+\)/,
    );
    expect(result.stdout).toContain('Calls (1)');
  });

  test('a wrong command line: exit status 2 with the usage', async () => {
    const result = await cli('analyse', 'x.pcap');
    expect(result.code).toBe(2);
    expect(stderrOf(result)).toContain('Unknown command "analyse"');
    expect(stderrOf(result)).toContain('Usage: call-troubleshooter analyze FILE... [--json]');
  });
});
