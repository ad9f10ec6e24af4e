/**
 * Builds the two scripts of the embed view, each a single self-contained file (no imports, no
 * shared chunks), with what they need from the content compiled in:
 * - `embed.js`, the loader host pages include. Fixed name, because hosts paste its address.
 * - `assets/embed-frame-<hash>.js`, the frame script in the head of every `/embed/…` page.
 */
import path from 'node:path';
import { build, type Rolldown } from 'vite';
import { shortestTrails } from '../src/engine/graph.ts';
import { trailPath } from '../src/engine/path-codec.ts';
import type { Content } from '../src/engine/schema.ts';
import { ROOT } from './content/load-content.ts';

export interface EmbedScripts {
  /** Relative to the output folder. */
  loader: string;
  frame: string;
}

/**
 * Every node id → the address of its step (its shortest path, '' for the first question), for the
 * loader's `data-start`.
 */
export function startPaths(content: Pick<Content, 'nodes' | 'startId'>): Record<string, string> {
  const starts: Record<string, string> = {};
  for (const [id, trail] of shortestTrails(content)) {
    starts[id] = trailPath(trail).replace(/^\//, '');
  }
  return starts;
}

export async function buildEmbedScripts(outDir: string, content: Content): Promise<EmbedScripts> {
  const define = {
    __CT_ALLOWED_ORIGINS__: JSON.stringify(content.config.embed.allowedOrigins),
    __CT_BRAND__: JSON.stringify(content.config.brand.name),
    __CT_STARTS__: JSON.stringify(startPaths(content)),
  };
  const loader = await buildScript(outDir, 'src/embed/loader.ts', 'embed.js', define);
  const frame = await buildScript(
    outDir,
    'src/embed/frame.ts',
    'assets/embed-frame-[hash].js',
    define,
  );
  return { loader, frame };
}

async function buildScript(
  outDir: string,
  entry: string,
  fileName: string,
  define: Record<string, string>,
): Promise<string> {
  const result = await build({
    root: ROOT,
    configFile: false,
    logLevel: 'warn',
    publicDir: false,
    define,
    build: {
      outDir,
      emptyOutDir: false,
      copyPublicDir: false,
      target: 'es2020',
      minify: true,
      modulePreload: false,
      rolldownOptions: {
        input: path.join(ROOT, entry),
        output: { format: 'iife', entryFileNames: fileName },
      },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[];
  const chunk = outputs.flatMap((output) => output.output).find((file) => file.type === 'chunk');
  if (!chunk) throw new Error(`Building ${entry} produced no script`);
  return chunk.fileName;
}
