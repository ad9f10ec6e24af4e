import { codeLabel, formatText, oneLine } from './format-text.ts';
import type { Ticket } from './model.ts';

/**
 * The longest mailto link we hand out. Several common mail clients and OS handlers truncate or
 * refuse longer ones: Outlook on Windows, some webmail handlers registered in the browser, and
 * anything that goes through the Windows ShellExecute / Internet Explorer-era URL limit of 2,083
 * characters. Staying under about 2,000 characters keeps the link working almost everywhere.
 */
export const MAILTO_MAX_LENGTH = 2000;

/** A mailto link, and whether its body holds the whole support request. */
export interface MailtoLink {
  href: string;
  /** False when the request was too long, so the body asks the person to paste the copied text. */
  complete: boolean;
}

const FALLBACK_NOTE = [
  'This support request was too long to send as an email link, so only the essentials are below.',
  'Please paste the full request text you copied from the troubleshooter into this email.',
];

/**
 * A `mailto:` link to the provider's support address with the request as subject and body,
 * percent-encoded per RFC 6068 (line breaks as %0D%0A). When the whole request would make the link
 * longer than `maxLength`, the compact request is tried; when that is too long too, the body is a short note with the one-line essentials that fit instead;
 * if not even the note fits, the link has no body (and no subject, as a last resort). A maxLength
 * shorter than `mailto:` and the address cannot be met: that bare link is returned.
 */
export function mailtoLink(ticket: Ticket, options: { maxLength?: number } = {}): MailtoLink {
  const maxLength = options.maxLength ?? MAILTO_MAX_LENGTH;
  const subject = mailSubject(ticket);
  const href = (body?: string) => mailtoHref(ticket.provider.supportEmail, subject, body);

  const full = href(formatText(ticket));
  if (full.length <= maxLength) return { href: full, complete: true };
  // Percent-encoding roughly doubles the text, so most requests need the compact form: everything
  // support acts on, without the answers (the link leads to them) or conditions that don't hold.
  const compact = href(formatText(compactTicket(ticket)));
  if (compact.length <= maxLength) return { href: compact, complete: true };

  const lines = [...FALLBACK_NOTE, ''];
  if (href(lines.join('\n')).length <= maxLength) {
    for (const line of essentials(ticket)) {
      if (href([...lines, line].join('\n')).length <= maxLength) lines.push(line);
    }
    return { href: href(lines.join('\n')), complete: false };
  }
  // Not even the note fits: a link that at least opens a message to the right address.
  const bare = href();
  return {
    href: bare.length <= maxLength ? bare : mailtoHref(ticket.provider.supportEmail),
    complete: false,
  };
}

/** The request without the wizard's answers and without the conditions that don't hold. */
export function compactTicket(ticket: Ticket): Ticket {
  return {
    ...ticket,
    diagnosis: { ...ticket.diagnosis, answers: [] },
    escalation: {
      ...ticket.escalation,
      conditions: ticket.escalation.conditions.filter((condition) => condition.holds),
    },
  };
}

/** "Support request: <outcome or category title>", or "Support request: Failed calls". */
export function mailSubject(ticket: Ticket): string {
  const { outcome, category } = ticket.diagnosis;
  const title = oneLine(outcome?.title ?? category?.title ?? '');
  return `Support request: ${title === '' ? 'Failed calls' : title}`;
}

function essentials(ticket: Ticket): string[] {
  const { outcome, category } = ticket.diagnosis;
  const diagnosis = outcome?.title ?? category?.title;
  const destination = ticket.numbers.destinations[0];
  const failedCall = ticket.failedCalls.times[0];
  const lines = [
    `Diagnosis: ${diagnosis === undefined ? 'not chosen' : oneLine(diagnosis)}`,
    `Originating number: ${oneLine(ticket.numbers.originating.e164)}`,
  ];
  if (destination) lines.push(`Destination number: ${oneLine(destination.e164)}`);
  if (failedCall) lines.push(`Failed call (UTC): ${oneLine(failedCall.utc)}`);
  if (ticket.codes.length > 0) {
    lines.push(`SIP response codes: ${ticket.codes.map(codeLabel).join(', ')}`);
  }
  return lines;
}

function mailtoHref(address: string, subject?: string, body?: string): string {
  const query: string[] = [];
  if (subject !== undefined) query.push(`subject=${encode(subject)}`);
  if (body !== undefined) query.push(`body=${encode(body)}`);
  // RFC 6068 allows "@" unencoded in the address, and some clients only understand it that way.
  const to = encode(address).replace(/%40/g, '@');
  return `mailto:${to}${query.length > 0 ? `?${query.join('&')}` : ''}`;
}

/** Percent-encodes text, with CRLF line breaks and lone surrogates replaced so it never throws. */
function encode(text: string): string {
  const wellFormed = text.replace(
    /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
    '\uFFFD',
  );
  return encodeURIComponent(wellFormed.replace(/\r\n?|\n/g, '\r\n'));
}
