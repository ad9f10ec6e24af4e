/**
 * The headers the built site is meant to be served with. The preview server sends them, so the
 * end-to-end tests run under the same strict Content Security Policy as production.
 */
export interface HeaderOptions {
  /** Origins the page may send requests to besides its own, like a support webhook's. */
  connectSrc?: readonly string[];
}

/** The origins to allow for `fetch`, from the content config (the optional support webhook). */
export function headerOptions(config: { provider: { supportWebhook?: string | undefined } }) {
  const webhook = config.provider.supportWebhook;
  return { connectSrc: webhook ? [new URL(webhook).origin] : [] };
}

export function contentSecurityPolicy({ connectSrc = [] }: HeaderOptions = {}): string {
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
    "frame-ancestors 'none'",
  ].join('; ');
}

export function securityHeaders(options: HeaderOptions = {}): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(options),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
  };
}
