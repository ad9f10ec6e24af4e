import type { Plugin } from 'vite';
import { formatProblems } from '../src/engine/problems.ts';
import { CONTENT_DIR, loadContent, yamlFilesUnder } from './content/load-content.ts';

const ID = 'virtual:content';
const RESOLVED = `\0${ID}`;

/**
 * Serves `virtual:content`: the validated, compiled content as JSON. The YAML parser and the
 * validator run here, at build time; the browser gets plain data. Invalid content fails the build
 * (and shows the dev-server overlay) with every problem listed.
 */
export function contentPlugin(): Plugin {
  return {
    name: 'call-troubleshooter:content',
    resolveId(id) {
      return id === ID ? RESOLVED : undefined;
    },
    async load(id) {
      if (id !== RESOLVED) return undefined;
      for (const file of await yamlFilesUnder(CONTENT_DIR)) this.addWatchFile(file);
      const result = await loadContent();
      if (!result.ok) this.error(formatProblems(result.problems));
      // JSON.parse of a string literal is faster to start than an object literal of the same size.
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(result.content))});`;
    },
    configureServer(server) {
      server.watcher.add(CONTENT_DIR);
      const reload = (file: string) => {
        if (!file.startsWith(CONTENT_DIR) || !/\.ya?ml$/.test(file)) return;
        const module = server.moduleGraph.getModuleById(RESOLVED);
        if (module) server.moduleGraph.invalidateModule(module);
        server.ws.send({ type: 'full-reload' });
      };
      server.watcher.on('change', reload);
      server.watcher.on('add', reload);
      server.watcher.on('unlink', reload);
    },
  };
}
