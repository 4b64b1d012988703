//! Photo intake (R1.9): the type is read from the content, not the name; size and pixel
//! limits refuse oversized files and decompression bombs; the image is decoded, turned
//! upright by its EXIF orientation, and re-encoded as a fresh JPEG — so every EXIF, XMP
//! and other metadata field (GPS, device, owner) is gone — with a thumbnail.

use std::io::Cursor;

use image::{DynamicImage, ImageDecoder, ImageFormat, ImageReader, Limits};

use crate::error::FieldError;

/// Largest accepted upload.
pub const MAX_BYTES: usize = 10 * 1024 * 1024;
/// Largest accepted width or height, and pixel count.
const MAX_SIDE: u32 = 12_000;
const MAX_PIXELS: u64 = 40_000_000;
/// Stored photos are at most this wide or high.
const STORED_SIDE: u32 = 2048;
const THUMBNAIL_SIDE: u32 = 320;
const JPEG_QUALITY: u8 = 85;

/// A photo ready to store.
#[derive(Debug)]
pub struct ProcessedPhoto {
    pub jpeg: Vec<u8>,
    pub thumbnail: Vec<u8>,
    pub width: u32,
    pub height: u32,
}

/// Decodes, checks and re-encodes one upload. `field` names it in errors (`photos[2]`).
pub fn process(field: &str, bytes: &[u8]) -> Result<ProcessedPhoto, FieldError> {
    if bytes.len() > MAX_BYTES {
        return Err(FieldError::new(
            field,
            "too_large",
            format!("A photo may have at most {} MB.", MAX_BYTES / 1024 / 1024),
        ));
    }
    let format = image::guess_format(bytes)
        .ok()
        .filter(|format| matches!(format, ImageFormat::Jpeg | ImageFormat::Png | ImageFormat::WebP));
    let Some(format) = format else {
        return Err(FieldError::new(
            field,
            "unsupported_type",
            "A photo must be a JPEG, PNG or WebP image.",
        ));
    };
    let corrupt = || FieldError::new(field, "corrupt", "The image could not be read.");
    let classify = |error: image::ImageError| match error {
        image::ImageError::Limits(_) => FieldError::new(field, "too_many_pixels", "The image has too many pixels."),
        _ => corrupt(),
    };
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_SIDE);
    limits.max_image_height = Some(MAX_SIDE);
    limits.max_alloc = Some(MAX_PIXELS * 4);
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format);
    reader.limits(limits);
    let mut decoder = reader.into_decoder().map_err(classify)?;
    let (width, height) = decoder.dimensions();
    if u64::from(width) * u64::from(height) > MAX_PIXELS {
        return Err(FieldError::new(
            field,
            "too_many_pixels",
            "The image has too many pixels.",
        ));
    }
    let orientation = decoder.orientation().ok();
    let mut image = DynamicImage::from_decoder(decoder).map_err(classify)?;
    if let Some(orientation) = orientation {
        image.apply_orientation(orientation);
    }
    let image = if image.width() > STORED_SIDE || image.height() > STORED_SIDE {
        image.thumbnail(STORED_SIDE, STORED_SIDE)
    } else {
        image
    };
    let thumbnail = image.thumbnail(THUMBNAIL_SIDE, THUMBNAIL_SIDE);
    Ok(ProcessedPhoto {
        width: image.width(),
        height: image.height(),
        jpeg: encode(&image).map_err(|_| corrupt())?,
        thumbnail: encode(&thumbnail).map_err(|_| corrupt())?,
    })
}

fn encode(image: &DynamicImage) -> image::ImageResult<Vec<u8>> {
    let mut out = Vec::new();
    let encoder = image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, JPEG_QUALITY);
    image.to_rgb8().write_with_encoder(encoder)?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn png(width: u32, height: u32) -> Vec<u8> {
        let image = DynamicImage::new_rgb8(width, height);
        let mut out = Vec::new();
        image.write_to(&mut Cursor::new(&mut out), ImageFormat::Png).unwrap();
        out
    }

    #[test]
    fn images_are_reencoded_as_jpeg_with_a_thumbnail() {
        let photo = process("photos[0]", &png(3000, 1000)).unwrap();
        assert_eq!((photo.width, photo.height), (2048, 683));
        assert_eq!(image::guess_format(&photo.jpeg).unwrap(), ImageFormat::Jpeg);
        let thumbnail = image::load_from_memory(&photo.thumbnail).unwrap();
        assert_eq!(thumbnail.width(), 320);
    }

    #[test]
    fn disguised_corrupt_and_oversized_files_are_refused() {
        assert_eq!(
            process("p", b"%PDF-1.7 not an image").unwrap_err().code,
            "unsupported_type"
        );
        let mut truncated = png(100, 100);
        truncated.truncate(60);
        assert_eq!(process("p", &truncated).unwrap_err().code, "corrupt");
        assert_eq!(process("p", &vec![0xFF; MAX_BYTES + 1]).unwrap_err().code, "too_large");
    }

    /// A small PNG whose header claims `width`×`height` pixels.
    pub fn bomb(width: u32, height: u32) -> Vec<u8> {
        let mut bytes = png(8, 8);
        // IHDR data starts after the 8-byte signature, the length and the chunk type.
        bytes[16..20].copy_from_slice(&width.to_be_bytes());
        bytes[20..24].copy_from_slice(&height.to_be_bytes());
        let crc = crc32fast::hash(&bytes[12..29]);
        bytes[29..33].copy_from_slice(&crc.to_be_bytes());
        bytes
    }

    #[test]
    fn decompression_bombs_are_refused_before_decoding() {
        assert_eq!(process("p", &bomb(11_000, 11_000)).unwrap_err().code, "too_many_pixels");
        assert_eq!(process("p", &bomb(60_000, 10)).unwrap_err().code, "too_many_pixels");
    }
}
