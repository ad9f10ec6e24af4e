import { encodePath } from '@/engine/path-codec';

/** Every address in the app, in one place. Paths are relative to the site's base path. */
export const paths = {
  home: '/',
  procedure: '/procedure',
  /** The support request; `from` is the wizard path it is about. */
  support: (from?: string) =>
    from === undefined || from === '/' ? '/support' : `/support?from=${encodeURIComponent(from)}`,
  trail: (answerIds: readonly string[]) => encodePath(answerIds),
  /** The SIP code reference; `filter` prefills its filter box. */
  codes: (filter?: string) =>
    filter === undefined || filter === '' ? '/codes' : `/codes?q=${encodeURIComponent(filter)}`,
  /** One code's page (`/codes/503`, `/codes/603+`) or a class page (`/codes/4xx`). */
  code: (segment: string | number) => `/codes/${String(segment)}`,
  /** Reads a packet capture or SIP text in the browser. */
  analyze: '/analyze',
  /** The start page with the paste box focused. */
  paste: '/#paste',
  /** The start page with the symptom search focused. */
  search: '/#search',
} as const;
