import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Names the browser tab (and what screen readers announce first) after the current page. */
export function useDocumentTitle(page: string): void {
  const { t } = useTranslation();
  const title = t('pageTitle', { page });
  useEffect(() => {
    document.title = title;
  }, [title]);
}
