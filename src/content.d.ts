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
