//! Text folded to its letters and digits, lowercased, each kept with where it stands:
//! how a restatement is found again in a response whatever its spacing, punctuation,
//! quotes or line breaks.

/// How many letters and digits of a restatement's start and end are looked for.
const ANCHOR: usize = 40;

/// The body as letters and digits only, lowercased, each kept with the line it
/// came from and the byte just after it in that line.
pub(super) struct Folded {
    /// The letters and digits, lowercased.
    pub(super) chars: Vec<char>,
    /// For each of them, its line and the byte just after it in that line.
    pub(super) at: Vec<(usize, usize)>,
}

impl Folded {
    /// The folded text of `lines`.
    pub(super) fn of(lines: &[&str]) -> Folded {
        let mut folded = Folded {
            chars: Vec::new(),
            at: Vec::new(),
        };
        for (i, line) in lines.iter().enumerate() {
            for (b, c) in line.char_indices() {
                if c.is_alphanumeric() {
                    folded.chars.extend(c.to_lowercase());
                    while folded.at.len() < folded.chars.len() {
                        folded.at.push((i, b + c.len_utf8()));
                    }
                }
            }
        }
        folded
    }

    /// Where `needle` next occurs at or after `from`.
    pub(super) fn find(&self, needle: &[char], from: usize) -> Option<usize> {
        if needle.is_empty() || from > self.chars.len() {
            return None;
        }
        self.chars[from..]
            .windows(needle.len())
            .position(|w| w == needle)
            .map(|p| p + from)
    }
}

/// The letters and digits of `text`, lowercased.
pub(super) fn fold(text: &str) -> Vec<char> {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The first [`ANCHOR`] letters and digits of folded text: how its start is looked for.
pub(super) fn head(folded: &[char]) -> &[char] {
    &folded[..folded.len().min(ANCHOR)]
}

/// The last [`ANCHOR`] letters and digits of folded text: how its end is looked for.
pub(super) fn tail(folded: &[char]) -> &[char] {
    &folded[folded.len().saturating_sub(ANCHOR)..]
}
