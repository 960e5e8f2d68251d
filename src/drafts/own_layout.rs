//! Reading statuses straight from a drafts file in the layout letterdesk itself
//! writes, line by line, without a TOML parser: the fast path of
//! [`read_statuses`](super::read_statuses) for folders of thousands of letters.
//!
//! ```toml
//! [comments."1"]
//! status = "drafted"
//! response = """
//! Text, never with a backslash."""
//! fingerprint = "xxh3:…"
//! ```
//!
//! Anything outside that layout (a `# comment`, an escape, another table, a duplicate,
//! an unknown status, trailing spaces…) gives `None`, and the caller reads the file as
//! TOML; so wherever this answers, a TOML parser answers the same.

use std::collections::HashMap;

use super::format::{COMMENTS, RESPONSE, STATUS};
use super::model::Status;

/// The status of each comment of `text` (UTF-8, without a byte order mark, already
/// checked for conflict markers), or `None` when `text` is not in letterdesk's layout.
pub(crate) fn statuses_in_own_layout(text: &str) -> Option<HashMap<String, Status>> {
    let mut found = HashMap::new();
    let mut table: Option<Table> = None;
    let mut rest = text;
    while !rest.is_empty() {
        let (line, after) = match memchr::memchr(b'\n', rest.as_bytes()) {
            Some(at) => (&rest[..at], &rest[at + 1..]),
            None => (rest, ""),
        };
        rest = after;
        if line.is_empty() {
            continue;
        }
        if let Some(number) = table_number(line) {
            if let Some(done) = table.take() {
                done.finish(&mut found)?;
            }
            if found.contains_key(number) {
                return None;
            }
            table = Some(Table::new(number));
            continue;
        }
        let current = table.as_mut()?;
        let (key, value) = line.split_once(" = ")?;
        if !is_bare_key(key) || current.keys.contains(&key) {
            return None;
        }
        current.keys.push(key);
        let (value, after) = string_value(value, rest)?;
        rest = after;
        match key {
            STATUS => current.status = Some(value.parse().ok()?),
            RESPONSE => current.response = value,
            _ => {}
        }
    }
    if let Some(done) = table {
        done.finish(&mut found)?;
    }
    Some(found)
}

/// One `[comments."N"]` table as read so far.
struct Table<'a> {
    number: &'a str,
    keys: Vec<&'a str>,
    status: Option<Status>,
    response: &'a str,
}

impl<'a> Table<'a> {
    fn new(number: &'a str) -> Self {
        Table {
            number,
            keys: Vec::new(),
            status: None,
            response: "",
        }
    }

    /// Records the comment's status (given, or implied by its response).
    fn finish(self, found: &mut HashMap<String, Status>) -> Option<()> {
        let status = self
            .status
            .unwrap_or_else(|| Status::implied_by(self.response));
        found
            .insert(self.number.to_owned(), status)
            .is_none()
            .then_some(())
    }
}

/// The comment number of a `[comments."N"]` line.
fn table_number(line: &str) -> Option<&str> {
    let number = line
        .strip_prefix('[')?
        .strip_prefix(COMMENTS)?
        .strip_prefix(".\"")?
        .strip_suffix("\"]")?;
    number.bytes().all(plain_byte).then_some(number)
}

/// A bare TOML key: ASCII letters, digits, `_` and `-`.
fn is_bare_key(key: &str) -> bool {
    !key.is_empty()
        && key
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
}

/// A byte that stands for itself in any TOML string: not a quote, backslash or
/// control character (bytes of multi-byte characters are fine: `text` is UTF-8).
fn plain_byte(b: u8) -> bool {
    !(b == b'"' || b == b'\'' || b == b'\\' || b < 0x20 || b == 0x7f)
}

/// The string a value starting at `value` (the rest of its line) holds, and the text
/// after it: `"…"` on one line, or `"""`/`'''` then a line break and lines up to the
/// closing delimiter at the end of a line. Only strings with nothing to decode.
fn string_value<'a>(value: &'a str, rest: &'a str) -> Option<(&'a str, &'a str)> {
    if let Some(inner) = value.strip_prefix('"').and_then(|v| v.strip_suffix('"'))
        && !inner.starts_with('"')
    {
        return inner.bytes().all(plain_byte).then_some((inner, rest));
    }
    let quote = match value {
        "\"\"\"" => "\"\"\"",
        "'''" => "'''",
        _ => return None,
    };
    let end = memchr::memmem::find(rest.as_bytes(), quote.as_bytes())?;
    let (inner, after) = (&rest[..end], &rest[end + quote.len()..]);
    let after = match after.strip_prefix('\n') {
        Some(after) => after,
        None if after.is_empty() => after,
        None => return None,
    };
    let literal = quote == "'''";
    // One pass with no early exit, which the compiler vectorises.
    let odd = inner.bytes().fold(false, |odd, b| {
        odd | ((b < 0x20) & (b != b'\n') & (b != b'\t')) | (b == 0x7f) | (!literal & (b == b'\\'))
    });
    (!odd).then_some((inner, after))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Option<Vec<(String, Status)>> {
        let mut found: Vec<_> = statuses_in_own_layout(text)?.into_iter().collect();
        found.sort_by(|a, b| a.0.cmp(&b.0));
        Some(found)
    }

    #[test]
    fn reads_what_letterdesk_writes() {
        let text = "[comments.\"1\"]\nstatus = \"open\"\nresponse = \"\"\n\n\
                    [comments.\"2(a)\"]\nstatus = \"resolved\"\nresponse = \"\"\"\n\
                    Done, as \"asked\".\n\n[comments.\"9\"] is in the text.\"\"\"\n\
                    fingerprint = \"xxh3:00ff\"\n\n\
                    [comments.\"3\"]\nresponse = '''\nC:\\path'''\n\
                    [comments.\"4\"]\nresponse = \"\"\"\n  \n\"\"\"";
        assert_eq!(
            read(text).unwrap(),
            [
                ("1".into(), Status::Open),
                ("2(a)".into(), Status::Resolved),
                ("3".into(), Status::Drafted),
                ("4".into(), Status::Open),
            ]
        );
        assert_eq!(read("").unwrap(), []);
    }

    #[test]
    fn anything_else_is_left_to_the_toml_reader() {
        for text in [
            "# notes\n[comments.\"1\"]\n",
            "[comments.\"1\"]\nstatus = \"open\" # why\n",
            "[comments.\"1\"]\nstatus = \"maybe\"\n",
            "[comments.\"1\"]\n[comments.\"1\"]\n",
            "[comments.\"1\"]\nstatus = \"open\"\nstatus = \"open\"\n",
            "[comments.\"1\"]\nresponse = \"\"\"\nA \\\"quote\\\".\"\"\"\n",
            "[comments.\"1\"]\nresponse = \"\"\"\nA\u{1}b\"\"\"\n",
            "[comments.\"1\"]\nresponse = \"\"\"\nTwo quotes\"\"\"\"\"\n",
            "[comments.\"1\"]\nresponse = \"\"\"\nNever closed\n",
            "[comments.\"1\"]\r\nstatus = \"open\"\r\n",
            "status = \"open\"\n",
            "[comments]\n\"1\" = { status = \"open\" }\n",
            "[other]\n",
            "[comments.\"1\"]\nresponse = \"\"\"\"\n",
        ] {
            assert_eq!(read(text), None, "{text:?}");
        }
    }
}
