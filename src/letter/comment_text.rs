//! The second stage of reading a body: each comment of an [`Outline`] with its
//! heading trail, its text and the pages it cites.

use super::heading_trail::Trail;
use super::headings::{has_page_ref, pages_cited};
use super::model::Comment;
use super::order::with_spill;
use super::outline::{Outline, is_response_label, text_end, typical_width};
use super::paragraphs::join_paragraphs;

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

fn strip_comment_label(text: &str) -> String {
    for label in ["Comment:", "Staff Comment:", "Comment."] {
        if let Some(rest) = text.strip_prefix(label) {
            return rest.trim_start().to_string();
        }
    }
    text.to_string()
}
