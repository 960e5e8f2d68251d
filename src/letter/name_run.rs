//! The run of capitalised words that ends a piece of the closing's prose: the name of a
//! staff contact before the phone number ("…please contact Jane Roe at (202) 551-3224").

use unicode_properties::{GeneralCategory, GeneralCategoryGroup, UnicodeGeneralCategory};

/// The particles a name run may hold between its capitalised words.
const PARTICLES: [&str; 7] = ["de", "van", "von", "la", "del", "da", "di"];

/// The name run at the end of `text`: capitalised words (a capital letter, then letters,
/// `'` or `-`, and at most one `.` at the end; the first may start inside a word) and the
/// particles of names, up to the text's end, as the pattern
/// `((?:\p{Lu}[\p{L}'\-]*\.?)(?:\s+(?:\p{Lu}[\p{L}'\-]*\.?|de|van|von|la|del|da|di))*)$`
/// matches it; looked for only in the end of the text a name can stand in
/// ([`name_room`]), and read word by word from the end rather than by the regex engine,
/// whose search for a pattern tied to the text's end costs thousands of instructions a
/// call (a hundred thousand for text outside ASCII).
pub(super) fn name_run(text: &str) -> Option<&str> {
    run_at_end(name_room(text))
}

/// The end of `text` that a name run can stand in: after the last character no name
/// holds (one that is neither a letter, white space, `'`, `-` nor `.`). The pattern
/// ends at the text's end, so it matches there as in the whole text.
fn name_room(text: &str) -> &str {
    let start = text
        .char_indices()
        .rev()
        .find(|&(_, c)| !(c.is_alphabetic() || c.is_whitespace() || matches!(c, '\'' | '-' | '.')))
        .map_or(0, |(i, c)| i + c.len_utf8());
    &text[start..]
}

/// A letter (`\p{L}`).
fn is_letter(c: char) -> bool {
    c.is_ascii_alphabetic()
        || (!c.is_ascii() && c.general_category_group() == GeneralCategoryGroup::Letter)
}

/// A capital letter (`\p{Lu}`).
fn is_capital(c: char) -> bool {
    c.is_ascii_uppercase()
        || (!c.is_ascii() && c.general_category() == GeneralCategory::UppercaseLetter)
}

/// A character a capitalised word holds after its capital: a letter, `'` or `-`.
fn is_name_char(c: char) -> bool {
    is_letter(c) || c == '\'' || c == '-'
}

/// Where in `word` (no white space) the earliest end of it that is a capitalised word
/// starts: a capital followed by letters, `'` or `-`, and at most one `.` at the end.
fn capitalised_from(word: &str) -> Option<usize> {
    let body = word.strip_suffix('.').unwrap_or(word);
    let from = body
        .char_indices()
        .rev()
        .find(|&(_, c)| !is_name_char(c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    body[from..]
        .char_indices()
        .find(|&(_, c)| is_capital(c))
        .map(|(i, _)| from + i)
}

/// The name run that ends `text`, word by word from the end. The pattern ends at the
/// text's end and its words hold no white space (`\s`, which is what
/// [`char::is_whitespace`] tells), so it matches from the earliest place after which
/// every word is capitalised or a particle, the first one capitalised: the start of the
/// earliest capitalised word of the run of such words that ends the text, or, earlier,
/// a capitalised end of the word just before that run.
fn run_at_end(text: &str) -> Option<&str> {
    let mut end = text.len();
    if text.chars().next_back().is_none_or(char::is_whitespace) {
        return None;
    }
    let mut start_of_run = None;
    loop {
        let start = text[..end]
            .char_indices()
            .rev()
            .find(|&(_, c)| c.is_whitespace())
            .map_or(0, |(i, c)| i + c.len_utf8());
        let word = &text[start..end];
        if capitalised_from(word) == Some(0) {
            start_of_run = Some(start);
        } else if !PARTICLES.contains(&word) {
            let inside = capitalised_from(word).map(|at| start + at);
            return inside.or(start_of_run).map(|at| &text[at..]);
        }
        match text[..start]
            .char_indices()
            .rev()
            .find(|&(_, c)| !c.is_whitespace())
        {
            Some((i, c)) => end = i + c.len_utf8(),
            None => return start_of_run.map(|at| &text[at..]),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use regex::Regex;

    #[test]
    fn a_name_run_is_found_as_the_regex_finds_it() {
        let pattern = Regex::new(
            r"((?:\p{Lu}[\p{L}'\-]*\.?)(?:\s+(?:\p{Lu}[\p{L}'\-]*\.?|de|van|von|la|del|da|di))*)$",
        )
        .unwrap();
        let mut texts = vec![
            "If you have questions, please contact Jane Roe".to_string(),
            "matters. You may contact Jane O'Neil-Roe Jr. at".to_string(),
            "(202) 551-3224 or Max de la Moe".to_string(),
            "Call Zo\u{EB} \u{C9}mile\u{A0}Duval".to_string(),
            "You may contact C\u{E9}line Marchand".to_string(),
            "Dr. Al\tvan Oz-Ek Jr.".to_string(),
            "ends. . Mc'Kay\u{0B}Lee".to_string(),
            "Jane Roe, Staff Accountant".to_string(),
        ];
        // Every text of up to four pieces over what the pattern tells apart, outside
        // ASCII too: a capital, a small letter, a title-case letter (a letter, not a
        // capital), a Roman numeral (upper case, not a letter), a no-break space.
        let pieces = [
            "A", "b", "Ab", "aB", "a-B.", "A.", ".", "..", "de", "Van", " ", "\t\u{0B}", ",", "1",
            "\u{C9}", "\u{E9}", "\u{1C5}", "\u{2160}", "\u{A0}",
        ];
        texts.extend(crate::letter::joins::every_join(&pieces, 4));
        for text in &texts {
            let expected = pattern.captures(text).map(|c| c[1].to_string());
            assert_eq!(name_run(text).map(str::to_string), expected, "{text:?}");
        }
    }
}
