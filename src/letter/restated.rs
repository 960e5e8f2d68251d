//! A restatement that leaves out the list under its comment: some responses restate the
//! staff's question and not the examples listed under it, so the comment's last words
//! are nowhere in the response. Where such a restatement ends is found by the
//! comment's pieces (its sentences and list items) restated in turn.

use regex::Regex;
use std::sync::LazyLock;

use super::folded::{Folded, fold, head, tail};

/// Where a restatement that leaves out the list under the comment ends (a response
/// that restates the question and not the examples listed under it): the folded index
/// past the last of the comment's pieces ([`pieces`]) restated in turn from its start,
/// each where the one before ends, when the pieces after it are the comment's list
/// items. `None` when fewer than [`MIN_RESTATED`] pieces are restated, when the line
/// goes on after the last, when the next line is an item of a list (the list restated
/// in other words), or when an item left out is found later all the same, by its first
/// or last words.
pub(super) fn restated_in_part(folded: &Folded, lines: &[&str], comment: &str) -> Option<usize> {
    let pieces = pieces(comment);
    let (first, _) = pieces.first()?;
    let mut end = folded.find(head(first), 0)?;
    let mut restated = 0;
    for (piece, _) in &pieces {
        match folded.find(tail(piece), end) {
            Some(at) if at + tail(piece).len() <= end + piece.len() + SLACK => {
                end = at + tail(piece).len();
                restated += 1;
            }
            _ => break,
        }
    }
    let left_out = &pieces[restated..];
    if restated < MIN_RESTATED || left_out.is_empty() || !left_out.iter().all(|(_, item)| *item) {
        return None;
    }
    let found_later = left_out.iter().any(|(piece, _)| {
        folded.find(head(piece), end).is_some() || folded.find(tail(piece), end).is_some()
    });
    let (line, byte) = *folded.at.get(end.checked_sub(1)?)?;
    let goes_on = lines[line][byte..].chars().any(char::is_alphanumeric);
    let next = lines[line + 1..]
        .iter()
        .map(|l| l.trim())
        .find(|l| !l.is_empty());
    let listed = next.is_some_and(|l| l.starts_with(ITEM_MARKS));
    (!found_later && !goes_on && !listed).then_some(end)
}

/// Pieces of a comment that a restatement left out in part must restate before it
/// stops: the question, not only its opening words.
const MIN_RESTATED: usize = 2;

/// Letters and digits a restated piece may hold beyond the comment's (a footnote mark,
/// an item's letter, a word the company added).
const SLACK: usize = 20;

/// The marks that begin an item of a list.
const ITEM_MARKS: [char; 4] = ['•', '·', '▪', '◦'];

/// A comment's sentences and list items, each folded ([`fold`]), with whether it is
/// an item of a list (begins on a line of its own with one of [`ITEM_MARKS`]).
fn pieces(comment: &str) -> Vec<(Vec<char>, bool)> {
    static END: LazyLock<Regex> = LazyLock::new(|| {
        let mark: String = ITEM_MARKS.iter().collect();
        Regex::new(&format!(
            r#"[.?!;:]["”’')]*\s+(?:[{mark}]\s*)?|\n\s*[{mark}]\s*"#
        ))
        .expect("piece end regex")
    });
    let mut pieces = Vec::new();
    let mut from = 0;
    let mut item = false;
    let ends = END.find_iter(comment).map(|m| (m.start(), m.end()));
    for (start, end) in ends.chain([(comment.len(), comment.len())]) {
        let piece = fold(&comment[from..start]);
        if !piece.is_empty() {
            pieces.push((piece, item));
        }
        item = comment[start..end].contains(ITEM_MARKS);
        from = end;
    }
    pieces
}
