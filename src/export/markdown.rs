//! Markdown (CommonMark): blocks separated by blank lines, line breaks as a trailing
//! `\`, restated comments in `**bold**` or `*italics*`, every character of the text
//! escaped so it reads back exactly. Lists typed with `-`, `*`, `+` or with numbers
//! counting up from 1 stay Markdown lists; other markers stay as typed text.

use super::escape::markdown as esc;
use super::flow::{Flow, Item, Marker};
use super::model::{Block, Document, MISSING_MARKER, REDACTED_MARKER};
use super::settings::Restatement;

/// Emphasis around a piece of text.
#[derive(Clone, Copy)]
enum Emphasis {
    None,
    Strong,
    Em,
}

impl Emphasis {
    fn wrap(self, escaped: &str) -> String {
        match self {
            Emphasis::None => escaped.to_owned(),
            Emphasis::Strong => format!("**{escaped}**"),
            Emphasis::Em => format!("*{escaped}*"),
        }
    }

    /// Escapes `line` and wraps it; emphasis markers shield the line start.
    fn line(self, line: &str) -> String {
        match self {
            Emphasis::None => esc(line, true),
            _ => self.wrap(&esc(line, false)),
        }
    }
}

/// Renders the document as Markdown.
pub fn render(doc: &Document) -> String {
    let restated = match doc.restatement {
        Restatement::Bold => Emphasis::Strong,
        Restatement::Italic => Emphasis::Em,
    };
    let mut blocks: Vec<String> = Vec::new();
    for block in &doc.blocks {
        match block {
            Block::Lines(lines) | Block::Headings(lines) | Block::Letterhead(lines) => {
                blocks.push(lines_block(
                    lines.iter().map(String::as_str),
                    Emphasis::None,
                ));
            }
            Block::Re(lines) => blocks.push(labelled("Re: ", lines, Emphasis::Strong)),
            Block::Paragraph(text) => blocks.push(esc(text, true)),
            Block::Opening { before, after } => blocks.push(esc(
                &format!("{before}in {}{after}", doc.restatement.words()),
                true,
            )),
            Block::Comment { flows, .. } => flows_into(&mut blocks, flows, restated),
            Block::Label(label) => blocks.push(Emphasis::Strong.line(label)),
            Block::Response { flows, .. } | Block::Statement(flows) => {
                flows_into(&mut blocks, flows, Emphasis::None)
            }
            Block::Legend(text) => blocks.push(Emphasis::Strong.line(text)),
            Block::Redacted { number } => {
                blocks.push(esc(&format!("{number}. {REDACTED_MARKER}"), true));
            }
            Block::Missing { .. } => blocks.push(esc(MISSING_MARKER, true)),
            Block::Cc(lines) => blocks.push(labelled("cc: ", lines, Emphasis::None)),
        }
    }
    let mut out = blocks.join("\n\n");
    out.push('\n');
    out
}

/// Lines joined by hard line breaks.
fn lines_block<'a>(lines: impl Iterator<Item = &'a str>, emphasis: Emphasis) -> String {
    lines
        .map(|l| emphasis.line(l))
        .collect::<Vec<_>>()
        .join("\\\n")
}

/// Lines joined by hard line breaks, the first after `label` ("Re: " block, "cc: " list).
fn labelled(label: &str, lines: &[String], emphasis: Emphasis) -> String {
    let first = lines.first().map(|line| format!("{label}{line}"));
    let all = first
        .iter()
        .map(String::as_str)
        .chain(lines.iter().skip(1).map(String::as_str));
    lines_block(all, emphasis)
}

/// Appends the Markdown blocks of running text.
fn flows_into(blocks: &mut Vec<String>, flows: &[Flow], emphasis: Emphasis) {
    // The Markdown list just written, which a following list of the same kind would
    // join (only blank lines separate them).
    let mut previous = None;
    for flow in flows {
        match flow {
            Flow::Paragraph(lines) => {
                blocks.push(lines_block(lines.iter().map(String::as_str), emphasis));
                previous = None;
            }
            Flow::List(items) => previous = lists_into(blocks, items, emphasis, previous),
        }
    }
}

/// How a run of items is written.
#[derive(Clone, Copy, PartialEq, Eq)]
enum ListStyle {
    /// A Markdown bullet list with this bullet.
    Bullet(char),
    /// A Markdown ordered list with this delimiter.
    Ordered(char),
    /// Lines of text with the marker as typed.
    Text,
}

/// Appends a list: runs of items that Markdown can show as lists become lists, the
/// rest lines of text that keep their markers. `previous` is the Markdown list
/// written just before, if any; returns the last one written here.
///
/// A numbered run is a Markdown list only when it counts up from 1 and does not
/// follow another numbered list with the same delimiter (Markdown would join the two
/// and renumber); otherwise its numbers are kept as typed text.
fn lists_into(
    blocks: &mut Vec<String>,
    items: &[Item],
    emphasis: Emphasis,
    mut previous: Option<ListStyle>,
) -> Option<ListStyle> {
    let mut runs: Vec<(ListStyle, Vec<&Item>)> = Vec::new();
    for item in items {
        let style = style_of(item);
        match runs.last_mut() {
            Some((last, run)) if *last == style && continues(style, run, item) => run.push(item),
            _ => runs.push((style, vec![item])),
        }
    }
    let mut last_was_text = false;
    for (mut style, run) in runs {
        if let ListStyle::Ordered(_) = style {
            let from_one = run.first().is_some_and(|i| i.kind == Marker::Number(1));
            if !from_one || previous == Some(style) {
                style = ListStyle::Text;
            }
        }
        previous = (style != ListStyle::Text).then_some(style);
        let lines: Vec<String> = run
            .iter()
            .map(|item| item_text(style, item, emphasis))
            .collect();
        if style == ListStyle::Text {
            // Typed-marker items stay lines of one block, as in the draft.
            match blocks.last_mut() {
                Some(block) if last_was_text => {
                    block.push_str("\\\n");
                    block.push_str(&lines.join("\\\n"));
                }
                _ => blocks.push(lines.join("\\\n")),
            }
        } else {
            blocks.push(lines.join("\n"));
        }
        last_was_text = style == ListStyle::Text;
    }
    previous
}

fn style_of(item: &Item) -> ListStyle {
    match item.kind {
        Marker::Bullet if matches!(item.marker.as_str(), "-" | "*" | "+") => {
            ListStyle::Bullet(item.marker.chars().next().unwrap_or('-'))
        }
        Marker::Number(_) => ListStyle::Ordered(item.marker.chars().last().unwrap_or('.')),
        _ => ListStyle::Text,
    }
}

/// Whether `item` can join the run: numbers must count up by one, because Markdown
/// renumbers ordered lists from their first number.
fn continues(style: ListStyle, run: &[&Item], item: &Item) -> bool {
    match (style, run.last().map(|i| i.kind), item.kind) {
        (ListStyle::Ordered(_), Some(Marker::Number(a)), Marker::Number(b)) => {
            a.checked_add(1) == Some(b)
        }
        (ListStyle::Ordered(_), _, _) => false,
        _ => true,
    }
}

/// One item: marker and text, continuation lines after hard breaks, indented under the
/// item's text.
fn item_text(style: ListStyle, item: &Item, emphasis: Emphasis) -> String {
    let head = match style {
        ListStyle::Bullet(c) => format!("{c} "),
        ListStyle::Ordered(_) => format!("{} ", item.marker),
        // Typed marker kept as text; `esc` keeps it from starting a block.
        ListStyle::Text => String::new(),
    };
    let indent = " ".repeat(head.chars().count());
    let mut out = String::new();
    for (i, line) in item.lines.iter().enumerate() {
        if i > 0 {
            out.push_str("\\\n");
            out.push_str(&indent);
        } else {
            out.push_str(&head);
        }
        let text = if i == 0 && style == ListStyle::Text {
            format!("{} {line}", item.marker)
        } else {
            line.clone()
        };
        out.push_str(&emphasis.line(&text));
    }
    out
}
