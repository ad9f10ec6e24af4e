import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, headerOptions } from './security-headers.ts';

describe('security headers', () => {
  it('allows requests to its own origin only, unless a support webhook is configured', () => {
    expect(contentSecurityPolicy()).toContain("connect-src 'self';");
    const options = headerOptions({
      provider: { supportWebhook: 'https://tickets.example.net:8443/hooks/ct?key=1' },
    });
    expect(options).toEqual({ connectSrc: ['https://tickets.example.net:8443'] });
    expect(contentSecurityPolicy(options)).toContain(
      "connect-src 'self' https://tickets.example.net:8443;",
    );
    expect(headerOptions({ provider: {} })).toEqual({ connectSrc: [] });
  });
});
