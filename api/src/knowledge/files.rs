//! Attachments of procedures (R7): documents are PDF, fillable forms DOC, DOCX or RTF. The
//! type is read from the content, never the name; size and unpacking limits refuse
//! oversized files and zip bombs. Accessibility problems (an untagged PDF, a DOCX without a
//! title or a language) are reported as warnings, not refused: the editor decides.

use std::io::{self, Cursor, Read};
use std::panic::{self, UnwindSafe};

use lopdf::{Document, Object};
use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};
use zip::ZipArchive;

use crate::error::FieldError;

/// Largest accepted upload.
pub const MAX_BYTES: usize = 20 * 1024 * 1024;
/// Largest part of a DOCX once unpacked: a 20 MB package that claims more is a zip bomb.
const MAX_PART_BYTES: u64 = 50 * 1024 * 1024;
/// Longest kept file name, in characters, extension included.
const MAX_NAME_CHARS: usize = 200;

/// The kinds of attachment a procedure may have.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum FileKind {
    Pdf,
    Doc,
    Docx,
    Rtf,
}

impl FileKind {
    const ALL: [Self; 4] = [Self::Pdf, Self::Doc, Self::Docx, Self::Rtf];

    /// The stored name: `pdf`, `doc`, `docx` or `rtf`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Pdf => "pdf",
            Self::Doc => "doc",
            Self::Docx => "docx",
            Self::Rtf => "rtf",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|kind| kind.as_str() == s)
    }

    /// The registered media type, sent when the file is downloaded.
    pub fn content_type(self) -> &'static str {
        match self {
            Self::Pdf => "application/pdf",
            Self::Doc => "application/msword",
            Self::Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            Self::Rtf => "application/rtf",
        }
    }

    /// The file name extension, without the dot.
    pub fn extension(self) -> &'static str {
        self.as_str()
    }
}

/// A machine-readable accessibility problem.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum AccessibilityWarning {
    /// The PDF has no structure tree or is not marked as tagged: screen readers cannot
    /// tell headings, paragraphs and reading order.
    PdfNotTagged,
    /// The DOCX has no title in its properties: assistive technology announces the file name.
    DocxNoTitle,
    /// The DOCX declares no default language: text is read with the reader's own voice rules.
    DocxNoLanguage,
}

impl AccessibilityWarning {
    const ALL: [Self; 3] = [Self::PdfNotTagged, Self::DocxNoTitle, Self::DocxNoLanguage];

    /// The stored name, as serialised.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::PdfNotTagged => "pdf_not_tagged",
            Self::DocxNoTitle => "docx_no_title",
            Self::DocxNoLanguage => "docx_no_language",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|warning| warning.as_str() == s)
    }
}

/// An accepted upload: what it is, what it lacks, and the name to store it under.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InspectedFile {
    pub kind: FileKind,
    pub warnings: Vec<AccessibilityWarning>,
    pub file_name: String,
}

/// Why an upload is refused, before it is worded for the field.
enum Refusal {
    Unsupported,
    Corrupt,
    TooLarge,
    /// A part of a DOCX would unpack past `MAX_PART_BYTES`.
    TooLargeUnpacked,
}

/// Checks one upload; `field` names it in errors (`file`). Refuses an empty file
/// (`empty`), one over [`MAX_BYTES`] or unpacking past the limits (`too_large`), a type
/// that is not PDF, DOC, DOCX or RTF by content (`unsupported_type`), and one that claims
/// to be such a file but cannot be read (`corrupt`). The name is cleaned as `clean_name` says.
pub fn inspect(field: &str, file_name: &str, bytes: &[u8]) -> Result<InspectedFile, FieldError> {
    if bytes.is_empty() {
        return Err(FieldError::new(field, "empty", "The file is empty."));
    }
    let refuse = |refusal| match refusal {
        Refusal::TooLarge => FieldError::new(
            field,
            "too_large",
            format!("An attachment may have at most {} MB.", MAX_BYTES / 1024 / 1024),
        ),
        Refusal::TooLargeUnpacked => FieldError::new(field, "too_large", "The document is too large once unpacked."),
        Refusal::Unsupported => FieldError::new(
            field,
            "unsupported_type",
            "An attachment must be a PDF document or a DOC, DOCX or RTF form.",
        ),
        Refusal::Corrupt => FieldError::new(
            field,
            "corrupt",
            "The file could not be read: it is damaged or protected by a password.",
        ),
    };
    if bytes.len() > MAX_BYTES {
        return Err(refuse(Refusal::TooLarge));
    }
    let (kind, warnings) = inspect_content(bytes).map_err(refuse)?;
    Ok(InspectedFile {
        kind,
        warnings,
        file_name: clean_name(file_name, kind),
    })
}

fn inspect_content(bytes: &[u8]) -> Result<(FileKind, Vec<AccessibilityWarning>), Refusal> {
    // Office Open XML is a ZIP: whether it is a Word document is decided by its parts,
    // not by infer's guess from the order of the first entries.
    if bytes.starts_with(b"PK\x03\x04") {
        return inspect_docx(bytes).map(|warnings| (FileKind::Docx, warnings));
    }
    // infer tries images and the like before documents, so a PNG that happens to hold
    // `%PDF` in its first kilobyte stays a PNG. For OLE files infer reads the compound
    // file and answers `doc` only for Word's class id (not Excel's or PowerPoint's).
    match guarded(|| infer::get(bytes).map(|found| found.extension())).flatten() {
        Some("pdf") => inspect_pdf(bytes).map(|warnings| (FileKind::Pdf, warnings)),
        Some("doc") => Ok((FileKind::Doc, Vec::new())),
        Some("rtf") => Ok((FileKind::Rtf, Vec::new())),
        _ => Err(Refusal::Unsupported),
    }
}

/// Runs a parser of untrusted bytes so that a panic in it refuses the file instead of
/// taking the worker down.
fn guarded<T>(parse: impl FnOnce() -> T + UnwindSafe) -> Option<T> {
    panic::catch_unwind(parse).ok()
}

/// A PDF is tagged when its catalog has a structure tree and says `/MarkInfo <</Marked
/// true>>`; either alone is what converters leave behind from a half-done export.
fn inspect_pdf(bytes: &[u8]) -> Result<Vec<AccessibilityWarning>, Refusal> {
    let document = guarded(|| Document::load_mem(bytes))
        .and_then(Result::ok)
        .ok_or(Refusal::Corrupt)?;
    let catalog = document.catalog().map_err(|_| Refusal::Corrupt)?;
    let marked = catalog
        .get_deref(b"MarkInfo", &document)
        .and_then(Object::as_dict)
        .and_then(|info| info.get_deref(b"Marked", &document))
        .and_then(Object::as_bool)
        .unwrap_or(false);
    let tagged = marked && catalog.has(b"StructTreeRoot");
    Ok(if tagged {
        Vec::new()
    } else {
        vec![AccessibilityWarning::PdfNotTagged]
    })
}

type Package<'a> = ZipArchive<Cursor<&'a [u8]>>;

/// A ZIP is a Word document when it has Word parts (`word/…`); it is then read as one,
/// and a missing `word/document.xml` or `[Content_Types].xml` makes it corrupt. Other
/// ZIPs (plain archives, XLSX, ODT) are not accepted. Macro-enabled documents are refused:
/// residents should never be asked to open macros.
fn inspect_docx(bytes: &[u8]) -> Result<Vec<AccessibilityWarning>, Refusal> {
    let mut package: Package = ZipArchive::new(Cursor::new(bytes)).map_err(|_| Refusal::Corrupt)?;
    let is_word = package
        .file_names()
        .any(|name| name.is_ok_and(|name| name.starts_with("word/")));
    if !is_word {
        return Err(Refusal::Unsupported);
    }
    // The central directory declares every part's size; refusing absurd ones up front
    // spares unpacking a bomb. The sizes can lie, so reading is bounded too (read_part).
    for index in 0..package.len() {
        let entry = package.by_index_data(index).map_err(|_| Refusal::Corrupt)?;
        if entry.size() > MAX_PART_BYTES {
            return Err(Refusal::TooLargeUnpacked);
        }
    }
    let content_types = read_part(&mut package, "[Content_Types].xml")?.ok_or(Refusal::Corrupt)?;
    if content_types.contains("macroEnabled") {
        return Err(Refusal::Unsupported);
    }
    // Unpacking the body checks its checksum: a truncated upload fails here.
    let body = package.by_name("word/document.xml").map_err(|_| Refusal::Corrupt)?;
    let body_size = io::copy(&mut body.take(MAX_PART_BYTES + 1), &mut io::sink()).map_err(|_| Refusal::Corrupt)?;
    if body_size > MAX_PART_BYTES {
        return Err(Refusal::TooLargeUnpacked);
    }
    let mut warnings = Vec::new();
    let title = read_part(&mut package, "docProps/core.xml")?;
    if !title.as_deref().map(has_title).transpose()?.unwrap_or(false) {
        warnings.push(AccessibilityWarning::DocxNoTitle);
    }
    let styles = read_part(&mut package, "word/styles.xml")?;
    if !styles.as_deref().map(has_language).transpose()?.unwrap_or(false) {
        warnings.push(AccessibilityWarning::DocxNoLanguage);
    }
    Ok(warnings)
}

/// One XML part as text, `None` when the package has no such part. Word writes its parts
/// in UTF-8; a part that is not is treated as unreadable.
fn read_part(package: &mut Package, name: &str) -> Result<Option<String>, Refusal> {
    let part = match package.by_name(name) {
        Ok(part) => part,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(_) => return Err(Refusal::Corrupt),
    };
    let mut text = String::new();
    part.take(MAX_PART_BYTES + 1)
        .read_to_string(&mut text)
        .map_err(|_| Refusal::Corrupt)?;
    if text.len() as u64 > MAX_PART_BYTES {
        return Err(Refusal::TooLargeUnpacked);
    }
    Ok(Some(text))
}

/// Whether `docProps/core.xml` has a `dc:title` with some text.
fn has_title(core: &str) -> Result<bool, Refusal> {
    let mut reader = Reader::from_str(core);
    let mut in_title = false;
    loop {
        match reader.read_event().map_err(|_| Refusal::Corrupt)? {
            Event::Start(element) if element.local_name().as_ref() == "title" => in_title = true,
            Event::End(element) if element.local_name().as_ref() == "title" => in_title = false,
            Event::Text(text) if in_title && !text.trim().is_empty() => return Ok(true),
            Event::CData(text) if in_title && !text.trim().is_empty() => return Ok(true),
            Event::GeneralRef(_) if in_title => return Ok(true),
            Event::Eof => return Ok(false),
            _ => {}
        }
    }
}

/// Whether `word/styles.xml` gives the document a language: a `w:lang` with a non-empty
/// `w:val` in the default run properties (`w:docDefaults`, where Word and LibreOffice put
/// it) or in the default paragraph style. That is the language every paragraph inherits
/// and a screen reader uses. A `w:lang` on some runs of `document.xml` covers only those
/// runs, and `w:themeFontLang` in `settings.xml` only picks theme fonts, so neither counts.
fn has_language(styles: &str) -> Result<bool, Refusal> {
    let mut reader = Reader::from_str(styles);
    let (mut in_defaults, mut in_default_style) = (false, false);
    loop {
        let event = reader.read_event().map_err(|_| Refusal::Corrupt)?;
        match &event {
            Event::Start(element) | Event::Empty(element) => {
                let opened = matches!(event, Event::Start(_));
                match element.local_name().as_ref() {
                    "docDefaults" => in_defaults = opened,
                    "style" => {
                        in_default_style = opened
                            && attribute(element, "type").as_deref() == Some("paragraph")
                            && matches!(attribute(element, "default").as_deref(), Some("1" | "true" | "on"));
                    }
                    "lang"
                        if (in_defaults || in_default_style)
                            && attribute(element, "val").is_some_and(|value| !value.trim().is_empty()) =>
                    {
                        return Ok(true);
                    }
                    _ => {}
                }
            }
            Event::End(element) => match element.local_name().as_ref() {
                "docDefaults" => in_defaults = false,
                "style" => in_default_style = false,
                _ => {}
            },
            Event::Eof => return Ok(false),
            _ => {}
        }
    }
}

/// An attribute's raw value by its local name (`w:val` → `val`), whatever the prefix.
fn attribute(element: &BytesStart, local_name: &str) -> Option<String> {
    element
        .attributes()
        .flatten()
        .find(|attribute| attribute.key.local_name().as_ref() == local_name)
        .map(|attribute| attribute.value.into_owned())
}

/// The name to store and offer for download: the last path part only (browsers on Windows
/// send `C:\…\x.pdf`, a crafted name may carry `../`), no control characters, no leading
/// dots, at most [`MAX_NAME_CHARS`] characters, and an extension that matches the content.
/// A trailing `.xxxx` of 1–5 ASCII letters and digits, starting with a letter, counts as
/// an extension and is replaced when it names another type; otherwise one is appended.
fn clean_name(original: &str, kind: FileKind) -> String {
    let last_part = original.rsplit(['/', '\\']).next().unwrap_or_default();
    let printable: String = last_part.chars().filter(|c| !c.is_control()).collect();
    let name = printable.trim();
    let (stem, extension) = match name.rsplit_once('.') {
        Some((stem, extension)) if is_extension(extension) => (stem, Some(extension)),
        _ => (name, None),
    };
    let stem = stem.trim_start_matches(|c: char| c == '.' || c.is_whitespace());
    let extension = extension
        .filter(|extension| extension.eq_ignore_ascii_case(kind.extension()))
        .unwrap_or(kind.extension());
    let room = MAX_NAME_CHARS - 1 - extension.chars().count();
    let stem: String = stem.chars().take(room).collect();
    let stem = stem.trim_end_matches(|c: char| c == '.' || c.is_whitespace());
    let stem = if stem.is_empty() { "attachment" } else { stem };
    format!("{stem}.{extension}")
}

fn is_extension(candidate: &str) -> bool {
    (1..=5).contains(&candidate.len())
        && candidate.starts_with(|c: char| c.is_ascii_alphabetic())
        && candidate.chars().all(|c| c.is_ascii_alphanumeric())
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use super::*;
    use crate::knowledge::samples;

    fn warnings(name: &str, bytes: &[u8]) -> (FileKind, Vec<AccessibilityWarning>) {
        let inspected = inspect("file", name, bytes).unwrap();
        (inspected.kind, inspected.warnings)
    }

    fn refusal(name: &str, bytes: &[u8]) -> String {
        inspect("file", name, bytes).unwrap_err().code
    }

    fn zip(parts: &[(&str, &str)]) -> Vec<u8> {
        let mut writer = zip::ZipWriter::new(Cursor::new(Vec::new()));
        for (name, text) in parts {
            writer
                .start_file(*name, zip::write::SimpleFileOptions::default())
                .unwrap();
            writer.write_all(text.as_bytes()).unwrap();
        }
        writer.finish().unwrap().into_inner()
    }

    /// A compound file (MS-CFB, version 3) with only a root entry whose class id is Word's
    /// (00020906-0000-0000-C000-000000000046), which is all infer looks at.
    fn ole_doc() -> Vec<u8> {
        const FREE: u32 = 0xFFFF_FFFF;
        const END_OF_CHAIN: u32 = 0xFFFF_FFFE;
        let mut bytes = vec![0u8; 3 * 512];
        let mut put = |at: usize, value: &[u8]| bytes[at..at + value.len()].copy_from_slice(value);
        put(0, &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]);
        put(0x18, &[0x3E, 0x00, 0x03, 0x00, 0xFE, 0xFF, 0x09, 0x00, 0x06, 0x00]);
        put(0x2C, &1u32.to_le_bytes()); // one FAT sector…
        put(0x30, &1u32.to_le_bytes()); // …and the directory in sector 1
        put(0x38, &0x1000u32.to_le_bytes());
        put(0x3C, &END_OF_CHAIN.to_le_bytes());
        put(0x44, &END_OF_CHAIN.to_le_bytes());
        for slot in 0..109 {
            put(0x4C + 4 * slot, &(if slot == 0 { 0 } else { FREE }).to_le_bytes());
        }
        // Sector 0, the FAT: itself, then the one-sector directory chain.
        for entry in 0..128 {
            let value = match entry {
                0 => 0xFFFF_FFFD,
                1 => END_OF_CHAIN,
                _ => FREE,
            };
            put(512 + 4 * entry, &u32::to_le_bytes(value));
        }
        // Sector 1, the directory: the root entry, then three unused ones.
        let root = 1024;
        let name: Vec<u8> = "Root Entry".encode_utf16().flat_map(u16::to_le_bytes).collect();
        put(root, &name);
        put(root + 0x40, &22u16.to_le_bytes());
        put(root + 0x42, &[5, 1]);
        for entry in 0..4 {
            for link in [0x44, 0x48, 0x4C] {
                put(root + 128 * entry + link, &FREE.to_le_bytes());
            }
        }
        put(
            root + 0x50,
            &[0x06, 0x09, 0x02, 0x00, 0, 0, 0, 0, 0xC0, 0, 0, 0, 0, 0, 0, 0x46],
        );
        put(root + 0x74, &END_OF_CHAIN.to_le_bytes());
        bytes
    }

    #[test]
    fn a_tagged_pdf_has_no_warning_and_an_untagged_one_is_flagged() {
        let lines = ["Wniosek składa się osobiście.", "Opłata: 30 zł."];
        let tagged = samples::pdf("Dowód osobisty", &lines, true);
        assert_eq!(warnings("d.pdf", &tagged), (FileKind::Pdf, vec![]));
        let untagged = samples::pdf("Dowód osobisty", &lines, false);
        assert_eq!(
            warnings("d.pdf", &untagged),
            (FileKind::Pdf, vec![AccessibilityWarning::PdfNotTagged])
        );
    }

    #[test]
    fn a_docx_needs_a_title_and_a_language() {
        let paragraphs = ["Imię i nazwisko: ……", "Podpis"];
        let complete = samples::docx(Some("Wniosek"), Some("pl-PL"), &paragraphs);
        assert_eq!(warnings("w.docx", &complete), (FileKind::Docx, vec![]));
        let untitled = samples::docx(None, Some("pl-PL"), &paragraphs);
        assert_eq!(warnings("w.docx", &untitled).1, [AccessibilityWarning::DocxNoTitle]);
        let blank_title = samples::docx(Some("  "), Some("pl-PL"), &paragraphs);
        assert_eq!(warnings("w.docx", &blank_title).1, [AccessibilityWarning::DocxNoTitle]);
        let no_language = samples::docx(Some("Wniosek"), None, &paragraphs);
        assert_eq!(
            warnings("w.docx", &no_language).1,
            [AccessibilityWarning::DocxNoLanguage]
        );
    }

    #[test]
    fn a_language_counts_in_the_defaults_or_the_default_paragraph_style_only() {
        let w = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;
        let in_style = format!(
            r#"<w:styles {w}><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:rPr><w:lang w:val="pl-PL"/></w:rPr></w:style></w:styles>"#
        );
        assert!(has_language(&in_style).unwrap_or(false));
        let other_style = in_style.replace(r#" w:default="1""#, "");
        assert!(!has_language(&other_style).unwrap_or(true));
        let empty = format!(
            r#"<w:styles {w}><w:docDefaults><w:rPrDefault><w:rPr><w:lang w:val=""/></w:rPr></w:rPrDefault></w:docDefaults></w:styles>"#
        );
        assert!(!has_language(&empty).unwrap_or(true));
    }

    #[test]
    fn rtf_and_doc_are_recognised_by_content() {
        assert_eq!(
            warnings("f.rtf", &samples::rtf(&["Zażółć gęślą jaźń"])),
            (FileKind::Rtf, vec![])
        );
        assert_eq!(warnings("f.doc", &ole_doc()), (FileKind::Doc, vec![]));
        // Another compound file (here Excel's class id) is not a Word document.
        let mut xls = ole_doc();
        xls[1024 + 0x50..1024 + 0x52].copy_from_slice(&[0x20, 0x08]);
        assert_eq!(refusal("f.doc", &xls), "unsupported_type");
    }

    #[test]
    fn other_types_are_refused_whatever_their_name() {
        let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x02\0\0\0\x90wS\xde";
        assert_eq!(refusal("x.pdf", png), "unsupported_type");
        assert_eq!(refusal("x.docx", &zip(&[("a.txt", "hello")])), "unsupported_type");
        let xlsx = zip(&[("[Content_Types].xml", "<Types/>"), ("xl/workbook.xml", "<workbook/>")]);
        assert_eq!(refusal("x.docx", &xlsx), "unsupported_type");
        let docm = zip(&[
            (
                "[Content_Types].xml",
                "<Types><Override ContentType=\"application/vnd.ms-word.document.macroEnabled.main+xml\"/></Types>",
            ),
            ("word/document.xml", "<w:document/>"),
        ]);
        assert_eq!(refusal("x.docx", &docm), "unsupported_type");
        assert_eq!(refusal("x.txt", b"just text"), "unsupported_type");
    }

    #[test]
    fn unreadable_empty_and_oversized_files_are_refused() {
        let pdf = samples::pdf("Tytuł", &["Treść"], true);
        assert_eq!(refusal("x.pdf", &pdf[..pdf.len() / 2]), "corrupt");
        let no_body = zip(&[("[Content_Types].xml", "<Types/>"), ("word/styles.xml", "<w:styles/>")]);
        assert_eq!(refusal("x.docx", &no_body), "corrupt");
        let docx = samples::docx(Some("Wniosek"), Some("pl-PL"), &["Treść"]);
        assert_eq!(refusal("x.docx", &docx[..docx.len() - 30]), "corrupt");
        assert_eq!(refusal("x.pdf", b""), "empty");
        let mut huge = pdf.clone();
        huge.resize(MAX_BYTES + 1, b' ');
        assert_eq!(refusal("x.pdf", &huge), "too_large");
    }

    #[test]
    fn a_part_that_unpacks_past_the_limit_is_refused() {
        let mut writer = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default();
        writer.start_file("[Content_Types].xml", options).unwrap();
        writer.start_file("word/document.xml", options).unwrap();
        let zeros = vec![0u8; 1024 * 1024];
        for _ in 0..=MAX_PART_BYTES / 1024 / 1024 {
            writer.write_all(&zeros).unwrap();
        }
        let bomb = writer.finish().unwrap().into_inner();
        assert!(bomb.len() < MAX_BYTES);
        assert_eq!(refusal("x.docx", &bomb), "too_large");
    }

    #[test]
    fn names_lose_their_path_and_get_the_detected_extension() {
        let pdf = samples::pdf("Tytuł", &[], true);
        let docx = samples::docx(Some("Wniosek"), Some("pl-PL"), &[]);
        let name = |original: &str, bytes: &[u8]| inspect("file", original, bytes).unwrap().file_name;
        assert_eq!(name("../../etc/wniosek o dowód.pdf", &pdf), "wniosek o dowód.pdf");
        assert_eq!(name("C:\\Users\\jan\\Wniosek.PDF", &pdf), "Wniosek.PDF");
        assert_eq!(name("formularz.pdf", &docx), "formularz.docx");
        assert_eq!(name("formularz", &docx), "formularz.docx");
        assert_eq!(name("uchwała nr 1.2", &pdf), "uchwała nr 1.2.pdf");
        assert_eq!(name("zła\u{0}\nnazwa.pdf", &pdf), "złanazwa.pdf");
        assert_eq!(name("../", &pdf), "attachment.pdf");
        assert_eq!(name(" .pdf", &docx), "attachment.docx");
        let long = name(&format!("{}.pdf", "ż".repeat(300)), &pdf);
        assert_eq!((long.chars().count(), long.ends_with("ż.pdf")), (200, true));
    }

    #[test]
    fn kinds_and_warnings_round_trip_through_their_names() {
        for kind in FileKind::ALL {
            assert_eq!(FileKind::parse(kind.as_str()), Some(kind));
            assert_eq!(serde_json::to_value(kind).unwrap(), kind.as_str());
        }
        for warning in AccessibilityWarning::ALL {
            assert_eq!(AccessibilityWarning::parse(warning.as_str()), Some(warning));
            assert_eq!(serde_json::to_value(warning).unwrap(), warning.as_str());
        }
        assert_eq!(FileKind::parse("exe"), None);
    }
}
