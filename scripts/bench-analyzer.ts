/**
 * `npm run bench:analyzer`: how fast the capture analyzer reads a big capture, and whether its RTP
 * figures agree with tshark's. Writes a synthetic pcap (scripts/perf/synthetic-capture.ts, 200 MB
 * unless `--size-mb N`) into bench-results/, then times, on that file:
 *
 * - the command-line tool (`node dist-cli/call-troubleshooter.mjs analyze FILE --json`),
 * - the page's worker in Chromium (/analyze of the built site under `vite preview`: choosing the
 *   file to the "Results" heading),
 * - `tshark -q -z rtp,streams` when tshark is installed, whose stream table is then compared with
 *   the CLI's `rtpStreams` column by column.
 *
 * Prints one table (and the agreement), saved as bench-results/analyzer.md. Numbers only; nothing
 * here fails on a slow result. Needs `npm run build` first (dist/ and dist-cli/; with OUT_DIR set,
 * the site is served from there, as `vite preview` does).
 *
 * Options: --size-mb N (200), --runs N (best of; 3, or 1 from 1 GB up), --seed N (1),
 * --file PATH (time an existing capture instead; no generation), --reuse (keep a capture generated
 * earlier with the same size and seed), --cli PATH (another build of the CLI), --skip-browser,
 * --skip-tshark.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { AnalysisReport, StreamReport } from '../src/analyzer/report.ts';
import { parseTsharkRtpStreams, type TsharkRtpStream } from '../src/analyzer/rtp/tshark-table.ts';
import { CLI_FILE } from './build-cli.ts';
import { withBuiltSite } from './chromium.ts';
import { OUT_DIR, ROOT } from './content/load-content.ts';
import {
  describeSyntheticCapture,
  writeSyntheticCapture,
  type SyntheticCaptureSummary,
} from './perf/synthetic-capture.ts';

const MB = 1024 * 1024;
/**
 * Other work on the machine skews the times: the 1-minute load average at the start says how much.
 */
const loadAtStart = os.loadavg()[0] ?? NaN;
const RESULTS = path.join(ROOT, 'bench-results');
/** `npm run bench` serves on 4174 too; 4173 is `npm run preview`'s. */
const PORT = 4174;

const { values: flags } = parseArgs({
  options: {
    'size-mb': { type: 'string', default: '200' },
    runs: { type: 'string' },
    seed: { type: 'string', default: '1' },
    file: { type: 'string' },
    cli: { type: 'string' },
    reuse: { type: 'boolean', default: false },
    'skip-browser': { type: 'boolean', default: false },
    'skip-tshark': { type: 'boolean', default: false },
  },
});

const sizeMb = Number(flags['size-mb']);
const seed = Number(flags.seed);
const runsAsked = flags.runs === undefined ? undefined : Number(flags.runs);
if (!(sizeMb > 0) || !Number.isInteger(seed) || (runsAsked !== undefined && !(runsAsked >= 1))) {
  console.error(
    'bench:analyzer: --size-mb needs a number above 0, --seed a whole number, --runs 1 or more',
  );
  process.exit(2);
}
if (flags.file !== undefined && !existsSync(flags.file)) {
  console.error(`bench:analyzer: no such file: ${flags.file}`);
  process.exit(1);
}
const cliFile = flags.cli === undefined ? CLI_FILE : path.resolve(flags.cli);
if (!existsSync(cliFile)) {
  console.error(
    `bench:analyzer: ${path.relative(ROOT, cliFile)} is missing: run npm run build first`,
  );
  process.exit(1);
}

// ---------------------------------------------------------------------------------------------
// The capture

await mkdir(RESULTS, { recursive: true });
let file: string;
let generation: string;
let generated: SyntheticCaptureSummary | undefined;
if (flags.file !== undefined) {
  file = path.resolve(flags.file);
  generation = 'given with --file (not generated)';
} else {
  file = path.join(RESULTS, `synthetic-${sizeMb}mb-seed${seed}.pcap`);
  const sidecar = `${file}.json`;
  if (flags.reuse && existsSync(file) && existsSync(sidecar)) {
    generated = JSON.parse(await readFile(sidecar, 'utf8')) as SyntheticCaptureSummary;
    generation = `${describeSyntheticCapture(generated)} Reused from an earlier run (--reuse).`;
  } else {
    process.stdout.write(`Writing a ${sizeMb} MB synthetic capture… `);
    const started = performance.now();
    generated = await writeSyntheticCapture(file, { targetBytes: sizeMb * MB, seed });
    const seconds = (performance.now() - started) / 1000;
    console.log(`${seconds.toFixed(1)} s`);
    await writeFile(sidecar, `${JSON.stringify(generated, null, 2)}\n`);
    generation = `${describeSyntheticCapture(generated)} Written (streamed) in ${seconds.toFixed(1)} s.`;
  }
}
const bytes = (await stat(file)).size;
const runs = Math.floor(runsAsked ?? (bytes >= 1024 * MB ? 1 : 3));
const fileLine = `${path.relative(ROOT, file)}: ${(bytes / MB).toFixed(1)} MB (${bytes.toLocaleString('en-US')} bytes)`;
console.log(`\n${fileLine}\n${generation}\n`);

// ---------------------------------------------------------------------------------------------
// Helpers

type Row = [
  tool: string,
  time: string,
  rate: string,
  calls: string,
  streams: string,
  notes: string,
];
const rows: Row[] = [];
const count = (value: number) => value.toLocaleString('en-US');
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const rate = (ms: number) => (bytes / MB / (ms / 1000)).toFixed(1);
const best = `best of ${runs}`;

interface Finished {
  ms: number;
  code: number | null;
  stdout: Buffer;
  stderr: string;
}

/** Runs a command to the end, timing it (wall clock) and collecting its output. */
function timed(command: string, args: readonly string[]): Promise<Finished> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      resolve({
        ms: performance.now() - started,
        code,
        stdout: Buffer.concat(out),
        stderr: Buffer.concat(err).toString('utf8'),
      });
    });
  });
}

/** Runs a command `runs` times; the fastest time and the first run's output. */
async function bestOf(label: string, command: string, args: readonly string[]): Promise<Finished> {
  let first: Finished | undefined;
  let fastest = Infinity;
  for (let i = 0; i < runs; i += 1) {
    process.stdout.write(`${label}: run ${i + 1} of ${runs}… `);
    const run = await timed(command, args);
    console.log(seconds(run.ms));
    if (run.code !== 0) {
      throw new Error(`${label} exited with ${String(run.code)}:\n${run.stderr.slice(0, 2000)}`);
    }
    first ??= run;
    fastest = Math.min(fastest, run.ms);
  }
  if (first === undefined) throw new Error(`${label} never ran`);
  return { ...first, ms: fastest };
}

// ---------------------------------------------------------------------------------------------
// The command-line tool

const cli = await bestOf('CLI', process.execPath, [cliFile, 'analyze', file, '--json']);
const report = JSON.parse(cli.stdout.toString('utf8')) as AnalysisReport;
const frames = report.files.reduce((sum, entry) => sum + entry.frames, 0);
const warnings = report.files.flatMap((entry) => entry.warnings);
const findings = new Map<string, number>();
for (const finding of report.findings)
  findings.set(finding.id, (findings.get(finding.id) ?? 0) + 1);
const streamsFound = report.rtpStreams.length;
const cliNotes = [
  `${best}; Node start-up and writing ${(cli.stdout.length / MB).toFixed(1)} MB of JSON included`,
  generated === undefined
    ? `${count(frames)} frames`
    : generated.calls === report.calls.length &&
        generated.rtpStreams === streamsFound &&
        generated.packets === frames
      ? 'every generated call, stream and frame found'
      : `generated ${count(generated.calls)} calls, ${count(generated.rtpStreams)} streams, ${count(generated.packets)} frames; found ${count(frames)} frames`,
  `findings: ${[...findings].map(([id, n]) => (n > 1 ? `${id} ×${n}` : id)).join(', ') || 'none'}`,
  ...(warnings.length > 0 ? [`${warnings.length} warnings`] : []),
];
rows.push([
  'CLI (node dist-cli, --json)',
  seconds(cli.ms),
  rate(cli.ms),
  count(report.calls.length),
  count(streamsFound),
  cliNotes.join('; '),
]);

// ---------------------------------------------------------------------------------------------
// The page's worker, in Chromium

const BROWSER = 'Browser worker (Chromium)';
if (flags['skip-browser']) {
  rows.push([BROWSER, '—', '—', '—', '—', 'skipped (--skip-browser)']);
} else if (!existsSync(path.join(OUT_DIR, 'index.html'))) {
  const missing = `no ${path.relative(ROOT, OUT_DIR)}/: run npm run build first`;
  console.log(`Browser: ${missing}`);
  rows.push([BROWSER, '—', '—', '—', '—', missing]);
} else {
  rows.push(await browserRow());
}

/**
 * Times /analyze of the built site: from handing the file to the "Choose capture files" input to
 * the "Results" heading, each run in a fresh browser context (nothing restored from an earlier
 * run). Calls and streams are read from the summary line under the heading.
 */
async function browserRow(): Promise<Row> {
  const timeout = Math.max(120_000, (bytes / MB) * 2_000);
  const failed = (why: string): Row => {
    console.log(why);
    return [BROWSER, '—', '—', '—', '—', why.replace(/^Browser: /, '')];
  };
  return withBuiltSite(ROOT, PORT, async (browser, origin) => {
    // The fastest run, and the summary line the page showed after it.
    let fastest = Infinity;
    let summary = '';
    for (let i = 0; i < runs; i += 1) {
      const context = await browser.newContext();
      try {
        const page = await context.newPage();
        await page.goto(`${origin}/analyze`);
        const input = page.getByLabel('Choose capture files');
        try {
          await input.waitFor({ state: 'attached', timeout: 15_000 });
        } catch {
          return failed(
            `Browser: no input labelled "Choose capture files" on /analyze of ${path.relative(ROOT, OUT_DIR)}/ (is the analyzer page built yet? npm run build)`,
          );
        }
        process.stdout.write(`Browser: run ${i + 1} of ${runs}… `);
        const heading = page.getByRole('heading', { name: 'Results', level: 2 });
        const started = performance.now();
        await input.setInputFiles(file);
        try {
          await heading.waitFor({ state: 'visible', timeout });
        } catch {
          const alerts = (await page.getByRole('alert').allInnerTexts()).join(' / ');
          return failed(
            `no "Results" heading within ${seconds(timeout)}${alerts ? `; the page says: ${alerts.replace(/\s+/g, ' ').slice(0, 300)}` : ''}`,
          );
        }
        const ms = performance.now() - started;
        console.log(seconds(ms));
        const shown = await page
          .getByRole('region', { name: 'Results' })
          .locator('p')
          .first()
          .innerText({ timeout: 5_000 })
          .catch(() => '');
        if (ms < fastest) {
          fastest = ms;
          summary = shown;
        }
      } finally {
        await context.close();
      }
    }
    // "Read x.pcap (pcap, 200 MB): 899,816 packets, 12,345 SIP messages, 3,196 calls and 5,824
    // RTP streams, in 5.1 s."
    const calls = /([\d,]+) calls?\b/.exec(summary)?.[1] ?? '—';
    const streams = /([\d,]+) RTP streams?\b/.exec(summary)?.[1] ?? '—';
    const own = /, in (.+)\.$/.exec(summary.trim())?.[1];
    return [
      BROWSER,
      seconds(fastest),
      rate(fastest),
      calls,
      streams,
      `${best}; setInputFiles to the "Results" heading on /analyze (vite preview, headless)${own ? `; the page's own time: ${own}` : ''}`,
    ];
  });
}

// ---------------------------------------------------------------------------------------------
// tshark, and how its stream table agrees with the CLI's

interface Column {
  name: string;
  cli: (stream: StreamReport) => number;
  tshark: (stream: TsharkRtpStream) => number;
  /** A stream differs when the figures are further apart than this. */
  tolerance: number;
  unit: string;
}

const COLUMNS: Column[] = [
  { name: 'Packets', cli: (s) => s.packets, tshark: (s) => s.packets, tolerance: 1, unit: '' },
  { name: 'Lost', cli: (s) => s.lost, tshark: (s) => s.lost, tolerance: 1, unit: '' },
  ...(
    [
      ['Min delta', 'minDeltaMs'],
      ['Mean delta', 'meanDeltaMs'],
      ['Max delta', 'maxDeltaMs'],
      ['Min jitter', 'minJitterMs'],
      ['Mean jitter', 'meanJitterMs'],
      ['Max jitter', 'maxJitterMs'],
    ] as const
  ).map(([name, field]) => ({
    name,
    cli: (s: StreamReport) => s[field],
    tshark: (s: TsharkRtpStream) => s[field],
    tolerance: 0.1,
    unit: ' ms',
  })),
];

/** 'ip:port', '[v6]:port' for IPv6, as the CLI prints addresses. */
const endpoint = (address: string, port: number) =>
  `${address.includes(':') ? `[${address}]` : address}:${port}`;
const streamKey = (src: string, dst: string, ssrc: number) => `${src} > ${dst} ${ssrc >>> 0}`;

let agreement: string[] = [];

/** True when tshark runs here. */
function hasTshark(): boolean {
  try {
    execFileSync('tshark', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

if (flags['skip-tshark']) {
  rows.push(['tshark -z rtp,streams', '—', '—', '—', '—', 'skipped (--skip-tshark)']);
} else if (!hasTshark()) {
  rows.push([
    'tshark -z rtp,streams',
    '—',
    '—',
    '—',
    '—',
    'tshark is not installed (apt-get install tshark)',
  ]);
} else {
  const version = /TShark \(Wireshark\) (\S+)/.exec(
    execFileSync('tshark', ['--version'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }),
  )?.[1];
  const run = await bestOf('tshark', 'tshark', ['-q', '-z', 'rtp,streams', '-r', file]);
  const streams = parseTsharkRtpStreams(run.stdout.toString('utf8'));
  rows.push([
    `tshark ${version ?? ''} -z rtp,streams`.replace('  ', ' '),
    seconds(run.ms),
    rate(run.ms),
    '—',
    count(streams.length),
    `${best}; RTP found through the SDP, stream table only`,
  ]);
  agreement = compare(report.rtpStreams, streams);
}

function compare(ours: readonly StreamReport[], theirs: readonly TsharkRtpStream[]): string[] {
  const byKey = new Map<string, StreamReport>();
  for (const stream of ours) {
    byKey.set(streamKey(stream.src, stream.dst, Number.parseInt(stream.ssrc, 16)), stream);
  }
  const matched: [StreamReport, TsharkRtpStream][] = [];
  let onlyTshark = 0;
  for (const stream of theirs) {
    const key = streamKey(
      endpoint(stream.srcAddr, stream.srcPort),
      endpoint(stream.dstAddr, stream.dstPort),
      stream.ssrc,
    );
    const found = byKey.get(key);
    if (found === undefined) onlyTshark += 1;
    else {
      matched.push([found, stream]);
      byKey.delete(key);
    }
  }
  const lines = [
    `Streams: ${count(ours.length)} from the CLI, ${count(theirs.length)} from tshark; ${count(matched.length)} matched by source, destination and SSRC, ${count(byKey.size)} only in the CLI's, ${count(onlyTshark)} only in tshark's.`,
    '',
    '| Column | Max abs. difference | Streams not equal | Streams further apart than |',
    '| --- | --- | --- | --- |',
  ];
  for (const column of COLUMNS) {
    let worst = 0;
    let unequal = 0;
    let off = 0;
    for (const [cliStream, tsharkStream] of matched) {
      const difference = Math.abs(column.cli(cliStream) - column.tshark(tsharkStream));
      worst = Math.max(worst, Number.isNaN(difference) ? Infinity : difference);
      // Both print milliseconds to 3 decimals; anything below 0.0001 is float noise.
      if (!(difference < 1e-4)) unequal += 1;
      if (!(difference <= column.tolerance)) off += 1;
    }
    const digits = column.unit === '' ? 0 : 3;
    const tolerance = `${column.tolerance}${column.unit === '' ? ' packet' : column.unit}`;
    lines.push(
      `| ${column.name} | ${worst.toFixed(digits)}${column.unit} | ${count(unequal)} | ${count(off)} (> ${tolerance}) |`,
    );
  }
  lines.push(
    '',
    'Both print milliseconds to 3 decimals: a difference of 0.001 ms is the last digit rounded the other way.',
  );
  return lines;
}

// ---------------------------------------------------------------------------------------------
// The table

const header: Row = ['Tool', 'Time', 'MB/s', 'Calls', 'Streams', 'Notes'];
const widths = header.map((title, c) =>
  Math.max(title.length, ...rows.map((r) => r[c]?.length ?? 0)),
);
const line = (cells: readonly string[]) =>
  `| ${cells.map((cell, c) => cell.padEnd(widths[c] ?? 0)).join(' | ')} |`;
const table = [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)];
const machine = `${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? 'unknown CPU'}, ${(os.totalmem() / 1024 ** 3).toFixed(0)} GB RAM, Node ${process.version}, load average ${loadAtStart.toFixed(1)} at the start`;

console.log('');
console.log(fileLine);
console.log(generation);
console.log(`MB = ${count(MB)} bytes; times are wall clock; ${machine}.`);
console.log('');
for (const text of table) console.log(text);
if (agreement.length > 0) {
  console.log('\nCLI against tshark, per RTP stream:\n');
  for (const text of agreement) console.log(text);
}

const markdown = [
  '# Capture analyzer benchmark',
  '',
  `${new Date().toISOString()}; ${machine}.`,
  '',
  `${fileLine}.`,
  '',
  generation,
  '',
  `MB = ${count(MB)} bytes; times are wall clock.`,
  '',
  ...table,
  ...(agreement.length > 0 ? ['', '## CLI against tshark, per RTP stream', '', ...agreement] : []),
  '',
].join('\n');
const saved = path.join(RESULTS, 'analyzer.md');
await writeFile(saved, markdown);
console.log(`\nSaved to ${path.relative(ROOT, saved)}.`);
