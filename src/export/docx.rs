//! Word (`.docx`) through the `docx-rs` crate: one paragraph per block, line breaks
//! inside address blocks and paragraphs, list items with a hanging indent (bullets as
//! `•`, other markers as typed), restated comments in bold or italics. The page, font
//! and margins come from the [`Page`]; the first page has no header, the others the
//! continuation header with a PAGE field ("Page 2"). Opens in Word and LibreOffice.
//!
//! `docx-rs` 0.4 has no setter for the author or the title of the core properties, so
//! that one part (`docProps/core.xml`) is written here ([`core_properties`]) in place
//! of the crate's, between [`Docx::build`] and packing.

use std::io::Cursor;

use chrono::{DateTime, Utc};
use docx_rs::{
    AlignmentType, BreakType, Docx, Header, LineSpacing, PageMargin, PageNum, Paragraph, Run,
    RunFonts, SpecialIndentType,
};

use super::escape::markup_entity;
use super::flow::{Flow, Item, Marker};
use super::model::{Block, Document, MISSING_MARKER, Page, Properties, REDACTED_MARKER};
use super::settings::Restatement;

/// One inch in twips (twentieths of a point).
const INCH: i32 = 1440;
/// Space after a paragraph: 12 pt.
const AFTER: u32 = 240;

/// How a run of text looks.
#[derive(Clone, Copy, Default)]
struct Look {
    bold: bool,
    italic: bool,
    underline: bool,
    highlight: bool,
}

impl Look {
    const PLAIN: Look = Look {
        bold: false,
        italic: false,
        underline: false,
        highlight: false,
    };

    fn run(self) -> Run {
        let mut run = Run::new();
        if self.bold {
            run = run.bold();
        }
        if self.italic {
            run = run.italic();
        }
        if self.underline {
            run = run.underline("single");
        }
        if self.highlight {
            run = run.highlight("yellow");
        }
        run
    }
}

/// Renders the document as the bytes of a `.docx` file.
pub fn render(doc: &Document) -> Vec<u8> {
    let restated = match doc.restatement {
        Restatement::Bold => Look {
            bold: true,
            ..Look::PLAIN
        },
        Restatement::Italic => Look {
            italic: true,
            ..Look::PLAIN
        },
    };
    let mut docx = page_setup(Docx::new(), &doc.page)
        .first_header(Header::new())
        .header(continuation_header(&doc.continuation));
    for block in &doc.blocks {
        for paragraph in paragraphs(block, restated, doc.restatement.words()) {
            docx = docx.add_paragraph(paragraph);
        }
    }
    let mut parts = docx.build();
    parts.doc_props.core = core_properties(&doc.properties).into_bytes();
    let mut bytes = Cursor::new(Vec::new());
    parts
        .pack(&mut bytes)
        .expect("writing a docx into memory cannot fail");
    bytes.into_inner()
}

/// The paper, margins (the header half an inch from the edge) and default font.
fn page_setup(docx: Docx, page: &Page) -> Docx {
    let margin = i32::try_from(page.margin).unwrap_or(INCH);
    let font = page.font.as_str();
    docx.page_size(page.size.0, page.size.1)
        .page_margin(
            PageMargin::new()
                .top(margin)
                .bottom(margin)
                .left(margin)
                .right(margin)
                .header(INCH / 2)
                .footer(INCH / 2),
        )
        .default_fonts(
            RunFonts::new()
                .ascii(font)
                .hi_ansi(font)
                .east_asia(font)
                .cs(font),
        )
        .default_size(page.font_size as usize)
}

/// The header of every page but the first: the continuation lines, then "Page N"
/// with N a PAGE field.
fn continuation_header(lines: &[String]) -> Header {
    let page = Paragraph::new()
        .line_spacing(LineSpacing::new().before(0).after(AFTER * 2))
        .add_run(Run::new().add_text("Page "))
        .add_page_num(PageNum::new());
    let mut header = Header::new();
    if !lines.is_empty() {
        header = header.add_paragraph(
            lines_paragraph(lines, Look::PLAIN).line_spacing(LineSpacing::new().before(0).after(0)),
        );
    }
    header.add_paragraph(page)
}

/// `docProps/core.xml`: title, author (also the last to modify), created and modified
/// (left out when the time is unknown).
fn core_properties(props: &Properties) -> String {
    let stamp = |name: &str, at: Option<DateTime<Utc>>| {
        at.map(|at| {
            format!(
                "<dcterms:{name} xsi:type=\"dcterms:W3CDTF\">{}</dcterms:{name}>",
                at.format("%Y-%m-%dT%H:%M:%SZ")
            )
        })
        .unwrap_or_default()
    };
    let author = xml_text(&props.author);
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
         <cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" \
         xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" \
         xmlns:dcmitype=\"http://purl.org/dc/dcmitype/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\
         <dc:title>{title}</dc:title><dc:creator>{author}</dc:creator>\
         <cp:lastModifiedBy>{author}</cp:lastModifiedBy><cp:revision>1</cp:revision>\
         {created}{modified}</cp:coreProperties>",
        title = xml_text(&props.title),
        created = stamp("created", props.created),
        modified = stamp("modified", props.created),
    )
}

/// Text escaped for XML content; characters XML 1.0 forbids become U+FFFD.
fn xml_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match markup_entity(c) {
            Some(entity) => out.push_str(entity),
            None if matches!(c, '\t' | '\n' | '\r') => out.push(c),
            None if c < ' ' || c == '\u{fffe}' || c == '\u{ffff}' => out.push('\u{fffd}'),
            None => out.push(c),
        }
    }
    out
}

/// The Word paragraphs of one block.
fn paragraphs(block: &Block, restated: Look, style: &str) -> Vec<Paragraph> {
    let underline = Look {
        underline: true,
        ..Look::PLAIN
    };
    match block {
        Block::Lines(lines) => vec![lines_paragraph(lines, Look::PLAIN)],
        Block::Letterhead(lines) => vec![
            lines_paragraph(
                lines,
                Look {
                    bold: true,
                    ..Look::PLAIN
                },
            )
            .align(AlignmentType::Center),
        ],
        Block::Statement(flows) => flows_paragraphs(flows, Look::PLAIN, false),
        Block::Legend(text) => vec![spaced(Paragraph::new()).keep_next(true).add_run(text_run(
            Look {
                bold: true,
                ..Look::PLAIN
            },
            text,
        ))],
        Block::Redacted { number } => vec![spaced(Paragraph::new()).add_run(text_run(
            Look::PLAIN,
            &format!("{number}. {REDACTED_MARKER}"),
        ))],
        Block::Headings(lines) => vec![lines_paragraph(lines, underline).keep_next(true)],
        Block::Re(lines) => vec![labelled(
            "Re:",
            lines,
            Look {
                bold: true,
                ..Look::PLAIN
            },
        )],
        Block::Cc(lines) => vec![labelled("cc:", lines, Look::PLAIN)],
        Block::Paragraph(text) => vec![prose(text)],
        Block::Opening { before, after } => vec![prose(&format!("{before}in {style}{after}"))],
        Block::Comment { flows, .. } => flows_paragraphs(flows, restated, true),
        Block::Label(label) => vec![spaced(Paragraph::new()).keep_next(true).add_run(text_run(
            Look {
                bold: true,
                underline: true,
                ..Look::PLAIN
            },
            label,
        ))],
        Block::Response { flows, .. } => flows_paragraphs(flows, Look::PLAIN, false),
        Block::Missing { .. } => vec![spaced(Paragraph::new()).add_run(text_run(
            Look {
                bold: true,
                highlight: true,
                ..Look::PLAIN
            },
            MISSING_MARKER,
        ))],
    }
}

/// A justified paragraph of the letter's own prose.
fn prose(text: &str) -> Paragraph {
    spaced(Paragraph::new())
        .align(AlignmentType::Both)
        .add_run(text_run(Look::PLAIN, text))
}

/// A paragraph with the usual space after it.
fn spaced(paragraph: Paragraph) -> Paragraph {
    paragraph.line_spacing(LineSpacing::new().before(0).after(AFTER))
}

/// A run of text; tabs become Word tabs.
fn text_run(look: Look, text: &str) -> Run {
    let mut run = look.run();
    for (i, part) in text.split('\t').enumerate() {
        if i > 0 {
            run = run.add_tab();
        }
        if !part.is_empty() {
            run = run.add_text(part);
        }
    }
    run
}

/// Lines in one paragraph, separated by line breaks.
fn lines_paragraph(lines: &[String], look: Look) -> Paragraph {
    let mut paragraph = spaced(Paragraph::new());
    for (i, line) in lines.iter().enumerate() {
        if i > 0 {
            paragraph = paragraph.add_run(Run::new().add_break(BreakType::TextWrapping));
        }
        paragraph = paragraph.add_run(text_run(look, line));
    }
    paragraph
}

/// A label, a tab, and lines under one another at the half-inch ("Re:", "cc:").
fn labelled(label: &str, lines: &[String], look: Look) -> Paragraph {
    let mut paragraph = spaced(Paragraph::new()).indent(
        Some(INCH / 2),
        Some(SpecialIndentType::Hanging(INCH / 2)),
        None,
        None,
    );
    paragraph = paragraph.add_run(text_run(look, label).add_tab());
    for (i, line) in lines.iter().enumerate() {
        if i > 0 {
            paragraph = paragraph.add_run(Run::new().add_break(BreakType::TextWrapping));
        }
        paragraph = paragraph.add_run(text_run(look, line));
    }
    paragraph
}

/// Paragraphs and list items of running text. `keep` keeps them with what follows
/// (a restated comment stays with its response).
fn flows_paragraphs(flows: &[Flow], look: Look, keep: bool) -> Vec<Paragraph> {
    let mut out = Vec::new();
    for flow in flows {
        match flow {
            Flow::Paragraph(lines) => out.push(
                lines_paragraph(lines, look)
                    .align(AlignmentType::Both)
                    .keep_next(keep),
            ),
            Flow::List(items) => {
                for (i, item) in items.iter().enumerate() {
                    let last = i + 1 == items.len();
                    out.push(item_paragraph(item, look, last).keep_next(keep));
                }
            }
        }
    }
    out
}

/// The marker shown: a bullet for any bullet (as in HTML), other markers as typed.
fn marker(item: &Item) -> &str {
    if item.kind == Marker::Bullet {
        "\u{2022}"
    } else {
        &item.marker
    }
}

/// A list item: its marker, a tab, its text, with a hanging indent.
fn item_paragraph(item: &Item, look: Look, last: bool) -> Paragraph {
    let after = if last { AFTER } else { AFTER / 2 };
    let mut paragraph = Paragraph::new()
        .line_spacing(LineSpacing::new().before(0).after(after))
        .indent(
            Some(INCH * 3 / 4),
            Some(SpecialIndentType::Hanging(INCH / 2)),
            None,
            None,
        )
        .add_run(text_run(look, marker(item)).add_tab());
    for (i, line) in item.lines.iter().enumerate() {
        if i > 0 {
            paragraph = paragraph.add_run(Run::new().add_break(BreakType::TextWrapping));
        }
        paragraph = paragraph.add_run(text_run(look, line));
    }
    paragraph
}
