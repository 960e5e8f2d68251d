//! PDF letters written by the tests, with text operators placed by hand (through
//! `lopdf`), so a test chooses the drawing order: a number drawn after its paragraph,
//! text drawn twice to fake bold, a running header, hidden form-field text, a page that
//! is only an image.

#![allow(dead_code)]

use lopdf::content::{Content, Operation};
use lopdf::{Document, Object, Stream, dictionary};

/// Something drawn on a page. Positions are in points from the page's bottom left.
#[derive(Debug, Clone, PartialEq)]
pub enum Mark {
    /// A run of text in Helvetica at `size` points.
    Text {
        /// Where it starts.
        x: f64,
        /// Its baseline.
        y: f64,
        /// Font size.
        size: f64,
        /// The text (Windows-1252 characters).
        text: String,
    },
    /// A grey image covering most of the page (a scanned page).
    Image,
    /// Bytes of incompressible data drawn as an image the size of a stamp (to make a
    /// large file).
    Ballast(usize),
}

/// A run of text at `(x, y)`, 11 points.
pub fn text(x: f64, y: f64, text: &str) -> Mark {
    Mark::Text {
        x,
        y,
        size: 11.0,
        text: text.to_owned(),
    }
}

/// How [`letter_pdf`] draws a text letter.
#[derive(Debug, Clone, Default)]
pub struct Layout {
    /// Draw each comment's number after its paragraph (as some recent letters do).
    pub number_after: bool,
    /// Draw every line that ends in no full stop twice, 0.3 points apart (fake bold).
    pub fake_bold: bool,
    /// A header on every page after the first (e.g. "Acme Corp / March 1, 2024 / Page N").
    pub running_header: Option<String>,
    /// Draw hidden form-field text ("FirstName LastName") in the margin of page 1.
    pub form_fields: bool,
    /// Lines per page before a new page starts (0: 48).
    pub lines_per_page: usize,
    /// Bytes of incompressible image data drawn on page 1 (a large file; 0: none).
    pub ballast: usize,
}

/// The PDF of a plain-text letter: lines wrapped at 90 characters, top to bottom, a
/// comment's number ("3.") set apart in the margin as the SEC lays it out; `\f` starts a
/// new page, as does a full page.
pub fn letter_pdf(letter: &str, layout: &Layout) -> Vec<u8> {
    let per_page = if layout.lines_per_page == 0 {
        48
    } else {
        layout.lines_per_page
    };
    let mut pages: Vec<Vec<Mark>> = vec![Vec::new()];
    let mut later: Vec<Mark> = Vec::new();
    let mut row = 0usize;
    let new_page = |pages: &mut Vec<Vec<Mark>>, later: &mut Vec<Mark>, row: &mut usize| {
        pages.last_mut().unwrap().append(later);
        pages.push(Vec::new());
        *row = 0;
        if let Some(header) = &layout.running_header {
            let n = pages.len();
            for (i, line) in header.replace("N", &n.to_string()).lines().enumerate() {
                pages
                    .last_mut()
                    .unwrap()
                    .push(text(72.0, 750.0 - 13.0 * i as f64, line));
            }
            *row = 5;
        }
    };
    for raw in letter.split('\n') {
        if raw.contains('\u{c}') {
            new_page(&mut pages, &mut later, &mut row);
            continue;
        }
        let (number, body) = split_number(raw);
        let wrapped = wrap(body, 90);
        for (i, line) in wrapped.iter().enumerate() {
            if row >= per_page {
                new_page(&mut pages, &mut later, &mut row);
            }
            let y = 740.0 - 14.0 * row as f64;
            let page = pages.last_mut().unwrap();
            if i == 0
                && let Some(number) = number
            {
                let mark = text(72.0, y, number);
                if layout.number_after {
                    later.push(mark);
                } else {
                    page.push(mark);
                }
            }
            let x = if number.is_some() { 108.0 } else { 72.0 };
            page.push(text(x, y, line));
            if layout.fake_bold && !line.is_empty() && !line.ends_with('.') {
                page.push(text(x + 0.3, y, line));
            }
            row += 1;
        }
        if wrapped.is_empty() {
            row += 1;
        }
    }
    pages.last_mut().unwrap().append(&mut later);
    if layout.ballast > 0 {
        pages[0].push(Mark::Ballast(layout.ballast));
    }
    if layout.form_fields {
        pages[0].push(text(20.0, 40.0, "FirstName LastName"));
        pages[0].push(text(20.0, 28.0, "Comapany Name"));
    }
    pdf(&pages)
}

/// `"3. Please…"` → (`Some("3.")`, `"Please…"`); other lines as they are.
fn split_number(line: &str) -> (Option<&str>, &str) {
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 && line[digits..].starts_with(". ") {
        (Some(&line[..=digits]), &line[digits + 2..])
    } else {
        (None, line)
    }
}

/// A line wrapped at spaces to at most `width` characters; an empty line gives none.
fn wrap(line: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut current = String::new();
    for word in line.split_whitespace() {
        if !current.is_empty() && current.chars().count() + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut current));
        }
        if !current.is_empty() {
            current.push(' ');
        }
        current.push_str(word);
    }
    if !current.is_empty() {
        lines.push(current);
    }
    lines
}

/// A PDF with the given pages (612 × 792 points each).
pub fn pdf(pages: &[Vec<Mark>]) -> Vec<u8> {
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let font = doc.add_object(dictionary! {
        "Type" => "Font",
        "Subtype" => "Type1",
        "BaseFont" => "Helvetica",
        "Encoding" => "WinAnsiEncoding",
    });
    let mut kids = Vec::new();
    for marks in pages {
        let mut operations = Vec::new();
        let mut images = lopdf::Dictionary::new();
        for (i, mark) in marks.iter().enumerate() {
            match mark {
                Mark::Text { x, y, size, text } => {
                    let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(text);
                    operations.extend([
                        Operation::new("BT", vec![]),
                        Operation::new("Tf", vec!["F1".into(), (*size as f32).into()]),
                        Operation::new("Td", vec![(*x as f32).into(), (*y as f32).into()]),
                        Operation::new(
                            "Tj",
                            vec![Object::String(
                                bytes.into_owned(),
                                lopdf::StringFormat::Literal,
                            )],
                        ),
                        Operation::new("ET", vec![]),
                    ]);
                }
                Mark::Image | Mark::Ballast(_) => {
                    let (side, data) = match mark {
                        Mark::Ballast(bytes) => {
                            let side = (*bytes as f64).sqrt().ceil() as i64;
                            (side, noise(side as usize * side as usize))
                        }
                        _ => (64, vec![0x80; 64 * 64]),
                    };
                    let image = doc.add_object(Stream::new(
                        dictionary! {
                            "Type" => "XObject",
                            "Subtype" => "Image",
                            "Width" => side,
                            "Height" => side,
                            "ColorSpace" => "DeviceGray",
                            "BitsPerComponent" => 8,
                        },
                        data,
                    ));
                    let name = format!("Im{i}");
                    images.set(name.as_bytes(), image);
                    let (w, h) = if matches!(mark, Mark::Image) {
                        (500.0f32, 700.0f32)
                    } else {
                        (20.0, 20.0)
                    };
                    operations.extend([
                        Operation::new("q", vec![]),
                        Operation::new(
                            "cm",
                            vec![w.into(), 0.into(), 0.into(), h.into(), 50.into(), 50.into()],
                        ),
                        Operation::new("Do", vec![Object::Name(name.into_bytes())]),
                        Operation::new("Q", vec![]),
                    ]);
                }
            }
        }
        let content = Content { operations }.encode().expect("content encodes");
        let contents = doc.add_object(Stream::new(dictionary! {}, content));
        let resources = doc.add_object(dictionary! {
            "Font" => dictionary! { "F1" => font },
            "XObject" => images,
        });
        kids.push(Object::from(doc.add_object(dictionary! {
            "Type" => "Page",
            "Parent" => pages_id,
            "Contents" => contents,
            "Resources" => resources,
        })));
    }
    let count = kids.len() as i64;
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages",
            "Kids" => kids,
            "Count" => count,
            "MediaBox" => vec![0.into(), 0.into(), 612.into(), 792.into()],
        }),
    );
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog);
    let mut out = Vec::new();
    doc.save_to(&mut out).expect("PDF saves");
    out
}

/// `len` bytes that do not compress (a xorshift stream).
fn noise(len: usize) -> Vec<u8> {
    let mut state = 0x9E37_79B9_7F4A_7C15u64;
    (0..len)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state as u8
        })
        .collect()
}

/// A PDF that claims to be encrypted with a password the reader does not have.
pub fn encrypted_pdf() -> Vec<u8> {
    let plain = pdf(&[vec![text(72.0, 700.0, "Secret")]]);
    let mut doc = Document::load_mem(&plain).expect("own PDF loads");
    let encrypt = doc.add_object(dictionary! {
        "Filter" => "Standard",
        "V" => 2,
        "R" => 3,
        "Length" => 128,
        "O" => Object::String(vec![7; 32], lopdf::StringFormat::Hexadecimal),
        "U" => Object::String(vec![9; 32], lopdf::StringFormat::Hexadecimal),
        "P" => -4,
    });
    doc.trailer.set("Encrypt", encrypt);
    doc.trailer.set(
        "ID",
        vec![
            Object::String(vec![1; 16], lopdf::StringFormat::Hexadecimal),
            Object::String(vec![1; 16], lopdf::StringFormat::Hexadecimal),
        ],
    );
    let mut out = Vec::new();
    doc.save_to(&mut out).expect("PDF saves");
    out
}
