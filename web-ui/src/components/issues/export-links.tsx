import { useTranslation } from 'react-i18next';
import { exportUrl, type ExportFilter } from '@/lib/issues/export';

type ExportLinksProps = {
  filter: ExportFilter;
  /** What the links download, said before them. */
  label: string;
};

/** Open data (R2.7): the issues the filter selects, as CSV or GeoJSON. */
export function ExportLinks({ filter, label }: ExportLinksProps) {
  const { t } = useTranslation();
  return (
    <p className="export-links">
      {label}{' '}
      <a href={exportUrl('csv', filter)} download>
        {t('openData.csv')}
      </a>{' '}
      <a href={exportUrl('geojson', filter)} download>
        {t('openData.geojson')}
      </a>
    </p>
  );
}
