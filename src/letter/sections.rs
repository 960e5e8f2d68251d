//! A second reading of a letter's body for what its comments leave out: the opening
//! and closing paragraphs as written, the requests among them that are not numbered,
//! and, in a company response, the answer under each restated comment.

use super::answers::answers;
use super::model::{Kind, Letter};
use super::paragraphs::join_paragraphs;
use super::parse::{Text, clean, read};
use super::phrases::is_sign_off;
use super::requests::{Request, requests};

/// What a letter says besides its numbered comments.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Sections {
    /// The paragraphs before the first comment (or its headings).
    pub opening: Vec<String>,
    /// The paragraphs after the last comment, up to the sign-off.
    pub closing: Vec<String>,
    /// The requests of the opening and closing paragraphs.
    pub requests: Vec<Request>,
    /// For a company response, the answer under each comment (the restatements, in the
    /// letter's order); empty for any other letter.
    pub answers: Vec<Option<String>>,
}

/// The sections of `letter`, read again from the `bytes` it was parsed from (`file`
/// names it). Bytes that do not read as text have none.
pub fn sections(file: &str, letter: &Letter, bytes: &[u8]) -> Sections {
    let Ok(Text::Read(cleaned)) = clean(file, bytes) else {
        return Sections::default();
    };
    let reading = read(&cleaned);
    let lines = &reading.body_lines;
    let intro_end = reading.outline.intro_end.min(lines.len());
    let closing_start = reading.outline.closing_start.clamp(intro_end, lines.len());
    let sign_off = lines[closing_start..]
        .iter()
        .position(|l| is_sign_off(l))
        .map_or(lines.len(), |p| p + closing_start);
    let opening = paragraphs(&lines[..intro_end]);
    let closing = paragraphs(&lines[closing_start..sign_off]);
    let mut asked: Vec<String> = opening.clone();
    asked.extend(closing.iter().cloned());
    let answers = match letter.kind {
        Kind::Response => answers(&lines[intro_end..closing_start], &letter.comments),
        _ => Vec::new(),
    };
    Sections {
        requests: requests(&asked),
        opening,
        closing,
        answers,
    }
}

/// The paragraphs of `lines` (blank lines as empty strings).
fn paragraphs(lines: &[&str]) -> Vec<String> {
    let width = lines.iter().map(|l| l.len()).max().unwrap_or(80).max(40);
    join_paragraphs(lines, width)
        .split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(str::to_string)
        .collect()
}
