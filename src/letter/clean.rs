//! Decoded text into clean lines: where its lines break (LF, CRLF, the CR of old Mac
//! files, form feeds, Unicode line separators), each line cleaned by
//! [`clean_line_into`].

use super::clean_line::clean_line_into;

/// Decoded text cleaned: its lines cleaned (see [`clean_line_into`]), one after the
/// other in one buffer, and where each ends.
pub struct CleanText {
    /// The cleaned lines, with nothing between them.
    text: String,
    /// Where each line ends in `text`.
    ends: Vec<usize>,
}

impl CleanText {
    /// Clean decoded text. Form feeds become line breaks, so a page header that follows
    /// one stands on its own line. CRLF ends a line; a lone CR ends one only in a file
    /// that has no LF at all (old Mac line endings): anywhere else it is a stray control
    /// character, kept so that the screen shows it (as `␍`).
    pub fn of(text: &str) -> CleanText {
        let breaks = Breaks::of(text);
        let mut clean = CleanText {
            text: String::with_capacity(text.len()),
            ends: Vec::with_capacity(text.len() / 32),
        };
        let mut rest = text;
        while let Some((at, len)) = breaks.next(rest) {
            let line = &rest[..at];
            // CRLF: the CR belongs to the break (one CR, as `replace("\r\n", "\n")` would).
            let line = match rest.as_bytes()[at] {
                b'\n' => line.strip_suffix('\r').unwrap_or(line),
                _ => line,
            };
            clean.push(line);
            rest = &rest[at + len..];
        }
        clean.push(rest);
        clean
    }

    /// Clean one raw line onto the end.
    fn push(&mut self, raw: &str) {
        clean_line_into(raw, &mut self.text);
        self.ends.push(self.text.len());
    }

    /// The cleaned lines, in order.
    pub fn lines(&self) -> Vec<&str> {
        let mut start = 0;
        self.ends
            .iter()
            .map(|&end| {
                let line = &self.text[start..end];
                start = end;
                line
            })
            .collect()
    }
}

/// What ends a line in one text: LF (CR in a file with no LF: old Mac line endings),
/// and, when the text has any, form feed, vertical tab and U+2028/U+2029.
struct Breaks {
    /// LF or CR, both ASCII.
    newline: char,
    /// The text holds a form feed or vertical tab.
    vertical: bool,
    /// The text holds U+2028 or U+2029.
    separators: bool,
}

impl Breaks {
    fn of(text: &str) -> Breaks {
        // Vectorised searches, each stopping at the first byte found. U+2028/U+2029
        // start with 0xE2, as curly quotes do: looked for only after one.
        let bytes = text.as_bytes();
        let lf = memchr::memchr(b'\n', bytes).is_some();
        Breaks {
            newline: if lf { '\n' } else { '\r' },
            vertical: memchr::memchr2(0x0B, 0x0C, bytes).is_some(),
            separators: memchr::memchr(0xE2, bytes).is_some()
                && (text.contains('\u{2028}') || text.contains('\u{2029}')),
        }
    }

    /// The first line break in `text`: its offset and length in bytes. Breaks of one
    /// byte (LF, and the form feeds of converted PDFs) are found with a fast search;
    /// a text with Unicode separators is read byte by byte.
    fn next(&self, text: &str) -> Option<(usize, usize)> {
        if !self.separators {
            let bytes = text.as_bytes();
            let newline = self.newline as u8;
            let at = if self.vertical {
                memchr::memchr3(newline, 0x0B, 0x0C, bytes)
            } else {
                memchr::memchr(newline, bytes)
            };
            return at.map(|at| (at, 1));
        }
        let newline = self.newline as u8;
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b if b == newline => return Some((i, 1)),
                0x0B | 0x0C => return Some((i, 1)),
                // U+2028 LINE SEPARATOR, U+2029 PARAGRAPH SEPARATOR.
                0xE2 if bytes.get(i + 1) == Some(&0x80)
                    && matches!(bytes.get(i + 2), Some(0xA8 | 0xA9)) =>
                {
                    return Some((i, 3));
                }
                _ => i += 1,
            }
        }
        None
    }
}
#[cfg(test)]
mod tests {
    use super::*;

    fn clean_lines(text: &str) -> Vec<String> {
        CleanText::of(text)
            .lines()
            .into_iter()
            .map(str::to_string)
            .collect()
    }

    #[test]
    fn line_endings_and_form_feeds() {
        assert_eq!(clean_lines("a\r\nb\u{0C}c"), vec!["a", "b", "c"]);
        assert_eq!(clean_lines("old\rmac\rfile"), vec!["old", "mac", "file"]);
        assert_eq!(
            clean_lines("a stray\rCR\nnext"),
            vec!["a stray\rCR", "next"]
        );
        assert_eq!(clean_lines("a  \n\n"), vec!["a", "", ""]);
    }
}
