//! Where running text may break between rows.

/// Whether a wrapped row may begin with `word`: not when the word reads as a list
/// item's mark ("2.", "3)", "(b)", "•"), which a reader takes for a new item: "…to
/// prior comment" over "2. We note…" reads as comment 2. The wrap then takes the word
/// before it down too, as typesetters keep "comment 2" on one line.
pub fn may_begin_row(word: &str) -> bool {
    if matches!(word, "•" | "-" | "–" | "—" | "*" | "○" | "▪" | "◦" | "·") {
        return false;
    }
    let numbered = word
        .strip_suffix(['.', ')'])
        .is_some_and(|n| (1..=3).contains(&n.len()) && n.bytes().all(|b| b.is_ascii_digit()));
    let enclosed = word
        .strip_prefix('(')
        .and_then(|w| w.strip_suffix(')'))
        .is_some_and(|n| {
            (1..=4).contains(&n.len())
                && (n.bytes().all(|b| b.is_ascii_digit())
                    || n.bytes().all(|b| b.is_ascii_alphabetic()))
        });
    !(numbered || enclosed)
}

#[cfg(test)]
mod tests {
    use super::may_begin_row;

    #[test]
    fn marks_of_list_items_do_not_begin_a_row() {
        for mark in ["2.", "12.", "3)", "(b)", "(iv)", "(10)", "•", "-"] {
            assert!(!may_begin_row(mark), "{mark}");
        }
        for word in [
            "2017.",
            "1,000.",
            "page",
            "(see",
            "10-K.",
            "2.5",
            "(2017-2019)",
            "a.",
        ] {
            assert!(may_begin_row(word), "{word}");
        }
    }
}
