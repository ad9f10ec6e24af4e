import { encodePath } from '@/engine/path-codec';

/** Every address in the app, in one place. Paths are relative to the site's base path. */
export const paths = {
  home: '/',
  procedure: '/procedure',
  trail: (answerIds: readonly string[]) => encodePath(answerIds),
} as const;
