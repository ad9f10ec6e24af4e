/**
 * What the host page's loader (`/embed.js`) and the embedded troubleshooter say to each other.
 *
 * Both sides read every message with the readers below, which accept exactly the documented shape
 * and nothing else (unknown types, extra fields, wrong types, oversized values → null), so a page
 * from another origin that guesses the format still gets nothing through. They are hand-written
 * rather than zod schemas because they ship in the loader, which every host page downloads: see
 * docs/decisions/010-embedding.md.
 */

export const PROTOCOL = 'call-troubleshooter';
export const PROTOCOL_VERSION = 1;

/** The event the app fires in its own window for the frame script to pass to the host. */
export const FRAME_EVENT = 'call-troubleshooter:frame-event';

export const THEMES = ['light', 'dark', 'auto'] as const;
export type Theme = (typeof THEMES)[number];

/** How the widget should look; the loader reads it from the container's attributes. */
export interface Look {
  theme: Theme;
  /** The host's brand colour, `#rgb` or `#rrggbb`, or null for the troubleshooter's own. */
  accent: string | null;
}

/** Set by the loader as the frame's `name`, so it survives reloads inside the frame. */
export interface FrameConfig extends Look {
  /** The host page's origin: the only one messages go to or are taken from. */
  host: string;
  /** Names this widget in events (the container's id, or `call-troubleshooter-N`). */
  widget: string;
}

export const EVENT_TYPES = ['step', 'outcome', 'ticket-prepared', 'feedback'] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export const PAGE_KINDS = [
  'question',
  'outcome',
  'support',
  'procedure',
  'codes',
  'not-found',
] as const;
export type PageKind = (typeof PAGE_KINDS)[number];

export const TICKET_METHODS = [
  'copy-text',
  'copy-markdown',
  'download-text',
  'download-json',
  'email',
  'print',
  'send',
] as const;
export type TicketMethod = (typeof TICKET_METHODS)[number];

/**
 * The `detail` of every `call-troubleshooter:<type>` event on the host page. Content only: ids,
 * titles and answer paths. Nothing a person typed (numbers, notes, descriptions) is ever in it.
 */
export interface EventDetail {
  type: EventType;
  widget: string;
  /** What kind of page the person is on. */
  page: PageKind;
  /**
   * The tree node the event is about: the question or diagnosis shown, or on the support request
   * the diagnosis it is for; null on pages outside the tree.
   */
  nodeId: string | null;
  /** That node's title, or the page's heading when there is no node. */
  title: string;
  /**
   * The answers that lead to the node, as in the site's addresses (`/broken-audio/one-way`); on
   * pages outside the tree, the page's own address (`/codes/503`, `/procedure`, `/support`).
   */
  path: string;
  /** True in the agent view. */
  agent: boolean;
  /** When it happened, ISO 8601 in UTC. */
  timestamp: string;
  /** The path's first answer, i.e. which of the four kinds of failure; absent at the first question and outside the tree. */
  category?: string;
  /** `feedback`: whether the person said the fix worked. */
  fixed?: boolean;
  /** `ticket-prepared`: how the support request left the troubleshooter. */
  method?: TicketMethod;
}

/** Frame → host. */
export type FrameMessage =
  | { type: 'resize'; widget: string; height: number }
  /** A dialog opened at `top` (px from the frame's top): the host scrolls it into view. */
  | { type: 'reveal'; widget: string; top: number; height: number }
  | { type: 'event'; widget: string; event: EventDetail };

/** Host → frame: the look changed (the host switched to dark mode, say). */
export interface HostMessage {
  type: 'config';
  widget: string;
  theme: Theme;
  accent: string | null;
}

type Envelope<T> = T & { protocol: typeof PROTOCOL; version: typeof PROTOCOL_VERSION };

/** Wraps a message for postMessage. */
export function envelope<T extends FrameMessage | HostMessage>(message: T): Envelope<T> {
  return { protocol: PROTOCOL, version: PROTOCOL_VERSION, ...message };
}

const MAX_TEXT = 500;
const MAX_HEIGHT = 1_000_000;
/** Names the host gives its widgets (an element id, or `call-troubleshooter-N`). */
const WIDGET = /^[A-Za-z][\w-]{0,99}$/;
/** Content ids: slugs, as the content schema allows them. */
const SLUG = /^[a-z0-9][a-z0-9-]{0,99}$/;
/** Addresses inside the troubleshooter: `/broken-audio/one-way`, `/codes/603+`. */
export const PATH = /^\/[a-z0-9/+-]{0,400}$/;
const HEX = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;
const TIMESTAMP = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,3})?Z$/;

type Fields = Record<string, unknown>;

function record(value: unknown): Fields | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Fields)
    : null;
}

/** True when `value` has exactly these keys (optional ones may be missing). */
function exactKeys(value: Fields, required: readonly string[], optional: readonly string[] = []) {
  const keys = Object.keys(value);
  return (
    required.every((key) => keys.includes(key)) &&
    keys.every((key) => required.includes(key) || optional.includes(key))
  );
}

function isText(value: unknown, max = MAX_TEXT): value is string {
  return typeof value === 'string' && value.length <= max;
}

function oneOf<T extends string>(list: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (list as readonly string[]).includes(value);
}

/** A distance in pixels: a finite number, not negative. */
function isLength(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}

function isWidget(value: unknown): value is string {
  return typeof value === 'string' && WIDGET.test(value);
}

function isAccent(value: unknown): value is string | null {
  return value === null || (typeof value === 'string' && HEX.test(value));
}

function opened(data: unknown): Fields | null {
  const message = record(data);
  if (message?.protocol !== PROTOCOL || message.version !== PROTOCOL_VERSION) return null;
  return message;
}

/** An event's detail, or null. Also used to rebuild details, so no unknown field can ride along. */
export function readEventDetail(value: unknown): EventDetail | null {
  const detail = record(value);
  if (
    !detail ||
    !exactKeys(
      detail,
      ['type', 'widget', 'page', 'nodeId', 'title', 'path', 'agent', 'timestamp'],
      ['category', 'fixed', 'method'],
    )
  ) {
    return null;
  }
  const { type, widget, page, nodeId, title, path, agent, timestamp, category, fixed, method } =
    detail;
  const valid =
    oneOf(EVENT_TYPES, type) &&
    isWidget(widget) &&
    oneOf(PAGE_KINDS, page) &&
    (nodeId === null || (typeof nodeId === 'string' && SLUG.test(nodeId))) &&
    isText(title) &&
    typeof path === 'string' &&
    PATH.test(path) &&
    typeof agent === 'boolean' &&
    typeof timestamp === 'string' &&
    TIMESTAMP.test(timestamp) &&
    (category === undefined || (typeof category === 'string' && SLUG.test(category))) &&
    (fixed === undefined || typeof fixed === 'boolean') &&
    (method === undefined || oneOf(TICKET_METHODS, method));
  if (!valid) return null;
  return {
    type,
    widget,
    page,
    nodeId,
    title,
    path,
    agent,
    timestamp,
    ...(category === undefined ? {} : { category }),
    ...(fixed === undefined ? {} : { fixed }),
    ...(method === undefined ? {} : { method }),
  };
}

/** A message from the frame, as the loader accepts it; anything else is null. */
export function readFrameMessage(data: unknown): FrameMessage | null {
  const message = opened(data);
  if (!message || !isWidget(message.widget)) return null;
  const common = ['protocol', 'version', 'type', 'widget'];
  if (message.type === 'resize' && exactKeys(message, [...common, 'height'])) {
    const { height } = message;
    if (!isLength(height)) return null;
    return { type: 'resize', widget: message.widget, height: Math.min(height, MAX_HEIGHT) };
  }
  if (message.type === 'reveal' && exactKeys(message, [...common, 'top', 'height'])) {
    const { top, height } = message;
    if (!isLength(top) || !isLength(height)) return null;
    return {
      type: 'reveal',
      widget: message.widget,
      top: Math.min(top, MAX_HEIGHT),
      height: Math.min(height, MAX_HEIGHT),
    };
  }
  if (message.type === 'event' && exactKeys(message, [...common, 'event'])) {
    const event = readEventDetail(message.event);
    if (event?.widget !== message.widget) return null;
    return { type: 'event', widget: message.widget, event };
  }
  return null;
}

/** A message from the host page, as the frame accepts it; anything else is null. */
export function readHostMessage(data: unknown): HostMessage | null {
  const message = opened(data);
  if (
    message?.type !== 'config' ||
    !exactKeys(message, ['protocol', 'version', 'type', 'widget', 'theme', 'accent'])
  ) {
    return null;
  }
  const { widget, theme, accent } = message;
  if (!isWidget(widget) || !oneOf(THEMES, theme) || !isAccent(accent)) return null;
  return { type: 'config', widget, theme, accent };
}

const NAME_PREFIX = 'call-troubleshooter:';

/** The frame's `name`: its configuration, readable again after the frame reloads. */
export function frameName(config: FrameConfig): string {
  return NAME_PREFIX + JSON.stringify(config);
}

/** The configuration in a frame's `name`, or null when there is none or it is malformed. */
export function readFrameName(name: string): FrameConfig | null {
  if (!name.startsWith(NAME_PREFIX) || name.length > 2_000) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(name.slice(NAME_PREFIX.length));
  } catch {
    return null;
  }
  const config = record(parsed);
  if (!config || !exactKeys(config, ['host', 'widget', 'theme', 'accent'])) return null;
  const { host, widget, theme, accent } = config;
  if (!isText(host, 300) || !isWidget(widget) || !oneOf(THEMES, theme) || !isAccent(accent)) {
    return null;
  }
  return { host, widget, theme, accent };
}

/** A theme attribute as written by a host (`Dark`, ` light `); anything else is `auto`. */
export function readTheme(value: string | null | undefined): Theme {
  const theme = value?.trim().toLowerCase();
  return oneOf(THEMES, theme) ? theme : 'auto';
}

/** An accent attribute: a hex colour (lowercased), or null when it is anything else. */
export function readAccent(value: string | null | undefined): string | null {
  const accent = value?.trim();
  return accent && HEX.test(accent) ? accent.toLowerCase() : null;
}
