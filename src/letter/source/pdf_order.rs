//! Reading order for PDF text: pdf-extract hands over glyphs in the order the page's
//! content draws them, which is not always the order they are read in (some letters draw
//! a comment's number after its paragraph, and older ones draw bold text twice, a little
//! apart). [`Pages`] collects the glyphs of each page and puts them in reading order:
//!
//! 1. glyphs are grouped into spans in drawing order (same baseline, next to each other);
//! 2. a span drawn again over itself (fake bold) is kept once;
//! 3. spans are sorted top to bottom into lines, and each line left to right;
//! 4. a blank line marks a vertical gap, and `\f` ends each page, as `pdftotext` writes.

use std::collections::HashMap;

use pdf_extract::{MediaBox, OutputDev, OutputError, Transform};

/// Glyphs this close (in font sizes) past a span's end continue it.
const SPAN_GAP: f64 = 0.3;
/// A gap wider than this (in font sizes) between glyphs or spans on a line is a space.
const SPACE_GAP: f64 = 0.1;
/// Baselines this close (in font sizes) are one line.
const LINE_TOLERANCE: f64 = 0.5;
/// Baselines further apart than this (in font sizes) have a blank line between them.
const PARAGRAPH_GAP: f64 = 1.6;
/// A span with the same text as another within this distance (in font sizes) is drawn
/// over it.
const OVERPRINT: f64 = 0.5;

/// A run of text on one baseline, in page coordinates (y grows down the page).
#[derive(Debug, Clone, PartialEq)]
struct Span {
    x: f64,
    y: f64,
    end: f64,
    size: f64,
    text: String,
}

/// An [`OutputDev`] that collects the text of each page in reading order.
#[derive(Debug, Default)]
pub struct Pages {
    /// The text of each page done, lines in reading order.
    pub pages: Vec<String>,
    spans: Vec<Span>,
    /// The page's height, to turn PDF coordinates (y up) into reading ones (y down).
    height: f64,
}

impl Pages {
    /// The text of every page, each ended by `\f`.
    pub fn text(&self) -> String {
        let mut out = String::new();
        for page in &self.pages {
            out.push_str(page);
            out.push('\u{c}');
        }
        out
    }

    /// Add one glyph drawn at `(x, y)` of height `size` ending at `end`.
    fn glyph(&mut self, x: f64, y: f64, end: f64, size: f64, text: &str) {
        if let Some(span) = self.spans.last_mut()
            && (y - span.y).abs() < size * LINE_TOLERANCE
            && x >= span.end - size * SPAN_GAP
            && x <= span.end + size * SPAN_GAP.max(SPACE_GAP * 3.0)
        {
            if x > span.end + size * SPACE_GAP && !span.text.ends_with(' ') && text != " " {
                span.text.push(' ');
            }
            span.text.push_str(text);
            span.end = span.end.max(end);
            return;
        }
        self.spans.push(Span {
            x,
            y,
            end,
            size,
            text: text.to_owned(),
        });
    }

    /// The page's spans in reading order, as lines.
    fn finish_page(&mut self) {
        let spans = drop_overprints(std::mem::take(&mut self.spans));
        self.pages.push(lines(spans));
    }
}

/// The spans without those drawn over an earlier one with the same text.
fn drop_overprints(spans: Vec<Span>) -> Vec<Span> {
    let mut seen: HashMap<String, Vec<(f64, f64)>> = HashMap::new();
    let mut kept = Vec::with_capacity(spans.len());
    for span in spans {
        let key = span.text.trim().to_owned();
        if key.is_empty() {
            continue;
        }
        let near = OVERPRINT * span.size;
        let places = seen.entry(key).or_default();
        if places
            .iter()
            .any(|&(x, y)| (x - span.x).abs() < near && (y - span.y).abs() < near)
        {
            continue;
        }
        places.push((span.x, span.y));
        kept.push(span);
    }
    kept
}

/// The spans sorted into lines (top to bottom, each left to right), a blank line at
/// each vertical gap.
fn lines(mut spans: Vec<Span>) -> String {
    spans.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x.total_cmp(&b.x)));
    let mut out = String::new();
    let mut line: Vec<Span> = Vec::new();
    let mut last_y: Option<f64> = None;
    for span in spans {
        if let Some(first) = line.first()
            && span.y - first.y > first.size.max(span.size) * LINE_TOLERANCE
        {
            let y = first.y;
            let size = first.size;
            push_line(&mut out, &mut line, last_y, size);
            last_y = Some(y);
        }
        line.push(span);
    }
    if let Some(first) = line.first() {
        let size = first.size;
        push_line(&mut out, &mut line, last_y, size);
    }
    out
}

/// Write one line's spans left to right, after a blank line when the line stands far
/// below the last one (at `last_y`).
fn push_line(out: &mut String, line: &mut Vec<Span>, last_y: Option<f64>, size: f64) {
    line.sort_by(|a, b| a.x.total_cmp(&b.x));
    if let Some(last_y) = last_y
        && line[0].y - last_y > size * PARAGRAPH_GAP
    {
        out.push('\n');
    }
    let mut end: Option<f64> = None;
    let mut text = String::new();
    for span in line.drain(..) {
        if let Some(end) = end
            && span.x > end + span.size * SPACE_GAP
            && !text.ends_with(' ')
            && !span.text.starts_with(' ')
        {
            text.push(' ');
        }
        text.push_str(&span.text);
        end = Some(end.map_or(span.end, |e: f64| e.max(span.end)));
    }
    out.push_str(text.trim_end());
    out.push('\n');
}

impl OutputDev for Pages {
    fn begin_page(
        &mut self,
        _page_num: u32,
        media_box: &MediaBox,
        _art_box: Option<(f64, f64, f64, f64)>,
    ) -> Result<(), OutputError> {
        self.spans.clear();
        self.height = media_box.ury - media_box.lly;
        Ok(())
    }

    fn end_page(&mut self) -> Result<(), OutputError> {
        self.finish_page();
        Ok(())
    }

    fn output_character(
        &mut self,
        trm: &Transform,
        width: f64,
        _spacing: f64,
        font_size: f64,
        char: &str,
    ) -> Result<(), OutputError> {
        // The font size as drawn: the side of the square with the area of the text
        // matrix's image of a font-size square, as pdf-extract's own text output reckons.
        let sx = font_size * (trm.m11 + trm.m21);
        let sy = font_size * (trm.m12 + trm.m22);
        let size = (sx * sy).abs().sqrt().max(0.1);
        let (x, y) = (trm.m31, self.height - trm.m32);
        if !x.is_finite() || !y.is_finite() {
            return Ok(());
        }
        self.glyph(x, y, x + width * size, size, char);
        Ok(())
    }

    fn begin_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_line(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
}
