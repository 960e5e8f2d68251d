//! The synthetic review in `tests/fixtures/review` (Harrowgate Ferries, Form 10-K,
//! closed May 19, 2025): its letters' file names and paths, a letter's text with words
//! replaced, and letters written beside it.

use letterdesk::review::Filed;
use std::path::{Path, PathBuf};

/// The staff's first comment letter.
pub const FIRST: &str = "upload_harrowgate-ferries_2025-03-10.txt";
/// The company's response to it.
pub const RESPONSE: &str = "corresp_harrowgate-ferries_2025-03-24.txt";
/// The staff's follow-up letter.
pub const FOLLOW_UP: &str = "upload_harrowgate-ferries_2025-04-21.txt";
/// The staff's closing letter.
pub const CLOSING: &str = "upload_harrowgate-ferries_2025-05-19.txt";

/// The path of the review's letter `name`.
pub fn fixture(name: &str) -> PathBuf {
    fixture_in("review", name)
}

/// The file `name` of the fixtures' folder `folder`.
pub fn fixture_in(folder: &str, name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(folder)
        .join(name)
}

/// The company's letter asking for more time to answer [`FIRST`] (in
/// `tests/fixtures/more-time`), promising the answers by April 7, 2025.
pub const MORE_TIME: &str = "corresp_harrowgate-ferries_2025-03-20.txt";

/// The text of the review's letter `name` with each `(from, to)` replaced in turn.
pub fn edited(name: &str, edits: &[(&str, &str)]) -> String {
    let text = std::fs::read_to_string(fixture(name)).expect("the fixture reads");
    edits
        .iter()
        .fold(text, |text, (from, to)| text.replace(from, to))
}

/// `text` written as `name` under `dir`, read back.
pub fn letter(dir: &Path, name: &str, text: &str) -> Filed {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    Filed::read(&path).expect("reads")
}
