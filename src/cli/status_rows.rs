//! The JSON of `status` rows, written field by field: the text serde's pretty printer
//! makes of a row inside `{"letters": [...]}` (a test in `status.rs` holds the two
//! equal), at a fraction of its cost, which a run over 10,000 letters pays for each.
//! Strings are still escaped by `serde_json`.

use crate::index::LetterSummary;

/// Each field's line starts so: a line break and the indent of a row's fields (three
/// levels of two spaces: the top object, the list, the row).
const FIELD: &[u8] = b"\n      ";
/// The line break and indent of each item of a list inside a row.
const ITEM: &[u8] = b"\n        ";
/// The line break and indent of each field of an object that is such an item.
const ITEM_FIELD: &[u8] = b"\n          ";

/// Appends the row of `s` to `out` as one item of the `letters` list: after its
/// separator (`,\n    {…}`), pretty-printed two levels deep. Hidden characters are left
/// to the caller to escape.
pub(super) fn write_row(out: &mut Vec<u8>, s: &LetterSummary) {
    out.extend_from_slice(b",\n    {");
    let mut fields = Fields { out, first: true };
    fields.text("path", Some(&s.path.to_string_lossy()));
    fields.text("file", Some(&s.file));
    fields.text("kind", Some(s.kind.as_str()));
    fields.text("company", s.company.as_deref());
    fields.text("date", s.date.as_deref());
    fields.text("form", s.form.as_deref());
    fields.text("response_due", s.response_due.as_deref());
    fields.number("comments", s.comments);
    fields.number("drafted", s.drafted);
    fields.number("resolved", s.resolved);
    fields.text("problem", s.problem.as_deref());
    fields.key("not_read");
    list(fields.out, s.also.iter(), |out, path| {
        out.extend_from_slice(ITEM);
        string(out, &path.to_string_lossy());
    });
    fields.key("owners");
    list(fields.out, s.owners.iter(), |out, (comment, owner)| {
        out.extend_from_slice(ITEM);
        out.push(b'{');
        for (at, (key, value)) in [("comment", comment), ("owner", owner)].iter().enumerate() {
            if at > 0 {
                out.push(b',');
            }
            out.extend_from_slice(ITEM_FIELD);
            name_of(out, key);
            string(out, value);
        }
        out.extend_from_slice(ITEM);
        out.push(b'}');
    });
    out.extend_from_slice(b"\n    }");
}

/// The fields of one row being written.
struct Fields<'o> {
    out: &'o mut Vec<u8>,
    first: bool,
}

impl Fields<'_> {
    /// A field's separator, line break, indent, name and `: `.
    fn key(&mut self, name: &str) {
        if !std::mem::replace(&mut self.first, false) {
            self.out.push(b',');
        }
        self.out.extend_from_slice(FIELD);
        name_of(self.out, name);
    }

    /// A text field, `null` when there is none.
    fn text(&mut self, name: &str, value: Option<&str>) {
        self.key(name);
        match value {
            Some(value) => string(self.out, value),
            None => self.out.extend_from_slice(b"null"),
        }
    }

    fn number(&mut self, name: &str, value: usize) {
        self.key(name);
        // The digits, last first, then turned around.
        let start = self.out.len();
        let mut left = value;
        loop {
            self.out.push(b'0' + (left % 10) as u8);
            left /= 10;
            if left == 0 {
                break;
            }
        }
        self.out[start..].reverse();
    }
}

/// A list inside a row: `[]` when empty, else each item (written by `item`, from its
/// line break on) and the closing bracket on a line of its own; items apart by commas.
fn list<T>(out: &mut Vec<u8>, items: impl Iterator<Item = T>, item: impl Fn(&mut Vec<u8>, T)) {
    out.push(b'[');
    let mut any = false;
    for value in items {
        if any {
            out.push(b',');
        }
        item(out, value);
        any = true;
    }
    if any {
        out.extend_from_slice(FIELD);
    }
    out.push(b']');
}

/// A field's name (plain ASCII, nothing to escape) in quotes, and `: `.
fn name_of(out: &mut Vec<u8>, name: &str) {
    out.push(b'"');
    out.extend_from_slice(name.as_bytes());
    out.extend_from_slice(b"\": ");
}

/// `value` as a JSON string, escaped as `serde_json` escapes it: as it is between
/// quotes when it holds nothing to escape (no control character, quote or backslash),
/// as most values do.
fn string(out: &mut Vec<u8>, value: &str) {
    if value.bytes().all(|b| b >= 0x20 && b != b'"' && b != b'\\') {
        out.push(b'"');
        out.extend_from_slice(value.as_bytes());
        out.push(b'"');
    } else {
        // Writing a string into memory cannot fail.
        let _ = serde_json::to_writer(&mut *out, value);
    }
}
