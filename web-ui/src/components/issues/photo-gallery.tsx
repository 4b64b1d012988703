import { useTranslation } from 'react-i18next';
import type { PhotoView } from '@/lib/issues/types';

/** An issue's photos as thumbnails, each a link to the photo in full size. */
export function PhotoGallery({ photos }: { photos: readonly PhotoView[] }) {
  const { t } = useTranslation();
  if (photos.length === 0) {
    return <p>{t('issue.noPhotos')}</p>;
  }
  return (
    <ul className="photo-gallery">
      {photos.map((photo, index) => (
        <li key={photo.id}>
          <a href={photo.url}>
            <img
              src={photo.thumbnail_url}
              alt={t('issue.photo', { index: index + 1, count: photos.length })}
              loading="lazy"
              style={{ aspectRatio: `${String(photo.width)} / ${String(photo.height)}` }}
            />
          </a>
        </li>
      ))}
    </ul>
  );
}
