import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ExportLinks } from '@/components/issues/export-links';
import { Page } from '@/components/page';
import { Section } from '@/components/section';
import { LoadError, Loading } from '@/components/status';
import { useCategories, useCity } from '@/lib/issues/queries';
import type { IssueFilter } from '../api/issues';
import { filterOf, pageOf, paramsOf } from '../utils/filters';
import { IssueFilters } from '../components/issue-filters';
import { IssueList } from '../components/issue-list';

// The map library is large; the page (filters and list) shows at once and the map follows.
const IssueMap = lazy(async () => ({ default: (await import('../components/issue-map')).IssueMap }));

export function MapPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filter = filterOf(params);
  const page = pageOf(params.get('page'));
  const city = useCity();
  const categories = useCategories();

  const onFilter = (next: IssueFilter) => {
    setParams(paramsOf(next));
  };

  return (
    <Page title={t('map.title')}>
      <p className="lead">{t('map.intro')}</p>
      <IssueFilters key={params.toString()} filter={filter} categories={categories.data ?? []} onChange={onFilter} />
      <ExportLinks filter={filter} label={t('map.export.label')} />
      <div className="map-layout">
        <div className="map-layout__map">
          {city.isPending && <Loading />}
          {city.isError && <LoadError onRetry={() => void city.refetch()} />}
          {city.data && (
            <Suspense fallback={<Loading />}>
              <IssueMap city={city.data} filter={filter} />
            </Suspense>
          )}
        </div>
        <div className="map-layout__list">
          <Section title={t('map.list.title')}>
            <IssueList filter={filter} page={page} />
          </Section>
        </div>
      </div>
    </Page>
  );
}
