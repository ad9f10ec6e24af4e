/**
 * Reads the text table of `tshark -q -z rtp,streams` (checked against TShark 4.0), the reference
 * the analyzer's RTP figures are compared with in tests and benchmarks. The layout is:
 *
 *     ========================= RTP Streams ========================
 *        Start time      End time     Src IP addr  Port    Dest IP addr  Port       SSRC   Payload  Pkts    Lost   Min Delta(ms)  Mean Delta(ms)   Max Delta(ms)  Min Jitter(ms) Mean Jitter(ms)  Max Jitter(ms) Problems?
 *         0.015482      2.995171      127.0.0.10 16000      127.0.0.20 16100 0xCA110000   g711U   150     0 (0.0%)  16.113  19.998  21.863  0.011  0.258  0.524
 *     ==============================================================
 *
 * The Payload column lists every payload type's name joined by ", " (so it may hold spaces), and
 * Problems? is "X" or empty. Times are seconds since the first frame of the capture.
 */

/** One row of tshark's RTP stream table. */
export interface TsharkRtpStream {
  /** First and last packet, seconds since the capture's first frame. */
  startSec: number;
  endSec: number;
  srcAddr: string;
  srcPort: number;
  dstAddr: string;
  dstPort: number;
  /** SSRC as an unsigned number. */
  ssrc: number;
  /** Payload names as printed, like 'g711U' or 'g711U, telephone-event'. */
  payload: string;
  packets: number;
  /** May be negative (duplicates). */
  lost: number;
  lostPercent: number;
  /** tshark prints -1 for the minimums when nothing was measured. */
  minDeltaMs: number;
  meanDeltaMs: number;
  maxDeltaMs: number;
  minJitterMs: number;
  meanJitterMs: number;
  maxJitterMs: number;
  /** The "X" in Problems?: a wrong sequence number or timestamp was seen. */
  problem: boolean;
}

const NUMBER = String.raw`(-?(?:\d+(?:\.\d*)?|nan|inf))`;

/** start end src sport dst dport ssrc payload pkts lost (pct%) six figures [X] */
const ROW = new RegExp(
  String.raw`^\s*(\d+\.\d+)\s+(\d+\.\d+)\s+(\S+)\s+(\d+)\s+(\S+)\s+(\d+)\s+0x([0-9A-Fa-f]{1,8})\s+(.*?)\s+(\d+)\s+(-?\d+)\s+\(${NUMBER}%\)` +
    String.raw`\s+${NUMBER}\s+${NUMBER}\s+${NUMBER}\s+${NUMBER}\s+${NUMBER}\s+${NUMBER}(?:\s+(X))?\s*$`,
  'i',
);

/** Reads a row's figures; undefined for anything that is not a stream row. */
function parseRow(line: string): TsharkRtpStream | undefined {
  const match = ROW.exec(line);
  if (match === null) return undefined;
  const text = (index: number): string => match[index] ?? '';
  const num = (index: number): number => Number.parseFloat(text(index));
  return {
    startSec: num(1),
    endSec: num(2),
    srcAddr: text(3),
    srcPort: num(4),
    dstAddr: text(5),
    dstPort: num(6),
    ssrc: Number.parseInt(text(7), 16),
    payload: text(8),
    packets: num(9),
    lost: num(10),
    lostPercent: num(11),
    minDeltaMs: num(12),
    meanDeltaMs: num(13),
    maxDeltaMs: num(14),
    minJitterMs: num(15),
    meanJitterMs: num(16),
    maxJitterMs: num(17),
    problem: match[18] !== undefined,
  };
}

/**
 * Parses the output of `tshark -q -z rtp,streams`: one entry per stream row, in the order
 * printed. Banner, header and any other lines are skipped.
 */
export function parseTsharkRtpStreams(text: string): TsharkRtpStream[] {
  const rows: TsharkRtpStream[] = [];
  for (const line of text.split(/\r?\n/)) {
    const row = parseRow(line);
    if (row !== undefined) rows.push(row);
  }
  return rows;
}
