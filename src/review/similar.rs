//! How alike two passages are, by their words: enough to tell that a response's
//! restatement is a staff comment, whatever quotes, wrapping or numbering it has.

use std::collections::HashSet;

pub use crate::letter::words;

/// The share of the shorter passage's words that stand in the other (0 when either
/// has none): 1 for a restatement that quotes a comment in full or in part.
pub fn overlap(a: &HashSet<String>, b: &HashSet<String>) -> f64 {
    let (small, large) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if small.is_empty() {
        return 0.0;
    }
    let shared = small.iter().filter(|w| large.contains(*w)).count();
    shared as f64 / small.len() as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_quoted_comment_overlaps_fully_and_another_comment_little() {
        let comment = words("Please tell us why revenue fell in fiscal 2023.");
        let quoted = words("“Please tell us why revenue fell in fiscal 2023.”");
        let other = words("Revise the segment note to show intersegment sales.");
        assert_eq!(overlap(&comment, &quoted), 1.0);
        assert!(overlap(&comment, &other) < 0.2);
        assert_eq!(overlap(&comment, &HashSet::new()), 0.0);
    }
}
