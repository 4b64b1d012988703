import { useEffect, useId, useRef, useState, type ChangeEvent, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage, FormFeedback, TextField, useFormErrors } from '@/components/form';
import type { DraftPhoto } from '../utils/draft';
import { checkPhotos, MAX_PHOTOS, type PhotoRefusal } from '../utils/photos';
import { photoErrors, stepOfField } from '../utils/steps';
import { StepForm, type StepPosition } from './step-form';

const FIELDS = ['photos'] as const;
// Errors of single photos (`photos[1]`) are shown at the photos below, not by the form's hook.
const ELSEWHERE = (field: string) => stepOfField(field) !== 'photos' || field.startsWith('photos[');

type PhotosStepProps = {
  photos: readonly DraftPhoto[];
  position: StepPosition;
  serverError: unknown;
  onAdd: (files: File[]) => void;
  onRemove: (photo: DraftPhoto) => void;
  onNext: () => void;
  onBack: () => void;
};

function formatSize(bytes: number, language: string | undefined): string {
  const format = new Intl.NumberFormat(language, { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 });
  return format.format(bytes / 1024 / 1024);
}

/** Step: up to five photos, taken now or chosen from the device, with previews and a remove button each. */
export function PhotosStep({ photos, position, serverError, onAdd, onRemove, onNext, onBack }: PhotosStepProps) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const { formRef, fieldError, formError, hasFieldErrors } = useFormErrors(serverError, FIELDS, { elsewhere: ELSEWHERE });
  const [refused, setRefused] = useState<{ name: string; reason: PhotoRefusal }[]>([]);
  const alertRef = useRef<HTMLDivElement>(null);
  const wrongPhotos = photoErrors(serverError);
  const wrongCount = wrongPhotos.size;

  // After a failed submission, the list of wrong photos is where to start.
  useEffect(() => {
    if (wrongCount > 0) alertRef.current?.focus();
  }, [wrongCount]);

  const add = (event: ChangeEvent<HTMLInputElement>) => {
    const files = Array.from(event.target.files ?? []);
    event.target.value = '';
    const { accepted, refused: notTaken } = checkPhotos(files, photos.length);
    setRefused(notTaken.map(({ file, reason }) => ({ name: file.name, reason })));
    if (accepted.length > 0) onAdd(accepted);
  };

  const refusalText = (reason: PhotoRefusal) => t(`report.photos.refused.${reason}`, { max: MAX_PHOTOS });

  return (
    <StepForm
      title={t('report.steps.photos')}
      position={position}
      formRef={formRef}
      onSubmit={(event: SubmitEvent<HTMLFormElement>) => {
        event.preventDefault();
        onNext();
      }}
      onBack={onBack}
    >
      <FormFeedback formError={formError} hasFieldErrors={hasFieldErrors} />
      {wrongCount > 0 && (
        <div ref={alertRef} role="alert" className="alert form-alert" tabIndex={-1}>
          <p>{t('report.photos.wrong')}</p>
          <ul>
            {[...wrongPhotos].map(([index, code]) => (
              <li key={index}>
                {t('report.photos.wrongOne', { index: index + 1, message: errorMessage(t, { code }) })}
              </li>
            ))}
          </ul>
        </div>
      )}
      <p>{t('report.photos.intro', { max: MAX_PHOTOS })}</p>
      <TextField
        type="file"
        name="camera"
        accept="image/*"
        capture="environment"
        label={t('report.photos.camera')}
        optional
        onChange={add}
      />
      <TextField
        type="file"
        name="photos"
        accept="image/*"
        multiple
        label={t('report.photos.choose')}
        hint={t('report.photos.chooseHint', { max: MAX_PHOTOS })}
        optional
        onChange={add}
        error={fieldError('photos')}
      />
      {refused.length > 0 && (
        <div role="status" className="notice">
          <ul>
            {refused.map(({ name, reason }) => (
              <li key={name}>{t('report.photos.refusedOne', { name, reason: refusalText(reason) })}</li>
            ))}
          </ul>
        </div>
      )}
      <p role="status" className="status">
        {t('report.photos.count', { count: photos.length, max: MAX_PHOTOS })}
      </p>
      {photos.length > 0 && (
        <ul className="photo-previews" aria-label={t('report.photos.listLabel')}>
          {photos.map((photo, index) => {
            const code = wrongPhotos.get(index);
            const errorId = `${id}-photo-${String(index)}-error`;
            return (
              <li key={photo.id} className={code ? 'photo-preview photo-preview--invalid' : 'photo-preview'}>
                <img src={photo.preview} alt={t('report.photos.preview', { index: index + 1, name: photo.file.name })} />
                <p className="photo-preview__name">
                  {photo.file.name} ({formatSize(photo.file.size, i18n.resolvedLanguage)})
                </p>
                {code && (
                  <p id={errorId} className="field__error">
                    {errorMessage(t, { code })}
                  </p>
                )}
                <button
                  type="button"
                  className="secondary"
                  aria-describedby={code ? errorId : undefined}
                  onClick={() => {
                    onRemove(photo);
                    // The removed button is gone; the next place to be is choosing photos.
                    formRef.current?.querySelector<HTMLInputElement>('input[name="photos"]')?.focus();
                  }}
                >
                  {t('report.photos.remove', { index: index + 1 })}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </StepForm>
  );
}
