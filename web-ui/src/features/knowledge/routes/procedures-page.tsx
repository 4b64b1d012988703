import { useTranslation } from 'react-i18next';
import { Page } from '@/components/page';
import { ProcedureBrowser } from '../components/procedure-browser';

/** The knowledge base for everybody: search, browse by unit and topic, and the feeds for BIP. */
export function ProceduresPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('procedures.title')}>
      <p className="lead">{t('procedures.intro')}</p>
      <ProcedureBrowser />
      <p className="procedure-feeds">
        {t('knowledge.search.feeds')} <a href="/api/v1/procedures/feed.atom">{t('knowledge.search.feedAtom')}</a>
        {' · '}
        <a href="/api/v1/procedures/feed.json">{t('knowledge.search.feedJson')}</a>
      </p>
    </Page>
  );
}
