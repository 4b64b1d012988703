import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { Page } from '@/components/page';
import { sessionStore } from '@/lib/auth';

function cameFromDeletion(state: unknown): boolean {
  return typeof state === 'object' && state !== null && 'deleted' in state && state.deleted === true;
}

/** Shown after the account is deleted; the server has ended its sessions, so this tab's too. */
export function AccountDeletedPage() {
  const { t } = useTranslation();
  const deleted = cameFromDeletion(useLocation().state);
  useEffect(() => {
    if (deleted) {
      sessionStore.clear();
    }
  }, [deleted]);
  return (
    <Page title={t('accountDeleted.title')}>
      <p className="lead">{t('accountDeleted.text')}</p>
    </Page>
  );
}
