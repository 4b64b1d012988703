import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearchParams } from 'react-router';
import { Page } from '@/components/page';
import { paths } from '@/config/paths';
import { useCategories } from '@/lib/issues/queries';
import { useMyUnits } from '../api/my-units';
import { Announcement } from '../components/announcement';
import { QueueFilters } from '../components/queue-filters';
import { QueueList } from '../components/queue-list';
import { QueueMapView } from '../components/queue-map-view';
import { filterOf, pageOf, paramsOf, type QueueFilter } from '../utils/queue-filter';

type View = 'list' | 'map';

/** What another page says it did when it sent the person here (a transfer out of their units). */
function noticeOf(state: unknown): string | undefined {
  if (typeof state !== 'object' || state === null || !('notice' in state)) return undefined;
  return typeof state.notice === 'string' ? state.notice : undefined;
}

/** The two views of the queue: the same issues as a list or on the map. */
function ViewSwitch({ view, onChange }: { view: View; onChange: (view: View) => void }) {
  const { t } = useTranslation();
  return (
    <div role="group" aria-label={t('console.view.label')} className="view-switch">
      {(['list', 'map'] as const).map((option) => (
        <button
          key={option}
          type="button"
          className={view === option ? undefined : 'secondary'}
          aria-pressed={view === option}
          onClick={() => {
            onChange(option);
          }}
        >
          {t(`console.view.${option}`)}
        </button>
      ))}
    </div>
  );
}

/** The operator console: the queue of one's units, sorted by deadline (R10.1). */
export function ConsolePage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const notice = noticeOf(useLocation().state);
  const categories = useCategories();
  const units = useMyUnits();
  const filter = filterOf(params);
  const view: View = params.get('view') === 'map' ? 'map' : 'list';

  const show = (next: QueueFilter, nextView: View = view) => {
    setParams({ ...paramsOf(next), ...(nextView === 'map' ? { view: 'map' } : {}) });
  };

  return (
    <Page title={t('console.title')}>
      {notice && <Announcement text={notice} />}
      <p className="lead">{t('console.intro')}</p>
      <p>
        <Link to={paths.consoleNew}>{t('console.registerLink')}</Link>
      </p>
      <QueueFilters
        key={`filters?${params.toString()}`}
        filter={filter}
        categories={categories.data ?? []}
        units={units}
        onChange={(next) => {
          show(next);
        }}
      />
      <ViewSwitch
        view={view}
        onChange={(next) => {
          show(filter, next);
        }}
      />
      {view === 'map' ? (
        <QueueMapView filter={filter} />
      ) : (
        <QueueList key={`list?${params.toString()}`} filter={filter} page={pageOf(params.get('page'))} />
      )}
    </Page>
  );
}
