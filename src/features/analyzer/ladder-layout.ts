import type { LadderMessage } from '@/analyzer/report';

/** Messages drawn at most; the table below the picture lists them all. */
export const LADDER_MAX_MESSAGES = 60;

/** Room on the left for each message's time. */
export const LADDER_TIME_WIDTH = 104;
/** Room at the top for the endpoints' names. */
export const LADDER_HEADER = 44;
export const LADDER_ROW = 34;

export interface LadderLane {
  endpoint: string;
  x: number;
}

export interface LadderRow {
  frame: number;
  time: string | null;
  /** Where the arrow is drawn; its label sits just above. */
  y: number;
  x1: number;
  x2: number;
  label: string;
  sdp: boolean;
  retransmission: boolean;
}

export interface LadderLayout {
  width: number;
  height: number;
  lanes: LadderLane[];
  rows: LadderRow[];
  /** Messages left out of the picture. */
  hidden: number;
}

/**
 * Lays out a call's messages as a ladder: one vertical line per endpoint, in the order they first
 * appear (so the caller is on the left), and one arrow per message, top to bottom.
 */
export function layoutLadder(
  messages: readonly LadderMessage[],
  max = LADDER_MAX_MESSAGES,
): LadderLayout {
  const shown = messages.slice(0, max);
  const endpoints: string[] = [];
  for (const message of shown) {
    for (const endpoint of [message.src, message.dst]) {
      if (!endpoints.includes(endpoint)) endpoints.push(endpoint);
    }
  }
  const longest = Math.max(0, ...endpoints.map((endpoint) => endpoint.length));
  const longestLabel = Math.max(0, ...shown.map((message) => message.label.length + 6));
  // Wide enough for the endpoint names and the labels at about 7 px a character, within reason.
  const gap = Math.min(320, Math.max(170, Math.max(longest, longestLabel) * 7 + 24));
  const lanes = endpoints.map((endpoint, index) => ({
    endpoint,
    x: LADDER_TIME_WIDTH + gap / 2 + index * gap,
  }));
  const xOf = (endpoint: string) =>
    lanes.find((lane) => lane.endpoint === endpoint)?.x ?? LADDER_TIME_WIDTH;
  const rows = shown.map((message, index) => ({
    frame: message.frame,
    time: message.time,
    y: LADDER_HEADER + (index + 1) * LADDER_ROW,
    x1: xOf(message.src),
    x2: xOf(message.dst),
    label: message.label,
    sdp: message.sdp,
    retransmission: message.retransmission,
  }));
  return {
    width: LADDER_TIME_WIDTH + Math.max(1, lanes.length) * gap,
    height: LADDER_HEADER + (rows.length + 1) * LADDER_ROW,
    lanes,
    rows,
    hidden: messages.length - shown.length,
  };
}
