//! Decoded text into clean lines: where its lines break (LF, CRLF, the CR of old Mac
//! files, form feeds, Unicode line separators), each line cleaned by
//! [`clean_line_into`]. Most lines need no cleaning and are borrowed as they stand.

use std::borrow::Cow;
use std::sync::LazyLock;

use memchr::memmem::Finder;

use super::clean_line::clean_line_into;

/// The search for two spaces together, built once (building it costs more than a search
/// through a short letter).
static TWO_SPACES: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new(b"  "));

/// Decoded text cleaned: the lines that need no cleaning borrowed from the text, the
/// others cleaned (see [`clean_line_into`]) one after the other into one buffer.
pub struct CleanText<'t> {
    /// The decoded text.
    source: Cow<'t, str>,
    /// The cleaned lines that differ from the text, with nothing between them.
    cleaned: String,
    /// Where each line stands: in `source`, or in `cleaned`.
    lines: Vec<Line>,
    /// The lines that start a page after the first (a form feed ended the line before).
    page_starts: Vec<usize>,
}

/// Where one line stands (a byte range), and in which buffer.
#[derive(Debug, Clone, Copy)]
struct Line {
    start: usize,
    end: usize,
    cleaned: bool,
    /// The line opens with emphasis (see [`opens_emphasized`]).
    emphasized: bool,
}

impl<'t> CleanText<'t> {
    /// Clean decoded text. Form feeds become line breaks, so a page header that follows
    /// one stands on its own line. CRLF ends a line; a lone CR ends one only in a file
    /// that has no LF at all (old Mac line endings): anywhere else it is a stray control
    /// character, kept so that the screen shows it (as `␍`).
    pub fn of(source: Cow<'t, str>) -> CleanText<'t> {
        let mut clean = CleanText {
            cleaned: String::new(),
            lines: Vec::with_capacity(source.len() / 32),
            page_starts: Vec::new(),
            source: Cow::Borrowed(""),
        };
        let text: &str = &source;
        let mut odd = Odd::new(text.as_bytes());
        let breaks = Breaks::of(text, odd.high == text.len());
        let mut start = 0;
        loop {
            let rest = &text[start..];
            let (end, next) = match breaks.next(rest) {
                // CRLF: the CR belongs to the break (one CR, as `replace("\r\n", "\n")`
                // would).
                Some((at, len)) => {
                    let line = &rest[..at];
                    let line = match rest.as_bytes()[at] {
                        b'\n' => line.strip_suffix('\r').unwrap_or(line),
                        _ => line,
                    };
                    (start + line.len(), Some(start + at + len))
                }
                None => (text.len(), None),
            };
            clean.push(text, start, end, &mut odd);
            if next.is_some_and(|n| text.as_bytes()[n - 1] == 0x0C) {
                clean.page_starts.push(clean.lines.len());
            }
            match next {
                Some(next) => start = next,
                None => break,
            }
        }
        clean.source = source;
        clean
    }

    /// The line `text[start..end]`: borrowed when cleaning would leave it as it is (not
    /// empty, no space at either end, and no byte that [`Odd`] looks for), else cleaned
    /// onto the end of the buffer. An empty line is borrowed too.
    fn push(&mut self, text: &str, start: usize, end: usize, odd: &mut Odd) {
        let bytes = &text.as_bytes()[start..end];
        let plain = match (bytes.first(), bytes.last()) {
            (Some(&first), Some(&last)) => first != b' ' && last != b' ' && odd.next(start) >= end,
            _ => true,
        };
        if plain {
            self.lines.push(Line {
                start,
                end,
                cleaned: false,
                emphasized: false,
            });
            return;
        }
        let from = self.cleaned.len();
        clean_line_into(&text[start..end], &mut self.cleaned);
        self.lines.push(Line {
            start: from,
            end: self.cleaned.len(),
            cleaned: true,
            emphasized: opens_emphasized(&text[start..end]),
        });
    }

    /// The indexes of the lines that start a page after the first, ascending: a form
    /// feed (of a PDF's text, or an HTML letter's page break) ended the line before.
    pub fn page_starts(&self) -> &[usize] {
        &self.page_starts
    }

    /// For each line, whether it opens with emphasis, as the HTML source marks bold
    /// (`**…**`) and a paragraph all in italics (`*…*`): a response sets its restated
    /// comments apart so. (A line with a `*` is always cleaned, never borrowed.)
    pub fn emphasis(&self) -> Vec<bool> {
        self.lines.iter().map(|l| l.emphasized).collect()
    }

    /// The cleaned lines, in order.
    pub fn lines(&self) -> Vec<&str> {
        self.lines
            .iter()
            .map(|l| match l.cleaned {
                true => &self.cleaned[l.start..l.end],
                false => &self.source[l.start..l.end],
            })
            .collect()
    }
}

/// Whether a line as written opens with emphasis: a `*` first, or right after a
/// comment number ("1. **We note…**").
fn opens_emphasized(raw: &str) -> bool {
    raw.trim_start()
        .trim_start_matches(|c: char| c.is_ascii_digit() || matches!(c, '(' | ')' | '.'))
        .trim_start()
        .starts_with('*')
}

/// Where a text next holds a byte that cleaning may change inside a line: one outside
/// ASCII, a tab, `*` or `~`, or two spaces together. Each kind is found with a fast
/// search over the whole text, looked for again only once a line passes it.
struct Odd<'b> {
    bytes: &'b [u8],
    /// The next tab, `*` or `~` at or after the point last asked about.
    marks: usize,
    /// The next two spaces.
    spaces: usize,
    /// The next byte outside ASCII.
    high: usize,
}

impl<'b> Odd<'b> {
    fn new(bytes: &'b [u8]) -> Odd<'b> {
        let len = bytes.len();
        Odd {
            bytes,
            marks: memchr::memchr3(b'\t', b'*', b'~', bytes).unwrap_or(len),
            spaces: TWO_SPACES.find(bytes).unwrap_or(len),
            high: first_non_ascii(bytes).unwrap_or(len),
        }
    }

    /// Search again from `at` when some kind was found before it.
    fn search(&mut self, at: usize) {
        if self.marks.min(self.spaces).min(self.high) < at {
            self.search_all(at);
        }
    }

    /// Each kind found before `at` searched for again from `at`.
    fn search_all(&mut self, at: usize) {
        let len = self.bytes.len();
        let from = |found: Option<usize>| found.map_or(len, |i| at + i);
        let rest = &self.bytes[at.min(len)..];
        if self.marks < at {
            self.marks = from(memchr::memchr3(b'\t', b'*', b'~', rest));
        }
        if self.spaces < at {
            self.spaces = from(TWO_SPACES.find(rest));
        }
        if self.high < at {
            self.high = from(first_non_ascii(rest));
        }
    }

    /// The first place at or after `at` that holds one of the bytes looked for (the
    /// text's length if none).
    fn next(&mut self, at: usize) -> usize {
        self.search(at);
        self.marks.min(self.spaces).min(self.high)
    }
}

/// The first byte outside ASCII in `bytes`: 32 bytes at a time up to the first block
/// that holds one, then eight at a time.
fn first_non_ascii(bytes: &[u8]) -> Option<usize> {
    const HIGH_BITS: u64 = 0x8080_8080_8080_8080;
    let word = |chunk: &[u8]| u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
    let mut at = 0;
    for block in bytes.chunks_exact(32) {
        let any = block
            .chunks_exact(8)
            .fold(0, |any, chunk| any | word(chunk));
        if any & HIGH_BITS != 0 {
            break;
        }
        at += 32;
    }
    let chunks = bytes[at..].chunks_exact(8);
    for chunk in chunks {
        if word(chunk) & HIGH_BITS != 0 {
            break;
        }
        at += 8;
    }
    bytes[at..]
        .iter()
        .position(|b| !b.is_ascii())
        .map(|i| at + i)
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
    /// The breaks of `text`, which is known to be ASCII when `ascii` is set (then it
    /// holds no Unicode separator, and none is looked for).
    fn of(text: &str, ascii: bool) -> Breaks {
        // Vectorised searches, each stopping at the first byte found. U+2028/U+2029
        // (E2 80 A8, E2 80 A9) are looked for by their last byte, which few characters
        // end with (curly quotes do not), in one pass.
        let bytes = text.as_bytes();
        let lf = memchr::memchr(b'\n', bytes).is_some();
        Breaks {
            newline: if lf { '\n' } else { '\r' },
            vertical: memchr::memchr2(0x0B, 0x0C, bytes).is_some(),
            separators: !ascii
                && memchr::memchr2_iter(0xA8, 0xA9, bytes)
                    .any(|at| at >= 2 && bytes[at - 2..at] == [0xE2, 0x80]),
        }
    }

    /// The first line break in `text`: its offset and length in bytes. Breaks of one
    /// byte (LF, and the form feeds of converted PDFs) are found with a fast search;
    /// a text with Unicode separators is read byte by byte.
    fn next(&self, text: &str) -> Option<(usize, usize)> {
        let newline = self.newline as u8;
        // A blank line (half the lines of many letters) is told without a call to the
        // search: its LF (or CR) is the first break every search below finds.
        match text.as_bytes() {
            [b, ..] if *b == newline => return Some((0, 1)),
            // (The CR of a blank CRLF line, before the LF.)
            [b'\r', b'\n', ..] if newline == b'\n' => return Some((1, 1)),
            _ => {}
        }
        if !self.separators {
            let bytes = text.as_bytes();
            let at = if self.vertical {
                memchr::memchr3(newline, 0x0B, 0x0C, bytes)
            } else {
                memchr::memchr(newline, bytes)
            };
            return at.map(|at| (at, 1));
        }
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
        CleanText::of(Cow::Borrowed(text))
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

    #[test]
    fn lines_that_open_with_emphasis_are_told() {
        let text = CleanText::of(Cow::Borrowed(
            "**1. We note.**\n1. **We note.**\n*Italic.*\n1. We note *this*.\nplain",
        ));
        assert_eq!(text.emphasis(), [true, true, true, false, false]);
    }

    #[test]
    fn form_feeds_start_pages() {
        let text = CleanText::of(Cow::Borrowed("a\n\u{c}b\nc\u{c}\u{c}d"));
        assert_eq!(text.lines(), ["a", "", "b", "c", "", "d"]);
        assert_eq!(text.page_starts(), [2, 4, 5]);
    }

    #[test]
    fn blank_lines_under_each_kind_of_break() {
        // LF, CRLF, CR alone, and LF or CRLF with a form feed, vertical tab or line
        // separator among them.
        for text in [
            "a\n\n\nb\n",
            "a\r\n\r\n\r\nb\r\n",
            "a\r\r\rb\r",
            "a\n\u{c}\nb\n",
            "a\n\u{2028}\nb\n",
            "a\r\n\u{b}\r\nb\r\n",
        ] {
            assert_eq!(clean_lines(text), ["a", "", "", "b", ""], "{text:?}");
        }
        assert_eq!(clean_lines("\n\r\n\r"), vec!["", "", "\r"]);
        assert_eq!(clean_lines("\r\nx\n\r\n"), vec!["", "x", "", ""]);
    }

    #[test]
    fn the_first_byte_outside_ascii_is_found_anywhere() {
        for len in [0, 1, 7, 8, 31, 32, 33, 64, 100] {
            let ascii = vec![b'a'; len];
            assert_eq!(first_non_ascii(&ascii), None);
            for at in 0..len {
                let mut bytes = ascii.clone();
                bytes[at] = 0xC3;
                assert_eq!(first_non_ascii(&bytes), Some(at), "{len} {at}");
                bytes[len - 1] = 0xA9;
                assert_eq!(first_non_ascii(&bytes), Some(at), "{len} {at}");
            }
        }
    }

    #[test]
    fn borrowed_lines_are_the_lines_cleaned() {
        // Each piece at each place of a line, around the line breaks too: every line read
        // as `clean_line_into` cleans it alone.
        let pieces = [
            "a", " ", "  ", "\t", "*", "**", "~", "~~ ", "\u{e9}", "\u{2019}", "\u{a0}", "\r",
        ];
        for piece in pieces {
            for at in 0..12 {
                let mut text: String = "abc de\nfghij kl".to_string();
                text.insert_str(at.min(text.len()), piece);
                for text in [text.clone(), format!("{text}\n{piece}"), text.repeat(3)] {
                    // A CR before a line feed belongs to the break.
                    let raw: Vec<&str> = text.split('\n').collect();
                    let expected: Vec<String> = raw
                        .iter()
                        .enumerate()
                        .map(|(i, &line)| {
                            let line = match i + 1 < raw.len() {
                                true => line.strip_suffix('\r').unwrap_or(line),
                                false => line,
                            };
                            let mut out = String::new();
                            clean_line_into(line, &mut out);
                            out
                        })
                        .collect();
                    assert_eq!(clean_lines(&text), expected, "{text:?}");
                }
            }
        }
    }
}
