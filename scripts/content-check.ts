/**
 * `npm run content:check` — validates everything in content/ and prints every problem found, each
 * with its file, line and node id. Exits non-zero when there is any problem, or when
 * content/schema.json is out of date (`npm run content:schema` rewrites it).
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { formatProblems } from '../src/engine/problems.ts';
import { CONTENT_DIR, loadContent } from './content/load-content.ts';
import { editorSchemaJson } from './content/editor-schema.ts';

const writeSchema = process.argv.includes('--write-schema');
const schemaFile = path.join(CONTENT_DIR, 'schema.json');
const expected = editorSchemaJson();

let failed = false;
if (writeSchema) {
  await writeFile(schemaFile, expected);
  console.log(`Wrote ${path.relative(process.cwd(), schemaFile)}`);
} else {
  const current = await readFile(schemaFile, 'utf8').catch(() => '');
  if (current !== expected) {
    console.error(
      'content/schema.json is out of date. Run `npm run content:schema` to rewrite it.',
    );
    failed = true;
  }
}

const result = await loadContent();
if (result.ok) {
  const nodes = Object.values(result.content.nodes);
  const outcomes = nodes.filter((node) => node.kind === 'outcome').length;
  console.log(`Content OK: ${nodes.length - outcomes} questions, ${outcomes} outcomes.`);
} else {
  console.error(formatProblems(result.problems));
  failed = true;
}
process.exitCode = failed ? 1 : 0;
