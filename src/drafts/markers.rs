//! Scanning raw text for unresolved git conflict markers, before any TOML parsing.

/// The 1-based line of the first unresolved git conflict in `text`, if any.
///
/// A conflict is a line starting with `<<<<<<<` (followed by a space or the line's
/// end), then later a line that is exactly `=======`, then later a line starting with
/// `>>>>>>>` (likewise). The line reported is the `<<<<<<<` one. A lone `=======` line,
/// as a response may hold, is not a conflict. Trailing `\r` is ignored.
pub fn find_conflict_marker(text: &str) -> Option<usize> {
    #[derive(Clone, Copy)]
    enum State {
        Outside,
        Ours(usize),
        Theirs(usize),
    }
    // Most files have no marker at all: one fast search tells.
    memchr::memmem::find(text.as_bytes(), b"<<<<<<<")?;
    let mut state = State::Outside;
    for (index, raw) in text.split('\n').enumerate() {
        let line = raw.strip_suffix('\r').unwrap_or(raw);
        let number = index + 1;
        state = match state {
            State::Outside if is_marker(line, '<') => State::Ours(number),
            State::Ours(first) if line == "=======" => State::Theirs(first),
            State::Theirs(first) if is_marker(line, '>') => return Some(first),
            other => other,
        };
    }
    None
}

/// Whether `line` is seven `c` followed by a space or nothing.
fn is_marker(line: &str, c: char) -> bool {
    let mut chars = line.chars();
    for _ in 0..7 {
        if chars.next() != Some(c) {
            return false;
        }
    }
    matches!(chars.next(), None | Some(' '))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each row: what it shows, the text, and the line of the conflict found.
    #[test]
    fn conflicts_are_found_at_their_opening_line() {
        let cases = [
            (
                "a real conflict is found",
                "a\nb\n<<<<<<< HEAD\nx\n=======\ny\n>>>>>>> branch\nz\n",
                Some(3),
            ),
            (
                "CRLF lines count too",
                "a\r\n<<<<<<< HEAD\r\nx\r\n=======\r\ny\r\n>>>>>>> b\r\n",
                Some(2),
            ),
            (
                "diff3 style is found",
                "<<<<<<< ours\na\n||||||| base\nb\n=======\nc\n>>>>>>> theirs\n",
                Some(1),
            ),
            (
                "a lone separator (in a string) is not a conflict",
                "response = \"\"\"\n=======\nmore\"\"\"\n",
                None,
            ),
            (
                "a lone separator and closing marker are not a conflict",
                "=======\n>>>>>>> x\n",
                None,
            ),
            (
                "opening and closing markers alone are not a conflict",
                "<<<<<<< x\n>>>>>>> x\n",
                None,
            ),
            (
                "a near marker (eight <) is not a marker",
                "<<<<<<<< x\n=======\n>>>>>>> y\n",
                None,
            ),
            (
                "a near marker (no space after <) is not a marker",
                "<<<<<<<x\n=======\n>>>>>>> y\n",
                None,
            ),
            (
                "a near marker (space after =) is not a marker",
                "<<<<<<< x\n======= \n>>>>>>> y\n",
                None,
            ),
            (
                "bare markers are markers",
                "<<<<<<<\n=======\n>>>>>>>\n",
                Some(1),
            ),
            (
                "a second conflict after a lone separator is found",
                "=======\nok\n<<<<<<< a\n=======\n>>>>>>> b\n",
                Some(3),
            ),
        ];
        for (what, text, line) in cases {
            assert_eq!(find_conflict_marker(text), line, "{what}");
        }
    }
}
