/**
 * Which host pages may embed the troubleshooter. The loader script runs on the host page and checks
 * `location.origin` (and the frame checks `MessageEvent.origin`) against the configured
 * `embed.allowedOrigins` patterns, so the check must be small, exact and never throw.
 */

/**
 * A copy of ORIGIN_PATTERN in src/engine/schema.ts (the loader must not pull in the schema and
 * zod). origins.test.ts fails if the two drift apart. Patterns are lowercase by construction.
 */
export const ORIGIN_PATTERN =
  /^(?:https:\/\/(?:\*\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*|http:\/\/(?:localhost|127\.0\.0\.1|\[::1\]))(?::(?:\d{1,5}|\*))?$/;

/**
 * Splits an origin or a pattern into scheme, wildcard prefix, host and port (case-insensitive, so
 * the origin's case does not matter). A trailing dot, a path, user info or an empty label fail.
 */
const PARTS = /^(https?):\/\/(\*\.)?([a-z0-9-]+(?:\.[a-z0-9-]+)*|\[::1\])(?::(\d{1,5}|\*))?$/i;

const DEFAULT_PORT: Record<string, string> = { http: '80', https: '443' };

/**
 * Whether `origin` (as `location.origin` or `MessageEvent.origin` gives it) matches one of the
 * allowed-origin `patterns`:
 * - `https://help.example.com` matches only that host on the default port;
 * - `https://*.example.com` matches any subdomain at any depth, not example.com itself;
 * - `:8443` matches that port, `:*` any port (the default one too);
 * - `https://x` and `https://x:443` are the same origin (and `:80` for http).
 * Scheme and host compare case-insensitively. Patterns that fail ORIGIN_PATTERN match nothing, and
 * an opaque origin (`null`) or any other garbage is never allowed.
 */
export function originAllowed(origin: string, patterns: readonly string[]): boolean {
  const o = PARTS.exec(origin);
  if (!o || o[2] || o[4] === '*') return false;
  const scheme = (o[1] ?? '').toLowerCase();
  const host = (o[3] ?? '').toLowerCase();
  const port = Number(o[4] ?? DEFAULT_PORT[scheme]);
  if (port > 65535) return false;

  return patterns.some((pattern) => {
    const p = ORIGIN_PATTERN.test(pattern) ? PARTS.exec(pattern) : null;
    if (p?.[1] !== scheme) return false;
    const hostMatches = p[2] ? host.endsWith('.' + (p[3] ?? '')) : host === p[3];
    const portMatches = p[4] === '*' || Number(p[4] ?? DEFAULT_PORT[scheme]) === port;
    return hostMatches && portMatches;
  });
}
