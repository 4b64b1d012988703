//! Test images: a JPEG carrying EXIF GPS, device and orientation data, and plain PNGs.

use std::io::Cursor;

use exif::experimental::Writer;
use exif::{Field, In, Rational, Tag, Value};
use image::{DynamicImage, ImageFormat, Rgb, RgbImage};

/// A `width`×`height` JPEG with EXIF: GPS position, camera make and serial, owner name,
/// and the given orientation (6 = rotate 90° clockwise to view).
pub fn jpeg_with_exif(width: u32, height: u32, orientation: u16) -> Vec<u8> {
    let mut image = RgbImage::new(width, height);
    for (x, _, pixel) in image.enumerate_pixels_mut() {
        *pixel = if x < width / 2 {
            Rgb([200, 30, 30])
        } else {
            Rgb([30, 30, 200])
        };
    }
    let mut jpeg = Vec::new();
    DynamicImage::ImageRgb8(image)
        .write_to(&mut Cursor::new(&mut jpeg), ImageFormat::Jpeg)
        .unwrap();

    let degrees = |d: u32, m: u32, s: u32| {
        Value::Rational(vec![
            Rational::from((d, 1)),
            Rational::from((m, 1)),
            Rational::from((s, 1)),
        ])
    };
    let fields = [
        Field {
            tag: Tag::GPSLatitudeRef,
            ifd_num: In::PRIMARY,
            value: Value::Ascii(vec![b"N".to_vec()]),
        },
        Field {
            tag: Tag::GPSLatitude,
            ifd_num: In::PRIMARY,
            value: degrees(51, 45, 33),
        },
        Field {
            tag: Tag::GPSLongitudeRef,
            ifd_num: In::PRIMARY,
            value: Value::Ascii(vec![b"E".to_vec()]),
        },
        Field {
            tag: Tag::GPSLongitude,
            ifd_num: In::PRIMARY,
            value: degrees(19, 27, 27),
        },
        Field {
            tag: Tag::Make,
            ifd_num: In::PRIMARY,
            value: Value::Ascii(vec![b"KontaktCam".to_vec()]),
        },
        Field {
            tag: Tag::BodySerialNumber,
            ifd_num: In::PRIMARY,
            value: Value::Ascii(vec![b"SN-123456".to_vec()]),
        },
        Field {
            tag: Tag::Artist,
            ifd_num: In::PRIMARY,
            value: Value::Ascii(vec![b"Jan Kowalski".to_vec()]),
        },
        Field {
            tag: Tag::Orientation,
            ifd_num: In::PRIMARY,
            value: Value::Short(vec![orientation]),
        },
    ];
    let mut writer = Writer::new();
    for field in &fields {
        writer.push_field(field);
    }
    let mut tiff = Cursor::new(Vec::new());
    writer.write(&mut tiff, false).unwrap();
    let tiff = tiff.into_inner();

    // Insert an APP1 "Exif" segment right after the JPEG's start-of-image marker.
    let mut segment = b"Exif\0\0".to_vec();
    segment.extend_from_slice(&tiff);
    let length = u16::try_from(segment.len() + 2).unwrap();
    let mut out = jpeg[..2].to_vec();
    out.extend_from_slice(&[0xFF, 0xE1]);
    out.extend_from_slice(&length.to_be_bytes());
    out.extend_from_slice(&segment);
    out.extend_from_slice(&jpeg[2..]);
    out
}

/// EXIF fields found in an image, as `(tag, value)` strings; empty when it has none.
pub fn exif_fields(bytes: &[u8]) -> Vec<(String, String)> {
    match exif::Reader::new().read_from_container(&mut Cursor::new(bytes)) {
        Ok(exif) => exif
            .fields()
            .map(|f| (f.tag.to_string(), f.display_value().to_string()))
            .collect(),
        Err(_) => Vec::new(),
    }
}

/// A plain PNG.
pub fn png(width: u32, height: u32) -> Vec<u8> {
    let mut out = Vec::new();
    DynamicImage::new_rgb8(width, height)
        .write_to(&mut Cursor::new(&mut out), ImageFormat::Png)
        .unwrap();
    out
}
