import { encodePath } from '@/engine/path-codec';

/** Every address in the app, in one place. Paths are relative to the site's base path. */
export const paths = {
  home: '/',
  procedure: '/procedure',
  /** The support request; `from` is the wizard path it is about. */
  support: (from?: string) =>
    from === undefined || from === '/' ? '/support' : `/support?from=${encodeURIComponent(from)}`,
  trail: (answerIds: readonly string[]) => encodePath(answerIds),
} as const;
