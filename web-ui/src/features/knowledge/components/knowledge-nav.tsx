import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { paths } from '@/config/paths';
import { useAuth } from '@/lib/auth';

/** Whether the person writes procedures (of some unit, or of any as an administrator). */
export function useIsProcedureEditor(): boolean {
  const { procedureUnits } = useAuth();
  return procedureUnits === 'all' || procedureUnits.length > 0;
}

/** The staff pages of the knowledge base, as far as the person's roles reach. */
export function KnowledgeNav() {
  const { t } = useTranslation();
  const { isKnowledgePublisher } = useAuth();
  const editor = useIsProcedureEditor();
  const items = [
    { to: paths.staffProcedures, label: t('knowledge.console.navAll'), shown: true },
    { to: paths.procedureDrafts, label: t('knowledge.console.navDrafts'), shown: editor || isKnowledgePublisher },
    { to: paths.procedureReviewQueue, label: t('knowledge.console.navReview'), shown: isKnowledgePublisher },
    { to: paths.newProcedure, label: t('knowledge.console.navNew'), shown: editor },
  ];
  return (
    <nav className="sub-nav no-print" aria-label={t('knowledge.console.nav')}>
      <ul>
        {items
          .filter((item) => item.shown)
          .map((item) => (
            <li key={item.to}>
              <NavLink to={item.to} end>
                {item.label}
              </NavLink>
            </li>
          ))}
      </ul>
    </nav>
  );
}
