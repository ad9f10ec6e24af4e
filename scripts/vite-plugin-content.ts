import type { Plugin } from 'vite';
import { formatProblems } from '../src/engine/problems.ts';
import type { AgentScript, Content, ContentNode } from '../src/engine/schema.ts';
import type { ValidationResult } from '../src/engine/validate.ts';
import { CONTENT_DIR, loadContent, yamlFilesUnder } from './content/load-content.ts';
import { layoutTreeMap } from './content/tree-map-layout.ts';

/** Module id → what it exports from the validated content. */
const MODULES = {
  'virtual:content': (result: ValidContent) => pageContent(result.content),
  'virtual:code-reference': (result: ValidContent) => result.reference,
  'virtual:search-keywords': (result: ValidContent) => nodeKeywords(result.content),
  'virtual:agent-scripts': (result: ValidContent) => agentScripts(result.content),
  // Laid out here, at build time, so the browser gets coordinates and no layout engine.
  'virtual:tree-map': (result: ValidContent) => layoutTreeMap(result.content),
  // Thresholds and destinations for the capture analyzer (its page and the CLI).
  'virtual:analyzer-settings': (result: ValidContent) => result.analyzer,
} as const;
type ModuleId = keyof typeof MODULES;
type ValidContent = Extract<ValidationResult, { ok: true }>;

const isModuleId = (id: string): id is ModuleId => Object.hasOwn(MODULES, id);

/**
 * Serves `virtual:content` (the tree, support, procedure and code phrases: what every page needs)
 * and, on demand: `virtual:code-reference` (code meanings and the Q.850 table, for the code pages,
 * the paste box and the search), `virtual:search-keywords` (the search), and for agent mode
 * `virtual:agent-scripts` (what to ask the caller) and `virtual:tree-map` (the map's layout). The
 * YAML parser, the validator and the layout run here, at build time; the browser gets plain data.
 * Invalid content fails the build (and shows the dev-server overlay) with every problem listed.
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

/**
 * What every page needs. Search keywords (for the search) and agent scripts (for agent mode) load
 * on demand with what uses them, so they are left out here.
 */
function pageContent(content: Content): Content {
  const nodes = Object.fromEntries(
    Object.entries(content.nodes).map(([id, node]): [string, ContentNode] => {
      if (node.kind === 'outcome') {
        const { keywords: _, ...rest } = node;
        return [id, rest];
      }
      const { keywords: _, script: _script, ...rest } = node;
      return [id, rest];
    }),
  );
  return { ...content, nodes };
}

function agentScripts(content: Content): Record<string, AgentScript> {
  return Object.fromEntries(
    Object.values(content.nodes).flatMap((node) =>
      node.kind === 'question' && node.script ? [[node.id, node.script] as const] : [],
    ),
  );
}

function nodeKeywords(content: Content): Record<string, string[]> {
  return Object.fromEntries(
    Object.values(content.nodes).flatMap((node) =>
      node.keywords ? [[node.id, node.keywords] as const] : [],
    ),
  );
}
