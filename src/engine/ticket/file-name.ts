import type { Ticket } from './model.ts';

/** The kinds of file a support request downloads as. */
export type TicketFileExtension = 'txt' | 'json' | 'md';

/**
 * The download name, from when the request was prepared (UTC), like
 * "support-request-20261124-1910.txt"; "support-request.txt" if `preparedAt` is not a date.
 */
export function ticketFileName(ticket: Ticket, extension: TicketFileExtension): string {
  const date = new Date(ticket.preparedAt);
  if (Number.isNaN(date.getTime())) return `support-request.${extension}`;
  const iso = date.toISOString();
  const day = iso.slice(0, 10).replaceAll('-', '');
  const time = iso.slice(11, 16).replace(':', '');
  return `support-request-${day}-${time}.${extension}`;
}
