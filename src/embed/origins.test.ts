import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ORIGIN_PATTERN as SCHEMA_ORIGIN_PATTERN } from '@/engine/schema.ts';
import { ORIGIN_PATTERN, originAllowed } from './origins.ts';

describe('ORIGIN_PATTERN', () => {
  it('is the same regex as the one the content schema validates with', () => {
    expect(ORIGIN_PATTERN.source).toBe(SCHEMA_ORIGIN_PATTERN.source);
    expect(ORIGIN_PATTERN.flags).toBe(SCHEMA_ORIGIN_PATTERN.flags);
  });
});

describe('originAllowed', () => {
  const cases: [origin: string, pattern: string, allowed: boolean][] = [
    // Exact host, default port.
    ['https://help.example.com', 'https://help.example.com', true],
    ['https://help.example.com:443', 'https://help.example.com', true],
    ['https://help.example.com', 'https://help.example.com:443', true],
    ['https://help.example.com:8443', 'https://help.example.com', false],
    ['https://help.example.com', 'https://help.example.com:8443', false],
    ['https://other.example.com', 'https://help.example.com', false],
    ['https://example.com', 'https://help.example.com', false],
    ['https://x.help.example.com', 'https://help.example.com', false],
    // Explicit and any port.
    ['https://help.example.com:8443', 'https://help.example.com:8443', true],
    ['https://help.example.com:8444', 'https://help.example.com:8443', false],
    ['https://help.example.com:8443', 'https://help.example.com:*', true],
    ['https://help.example.com', 'https://help.example.com:*', true],
    ['https://help.example.com:443', 'https://help.example.com:*', true],
    ['https://help.example.com:65535', 'https://help.example.com:*', true],
    ['https://help.example.com:65536', 'https://help.example.com:*', false],
    ['https://help.example.com:*', 'https://help.example.com:*', false],
    // Subdomain wildcard.
    ['https://help.example.com', 'https://*.example.com', true],
    ['https://a.b.c.example.com', 'https://*.example.com', true],
    ['https://evil.com.example.com', 'https://*.example.com', true],
    ['https://example.com', 'https://*.example.com', false],
    ['https://example.com.evil.com', 'https://*.example.com', false],
    ['https://notexample.com', 'https://*.example.com', false],
    ['https://help.notexample.com', 'https://*.example.com', false],
    ['https://.example.com', 'https://*.example.com', false],
    ['https://help.example.com:8443', 'https://*.example.com', false],
    ['https://help.example.com:8443', 'https://*.example.com:*', true],
    ['http://help.example.com', 'https://*.example.com', false],
    ['https://*.example.com', 'https://*.example.com', false],
    // Scheme must match.
    ['http://help.example.com', 'https://help.example.com', false],
    ['https://localhost', 'http://localhost', false],
    ['http://localhost', 'https://localhost', false],
    ['wss://help.example.com', 'https://help.example.com', false],
    // Plain http for local testing.
    ['http://localhost', 'http://localhost', true],
    ['http://localhost:80', 'http://localhost', true],
    ['http://localhost:5000', 'http://localhost', false],
    ['http://localhost:5000', 'http://localhost:5000', true],
    ['http://localhost:5000', 'http://localhost:*', true],
    ['http://127.0.0.1:5173', 'http://127.0.0.1:*', true],
    ['http://127.0.0.1', 'http://localhost', false],
    ['http://[::1]:8080', 'http://[::1]:*', true],
    ['http://[::1]', 'http://[::1]', true],
    ['http://[::2]', 'http://[::1]:*', false],
    ['http://localhost.evil.com', 'http://localhost:*', false],
    // Case-insensitive scheme and host.
    ['HTTPS://Help.Example.COM', 'https://help.example.com', true],
    ['HTTPS://Help.Example.COM:8443', 'https://*.example.com:*', true],
    ['http://LOCALHOST:3000', 'http://localhost:*', true],
    // Not an origin.
    ['null', 'https://help.example.com', false],
    ['', 'https://help.example.com', false],
    ['https://help.example.com.', 'https://help.example.com', false],
    ['https://help.example.com/', 'https://help.example.com', false],
    ['https://help.example.com/path', 'https://help.example.com', false],
    ['https://user@help.example.com', 'https://help.example.com', false],
    ['https://help.example.com:', 'https://help.example.com', false],
    ['https://help..example.com', 'https://help.example.com', false],
    [' https://help.example.com', 'https://help.example.com', false],
    ['help.example.com', 'https://help.example.com', false],
    // Patterns that fail ORIGIN_PATTERN match nothing.
    ['https://help.example.com', 'https://Help.Example.com', false],
    ['https://help.example.com', 'https://help.example.com/', false],
    ['https://help.example.com', 'https://help.example.com.', false],
    ['https://help.example.com', 'help.example.com', false],
    ['https://help.example.com', '*', false],
    ['https://help.example.com', 'https://*', false],
    ['https://help.example.com', 'https://*.*.com', false],
    ['https://help.example.com', 'https://help.*.com', false],
    ['http://help.example.com', 'http://help.example.com', false],
    ['http://help.example.com', 'http://*.example.com', false],
    ['null', 'null', false],
  ];

  it.each(cases)('%s against %s → %s', (origin, pattern, allowed) => {
    expect(originAllowed(origin, [pattern])).toBe(allowed);
  });

  it('allows an origin when any pattern matches, and nothing for no patterns', () => {
    const patterns = ['https://help.example.com', 'https://*.example.org', 'http://localhost:*'];
    expect(originAllowed('https://docs.example.org', patterns)).toBe(true);
    expect(originAllowed('http://localhost:4173', patterns)).toBe(true);
    expect(originAllowed('https://docs.example.net', patterns)).toBe(false);
    expect(originAllowed('https://help.example.com', [])).toBe(false);
    expect(originAllowed('https://help.example.com', ['bad', 'https://help.example.com'])).toBe(
      true,
    );
  });

  const label = fc.stringMatching(/^[a-z0-9-]{1,20}$/);
  const hostname = fc.array(label, { minLength: 1, maxLength: 5 }).map((l) => l.join('.'));
  const port = fc.integer({ min: 0, max: 65535 });

  it('matches any port of a host with :*, and never another scheme', () => {
    fc.assert(
      fc.property(hostname, port, (host, p) => {
        expect(originAllowed(`https://${host}:${p}`, [`https://${host}:*`])).toBe(true);
        expect(originAllowed(`http://${host}:${p}`, [`https://${host}:*`])).toBe(false);
      }),
    );
  });

  const anyText = fc.oneof(
    fc.string(),
    fc.string({ unit: 'binary' }),
    fc.stringMatching(/^[hH][tT][tT][pP][sS]?:\/\/[a-zA-Z0-9.*[\]:-]{0,30}$/),
  );

  it('never throws, whatever the strings', () => {
    fc.assert(
      fc.property(anyText, fc.array(anyText), (origin, patterns) => {
        expect(typeof originAllowed(origin, patterns)).toBe('boolean');
      }),
    );
  });
});
