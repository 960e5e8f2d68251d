//! Normalising one line of converter output: spaces, quotes, bullets and markdown
//! artefacts (`**bold**`, `~~struck~~`).

/// What one character of converter output becomes.
enum Mapped {
    Char(char),
    Space,
    Drop,
}

fn map_char(c: char) -> Mapped {
    match c {
        ' ' | '\t' | '\u{A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' => {
            Mapped::Space
        }
        '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{FEFF}' | '\u{AD}' => Mapped::Drop,
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{2032}' => Mapped::Char('\''),
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{2033}' => Mapped::Char('"'),
        '\u{F0B7}' | '\u{F0A7}' | '\u{F076}' | '\u{F0D8}' | '\u{25CF}' | '\u{25AA}' => {
            Mapped::Char('•')
        }
        _ => Mapped::Char(c),
    }
}

/// Clean one line in one pass and append it to `out`: spaces folded and trimmed, quotes
/// made plain, private-use bullets made `•`, `**` removed; then the rare `~~` and
/// whole-line `*italics*`. A line that needs none of it is copied as it is.
pub fn clean_line_into(raw: &str, out: &mut String) {
    let start = out.len();
    let tilde = if let Some(tilde) = clean_ascii(raw) {
        out.push_str(raw);
        tilde
    } else {
        clean_chars(raw, out);
        out.as_bytes()[start..].contains(&b'~')
    };
    let line = &out[start..];
    if tilde && line.contains("~~") {
        let unstruck = collapse_spaces(unstrike(line).trim());
        replace_from(out, start, &unstruck);
    }
    let line = &out[start..];
    // (Most lines do not start with `*`: told by one byte.)
    if !line.starts_with('*') {
        return;
    }
    let inner = strip_italic_wrap(line);
    if inner.len() != line.len() {
        let inner = inner.to_string();
        replace_from(out, start, &inner);
    }
}

/// Replace what `out` holds from byte `start` on with `with`.
fn replace_from(out: &mut String, start: usize, with: &str) {
    out.truncate(start);
    out.push_str(with);
}

/// Eight bytes with only their high bits set.
const HIGH_BITS: u64 = 0x8080_8080_8080_8080;

/// The bytes of `word` equal to `b`, marked by their high bit (exact for each byte:
/// no carry crosses from one byte to the next).
fn bytes_equal(word: u64, b: u8) -> u64 {
    let x = word ^ (u64::from(b) * 0x0101_0101_0101_0101);
    !(((x & !HIGH_BITS) + !HIGH_BITS) | x) & HIGH_BITS
}

/// Whether a line is left as it is by [`clean_chars`]: not empty, ASCII, with no tab
/// nor `*`, no space at either end and no two spaces together; if so, whether it holds
/// a `~`. Most lines are. Every byte of every letter is looked at here, so eight at a
/// time (the last few padded with NUL bytes, which are none of these).
fn clean_ascii(raw: &str) -> Option<bool> {
    let bytes = raw.as_bytes();
    let (Some(&first), Some(&last)) = (bytes.first(), bytes.last()) else {
        return None;
    };
    if first == b' ' || last == b' ' {
        return None;
    }
    let (mut odd, mut tilde, mut two_spaces, mut spaces_before) = (0u64, 0u64, 0u64, 0u64);
    let mut scan = |word: u64| {
        let spaces = bytes_equal(word, b' ');
        odd |= (word & HIGH_BITS) | bytes_equal(word, b'\t') | bytes_equal(word, b'*');
        tilde |= bytes_equal(word, b'~');
        // A space next to a space in this word, or first in it after one last in the
        // word before.
        two_spaces |= (spaces & (spaces >> 8)) | (spaces & (spaces_before >> 56));
        spaces_before = spaces;
        odd | two_spaces != 0
    };
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        if scan(u64::from_le_bytes(chunk.try_into().expect("eight bytes"))) {
            // (The lines that reach here mostly hold a curly quote: no need to read on.)
            return None;
        }
    }
    let mut rest = [0u8; 8];
    rest[..chunks.remainder().len()].copy_from_slice(chunks.remainder());
    scan(u64::from_le_bytes(rest));
    (odd == 0 && two_spaces == 0).then_some(tilde != 0)
}

/// The character-by-character part of [`clean_line_into`]: spaces folded and trimmed,
/// quotes made plain, private-use bullets made `•`, `**` removed. Runs of plain ASCII
/// (single spaces within them) are copied whole; other characters go through
/// [`map_char`]. The line is appended to `out`.
fn clean_chars(raw: &str, out: &mut String) {
    let bytes = raw.as_bytes();
    let start = out.len();
    let mut space = false;
    let mut i = 0;
    while i < bytes.len() {
        let run = plain_run(bytes, i);
        if run > i {
            if space {
                out.push(' ');
                space = false;
            }
            out.push_str(&raw[i..run]);
            i = run;
            continue;
        }
        if bytes[i] == b'*' && bytes.get(i + 1) == Some(&b'*') {
            i += 2;
            continue;
        }
        let c = raw[i..]
            .chars()
            .next()
            .expect("a character at a char boundary");
        i += c.len_utf8();
        match map_char(c) {
            Mapped::Space => space = out.len() > start,
            Mapped::Drop => {}
            Mapped::Char(m) => {
                if space {
                    out.push(' ');
                    space = false;
                }
                out.push(m);
            }
        }
    }
}

/// Where the run of bytes from `i` that [`clean_chars`] copies as they are ends: plain
/// ASCII (every ASCII byte but spaces, tabs and `*`), and single spaces between two
/// such bytes, which cleaning leaves as they are too: before the first byte outside
/// ASCII, tab, `*` or two spaces ([`first_stop`]), and before a space at the run's
/// start or end.
fn plain_run(bytes: &[u8], i: usize) -> usize {
    let rest = &bytes[i..];
    if rest.first() == Some(&b' ') {
        return i;
    }
    let end = first_stop(rest);
    match end.checked_sub(1) {
        Some(last) if rest[last] == b' ' => i + last,
        _ => i + end,
    }
}

/// The first byte of `bytes` outside ASCII, a tab, a `*` or the first of two spaces (the
/// length if none), eight bytes at a time.
fn first_stop(bytes: &[u8]) -> usize {
    let mut chunks = bytes.chunks_exact(8);
    let (mut at, mut space_before) = (0, false);
    for chunk in &mut chunks {
        let word = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
        let spaces = bytes_equal(word, b' ');
        if space_before && spaces & 0x80 != 0 {
            // Two spaces across the words: the first ends the word before.
            return at - 1;
        }
        let stops = (word & HIGH_BITS)
            | bytes_equal(word, b'\t')
            | bytes_equal(word, b'*')
            | (spaces & (spaces >> 8));
        if stops != 0 {
            // The lowest marked byte comes first (little-endian).
            return at + (stops.trailing_zeros() / 8) as usize;
        }
        space_before = spaces >> 56 != 0;
        at += 8;
    }
    for (k, &b) in chunks.remainder().iter().enumerate() {
        let p = at + k;
        if !b.is_ascii() || b == b'\t' || b == b'*' {
            return p;
        }
        if b == b' ' && p > 0 && bytes[p - 1] == b' ' {
            return p - 1;
        }
    }
    bytes.len()
}

/// Remove `~~` strike-through markers. The markdown converter strikes footer residue
/// that overlaps real text and splits words at the marker (`pr~~ ovide`): a letter
/// before `~~ ` and a lowercase letter after it are joined into one word.
fn unstrike(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find("~~") {
        out.push_str(&rest[..i]);
        rest = &rest[i + 2..];
        let glued = out.chars().last().is_some_and(char::is_alphabetic)
            && rest.starts_with(' ')
            && rest[1..].chars().next().is_some_and(char::is_lowercase);
        if glued {
            rest = &rest[1..];
        }
    }
    out.push_str(rest);
    out
}

/// `*Step 1: text*` → `Step 1: text` (a whole line in italics).
fn strip_italic_wrap(s: &str) -> &str {
    match s.strip_prefix('*').and_then(|r| r.strip_suffix('*')) {
        Some(inner) if !inner.is_empty() && !inner.contains('*') => inner.trim(),
        _ => s,
    }
}

fn collapse_spaces(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if c == ' ' {
            space = true;
            continue;
        }
        if space && !out.is_empty() {
            out.push(' ');
        }
        space = false;
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clean_line(raw: &str) -> String {
        let mut out = String::new();
        clean_line_into(raw, &mut out);
        out
    }

    /// [`clean_ascii`] byte by byte.
    fn clean_ascii_bytewise(raw: &str) -> Option<bool> {
        let b = raw.as_bytes();
        let plain = !b.is_empty()
            && b[0] != b' '
            && b[b.len() - 1] != b' '
            && b.iter().all(|&c| c.is_ascii() && c != b'\t' && c != b'*')
            && !b.windows(2).any(|w| w == b"  ");
        plain.then(|| b.contains(&b'~'))
    }

    #[test]
    fn eight_bytes_at_a_time_reads_as_byte_by_byte() {
        // Every line of up to six characters over an alphabet of what matters, and
        // each character at each place of a line that spans three words.
        let alphabet = ['a', ' ', '\t', '*', '~', '\u{e9}', '\u{7f}', '\u{a0}'];
        let mut lines = vec![String::new()];
        for _ in 0..6 {
            let longer: Vec<String> = lines
                .iter()
                .filter(|l| l.chars().count() == lines.last().map_or(0, |x| x.chars().count()))
                .flat_map(|l| alphabet.iter().map(move |c| format!("{l}{c}")))
                .collect();
            lines.extend(longer);
        }
        for at in 0..20 {
            for c in alphabet {
                let mut line: Vec<char> = "abcdefghijklmnopqrstu".chars().collect();
                line[at] = c;
                lines.push(line.iter().collect());
                line[at + 1] = c;
                lines.push(line.iter().collect());
            }
        }
        for line in &lines {
            assert_eq!(clean_ascii(line), clean_ascii_bytewise(line), "{line:?}");
        }
    }

    /// [`clean_chars`] character by character.
    fn clean_chars_charwise(raw: &str) -> String {
        let mut out = String::new();
        let (mut space, mut chars) = (false, raw.char_indices().peekable());
        while let Some((i, c)) = chars.next() {
            if raw[i..].starts_with("**") {
                chars.next();
                continue;
            }
            match map_char(c) {
                Mapped::Space => space = !out.is_empty(),
                Mapped::Drop => {}
                Mapped::Char(m) => {
                    if std::mem::take(&mut space) {
                        out.push(' ');
                    }
                    out.push(m);
                }
            }
        }
        out
    }

    #[test]
    fn runs_with_single_spaces_read_as_character_by_character() {
        let alphabet = ["a", " ", "\t", "*", "\u{2019}", "\u{a0}", "\u{200b}"];
        let mut lines = vec![String::new()];
        for _ in 0..5 {
            let longer: Vec<String> = lines
                .iter()
                .flat_map(|l| alphabet.iter().map(move |c| format!("{l}{c}")))
                .collect();
            lines = longer;
            for line in &lines {
                let mut out = String::new();
                clean_chars(line, &mut out);
                assert_eq!(out, clean_chars_charwise(line), "{line:?}");
            }
        }
    }

    /// Whether an ASCII byte is copied as it is (everything but spaces, tabs and `*`).
    fn is_plain_ascii(b: u8) -> bool {
        b.is_ascii() && !matches!(b, b' ' | b'\t' | b'*')
    }

    /// [`plain_run`] byte by byte.
    fn plain_run_bytewise(bytes: &[u8], i: usize) -> usize {
        let mut j = i;
        while let Some(&b) = bytes.get(j) {
            if is_plain_ascii(b) {
                j += 1;
            } else if b == b' ' && j > i && bytes.get(j + 1).is_some_and(|&n| is_plain_ascii(n)) {
                j += 2;
            } else {
                break;
            }
        }
        j
    }

    #[test]
    fn plain_runs_eight_bytes_at_a_time_read_as_byte_by_byte() {
        let pieces = ["a", " ", "  ", "\t", "*", "\u{e9}", "bcdefgh", "~"];
        let mut seed = 7u32;
        for _ in 0..20_000 {
            let mut line = String::new();
            while line.len() < 40 {
                seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                line.push_str(pieces[(seed >> 16) as usize % pieces.len()]);
            }
            let bytes = line.as_bytes();
            for i in (0..bytes.len()).filter(|&i| line.is_char_boundary(i)) {
                assert_eq!(
                    plain_run(bytes, i),
                    plain_run_bytewise(bytes, i),
                    "{line:?} at {i}"
                );
            }
        }
    }

    #[test]
    fn spaces_quotes_and_markdown() {
        assert_eq!(
            clean_line("\t**Re:**\u{A0}\u{A0}**Acme’s “Inc.”**  "),
            "Re: Acme's \"Inc.\""
        );
        assert_eq!(clean_line("*Step 1: Is it?*"), "Step 1: Is it?");
        assert_eq!(clean_line("\u{F0B7}"), "•");
    }

    #[test]
    fn strike_through_joins_split_words() {
        assert_eq!(
            clean_line("~~27.~~ ~~Please revise your disclosures to pr~~ ovide more"),
            "27. Please revise your disclosures to provide more"
        );
        assert_eq!(
            clean_line("~~The shares of C~~ apital One"),
            "The shares of Capital One"
        );
    }
}
