import { useState } from 'react';
import { createBrowserRouter, RouterProvider, type RouteObject } from 'react-router';
import { MainLayout } from '@/components/layout/main-layout';
import { paths } from '@/config/paths';
import { LoginPage } from '@/features/account/routes/login-page';
import { ReportPage } from '@/features/issue-form/routes/report-page';
import { ProcedurePage } from '@/features/knowledge/routes/procedure-page';
import { ProceduresPage } from '@/features/knowledge/routes/procedures-page';
import { MapPage } from '@/features/map/routes/map-page';
import { UnitsPage } from '@/features/units/routes/units-page';
import { NotFoundPage } from './routes/not-found';
import { RouteError } from './routes/route-error';

export const routes: RouteObject[] = [
  {
    element: <MainLayout />,
    children: [
      {
        // A failing page is replaced inside the layout, so the header and navigation stay.
        errorElement: <RouteError />,
        children: [
          { index: true, element: <MapPage /> },
          { path: paths.report, element: <ReportPage /> },
          { path: paths.procedures, element: <ProceduresPage /> },
          { path: `${paths.procedures}/:id`, element: <ProcedurePage /> },
          { path: paths.units, element: <UnitsPage /> },
          { path: paths.login, element: <LoginPage /> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
];

export function AppRouter() {
  const [router] = useState(() => createBrowserRouter(routes));
  return <RouterProvider router={router} />;
}
