import type { Sdp } from '../types.ts';
import { parseSdp } from './sdp.ts';

/**
 * How a body may hold SDP, by its Content-Type: 'sdp' (application/sdp), 'multipart' (look for an
 * application/sdp part), 'sniff' (no Content-Type: SDP when the body starts with `v=0`) or 'none'.
 */
export type SdpBodyKind = 'sdp' | 'multipart' | 'sniff' | 'none';

/** The media type of a Content-Type value, lower-cased, without parameters. */
function mediaType(contentType: string): string {
  const semicolon = contentType.indexOf(';');
  return (semicolon >= 0 ? contentType.slice(0, semicolon) : contentType).trim().toLowerCase();
}

/** How a body with this Content-Type (undefined: none) may hold SDP. */
export function sdpBodyKind(contentType: string | undefined): SdpBodyKind {
  if (contentType === undefined) return 'sniff';
  const type = mediaType(contentType);
  if (type === 'application/sdp') return 'sdp';
  return type.startsWith('multipart/') ? 'multipart' : 'none';
}

const BOUNDARY = /;[ \t]*boundary[ \t]*=[ \t]*(?:"([^"]*)"|([^;\s]+))/i;
/** Nested multiparts are followed this deep. */
const MAX_DEPTH = 3;

/** The lines of each part of a multipart body, or [] when the boundary never shows. */
function multipartParts(lines: readonly string[], boundary: string): string[][] {
  const delimiter = `--${boundary}`;
  const parts: string[][] = [];
  let part: string[] | undefined;
  for (const line of lines) {
    const trimmed = line.trimEnd();
    if (trimmed === delimiter || trimmed === `${delimiter}--`) {
      if (part) parts.push(part);
      if (trimmed !== delimiter) return parts;
      part = [];
    } else {
      part?.push(line);
    }
  }
  if (part) parts.push(part);
  return parts;
}

/** The boundary a Content-Type names, else the one the body's first `--` line shows. */
function boundaryOf(contentType: string | undefined, lines: readonly string[]): string | undefined {
  const match = contentType === undefined ? null : BOUNDARY.exec(contentType);
  const named = match?.[1] ?? match?.[2];
  if (named !== undefined && named !== '') return named;
  const first = lines.find((line) => line.trim() !== '');
  return first?.startsWith('--') ? first.trim().slice(2) : undefined;
}

/** The SDP of the first application/sdp part of a multipart body (nested ones included). */
function multipartSdp(
  contentType: string | undefined,
  body: string,
  depth: number,
): Sdp | undefined {
  const lines = body.split('\n').map((line) => (line.endsWith('\r') ? line.slice(0, -1) : line));
  const boundary = boundaryOf(contentType, lines);
  if (boundary === undefined || depth > MAX_DEPTH) return undefined;
  for (const part of multipartParts(lines, boundary)) {
    const blank = part.findIndex((line) => line.trim() === '');
    const headers = blank >= 0 ? part.slice(0, blank) : [];
    const content = (blank >= 0 ? part.slice(blank + 1) : part).join('\r\n');
    const typeLine = headers.find((line) => /^(?:content-type|c)[ \t]*:/i.test(line));
    const type = typeLine?.slice(typeLine.indexOf(':') + 1).trim();
    const sdp = sdpOf(type, content, depth + 1);
    if (sdp) return sdp;
  }
  return undefined;
}

/** The SDP of a body, at a multipart nesting depth. */
function sdpOf(contentType: string | undefined, body: string, depth: number): Sdp | undefined {
  switch (sdpBodyKind(contentType)) {
    case 'sdp':
      return parseSdp(body);
    case 'multipart':
      return multipartSdp(contentType, body, depth);
    case 'sniff':
      return body.trimStart().startsWith('v=0') ? parseSdp(body) : undefined;
    case 'none':
      return undefined;
  }
}

/**
 * The SDP a message body carries: the body itself when Content-Type is application/sdp
 * (parameters ignored), or when there is no Content-Type and the body starts with `v=0`; in a
 * multipart body (multipart/mixed, nested ones too), its first application/sdp part.
 */
export function sdpOfBody(contentType: string | undefined, body: string): Sdp | undefined {
  return sdpOf(contentType, body, 0);
}
