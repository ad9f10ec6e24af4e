import { z } from 'zod';
import { ContentFileSchema } from '../../src/engine/schema.ts';

/** The JSON Schema editors use to autocomplete and check content/*.yaml as you type. */
export function editorSchemaJson(): string {
  const schema = z.toJSONSchema(ContentFileSchema, { target: 'draft-7', io: 'input' });
  return `${JSON.stringify({ ...schema, title: 'Call Troubleshooter content file' }, null, 2)}\n`;
}
