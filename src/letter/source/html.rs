//! EDGAR HTML letters (`.htm`, `.html`: company responses, form CORRESP): parsed with
//! html5ever (through `scraper`) and walked into the plain text the parser reads, one
//! paragraph a line with a blank line between, bold kept as `**…**` and a paragraph all
//! in italics as `*…*` (restated comments are marked so, by tags or inline CSS).
//!
//! EDGAR's conventions: the SGML wrapper (`<DOCUMENT>…<TEXT>`) is dropped; table cells
//! and inline `padding-left`/`margin-left` read as a space (Workiva sets "1." and its
//! text apart that way); `&#147;`-style references are Windows-1252 characters (HTML5's
//! rule, which html5ever follows); a file that is not UTF-8 is read as Windows-1252.

use scraper::{Html, Node};

use super::super::phrases::find_ignore_ascii_case;
use super::{Extracted, Limits, Source, guarded};
use crate::letter::Kind;

/// HTML files.
pub struct HtmlSource;

impl Source for HtmlSource {
    fn name(&self) -> &'static str {
        "HTML"
    }

    fn extensions(&self) -> &'static [&'static str] {
        &["htm", "html"]
    }

    /// 2: page breaks are form feeds; 3: a table cell's text starts after what came
    /// before the table; 4: a page image's hidden text layer keeps its lines.
    fn revision(&self) -> u32 {
        4
    }

    fn extract(&self, bytes: Vec<u8>, limits: &Limits) -> Result<Extracted, String> {
        guarded("HTML", limits.time, move || extract(&bytes))
    }
}

/// The text of an HTML file's bytes.
fn extract(bytes: &[u8]) -> Result<Extracted, String> {
    let mut warnings = Vec::new();
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => std::borrow::Cow::Borrowed(text),
        Err(_) => {
            warnings.push("not UTF-8: read as Windows-1252".to_owned());
            encoding_rs::WINDOWS_1252.decode(bytes).0
        }
    };
    let declared = edgar_type(&text)
        .is_some_and(|t| t.eq_ignore_ascii_case("CORRESP"))
        .then_some(Kind::Response);
    if cut_short(&text) {
        warnings.push(
            "the HTML ends early (no closing </html>): the file may be cut short; what it holds is shown"
                .to_owned(),
        );
    }
    let document = Html::parse_document(unwrap_sgml(&text));
    let mut walk = Walk::default();
    walk.document(&document);
    if !walk.out.chars().any(|c| !c.is_whitespace()) {
        return Err("no text in this HTML file".into());
    }
    Ok(Extracted {
        text: walk.out.into_bytes(),
        warnings,
        declared,
    })
}

/// The form type in EDGAR's SGML wrapper (`<TYPE>CORRESP`), if there is one.
fn edgar_type(text: &str) -> Option<&str> {
    let head = head(text);
    let at = find_ignore_ascii_case(head, "<type>")? + "<type>".len();
    let rest = &head[at..];
    let end = rest.find(['\n', '\r', '<']).unwrap_or(rest.len());
    Some(rest[..end].trim())
}

/// The HTML inside EDGAR's SGML wrapper (`<DOCUMENT><TYPE>…<TEXT>` … `</TEXT>`), or all
/// of it when there is none.
fn unwrap_sgml(text: &str) -> &str {
    let head = head(text);
    let Some(open) = find_ignore_ascii_case(head, "<text>") else {
        return text;
    };
    let body = &text[open + "<text>".len()..];
    match rfind_ascii_ci(body, "</text>") {
        Some(close) => &body[..close],
        None => body,
    }
}

/// The first 4 KiB or so of `text`, where EDGAR's wrapper stands.
fn head(text: &str) -> &str {
    let mut end = text.len().min(4096);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// Whether the file stops before its HTML (or EDGAR's wrapper) is closed: none of
/// `</html>`, `</body>`, `</text>`, `</document>` near its end.
fn cut_short(text: &str) -> bool {
    let mut start = text.len().saturating_sub(4096);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    let tail = &text[start..];
    !["</html>", "</body>", "</text>", "</document>"]
        .iter()
        .any(|end| rfind_ascii_ci(tail, end).is_some())
}

/// Where `needle` (ASCII, lower case) last occurs in `hay`, any case.
fn rfind_ascii_ci(hay: &str, needle: &str) -> Option<usize> {
    hay.as_bytes()
        .windows(needle.len())
        .rposition(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}

/// Bold and italic in effect, and whether the text is a page image's hidden layer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
struct Style {
    bold: bool,
    italic: bool,
    /// Text too small to see ([`MAX_LAYER_SIZE`]): the text layer a converter lays
    /// under a page's image (Workiva's "slide" pages, each an `<img>` with its text in
    /// 1 pt white type), where a run of spaces stands for each line break.
    layer: bool,
}

/// The largest type (points or pixels) that is a page image's hidden text layer.
const MAX_LAYER_SIZE: f32 = 2.0;

/// A run of text in one style.
#[derive(Debug)]
struct Run {
    text: String,
    style: Style,
}

/// The walk over the document: the text so far, the paragraph being built, and the
/// style of each open element.
#[derive(Debug, Default)]
struct Walk {
    out: String,
    paragraph: Vec<Run>,
    /// A space is due before the next word.
    space: bool,
    /// The break due after the paragraph being built, written when more text comes.
    due: Break,
    /// A table cell held only a label ("1.", "Re:", "•"): the next cell's text continues
    /// its line whatever blocks it is wrapped in, until the row ends.
    joining: bool,
    /// The style of each open element, and whether a page break follows it.
    styles: Vec<(Style, bool)>,
}

/// A break between pieces of text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
enum Break {
    #[default]
    None,
    /// A new line (`<br>`).
    Line,
    /// A new paragraph: a blank line.
    Paragraph,
}

/// A cell's text this short (in characters) is a label that starts the next cell's line.
const LABEL: usize = 12;

/// Elements whose content is not text.
const SKIPPED: &[&str] = &["head", "style", "script", "title", "noscript", "template"];

/// Elements that end a paragraph.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "tr",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "table",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "center",
    "pre",
    "hr",
    "section",
    "article",
    "header",
    "footer",
    "body",
    "address",
];

impl Walk {
    /// Walk the whole document, without recursion (nesting depth is the file's to set).
    fn document(&mut self, document: &Html) {
        let mut skipping = 0usize;
        for edge in document.tree.root().traverse() {
            match edge {
                ego_tree::iter::Edge::Open(node) => match node.value() {
                    Node::Element(element) => {
                        let name = element.name();
                        if skipping > 0 || SKIPPED.contains(&name) {
                            skipping += 1;
                            continue;
                        }
                        self.open(name, element.attr("style"));
                    }
                    Node::Text(text) if skipping == 0 => self.text(text),
                    _ => {}
                },
                ego_tree::iter::Edge::Close(node) => {
                    if let Node::Element(element) = node.value() {
                        if skipping > 0 {
                            skipping -= 1;
                            continue;
                        }
                        self.close(element.name());
                    }
                }
            }
        }
        self.flush();
    }

    fn open(&mut self, name: &str, css: Option<&str>) {
        let mut style = self.style();
        match name {
            "b" | "strong" => style.bold = true,
            "i" | "em" | "cite" => style.italic = true,
            _ => {}
        }
        let css = css.map(Css::parse).unwrap_or_default();
        style.bold = css.bold.unwrap_or(style.bold);
        style.italic = css.italic.unwrap_or(style.italic);
        style.layer = css.layer.unwrap_or(style.layer);
        self.styles.push((style, css.page_after));
        if css.page_before {
            self.page_break();
        }
        if name == "br" {
            self.end(Break::Line);
        } else if BLOCKS.contains(&name) {
            self.end(Break::Paragraph);
        }
        if matches!(name, "td" | "th") {
            // A cell starts its own text (unless a label's line goes on): what came
            // before it ("General" over a table that numbers its comment) is written,
            // not taken for a label the cell's text continues.
            if !self.joining && self.due != Break::None {
                self.flush();
            }
            self.space = true;
        } else if css.indented {
            self.space = true;
        }
    }

    fn close(&mut self, name: &str) {
        if self.styles.pop().is_some_and(|(_, page_after)| page_after) {
            self.page_break();
        }
        match name {
            "td" | "th" => {
                let len: usize = self.paragraph.iter().map(|r| r.text.chars().count()).sum();
                if (1..=LABEL).contains(&len) {
                    self.joining = true;
                    self.due = Break::None;
                }
                self.space = true;
            }
            "tr" | "table" => {
                self.joining = false;
                self.end(Break::Paragraph);
            }
            _ if BLOCKS.contains(&name) => self.end(Break::Paragraph),
            _ => {}
        }
    }

    /// The style in effect.
    fn style(&self) -> Style {
        self.styles.last().map(|(s, _)| *s).unwrap_or_default()
    }

    /// A page break (`page-break-before` or `-after` in the element's CSS): the text so
    /// far written, then a form feed, as a PDF's text has between its pages, so that the
    /// parser tells running heads by what repeats after them (one, however many breaks
    /// stand together).
    fn page_break(&mut self) {
        self.flush();
        self.joining = false;
        if !self.out.is_empty() && !self.out.ends_with('\u{c}') {
            self.out.push('\u{c}');
        }
    }

    /// A break after the text so far (none while a label's line goes on).
    fn end(&mut self, brk: Break) {
        if !self.joining && !self.paragraph.is_empty() {
            self.due = self.due.max(brk);
        }
    }

    /// Text in the current style, its white space folded; in a hidden text layer, a run
    /// of two spaces or more is a line break.
    fn text(&mut self, text: &str) {
        if !self.style().layer {
            return self.words(text);
        }
        for (i, line) in text.split("  ").filter(|l| !l.trim().is_empty()).enumerate() {
            if i > 0 {
                self.end(Break::Line);
            }
            self.words(line);
        }
    }

    /// The words of `text` in the current style, its white space folded.
    fn words(&mut self, text: &str) {
        let style = self.style();
        for (i, word) in text
            .split(|c: char| c.is_whitespace() || c == '\u{a0}')
            .enumerate()
        {
            if i > 0 {
                self.space = true;
            }
            if word.is_empty() {
                continue;
            }
            self.joining = false;
            if self.due != Break::None {
                self.flush();
            }
            let space = std::mem::take(&mut self.space) && !self.paragraph.is_empty();
            match self.paragraph.last_mut() {
                Some(run) if run.style == style => {
                    if space {
                        run.text.push(' ');
                    }
                    run.text.push_str(word);
                }
                _ => {
                    if space && let Some(run) = self.paragraph.last_mut() {
                        run.text.push(' ');
                    }
                    self.paragraph.push(Run {
                        text: word.to_owned(),
                        style,
                    });
                }
            }
        }
    }

    /// Write the paragraph under way (bold as `**…**`, a paragraph all in italics as
    /// `*…*`) and the break due after it.
    fn flush(&mut self) {
        self.space = false;
        let runs = std::mem::take(&mut self.paragraph);
        let brk = std::mem::take(&mut self.due);
        if runs.is_empty() {
            return;
        }
        let italic = runs.iter().all(|r| r.style.italic);
        let mut line = String::new();
        for run in &runs {
            let text = run.text.trim_end();
            let trailing = &run.text[text.len()..];
            if run.style.bold {
                line.push_str("**");
                line.push_str(text);
                line.push_str("**");
            } else {
                line.push_str(text);
            }
            line.push_str(trailing);
        }
        let line = line.trim();
        if italic {
            self.out.push('*');
            self.out.push_str(line);
            self.out.push('*');
        } else {
            self.out.push_str(line);
        }
        self.out
            .push_str(if brk == Break::Line { "\n" } else { "\n\n" });
    }
}

/// What an inline `style` says about emphasis, indentation and page breaks.
#[derive(Debug, Default)]
struct Css {
    bold: Option<bool>,
    italic: Option<bool>,
    /// The `font-size` is a hidden text layer's (or not).
    layer: Option<bool>,
    indented: bool,
    /// A new page starts before the element (`page-break-before: always`).
    page_before: bool,
    /// A new page starts after it.
    page_after: bool,
}

impl Css {
    fn parse(style: &str) -> Css {
        let mut css = Css::default();
        for declaration in style.split(';') {
            let Some((property, value)) = declaration.split_once(':') else {
                continue;
            };
            let property = property.trim().to_ascii_lowercase();
            let value = value.trim().to_ascii_lowercase();
            match property.as_str() {
                "font-weight" => css.bold = Some(is_bold(&value)),
                "font-style" => css.italic = Some(value != "normal"),
                "font" => {
                    let words: Vec<&str> = value.split_whitespace().collect();
                    css.bold = Some(words.iter().any(|w| is_bold(w)));
                    css.italic = Some(words.iter().any(|w| matches!(*w, "italic" | "oblique")));
                }
                "font-size" => css.layer = Some(is_hidden_size(&value)),
                "page-break-before" | "break-before" => css.page_before = is_page(&value),
                "page-break-after" | "break-after" => css.page_after = is_page(&value),
                "padding-left" | "margin-left" | "padding" => {
                    css.indented |= value
                        .split_whitespace()
                        .next_back()
                        .is_some_and(|v| v.trim_start_matches(['0', '.']).chars().next().is_some_and(|c| c.is_ascii_digit()));
                }
                _ => {}
            }
        }
        css
    }
}

/// Whether a `font-size` value ("1pt", "0.5px") is too small to read: a hidden text
/// layer's.
fn is_hidden_size(value: &str) -> bool {
    let number = value
        .strip_suffix("pt")
        .or_else(|| value.strip_suffix("px"))
        .and_then(|n| n.trim().parse::<f32>().ok());
    number.is_some_and(|n| n <= MAX_LAYER_SIZE)
}

/// Whether a `page-break-*` or `break-*` value starts a new page.
fn is_page(value: &str) -> bool {
    matches!(value, "always" | "page" | "left" | "right" | "recto" | "verso")
}

/// Whether a `font-weight` value is bold.
fn is_bold(value: &str) -> bool {
    matches!(value, "bold" | "bolder") || value.parse::<u32>().is_ok_and(|w| w >= 600)
}
