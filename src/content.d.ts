declare module 'virtual:content' {
  import type { Content } from '@/engine/schema';
  const content: Content;
  export default content;
}

declare module 'virtual:code-reference' {
  import type { CodeReference } from '@/engine/schema';
  const reference: CodeReference;
  export default reference;
}

declare module 'virtual:search-keywords' {
  /** Node id → the keywords its content lists, for the symptom search. */
  const keywords: Record<string, string[]>;
  export default keywords;
}

declare module 'virtual:agent-scripts' {
  import type { AgentScript } from '@/engine/schema';
  /** Question id → what a support agent reads to the caller and listens for. */
  const scripts: Record<string, AgentScript>;
  export default scripts;
}

declare module 'virtual:tree-map' {
  import type { TreeMap } from '@/engine/tree-map';
  /** The whole tree laid out at build time, for agent mode's map. */
  const map: TreeMap;
  export default map;
}

declare module 'virtual:analyzer-settings' {
  import type { AnalyzerSettings } from '@/analyzer/settings';
  /** Thresholds and destinations for the capture analyzer (content/analyzer.yaml, codes.yaml). */
  const settings: AnalyzerSettings;
  export default settings;
}
