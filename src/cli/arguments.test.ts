import { describe, expect, it } from 'vitest';
import { parseArguments } from './arguments';

describe('parseArguments', () => {
  it('reads analyze with files and --json anywhere', () => {
    expect(parseArguments(['analyze', 'a.pcap', '--json', 'b.pcapng'])).toEqual({
      kind: 'analyze',
      files: ['a.pcap', 'b.pcapng'],
      json: true,
    });
    expect(parseArguments(['analyze', '-'])).toEqual({
      kind: 'analyze',
      files: ['-'],
      json: false,
    });
  });

  it('takes names that look like options after --', () => {
    expect(parseArguments(['analyze', '--', '--json'])).toEqual({
      kind: 'analyze',
      files: ['--json'],
      json: false,
    });
  });

  it('shows help for --help or -h anywhere', () => {
    expect(parseArguments(['--help'])).toEqual({ kind: 'help' });
    expect(parseArguments(['analyze', 'x', '-h'])).toEqual({ kind: 'help' });
  });

  it('explains what is wrong with a bad command line', () => {
    expect(parseArguments([])).toEqual({
      kind: 'usage-error',
      message: 'Say what to do: analyze FILE...',
    });
    expect(parseArguments(['analyse', 'x'])).toMatchObject({
      message: expect.stringContaining('Unknown command "analyse"') as string,
    });
    expect(parseArguments(['analyze'])).toMatchObject({
      message: 'Name at least one file to analyze.',
    });
    expect(parseArguments(['analyze', '--jsn', 'x'])).toMatchObject({
      message: 'Unknown option "--jsn".',
    });
  });
});
