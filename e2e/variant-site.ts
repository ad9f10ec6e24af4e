import { spawn, spawnSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');
const VITE = path.join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');

/** A site built from edited content (and maybe a base path), served like `npm run preview`. */
export interface VariantSite {
  /** `http://localhost:PORT` */
  origin: string;
  stop: () => Promise<void>;
}

/** A port nothing listens on right now. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * Builds the site with `content/config.yaml` as `editConfig` rewrites it, then serves it with the
 * headers that build implies. Takes a few seconds: call it from `beforeAll` with a longer timeout.
 */
export async function startVariantSite(options: {
  name: string;
  port: number;
  editConfig: (config: string) => string;
  basePath?: string;
}): Promise<VariantSite> {
  const work = await mkdtemp(path.join(tmpdir(), `ct-${options.name}-`));
  const contentDir = path.join(work, 'content');
  await cp(path.join(ROOT, 'content'), contentDir, { recursive: true });
  const configFile = path.join(contentDir, 'config.yaml');
  await writeFile(configFile, options.editConfig(await readFile(configFile, 'utf8')));
  // Inside the project, so the prerender bundle resolves its packages from node_modules.
  await mkdir(path.join(ROOT, 'dist-variants'), { recursive: true });
  const outDir = await mkdtemp(path.join(ROOT, 'dist-variants', `${options.name}-`));
  const env = {
    ...process.env,
    CONTENT_DIR: contentDir,
    OUT_DIR: outDir,
    ...(options.basePath === undefined ? {} : { BASE_PATH: options.basePath }),
  };
  const build = spawnSync('npx', ['tsx', 'scripts/build.ts'], { cwd: ROOT, env, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`Variant build failed:\n${build.stderr}`);

  // Vite itself, not `npx`: killing a wrapper would leave the server running.
  const site = spawn(
    process.execPath,
    [VITE, 'preview', '--port', String(options.port), '--strictPort'],
    { cwd: ROOT, env, stdio: 'ignore' },
  );
  const origin = `http://localhost:${String(options.port)}`;
  const home = `${origin}${options.basePath ?? '/'}`;
  for (let tries = 0; ; tries += 1) {
    const up = await fetch(home).then(
      (r) => r.ok,
      () => false,
    );
    if (up) break;
    if (tries > 100) throw new Error('The variant site did not start');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    origin,
    stop: async () => {
      site.kill();
      await rm(work, { recursive: true, force: true });
      await rm(outDir, { recursive: true, force: true });
    },
  };
}
