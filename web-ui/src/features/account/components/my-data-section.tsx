import { useTranslation } from 'react-i18next';
import { FormFeedback, useFormErrors } from '@/components/form';
import { saveFile } from '@/lib/save-file';
import { useDownloadMyData } from '../api/profile';

const NO_FIELDS = [] as const;

/** The right of access (GDPR art. 15): everything held about the person, as a JSON file. */
export function MyDataSection() {
  const { t } = useTranslation();
  const download = useDownloadMyData();
  const { formError } = useFormErrors(download.error, NO_FIELDS);
  return (
    <>
      <p>{t('myData.text')}</p>
      <FormFeedback formError={formError} hasFieldErrors={false} />
      <button
        type="button"
        disabled={download.isPending}
        onClick={() => {
          download.mutate(undefined, {
            onSuccess: ({ blob, filename }) => {
              saveFile(blob, filename);
            },
          });
        }}
      >
        {download.isPending ? t('myData.pending') : t('myData.download')}
      </button>
    </>
  );
}
