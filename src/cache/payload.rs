//! What the briefs index keeps of each entry, in a compact binary form: a letter's
//! [`Brief`], or the counts of its drafts file.

use crate::letter::{Asks, Brief, Kind};

/// The kinds in the order of their byte.
const KINDS: [Kind; 5] = [
    Kind::Comments,
    Kind::Completion,
    Kind::NoReview,
    Kind::Response,
    Kind::Unknown,
];

/// The length written for a missing string.
const NONE: u16 = u16::MAX;

/// A brief's bytes; `None` when a string is too long to keep (the brief is then read
/// again next time).
pub fn brief(brief: &Brief) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(64);
    let kind = KINDS.iter().position(|k| *k == brief.kind)?;
    out.push(kind as u8);
    let asks = match brief.asks {
        None => 0,
        Some(Asks::MoreTime) => 1,
        Some(Asks::Effectiveness) => 2,
    };
    out.push(u8::from(brief.windows_1252) | asks << 1);
    out.extend_from_slice(&u32::try_from(brief.warnings).ok()?.to_le_bytes());
    for text in [
        &brief.date,
        &brief.company,
        &brief.form,
        &brief.file_number,
        &brief.response_due,
    ] {
        put_text(&mut out, text.as_deref())?;
    }
    out.extend_from_slice(&u32::try_from(brief.numbers.len()).ok()?.to_le_bytes());
    for number in &brief.numbers {
        put_text(&mut out, Some(number))?;
    }
    Some(out)
}

/// The brief in `bytes`, if they are one.
pub fn read_brief(bytes: &[u8]) -> Option<Brief> {
    read_brief_counted(bytes, true).map(|(brief, _)| brief)
}

/// The brief in `bytes`, if they are one, and how many comment numbers it has; with
/// `numbers` false the numbers are checked but not kept ([`Brief::numbers`] is left
/// empty), which saves a string for each.
pub fn read_brief_counted(bytes: &[u8], numbers: bool) -> Option<(Brief, usize)> {
    let mut r = Reader { bytes, at: 0 };
    let kind = *KINDS.get(usize::from(r.byte()?))?;
    let flags = r.byte()?;
    let windows_1252 = flags & 1 != 0;
    let asks = match flags >> 1 {
        0 => None,
        1 => Some(Asks::MoreTime),
        2 => Some(Asks::Effectiveness),
        _ => return None,
    };
    let warnings = r.u32()? as usize;
    let mut brief = Brief {
        kind,
        windows_1252,
        warnings,
        date: r.text()?,
        company: r.text()?,
        form: r.text()?,
        file_number: r.text()?,
        response_due: r.text()?,
        numbers: Vec::new(),
        asks,
    };
    let count = r.u32()? as usize;
    if numbers {
        // Each number takes at least two bytes: a damaged count cannot make a huge vector.
        brief.numbers = Vec::with_capacity(count.min(bytes.len() / 2));
    }
    for _ in 0..count {
        let number = r.str()??;
        if numbers {
            brief.numbers.push(number.to_owned());
        }
    }
    (r.at == bytes.len()).then_some((brief, count))
}

/// What a drafts file says of a letter's comments: drafted, resolved, and `(comment,
/// owner)` for each owner named.
pub type Counts = (usize, usize, Vec<(String, String)>);

/// The bytes of what a drafts file says: drafted and resolved comments, and each
/// owner named with its comment.
pub fn progress(progress: &Counts) -> Option<Vec<u8>> {
    let (drafted, resolved, owners) = progress;
    let mut out = Vec::with_capacity(12);
    out.extend_from_slice(&u32::try_from(*drafted).ok()?.to_le_bytes());
    out.extend_from_slice(&u32::try_from(*resolved).ok()?.to_le_bytes());
    out.extend_from_slice(&u32::try_from(owners.len()).ok()?.to_le_bytes());
    for (comment, owner) in owners {
        put_text(&mut out, Some(comment))?;
        put_text(&mut out, Some(owner))?;
    }
    Some(out)
}

/// What [`progress`] wrote in `bytes`, if it is that.
pub fn read_progress(bytes: &[u8]) -> Option<Counts> {
    let mut r = Reader { bytes, at: 0 };
    let drafted = r.u32()? as usize;
    let resolved = r.u32()? as usize;
    let count = r.u32()? as usize;
    // Each owner takes at least four bytes: a damaged count cannot make a huge vector.
    let mut owners = Vec::with_capacity(count.min(bytes.len() / 4));
    for _ in 0..count {
        owners.push((r.text()??, r.text()??));
    }
    (r.at == bytes.len()).then_some((drafted, resolved, owners))
}

fn put_text(out: &mut Vec<u8>, text: Option<&str>) -> Option<()> {
    match text {
        None => out.extend_from_slice(&NONE.to_le_bytes()),
        Some(text) => {
            let length = u16::try_from(text.len()).ok().filter(|l| *l != NONE)?;
            out.extend_from_slice(&length.to_le_bytes());
            out.extend_from_slice(text.as_bytes());
        }
    }
    Some(())
}

/// Reads what the functions above wrote; every read is `None` past the end.
struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let taken = self.bytes.get(self.at..self.at.checked_add(n)?)?;
        self.at += n;
        Some(taken)
    }

    fn byte(&mut self) -> Option<u8> {
        Some(self.take(1)?[0])
    }

    fn u32(&mut self) -> Option<u32> {
        Some(u32::from_le_bytes(self.take(4)?.try_into().ok()?))
    }

    /// A string or a missing one (`Some(None)`); `None` when the bytes are not one.
    fn str(&mut self) -> Option<Option<&'a str>> {
        let length = u16::from_le_bytes(self.take(2)?.try_into().ok()?);
        if length == NONE {
            return Some(None);
        }
        let bytes = self.take(usize::from(length))?;
        Some(Some(std::str::from_utf8(bytes).ok()?))
    }

    /// [`Reader::str`], owned.
    fn text(&mut self) -> Option<Option<String>> {
        Some(self.str()?.map(str::to_owned))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_brief_reads_back_as_written() {
        let full = Brief {
            kind: Kind::Response,
            date: Some("2025-03-03".into()),
            company: Some("Quarry Lane Holdings, Inc. — “East”".into()),
            form: None,
            file_number: Some("001-55555".into()),
            response_due: None,
            numbers: vec!["1".into(), "2A".into(), String::new()],
            asks: Some(Asks::MoreTime),
            windows_1252: true,
            warnings: 3,
        };
        let effective = Brief {
            asks: Some(Asks::Effectiveness),
            windows_1252: false,
            ..full.clone()
        };
        for brief in [full, effective, Brief::default()] {
            let bytes = super::brief(&brief).unwrap();
            let count = brief.numbers.len();
            let unnumbered = Brief {
                numbers: Vec::new(),
                ..brief.clone()
            };
            assert_eq!(read_brief_counted(&bytes, false), Some((unnumbered, count)));
            assert_eq!(read_brief(&bytes), Some(brief));
            for cut in 0..bytes.len() {
                assert_eq!(read_brief(&bytes[..cut]), None, "cut at {cut}");
                assert_eq!(
                    read_brief_counted(&bytes[..cut], false),
                    None,
                    "cut at {cut}"
                );
            }
        }
        let long = Brief {
            company: Some("x".repeat(70_000)),
            ..Brief::default()
        };
        assert_eq!(super::brief(&long), None, "too long to keep");
        let counts = (4, 7, vec![("2(a)".to_string(), "Jane Q. Lee".to_string())]);
        let bytes = progress(&counts).unwrap();
        assert_eq!(read_progress(&bytes), Some(counts));
        for cut in 0..bytes.len() {
            assert_eq!(read_progress(&bytes[..cut]), None, "cut at {cut}");
        }
        assert_eq!(read_progress(&[1, 2, 3]), None);
    }
}
