import { useTranslation } from 'react-i18next';
import { exportUrl, type IssueFilter } from '../api/issues';

/** Open data (R2.7): the issues the filters select, as CSV or GeoJSON. */
export function ExportLinks({ filter }: { filter: IssueFilter }) {
  const { t } = useTranslation();
  return (
    <p className="export-links">
      {t('map.export.label')}{' '}
      <a href={exportUrl('csv', filter)} download>
        {t('map.export.csv')}
      </a>{' '}
      <a href={exportUrl('geojson', filter)} download>
        {t('map.export.geojson')}
      </a>
    </p>
  );
}
