import { StrictMode } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { createBrowserRouter, matchRoutes } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { routesFor } from '@/app/routes';
import { normalizePath } from '@/app/prerendered';
import { EmbeddedContext, ModeContext, routerBasename, viewOf } from '@/lib/mode';
import './styles/index.css';

const container = document.getElementById('root');
if (!container) throw new Error('The page has no #root element');

const base = import.meta.env.BASE_URL;
const root = base.replace(/\/$/, '');
const view = viewOf(window.location.pathname.slice(root.length) || '/');
const basename = routerBasename(base, view);
const routes = routesFor(view);

// Routes that load on demand are loaded before the first render, so hydration meets the same
// markup the prerenderer wrote instead of a loading state.
await Promise.all(
  (matchRoutes(routes, window.location, basename) ?? []).map(async ({ route }) => {
    if (typeof route.lazy !== 'function') return;
    const loaded = await route.lazy();
    Object.assign(route, { ...loaded, lazy: undefined });
  }),
);

const router = createBrowserRouter(routes, { basename });
const app = (
  <StrictMode>
    <ModeContext value={view.mode}>
      <EmbeddedContext value={view.embedded}>
        <RouterProvider router={router} />
      </EmbeddedContext>
    </ModeContext>
  </StrictMode>
);

// Hydrate only markup prerendered for this very address. A host's 404 page or SPA fallback serves
// another page's HTML; that is replaced by a fresh render instead of mismatching.
const prerenderedFor = container.dataset.prerenderedPath;
const here = normalizePath(window.location.pathname);
if (prerenderedFor !== undefined && normalizePath(prerenderedFor) === here) {
  hydrateRoot(container, app);
} else {
  container.textContent = '';
  createRoot(container).render(app);
}
