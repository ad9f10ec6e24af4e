import path from 'node:path';
import { format, resolveConfig } from 'prettier';
import { z } from 'zod';
import { TicketJsonSchema } from '../../src/engine/ticket/ticket-json-schema.ts';
import { ROOT } from './load-content.ts';

/** Where the JSON Schema of the support request lives, next to its documentation. */
export const TICKET_SCHEMA_FILE = path.join(ROOT, 'docs', 'support-request.schema.json');

/** The JSON Schema (draft-7) of the support request JSON export, from its zod schema. */
export function ticketJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(TicketJsonSchema, { target: 'draft-7', io: 'output' });
  return { ...schema, title: 'Call Troubleshooter support request' };
}

/**
 * docs/support-request.schema.json as it should read: the schema, formatted the way Prettier
 * formats that file, so `npm run format:check` and `npm run content:check` agree about it.
 */
export async function ticketSchemaJson(): Promise<string> {
  const text = JSON.stringify(ticketJsonSchema(), null, 2);
  const options = await resolveConfig(TICKET_SCHEMA_FILE);
  return format(text, { ...options, filepath: TICKET_SCHEMA_FILE });
}
