import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { isCollection, isNode, LineCounter, parseDocument } from 'yaml';
import type { Problem } from '../../src/engine/problems.ts';
import type { FileRole, SourceFile } from '../../src/engine/source-file.ts';
import { validateContent, type ValidationResult } from '../../src/engine/validate.ts';

export const ROOT = path.resolve(import.meta.dirname, '../..');
/** CONTENT_DIR builds the site from another content folder (tests use it for variants). */
export const CONTENT_DIR = process.env.CONTENT_DIR
  ? path.resolve(process.env.CONTENT_DIR)
  : path.join(ROOT, 'content');
/** OUT_DIR writes the build somewhere other than dist/ (tests use it for variants). */
export const OUT_DIR = process.env.OUT_DIR
  ? path.resolve(process.env.OUT_DIR)
  : path.join(ROOT, 'dist');

/** Reads every YAML file under a content folder, with line numbers for error messages. */
export async function readContentFiles(
  dir: string = CONTENT_DIR,
): Promise<{ files: SourceFile[]; problems: Problem[] }> {
  const files: SourceFile[] = [];
  const problems: Problem[] = [];
  for (const absolute of await yamlFilesUnder(dir)) {
    const file = path.relative(ROOT, absolute).split(path.sep).join('/');
    const role = roleOf(path.relative(dir, absolute).split(path.sep).join('/'));
    if (role === undefined) {
      problems.push({
        kind: 'missing-file',
        file,
        message:
          'This file is not a known content file. Tree nodes go in content/tree/*.yaml; the other files are config.yaml, support.yaml, procedure.yaml, codes.yaml and analyzer.yaml.',
      });
      continue;
    }
    const parsed = parseYaml(await readFile(absolute, 'utf8'), file);
    if ('problems' in parsed) problems.push(...parsed.problems);
    else files.push({ file, role, ...parsed });
  }
  return { files, problems };
}

/** Reads and validates a content folder: the one function the build, the check and tests share. */
export async function loadContent(dir: string = CONTENT_DIR): Promise<ValidationResult> {
  const { files, problems } = await readContentFiles(dir);
  const result = validateContent(files);
  if (problems.length === 0) return result;
  return { ok: false, problems: [...problems, ...result.problems] };
}

/** Every content file path, so dev servers can watch them. */
export async function yamlFilesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && /\.ya?ml$/.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

function roleOf(relative: string): FileRole | undefined {
  if (relative === 'config.yaml') return 'config';
  if (relative === 'support.yaml') return 'support';
  if (relative === 'procedure.yaml') return 'procedure';
  if (relative === 'codes.yaml') return 'codes';
  if (relative === 'analyzer.yaml') return 'analyzer';
  if (/^tree\/[^/]+\.ya?ml$/.test(relative)) return 'tree';
  return undefined;
}

export function parseYaml(
  text: string,
  file: string,
): Pick<SourceFile, 'data' | 'locate'> | { problems: Problem[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      problems: doc.errors.map((error) => ({
        kind: 'yaml-syntax' as const,
        file,
        line: lineCounter.linePos(error.pos[0]).line,
        message: error.message.split('\n')[0] ?? 'The YAML could not be read.',
      })),
    };
  }
  const locate = (at: readonly (string | number)[]): number | undefined => {
    // Walk down as far as the path exists, so an unknown key still points at its parent.
    for (let depth = at.length; depth >= 0; depth -= 1) {
      const prefix = at.slice(0, depth);
      const found: unknown = prefix.length === 0 ? doc.contents : doc.getIn(prefix, true);
      const key = depth < at.length ? undefined : at.at(-1);
      const keyNode =
        key !== undefined && depth > 0
          ? keyNodeOf(doc.getIn(prefix.slice(0, -1), true), key)
          : undefined;
      const target = keyNode ?? found;
      if (isNode(target) && target.range) return lineCounter.linePos(target.range[0]).line;
    }
    return undefined;
  };
  return { data: doc.toJS() as unknown, locate };
}

/** For `{ titel: x }`, the node of the key `titel` itself (its line is what an author wants). */
function keyNodeOf(parent: unknown, key: string | number): unknown {
  if (!isCollection(parent) || typeof key !== 'string') return undefined;
  for (const item of parent.items) {
    if (item && typeof item === 'object' && 'key' in item && isNode(item.key)) {
      const k = item.key as { value?: unknown };
      if (k.value === key) return item.key;
    }
  }
  return undefined;
}
