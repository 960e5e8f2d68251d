//! Making text safe for each output format: [`sanitize`] for every string that goes
//! into a document, then [`markdown`] or [`html`] per line when rendering.
//!
//! Escaping is exact: a reader of the rendered Markdown or HTML sees the same
//! characters as the text that went in (after [`sanitize`]).

/// What replaces a control character: U+FFFD REPLACEMENT CHARACTER.
pub const REPLACEMENT: char = '\u{fffd}';

/// Whether `c` must not reach any output as itself: every character the terminal
/// sanitizer hides ([`crate::text::is_hidden`]: control characters, format
/// characters such as the bidirectional controls and zero-width characters, line and
/// paragraph separators) other than tab and newline, and the noncharacters
/// U+FFFE/U+FFFF (not allowed in XML). An exported letter is read in terminals, word
/// processors and EDGAR alike; none of these characters belongs in it.
pub fn is_unsafe(c: char) -> bool {
    !matches!(c, '\t' | '\n') && crate::text::is_hidden(c) || matches!(c, '\u{fffe}' | '\u{ffff}')
}

/// Text as it may go into a document: line endings made `\n` (CRLF, lone CR, and the
/// line and paragraph separators U+2028/U+2029), and every [`is_unsafe`] character
/// replaced by [`REPLACEMENT`]. Tabs and newlines stay.
pub fn sanitize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push('\n');
            }
            '\u{2028}' | '\u{2029}' => out.push('\n'),
            c if is_unsafe(c) => out.push(REPLACEMENT),
            c => out.push(c),
        }
    }
    out
}

/// One line of text (no newline) escaped for Markdown (CommonMark with the GitHub
/// extensions), so it renders as exactly these characters.
///
/// Always escaped: `\` `` ` `` `*` `_` `[` `]` `<` `>` `|` `~`, and `&` where it would
/// start a character reference. With `block_start` (the line starts a block or
/// follows a line break, where `#`, `>`, `-`, `+`, `=` and `1.` / `1)` would start a
/// heading, quote, list or rule), the start is escaped too. Leading and trailing
/// whitespace is the caller's to trim (leading spaces would make a code block).
pub fn markdown(line: &str, block_start: bool) -> String {
    let mut out = String::with_capacity(line.len() + 8);
    let mut rest = line;
    if block_start {
        let digits = line.bytes().take_while(u8::is_ascii_digit).count();
        if digits > 0 && matches!(line.as_bytes().get(digits), Some(b'.' | b')')) {
            out.push_str(&line[..digits]);
            out.push('\\');
            out.push_str(&line[digits..=digits]);
            rest = &line[digits + 1..];
        } else if let Some(first @ ('#' | '-' | '+' | '=')) = line.chars().next() {
            out.push('\\');
            out.push(first);
            rest = &line[1..];
        }
    }
    for (i, c) in rest.char_indices() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' => {
                out.push('\\');
                out.push(c);
            }
            '&' if starts_reference(&rest[i + 1..]) => out.push_str("\\&"),
            c => out.push(c),
        }
    }
    out
}

/// Whether the text after an `&` would make it a character reference: `#123;`,
/// `#x1F;` or `name;`.
fn starts_reference(after: &str) -> bool {
    let body = after
        .strip_prefix('#')
        .map_or(after, |rest| rest.strip_prefix(['x', 'X']).unwrap_or(rest));
    let len = body
        .bytes()
        .take_while(|b| b.is_ascii_alphanumeric())
        .count();
    len > 0 && body.as_bytes().get(len) == Some(&b';')
}

/// Text escaped for HTML content or a double-quoted attribute, as pure ASCII: `&`,
/// `<`, `>` and `"` become entities and every non-ASCII character a numeric
/// reference (`&#8220;`), so the file is valid in any ASCII-compatible encoding, as
/// EDGAR requires. Tabs are kept; the caller handles newlines.
pub fn html(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match markup_entity(c) {
            Some(entity) => out.push_str(entity),
            None if c.is_ascii() => out.push(c),
            None => {
                use std::fmt::Write as _;
                let _ = write!(out, "&#{};", u32::from(c));
            }
        }
    }
    out
}

/// The entity that stands for `c` in HTML or XML text and double-quoted attributes
/// (`&`, `<`, `>`, `"`), if it needs one.
pub(crate) fn markup_entity(c: char) -> Option<&'static str> {
    match c {
        '&' => Some("&amp;"),
        '<' => Some("&lt;"),
        '>' => Some("&gt;"),
        '"' => Some("&quot;"),
        _ => None,
    }
}

/// A sanitized value with its whitespace runs made single spaces, trimmed; `None` when
/// nothing is left.
pub(crate) fn clean(value: Option<&str>) -> Option<String> {
    value
        .map(|v| sanitize(v).split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|v| !v.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sanitize_replaces_controls_and_keeps_tabs_and_newlines() {
        let d = "\u{fffd}";
        for (text, kept) in [
            ("a\r\nb\rc\n\td", "a\nb\nc\n\td".to_string()),
            ("x\u{1b}[31my\u{7}", format!("x{d}[31my{d}")),
            ("\u{85}\u{9b}\u{7f}", d.repeat(3)),
            ("\u{202e}abc\u{2066}", format!("{d}abc{d}")),
            (
                "\u{200e}\u{200f}\u{61c}\u{2060}\u{180e}\u{feff}a\u{2028}b",
                format!("{}a\nb", d.repeat(6)),
            ),
            ("“quotes” — é 中", "“quotes” — é 中".to_string()),
        ] {
            assert_eq!(sanitize(text), kept, "{text:?}");
        }
    }

    /// Each row: the text, whether it starts a block, and its Markdown.
    fn assert_markdown(cases: &[(&str, bool, &str)]) {
        for &(text, block_start, escaped) in cases {
            assert_eq!(markdown(text, block_start), escaped, "{text:?}");
        }
    }

    #[test]
    fn markdown_escapes_inline_specials() {
        assert_markdown(&[
            (r"a*b_c`d\e", false, r"a\*b\_c\`d\\e"),
            (
                "[x](y) <b> a|b ~~s~~",
                false,
                r"\[x\](y) \<b\> a\|b \~\~s\~\~",
            ),
            (
                "AT&T &amp; &#35; &#x41; & ;",
                false,
                r"AT&T \&amp; \&#35; \&#x41; & ;",
            ),
        ]);
    }

    #[test]
    fn markdown_escapes_block_starts_only_at_block_start() {
        assert_markdown(&[
            ("# Title", true, r"\# Title"),
            ("# Title", false, "# Title"),
            ("- item", true, r"\- item"),
            ("+ item", true, r"\+ item"),
            ("===", true, r"\==="),
            ("12. twelve", true, r"12\. twelve"),
            ("3) three", true, r"3\) three"),
            ("1.5 million", true, r"1\.5 million"),
            ("> quote", true, r"\> quote"),
            ("2024 was", true, "2024 was"),
        ]);
    }

    #[test]
    fn html_is_ascii_with_entities() {
        assert_eq!(
            html(r#"<a href="x">&</a>"#),
            "&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;"
        );
        assert_eq!(html("“Company”"), "&#8220;Company&#8221;");
        assert!(html("é中😀").is_ascii());
    }
}
