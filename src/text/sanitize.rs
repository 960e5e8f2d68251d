//! Making untrusted text safe to put on a terminal: the one list of characters that
//! must never reach a terminal as themselves ([`is_hidden`]) and the one way to show
//! them ([`sanitize`], [`sanitize_line`]). The terminal UI, every command-line output
//! and the JSON of `parse --json` / `status --json` all use this list.

use std::borrow::Cow;
use std::fmt::Write as _;

use unicode_properties::{GeneralCategory, UnicodeGeneralCategory};
use unicode_width::UnicodeWidthChar;

/// Columns between tab stops when tabs are expanded.
const TAB_STOP: usize = 4;

/// What stands for a line break in [`sanitize_line`]: U+2424 SYMBOL FOR NEWLINE.
const NEWLINE_SYMBOL: char = '\u{2424}';

/// Whether `c` must never reach a terminal as itself: every character of Unicode's
/// general categories Cc (control characters, tab and newline included), Cf (format
/// characters: all the bidirectional controls such as RLO, LRM and ALM, the
/// zero-width space and joiners, the word joiner, the byte order mark, the soft
/// hyphen, U+180E, the tag characters), Zl and Zp (line and paragraph separators).
/// They act on the terminal, reorder what a reader sees, or take no room at all.
pub fn is_hidden(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_control();
    }
    matches!(
        c.general_category(),
        GeneralCategory::Control
            | GeneralCategory::Format
            | GeneralCategory::LineSeparator
            | GeneralCategory::ParagraphSeparator
    )
}

/// Make file text (letter text, drafts, file names, error messages quoting files) safe to
/// display: every [`is_hidden`] character becomes visible. C0 controls (except `\n`)
/// become pictures from the Control Pictures block (`␛`), DEL `␡`, tabs are expanded
/// to spaces, U+2028/U+2029 become line breaks, bidirectional controls and common
/// invisible characters become named placeholders such as `⟪RLO⟫` or `⟪ZWSP⟫`, and
/// every other one `⟪U+0085⟫`; noncharacters (U+FFFE, U+FFFF, …) become `⟪U+FFFE⟫`.
/// Characters whose width terminals count differently from one another and from
/// `unicode-width` (emoji presentation selectors, skin-tone
/// modifiers, the keycap mark) are left out, so the base character shows at the width
/// every terminal agrees on and no pane border moves. Nothing else is dropped. Returns
/// the input untouched when nothing needs replacing.
pub fn sanitize(text: &str) -> Cow<'_, str> {
    if !text
        .chars()
        .any(|c| c != '\n' && (is_hidden(c) || is_presentation(c) || is_noncharacter(c)))
    {
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
        if is_presentation(c) && !out.is_empty() && !out.ends_with('\n') {
            continue;
        } else if is_noncharacter(c) {
            let _ = write!(out, "⟪U+{:04X}⟫", c as u32);
        } else if !is_hidden(c) {
            out.push(c);
        } else if let Some(name) = bidi_name(c).or_else(|| invisible_name(c)) {
            let _ = write!(out, "⟪{name}⟫");
        } else if (c as u32) < 0x20 {
            out.push(char::from_u32(0x2400 + c as u32).unwrap_or('\u{FFFD}'));
        } else if c == '\u{7f}' {
            out.push('\u{2421}');
        } else {
            let _ = write!(out, "⟪U+{:04X}⟫", c as u32);
        }
        column += out[start..]
            .chars()
            .map(|c| c.width().unwrap_or(0))
            .sum::<usize>();
    }
    Cow::Owned(out)
}

/// [`sanitize`] for a place that holds one line (a table cell, a status line): line
/// breaks are shown as `␤` rather than breaking the line.
pub fn sanitize_line(text: &str) -> Cow<'_, str> {
    match sanitize(text) {
        Cow::Borrowed(text) if !text.contains('\n') => Cow::Borrowed(text),
        shown => Cow::Owned(shown.replace('\n', &NEWLINE_SYMBOL.to_string())),
    }
}

/// [`sanitize`] for a field that reads as one line (a company's name, a heading, a
/// path): line breaks become spaces.
pub fn one_line(text: &str) -> String {
    sanitize(text).replace('\n', " ")
}

/// Whether `c` only changes how the character before it is drawn, in a way terminals
/// count differently: the variation selectors of text and emoji presentation (U+FE0E,
/// U+FE0F: `❤️` is one column in some terminals, two in others), the skin-tone
/// modifiers U+1F3FB–U+1F3FF (`👍🏽`: two columns or four) and the combining keycap
/// U+20E3.
fn is_presentation(c: char) -> bool {
    matches!(
        c,
        '\u{FE0E}' | '\u{FE0F}' | '\u{20E3}' | '\u{1F3FB}'..='\u{1F3FF}'
    )
}

/// Whether `c` is one of Unicode's 66 noncharacters (U+FDD0–U+FDEF and the last two
/// code points of every plane): never text, drawn by terminals at no agreed width.
fn is_noncharacter(c: char) -> bool {
    matches!(c, '\u{FDD0}'..='\u{FDEF}') || (c as u32) & 0xFFFE == 0xFFFE
}

/// The short name of a common invisible format character, if `c` is one.
fn invisible_name(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{00AD}' => "SHY",
        '\u{200B}' => "ZWSP",
        '\u{200C}' => "ZWNJ",
        '\u{200D}' => "ZWJ",
        '\u{2060}' => "WJ",
        '\u{FEFF}' => "BOM",
        _ => return None,
    })
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
    fn clusters_of_uncertain_width_show_their_base_at_an_agreed_width() {
        let shown = sanitize("👍🏽 ❤️ 1️⃣ \u{FFFE}\u{FFFF}\u{FDD0}");
        assert_eq!(shown, "👍 ❤ 1 ⟪U+FFFE⟫⟪U+FFFF⟫⟪U+FDD0⟫");
        assert!(
            !shown
                .chars()
                .any(|c| is_presentation(c) || is_noncharacter(c)),
            "{shown}"
        );
        // A lone skin-tone swatch is a character of its own (two columns everywhere).
        assert_eq!(sanitize("\u{1F3FD}"), "\u{1F3FD}");
    }

    #[test]
    fn plain_text_is_borrowed() {
        assert!(matches!(sanitize("Form 10-K\n\nNote 2"), Cow::Borrowed(_)));
    }

    /// Each row: what it shows, the text, and the text as shown.
    #[test]
    fn hidden_characters_are_shown_as_named() {
        let cases = [
            (
                "escape and C0 become control pictures",
                "a\u{1b}[31mb\r\u{0}",
                "a␛[31mb␍␀",
            ),
            ("delete becomes a control picture", "\u{7f}", "␡"),
            (
                "C1 controls are named by code point",
                "x\u{9b}y\u{85}",
                "x⟪U+009B⟫y⟪U+0085⟫",
            ),
            (
                "bidi overrides are named",
                "abc\u{202E}fed\u{202C}",
                "abc⟪RLO⟫fed⟪PDF⟫",
            ),
            (
                "bidi isolates are named",
                "\u{2066}\u{2067}\u{2068}\u{2069}",
                "⟪LRI⟫⟪RLI⟫⟪FSI⟫⟪PDI⟫",
            ),
            (
                "bidi embeddings are named",
                "\u{202A}\u{202B}\u{202D}",
                "⟪LRE⟫⟪RLE⟫⟪LRO⟫",
            ),
            ("a tab expands to the next stop", "\tx", "    x"),
            ("tab stops count per line", "ab\tc\n\td", "ab  c\n    d"),
            (
                "a control picture is one column before a tab",
                "␛x\ty",
                "␛x  y",
            ),
            (
                "line and paragraph separators break lines",
                "a\u{2028}\tb\u{2029}c",
                "a\n    b\nc",
            ),
            (
                "invisible characters are shown",
                "a\u{200B}b\u{FEFF}c\u{2060}d\u{2063}",
                "a⟪ZWSP⟫b⟪BOM⟫c⟪WJ⟫d⟪U+2063⟫",
            ),
            // Terminals disagree on how wide a joined sequence is.
            ("joiners are shown", "👩\u{200D}💻", "👩⟪ZWJ⟫💻"),
            (
                "other format characters are shown",
                "\u{061C}\u{180E}\u{AD}\u{E0041}",
                "⟪ALM⟫⟪U+180E⟫⟪SHY⟫⟪U+E0041⟫",
            ),
        ];
        for (what, text, shown) in cases {
            assert_eq!(sanitize(text), shown, "{what}");
        }
    }

    #[test]
    fn hidden_is_every_control_format_and_separator_character() {
        let hidden: Vec<char> = ('\0'..=char::MAX).filter(|c| is_hidden(*c)).collect();
        for c in [
            '\u{1b}', '\u{7f}', '\u{85}', '\u{61C}', '\u{200E}', '\u{2060}', '\u{2028}',
        ] {
            assert!(hidden.contains(&c), "U+{:04X}", c as u32);
        }
        for c in ['a', ' ', '\u{A0}', 'é', '中', '\u{F0B7}', '😀'] {
            assert!(!is_hidden(c), "U+{:04X}", c as u32);
        }
        for c in hidden.into_iter().filter(|c| *c != '\n') {
            let shown = sanitize_line(&c.to_string()).into_owned();
            assert!(!shown.is_empty(), "U+{:04X} vanished", c as u32);
            assert!(
                !shown.chars().any(is_hidden),
                "U+{:04X} -> {shown:?}",
                c as u32
            );
        }
    }

    #[test]
    fn one_line_shows_line_breaks() {
        assert_eq!(sanitize_line("bad\nfile\u{2028}x"), "bad␤file␤x");
        assert!(matches!(sanitize_line("plain"), Cow::Borrowed(_)));
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
