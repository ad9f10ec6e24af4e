import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import settings from 'virtual:analyzer-settings';
import { analyze, FileError, type AnalyzerInput } from '@/analyzer/analyze';
import { MAX_FILE_BYTES, tooLarge } from '@/analyzer/analyze-file';
import { formatTextReport } from '@/analyzer/format-text';
import { parseArguments, USAGE } from './arguments';

async function inputFor(file: string): Promise<AnalyzerInput> {
  if (file === '-') return { name: 'standard input', chunks: process.stdin };
  let info;
  try {
    info = await stat(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : String(code);
    throw new FileError(file, reason, 0, 'unreadable');
  }
  if (info.isDirectory())
    throw new FileError(file, 'this is a folder, not a file', 0, 'unreadable');
  if (info.size > MAX_FILE_BYTES)
    throw new FileError(file, tooLarge(info.size), MAX_FILE_BYTES, 'too-large');
  return {
    name: path.basename(file),
    size: info.size,
    chunks: createReadStream(file, { highWaterMark: 4 * 1024 * 1024 }),
  };
}

/** Runs the command line; returns the exit status. */
export async function main(args: readonly string[]): Promise<number> {
  const command = parseArguments(args);
  if (command.kind === 'help') {
    process.stdout.write(USAGE);
    return 0;
  }
  if (command.kind === 'usage-error') {
    process.stderr.write(`call-troubleshooter: ${command.message}\n\n${USAGE}`);
    return 2;
  }
  const unreadable: FileError[] = [];
  const inputs: AnalyzerInput[] = [];
  for (const file of command.files) {
    try {
      inputs.push(await inputFor(file));
    } catch (error) {
      if (!(error instanceof FileError)) throw error;
      unreadable.push(error);
    }
  }
  // The files that can be read are reported even when another one can't be.
  const report =
    inputs.length === 0
      ? undefined
      : await analyze(inputs, { settings, onUnreadable: (error) => unreadable.push(error) });
  if (report && report.files.length > 0) {
    process.stdout.write(
      command.json ? `${JSON.stringify(report, null, 2)}\n` : formatTextReport(report),
    );
  }
  for (const error of unreadable) process.stderr.write(`call-troubleshooter: ${error.message}\n`);
  return unreadable.length > 0 ? 1 : 0;
}

process.exitCode = await main(process.argv.slice(2));
