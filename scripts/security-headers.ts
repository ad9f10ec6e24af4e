/**
 * The headers the built site is meant to be served with, as one list of path rules that every
 * hosting format is generated from: `vite preview` (so the end-to-end tests run under the
 * production Content Security Policy), Netlify and Cloudflare Pages (`_headers`), Vercel
 * (`vercel.json`) and nginx. Pure: nothing here touches the file system.
 *
 * The rules follow `_headers` semantics, the least forgiving of the formats: EVERY rule whose path
 * matches applies, and two matching rules that set the same header have their values joined with
 * ", " (two CSP headers are two policies, both enforced). So the catch-all rule must not carry a
 * `frame-ancestors` directive, or it would also forbid framing the embed view. Instead:
 *
 * - every page gets the CSP without `frame-ancestors`, plus `X-Frame-Options: DENY`;
 * - the embed view (`<base>embed` and everything under `<base>embed/`) additionally gets the CSP
 *   with `frame-ancestors 'self' <allowed origins>`. Browsers ignore `X-Frame-Options` when an
 *   enforced CSP has `frame-ancestors`, and whether a host joins the two CSPs (two policies, the
 *   same except for framing) or lets the later one win, the embed page may be framed by exactly
 *   the allowed origins.
 */

/** Origins and paths the rules are built from. */
export interface HeaderOptions {
  /** Origins the page may send requests to besides its own, like a support webhook's. */
  connectSrc?: readonly string[];
  /**
   * Origins that may show the page in a frame besides its own (`'self'` is always added), or
   * `'none'` for no framing at all. Left out, the CSP has no `frame-ancestors` directive.
   */
  frameAncestors?: readonly string[] | 'none' | undefined;
}

/** One `_headers`-style rule: a path (exact, or a prefix ending in `/*`) and the headers it adds. */
export interface HeaderRule {
  path: string;
  headers: Record<string, string>;
}

/** What {@link headerRules} needs: the site's base path and the content config's origins. */
export interface HeaderRuleOptions {
  /** The site's base path: `/` or a sub-path like `/help/call-troubleshooter/`. */
  base: string;
  /** Origins the page may send requests to besides its own, like a support webhook's. */
  connectSrc?: readonly string[];
  /** Origins that may frame the embed view besides the site itself. */
  frameAncestors?: readonly string[];
}

/** Hashed file names never change content: browsers may keep them for a year. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** The embed loader keeps its name across releases: a short cache lets help centers pick up fixes. */
const SHORT_CACHE = 'public, max-age=300';

/**
 * The origins the content config opens up: the support webhook's for `fetch`, and the sites
 * allowed to embed the troubleshooter.
 */
export function headerOptions(config: {
  provider: { supportWebhook?: string | undefined };
  embed?: { allowedOrigins: readonly string[] };
}): { connectSrc: string[]; frameAncestors: string[] } {
  const webhook = config.provider.supportWebhook;
  return {
    connectSrc: webhook ? [new URL(webhook).origin] : [],
    frameAncestors: [...(config.embed?.allowedOrigins ?? [])],
  };
}

/**
 * The site's Content Security Policy. The app needs no inline scripts or styles, so everything is
 * limited to its own origin; `frameAncestors` decides whether (and which) `frame-ancestors`
 * directive is added.
 */
export function contentSecurityPolicy({
  connectSrc = [],
  frameAncestors,
}: HeaderOptions = {}): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    ["connect-src 'self'", ...connectSrc].join(' '),
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    ...frameAncestorsDirective(frameAncestors),
  ].join('; ');
}

function frameAncestorsDirective(frameAncestors: HeaderOptions['frameAncestors']): string[] {
  if (frameAncestors === undefined) return [];
  if (frameAncestors === 'none') return ["frame-ancestors 'none'"];
  return [["frame-ancestors 'self'", ...frameAncestors].join(' ')];
}

function commonHeaders(): Record<string, string> {
  return {
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
  };
}

/**
 * Every header rule of the site, in `_headers` order: all pages (never framed), the embed view
 * (framed by the allowed origins), long-term caching for hashed assets, a short cache for the
 * fixed-name embed loader. See the module comment for why framing is split this way.
 */
export function headerRules({
  base,
  connectSrc = [],
  frameAncestors = [],
}: HeaderRuleOptions): HeaderRule[] {
  assertBasePath(base);
  const embedPolicy = () => ({
    'Content-Security-Policy': contentSecurityPolicy({ connectSrc, frameAncestors }),
  });
  return [
    {
      path: `${base}*`,
      headers: {
        'Content-Security-Policy': contentSecurityPolicy({ connectSrc }),
        'X-Frame-Options': 'DENY',
        ...commonHeaders(),
      },
    },
    { path: `${base}embed`, headers: embedPolicy() },
    { path: `${base}embed/*`, headers: embedPolicy() },
    { path: `${base}assets/*`, headers: { 'Cache-Control': IMMUTABLE } },
    { path: `${base}embed.js`, headers: { 'Cache-Control': SHORT_CACHE } },
  ];
}

function assertBasePath(base: string): void {
  if (!base.startsWith('/') || !base.endsWith('/')) {
    throw new Error(`The base path must start and end with "/", like /help/ct/ (got "${base}")`);
  }
}

/**
 * The headers a request for `pathname` gets under Netlify and Cloudflare Pages semantics: every
 * matching rule applies in order, and a header set by several rules (names compared
 * case-insensitively) gets their values joined with ", ". Used by `vite preview` and to compute
 * the complete header set of each nginx location. This is Cloudflare's matching; netlify-cli's
 * is looser (case-insensitive, and `/embed/*` becomes `^/embed/?(.*)/?$`, which also matches
 * `/embed`, `/embed.js` and `/embedded`): harmless while no page's address starts with `embed`.
 */
export function headersFor(pathname: string, rules: readonly HeaderRule[]): Record<string, string> {
  return Object.fromEntries(
    matchingHeaders(pathname, rules).map(({ name, values }) => [name, values.join(', ')]),
  );
}

/** Each header the matching rules set, under its first spelling, with every value in rule order. */
function matchingHeaders(
  pathname: string,
  rules: readonly HeaderRule[],
): { name: string; values: string[] }[] {
  const merged = new Map<string, { name: string; values: string[] }>();
  for (const rule of rules) {
    if (!rulePathMatches(rule.path, pathname)) continue;
    for (const [name, value] of Object.entries(rule.headers)) {
      const entry = merged.get(name.toLowerCase());
      if (entry) entry.values.push(value);
      else merged.set(name.toLowerCase(), { name, values: [value] });
    }
  }
  return [...merged.values()];
}

/**
 * `/a/*` matches `/a/` and everything below it (not `/a` itself); any other path matches exactly,
 * with or without a trailing slash. Only a trailing `/*` splat is supported.
 */
function rulePathMatches(rulePath: string, pathname: string): boolean {
  const prefix = splatPrefix(rulePath);
  if (prefix !== undefined) return pathname.startsWith(prefix);
  return pathname === rulePath || pathname === `${rulePath}/`;
}

/** `/a/` for `/a/*`; undefined for an exact path. Throws on a `*` anywhere else. */
function splatPrefix(rulePath: string): string | undefined {
  const star = rulePath.indexOf('*');
  if (star === -1) return undefined;
  if (!rulePath.endsWith('/*') || star !== rulePath.length - 1) {
    throw new Error(`Unsupported header rule path "${rulePath}": only a trailing /* is allowed`);
  }
  return rulePath.slice(0, -1);
}

/**
 * The `_headers` file Netlify and Cloudflare Pages read from the published folder: each rule's
 * path, its headers indented by two spaces, a blank line between rules.
 */
export function netlifyHeadersFile(rules: readonly HeaderRule[]): string {
  const blocks = rules.map((rule) =>
    [
      singleLine(rule.path),
      ...Object.entries(rule.headers).map(
        ([name, value]) => `  ${singleLine(name)}: ${singleLine(value)}`,
      ),
    ].join('\n'),
  );
  return `${blocks.join('\n\n')}\n`;
}

function singleLine(text: string): string {
  if (/[\r\n]/.test(text))
    throw new Error(`A header rule cannot span lines: ${JSON.stringify(text)}`);
  return text;
}

/** The shape of the `vercel.json` {@link vercelConfig} writes. */
export interface VercelConfig {
  cleanUrls: true;
  trailingSlash: false;
  rewrites?: { source: string; destination: string }[];
  headers: { source: string; headers: { key: string; value: string }[] }[];
}

/**
 * A `vercel.json` for the built site. Vercel applies every `headers` entry whose source matches,
 * and a later entry overrides an earlier one's header of the same key (no joining): for these
 * rules that gives the same result, because the embed view's CSP replacing the page CSP is as
 * good as both being enforced, and `X-Frame-Options` is ignored once `frame-ancestors` is set.
 *
 * Under a sub-path base two things are added. `trailingSlash: false` redirects `<base>` to
 * `<base>` without its slash, which `<base>(.*)` does not match, so that address gets the start
 * page's headers explicitly. And a rewrite maps `<base>…` onto the deployed folder's root, for
 * when `dist/` itself is deployed (Vercel checks the file system first, so it is harmless when the
 * files already sit under the sub-path).
 */
export function vercelConfig(rules: readonly HeaderRule[], base: string): VercelConfig {
  assertBasePath(base);
  const entries = rules.map((rule) => ({
    source: vercelSource(rule.path),
    headers: vercelHeaders(rule.headers),
  }));
  if (base === '/') return { cleanUrls: true, trailingSlash: false, headers: entries };
  const baseWithoutSlash = base.slice(0, -1);
  return {
    cleanUrls: true,
    trailingSlash: false,
    rewrites: [{ source: `${baseWithoutSlash}/:path*`, destination: '/:path*' }],
    headers: [
      { source: baseWithoutSlash, headers: vercelHeaders(headersFor(base, rules)) },
      ...entries,
    ],
  };
}

/** `_headers` path to Vercel's path-to-regexp: `/embed/*` → `/embed/(.*)`, `/*` → `/(.*)`. */
function vercelSource(rulePath: string): string {
  const prefix = splatPrefix(rulePath);
  return prefix === undefined ? rulePath : `${prefix}(.*)`;
}

function vercelHeaders(headers: Record<string, string>): { key: string; value: string }[] {
  return Object.entries(headers).map(([key, value]) => ({ key, value }));
}

/**
 * nginx `location` blocks for the built site, to paste inside a `server` block whose `root` holds
 * `<base>` (so `dist/` sits at `$document_root<base>`). An `add_header` in a location REPLACES
 * every inherited one rather than adding to it, so each location lists its complete, final header
 * set: what {@link headersFor} gives a path it serves, each with `always` so 404s carry them too.
 * A header several rules set (the embed view's two policies) is sent as one line per distinct
 * value, which HTTP treats the same as the values joined with ", ". A `/*` rule becomes a prefix
 * location, any other path an exact (`=`) one, so `<base>embed.js` and `<base>embedded` are not
 * embed pages.
 */
export function nginxConfig(rules: readonly HeaderRule[], base: string): string {
  assertBasePath(base);
  const lines = [
    '# Generated from scripts/security-headers.ts (npm run hosting:nginx). Each location lists',
    '# every header it sends: add_header in a location drops the server-level ones.',
    `error_page 404 ${base}404.html;`,
    '',
    ...rules.flatMap((rule) => [...nginxLocation(rule, rules, base), '']),
    ...embedNotFound(rules, base),
  ];
  return lines.join('\n');
}

const EMBED_NOT_FOUND = '@call_troubleshooter_embed_404';

/**
 * A mistyped `/embed/…` address inside a help center's frame: the not-found page (with its way
 * back) must be sent with the embed headers, or the browser refuses to show it in the frame.
 */
function embedNotFound(rules: readonly HeaderRule[], base: string): string[] {
  return [
    `location ${EMBED_NOT_FOUND} {`,
    `    try_files ${base}404.html =404;`,
    ...nginxHeaders(`${base}embed/`, rules),
    '}',
    '',
  ];
}

/**
 * The add_header lines for requests to `path`. Pages (anything the rules give no Cache-Control)
 * are sent `no-cache`, so browsers revalidate them after every content change: Netlify, Cloudflare
 * Pages and Vercel do that by default; nginx would leave it to the browser's guess.
 */
function nginxHeaders(path: string, rules: readonly HeaderRule[]): string[] {
  const headers = matchingHeaders(path, rules);
  const cached = headers.some(({ name }) => name.toLowerCase() === 'cache-control');
  return [...headers, ...(cached ? [] : [{ name: 'Cache-Control', values: ['no-cache'] }])].flatMap(
    ({ name, values }) =>
      [...new Set(values)].map((value) => `    add_header ${name} ${nginxString(value)} always;`),
  );
}

function nginxLocation(rule: HeaderRule, rules: readonly HeaderRule[], base: string): string[] {
  const prefix = splatPrefix(rule.path);
  const match = prefix ?? `= ${rule.path}`;
  // A path this location serves, so the rules give exactly what its requests should get.
  const representative = prefix ?? rule.path;
  const embed = rule.path === `${base}embed` || rule.path === `${base}embed/*`;
  return [
    `location ${match} {`,
    '    try_files $uri $uri/index.html =404;',
    ...(embed ? [`    error_page 404 ${EMBED_NOT_FOUND};`] : []),
    ...nginxHeaders(representative, rules),
    '}',
  ];
}

/** A double-quoted nginx string; refuses what it would interpret (`$` variables, escapes). */
function nginxString(value: string): string {
  if (/["\\$\r\n]/.test(value)) {
    throw new Error(`Header value cannot be written safely for nginx: ${JSON.stringify(value)}`);
  }
  return `"${value}"`;
}
