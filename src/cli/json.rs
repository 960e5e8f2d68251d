//! The JSON shape of `letterdesk parse --json`: exactly the documented fields.

use std::fmt::Write as _;

use serde::Serialize;

use crate::letter::{Comment, Contact, Effectiveness, Extension, Letter, Person, Subject};
use crate::review::references::find_references;
use crate::text::is_hidden;

/// A letter as scripts see it.
#[derive(Serialize)]
struct LetterJson<'a> {
    file: &'a str,
    kind: &'static str,
    date: Option<&'a str>,
    company: Option<&'a str>,
    respondent: Option<&'a str>,
    addressee: &'a Person,
    subject: &'a Subject,
    file_number: Option<&'a str>,
    response_due: Option<&'a str>,
    extension: Option<&'a Extension>,
    effectiveness: Option<&'a Effectiveness>,
    comments: Vec<CommentJson<'a>>,
    signatory: &'a Person,
    contacts: &'a [Contact],
    warnings: &'a [String],
}

/// A comment as scripts see it: the letter's fields and its references to comments
/// of earlier letters.
#[derive(Serialize)]
struct CommentJson<'a> {
    #[serde(flatten)]
    comment: &'a Comment,
    references: Vec<ReferenceJson>,
}

/// A reference to a comment of an earlier letter: its number, and the letter's date
/// when the text gives it.
#[derive(Serialize)]
struct ReferenceJson {
    comment: String,
    letter_date: Option<String>,
}

impl<'a> CommentJson<'a> {
    fn of(comment: &'a Comment) -> CommentJson<'a> {
        CommentJson {
            comment,
            references: find_references(&comment.text)
                .into_iter()
                .map(|r| ReferenceJson {
                    comment: r.comment,
                    letter_date: r.letter_date.map(|d| d.to_string()),
                })
                .collect(),
        }
    }
}

/// Write `letter` as one pretty-printed JSON object and a newline.
pub fn write_letter(out: &mut dyn std::io::Write, letter: &Letter) -> std::io::Result<()> {
    let view = LetterJson {
        file: &letter.file,
        kind: letter.kind.as_str(),
        date: letter.date.as_deref(),
        company: letter.company.as_deref(),
        respondent: letter.respondent.as_deref(),
        addressee: &letter.addressee,
        subject: &letter.subject,
        file_number: letter.file_number.as_deref(),
        response_due: letter.response_due.as_deref(),
        extension: letter.extension.as_ref(),
        effectiveness: letter.effectiveness.as_ref(),
        comments: letter.comments.iter().map(CommentJson::of).collect(),
        signatory: &letter.signatory,
        contacts: &letter.contacts,
        warnings: &letter.warnings,
    };
    write_json(out, &view)
}

/// Write `value` as pretty JSON and a newline, with every character that must not
/// reach a terminal raw ([`is_hidden`]: control, format and bidi characters, line and
/// paragraph separators) written as a `\uXXXX` escape (a surrogate pair above
/// U+FFFF). Such characters only occur inside JSON strings, so the data is unchanged
/// for any JSON reader.
pub fn write_json(out: &mut dyn std::io::Write, value: &impl Serialize) -> std::io::Result<()> {
    // Streamed in chunks: a list of 10,000 letters is never held whole.
    let mut safe = Escaping {
        out,
        pending: Vec::with_capacity(CHUNK),
    };
    serde_json::to_writer_pretty(&mut safe, value)?;
    std::io::Write::write_all(&mut safe, b"\n")?;
    std::io::Write::flush(&mut safe)
}

/// How many bytes of JSON text [`Escaping`] gathers before it passes them on.
const CHUNK: usize = 64 * 1024;

/// Writes `{"name": [...]}` as [`write_json`] writes it, the list's items coming in
/// parts made apart (e.g. on several threads), each item after its separator;
/// gathered into chunks before they go on to `out`.
pub(super) struct ListWriter<'a> {
    out: std::io::BufWriter<&'a mut dyn std::io::Write>,
    /// Whether no item is written yet.
    first: bool,
}

impl<'a> ListWriter<'a> {
    /// Starts the object and its field `name`.
    pub(super) fn start(out: &'a mut dyn std::io::Write, name: &str) -> std::io::Result<Self> {
        use std::io::Write as _;
        let mut out = std::io::BufWriter::with_capacity(CHUNK, out);
        write!(out, "{{\n  {}: [", serde_json::to_string(name)?)?;
        Ok(ListWriter { out, first: true })
    }

    /// Writes the items of `part`, each after its separator (`,\n    {…}`).
    pub(super) fn items(&mut self, part: &[u8]) -> std::io::Result<()> {
        use std::io::Write as _;
        if part.is_empty() {
            return Ok(());
        }
        // The first item's separator is a line break alone.
        let first = std::mem::replace(&mut self.first, false);
        self.out.write_all(if first { &part[1..] } else { part })
    }

    /// Ends the list and the object, and a newline.
    pub(super) fn finish(mut self) -> std::io::Result<()> {
        use std::io::Write as _;
        let end: &[u8] = if self.first { b"]\n}\n" } else { b"\n  ]\n}\n" };
        self.out.write_all(end)?;
        self.out.flush()
    }
}

/// JSON text (whole characters) with every [`is_hidden`] character but `\n` written as
/// a `\uXXXX` escape; as it is when there are none.
pub(super) fn escape_hidden(bytes: Vec<u8>) -> Vec<u8> {
    if is_plain(&bytes) {
        return bytes;
    }
    let text = String::from_utf8_lossy(&bytes);
    escaped(&text).into_bytes()
}

/// Whether `bytes` are all printable ASCII or `\n`. Every byte is looked at, without
/// stopping early, so that it runs in vector steps.
fn is_plain(bytes: &[u8]) -> bool {
    bytes.iter().fold(true, |all, &b| {
        all & (b == b'\n' || (0x20..0x7f).contains(&b))
    })
}

/// `text` with every [`is_hidden`] character but `\n` written as a `\uXXXX` escape (a
/// surrogate pair above U+FFFF).
fn escaped(text: &str) -> String {
    let mut safe = String::with_capacity(text.len() + 64);
    for c in text.chars() {
        if c != '\n' && is_hidden(c) {
            for unit in c.encode_utf16(&mut [0; 2]) {
                let _ = write!(safe, "\\u{unit:04x}");
            }
        } else {
            safe.push(c);
        }
    }
    safe
}

/// Passes JSON text on to `out` with every [`is_hidden`] character but `\n` written as
/// a `\uXXXX` escape. The text is gathered into chunks (the serializer writes a few
/// bytes at a time) and each chunk is looked at whole: most are printable ASCII and go
/// on as they are. Bytes that end in the middle of a character wait for the rest.
struct Escaping<W: std::io::Write> {
    out: W,
    pending: Vec<u8>,
}

impl<W: std::io::Write> Escaping<W> {
    /// Pass on what is gathered; at the `end`, also a character left incomplete.
    fn pass_on(&mut self, end: bool) -> std::io::Result<()> {
        if is_plain(&self.pending) {
            self.out.write_all(&self.pending)?;
            self.pending.clear();
            return Ok(());
        }
        let bytes = std::mem::take(&mut self.pending);
        let (text, rest) = match std::str::from_utf8(&bytes) {
            Ok(text) => (text, &[][..]),
            Err(e) => {
                let (valid, rest) = bytes.split_at(e.valid_up_to());
                let text = std::str::from_utf8(valid).unwrap_or_default();
                match e.error_len() {
                    // Not UTF-8 at all (serde_json never writes such): passed on as it is.
                    Some(_) => (text, rest),
                    None if end => (text, rest),
                    None => {
                        self.pending.extend_from_slice(rest);
                        (text, &[][..])
                    }
                }
            }
        };
        self.out.write_all(escaped(text).as_bytes())?;
        self.out.write_all(rest)
    }
}

impl<W: std::io::Write> std::io::Write for Escaping<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.write_all(buf)?;
        Ok(buf.len())
    }

    fn write_all(&mut self, buf: &[u8]) -> std::io::Result<()> {
        self.pending.extend_from_slice(buf);
        if self.pending.len() >= CHUNK {
            self.pass_on(false)?;
        }
        Ok(())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.pass_on(true)?;
        self.out.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terminal_active_characters_are_escaped_and_the_data_is_kept() {
        let text =
            "a\u{1b}]0;PWNED\u{7}b\u{9b}c\u{202e}d\u{2028}e\u{61c}\u{7f}\u{2060}\u{180e}\u{e0041}";
        let mut out = Vec::new();
        write_json(&mut out, &text).unwrap();
        let printed = String::from_utf8(out).unwrap();
        assert!(
            !printed.chars().any(|c| c != '\n' && is_hidden(c)),
            "{printed:?}"
        );
        assert_eq!(serde_json::from_str::<String>(&printed).unwrap(), text);
    }

    #[test]
    fn a_character_split_across_writes_is_still_escaped() {
        use std::io::Write as _;
        let mut out = Vec::new();
        let mut safe = Escaping {
            out: &mut out,
            pending: Vec::new(),
        };
        for byte in "\"a\u{202e}é\"\n".as_bytes() {
            safe.write_all(std::slice::from_ref(byte)).unwrap();
        }
        safe.flush().unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), "\"a\\u202eé\"\n");
    }
}
