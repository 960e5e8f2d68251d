use super::*;

fn texts(line: &str, width: usize) -> Vec<&str> {
    wrap(line, Some(width))
        .iter()
        .map(|s| &line[s.start..s.end])
        .collect()
}

/// Calls `check` with each of `lines` wrapped at each of `widths`: the line, the width
/// and its rows.
fn each_wrap(lines: &[&str], widths: std::ops::Range<usize>, check: impl Fn(&str, usize, &[Seg])) {
    for line in lines {
        for width in widths.clone() {
            check(line, width, &wrap(line, Some(width)));
        }
    }
}

#[test]
fn breaks_after_spaces_keeping_them() {
    assert_eq!(
        texts("the quick brown fox", 10),
        ["the quick ", "brown fox"]
    );
    assert_eq!(texts("ab cd", 3), ["ab ", "cd"]);
    assert_eq!(texts("", 5), [""]);
}

#[test]
fn a_wrapped_row_starts_with_a_word() {
    assert_eq!(texts("the quick brown", 9), ["the ", "quick ", "brown"]);
    assert_eq!(texts("end.  Next", 6), ["end.  ", "Next"]);
    // A word as long as the row: its last letter goes down with the space.
    assert_eq!(texts("abcdefgh ij", 8), ["abcdefg", "h ij"]);
    let lines = [
        "the quick brown fox",
        "a  b   c d",
        "x\ty\tzz  w",
        "日本 語 abc",
    ];
    each_wrap(&lines, 4..12, |line, width, rows| {
        for pair in rows.windows(2) {
            let (prev, next) = (
                &line[pair[0].start..pair[0].end],
                &line[pair[1].start..pair[1].end],
            );
            assert!(
                !next.starts_with(is_blank) || prev.chars().all(is_blank),
                "{line:?} at {width}: {prev:?} then {next:?}"
            );
        }
    });
}

#[test]
fn tabs_run_to_the_next_stop() {
    let rows = wrap("a\tb", None);
    assert_eq!(rows[0].width, 5);
    assert_eq!(texts("ab\tcd\tef", 8), ["ab\tcd\t", "ef"]);
}

#[test]
fn breaks_after_hyphens() {
    assert_eq!(
        texts("a sell-through rate", 8),
        ["a sell-", "through ", "rate"]
    );
}

#[test]
fn splits_long_words() {
    assert_eq!(texts("abcdefghij xy", 4), ["abcd", "efgh", "ij ", "xy"]);
}

#[test]
fn wide_characters_break_anywhere_and_count_two() {
    assert_eq!(texts("日本語の文章です", 6), ["日本語", "の文章", "です"]);
    assert_eq!(texts("a日本", 4), ["a日", "本"]);
    let rows = wrap("日本", Some(3));
    assert_eq!(rows.iter().map(|s| s.width).collect::<Vec<_>>(), [2, 2]);
}

#[test]
fn combining_marks_stay_with_their_letter() {
    assert_eq!(
        texts("e\u{301}e\u{301}e\u{301}", 2),
        ["e\u{301}e\u{301}", "e\u{301}"]
    );
}

#[test]
fn a_full_last_row_gets_a_row_for_the_cursor() {
    let rows = wrap("abcd", Some(4));
    assert_eq!(rows.len(), 2);
    assert_eq!((rows[1].col, rows[1].chars), (4, 0));
    assert_eq!(wrap("abc", Some(4)).len(), 1);
}

#[test]
fn rows_cover_the_line_in_order() {
    let lines = [
        "a  b   c",
        "x-y-z--w",
        "日本 語e\u{301} abcdefghijk",
        "   ",
        "\ra  \t\t\t",
        "abcdefgh ij",
    ];
    each_wrap(&lines, 1..8, |line, width, rows| {
        let mut at = (0, 0);
        for row in rows {
            assert_eq!((row.start, row.col), at, "{line:?} at {width}");
            assert!(row.width <= width || row.chars == 1, "{line:?} at {width}");
            at = (row.end, row.col + row.chars);
        }
        assert_eq!(at, (line.len(), line.chars().count()));
    });
}
