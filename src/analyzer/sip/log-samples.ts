/**
 * Text logs of one short call (INVITE → 100 → 200 → ACK → BYE → 200), as the tools people copy
 * from print them, written for the tests of readSipLog. Formats follow each tool's output;
 * addresses are documentation ranges.
 */
import { callerRequest, invite, response, responseToCaller } from './samples.ts';

/** The call's messages, CRLF text each. */
export const CALL = [
  invite(),
  response('100 Trying', { tag: false }),
  response('200 OK', { sdp: true }),
  callerRequest('ACK', 1),
  callerRequest('BYE', 2, { extra: ['Reason: Q.850;cause=16;text="Normal call clearing"'] }),
  responseToCaller('200 OK', 2, 'BYE'),
];

/** The start lines readSipLog should find, in order. */
export const CALL_START_LINES = [
  'INVITE sip:+15550199@203.0.113.20 SIP/2.0',
  'SIP/2.0 100 Trying',
  'SIP/2.0 200 OK',
  'ACK sip:+15550199@203.0.113.20:5060 SIP/2.0',
  'BYE sip:+15550199@203.0.113.20:5060 SIP/2.0',
  'SIP/2.0 200 OK',
];

/** Which way each message of CALL went: out = caller → carrier. */
export const CALL_DIRECTIONS = ['out', 'in', 'in', 'out', 'out', 'in'] as const;
/** Seconds after 10:00:01 at which each message of CALL was logged. */
export const CALL_OFFSETS_MS = [0, 12, 4500, 4510, 30000, 30015];

const CALLER = '192.0.2.10:5060';
const CARRIER = '203.0.113.20:5060';

/** 2026-11-24 10:00:01 plus ms, as `2026/11/24 10:00:01.123456`-style pieces. */
function clock(ms: number): { date: string; time: string; micros: string } {
  const total = 1000 + ms;
  const seconds = Math.floor(total / 1000);
  const minutes = Math.floor(seconds / 60);
  const pad = (n: number, width = 2) => n.toString().padStart(width, '0');
  return {
    date: '2026/11/24',
    time: `10:${pad(minutes)}:${pad(seconds % 60)}`,
    micros: pad((total % 1000) * 1000, 6),
  };
}

/** The message's lines (without the final empty string of its last CRLF). */
function linesOf(message: string): string[] {
  const lines = message.split('\r\n');
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

function endpoints(index: number): [string, string] {
  return CALL_DIRECTIONS[index] === 'out' ? [CALLER, CARRIER] : [CARRIER, CALLER];
}

/** Wireshark "Follow UDP Stream" copied as text: payloads back to back, LF line ends. */
export const WIRESHARK_FOLLOW = CALL.join('').replace(/\r\n/g, '\n');

/** ngrep -W byline: `U` header lines, `#` lines, each CR shown as a dot at the end of its line. */
export const NGREP_BYLINE = [
  'interface: eth0 (192.0.2.0/255.255.255.0)',
  'filter: ( port 5060 ) and ((ip || ip6) || (vlan && (ip || ip6)))',
  ...CALL.flatMap((message, index) => {
    const { date, time, micros } = clock(CALL_OFFSETS_MS[index] ?? 0);
    const [src, dst] = endpoints(index);
    return [
      '#',
      `U ${date} ${time}.${micros} ${src} -> ${dst} #${(index + 1).toString()}`,
      ...linesOf(message).map((line) => `${line}.`),
      '',
    ];
  }),
].join('\n');

/** ngrep without -W byline: each message on one line, CR LF as `..`; TCP (`T`). */
export const NGREP_SINGLE_LINE = CALL.map((message, index) => {
  const { date, time, micros } = clock(CALL_OFFSETS_MS[index] ?? 0);
  const [src, dst] = endpoints(index);
  return `T ${date} ${time}.${micros} ${src} -> ${dst} [AP]\n${message.replace(/\r\n/g, '..')}\n`;
}).join('\n');

/** sngrep saved as text: a `date time src -> dst` line, the message, a blank line. */
export const SNGREP = CALL.map((message, index) => {
  const { date, time, micros } = clock(CALL_OFFSETS_MS[index] ?? 0);
  const [src, dst] = endpoints(index);
  return `${date} ${time}.${micros.slice(0, 3)} ${src} -> ${dst}\n${message}`;
}).join('\n');

/** Asterisk `pjsip set logger on`, from the full log file (LF ends, log prefix on the header). */
export const ASTERISK_PJSIP = CALL.map((message, index) => {
  const { time, micros } = clock(CALL_OFFSETS_MS[index] ?? 0);
  const out = CALL_DIRECTIONS[index] === 'out';
  const kind = message.startsWith('SIP/2.0') ? 'response' : 'request';
  const bytes = message.length.toString();
  const what = out
    ? `<--- Received SIP ${kind} (${bytes} bytes) from UDP:${CALLER} --->`
    : `<--- Transmitting SIP ${kind} (${bytes} bytes) to UDP:${CALLER} --->`;
  return `[2026-11-24 ${time}.${micros.slice(0, 3)}] VERBOSE[24171] res_pjsip_logger.c: ${what}\n${message.replace(/\r\n/g, '\n')}`;
}).join('\n');

/** Asterisk chan_sip `sip set debug on`, from the CLI (no times), with its trailer lines. */
export const ASTERISK_CHAN_SIP = CALL.map((message, index) => {
  const out = CALL_DIRECTIONS[index] === 'out';
  const header = out
    ? `<--- SIP read from UDP:${CALLER} --->`
    : `<--- Transmitting (NAT) to ${CALLER} --->`;
  const lines = linesOf(message);
  return [
    header,
    ...lines,
    '<------------->',
    `--- (${lines.length.toString()} headers 0 lines) ---`,
    '',
  ].join('\n');
}).join('\n');

/** FreeSWITCH `sofia global siptrace on`: indented messages framed by dashes. */
export const FREESWITCH = CALL.map((message, index) => {
  const { time, micros } = clock(CALL_OFFSETS_MS[index] ?? 0);
  const out = CALL_DIRECTIONS[index] === 'out';
  const header = out
    ? `recv ${message.length.toString()} bytes from udp/[192.0.2.10]:5060 at ${time}.${micros}:`
    : `send ${message.length.toString()} bytes to udp/[192.0.2.10]:5060 at ${time}.${micros}:`;
  const rule = `   ${'-'.repeat(72)}`;
  return [header, rule, ...linesOf(message).map((line) => `   ${line}`), rule].join('\n');
}).join('\n');

/** A Kamailio-style debug log: dated lines saying what was received or sent, over TLS. */
export const KAMAILIO = CALL.map((message, index) => {
  const { time, micros } = clock(CALL_OFFSETS_MS[index] ?? 0);
  const out = CALL_DIRECTIONS[index] === 'out';
  const what = out
    ? `recv ${message.length.toString()} bytes from tls/192.0.2.10:5061`
    : `send ${message.length.toString()} bytes to tls/192.0.2.10:5061`;
  return `2026-11-24 ${time}.${micros.slice(0, 3)} sip1 kamailio[2214]: DEBUG: <core> ${what}\n${message}`;
}).join('\n');
