declare module 'virtual:content' {
  import type { Content } from '@/engine/schema';
  const content: Content;
  export default content;
}
