//! Reading only the statuses of a drafts file, for lists of many letters (`status`, the
//! workspace's Letters pane): the same checks as [`parse_bytes`], without building the
//! editable document that saving needs.

use std::borrow::Cow;
use std::collections::HashMap;
use std::path::Path;

use serde::Deserialize;

use super::error::DraftsError;
use super::markers::find_conflict_marker;
use super::model::Status;
use super::own_layout::statuses_in_own_layout;
use super::store::parse_bytes;

/// The status of each comment in the bytes of a drafts file (`path` only names the file
/// in errors). Agrees with [`parse_bytes`] on every input: the same statuses when the
/// file can be used, the same error (with its line) when it cannot.
pub fn read_statuses(path: &Path, bytes: &[u8]) -> Result<HashMap<String, Status>, DraftsError> {
    match quick(bytes) {
        Some(statuses) => Ok(statuses),
        // Not usable as it is: the full reader says why, and where.
        None => parse_bytes(path, bytes).map(|drafts| {
            drafts
                .comments
                .into_iter()
                .map(|c| (c.number, c.status))
                .collect()
        }),
    }
}

/// The statuses of a well-formed drafts file: read line by line when it is in the
/// layout letterdesk writes, else through serde (no document with spans and
/// formatting); `None` for anything the full reader would reject.
fn quick(bytes: &[u8]) -> Option<HashMap<String, Status>> {
    #[derive(Deserialize)]
    struct File<'a> {
        #[serde(borrow)]
        comments: Option<HashMap<String, Entry<'a>>>,
    }
    // Borrowed from the text where no escapes need decoding: most responses are
    // long, and only their emptiness matters here.
    #[derive(Deserialize)]
    struct Entry<'a> {
        #[serde(borrow)]
        status: Option<Cow<'a, str>>,
        #[serde(borrow)]
        response: Option<Cow<'a, str>>,
    }
    let text = std::str::from_utf8(bytes).ok()?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if find_conflict_marker(text).is_some() {
        return None;
    }
    if let Some(statuses) = statuses_in_own_layout(text) {
        return Some(statuses);
    }
    let file: File = toml::from_str(text).ok()?;
    file.comments
        .unwrap_or_default()
        .into_iter()
        .map(|(number, entry)| {
            let response = entry.response.as_deref().unwrap_or_default();
            let status = match entry.status {
                Some(word) => word.parse().ok()?,
                None => Status::implied_by(response),
            };
            Some((number, status))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::drafts::own_layout::statuses_in_own_layout;
    use proptest::prelude::*;

    fn full(bytes: &[u8]) -> Result<HashMap<String, Status>, String> {
        parse_bytes(Path::new("d.toml"), bytes)
            .map(|d| {
                d.comments
                    .into_iter()
                    .map(|c| (c.number, c.status))
                    .collect()
            })
            .map_err(|e| e.to_string())
    }

    fn light(bytes: &[u8]) -> Result<HashMap<String, Status>, String> {
        read_statuses(Path::new("d.toml"), bytes).map_err(|e| e.to_string())
    }

    #[test]
    fn agrees_with_the_full_reader() {
        let files = [
            "",
            "[comments.\"1\"]\nstatus = \"resolved\"\nresponse = \"\"\"\nDone.\"\"\"\n",
            "[comments.\"1\"]\nresponse = \"x\"\n[comments.\"2\"]\nresponse = \"  \"\n[comments.\"3\"]\n",
            "[comments]\n\"1\" = { status = \"drafted\", fingerprint = \"xxh3:0\" }\n",
            "\u{feff}[comments.\"2(a)\"]\nstatus = \"open\"\n",
            "comments = 3\n",
            "[comments.\"1\"]\nstatus = 3\n",
            "[comments.\"1\"]\nstatus = \"maybe\"\n",
            "[comments.\"1\"]\nresponse = 4\n",
            "[comments]\n\"1\" = 5\n",
            "[comments.\"1\"\n",
            "<<<<<<< ours\n[comments.\"1\"]\n=======\n>>>>>>> theirs\n",
            "title = \"x\"\n[other]\na = 1\n",
        ];
        for file in files {
            assert_eq!(light(file.as_bytes()), full(file.as_bytes()), "{file:?}");
        }
        assert_eq!(light(b"\xff\xfe"), full(b"\xff\xfe"));
    }

    proptest! {
        #[test]
        fn agrees_on_any_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
            prop_assert_eq!(light(&bytes), full(&bytes));
        }

        #[test]
        fn agrees_on_drafts_like_text(
            lines in proptest::collection::vec(
                prop_oneof![
                    Just("[comments.\"1\"]".to_string()),
                    Just("[comments.\"2\"]".to_string()),
                    Just("[comments]".to_string()),
                    Just("status = \"drafted\"".to_string()),
                    Just("status = \"resolved\"".to_string()),
                    Just("status = \"nope\"".to_string()),
                    Just("response = \"\"\"\nText.\"\"\"".to_string()),
                    Just("response = ''".to_string()),
                    Just("\"3\" = { response = \"a\" }".to_string()),
                    Just("=======".to_string()),
                    Just("response = \"\"\"".to_string()),
                    Just("response = '''".to_string()),
                    Just("fingerprint = \"xxh3:0f\"".to_string()),
                    Just("\"\"\"".to_string()),
                    Just("'''".to_string()),
                    Just("Text with \"\" two quotes.\"\"\"".to_string()),
                    Just("A \\\"b\\\" c\tand\u{7f}.\"\"\"\"".to_string()),
                    Just("Can't.'''".to_string()),
                    "[a-z\" =\\[\\]{}.,0-9]{0,20}",
                ],
                0..8,
            )
        ) {
            let text = lines.join("\n");
            prop_assert_eq!(light(text.as_bytes()), full(text.as_bytes()));
        }

        /// Drafts files as letterdesk saves them are read line by line, and agree.
        #[test]
        fn saved_files_are_read_in_own_layout(
            responses in proptest::collection::vec("[A-Za-z0-9 .,;:'\"()\n\t\\\\]{0,60}", 1..6),
            resolved in proptest::collection::vec(any::<bool>(), 6),
        ) {
            let dir = tempfile::tempdir().unwrap();
            let path = dir.path().join("l.responses.toml");
            let numbers: Vec<String> = (1..=responses.len()).map(|n| n.to_string()).collect();
            let mut drafts = crate::drafts::Drafts::for_comments(&numbers);
            for ((number, response), resolve) in numbers.iter().zip(&responses).zip(&resolved) {
                drafts.set_response(number, response.clone());
                if *resolve {
                    drafts.toggle_resolved(number);
                }
            }
            crate::drafts::save(&path, &drafts, None).unwrap();
            let bytes = std::fs::read(&path).unwrap();
            let text = std::str::from_utf8(&bytes).unwrap();
            let expected = full(&bytes).unwrap();
            prop_assert_eq!(light(&bytes).unwrap(), expected.clone());
            // Escapes (a backslash, a quote at the end) leave it to the TOML reader.
            let plain = responses.iter().all(|r| !r.contains('\\') && !r.ends_with('"') && !r.contains("\"\"\""));
            if plain {
                prop_assert_eq!(statuses_in_own_layout(text), Some(expected));
            }
        }
    }
}
