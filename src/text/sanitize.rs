//! Making untrusted text safe to put on a terminal.

use std::borrow::Cow;
use std::fmt::Write as _;

use unicode_width::UnicodeWidthChar;

/// Columns between tab stops when tabs are expanded.
const TAB_STOP: usize = 4;

/// Make file text (letter text, drafts, file names, error messages quoting files) safe to
/// display: C0 and C1 control characters (except `\n`) become visible placeholders from the
/// Control Pictures block (`␛`) or `⟪U+0085⟫`, bidirectional controls become named
/// placeholders such as `⟪RLO⟫`, invisible format characters (zero-width space, word
/// joiner, byte order mark, ...) become `⟪ZWSP⟫`-style placeholders, tabs are expanded to
/// spaces, and U+2028/U+2029 become line breaks. Nothing is silently dropped. Returns the
/// input untouched when nothing needs replacing.
pub fn sanitize(text: &str) -> Cow<'_, str> {
    if !text.chars().any(needs_replacing) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    let mut column = 0;
    for c in text.chars() {
        match c {
            '\n' | '\u{2028}' | '\u{2029}' => {
                out.push('\n');
                column = 0;
                continue;
            }
            '\t' => {
                let spaces = TAB_STOP - column % TAB_STOP;
                out.extend(std::iter::repeat_n(' ', spaces));
                column += spaces;
                continue;
            }
            _ => {}
        }
        let start = out.len();
        if let Some(name) = bidi_name(c).or_else(|| invisible_name(c)) {
            let _ = write!(out, "⟪{name}⟫");
        } else if is_invisible(c) {
            let _ = write!(out, "⟪U+{:04X}⟫", c as u32);
        } else if (c as u32) < 0x20 {
            out.push(char::from_u32(0x2400 + c as u32).unwrap_or('\u{FFFD}'));
        } else if c == '\u{7f}' {
            out.push('\u{2421}');
        } else if c.is_control() {
            let _ = write!(out, "⟪U+{:04X}⟫", c as u32);
        } else {
            out.push(c);
        }
        column += out[start..]
            .chars()
            .map(|c| c.width().unwrap_or(0))
            .sum::<usize>();
    }
    Cow::Owned(out)
}

fn needs_replacing(c: char) -> bool {
    (c.is_control() && c != '\n')
        || bidi_name(c).is_some()
        || is_invisible(c)
        || matches!(c, '\u{2028}' | '\u{2029}')
}

/// The short name of a common invisible format character, if `c` is one.
fn invisible_name(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{200B}' => "ZWSP",
        '\u{2060}' => "WJ",
        '\u{FEFF}' => "BOM",
        _ => return None,
    })
}

/// Format characters that take no room and would vanish on screen (joiners used
/// inside words and emoji, ZWJ and ZWNJ, are left alone).
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{180E}'
            | '\u{200B}'
            | '\u{2060}'..='\u{2064}'
            | '\u{206A}'..='\u{206F}'
            | '\u{FEFF}'
            | '\u{FFF9}'..='\u{FFFB}'
    )
}

/// The short name of a bidirectional formatting character, if `c` is one.
fn bidi_name(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{061C}' => "ALM",
        '\u{200E}' => "LRM",
        '\u{200F}' => "RLM",
        '\u{202A}' => "LRE",
        '\u{202B}' => "RLE",
        '\u{202C}' => "PDF",
        '\u{202D}' => "LRO",
        '\u{202E}' => "RLO",
        '\u{2066}' => "LRI",
        '\u{2067}' => "RLI",
        '\u{2068}' => "FSI",
        '\u{2069}' => "PDI",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_is_borrowed() {
        assert!(matches!(sanitize("Form 10-K\n\nNote 2"), Cow::Borrowed(_)));
    }

    #[test]
    fn escape_and_c0_become_control_pictures() {
        assert_eq!(sanitize("a\u{1b}[31mb\r\u{0}"), "a␛[31mb␍␀");
        assert_eq!(sanitize("\u{7f}"), "␡");
    }

    #[test]
    fn c1_controls_are_named_by_code_point() {
        assert_eq!(sanitize("x\u{9b}y\u{85}"), "x⟪U+009B⟫y⟪U+0085⟫");
    }

    #[test]
    fn bidi_controls_are_named() {
        assert_eq!(sanitize("abc\u{202E}fed\u{202C}"), "abc⟪RLO⟫fed⟪PDF⟫");
        assert_eq!(
            sanitize("\u{2066}\u{2067}\u{2068}\u{2069}"),
            "⟪LRI⟫⟪RLI⟫⟪FSI⟫⟪PDI⟫"
        );
        assert_eq!(sanitize("\u{202A}\u{202B}\u{202D}"), "⟪LRE⟫⟪RLE⟫⟪LRO⟫");
    }

    #[test]
    fn tabs_expand_to_the_next_stop_per_line() {
        assert_eq!(sanitize("\tx"), "    x");
        assert_eq!(sanitize("ab\tc\n\td"), "ab  c\n    d");
        assert_eq!(sanitize("␛x\ty"), "␛x  y");
    }

    #[test]
    fn line_and_paragraph_separators_break_lines() {
        assert_eq!(sanitize("a\u{2028}\tb\u{2029}c"), "a\n    b\nc");
    }

    #[test]
    fn invisible_characters_are_shown() {
        assert_eq!(
            sanitize("a\u{200B}b\u{FEFF}c\u{2060}d\u{2063}"),
            "a⟪ZWSP⟫b⟪BOM⟫c⟪WJ⟫d⟪U+2063⟫"
        );
        // Joiners inside words and emoji stay.
        assert!(matches!(sanitize("👩\u{200D}💻"), Cow::Borrowed(_)));
    }

    #[test]
    fn every_control_becomes_visible() {
        for c in (0u32..0x20).chain(0x7f..0xa0).filter_map(char::from_u32) {
            if c == '\n' {
                continue;
            }
            let out = sanitize(&c.to_string()).into_owned();
            assert!(!out.is_empty(), "{c:?} vanished");
            assert!(!out.chars().any(char::is_control), "{c:?} -> {out:?}");
        }
    }

    #[test]
    fn newlines_are_kept() {
        assert_eq!(sanitize("a\nb\u{1b}"), "a\nb␛");
    }
}
