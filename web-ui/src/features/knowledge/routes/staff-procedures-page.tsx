import { useTranslation } from 'react-i18next';
import { Page } from '@/components/page';
import { KnowledgeNav } from '../components/knowledge-nav';
import { ProcedureBrowser } from '../components/procedure-browser';

/** Every procedure for staff: internal ones and those residents do not see included. */
export function StaffProceduresPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('knowledge.console.title')}>
      <KnowledgeNav />
      <p className="lead">{t('knowledge.console.intro')}</p>
      <ProcedureBrowser staff />
    </Page>
  );
}
