// exifr's smaller build (JPEG, HEIC, TIFF; EXIF and GPS), which has the same API as the package.
declare module 'exifr/dist/lite.esm.mjs' {
  export * from 'exifr';
}
