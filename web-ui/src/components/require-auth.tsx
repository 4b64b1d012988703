import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router';
import { paths } from '@/config/paths';
import { loginPathFor, useAuth, type Auth } from '@/lib/auth';
import { Page } from './page';
import { LoadError, Loading } from './status';

/** Pages for logged-in people: others are sent to the login page, and brought back after. */
export function RequireAuth() {
  const { status } = useAuth();
  const location = useLocation();
  if (status === 'restoring') {
    return <Loading />;
  }
  if (status === 'anonymous') {
    return <Navigate to={loginPathFor(paths.login, `${location.pathname}${location.search}`)} replace />;
  }
  return <Outlet />;
}

/** A page for people with a staff role: inside `RequireAuth`; anyone else learns they may not see it. */
function RequireStaff({ allowed, forbiddenText }: { allowed: (auth: Auth) => boolean; forbiddenText: string }) {
  const { t } = useTranslation();
  const auth = useAuth();
  if (auth.profileFailed) {
    return <LoadError onRetry={auth.reloadProfile} />;
  }
  if (!auth.profile) {
    return <Loading />;
  }
  if (!allowed(auth)) {
    return (
      <Page title={t('forbidden.title')}>
        <p className="lead">{forbiddenText}</p>
      </Page>
    );
  }
  return <Outlet />;
}

/** Administration pages. */
export function RequireAdmin() {
  const { t } = useTranslation();
  return <RequireStaff allowed={(auth) => auth.isAdmin} forbiddenText={t('forbidden.text')} />;
}

/** Moderation pages: moderators and administrators. */
export function RequireModerator() {
  const { t } = useTranslation();
  return <RequireStaff allowed={(auth) => auth.isModerator} forbiddenText={t('forbidden.moderators')} />;
}

/** The operator console: operators, the contact centre, moderators and administrators. */
export function RequireConsole() {
  const { t } = useTranslation();
  return <RequireStaff allowed={(auth) => auth.canUseConsole} forbiddenText={t('forbidden.console')} />;
}

/** The knowledge base's staff pages: the contact centre, procedure editors, publishers and administrators. */
export function RequireKnowledgeStaff() {
  const { t } = useTranslation();
  return <RequireStaff allowed={(auth) => auth.isKnowledgeStaff} forbiddenText={t('forbidden.knowledge')} />;
}
