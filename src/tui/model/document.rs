//! The open letter's comments laid out as a document for one pane width. Wrapping happens
//! once per width (when the document is built), never per frame; drawing walks the rows.

use unicode_width::UnicodeWidthStr;

use crate::letter::Letter;
use crate::text::sanitize;
use crate::tui::model::wrap::wrap_line;

/// Columns before the text of every row: the selection bar.
pub const GUTTER: usize = 1;

/// What a row of the document shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowKind {
    /// Part of the heading trail above a comment.
    Heading,
    /// The comment's first row: status mark, number, then text.
    Lead,
    /// A following row of the comment's text, indented under the first.
    Body,
    /// Space between comments.
    Blank,
}

/// One row of the document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Row<'a> {
    /// Index of the comment in the letter.
    pub comment: usize,
    /// What the row shows.
    pub kind: RowKind,
    /// The text (sanitized, wrapped); for [`RowKind::Lead`] without mark and number.
    pub text: &'a str,
}

/// One comment laid out.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Block {
    /// The heading trail as given, to tell which levels changed from the comment before.
    trail: Vec<String>,
    /// Each heading of the trail, wrapped.
    headings: Vec<Vec<String>>,
    /// The text, wrapped; the first row follows the number.
    body: Vec<String>,
}

/// A visible comment's place in the document.
struct Placed<'a> {
    comment: usize,
    block: &'a Block,
    /// The first heading level shown (the levels before are the same as the comment before).
    from_level: usize,
    /// Rows of headings shown.
    heading_rows: usize,
    /// Whether a blank row follows.
    blank: bool,
}

impl Placed<'_> {
    fn height(&self) -> usize {
        self.heading_rows + self.block.body.len() + usize::from(self.blank)
    }
}

/// The comments of a letter wrapped for one width.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// The pane's inner width the rows were wrapped for.
    pub width: u16,
    /// The width of the number column: `"12. "` plus the mark and its space.
    pub lead_width: usize,
    /// The numbers as displayed (`"12."`), per comment.
    pub numbers: Vec<String>,
    blocks: Vec<Block>,
}

impl Document {
    /// Lay out `letter`'s comments for a pane `width` columns wide, with marks `mark_width`
    /// columns wide.
    pub fn build(letter: &Letter, width: u16, mark_width: usize) -> Self {
        let numbers: Vec<String> = letter
            .comments
            .iter()
            .map(|c| format!("{}.", sanitize(&c.number).replace('\n', " ")))
            .collect();
        let number_width = numbers.iter().map(|n| n.width()).max().unwrap_or(0);
        let lead_width = mark_width + 1 + number_width + 1;
        let text_width = usize::from(width).saturating_sub(GUTTER);
        let body_width = text_width
            .saturating_sub(lead_width)
            .max(text_width / 2)
            .max(1);
        let blocks = letter
            .comments
            .iter()
            .map(|c| {
                let headings = c
                    .headings
                    .iter()
                    .map(|h| wrap_line(&sanitize(h).replace('\n', " "), text_width))
                    .collect();
                let mut body = Vec::new();
                for (i, paragraph) in sanitize(&c.text).split("\n\n").enumerate() {
                    if i > 0 {
                        body.push(String::new());
                    }
                    for line in paragraph.lines() {
                        body.extend(wrap_line(line, body_width));
                    }
                }
                if body.is_empty() {
                    body.push(String::new());
                }
                Block {
                    trail: c.headings.clone(),
                    headings,
                    body,
                }
            })
            .collect();
        Self {
            width,
            lead_width: lead_width.min(text_width.saturating_sub(body_width)),
            numbers,
            blocks,
        }
    }

    /// The `visible` comments in order, each with the headings it shows: the levels of its
    /// trail that differ from the previous visible comment's, like an outline.
    fn placed<'a>(&'a self, visible: &[usize]) -> impl Iterator<Item = Placed<'a>> {
        let mut previous: Option<&[String]> = None;
        visible.iter().enumerate().filter_map(move |(i, &comment)| {
            let block = self.blocks.get(comment)?;
            let trail = block.trail.as_slice();
            let from_level = match previous {
                Some(prev) if prev == trail => trail.len(),
                Some(prev) => {
                    let common = prev.iter().zip(trail).take_while(|(a, b)| a == b).count();
                    common.min(trail.len().saturating_sub(1))
                }
                None => 0,
            };
            previous = Some(trail);
            Some(Placed {
                comment,
                block,
                from_level,
                heading_rows: block.headings[from_level..].iter().map(Vec::len).sum(),
                blank: i + 1 < visible.len(),
            })
        })
    }

    /// Where each of the `visible` comments starts, and how many rows it takes, in order.
    pub fn spans(&self, visible: &[usize]) -> Vec<(usize, usize, usize)> {
        let mut row = 0;
        self.placed(visible)
            .map(|p| {
                let start = row;
                row += p.height();
                (p.comment, start, p.height())
            })
            .collect()
    }

    /// The rows of the `visible` comments from row `skip` on, at most `take` of them.
    pub fn rows(&self, visible: &[usize], skip: usize, take: usize) -> Vec<Row<'_>> {
        let mut rows = Vec::with_capacity(take);
        let mut at = 0;
        for placed in self.placed(visible) {
            if rows.len() >= take {
                break;
            }
            let height = placed.height();
            if at + height <= skip {
                at += height;
                continue;
            }
            let block = placed.block;
            let headings = block.headings[placed.from_level..]
                .iter()
                .flatten()
                .map(|t| (RowKind::Heading, t.as_str()));
            let body = block.body.iter().enumerate().map(|(j, t)| {
                let kind = if j == 0 { RowKind::Lead } else { RowKind::Body };
                (kind, t.as_str())
            });
            let tail = std::iter::repeat_n((RowKind::Blank, ""), usize::from(placed.blank));
            for (kind, text) in headings.chain(body).chain(tail) {
                if at >= skip && rows.len() < take {
                    rows.push(Row {
                        comment: placed.comment,
                        kind,
                        text,
                    });
                }
                at += 1;
            }
        }
        rows
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::letter::Comment;

    fn letter() -> Letter {
        let comment = |n: &str, h: &[&str], t: &str| Comment {
            number: n.into(),
            headings: h.iter().map(|s| s.to_string()).collect(),
            text: t.into(),
            pages: vec![],
        };
        Letter {
            comments: vec![
                comment(
                    "1",
                    &["Form 10-K", "Risk Factors"],
                    "Please revise the risk factor.",
                ),
                comment(
                    "2",
                    &["Form 10-K", "Risk Factors"],
                    "Tell us more.\n\nAlso this.",
                ),
                comment(
                    "10",
                    &["Form 10-K", "MD&A"],
                    "Explain the \u{1b}[31m change.",
                ),
            ],
            ..Letter::default()
        }
    }

    #[test]
    fn headings_show_when_the_trail_changes() {
        let doc = Document::build(&letter(), 40, 1);
        let kinds: Vec<RowKind> = doc
            .rows(&[0, 1, 2], 0, 100)
            .iter()
            .map(|r| r.kind)
            .collect();
        use RowKind::*;
        assert_eq!(
            kinds,
            [
                Heading, Heading, Lead, Blank, Lead, Body, Body, Blank, Heading, Lead
            ]
        );
        assert_eq!(doc.spans(&[0, 1, 2]), [(0, 0, 4), (1, 4, 4), (2, 8, 2)]);
        // Filtered: comment 2 alone shows its whole trail.
        assert_eq!(doc.spans(&[1]), [(1, 0, 5)]);
        // Going back up a level still names the heading in effect.
        let mut letter = letter();
        letter.comments[2].headings.pop();
        let doc = Document::build(&letter, 40, 1);
        assert_eq!(doc.rows(&[1, 2], 6, 1)[0].text, "Form 10-K");
    }

    #[test]
    fn rows_skip_and_take_and_sanitize() {
        let doc = Document::build(&letter(), 40, 1);
        let rows = doc.rows(&[0, 1, 2], 8, 5);
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].text, "MD&A");
        assert_eq!(rows[1].text, "Explain the ␛[31m change.");
        assert_eq!(doc.numbers[2], "10.");
        assert_eq!(doc.lead_width, 1 + 1 + 3 + 1);
    }

    #[test]
    fn tiny_widths_still_lay_out() {
        for width in 0..6 {
            let doc = Document::build(&letter(), width, 1);
            assert!(!doc.rows(&[0, 1, 2], 0, 100).is_empty());
        }
    }
}
