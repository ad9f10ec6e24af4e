import type { RouteObject } from 'react-router';
import { ProcedureRoute } from '@/features/procedure/procedure-route';
import { WizardRoute } from '@/features/wizard/wizard-route';
import type { View } from '@/lib/mode';
import { RootLayout } from './root-layout';
import { RouteError } from './route-error';

/** The pages, the same in both modes. */
function pages(): RouteObject[] {
  return [
    { index: true, element: <WizardRoute /> },
    { path: 'procedure', element: <ProcedureRoute /> },
    {
      path: 'support',
      // The form and its phone-number data load only when the page is opened.
      lazy: async () => {
        const { TicketRoute } = await import('@/features/ticket/ticket-route');
        return { Component: TicketRoute };
      },
    },
    {
      path: 'codes',
      // The code reference (meanings, causes, the Q.850 table) loads only with its pages.
      lazy: async () => {
        const { CodesIndexRoute } = await import('@/features/codes/codes-index-route');
        return { Component: CodesIndexRoute };
      },
    },
    {
      path: 'codes/:code',
      lazy: async () => {
        const { CodeRoute } = await import('@/features/codes/code-route');
        return { Component: CodeRoute };
      },
    },
    {
      path: 'analyze',
      // The capture analyzer (parsers, worker, tables) loads only when its page is opened.
      lazy: async () => {
        const { AnalyzerRoute } = await import('@/features/analyzer/analyzer-route');
        return { Component: AnalyzerRoute };
      },
    },
    { path: '*', element: <WizardRoute /> },
  ];
}

/**
 * The route table, shared by the browser router and the prerenderer. Agent mode wraps every page
 * in its layout (scripts, keys, notes, timer, map, case notes); the embed view wraps that in its
 * own (talking to the host page). Each loads only in its view.
 */
export function routesFor(view: View): RouteObject[] {
  let tree: RouteObject = { errorElement: <RouteError />, children: pages() };
  if (view.mode === 'agent') {
    tree = {
      lazy: async () => {
        const { AgentLayout } = await import('@/features/agent/agent-layout');
        return { Component: AgentLayout };
      },
      children: [tree],
    };
  }
  if (view.embedded) {
    tree = {
      lazy: async () => {
        const { EmbedLayout } = await import('@/features/embed/embed-layout');
        return { Component: EmbedLayout };
      },
      children: [tree],
    };
  }
  return [{ element: <RootLayout />, errorElement: <RouteError standalone />, children: [tree] }];
}
