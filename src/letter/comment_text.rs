//! The second stage of reading a body: each comment of an [`Outline`] with its
//! heading trail, its text and the pages it cites.

use super::heading_trail::Trail;
use super::headings::{has_page_ref, pages_cited};
use super::model::Comment;
use super::order::with_spill;
use super::outline::{Outline, is_response_label, text_end, typical_width};
use super::paragraphs::join_paragraphs;
use super::phrases::starts_with_any;

/// The second stage of reading a body: the comments of an [`Outline`] with their
/// heading trails, text and page citations.
pub fn comments(lines: &[&str], response: bool, outline: &Outline) -> Vec<Comment> {
    if let Some(comment) = &outline.unnumbered {
        return vec![comment.clone()];
    }
    let found = &outline.found;
    // Only the comments' text needs the typical line width: a brief does without.
    let width = typical_width(&lines[..outline.end.min(lines.len())]);
    let mut comments = Vec::with_capacity(found.len());
    let mut trail = Trail::default();
    // The pages the nearest heading citing pages cites, kept while the comments under
    // that heading are read (read once, not once a comment).
    let mut cited: Option<(String, Vec<String>)> = None;
    for (k, (f, number)) in found.iter().zip(&outline.numbers).enumerate() {
        let text_end = text_end(outline, k);
        trail.apply(&f.heading.headings());
        let mut text_lines: Vec<&str> = Vec::new();
        if let Some(first) = f.first_text {
            text_lines.push(first);
        }
        let text_start = f.spill.map_or(f.line + 1, |(_, to)| to);
        for line in &lines[text_start..text_end.max(text_start)] {
            if response && is_response_label(line) {
                break;
            }
            text_lines.push(line);
        }
        if let Some((from, to)) = found.get(k + 1).and_then(|next| next.spill) {
            text_lines = with_spill(text_lines, &lines[from..to]);
        }
        let text = strip_comment_label(&join_paragraphs(&text_lines, width));
        let headings = trail.headings();
        let mut pages: Vec<String> = Vec::new();
        if let Some(nearest) = headings.iter().rev().find(|h| has_page_ref(h)) {
            let (_, pages_of_heading) = match cited.take() {
                Some(kept) if kept.0 == *nearest => cited.insert(kept),
                _ => cited.insert((nearest.clone(), pages_cited(nearest))),
            };
            pages.extend(pages_of_heading.iter().cloned());
        }
        pages.extend(pages_cited(&text));
        let mut unique: Vec<String> = Vec::new();
        for p in pages {
            if !unique.contains(&p) {
                unique.push(p);
            }
        }
        comments.push(Comment {
            number: number.clone(),
            headings,
            text,
            pages: unique,
        });
    }
    comments
}

/// The labels a response puts before a restated comment's words, after its number
/// ("1. Staff's comment: Please…"), in any ASCII case.
const COMMENT_LABELS: &[&str] = &[
    "comment:",
    "comment.",
    "staff comment:",
    "staff's comment:",
    "staff’s comment:",
    "sec comment:",
];

/// `text` without the label before a restated comment's words ([`COMMENT_LABELS`]).
fn strip_comment_label(text: &str) -> String {
    for label in COMMENT_LABELS {
        if starts_with_any(text, &[label]) {
            // The labels are ASCII but for the apostrophe, matched byte for byte.
            return text[label.len()..].trim_start().to_string();
        }
    }
    text.to_string()
}

#[cfg(test)]
mod tests {
    use super::strip_comment_label;

    #[test]
    fn a_restatements_label_is_left_out_in_any_case() {
        for text in [
            "Comment: Please tell us more.",
            "Staff's comment: Please tell us more.",
            "STAFF’S COMMENT: Please tell us more.",
            "SEC Comment: Please tell us more.",
            "Please tell us more.",
        ] {
            assert_eq!(strip_comment_label(text), "Please tell us more.", "{text}");
        }
        assert_eq!(
            strip_comment_label("Commentary on page 4: tell us."),
            "Commentary on page 4: tell us."
        );
    }
}
