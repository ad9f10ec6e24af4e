const SCHEME = /^(?:sips?|tel):/i;

/** The index of `char` in `text`, or its length when absent. */
function cutAt(text: string, char: string): number {
  const index = text.indexOf(char);
  return index >= 0 ? index : text.length;
}

/** The host of a `host[:port][;params]` (an IPv6 reference keeps its brackets). */
function hostOnly(hostPort: string): string {
  if (hostPort.startsWith('[')) {
    const close = hostPort.indexOf(']');
    return close >= 0 ? hostPort.slice(0, close + 1) : hostPort;
  }
  return hostPort.slice(0, Math.min(cutAt(hostPort, ':'), cutAt(hostPort, ';')));
}

/** `user@host` of a sip:/sips:/tel: URI without its scheme, password, port, params and headers. */
function userAtHost(uri: string): string {
  const rest = uri.replace(SCHEME, '');
  const noHeaders = rest.slice(0, cutAt(rest, '?'));
  const at = noHeaders.lastIndexOf('@');
  const host = hostOnly(noHeaders.slice(at + 1));
  if (at < 0) return host;
  const userInfo = noHeaders.slice(0, at);
  const user = userInfo.slice(0, Math.min(cutAt(userInfo, ':'), cutAt(userInfo, ';')));
  return `${user}@${host}`;
}

/**
 * The `user@host` of a From/To (or Contact) header value: the URI in angle brackets, else the
 * value's first word when it starts with a scheme. The display name, parameters, password and
 * port are dropped, and so is a `sip:`, `sips:` or `tel:` scheme (`tel:+15550100` →
 * `+15550100`); a URI of another scheme comes back whole (`urn:service:sos`). A value without a
 * URI comes back trimmed.
 *
 * `"Alice" <sip:alice@example.com:5060;transport=tcp>;tag=1` → `alice@example.com`.
 */
export function sipUser(header: string): string {
  const value = header.trim();
  const open = value.indexOf('<');
  if (open >= 0) {
    const close = value.indexOf('>', open);
    const uri = value.slice(open + 1, close >= 0 ? close : value.length).trim();
    if (uri !== '') return SCHEME.test(uri) ? userAtHost(uri) : uri;
  }
  if (SCHEME.test(value)) return userAtHost(value.split(/[\s,]/, 1)[0] ?? value);
  return value;
}
