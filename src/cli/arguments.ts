export const USAGE = `Usage: call-troubleshooter analyze FILE... [--json]

Reads SIP and RTP from packet captures (pcap or pcapng, from Wireshark, tcpdump or tshark) or
from SIP messages saved as text, and says what went wrong with the calls, with evidence.
Everything is read on this machine; nothing is sent anywhere.

Options:
  --json     print one JSON document (described in docs/analyzer.md) instead of the report
  --help     show this help

Exit status: 0 when every file was read (whatever was found), 1 when a file can't be read
(the others are still reported), 2 when the command line is wrong.
`;

/** What the command line asked for, or what is wrong with it. */
export type Command =
  | { kind: 'help' }
  | { kind: 'analyze'; files: string[]; json: boolean }
  | { kind: 'usage-error'; message: string };

/** Reads `analyze FILE... [--json]`; `--` ends the options. */
export function parseArguments(args: readonly string[]): Command {
  if (args.includes('--help') || args.includes('-h')) return { kind: 'help' };
  const [command, ...rest] = args;
  if (command === undefined)
    return { kind: 'usage-error', message: 'Say what to do: analyze FILE...' };
  if (command !== 'analyze') {
    return {
      kind: 'usage-error',
      message: `Unknown command "${command}". The command is: analyze FILE...`,
    };
  }
  const files: string[] = [];
  let json = false;
  let options = true;
  for (const arg of rest) {
    if (options && arg === '--') options = false;
    else if (options && arg === '--json') json = true;
    else if (options && arg.startsWith('-') && arg !== '-') {
      return { kind: 'usage-error', message: `Unknown option "${arg}".` };
    } else files.push(arg);
  }
  if (files.length === 0)
    return { kind: 'usage-error', message: 'Name at least one file to analyze.' };
  return { kind: 'analyze', files, json };
}
