/** 'ip:port', with IPv6 addresses in brackets like Wireshark writes them: '[2001:db8::1]:5060'. */
export function endpoint(address: string, port: number): string {
  if (address === '') return '';
  return address.includes(':') ? `[${address}]:${port}` : `${address}:${port}`;
}

/**
 * Addresses that can't be reached from the internet: RFC 1918, carrier-grade NAT (RFC 6598),
 * link-local, and IPv6 unique-local (fc00::/7) and link-local (fe80::/10).
 */
export function isPrivateAddress(address: string): boolean {
  if (address.includes(':')) {
    const first = Number.parseInt(address.slice(0, address.indexOf(':')) || '0', 16);
    return (first & 0xfe00) === 0xfc00 || (first & 0xffc0) === 0xfe80;
  }
  const parts = address.split('.').map(Number);
  const [a = -1, b = -1] = parts;
  if (parts.length !== 4) return false;
  return (
    a === 10 ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    (a === 100 && b >= 64 && b <= 127) ||
    (a === 169 && b === 254)
  );
}

/** `{ time }` for evidence, or nothing when the time isn't known (a text log without times). */
export function timeField(timeUs: number | undefined): { time?: string } {
  const time = timeUs === undefined ? '' : isoTime(timeUs);
  return time === '' ? {} : { time };
}

/** ISO 8601 UTC with milliseconds, or null when the time isn't known. */
export function isoOrNull(timeUs: number): string | null {
  return isoTime(timeUs) || null;
}

/** ISO 8601 UTC with milliseconds from µs since the epoch; '' for a time that isn't one. */
export function isoTime(timeUs: number): string {
  const ms = Math.floor(timeUs / 1000);
  if (!Number.isFinite(ms) || Math.abs(ms) > 8.64e15) return '';
  return new Date(ms).toISOString();
}
