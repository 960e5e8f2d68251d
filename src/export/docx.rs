//! Word (`.docx`) through the `docx-rs` crate: one paragraph per block, line breaks
//! inside address blocks and paragraphs, list items with a hanging indent (bullets as
//! `•`, other markers as typed), restated comments in bold or italics. Opens in Word and
//! LibreOffice.

use std::io::Cursor;

use docx_rs::{
    AlignmentType, BreakType, Docx, LineSpacing, PageMargin, Paragraph, Run, RunFonts,
    SpecialIndentType,
};

use super::document::{Block, Document, MISSING_MARKER};
use super::flow::{Flow, Item, Marker};
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
    let mut docx = Docx::new()
        .default_fonts(
            RunFonts::new()
                .ascii("Times New Roman")
                .hi_ansi("Times New Roman")
                .cs("Times New Roman"),
        )
        .default_size(24)
        .page_margin(
            PageMargin::new()
                .top(INCH)
                .bottom(INCH)
                .left(INCH)
                .right(INCH),
        );
    for block in &doc.blocks {
        for paragraph in paragraphs(block, restated) {
            docx = docx.add_paragraph(paragraph);
        }
    }
    let mut bytes = Cursor::new(Vec::new());
    docx.pack(&mut bytes)
        .expect("writing a docx into memory cannot fail");
    bytes.into_inner()
}

/// The Word paragraphs of one block.
fn paragraphs(block: &Block, restated: Look) -> Vec<Paragraph> {
    let underline = Look {
        underline: true,
        ..Look::PLAIN
    };
    match block {
        Block::Lines(lines) => vec![lines_paragraph(lines, Look::PLAIN)],
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
        Block::Paragraph(text) => vec![
            spaced(Paragraph::new())
                .align(AlignmentType::Both)
                .add_run(text_run(Look::PLAIN, text)),
        ],
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
