import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { paths } from '@/config/paths';
import { useAuth } from '@/lib/auth';

// NavLink marks the link of the current page with aria-current="page".
const items = [
  { to: paths.map, label: 'nav.map', end: true },
  { to: paths.report, label: 'nav.report', end: false },
  { to: paths.procedures, label: 'nav.procedures', end: false },
  { to: paths.units, label: 'nav.units', end: false },
] as const;

const consoleItem = { to: paths.console, label: 'nav.console', end: false } as const;
const moderationItem = { to: paths.moderation, label: 'nav.moderation', end: false } as const;
const adminItem = { to: paths.admin, label: 'nav.admin', end: false } as const;

export function MainNav() {
  const { t } = useTranslation();
  const { isAdmin, isModerator, canUseConsole } = useAuth();
  const shown = [
    ...items,
    ...(canUseConsole ? [consoleItem] : []),
    ...(isModerator ? [moderationItem] : []),
    ...(isAdmin ? [adminItem] : []),
  ];
  return (
    <nav className="main-nav" aria-label={t('nav.label')}>
      <ul className="container main-nav__list">
        {shown.map((item) => (
          <li key={item.to}>
            <NavLink to={item.to} end={item.end} className="main-nav__link">
              {t(item.label)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
