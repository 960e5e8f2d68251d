//! A restatement that leaves out the list under its comment: some responses restate the
//! staff's question and not the examples listed under it, so the comment's last words
//! are nowhere in the response. Where such a restatement ends is found by the
//! comment's pieces (its sentences and list items) restated in turn.

use regex::Regex;
use std::collections::HashSet;
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

/// Where a restatement in words of its own ends ("SEC Release 33-8350, particularly
/// IV.B." for the comment's "SEC Release No. 33-8350, particularly section IV.B."),
/// which its last words do not find: the folded index at the end of its first
/// paragraphs that say nearly all the comment's words ([`MOST_WORDS`]), when the
/// paragraph after them is not one of the comment's own (its letters are not found in
/// the comment) and says almost none of the comment's words not said before
/// ([`NEW_WORDS`]): the answer, which echoes the comment's words but adds none. `None`
/// when no such paragraph follows, or the comment has few words.
pub(super) fn restated_in_other_words(
    folded: &Folded,
    lines: &[&str],
    comment: &str,
) -> Option<usize> {
    let asked = words(comment);
    if asked.len() < MIN_WORDS {
        return None;
    }
    let own: String = fold(comment).into_iter().collect();
    let paragraphs = paragraphs(lines);
    let mut said = HashSet::new();
    let share = |said: &HashSet<String>| said.len() as f64 / asked.len() as f64;
    for (k, &(first, last)) in paragraphs.iter().enumerate() {
        let text = lines[first..=last].join(" ");
        let new: HashSet<String> = words(&text)
            .into_iter()
            .filter(|w| asked.contains(w) && !said.contains(w))
            .collect();
        let before = share(&said);
        let adds = new.len() as f64 / asked.len() as f64;
        let folded_here: String = fold(&text).into_iter().collect();
        if k > 0 && before >= MOST_WORDS && adds < NEW_WORDS && !own.contains(&folded_here) {
            let (_, end) = paragraphs[k - 1];
            return Some(folded.at.partition_point(|&(line, _)| line <= end));
        }
        said.extend(new);
    }
    None
}

/// The share of a comment's words that a restatement in words of its own says.
const MOST_WORDS: f64 = 0.9;

/// The share of a comment's words, not said before, above which a paragraph after a
/// restatement is still part of it.
const NEW_WORDS: f64 = 0.05;

/// Words a comment must have for its restatement in other words to be found by them.
const MIN_WORDS: usize = 12;

/// The first and last line of each paragraph of `lines` (blank lines between).
fn paragraphs(lines: &[&str]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, line) in lines.iter().enumerate() {
        match (line.trim().is_empty(), start) {
            (false, None) => start = Some(i),
            (true, Some(s)) => {
                out.push((s, i - 1));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, lines.len() - 1));
    }
    out
}

/// The words of `text` worth comparing (a restatement with its comment, here and in
/// reviews): lowercase, three letters or more.
pub fn words(text: &str) -> HashSet<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 3)
        .map(str::to_lowercase)
        .collect()
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

#[cfg(test)]
mod tests {
    use super::restated_in_other_words;
    use crate::letter::folded::Folded;

    const COMMENT: &str = "We note your response to comment 6. Please confirm you will \
        provide a more informative analysis and discussion of changes in cash flows from \
        operating activities. If not, tell us how your presentation complies with Item \
        303(a) of Regulation S-K and SEC Release No. 33-8350, particularly section IV.B.";

    /// The company's restatement drops "No." and "section": its last words are not the
    /// comment's.
    const RESTATED: &str = "We note your response to comment 6. Please confirm you will \
        provide a more informative analysis and discussion of changes in cash flows from \
        operating activities. If not, tell us how your presentation complies with Item \
        303(a) of Regulation S-K and SEC Release 33-8350, particularly IV.B.";

    /// The line on which the restatement in `text` of `comment` ends.
    fn last_line(text: &str, comment: &str) -> Option<usize> {
        let lines: Vec<&str> = text.lines().collect();
        let folded = Folded::of(&lines);
        let end = restated_in_other_words(&folded, &lines, comment)?;
        Some(folded.at[end - 1].0)
    }

    /// A restatement in words of its own ends with the paragraphs that say the comment's
    /// words; the answer, which echoes them and adds none, follows.
    #[test]
    fn a_restatement_in_other_words_ends_where_the_comments_words_do() {
        let answer = "We confirm that in future filings we will provide a more informative \
                      discussion of changes in cash flows from operating activities.";
        let text = format!("{RESTATED}\n\n{answer}\n\nWe show it below.");
        assert_eq!(last_line(&text, COMMENT), Some(0));
        // With nothing after it, it is not known to end.
        assert_eq!(last_line(RESTATED, COMMENT), None);
    }

    /// A paragraph of the comment's own is part of the restatement, even one that says no
    /// word the paragraphs before it did not.
    #[test]
    fn a_paragraph_of_the_comments_own_is_no_answer() {
        let comment = format!("{COMMENT}\n\nPlease confirm.");
        let text = format!("{RESTATED}\n\nPlease confirm.\n\nWe confirm it.");
        assert_eq!(last_line(&text, &comment), Some(2));
    }
}
