/**
 * `npm run content:check` — validates everything in content/ and prints every problem found, each
 * with its file, line and node id. Exits non-zero when there is any problem, or when
 * content/schema.json or docs/support-request.schema.json is out of date (`npm run content:schema`
 * rewrites both).
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { formatProblems } from '../src/engine/problems.ts';
import { CONTENT_DIR, loadContent } from './content/load-content.ts';
import { editorSchemaJson } from './content/editor-schema.ts';
import { TICKET_SCHEMA_FILE, ticketSchemaJson } from './content/ticket-schema.ts';

const writeSchema = process.argv.includes('--write-schema');
/** Generated files, each with the text it must have. */
const generated = [
  { file: path.join(CONTENT_DIR, 'schema.json'), expected: editorSchemaJson() },
  { file: TICKET_SCHEMA_FILE, expected: await ticketSchemaJson() },
];

let failed = false;
for (const { file, expected } of generated) {
  const name = path.relative(process.cwd(), file);
  if (writeSchema) {
    await writeFile(file, expected);
    console.log(`Wrote ${name}`);
  } else {
    const current = await readFile(file, 'utf8').catch(() => '');
    if (current !== expected) {
      console.error(`${name} is out of date. Run \`npm run content:schema\` to rewrite it.`);
      failed = true;
    }
  }
}

const result = await loadContent();
if (result.ok) {
  const nodes = Object.values(result.content.nodes);
  const outcomes = nodes.filter((node) => node.kind === 'outcome').length;
  const { codes, q850 } = result.reference;
  console.log(
    `Content OK: ${nodes.length - outcomes} questions, ${outcomes} outcomes, ${codes.length} SIP codes, ${q850.length} Q.850 causes.`,
  );
} else {
  console.error(formatProblems(result.problems));
  failed = true;
}
process.exitCode = failed ? 1 : 0;
