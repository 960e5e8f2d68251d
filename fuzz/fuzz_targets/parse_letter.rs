//! Fuzz the letter parser: any bytes give a letter or a clear error, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(letter) = letterdesk::letter::parse_bytes("fuzz.txt", data) {
        // Numbers must stay unique whatever the input: drafts are keyed by them.
        let mut numbers: Vec<&str> = letter.comments.iter().map(|c| c.number.as_str()).collect();
        let count = numbers.len();
        numbers.sort_unstable();
        numbers.dedup();
        assert_eq!(numbers.len(), count, "comment numbers are unique");
    }
});
