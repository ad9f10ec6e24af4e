import type { RouteObject } from 'react-router';
import { ProcedureRoute } from '@/features/procedure/procedure-route';
import { WizardRoute } from '@/features/wizard/wizard-route';
import { RootLayout } from './root-layout';
import { RouteError } from './route-error';

/** The route table, shared by the browser router and the prerenderer. */
export const routes: RouteObject[] = [
  {
    element: <RootLayout />,
    errorElement: <RouteError standalone />,
    children: [
      {
        errorElement: <RouteError />,
        children: [
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
          { path: '*', element: <WizardRoute /> },
        ],
      },
    ],
  },
];
