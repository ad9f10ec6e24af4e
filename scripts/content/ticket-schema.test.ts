import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { TicketJsonSchema } from '../../src/engine/ticket/ticket-json-schema.ts';
import { ticketToJson } from '../../src/engine/ticket/ticket-json.ts';
import { sampleTicket } from '../../src/engine/ticket/test-support/sample-ticket.ts';
import { ROOT } from './load-content.ts';
import { TICKET_SCHEMA_FILE, ticketJsonSchema, ticketSchemaJson } from './ticket-schema.ts';

describe('support request JSON Schema', () => {
  it('is committed and up to date with the zod schema', async () => {
    const committed = await readFile(TICKET_SCHEMA_FILE, 'utf8');
    expect(committed).toBe(await ticketSchemaJson());
    expect(JSON.parse(committed)).toEqual(ticketJsonSchema());
  });

  it('is draft-7, forbids unknown keys and requires exactly the non-optional fields', () => {
    const schema = ticketJsonSchema() as {
      $schema: string;
      additionalProperties: boolean;
      required: string[];
      properties: Record<string, unknown>;
    };
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(schema.additionalProperties).toBe(false);
    const sample = JSON.parse(ticketToJson(sampleTicket())) as Record<string, unknown>;
    expect(Object.keys(schema.properties)).toEqual(Object.keys(sample));
    expect(schema.required).toEqual(
      Object.keys(sample).filter((key) => key !== 'frequency' && key !== 'product'),
    );
  });

  it('agrees with the example in docs/support-request.md', async () => {
    const docs = await readFile(path.join(ROOT, 'docs', 'support-request.md'), 'utf8');
    const example = /```json\n([\s\S]*?)```/.exec(docs)?.[1];
    expect(example).toBeDefined();
    const doc = JSON.parse(example ?? '') as Record<string, unknown>;
    expect(TicketJsonSchema.safeParse(doc).success).toBe(true);
    expect(Object.keys(doc)).toEqual(Object.keys(ticketJsonSchema().properties as object));
  });
});
