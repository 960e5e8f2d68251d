//! Another program writing a drafts file (a script, a teammate's `git pull`): it loads
//! the TOML, sets one comment and writes the whole file back in its own formatting.

#![allow(dead_code)]

/// `text` with comment `number` set to `status` and `response`, formatted by the `toml`
/// crate rather than by letterdesk.
pub fn set_comment(text: &str, number: &str, status: &str, response: &str) -> String {
    let mut doc: toml::Table = toml::from_str(text).expect("the drafts file parses");
    let comments = doc
        .entry("comments")
        .or_insert_with(|| toml::Value::Table(toml::Table::new()))
        .as_table_mut()
        .unwrap();
    let mut entry = toml::Table::new();
    entry.insert("status".into(), status.into());
    entry.insert("response".into(), response.into());
    comments.insert(number.into(), toml::Value::Table(entry));
    toml::to_string(&doc).unwrap()
}

/// Rewrite the drafts file at `path` with comment `number` set as [`set_comment`] does.
pub fn write_comment(path: &std::path::Path, number: &str, status: &str, response: &str) {
    let text = std::fs::read_to_string(path).expect("the drafts file reads");
    let text = set_comment(&text, number, status, response);
    std::fs::write(path, text).expect("the drafts file writes");
}
