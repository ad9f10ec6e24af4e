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
          { path: '*', element: <WizardRoute /> },
        ],
      },
    ],
  },
];
