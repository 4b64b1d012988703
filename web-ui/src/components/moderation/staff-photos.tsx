import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '@/components/form';
import { formErrorsOf } from '@/lib/api/field-errors';
import { usePhotoVisibility, useStaffPhoto, type StaffIssue } from '@/lib/issues/staff';

const NO_FIELDS: readonly string[] = [];

type StaffPhotoProps = {
  number: string;
  photo: StaffIssue['all_photos'][number];
  index: number;
  count: number;
  canModerate: boolean;
};

function StaffPhoto({ number, photo, index, count, canModerate }: StaffPhotoProps) {
  const { t } = useTranslation();
  const [full, setFull] = useState(false);
  const thumbnail = useStaffPhoto(number, photo.id, true);
  const large = useStaffPhoto(number, photo.id, false, full);
  const visibility = usePhotoVisibility(number);
  const failure = formErrorsOf(visibility.error, NO_FIELDS).form;
  const alt = t('moderation.photo', { index: index + 1, count });
  const source = full && large.data ? large.data : thumbnail.data;

  return (
    <li className={photo.hidden ? 'staff-photo staff-photo--hidden' : 'staff-photo'}>
      {source ? <img src={source} alt={alt} /> : <p className="status">{thumbnail.isError ? t('common.loadError') : t('common.loading')}</p>}
      <p className="staff-photo__state">{photo.hidden ? t('moderation.photoHidden') : t('moderation.photoShown')}</p>
      <div className="form__actions">
        <button
          type="button"
          className="secondary"
          aria-pressed={full}
          onClick={() => {
            setFull((current) => !current);
          }}
        >
          {t('moderation.fullSize', { index: index + 1 })}
        </button>
        {canModerate && (
          <button
            type="button"
            className="secondary"
            disabled={visibility.isPending}
            onClick={() => {
              visibility.mutate({ photoId: photo.id, hidden: !photo.hidden });
            }}
          >
            {photo.hidden ? t('moderation.showPhoto', { index: index + 1 }) : t('moderation.hidePhoto', { index: index + 1 })}
          </button>
        )}
      </div>
      {failure && (
        <p role="alert" className="field__error">
          {errorMessage(t, failure)}
        </p>
      )}
    </li>
  );
}

/**
 * Every photo of an issue, hidden ones too; for moderators each with a way to hide it from the
 * public or show it again.
 */
export function StaffPhotos({ issue, canModerate = true }: { issue: StaffIssue; canModerate?: boolean }) {
  const { t } = useTranslation();
  if (issue.all_photos.length === 0) {
    return <p>{t('issue.noPhotos')}</p>;
  }
  return (
    <ul className="staff-photos">
      {issue.all_photos.map((photo, index) => (
        <StaffPhoto
          key={photo.id}
          number={issue.number}
          photo={photo}
          index={index}
          count={issue.all_photos.length}
          canModerate={canModerate}
        />
      ))}
    </ul>
  );
}
