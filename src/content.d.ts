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
