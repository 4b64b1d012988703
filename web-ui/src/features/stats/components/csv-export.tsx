import { useTranslation } from 'react-i18next';
import { FormFeedback, useFormErrors } from '@/components/form';
import { saveFile } from '@/lib/save-file';
import { useStatsExport, type Breakdown, type StatsFilter } from '../api/stats';

const NO_FIELDS = [] as const;

/** Downloads one breakdown of the figures shown as CSV (the same filters, one row per group). */
export function CsvExport({ breakdown, filter }: { breakdown: Breakdown; filter: StatsFilter }) {
  const { t } = useTranslation();
  const download = useStatsExport(filter);
  const { formError } = useFormErrors(download.error, NO_FIELDS);
  return (
    <div className="csv-export">
      <FormFeedback formError={formError} hasFieldErrors={false} />
      <button
        type="button"
        className="secondary"
        disabled={download.isPending}
        onClick={() => {
          download.mutate(breakdown, {
            onSuccess: ({ blob, filename }) => {
              saveFile(blob, filename);
            },
          });
        }}
      >
        {download.isPending ? t('stats.export.pending') : t(`stats.export.${breakdown}`)}
      </button>
    </div>
  );
}
