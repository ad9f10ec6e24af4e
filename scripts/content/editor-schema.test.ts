import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { editorSchemaJson } from './editor-schema.ts';
import { CONTENT_DIR } from './load-content.ts';

describe('editor schema', () => {
  it('is committed and up to date with the zod schema', async () => {
    const committed = await readFile(path.join(CONTENT_DIR, 'schema.json'), 'utf8');
    expect(committed).toBe(editorSchemaJson());
  });

  it('describes every file kind and forbids unknown keys', () => {
    const schema = JSON.parse(editorSchemaJson()) as {
      anyOf: { additionalProperties?: boolean; required?: string[] }[];
    };
    expect(schema.anyOf).toHaveLength(6);
    for (const file of schema.anyOf) {
      expect(file.additionalProperties).toBe(false);
      expect(file.required).toContain('schemaVersion');
    }
  });
});
