import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { DateTime } from '@/components/date-time';
import { Page } from '@/components/page';
import { LoadError, Loading } from '@/components/status';
import { paths } from '@/config/paths';
import { useAccessLog, type AccessLogFilter } from '../api/administration';
import { AdminNav } from '../components/admin-nav';
import { Pagination } from '@/components/pagination';

const PER_PAGE = 50;

/** Who read whose personal data, and why (R6.3). */
export function AccessLogPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const staffId = params.get('staff_id');
  const subjectId = params.get('subject_id');
  const pageNumber = Number(params.get('page'));
  const page = Number.isInteger(pageNumber) && pageNumber > 0 ? pageNumber : 1;

  const filter: AccessLogFilter = { page, per_page: PER_PAGE };
  if (staffId) filter.staff_id = staffId;
  if (subjectId) filter.subject_id = subjectId;
  const log = useAccessLog(filter);

  const person = (id: string | null | undefined) =>
    id ? <Link to={paths.adminUser(id)}>{id}</Link> : <span className="status">{t('admin.accessLog.none')}</span>;

  return (
    <Page title={t('admin.accessLog.title')}>
      <AdminNav />
      <p className="lead">{t('admin.accessLog.intro')}</p>
      {(staffId ?? subjectId) && (
        <p>
          {staffId && t('admin.accessLog.byStaff', { id: staffId })} {subjectId && t('admin.accessLog.ofSubject', { id: subjectId })}{' '}
          <Link to={paths.adminAccessLog}>{t('admin.accessLog.all')}</Link>
        </p>
      )}
      {log.isPending && <Loading />}
      {log.isError && <LoadError onRetry={() => void log.refetch()} />}
      {log.data &&
        (log.data.items.length === 0 ? (
          <p>{t('admin.accessLog.empty')}</p>
        ) : (
          <>
            <div className="table-wrap">
              <table className="table">
                <caption className="visually-hidden">{t('admin.accessLog.title')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('admin.accessLog.when')}</th>
                    <th scope="col">{t('admin.accessLog.staff')}</th>
                    <th scope="col">{t('admin.accessLog.subject')}</th>
                    <th scope="col">{t('admin.accessLog.context')}</th>
                  </tr>
                </thead>
                <tbody>
                  {log.data.items.map((entry) => (
                    <tr key={entry.id}>
                      <td>
                        <DateTime value={entry.accessed_at} />
                      </td>
                      <td>{person(entry.staff_id)}</td>
                      <td>{person(entry.subject_account_id)}</td>
                      <td>{entry.context}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <Pagination page={log.data.page} hasNext={log.data.items.length === log.data.per_page} />
          </>
        ))}
    </Page>
  );
}
