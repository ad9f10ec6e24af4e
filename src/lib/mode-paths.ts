/**
 * Views of the same content and the same addresses. Two modes: the customer's (the default) and the
 * support agent's, under `/agent` — `/agent/never-connects/sip-code` is the agent's view of
 * `/never-connects/sip-code`. Either can be embedded in another site: the embed view, under
 * `/embed` (and `/embed/agent`), is the same page without the site's header and footer, made to
 * live in a help center's frame. The router runs with the view's prefix in its basename, so every
 * link and navigation stays in the view it started in, and a shared link opens the same view.
 */
export type Mode = 'customer' | 'agent';

export interface View {
  mode: Mode;
  /** Inside another site's frame (the `/embed.js` snippet). */
  embedded: boolean;
}

export const AGENT_PREFIX = '/agent';
export const EMBED_PREFIX = '/embed';

/** Every view, in the order the prerenderer writes them. */
export const VIEWS: readonly View[] = [
  { mode: 'customer', embedded: false },
  { mode: 'agent', embedded: false },
  { mode: 'customer', embedded: true },
  { mode: 'agent', embedded: true },
];

function under(pathname: string, prefix: string): boolean {
  return pathname === prefix || pathname.startsWith(`${prefix}/`);
}

/** The view of an address relative to the site's base path (`/embed/agent/x` → embedded agent). */
export function viewOf(pathname: string): View {
  const embedded = under(pathname, EMBED_PREFIX);
  const rest = embedded ? pathname.slice(EMBED_PREFIX.length) : pathname;
  return { mode: under(rest, AGENT_PREFIX) ? 'agent' : 'customer', embedded };
}

/** The mode of an address relative to the site's base path (`/agent/x` → agent). */
export function modeOf(pathname: string): Mode {
  return viewOf(pathname).mode;
}

/** What a view puts before a page's path: '', `/agent`, `/embed` or `/embed/agent`. */
export function viewPrefix(view: View): string {
  return `${view.embedded ? EMBED_PREFIX : ''}${view.mode === 'agent' ? AGENT_PREFIX : ''}`;
}

/** The router's basename for a view, from the site's base path (`/` or `/help/ct/`). */
export function routerBasename(base: string, view: View | Mode): string {
  const root = base.replace(/\/+$/, '') + viewPrefix(asView(view));
  return root === '' ? '/' : root;
}

/**
 * The same page in another view, as a document address: `path` is relative to the router (what
 * `useLocation` gives), `base` the site's base path.
 */
export function addressInMode(base: string, view: View | Mode, path: string): string {
  const root = routerBasename(base, view).replace(/\/$/, '');
  if (path === '/' || path === '') return root === '' ? '/' : `${root}/`;
  return `${root}${path}`;
}

function asView(view: View | Mode): View {
  return typeof view === 'string' ? { mode: view, embedded: false } : view;
}
