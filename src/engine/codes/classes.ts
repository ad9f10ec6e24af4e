import type { SipCode } from '../schema.ts';

/** RFC 3261 §21 class names, for when the content's table lacks one. */
export const CLASS_NAMES: readonly string[] = [
  'Provisional',
  'Success',
  'Redirection',
  'Client failure',
  'Server failure',
  'Global failure',
];

/** The first digit of a code: its class (RFC 3261 §21), kept within 1–6. */
export function classOf(code: SipCode): number {
  return code === '603+' ? 6 : Math.min(6, Math.max(1, Math.floor(code / 100)));
}

/** How a code without an entry is described: by its class, like "Client failure (not a registered code)". */
export function unregisteredPhrase(className: string): string {
  return `${className} (not a registered code)`;
}
