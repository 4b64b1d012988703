import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';

type PaginationProps = {
  page: number;
  /** Unknown when the API gives no total; then `hasNext` says whether to offer the next page. */
  pages?: number;
  hasNext: boolean;
};

/** Previous and next page links that keep the page's other query parameters. */
export function Pagination({ page, pages, hasNext }: PaginationProps) {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const linkTo = (target: number) => {
    const next = new URLSearchParams(params);
    next.set('page', String(target));
    return `?${next.toString()}`;
  };
  if (page <= 1 && !hasNext) {
    return null;
  }
  return (
    <nav className="pagination" aria-label={t('pagination.label')}>
      {page > 1 && <Link to={linkTo(page - 1)}>{t('pagination.previous')}</Link>}
      <span>{pages ? t('pagination.pageOf', { page, pages }) : t('pagination.page', { page })}</span>
      {hasNext && <Link to={linkTo(page + 1)}>{t('pagination.next')}</Link>}
    </nav>
  );
}
