/**
 * Two views of the same content and the same addresses: the customer's (the default) and the
 * support agent's, which lives under `/agent` — `/agent/never-connects/sip-code` is the agent's
 * view of `/never-connects/sip-code`. The router runs with `/agent` in its basename, so every link
 * and navigation stays in the mode it started in, and a shared agent link opens the agent view.
 */
export type Mode = 'customer' | 'agent';

export const AGENT_PREFIX = '/agent';

/** The mode of an address relative to the site's base path (`/agent/x` → agent). */
export function modeOf(pathname: string): Mode {
  return pathname === AGENT_PREFIX || pathname.startsWith(`${AGENT_PREFIX}/`)
    ? 'agent'
    : 'customer';
}

/** The router's basename for a mode, from the site's base path (`/` or `/help/ct/`). */
export function routerBasename(base: string, mode: Mode): string {
  const root = base.replace(/\/+$/, '');
  if (mode === 'agent') return `${root}${AGENT_PREFIX}`;
  return root === '' ? '/' : root;
}

/**
 * The same page in another mode, as a document address: `path` is relative to the router (what
 * `useLocation` gives), `base` the site's base path.
 */
export function addressInMode(base: string, mode: Mode, path: string): string {
  const root = routerBasename(base, mode).replace(/\/$/, '');
  if (path === '/' || path === '') return root === '' ? '/' : `${root}/`;
  return `${root}${path}`;
}
