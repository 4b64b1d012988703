import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { Page } from '@/components/page';
import { LoadError, Loading } from '@/components/status';
import { useAccounts, type AccountFilter } from '../api/accounts';
import { AccountFilters } from '../components/account-filters';
import { AccountTable } from '../components/account-table';
import { AdminNav } from '../components/admin-nav';
import { Pagination } from '@/components/pagination';
import { isRole } from '../components/roles';

const PER_PAGE = 25;

function pageOf(value: string | null): number {
  const page = Number(value);
  return Number.isInteger(page) && page > 0 ? page : 1;
}

export function UsersPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const role = params.get('role') ?? '';
  const blocked = params.get('blocked') ?? '';
  const page = pageOf(params.get('page'));

  const filter: AccountFilter = { page, per_page: PER_PAGE };
  if (q) filter.q = q;
  if (isRole(role)) filter.role = role;
  if (blocked === 'true' || blocked === 'false') filter.blocked = blocked === 'true';
  const accounts = useAccounts(filter);

  const onFilter = (next: { q: string; role: string; blocked: string }) => {
    setParams(Object.fromEntries(Object.entries(next).filter(([, value]) => value !== '')));
  };

  return (
    <Page title={t('admin.users.title')}>
      <AdminNav />
      <AccountFilters key={params.toString()} q={q} role={role} blocked={blocked} onChange={onFilter} />
      {accounts.isPending && <Loading />}
      {accounts.isError && <LoadError onRetry={() => void accounts.refetch()} />}
      {accounts.data && (
        <section aria-label={t('admin.users.results')} aria-busy={accounts.isFetching}>
          <p role="status" className="status">
            {t('admin.users.count', { count: accounts.data.total })}
          </p>
          {accounts.data.items.length > 0 && <AccountTable accounts={accounts.data.items} />}
          <Pagination
            page={accounts.data.page}
            pages={Math.max(1, Math.ceil(accounts.data.total / accounts.data.per_page))}
            hasNext={accounts.data.page * accounts.data.per_page < accounts.data.total}
          />
        </section>
      )}
    </Page>
  );
}
