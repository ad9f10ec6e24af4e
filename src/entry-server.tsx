import { StrictMode } from 'react';
import { renderToString } from 'react-dom/server';
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from 'react-router';
import { pageMeta, type PageMeta } from '@/app/page-meta';
import { routesFor } from '@/app/routes';
import reference from 'virtual:code-reference';
import { classSegment } from '@/engine/codes/lookup';
import { allTrails } from '@/engine/graph';
import { trailPath } from '@/engine/path-codec';
import { content } from '@/lib/content';
import { EmbeddedContext, ModeContext, routerBasename, type View } from '@/lib/mode';
import { paths } from '@/lib/paths';

/** Every address the prerenderer writes a page for (relative to the base path). */
export function prerenderPaths(): string[] {
  const trails = [...allTrails(content)].map((trail) => trailPath(trail));
  const codePages = [
    paths.codes(),
    ...reference.classes.map((entry) => paths.code(classSegment(entry.class))),
    ...reference.codes.map((entry) => paths.code(entry.code)),
  ];
  return [...trails, paths.procedure, paths.support(), paths.analyze, ...codePages];
}

/** The address rendered into 404.html: not a page, so it shows the not-found view. */
export const NOT_FOUND_PATH = '/404';

export interface RenderedPage extends PageMeta {
  html: string;
}

/**
 * Renders one address to HTML, without any script of its own (so a strict CSP holds). `pathname`
 * is relative to the view: `/never-connects` in agent mode is the page at `/agent/never-connects`.
 */
export async function render(pathname: string, base: string, view: View): Promise<RenderedPage> {
  const basename = routerBasename(base, view);
  const handler = createStaticHandler(routesFor(view), { basename });
  const url = new URL(`${basename.replace(/\/$/, '')}${pathname}`, 'http://prerender.local');
  const context = await handler.query(new Request(url));
  if (context instanceof Response)
    throw new Error(`Unexpected redirect while rendering ${pathname}`);
  const router = createStaticRouter(handler.dataRoutes, context);
  const html = renderToString(
    <StrictMode>
      <ModeContext value={view.mode}>
        <EmbeddedContext value={view.embedded}>
          <StaticRouterProvider router={router} context={context} hydrate={false} />
        </EmbeddedContext>
      </ModeContext>
    </StrictMode>,
  );
  return { html, ...pageMeta(pathname, reference, view.mode) };
}
