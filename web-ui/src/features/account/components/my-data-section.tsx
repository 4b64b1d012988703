import { useTranslation } from 'react-i18next';
import { FormFeedback, useFormErrors } from '@/components/form';
import { useDownloadMyData } from '../api/profile';

const NO_FIELDS = [] as const;

/** Hands a fetched file to the browser as a download. */
function saveFile(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later: some browsers read the URL after click() returns.
  setTimeout(() => {
    URL.revokeObjectURL(url);
  }, 10_000);
}

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
