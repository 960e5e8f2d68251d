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

    #[test]
    fn finds_a_real_conflict_at_its_opening_line() {
        let text = "a\nb\n<<<<<<< HEAD\nx\n=======\ny\n>>>>>>> branch\nz\n";
        assert_eq!(find_conflict_marker(text), Some(3));
    }

    #[test]
    fn crlf_lines_count_too() {
        let text = "a\r\n<<<<<<< HEAD\r\nx\r\n=======\r\ny\r\n>>>>>>> b\r\n";
        assert_eq!(find_conflict_marker(text), Some(2));
    }

    #[test]
    fn diff3_style_is_found() {
        let text = "<<<<<<< ours\na\n||||||| base\nb\n=======\nc\n>>>>>>> theirs\n";
        assert_eq!(find_conflict_marker(text), Some(1));
    }

    #[test]
    fn lone_separator_is_not_a_conflict() {
        assert_eq!(
            find_conflict_marker("response = \"\"\"\n=======\nmore\"\"\"\n"),
            None
        );
        assert_eq!(find_conflict_marker("=======\n>>>>>>> x\n"), None);
        assert_eq!(find_conflict_marker("<<<<<<< x\n>>>>>>> x\n"), None);
    }

    #[test]
    fn near_markers_are_not_markers() {
        assert_eq!(
            find_conflict_marker("<<<<<<<< x\n=======\n>>>>>>> y\n"),
            None
        );
        assert_eq!(find_conflict_marker("<<<<<<<x\n=======\n>>>>>>> y\n"), None);
        assert_eq!(
            find_conflict_marker("<<<<<<< x\n======= \n>>>>>>> y\n"),
            None
        );
        assert_eq!(find_conflict_marker("<<<<<<<\n=======\n>>>>>>>\n"), Some(1));
    }

    #[test]
    fn second_conflict_after_a_lone_separator() {
        let text = "=======\nok\n<<<<<<< a\n=======\n>>>>>>> b\n";
        assert_eq!(find_conflict_marker(text), Some(3));
    }
}
