import { useState } from 'react';
import { createBrowserRouter, Navigate, RouterProvider, type RouteObject } from 'react-router';
import { MainLayout } from '@/components/layout/main-layout';
import { RequireAdmin, RequireAuth, RequireConsole, RequireKnowledgeStaff, RequireModerator } from '@/components/require-auth';
import { paths } from '@/config/paths';
import { AccountDeletedPage } from '@/features/account/routes/account-deleted-page';
import { AccountPage } from '@/features/account/routes/account-page';
import { ConfirmEmailPage } from '@/features/account/routes/confirm-email-page';
import { ForgotPasswordPage } from '@/features/account/routes/forgot-password-page';
import { InboxPage } from '@/features/account/routes/inbox-page';
import { InvitationPage } from '@/features/account/routes/invitation-page';
import { LoginPage } from '@/features/account/routes/login-page';
import { MyIssuesPage } from '@/features/account/routes/my-issues-page';
import { RegisterPage } from '@/features/account/routes/register-page';
import { RegisteredPage } from '@/features/account/routes/registered-page';
import { ResendVerificationPage } from '@/features/account/routes/resend-verification-page';
import { ResetPasswordPage } from '@/features/account/routes/reset-password-page';
import { VerifyEmailPage } from '@/features/account/routes/verify-email-page';
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
          // The home page loads its map itself; the form and the issue pages, which carry the map
          // library too, are loaded when first opened.
          { index: true, element: <MapPage /> },
          {
            path: paths.report,
            lazy: async () => ({ Component: (await import('@/features/issue-form/routes/report-page')).ReportPage }),
          },
          {
            path: paths.issuePattern,
            lazy: async () => ({ Component: (await import('@/features/issue-page/routes/issue-page')).IssuePage }),
          },
          {
            path: paths.trackingPattern,
            lazy: async () => ({ Component: (await import('@/features/issue-page/routes/tracking-page')).TrackingPage }),
          },
          { path: paths.procedures, element: <ProceduresPage /> },
          // A procedure's page (with the editor's and the staff's parts) is loaded when first opened.
          {
            path: paths.procedurePattern,
            lazy: async () => ({ Component: (await import('@/features/knowledge/routes/procedure-page')).ProcedurePage }),
          },
          {
            path: paths.procedureVersionPattern,
            lazy: async () => ({
              Component: (await import('@/features/knowledge/routes/procedure-version-page')).ProcedureVersionPage,
            }),
          },
          { path: paths.units, element: <UnitsPage /> },
          // Loaded when first opened, with the charting library.
          {
            path: paths.stats,
            lazy: async () => ({ Component: (await import('@/features/stats/routes/public-stats-page')).PublicStatsPage }),
          },
          { path: paths.login, element: <LoginPage /> },
          { path: paths.register, element: <RegisterPage /> },
          { path: paths.registered, element: <RegisteredPage /> },
          { path: paths.verifyEmail, element: <VerifyEmailPage /> },
          { path: paths.resendVerification, element: <ResendVerificationPage /> },
          { path: paths.forgotPassword, element: <ForgotPasswordPage /> },
          { path: paths.resetPassword, element: <ResetPasswordPage /> },
          { path: paths.confirmEmail, element: <ConfirmEmailPage /> },
          { path: paths.invitation, element: <InvitationPage /> },
          { path: paths.accountDeleted, element: <AccountDeletedPage /> },
          {
            element: <RequireAuth />,
            children: [
              { path: paths.account, element: <AccountPage /> },
              { path: paths.inbox, element: <InboxPage /> },
              { path: paths.myIssues, element: <MyIssuesPage /> },
              {
                element: <RequireConsole />,
                // Loaded when first opened: only staff need the console.
                children: [
                  {
                    path: paths.console,
                    lazy: async () => ({ Component: (await import('@/features/console/routes/console-page')).ConsolePage }),
                  },
                  {
                    path: paths.consoleNew,
                    lazy: async () => ({ Component: (await import('@/features/console/routes/new-issue-page')).NewIssuePage }),
                  },
                  {
                    path: paths.consoleIssuePattern,
                    lazy: async () => ({ Component: (await import('@/features/console/routes/work-page')).WorkPage }),
                  },
                  // Statistics are for the same staff as the console (the server checks the same roles).
                  {
                    path: paths.consoleStats,
                    lazy: async () => ({ Component: (await import('@/features/stats/routes/stats-page')).StatsPage }),
                  },
                ],
              },
              {
                element: <RequireKnowledgeStaff />,
                // Loaded when first opened: only the knowledge base's staff need these.
                children: [
                  {
                    path: paths.staffProcedures,
                    lazy: async () => ({
                      Component: (await import('@/features/knowledge/routes/staff-procedures-page')).StaffProceduresPage,
                    }),
                  },
                  {
                    path: paths.procedureDrafts,
                    lazy: async () => ({ Component: (await import('@/features/knowledge/routes/drafts-page')).DraftsPage }),
                  },
                  {
                    path: paths.procedureReviewQueue,
                    lazy: async () => ({
                      Component: (await import('@/features/knowledge/routes/review-queue-page')).ReviewQueuePage,
                    }),
                  },
                  {
                    path: paths.newProcedure,
                    lazy: async () => ({
                      Component: (await import('@/features/knowledge/routes/new-procedure-page')).NewProcedurePage,
                    }),
                  },
                  {
                    path: paths.procedureDraftPattern,
                    lazy: async () => ({ Component: (await import('@/features/knowledge/routes/draft-page')).DraftPage }),
                  },
                  {
                    path: paths.procedureReviewPattern,
                    lazy: async () => ({ Component: (await import('@/features/knowledge/routes/review-page')).ReviewPage }),
                  },
                ],
              },
              {
                element: <RequireModerator />,
                children: [
                  {
                    path: paths.moderation,
                    lazy: async () => ({
                      Component: (await import('@/features/moderation/routes/moderation-page')).ModerationPage,
                    }),
                  },
                ],
              },
              {
                element: <RequireAdmin />,
                children: [
                  { path: paths.admin, element: <Navigate to={paths.adminUsers} replace /> },
                  // Loaded when first opened: most people never need the administration.
                  {
                    path: paths.adminUsers,
                    lazy: async () => ({ Component: (await import('@/features/admin/routes/users-page')).UsersPage }),
                  },
                  {
                    path: `${paths.adminUsers}/:id`,
                    lazy: async () => ({ Component: (await import('@/features/admin/routes/user-page')).UserPage }),
                  },
                  {
                    path: paths.adminCategories,
                    lazy: async () => ({
                      Component: (await import('@/features/admin/routes/categories-page')).CategoriesPage,
                    }),
                  },
                  {
                    path: paths.adminNewCategory,
                    lazy: async () => ({
                      Component: (await import('@/features/admin/routes/new-category-page')).NewCategoryPage,
                    }),
                  },
                  {
                    path: `${paths.adminCategories}/:slug`,
                    lazy: async () => ({
                      Component: (await import('@/features/admin/routes/category-page')).CategoryPage,
                    }),
                  },
                  {
                    path: paths.adminInvite,
                    lazy: async () => ({ Component: (await import('@/features/admin/routes/invite-page')).InvitePage }),
                  },
                  {
                    path: paths.adminTerms,
                    lazy: async () => ({ Component: (await import('@/features/admin/routes/terms-page')).TermsPage }),
                  },
                  {
                    path: paths.adminAnnouncements,
                    lazy: async () => ({
                      Component: (await import('@/features/admin/routes/announcements-page')).AnnouncementsPage,
                    }),
                  },
                  {
                    path: paths.adminAccessLog,
                    lazy: async () => ({
                      Component: (await import('@/features/admin/routes/access-log-page')).AccessLogPage,
                    }),
                  },
                  {
                    path: paths.adminApps,
                    lazy: async () => ({ Component: (await import('@/features/admin/routes/apps-page')).AppsPage }),
                  },
                  {
                    path: `${paths.adminApps}/:id`,
                    lazy: async () => ({ Component: (await import('@/features/admin/routes/app-page')).AppPage }),
                  },
                  {
                    path: paths.adminWebhooks,
                    lazy: async () => ({ Component: (await import('@/features/admin/routes/webhooks-page')).WebhooksPage }),
                  },
                  {
                    path: `${paths.adminWebhooks}/:id`,
                    lazy: async () => ({ Component: (await import('@/features/admin/routes/webhook-page')).WebhookPage }),
                  },
                ],
              },
            ],
          },
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
