//! Small but valid attachments for the demo data and the tests: a one-page PDF (tagged or
//! not), a minimal DOCX and an RTF, all accepted by `files::inspect`.

use std::io::{Cursor, Write};

use lopdf::content::{Content, Operation};
use lopdf::{Document, Object, Stream, dictionary, text_string};
use quick_xml::escape::escape;
use zip::ZipWriter;
use zip::write::SimpleFileOptions;

/// Polish letters that WinAnsi lacks, placed at their ISO 8859-2 codes by the font's
/// `/Differences` (Ó and ó are at the same codes in both), so the standard Helvetica shows
/// them and text extraction maps the glyph names back to Unicode.
const POLISH_GLYPHS: [(char, u8, &str); 16] = [
    ('Ą', 0xA1, "Aogonek"),
    ('Ł', 0xA3, "Lslash"),
    ('Ś', 0xA6, "Sacute"),
    ('Ź', 0xAC, "Zacute"),
    ('Ż', 0xAF, "Zdotaccent"),
    ('ą', 0xB1, "aogonek"),
    ('ł', 0xB3, "lslash"),
    ('ś', 0xB6, "sacute"),
    ('ź', 0xBC, "zacute"),
    ('ż', 0xBF, "zdotaccent"),
    ('Ć', 0xC6, "Cacute"),
    ('Ę', 0xCA, "Eogonek"),
    ('Ń', 0xD1, "Nacute"),
    ('ć', 0xE6, "cacute"),
    ('ę', 0xEA, "eogonek"),
    ('ń', 0xF1, "nacute"),
];
/// Characters per line of body text (Helvetica 11 pt between 72 pt margins on A4).
const LINE_CHARS: usize = 90;

/// A one-page A4 PDF with `title` as heading and `lines` as paragraphs. `tagged` adds what
/// makes it accessible — a structure tree (a Document element with H1 and P children over
/// marked content), `/MarkInfo <</Marked true>>`, `/Lang (pl-PL)` and `/Title` in the Info
/// dictionary (a UTF-16BE text string when it is not ASCII) — so `files::inspect` finds no
/// warning; untagged gives `PdfNotTagged`. The text is drawn in the standard Helvetica with
/// Polish letters through `/Differences` (see `POLISH_GLYPHS`); other characters outside
/// WinAnsi become `?`.
pub fn pdf(title: &str, lines: &[&str], tagged: bool) -> Vec<u8> {
    // Writing to memory cannot fail; an empty result would be refused by inspect anyway.
    build_pdf(title, lines, tagged).unwrap_or_default()
}

fn build_pdf(title: &str, lines: &[&str], tagged: bool) -> lopdf::Result<Vec<u8>> {
    let mut doc = Document::with_version("1.7");
    let pages_id = doc.new_object_id();
    let page_id = doc.new_object_id();
    let document_element_id = doc.new_object_id();
    let mut differences = Vec::new();
    for (_, code, glyph) in POLISH_GLYPHS {
        differences.extend([Object::Integer(code.into()), Object::Name(glyph.into())]);
    }
    let font_id = doc.add_object(dictionary! {
        "Type" => "Font",
        "Subtype" => "Type1",
        "BaseFont" => "Helvetica",
        "Encoding" => dictionary! {
            "Type" => "Encoding",
            "BaseEncoding" => "WinAnsiEncoding",
            "Differences" => differences,
        },
    });

    let blocks = std::iter::once(("H1", 18, title)).chain(lines.iter().map(|line| ("P", 11, *line)));
    let (mut operations, mut elements, mut y) = (Vec::new(), Vec::new(), 770);
    for (mcid, (tag, size, text)) in (0_i64..).zip(blocks) {
        if tagged {
            operations.push(Operation::new(
                "BDC",
                vec![Object::Name(tag.into()), dictionary! { "MCID" => mcid }.into()],
            ));
            elements.push(Object::Reference(doc.add_object(dictionary! {
                "Type" => "StructElem",
                "S" => tag,
                "P" => document_element_id,
                "Pg" => page_id,
                "K" => mcid,
            })));
        }
        let leading = size * 14 / 10;
        operations.extend([
            Operation::new("BT", vec![]),
            Operation::new("Tf", vec!["F1".into(), size.into()]),
            Operation::new("TL", vec![leading.into()]),
            Operation::new("Td", vec![72.into(), y.into()]),
        ]);
        for line in wrap(text, LINE_CHARS * 11 / size as usize) {
            operations.push(Operation::new("Tj", vec![Object::string_literal(win_ansi(&line))]));
            operations.push(Operation::new("T*", vec![]));
            y -= leading;
        }
        operations.push(Operation::new("ET", vec![]));
        if tagged {
            operations.push(Operation::new("EMC", vec![]));
        }
        y -= size / 2;
    }
    let content_id = doc.add_object(Stream::new(dictionary! {}, Content { operations }.encode()?));
    let mut page = dictionary! {
        "Type" => "Page",
        "Parent" => pages_id,
        "Contents" => content_id,
        "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
        "Resources" => dictionary! { "Font" => dictionary! { "F1" => font_id } },
    };
    let mut catalog = dictionary! { "Type" => "Catalog", "Pages" => pages_id };
    if tagged {
        let tree_id = doc.add_object(dictionary! {
            "Type" => "StructTreeRoot",
            "K" => document_element_id,
            // Marked content 0, 1, … of the page's StructParents 0 belongs to these elements.
            "ParentTree" => dictionary! { "Nums" => vec![0.into(), elements.clone().into()] },
            "ParentTreeNextKey" => 1,
        });
        doc.objects.insert(
            document_element_id,
            dictionary! { "Type" => "StructElem", "S" => "Document", "P" => tree_id, "K" => elements }.into(),
        );
        page.set("StructParents", 0);
        page.set("Tabs", Object::Name(b"S".to_vec()));
        catalog.set("StructTreeRoot", tree_id);
        catalog.set("MarkInfo", dictionary! { "Marked" => true });
        catalog.set("Lang", text_string("pl-PL"));
        catalog.set("ViewerPreferences", dictionary! { "DisplayDocTitle" => true });
        let info_id = doc.add_object(dictionary! { "Title" => text_string(title) });
        doc.trailer.set("Info", info_id);
    }
    doc.objects.insert(page_id, page.into());
    doc.objects.insert(
        pages_id,
        dictionary! { "Type" => "Pages", "Kids" => vec![page_id.into()], "Count" => 1 }.into(),
    );
    let catalog_id = doc.add_object(catalog);
    doc.trailer.set("Root", catalog_id);
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes)?;
    Ok(bytes)
}

/// Greedy word wrap at `width` characters; a longer word stays whole on its own line. Every
/// line but the last keeps a trailing space, so extracted and read-aloud text keeps the
/// word boundary at the break.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        match lines.last_mut() {
            Some(line) if line.chars().count() + word.chars().count() <= width => line.push_str(word),
            _ => lines.push(word.to_owned()),
        }
        if let Some(line) = lines.last_mut() {
            line.push(' ');
        }
    }
    if let Some(line) = lines.last_mut() {
        line.pop();
    }
    lines
}

/// The font's single-byte codes for `text`: WinAnsi, with `POLISH_GLYPHS` in place of the
/// Latin-1 letters at their codes.
fn win_ansi(text: &str) -> Vec<u8> {
    text.chars().map(win_ansi_code).collect()
}

fn win_ansi_code(c: char) -> u8 {
    if let Some((_, code, _)) = POLISH_GLYPHS.iter().find(|(letter, ..)| *letter == c) {
        return *code;
    }
    let displaced = || {
        POLISH_GLYPHS
            .iter()
            .any(|(_, code, _)| u32::from(*code) == u32::from(c))
    };
    match c {
        ' '..='~' => c as u8,
        '„' => 0x84,
        '…' => 0x85,
        '“' => 0x93,
        '”' => 0x94,
        '–' => 0x96,
        '—' => 0x97,
        '\u{A0}'..='\u{FF}' if !displaced() => c as u8,
        _ => b'?',
    }
}

const RELATIONSHIPS: &str = "http://schemas.openxmlformats.org/package/2006/relationships";
const WORD: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/// A minimal DOCX — a real Office Open XML package that Word and LibreOffice open — with
/// `title` as its `dc:title` (None: none), `language` as the default run language in
/// `word/styles.xml` (None: none), and one paragraph per entry of `paragraphs`.
pub fn docx(title: Option<&str>, language: Option<&str>, paragraphs: &[&str]) -> Vec<u8> {
    // Writing to memory cannot fail; an empty result would be refused by inspect anyway.
    build_docx(title, language, paragraphs).unwrap_or_default()
}

fn build_docx(title: Option<&str>, language: Option<&str>, paragraphs: &[&str]) -> zip::result::ZipResult<Vec<u8>> {
    let declaration = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#;
    let office = "http://schemas.openxmlformats.org/officeDocument/2006";
    let main_type = "application/vnd.openxmlformats-officedocument.wordprocessingml";
    let content_types = format!(
        r#"{declaration}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="{main_type}.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="{main_type}.styles+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>"#
    );
    let package_rels = format!(
        r#"{declaration}<Relationships xmlns="{RELATIONSHIPS}"><Relationship Id="rId1" Type="{office}/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>"#
    );
    let document_rels = format!(
        r#"{declaration}<Relationships xmlns="{RELATIONSHIPS}"><Relationship Id="rId1" Type="{office}/relationships/styles" Target="styles.xml"/></Relationships>"#
    );
    let body: String = paragraphs
        .iter()
        .map(|text| {
            format!(
                r#"<w:p><w:r><w:t xml:space="preserve">{}</w:t></w:r></w:p>"#,
                escape(*text)
            )
        })
        .collect();
    let document = format!(
        r#"{declaration}<w:document xmlns:w="{WORD}"><w:body>{body}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1417" w:right="1417" w:bottom="1417" w:left="1417" w:header="708" w:footer="708" w:gutter="0"/></w:sectPr></w:body></w:document>"#
    );
    let lang = language
        .map(|lang| format!(r#"<w:lang w:val="{}"/>"#, escape(lang)))
        .unwrap_or_default();
    let styles = format!(
        r#"{declaration}<w:styles xmlns:w="{WORD}"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Calibri" w:hAnsi="Calibri" w:cs="Calibri"/><w:sz w:val="22"/>{lang}</w:rPr></w:rPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style></w:styles>"#
    );
    let title = title
        .map(|title| format!("<dc:title>{}</dc:title>", escape(title)))
        .unwrap_or_default();
    let core = format!(
        r#"{declaration}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">{title}</cp:coreProperties>"#
    );
    let mut writer = ZipWriter::new(Cursor::new(Vec::new()));
    // [Content_Types].xml first, as Word writes it: some type sniffers look only there.
    for (name, text) in [
        ("[Content_Types].xml", content_types),
        ("_rels/.rels", package_rels),
        ("word/document.xml", document),
        ("word/_rels/document.xml.rels", document_rels),
        ("word/styles.xml", styles),
        ("docProps/core.xml", core),
    ] {
        writer.start_file(name, SimpleFileOptions::default())?;
        writer.write_all(text.as_bytes())?;
    }
    Ok(writer.finish()?.into_inner())
}

/// A minimal RTF document, Polish by default (`\deflang1045`), one paragraph per entry of
/// `paragraphs`. Non-ASCII characters are written as `\uN?` (UTF-16 units, signed).
pub fn rtf(paragraphs: &[&str]) -> Vec<u8> {
    let mut out = String::from(r"{\rtf1\ansi\ansicpg1250\deff0\deflang1045{\fonttbl{\f0\fswiss Arial;}}\uc1");
    for paragraph in paragraphs {
        out.push_str(r"\pard\f0\fs22 ");
        for c in paragraph.chars() {
            match c {
                '\\' | '{' | '}' => out.extend(['\\', c]),
                '\n' => out.push_str(r"\line "),
                '\t' => out.push_str(r"\tab "),
                ' '..='~' => out.push(c),
                _ if c.is_control() => {}
                _ => {
                    let mut units = [0; 2];
                    for unit in c.encode_utf16(&mut units) {
                        // RTF's \u takes a signed 16-bit number.
                        out.push_str(&format!(r"\u{}?", *unit as i16));
                    }
                }
            }
        }
        out.push_str("\\par\n");
    }
    out.push('}');
    out.into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn polish_text_is_encoded_for_each_format() {
        assert_eq!(win_ansi("Łódź „ą” ±"), b"\xA3\xF3d\xBC \x84\xB1\x94 ?");
        let rtf = String::from_utf8(rtf(&["Zażółć {x}"])).unwrap_or_default();
        assert!(rtf.contains(r"Za\u380?\u243?\u322?\u263? \{x\}\par"), "{rtf}");
        assert_eq!(wrap("a  bb ccc dddd", 6), ["a bb ", "ccc ", "dddd"]);
    }
}
