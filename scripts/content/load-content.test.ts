import { mkdtemp, writeFile, mkdir, cp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_DIR, loadContent, parseYaml } from './load-content.ts';

describe('content loader', () => {
  it('validates the real content with no problems', async () => {
    const result = await loadContent();
    expect(result.problems).toEqual([]);
  });

  it('reports YAML syntax errors with their line', () => {
    const parsed = parseYaml('a: 1\nb: [unclosed\nc: 3\n', 'content/tree/broken.yaml');
    expect(parsed).toMatchObject({
      problems: [{ kind: 'yaml-syntax', file: 'content/tree/broken.yaml' }],
    });
    if ('problems' in parsed) expect(parsed.problems[0]?.line).toBeGreaterThanOrEqual(2);
  });

  it('locates values and misspelt keys by line', () => {
    const parsed = parseYaml('nodes:\n  - id: a\n    titel: Hello\n', 'x.yaml');
    if ('problems' in parsed) throw new Error('should parse');
    expect(parsed.locate?.(['nodes', 0])).toBe(2);
    expect(parsed.locate?.(['nodes', 0, 'titel'])).toBe(3);
    // A path that goes deeper than the data still points at the nearest existing line.
    expect(parsed.locate?.(['nodes', 0, 'answers', 2])).toBe(2);
  });

  it('names the file, line and node of an author’s typo in a copy of the real content', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'content-'));
    await cp(CONTENT_DIR, dir, { recursive: true });
    const file = path.join(dir, 'tree', 'extra.yaml');
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(
      file,
      [
        'schemaVersion: 1',
        'nodes:',
        '  - id: sip-code',
        '    kind: question',
        '    titel: Duplicate',
        '    answers: []',
      ].join('\n'),
    );
    const result = await loadContent(dir);
    expect(result.ok).toBe(false);
    const typo = result.problems.find((p) => p.kind === 'unknown-key');
    expect(typo).toMatchObject({ nodeId: 'sip-code', line: 5 });
    expect(typo?.file).toMatch(/tree\/extra\.yaml$/);
    expect(typo?.message).toContain('Did you mean "title"?');
  });

  it('reports a YAML file in an unexpected place', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'content-'));
    await cp(CONTENT_DIR, dir, { recursive: true });
    await writeFile(path.join(dir, 'stray.yaml'), 'a: 1\n');
    const result = await loadContent(dir);
    expect(result.problems.some((p) => p.file.endsWith('stray.yaml'))).toBe(true);
  });
});
