import type { Sdp, SdpMedia } from '../types.ts';

type Direction = SdpMedia['direction'];

const DIRECTIONS: ReadonlySet<string> = new Set(['sendrecv', 'sendonly', 'recvonly', 'inactive']);
const MEDIA_LINE = /^(\S+)[ \t]+(\d{1,5})(?:\/\d+)?[ \t]+(\S+)(?:[ \t]+(.*))?$/;
const RTPMAP = /^rtpmap:[ \t]*(\d{1,3})[ \t]+([^/\s]+)\/(\d{1,9})/i;
const PAYLOAD_TYPE = /^\d{1,3}$/;

/** No space, tab or CR at either end (most SDP lines, once split on LF, but for a CR). */
function isTrimmed(line: string): boolean {
  return line.charCodeAt(0) > 0x20 && line.charCodeAt(line.length - 1) > 0x20;
}

/** A media section while it is being read: its own c= and direction, if any. */
interface MediaDraft {
  media: Omit<SdpMedia, 'connection' | 'direction'>;
  connection?: string;
  direction?: Direction;
}

/** The address of a c= value `IN IP4 <addr>[/ttl[/count]]` or `IN IP6 <addr>[/count]`. */
function connectionAddress(value: string): string | undefined {
  const [network, type, address] = value.trim().split(/[ \t]+/);
  if (network?.toUpperCase() !== 'IN' || address === undefined) return undefined;
  const addressType = type?.toUpperCase();
  if (addressType !== 'IP4' && addressType !== 'IP6') return undefined;
  const slash = address.indexOf('/');
  const bare = slash >= 0 ? address.slice(0, slash) : address;
  return bare === '' ? undefined : bare;
}

/** An index far past any payload type: writing it turns an object's elements into a dictionary. */
const FAR_INDEX = 1e9;

/**
 * An empty object for payload-type keys, kept in V8's dictionary mode: a plain `{}` given key 101
 * grows a 102-slot backing array (about 0.8 KB per m= line, held for every SDP a capture keeps).
 */
function sparseRecord<T>(): Record<number, T> {
  const record: Record<number, T | undefined> = {};
  record[FAR_INDEX] = undefined;
  // eslint-disable-next-line @typescript-eslint/no-dynamic-delete -- the point is the delete
  delete record[FAR_INDEX];
  return record as Record<number, T>;
}

/** An m= value `<media> <port>[/<count>] <proto> <fmt> …`; non-numeric formats are left out. */
function readMediaLine(value: string): MediaDraft['media'] | undefined {
  const match = MEDIA_LINE.exec(value.trim());
  if (!match) return undefined;
  const port = Number(match[2]);
  if (port > 65535) return undefined;
  const payloadTypes: number[] = [];
  for (const format of (match[4] ?? '').split(/[ \t]+/)) {
    if (!PAYLOAD_TYPE.test(format)) continue;
    const type = Number(format);
    if (type <= 127) payloadTypes.push(type);
  }
  return {
    type: match[1] ?? '',
    port,
    protocol: match[3] ?? '',
    payloadTypes,
    rtpmap: sparseRecord(),
  };
}

/** Files an a= attribute (its value, trimmed) into the media section, or the session when there is none yet. */
function readAttribute(
  attribute: string,
  draft: MediaDraft | undefined,
  session: { direction?: Direction },
): void {
  if (DIRECTIONS.has(attribute)) {
    if (draft) draft.direction = attribute as Direction;
    else session.direction = attribute as Direction;
    return;
  }
  // Only `rtpmap:` (any case) is read further: test its first letter before the regex.
  if (!draft || (attribute.charCodeAt(0) | 0x20) !== 0x72) return;
  const map = RTPMAP.exec(attribute);
  if (!map) return;
  const type = Number(map[1]);
  if (type <= 127) draft.media.rtpmap[type] = { name: map[2] ?? '', clockRate: Number(map[3]) };
}

/**
 * Reads the parts of an SDP body (RFC 8866) the analyzer uses: the session-level and media-level
 * c= addresses (IPv4 or IPv6, without a `/ttl`), each m= line (a port 0, for a disabled stream,
 * stays 0), its a=rtpmap entries, and the direction attributes (media level overrides session
 * level; sendrecv when neither says). Lines end in CRLF or LF; unknown or malformed lines are
 * skipped, and so are the attributes of a malformed m= line. Undefined when the text has
 * neither a v= nor an m= line.
 */
export function parseSdp(text: string): Sdp | undefined {
  const session: { connection?: string; direction?: Direction } = {};
  const drafts: MediaDraft[] = [];
  /** The m= section being read; null after a malformed m= line (its attributes are skipped). */
  let current: MediaDraft | null | undefined;
  let isSdp = false;
  for (const raw of text.split('\n')) {
    const line = isTrimmed(raw) ? raw : raw.trim();
    if (line.length < 2 || line.charCodeAt(1) !== 0x3d) continue;
    switch (line[0]) {
      case 'v':
        isSdp = true;
        break;
      case 'm': {
        isSdp = true;
        const media = readMediaLine(line.slice(2));
        current = media ? { media } : null;
        if (current) drafts.push(current);
        break;
      }
      case 'c': {
        const address = connectionAddress(line.slice(2));
        if (address === undefined) break;
        if (current === undefined) session.connection ??= address;
        else if (current) current.connection ??= address;
        break;
      }
      case 'a':
        if (current !== null) readAttribute(line.slice(2), current, session);
        break;
    }
  }
  if (!isSdp) return undefined;
  return finish(session, drafts);
}

/** The Sdp with each media section's connection and direction resolved. */
function finish(
  session: { connection?: string; direction?: Direction },
  drafts: MediaDraft[],
): Sdp {
  const media = drafts.map((draft): SdpMedia => {
    const connection = draft.connection ?? session.connection;
    const direction = draft.direction ?? session.direction ?? 'sendrecv';
    return connection === undefined
      ? { ...draft.media, direction }
      : { ...draft.media, connection, direction };
  });
  return session.connection === undefined ? { media } : { connection: session.connection, media };
}
