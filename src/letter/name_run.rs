//! The run of capitalised words that ends a piece of the closing's prose: the name of a
//! staff contact before the phone number ("…please contact Jane Roe at (202) 551-3224").

use regex::Regex;
use std::sync::LazyLock;

/// The name run: capitalised words (and the particles of names) up to the text's end.
static NAME_RUN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"((?:\p{Lu}[\p{L}'\-]*\.?)(?:\s+(?:\p{Lu}[\p{L}'\-]*\.?|de|van|von|la|del|da|di))*)$",
    )
    .expect("name regex")
});

/// The particles a name run may hold between its capitalised words.
const PARTICLES: [&str; 7] = ["de", "van", "von", "la", "del", "da", "di"];

/// The name run at the end of `text` (what [`NAME_RUN`] matches), looked for only in the
/// end of the text a name can stand in ([`name_room`]); when that is ASCII, read word by
/// word from the end ([`ascii_name_run`]) rather than by the regex engine, whose search
/// for a pattern tied to the text's end costs thousands of instructions a call.
pub(super) fn name_run(text: &str) -> Option<&str> {
    let room = name_room(text);
    if room.is_ascii() {
        return ascii_name_run(room);
    }
    NAME_RUN.find(room).map(|m| m.as_str())
}

/// The end of `text` that a match of [`NAME_RUN`] can stand in: after the last character
/// no name holds (one that is neither a letter, white space, `'`, `-` nor `.`). The
/// pattern has no look-around and ends at the text's end, so it matches there as in the
/// whole text, without the regex engine walking a paragraph of prose.
fn name_room(text: &str) -> &str {
    let start = text
        .char_indices()
        .rev()
        .find(|&(_, c)| !(c.is_alphabetic() || c.is_whitespace() || matches!(c, '\'' | '-' | '.')))
        .map_or(0, |(i, c)| i + c.len_utf8());
    &text[start..]
}

/// White space as `\s` reads it in ASCII text (with the vertical tab).
fn is_space(b: u8) -> bool {
    matches!(b, b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b' ')
}

/// A byte a capitalised word holds after its capital: a letter, `'` or `-`.
fn is_name_byte(b: u8) -> bool {
    b.is_ascii_alphabetic() || b == b'\'' || b == b'-'
}

/// Where in `word` (ASCII, no white space) the earliest end of it that is a capitalised
/// word starts: a capital followed by letters, `'` or `-`, and at most one `.` at the end.
fn capitalised_from(word: &str) -> Option<usize> {
    let body = word.strip_suffix('.').unwrap_or(word).as_bytes();
    let from = body
        .iter()
        .rposition(|&b| !is_name_byte(b))
        .map_or(0, |i| i + 1);
    body[from..]
        .iter()
        .position(u8::is_ascii_uppercase)
        .map(|i| from + i)
}

/// [`NAME_RUN`] on ASCII text, word by word from the end. The pattern ends at the
/// text's end and its words hold no white space, so it matches from the earliest place
/// after which every word is capitalised or a particle, the first one capitalised: the
/// start of the earliest capitalised word of the run of such words that ends the text,
/// or, earlier, a capitalised end of the word just before that run.
fn ascii_name_run(text: &str) -> Option<&str> {
    let bytes = text.as_bytes();
    let mut end = bytes.len();
    if bytes.last().is_none_or(|&b| is_space(b)) {
        return None;
    }
    let mut start_of_run = None;
    loop {
        let start = bytes[..end]
            .iter()
            .rposition(|&b| is_space(b))
            .map_or(0, |i| i + 1);
        let word = &text[start..end];
        if capitalised_from(word) == Some(0) {
            start_of_run = Some(start);
        } else if !PARTICLES.contains(&word) {
            let inside = capitalised_from(word).map(|at| start + at);
            return inside.or(start_of_run).map(|at| &text[at..]);
        }
        match bytes[..start].iter().rposition(|&b| !is_space(b)) {
            Some(last) => end = last + 1,
            None => return start_of_run.map(|at| &text[at..]),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_run_is_found_as_the_regex_finds_it() {
        let mut texts = vec![
            "If you have questions, please contact Jane Roe".to_string(),
            "matters. You may contact Jane O'Neil-Roe Jr. at".to_string(),
            "(202) 551-3224 or Max de la Moe".to_string(),
            "Call Zo\u{EB} \u{C9}mile\u{A0}Duval".to_string(),
            "Dr. Al\tvan Oz-Ek Jr.".to_string(),
            "ends. . Mc'Kay\u{0B}Lee".to_string(),
            "Jane Roe, Staff Accountant".to_string(),
        ];
        // Every text of up to four pieces over what the pattern tells apart.
        let pieces = [
            "A", "b", "Ab", "aB", "a-B.", "A.", ".", "..", "de", "Van", " ", "\t\u{0B}", ",", "1",
        ];
        let mut layer = vec![String::new()];
        for _ in 0..4 {
            layer = layer
                .iter()
                .flat_map(|t| pieces.iter().map(move |p| format!("{t}{p}")))
                .collect();
            texts.extend(layer.iter().cloned());
        }
        for text in &texts {
            let expected = NAME_RUN.captures(text).map(|c| c[1].to_string());
            assert_eq!(name_run(text).map(str::to_string), expected, "{text:?}");
            if text.is_ascii() {
                assert_eq!(
                    ascii_name_run(text).map(str::to_string),
                    expected,
                    "{text:?}"
                );
            }
        }
    }
}
