//! Page numbers as headings and comments cite them ("76", "F-7", "AB-12"), found in
//! ASCII text byte by byte and in other text by the regex engine.

use regex::Regex;
use std::sync::LazyLock;

/// A page number: digits, with a capital or two and `-` before them.
static PAGE_NUMBER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:[A-Z]{1,2}-)?\d+").expect("page number regex"));

/// The page numbers of `text`, one after the other, as [`PAGE_NUMBER`] finds them. In
/// ASCII text (where `\d` is an ASCII digit) they are read byte by byte, without the
/// regex engine's setup on each call, which costs more than the reading here.
pub(super) fn page_numbers(text: &str) -> PageNumbers<'_> {
    PageNumbers {
        text,
        at: 0,
        ascii: text.is_ascii(),
    }
}

/// The iterator of [`page_numbers`].
pub(super) struct PageNumbers<'t> {
    text: &'t str,
    /// Where the search goes on.
    at: usize,
    /// The text is ASCII.
    ascii: bool,
}

impl<'t> Iterator for PageNumbers<'t> {
    type Item = &'t str;

    fn next(&mut self) -> Option<&'t str> {
        let (start, end) = if self.ascii {
            ascii_page_number(self.text.as_bytes(), self.at)?
        } else {
            // (No match is empty and the pattern looks at nothing around it: a search
            // from the end of the last match finds what `find_iter` finds.)
            let found = PAGE_NUMBER.find_at(self.text, self.at)?;
            (found.start(), found.end())
        };
        self.at = end;
        Some(&self.text[start..end])
    }
}

/// The first page number in `bytes` (ASCII) at or after `from`: its start and end. At
/// each place the pattern prefers two capitals and `-` before the digits, then one, then
/// the digits alone, and the leftmost place that holds any of them wins.
fn ascii_page_number(bytes: &[u8], from: usize) -> Option<(usize, usize)> {
    let digits_end = |at: usize| {
        let n = bytes.get(at..).map_or(0, |rest| {
            rest.iter().take_while(|b| b.is_ascii_digit()).count()
        });
        (n > 0).then_some(at + n)
    };
    let capital = |at: usize| bytes.get(at).is_some_and(u8::is_ascii_uppercase);
    let dash = |at: usize| bytes.get(at) == Some(&b'-');
    (from..bytes.len()).find_map(|i| {
        let end = if capital(i) {
            (capital(i + 1) && dash(i + 2))
                .then(|| digits_end(i + 3))
                .flatten()
                .or_else(|| dash(i + 1).then(|| digits_end(i + 2)).flatten())
        } else {
            digits_end(i)
        };
        end.map(|end| (i, end))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_numbers_are_found_as_the_regex_finds_them() {
        let pieces = [
            "A", "B", "x", "-", "1", "23", " ", ",", "AB-", "Z-9", "\u{663}",
        ];
        let mut texts = crate::letter::joins::every_join(&pieces, 5);
        texts.push("pages F-7 and F-8, AB-12 through ABC-4, 90".to_string());
        for text in &texts {
            let expected: Vec<&str> = PAGE_NUMBER.find_iter(text).map(|m| m.as_str()).collect();
            let found: Vec<&str> = page_numbers(text).collect();
            assert_eq!(found, expected, "{text:?}");
        }
    }
}
