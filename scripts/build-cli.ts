import { chmod, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { build } from 'vite';
import { ROOT } from './content/load-content.ts';
import { contentPlugin } from './vite-plugin-content.ts';

/** Where `npm run build` writes the command-line tool (package.json's "bin" points here). */
export const CLI_FILE = path.join(ROOT, 'dist-cli', 'call-troubleshooter.mjs');

/**
 * Bundles src/cli/main.ts with the analyzer and its settings (content/analyzer.yaml) into one
 * Node script, so `npx call-troubleshooter analyze FILE` runs without tsx or the content files.
 */
export async function buildCli(): Promise<string> {
  await build({
    root: ROOT,
    configFile: false,
    logLevel: 'warn',
    publicDir: false,
    plugins: [contentPlugin()],
    resolve: { alias: { '@': path.join(ROOT, 'src') } },
    build: {
      ssr: path.join(ROOT, 'src/cli/main.ts'),
      outDir: path.dirname(CLI_FILE),
      emptyOutDir: true,
      target: 'node20',
      minify: false,
      rolldownOptions: { output: { entryFileNames: path.basename(CLI_FILE), format: 'es' } },
    },
    ssr: { noExternal: true },
  });
  const code = await readFile(CLI_FILE, 'utf8');
  if (!code.startsWith('#!')) await writeFile(CLI_FILE, `#!/usr/bin/env node\n${code}`);
  await chmod(CLI_FILE, 0o755);
  return CLI_FILE;
}
