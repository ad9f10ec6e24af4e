import type { Plugin } from 'vite';
import { formatProblems } from '../src/engine/problems.ts';
import type { Content } from '../src/engine/schema.ts';
import type { ValidationResult } from '../src/engine/validate.ts';
import { CONTENT_DIR, loadContent, yamlFilesUnder } from './content/load-content.ts';

/** Module id → what it exports from the validated content. */
const MODULES = {
  'virtual:content': (result: ValidContent) => withoutKeywords(result.content),
  'virtual:code-reference': (result: ValidContent) => result.reference,
  'virtual:search-keywords': (result: ValidContent) => nodeKeywords(result.content),
} as const;
type ModuleId = keyof typeof MODULES;
type ValidContent = Extract<ValidationResult, { ok: true }>;

const isModuleId = (id: string): id is ModuleId => Object.hasOwn(MODULES, id);

/**
 * Serves `virtual:content` (the tree, support, procedure and code phrases: what every page needs)
 * and, on demand, `virtual:code-reference` (the code meanings and the Q.850 table: the code pages,
 * the paste box and the search) and `virtual:search-keywords` (the search) as JSON. The YAML parser and the validator run here, at build
 * time; the browser gets plain data. Invalid content fails the build (and shows the dev-server
 * overlay) with every problem listed.
 */
export function contentPlugin(): Plugin {
  return {
    name: 'call-troubleshooter:content',
    resolveId(id) {
      return isModuleId(id) ? `\0${id}` : undefined;
    },
    async load(resolved) {
      const id = resolved.slice(1);
      if (!resolved.startsWith('\0') || !isModuleId(id)) return undefined;
      for (const file of await yamlFilesUnder(CONTENT_DIR)) this.addWatchFile(file);
      const result = await loadContent();
      if (!result.ok) this.error(formatProblems(result.problems));
      // JSON.parse of a string literal is faster to start than an object literal of the same size.
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(MODULES[id](result)))});`;
    },
    configureServer(server) {
      server.watcher.add(CONTENT_DIR);
      const reload = (file: string) => {
        if (!file.startsWith(CONTENT_DIR) || !/\.ya?ml$/.test(file)) return;
        for (const id of Object.keys(MODULES)) {
          const module = server.moduleGraph.getModuleById(`\0${id}`);
          if (module) server.moduleGraph.invalidateModule(module);
        }
        server.ws.send({ type: 'full-reload' });
      };
      server.watcher.on('change', reload);
      server.watcher.on('add', reload);
      server.watcher.on('unlink', reload);
    },
  };
}

/** Search keywords are only for the search, which loads them on demand. */
function withoutKeywords(content: Content): Content {
  const nodes = Object.fromEntries(
    Object.entries(content.nodes).map(([id, { keywords: _, ...node }]) => [id, node]),
  );
  return { ...content, nodes };
}

function nodeKeywords(content: Content): Record<string, string[]> {
  return Object.fromEntries(
    Object.values(content.nodes).flatMap((node) =>
      node.keywords ? [[node.id, node.keywords] as const] : [],
    ),
  );
}
