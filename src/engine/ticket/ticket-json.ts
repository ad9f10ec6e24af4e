import {
  TICKET_FORMAT,
  TICKET_FORMAT_VERSION,
  type PhoneNumberValue,
  type Ticket,
} from './model.ts';

/**
 * The support request as JSON, for support desks and tools that read it (docs/support-request.md).
 * The zod schema that describes it lives in ticket-json-schema.ts, so this file stays free of zod
 * and can ship to the browser.
 */

/** The JSON document: the ticket's data, preceded by the format name and version. */
export type TicketJson = {
  format: typeof TICKET_FORMAT;
  version: typeof TICKET_FORMAT_VERSION;
} & Ticket;

/**
 * The document with its keys in the documented order, built field by field so that nothing but the
 * documented fields gets in, and absent optional fields are left out rather than set to null.
 */
function ticketJsonDocument(ticket: Ticket): TicketJson {
  const { diagnosis, numbers, failedCalls, escalation } = ticket;
  return {
    format: TICKET_FORMAT,
    version: TICKET_FORMAT_VERSION,
    preparedAt: ticket.preparedAt,
    brand: ticket.brand,
    provider: { name: ticket.provider.name, supportEmail: ticket.provider.supportEmail },
    diagnosis: {
      ...(diagnosis.category && { category: idTitle(diagnosis.category) }),
      ...(diagnosis.outcome && { outcome: idTitle(diagnosis.outcome) }),
      answers: diagnosis.answers.map(({ question, answer }) => ({ question, answer })),
      ...(diagnosis.link !== undefined && { link: diagnosis.link }),
    },
    numbers: {
      originating: phoneNumber(numbers.originating),
      destinations: numbers.destinations.map(phoneNumber),
    },
    failedCalls: {
      timeZone: failedCalls.timeZone,
      times: failedCalls.times.map(({ utc, local, timeZone, offset }) => ({
        utc,
        local,
        timeZone,
        offset,
      })),
    },
    codes: ticket.codes.map((code) => ({
      code: code.code,
      phrase: code.phrase,
      known: code.known,
      class: code.class,
    })),
    errorText: ticket.errorText,
    ...(ticket.frequency && {
      frequency: { id: ticket.frequency.id, label: ticket.frequency.label },
    }),
    ...(ticket.product && { product: { id: ticket.product.id, label: ticket.product.label } }),
    description: ticket.description,
    tried: ticket.tried.map(({ id, text, source }) => ({ id, text, source })),
    escalation: {
      verdict: escalation.verdict,
      headline: escalation.headline,
      cautions: [...escalation.cautions],
      conditions: escalation.conditions.map(({ id, text, holds, reason }) => ({
        id,
        text,
        holds,
        reason,
      })),
    },
  };
}

/** The JSON export: the document, indented by two spaces, with a final newline. */
export function ticketToJson(ticket: Ticket): string {
  return `${JSON.stringify(ticketJsonDocument(ticket), null, 2)}\n`;
}

function idTitle({ id, title }: { id: string; title: string }): { id: string; title: string } {
  return { id, title };
}

function phoneNumber(number: PhoneNumberValue): PhoneNumberValue {
  return {
    e164: number.e164,
    ...(number.country !== undefined && { country: number.country }),
    display: number.display,
  };
}
