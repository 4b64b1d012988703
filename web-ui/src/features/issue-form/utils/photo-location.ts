import type { Location } from '@/lib/issues/types';

/**
 * The GPS position in a photo's EXIF data, read in the browser before the upload (the server
 * strips it). The reader is loaded only when a photo is chosen for this.
 */
export async function photoLocation(file: File): Promise<Location | undefined> {
  try {
    const { gps } = await import('exifr/dist/lite.esm.mjs');
    const position = await gps(file);
    const { latitude, longitude } = position;
    return Number.isFinite(latitude) && Number.isFinite(longitude) ? { lat: latitude, lon: longitude } : undefined;
  } catch {
    // No EXIF, no GPS in it, or not an image the reader knows: there is just no suggestion.
    return undefined;
  }
}
