import { useTranslation } from 'react-i18next';
import { NavLink, useLocation } from 'react-router';
import { paths } from '@/config/paths';
import { useAuth } from '@/lib/auth';

type Item = {
  to: string;
  label:
    | 'nav.map'
    | 'nav.report'
    | 'nav.procedures'
    | 'nav.units'
    | 'nav.console'
    | 'nav.stats'
    | 'nav.knowledge'
    | 'nav.moderation'
    | 'nav.admin';
  end: boolean;
  /** Paths under `to` that other items lead to, so that only one item is current. */
  except?: readonly string[];
};

const items: readonly Item[] = [
  { to: paths.map, label: 'nav.map', end: true },
  { to: paths.report, label: 'nav.report', end: false },
  { to: paths.procedures, label: 'nav.procedures', end: false },
  { to: paths.units, label: 'nav.units', end: false },
];

const consoleItem: Item = { to: paths.console, label: 'nav.console', end: false, except: [paths.staffProcedures, paths.consoleStats] };
const statsItem: Item = { to: paths.consoleStats, label: 'nav.stats', end: false };
const knowledgeItem: Item = { to: paths.staffProcedures, label: 'nav.knowledge', end: false };
const moderationItem: Item = { to: paths.moderation, label: 'nav.moderation', end: false };
const adminItem: Item = { to: paths.admin, label: 'nav.admin', end: false };

export function MainNav() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const { isAdmin, isModerator, canUseConsole, isKnowledgeStaff } = useAuth();
  const shown = [
    ...items,
    ...(canUseConsole ? [consoleItem, statsItem] : []),
    ...(isKnowledgeStaff ? [knowledgeItem] : []),
    ...(isModerator ? [moderationItem] : []),
    ...(isAdmin ? [adminItem] : []),
  ];
  return (
    <nav className="main-nav" aria-label={t('nav.label')}>
      <ul className="container main-nav__list">
        {shown.map((item) => {
          const elsewhere = item.except?.some((path) => pathname.startsWith(path)) ?? false;
          return (
            <li key={item.to}>
              {/* NavLink marks the link of the current page with aria-current="page". */}
              <NavLink
                to={item.to}
                end={item.end}
                className="main-nav__link"
                aria-current={elsewhere ? false : undefined}
              >
                {t(item.label)}
              </NavLink>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
