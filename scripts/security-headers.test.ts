import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  contentSecurityPolicy,
  headerOptions,
  headerRules,
  headersFor,
  netlifyHeadersFile,
  nginxConfig,
  vercelConfig,
  type HeaderRule,
} from './security-headers.ts';

const ORIGINS = ['https://help.example.net', 'http://localhost:*'];
const FRAME_ANCESTORS = "frame-ancestors 'self' https://help.example.net http://localhost:*";
const IMMUTABLE = 'public, max-age=31536000, immutable';
const SHORT_CACHE = 'public, max-age=300';

function rulesFor(base: string): HeaderRule[] {
  return headerRules({
    base,
    connectSrc: ['https://tickets.example.net'],
    frameAncestors: ORIGINS,
  });
}

/** Reads a `_headers` file back into rules, the way Netlify and Cloudflare Pages do. */
function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '' || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      rules.push({ path: line.trim(), headers: {} });
      continue;
    }
    const separator = line.indexOf(':');
    const rule = rules.at(-1);
    if (rule === undefined || separator === -1) throw new Error(`Unexpected line: ${line}`);
    rule.headers[line.slice(0, separator).trim()] = line.slice(separator + 1).trim();
  }
  return rules;
}

describe('header options', () => {
  it('allows requests to its own origin only, unless a support webhook is configured', () => {
    expect(contentSecurityPolicy()).toContain("connect-src 'self';");
    const options = headerOptions({
      provider: { supportWebhook: 'https://tickets.example.net:8443/hooks/ct?key=1' },
    });
    expect(options).toEqual({
      connectSrc: ['https://tickets.example.net:8443'],
      frameAncestors: [],
    });
    expect(contentSecurityPolicy(options)).toContain(
      "connect-src 'self' https://tickets.example.net:8443;",
    );
    expect(headerOptions({ provider: {} })).toEqual({ connectSrc: [], frameAncestors: [] });
  });

  it('takes the embed origins from the config', () => {
    expect(headerOptions({ provider: {}, embed: { allowedOrigins: ORIGINS } })).toEqual({
      connectSrc: [],
      frameAncestors: ORIGINS,
    });
  });

  it('writes frame-ancestors only when asked, always allowing the site itself', () => {
    expect(contentSecurityPolicy()).not.toContain('frame-ancestors');
    expect(contentSecurityPolicy({ frameAncestors: 'none' })).toMatch(/; frame-ancestors 'none'$/);
    expect(contentSecurityPolicy({ frameAncestors: [] })).toMatch(/; frame-ancestors 'self'$/);
    expect(contentSecurityPolicy({ frameAncestors: ORIGINS })).toMatch(
      new RegExp(`; ${FRAME_ANCESTORS.replace(/[*]/g, '\\*')}$`),
    );
  });
});

describe('header rules', () => {
  it.each(['/', '/help/ct/'])('covers pages, the embed view and caching under %s', (base) => {
    const rules = rulesFor(base);
    expect(rules.map((rule) => rule.path)).toEqual([
      `${base}*`,
      `${base}embed`,
      `${base}embed/*`,
      `${base}assets/*`,
      `${base}embed.js`,
    ]);
    const [pages, embed, embedBelow, assets, loader] = rules;
    expect(Object.keys(pages!.headers)).toEqual([
      'Content-Security-Policy',
      'X-Frame-Options',
      'X-Content-Type-Options',
      'Referrer-Policy',
      'Permissions-Policy',
    ]);
    expect(pages!.headers['Content-Security-Policy']).not.toContain('frame-ancestors');
    expect(pages!.headers['Content-Security-Policy']).toContain(
      "connect-src 'self' https://tickets.example.net;",
    );
    expect(pages!.headers['X-Frame-Options']).toBe('DENY');
    for (const rule of [embed!, embedBelow!]) {
      expect(Object.keys(rule.headers)).toEqual(['Content-Security-Policy']);
      expect(rule.headers['Content-Security-Policy']).toContain(FRAME_ANCESTORS);
      expect(rule.headers['Content-Security-Policy']).toContain(
        "connect-src 'self' https://tickets.example.net;",
      );
    }
    expect(assets!.headers).toEqual({ 'Cache-Control': IMMUTABLE });
    expect(loader!.headers).toEqual({ 'Cache-Control': SHORT_CACHE });
  });

  it('refuses a base path without its slashes', () => {
    expect(() => headerRules({ base: '/help' })).toThrow(/start and end/);
    expect(() => headerRules({ base: 'help/' })).toThrow(/start and end/);
  });
});

describe('headersFor', () => {
  const rules = rulesFor('/');

  it('forbids framing ordinary pages', () => {
    for (const path of ['/', '/broken-audio', '/agent/never-connects/sip-code', '/nope']) {
      const headers = headersFor(path, rules);
      expect(headers['X-Frame-Options']).toBe('DENY');
      expect(headers['Content-Security-Policy']).not.toContain('frame-ancestors');
      expect(headers['Cache-Control']).toBeUndefined();
    }
  });

  it('lets the allowed origins frame the embed view, adding a second policy', () => {
    for (const path of ['/embed', '/embed/', '/embed/broken-audio', '/embed/agent/x/y']) {
      const csp = headersFor(path, rules)['Content-Security-Policy'];
      expect(csp).toContain(FRAME_ANCESTORS);
      // Joined with the page policy, which has no frame-ancestors to veto framing.
      expect(csp?.startsWith(rules[0]!.headers['Content-Security-Policy']!)).toBe(true);
      expect(csp?.match(/frame-ancestors 'none'/)).toBeNull();
    }
  });

  it('caches the loader briefly and does not treat it, or look-alikes, as embed pages', () => {
    const loader = headersFor('/embed.js', rules);
    expect(loader['Cache-Control']).toBe(SHORT_CACHE);
    expect(loader['Content-Security-Policy']).not.toContain('frame-ancestors');
    expect(loader['X-Frame-Options']).toBe('DENY');
    for (const path of ['/embedded-thing', '/embed-x', '/embeds/a', '/agent/embed']) {
      expect(headersFor(path, rules)['Content-Security-Policy']).not.toContain('frame-ancestors');
    }
  });

  it('caches hashed assets for a year', () => {
    expect(headersFor('/assets/index-abc123.js', rules)['Cache-Control']).toBe(IMMUTABLE);
    expect(headersFor('/favicon.svg', rules)['Cache-Control']).toBeUndefined();
  });

  it('applies only rules under a sub-path base', () => {
    const subRules = rulesFor('/help/ct/');
    expect(
      headersFor('/help/ct/embed/broken-audio', subRules)['Content-Security-Policy'],
    ).toContain(FRAME_ANCESTORS);
    expect(headersFor('/help/ct/embed', subRules)['Content-Security-Policy']).toContain(
      FRAME_ANCESTORS,
    );
    expect(headersFor('/help/ct/broken-audio', subRules)['X-Frame-Options']).toBe('DENY');
    expect(headersFor('/embed/broken-audio', subRules)).toEqual({});
  });

  it('joins a header set by several rules, matching names case-insensitively', () => {
    const headers = headersFor('/a/b', [
      { path: '/*', headers: { 'Cache-Control': 'no-cache' } },
      { path: '/a/*', headers: { 'cache-control': 'private' } },
      { path: '/a/b', headers: { 'X-One': '1' } },
      { path: '/c', headers: { 'X-Two': '2' } },
    ]);
    expect(headers).toEqual({ 'Cache-Control': 'no-cache, private', 'X-One': '1' });
  });

  it('never lets a page outside the embed view be framed, and always lets the embed view be', () => {
    const segment = fc.string({
      unit: fc.constantFrom('e', 'm', 'b', 'd', '.', '-', 'a', '/', 'j', 's'),
      maxLength: 12,
    });
    const lookalike = fc
      .tuple(fc.constantFrom('embed', 'embed.js', 'embedded', 'agent/embed/', ''), segment)
      .map(([start, rest]) => start + rest);
    const outside = fc
      .tuple(fc.constantFrom('/', '/help/ct/'), fc.oneof(segment, lookalike))
      .filter(([, rest]) => rest !== 'embed' && !rest.startsWith('embed/'));
    fc.assert(
      fc.property(outside, ([base, rest]) => {
        const headers = headersFor(base + rest, rulesFor(base));
        expect(headers['Content-Security-Policy']).not.toContain('frame-ancestors');
        expect(headers['X-Frame-Options']).toBe('DENY');
      }),
    );
    fc.assert(
      fc.property(fc.constantFrom('/', '/help/ct/'), segment, (base, rest) => {
        const headers = headersFor(`${base}embed/${rest}`, rulesFor(base));
        expect(headers['Content-Security-Policy']).toContain(FRAME_ANCESTORS);
      }),
    );
  });
});

describe('hosting files', () => {
  it.each(['/', '/help/ct/'])(
    'writes a _headers file that reads back as the rules (%s)',
    (base) => {
      const rules = rulesFor(base);
      const text = netlifyHeadersFile(rules);
      expect(parseHeadersFile(text)).toEqual(rules);
      expect(text).toContain(`\n\n${base}embed/*\n  Content-Security-Policy: `);
      expect(text.endsWith('\n')).toBe(true);
    },
  );

  it('converts rule paths to Vercel sources', () => {
    const config = vercelConfig(rulesFor('/'), '/');
    expect(config.cleanUrls).toBe(true);
    expect(config.trailingSlash).toBe(false);
    expect(config.rewrites).toBeUndefined();
    expect(config.headers.map((entry) => entry.source)).toEqual([
      '/(.*)',
      '/embed',
      '/embed/(.*)',
      '/assets/(.*)',
      '/embed.js',
    ]);
    expect(config.headers[1]!.headers).toEqual([
      { key: 'Content-Security-Policy', value: expect.stringContaining(FRAME_ANCESTORS) as string },
    ]);
  });

  it('gives the Vercel start page its headers under a sub-path, where the slash is dropped', () => {
    const config = vercelConfig(rulesFor('/help/ct/'), '/help/ct/');
    expect(config.headers.map((entry) => entry.source)).toEqual([
      '/help/ct',
      '/help/ct/(.*)',
      '/help/ct/embed',
      '/help/ct/embed/(.*)',
      '/help/ct/assets/(.*)',
      '/help/ct/embed.js',
    ]);
    expect(config.headers[0]!.headers).toContainEqual({ key: 'X-Frame-Options', value: 'DENY' });
    expect(config.rewrites).toEqual([{ source: '/help/ct/:path*', destination: '/:path*' }]);
  });

  it.each(['/', '/help/ct/'])('writes nginx locations with complete header sets (%s)', (base) => {
    const config = nginxConfig(rulesFor(base), base);
    const locations = locationBlocks(config);
    expect([...locations.keys()]).toEqual([
      base,
      `= ${base}embed`,
      `${base}embed/`,
      `${base}assets/`,
      `= ${base}embed.js`,
      '@call_troubleshooter_embed_404',
    ]);
    for (const [location, body] of locations) {
      const headerLines = body.filter((line) => line.startsWith('add_header'));
      expect(headerLines.length).toBeGreaterThanOrEqual(5);
      for (const line of headerLines) expect(line).toMatch(/ always;$/);
      if (!location.startsWith('@')) expect(body).toContain('try_files $uri $uri/index.html =404;');
    }
    // A mistyped embed address gets the not-found page with the embed headers, so a frame shows it.
    for (const embed of [`= ${base}embed`, `${base}embed/`]) {
      expect(locations.get(embed)).toContain('error_page 404 @call_troubleshooter_embed_404;');
    }
    const notFound = locations.get('@call_troubleshooter_embed_404')!;
    expect(notFound).toContain(`try_files ${base}404.html =404;`);
    expect(notFound.join('\n')).toContain(FRAME_ANCESTORS);
    const main = locations.get(base)!.join('\n');
    expect(main).toContain('add_header X-Frame-Options "DENY" always;');
    // Pages revalidate; hashed assets and the loader keep their own caching.
    for (const page of [base, `${base}embed/`, '@call_troubleshooter_embed_404']) {
      expect(locations.get(page)).toContain('add_header Cache-Control "no-cache" always;');
    }
    expect(locations.get(`${base}assets/`)!.join('\n')).not.toContain('no-cache');
    expect(main).not.toContain('frame-ancestors');
    for (const embed of [`= ${base}embed`, `${base}embed/`]) {
      const body = locations.get(embed)!.join('\n');
      expect(body).toContain(FRAME_ANCESTORS);
      // Both policies, each on its own line: never one duplicated value.
      expect(body.match(/add_header Content-Security-Policy/g)).toHaveLength(2);
      expect(body).toContain('add_header X-Content-Type-Options "nosniff" always;');
    }
    expect(locations.get(`${base}assets/`)!.join('\n')).toContain(
      `add_header Cache-Control "${IMMUTABLE}" always;`,
    );
    const loader = locations.get(`= ${base}embed.js`)!.join('\n');
    expect(loader).toContain(`add_header Cache-Control "${SHORT_CACHE}" always;`);
    expect(loader).toContain('add_header X-Frame-Options "DENY" always;');
    expect(loader).not.toContain('frame-ancestors');
    expect(config).toContain(`error_page 404 ${base}404.html;`);
  });

  it('refuses nginx values it would interpret', () => {
    const rules = [{ path: '/*', headers: { 'X-Test': 'a $b' } }];
    expect(() => nginxConfig(rules, '/')).toThrow(/nginx/);
  });
});

/** `location` blocks by their match, each as its trimmed body lines. */
function locationBlocks(config: string): Map<string, string[]> {
  const blocks = new Map<string, string[]>();
  for (const match of config.matchAll(/^location (.+?) \{\n([\s\S]*?)^\}/gm)) {
    blocks.set(
      match[1]!,
      match[2]!
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean),
    );
  }
  return blocks;
}
