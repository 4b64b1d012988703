/** The most photos an issue may have. */
export const MAX_PHOTOS = 5;

/** The largest photo the server takes. */
const MAX_PHOTO_BYTES = 10 * 1024 * 1024;

export type PhotoRefusal = 'notAnImage' | 'tooLarge' | 'tooMany';

/**
 * Splits chosen files into those to keep and those refused (the server checks the content
 * again; this spares sending what it would refuse anyway).
 */
export function checkPhotos(files: readonly File[], already: number): { accepted: File[]; refused: { file: File; reason: PhotoRefusal }[] } {
  const accepted: File[] = [];
  const refused: { file: File; reason: PhotoRefusal }[] = [];
  for (const file of files) {
    if (!file.type.startsWith('image/')) {
      refused.push({ file, reason: 'notAnImage' });
    } else if (file.size > MAX_PHOTO_BYTES) {
      refused.push({ file, reason: 'tooLarge' });
    } else if (already + accepted.length >= MAX_PHOTOS) {
      refused.push({ file, reason: 'tooMany' });
    } else {
      accepted.push(file);
    }
  }
  return { accepted, refused };
}
