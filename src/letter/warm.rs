//! Compiling the parser's patterns before the letters come.

use super::parse::brief;

/// Reads the brief of a built-in sample letter (the newest of the demo's), which
/// compiles the patterns that reading a staff letter needs. Each pattern is compiled
/// once, by the first thread that needs it, and every other thread that needs it
/// meanwhile waits: threads that start on a folder of letters together would wait in
/// turn for each. Called on a thread of its own while the folders are listed, it
/// compiles them while no letter is ready to be read.
pub fn compile_patterns() {
    if let Some((name, text)) = crate::demo::LETTERS.last() {
        // The sample is known to read; the brief itself is not wanted.
        let _ = brief(name, text.as_bytes());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sample_letter_is_read_as_a_staff_letter_with_comments() {
        let (name, text) = crate::demo::LETTERS.last().unwrap();
        let read = brief(name, text.as_bytes()).unwrap();
        assert_eq!(read.kind, crate::letter::Kind::Comments);
        assert!(!read.numbers.is_empty());
        compile_patterns();
    }
}
