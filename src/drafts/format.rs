//! The TOML side of the drafts file: encoding response strings so any text round-trips,
//! reading a parsed document into [`Drafts`], and applying [`Drafts`] onto a document
//! while keeping everything a person wrote by hand.
//!
//! ```toml
//! [comments."1"]
//! status = "open"
//! response = ""
//!
//! [comments."2"]
//! status = "resolved"
//! response = """
//! We will revise the disclosure in future filings."""
//! ```

use std::fmt::Write as _;
use std::ops::Range;

use toml_edit::{DocumentMut, InlineTable, Item, Key, Table, TableLike, Value};

use super::model::{CommentDraft, Drafts, Marks, Status};

/// The top-level table that holds one sub-table per comment.
pub(crate) const COMMENTS: &str = "comments";
/// The key of a comment's status.
pub(crate) const STATUS: &str = "status";
/// The key of a comment's response.
pub(crate) const RESPONSE: &str = "response";
/// The optional key naming who answers a comment (a string).
pub(crate) const OWNER: &str = "owner";
/// The optional key saying a comment needs no response (a boolean).
const NO_RESPONSE: &str = "no_response";
/// The optional key marking a response for confidential treatment (a boolean).
const CONFIDENTIAL: &str = "confidential";

/// A problem at a byte span of the parsed text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ShapeError {
    /// Where in the text, when known.
    pub span: Option<Range<usize>>,
    /// What is wrong.
    pub message: String,
}

impl ShapeError {
    fn new(span: Option<Range<usize>>, message: impl Into<String>) -> Self {
        ShapeError {
            span,
            message: message.into(),
        }
    }
}

/// The 1-based line holding byte `offset` of `text`.
pub(crate) fn line_of(text: &str, offset: usize) -> usize {
    let end = offset.min(text.len());
    text.as_bytes()[..end]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

// ---------------------------------------------------------------------------
// Encoding strings
// ---------------------------------------------------------------------------

/// Characters that must not appear raw in the file: C0 controls but tab and line
/// feed, DEL, C1 controls, and invisible characters that would make the file
/// misleading to read (bidi controls, line/paragraph separators, BOM).
fn needs_escape(c: char) -> bool {
    match c {
        '\t' | '\n' => false,
        '\u{0}'..='\u{1f}' | '\u{7f}'..='\u{9f}' => true,
        '\u{200e}' | '\u{200f}' | '\u{2028}' | '\u{2029}' => true,
        '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{feff}' => true,
        _ => false,
    }
}

/// Whether a line of the response starts like a git conflict marker (`<<<<<<<` or
/// `>>>>>>>`); such lines get their first character escaped so a drafts file never
/// looks conflicted because of what a response says.
fn starts_like_marker(rest: &str) -> bool {
    rest.starts_with("<<<<<<<") || rest.starts_with(">>>>>>>")
}

/// Whether `text` can be written as a multi-line literal string (`'''…'''`): no
/// `'''`, no trailing `'`, nothing to escape and no line that looks like a marker.
fn literal_ok(text: &str) -> bool {
    !text.contains("'''")
        && !text.ends_with('\'')
        && !text.chars().any(needs_escape)
        && !text.split('\n').any(starts_like_marker)
}

/// The TOML representation of a response: `""` when empty, otherwise a multi-line
/// string whose text starts on the line after the opening quotes. A basic `"""`
/// string is used, or a literal `'''` string when the text has backslashes and needs
/// no escapes. Any text, parsed back, is exactly `text`.
pub(crate) fn encode_response(text: &str) -> String {
    if text.is_empty() {
        return "\"\"".to_owned();
    }
    if text.contains('\\') && literal_ok(text) {
        return format!("'''\n{text}'''");
    }
    let mut out = String::with_capacity(text.len() + 8);
    out.push_str("\"\"\"\n");
    let trailing_quotes = text.len() - text.trim_end_matches('"').len();
    let quotes_from = text.len() - trailing_quotes;
    let mut quote_run = 0;
    let mut line_start = true;
    for (i, c) in text.char_indices() {
        if line_start && starts_like_marker(&text[i..]) {
            push_unicode_escape(&mut out, c);
            line_start = false;
            quote_run = 0;
            continue;
        }
        line_start = c == '\n';
        if c == '"' {
            // Never let three quotes in a row (or quotes next to the closing
            // delimiter) end the string early.
            if quote_run == 2 || i >= quotes_from {
                out.push_str("\\\"");
                quote_run = 0;
            } else {
                out.push('"');
                quote_run += 1;
            }
            continue;
        }
        quote_run = 0;
        match c {
            '\\' => out.push_str("\\\\"),
            '\r' => out.push_str("\\r"),
            c if needs_escape(c) => push_unicode_escape(&mut out, c),
            c => out.push(c),
        }
    }
    out.push_str("\"\"\"");
    out
}

fn push_unicode_escape(out: &mut String, c: char) {
    let code = u32::from(c);
    if code <= 0xffff {
        let _ = write!(out, "\\u{code:04X}");
    } else {
        let _ = write!(out, "\\U{code:08X}");
    }
}

/// A one-line basic string (`"…"`) for keys and short values.
pub(crate) fn encode_basic_line(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if needs_escape(c) => push_unicode_escape(&mut out, c),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A string value carrying exactly the representation `repr` (which must be a TOML
/// string this module produced).
fn string_value(repr: &str) -> Value {
    repr.parse::<Value>().expect("encoded TOML string parses")
}

/// The value written for a response.
pub(crate) fn response_value(text: &str) -> Value {
    string_value(&encode_response(text))
}

/// The key written for a comment number: always quoted, `"1"`, `"3(a)"`.
pub(crate) fn number_key(number: &str) -> Key {
    Key::parse(&encode_basic_line(number))
        .ok()
        .and_then(|mut keys| (keys.len() == 1).then(|| keys.remove(0)))
        .unwrap_or_else(|| Key::new(number))
}

// ---------------------------------------------------------------------------
// Reading
// ---------------------------------------------------------------------------

/// Reads the drafts out of a parsed document (with spans, for error lines).
///
/// Lenient where nothing is lost: no `comments` table means no drafts, a missing
/// `response` is empty, a missing `status` is open or drafted by the response, and
/// unknown keys are ignored (and kept on save).
pub(crate) fn read_drafts(root: &Table) -> Result<Drafts, ShapeError> {
    let mut drafts = Drafts::default();
    let Some((comments_key, comments)) = root.get_key_value(COMMENTS) else {
        return Ok(drafts);
    };
    let comments = comments.as_table_like().ok_or_else(|| {
        ShapeError::new(
            comments.span().or_else(|| comments_key.span()),
            "`comments` must be a table of comments",
        )
    })?;
    for (number, item) in comments.iter() {
        let key_span = comments.get_key_value(number).and_then(|(k, _)| k.span());
        let entry = item.as_table_like().ok_or_else(|| {
            ShapeError::new(
                item.span().or(key_span.clone()),
                format!("comment {number:?} must be a table"),
            )
        })?;
        let response = match entry.get(RESPONSE) {
            None => String::new(),
            Some(item) => item.as_str().map(str::to_owned).ok_or_else(|| {
                ShapeError::new(
                    item.span().or(key_span.clone()),
                    format!("comment {number:?}: `response` must be a string"),
                )
            })?,
        };
        let status = match entry.get(STATUS) {
            None => Status::implied_by(&response),
            Some(item) => {
                let span = item.span().or(key_span.clone());
                let word = item.as_str().ok_or_else(|| {
                    ShapeError::new(
                        span.clone(),
                        format!("comment {number:?}: `status` must be a string"),
                    )
                })?;
                word.parse::<Status>()
                    .map_err(|e| ShapeError::new(span, format!("comment {number:?}: {e}")))?
            }
        };
        let flag = |key: &str| -> Result<Option<bool>, ShapeError> {
            match entry.get(key) {
                None => Ok(None),
                Some(item) => item.as_bool().map(Some).ok_or_else(|| {
                    ShapeError::new(
                        item.span().or(key_span.clone()),
                        format!("comment {number:?}: `{key}` must be true or false"),
                    )
                }),
            }
        };
        let marks = Marks {
            no_response: flag(NO_RESPONSE)?,
            confidential: flag(CONFIDENTIAL)?.unwrap_or(false),
        };
        let owner = match entry.get(OWNER) {
            None => None,
            Some(item) => Some(item.as_str().map(str::to_owned).ok_or_else(|| {
                ShapeError::new(
                    item.span().or(key_span.clone()),
                    format!("comment {number:?}: `owner` must be a string"),
                )
            })?),
        };
        drafts.comments.push(CommentDraft {
            number: number.to_owned(),
            status,
            response,
            marks,
            owner,
        });
    }
    Ok(drafts)
}

// ---------------------------------------------------------------------------
// Writing
// ---------------------------------------------------------------------------

/// Applies `drafts` onto `doc`, changing only what differs: values equal to the
/// drafts are left untouched with their formatting and comments, a replaced value
/// keeps the old value's decor (and so a trailing `# comment`), and comments the
/// document lacks are appended as new `[comments."N"]` tables at the end, in the
/// drafts' order. Tables the drafts lack are left as they are (never dropped).
pub(crate) fn apply_drafts(doc: &mut DocumentMut, drafts: &Drafts) -> Result<(), String> {
    let mut next_position = max_position(doc.as_table()).map_or(0, |p| p + 1);
    let doc_is_empty =
        doc.as_table().is_empty() && doc.trailing().as_str().is_none_or(|t| t.trim().is_empty());
    let root = doc.as_table_mut();
    if !root.contains_key(COMMENTS) {
        let mut comments = Table::new();
        comments.set_implicit(true);
        root.insert(COMMENTS, Item::Table(comments));
    }
    let comments_item = root.get_mut(COMMENTS).expect("just ensured");
    let mut first_new = doc_is_empty;
    for draft in &drafts.comments {
        let status = draft.status.as_str();
        let existing = match comments_item.as_table_like_mut() {
            Some(table) => table.get_mut(&draft.number),
            None => return Err("`comments` is not a table".to_owned()),
        };
        if let Some(entry) = existing {
            let entry = entry
                .as_table_like_mut()
                .ok_or_else(|| format!("comment {:?} is not a table", draft.number))?;
            set_string(entry, STATUS, status, || Value::from(status));
            set_string(entry, RESPONSE, &draft.response, || {
                response_value(&draft.response)
            });
            match &draft.owner {
                Some(owner) => set_string(entry, OWNER, owner, || Value::from(owner.as_str())),
                None => {
                    entry.remove(OWNER);
                }
            }
            continue;
        }
        match comments_item {
            Item::Table(table) => {
                let mut t = Table::new();
                t.set_position(Some(next_position));
                next_position += 1;
                if !first_new {
                    t.decor_mut().set_prefix("\n");
                }
                first_new = false;
                t.insert(STATUS, Item::Value(Value::from(status)));
                if let Some(owner) = &draft.owner {
                    t.insert(OWNER, Item::Value(Value::from(owner.as_str())));
                }
                t.insert(RESPONSE, Item::Value(response_value(&draft.response)));
                table.insert_formatted(&number_key(&draft.number), Item::Table(t));
            }
            Item::Value(Value::InlineTable(table)) => {
                let mut t = InlineTable::new();
                t.insert(STATUS, Value::from(status));
                if let Some(owner) = &draft.owner {
                    t.insert(OWNER, Value::from(owner.as_str()));
                }
                t.insert(RESPONSE, response_value(&draft.response));
                table.insert_formatted(&number_key(&draft.number), Value::InlineTable(t));
            }
            _ => return Err("`comments` is not a table".to_owned()),
        }
    }
    Ok(())
}

/// Sets string `key` of `entry` to `text` unless it already is; a replaced value keeps
/// the old value's decor (spacing and trailing comment).
fn set_string(entry: &mut dyn TableLike, key: &str, text: &str, make: impl FnOnce() -> Value) {
    match entry.get_mut(key) {
        Some(Item::Value(old)) if old.as_str() == Some(text) => {}
        Some(slot) => {
            let mut value = make();
            if let Item::Value(old) = slot {
                *value.decor_mut() = old.decor().clone();
            }
            *slot = Item::Value(value);
        }
        None => {
            entry.insert(key, Item::Value(make()));
        }
    }
}

/// The largest table position in the document, so new tables go after everything.
fn max_position(table: &Table) -> Option<isize> {
    let mut max = table.position();
    for (_, item) in table.iter() {
        let nested = match item {
            Item::Table(t) => max_position(t),
            Item::ArrayOfTables(a) => a.iter().filter_map(max_position).max(),
            _ => None,
        };
        max = max.max(nested);
    }
    max
}

#[cfg(test)]
#[path = "format_tests.rs"]
mod tests;
