import { StrictMode } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { createBrowserRouter, matchRoutes } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { routes } from '@/app/routes';
import { normalizePath } from '@/app/prerendered';
import './styles/index.css';

const container = document.getElementById('root');
if (!container) throw new Error('The page has no #root element');

const basename = import.meta.env.BASE_URL.replace(/\/$/, '') || '/';

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
    <RouterProvider router={router} />
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
