//! The words of page headers: lines split into lowercase tokens (glued words such as
//! `LastNameTyler` or `March2` taken apart), and a letter's header words looked up.

/// A letter's header words, looked up for some lines of the body: the words that start
/// with a line's token's first byte are found by a binary search and looked along (a
/// header that runs on, such as a "Re:" block with no salutation below, can give
/// hundreds of words). The words stand one after another in one string, not one
/// allocation each.
pub(super) struct Words {
    /// The words, one after another.
    text: String,
    /// Where each word stands in `text`, in the order of their first bytes (words with
    /// the same first byte in no particular order).
    spans: Vec<(u32, u32)>,
}

impl Words {
    /// The tokens of `texts` (see [`for_each_token`]), ordered by their first byte (no
    /// duplicates taken out, which a look along a group does not mind).
    pub(super) fn new<'a>(texts: impl IntoIterator<Item = &'a str>) -> Words {
        let mut text = String::with_capacity(256);
        let mut spans: Vec<(u32, u32)> = Vec::with_capacity(32);
        for t in texts {
            for_each_token(t, |token| {
                let start = text.len() as u32;
                text.push_str(token);
                spans.push((start, text.len() as u32));
                true
            });
        }
        // (Tokens are never empty; the order within a group does not matter.)
        spans.sort_unstable_by_key(|&(start, _)| text.as_bytes()[start as usize]);
        Words { text, spans }
    }

    /// Every word (grouped by first byte).
    pub(super) fn iter(&self) -> impl Iterator<Item = &str> {
        self.spans
            .iter()
            .map(|&(from, to)| &self.text[from as usize..to as usize])
    }

    pub(super) fn contains(&self, word: &str) -> bool {
        let b = word.as_bytes().first().copied().unwrap_or(0);
        let from = self
            .spans
            .partition_point(|&(start, _)| first_byte(&self.text, start) < b);
        self.spans[from..]
            .iter()
            .take_while(|&&(start, _)| first_byte(&self.text, start) == b)
            .any(|&(s, e)| {
                self.text.as_bytes().get(s as usize..e as usize) == Some(word.as_bytes())
            })
    }
}

/// The first byte of the word at `start` in `text` (0 past its end).
fn first_byte(text: &str, start: u32) -> u8 {
    text.as_bytes().get(start as usize).copied().unwrap_or(0)
}

/// The first token of a word as [`for_each_token`] splits it: `eBay` → `e`,
/// `ResMed` → `Res`, `March2` → `March` (page headers glue words together).
pub(super) fn first_token(word: &str) -> &str {
    let bytes = word.as_bytes();
    let end = (1..bytes.len())
        .find(|&i| {
            let (p, c) = (bytes[i - 1], bytes[i]);
            (p.is_ascii_lowercase() && c.is_ascii_uppercase())
                || (p.is_ascii_digit() && c.is_ascii_alphabetic())
                || (p.is_ascii_alphabetic() && c.is_ascii_digit())
        })
        .unwrap_or(bytes.len());
    &word[..end]
}

/// The text of `line` up to its first space (a byte loop: the first word is short, too
/// short for a vectorised search to pay).
pub(super) fn first_word(line: &str) -> &str {
    let end = line.bytes().position(|b| b == b' ').unwrap_or(line.len());
    &line[..end]
}

/// Split glued words (`LastNameTyler`, `CorporationMay`, `2Page`) into lowercase
/// alphanumeric tokens and hand each to `f` until it returns `false`. Returns whether
/// every token was accepted. This runs on many lines: ASCII text, most of it, is split
/// byte by byte with no allocation.
pub(super) fn for_each_token(s: &str, f: impl FnMut(&str) -> bool) -> bool {
    if s.is_ascii() {
        for_each_ascii_token(s, f)
    } else {
        for_each_char_token(s, f)
    }
}

/// Whether a token ends between the alphanumeric characters `p` and `c`: a lowercase
/// letter before a capital, a digit before a letter, a letter before a digit.
#[inline]
fn splits(p: char, c: char) -> bool {
    (p.is_lowercase() && c.is_uppercase())
        || (p.is_ascii_digit() && c.is_alphabetic())
        || (p.is_alphabetic() && c.is_ascii_digit())
}

/// How long a line [`for_each_ascii_token`] lowercases on the stack may be (longer
/// ones, rare among the lines read for page headers, go through a `String`).
const SHORT_LINE: usize = 192;

/// [`for_each_token`] of ASCII text, where every token is a run of the text: split
/// where the text's case says, handed on from the text lowercased once (on the stack
/// for the header lines this reads by the hundred; no allocation).
fn for_each_ascii_token(s: &str, mut f: impl FnMut(&str) -> bool) -> bool {
    let bytes = s.as_bytes();
    let mut short = [0u8; SHORT_LINE];
    let owned;
    let lower = match short.get_mut(..s.len()) {
        // ASCII lowercased is ASCII: the check cannot fail.
        Some(buf) if s.bytes().any(|b| b.is_ascii_uppercase()) => {
            buf.copy_from_slice(bytes);
            buf.make_ascii_lowercase();
            std::str::from_utf8(buf).unwrap_or(s)
        }
        Some(_) => s,
        None => {
            owned = s.to_ascii_lowercase();
            owned.as_str()
        }
    };
    let mut start: Option<usize> = None;
    for (i, &c) in bytes.iter().enumerate() {
        if c.is_ascii_alphanumeric() {
            match start {
                // Inside a token the byte before is alphanumeric too.
                Some(from) if splits(char::from(bytes[i - 1]), char::from(c)) => {
                    if !f(&lower[from..i]) {
                        return false;
                    }
                    start = Some(i);
                }
                Some(_) => {}
                None => start = Some(i),
            }
        } else if let Some(from) = start.take()
            && !f(&lower[from..i])
        {
            return false;
        }
    }
    start.is_none_or(|from| f(&lower[from..]))
}

/// [`for_each_token`] of text that is not ASCII, character by character.
fn for_each_char_token(s: &str, mut f: impl FnMut(&str) -> bool) -> bool {
    let mut cur = String::new();
    let mut prev: Option<char> = None;
    for c in s.chars() {
        if c.is_alphanumeric() {
            let boundary = prev.is_some_and(|p| splits(p, c));
            if boundary && !cur.is_empty() {
                if !f(&cur) {
                    return false;
                }
                cur.clear();
            }
            if c.is_ascii() {
                cur.push(c.to_ascii_lowercase());
            } else {
                cur.extend(c.to_lowercase());
            }
        } else if !cur.is_empty() {
            if !f(&cur) {
                return false;
            }
            cur.clear();
        }
        prev = Some(c);
    }
    cur.is_empty() || f(&cur)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_tokens_are_split_as_characters_are() {
        for line in [
            "LastNameTyler CorporationMay 2Page",
            "March2 11, 2024 Page 2 -- eBay ResMed",
            "",
            "  ,a1B2cD3 e-Fg h_IJ kL ",
            &"x".repeat(70),
            &format!(
                "{}Yz {}Yz",
                "Q".repeat(SHORT_LINE - 8),
                "Q".repeat(SHORT_LINE - 1)
            ),
            &format!("{}Ab", "Z".repeat(80)),
        ] {
            let (mut bytewise, mut charwise) = (Vec::new(), Vec::new());
            for_each_ascii_token(line, |t| {
                bytewise.push(t.to_string());
                true
            });
            for_each_char_token(line, |t| {
                charwise.push(t.to_string());
                true
            });
            assert_eq!(bytewise, charwise, "{line}");
        }
        let mut seen = Vec::new();
        assert!(!for_each_ascii_token("one Two three", |t| {
            seen.push(t.to_string());
            t != "two"
        }));
        assert_eq!(seen, ["one", "two"]);
    }
}
