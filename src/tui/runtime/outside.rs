//! A draft edited in the user's own editor (`$VISUAL`, else `$EDITOR`, else `vi`): the
//! text goes to a private temporary file, the editor runs on it with the terminal, and
//! what it leaves there comes back. The terminal around it is `terminal`'s business.

use std::io::Write;
use std::path::Path;
use std::process::Command;

use crate::disk::read_regular_file;

/// The largest draft read back from the editor's file.
const MAX_BYTES: u64 = 64 * 1024 * 1024;

/// The editor command in effect: `$VISUAL`, else `$EDITOR`, else `vi`. It is run by the
/// shell, so `code --wait` or `emacsclient -t` work as they do for git.
pub fn editor_command(visual: Option<&str>, editor: Option<&str>) -> String {
    [visual, editor]
        .into_iter()
        .flatten()
        .map(str::trim)
        .find(|c| !c.is_empty())
        .unwrap_or("vi")
        .to_owned()
}

/// Let `command` edit `text` (in a file named after comment `number`) and give back
/// the new text: `None` when the editor left it as it was. An editor that cannot be
/// started or exits with an error changes nothing and is said in the `Err`.
///
/// The file ends with a line break (editors add one); the text that comes back loses
/// that one again when `text` had none.
pub fn edit_text(command: &str, number: &str, text: &str) -> Result<Option<String>, String> {
    let safe: String = number
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    let mut file = tempfile::Builder::new()
        .prefix(&format!("letterdesk-comment-{safe}-"))
        .suffix(".txt")
        .tempfile()
        .map_err(|e| format!("no temporary file for the editor: {e}"))?;
    let written = if text.ends_with('\n') {
        text.to_owned()
    } else {
        format!("{text}\n")
    };
    file.write_all(written.as_bytes())
        .and_then(|()| file.flush())
        .map_err(|e| format!("no temporary file for the editor: {e}"))?;
    let status = Command::new("sh")
        .arg("-c")
        .arg(format!("{command} \"$1\""))
        .arg("sh")
        .arg(file.path())
        .status()
        .map_err(|e| format!("the editor `{command}` did not start: {e}"))?;
    if !status.success() {
        return Err(format!(
            "the editor `{command}` ended with {status}; the draft is unchanged"
        ));
    }
    let back = read_back(file.path())?;
    let back = match back.strip_suffix('\n') {
        Some(trimmed) if !text.ends_with('\n') => trimmed.to_owned(),
        _ => back,
    }
    .replace("\r\n", "\n");
    Ok((back != text).then_some(back))
}

/// The editor's file as text (an editor may have replaced it with a new file).
fn read_back(path: &Path) -> Result<String, String> {
    let bytes = read_regular_file(path, MAX_BYTES)
        .map_err(|e| format!("the edited draft could not be read back: {e}"))?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_command_is_visual_then_editor_then_vi() {
        assert_eq!(editor_command(Some("nano"), Some("vim")), "nano");
        assert_eq!(
            editor_command(Some(" "), Some("vim -u NONE")),
            "vim -u NONE"
        );
        assert_eq!(editor_command(None, None), "vi");
    }

    #[test]
    fn the_text_comes_back_changed_unchanged_or_not_at_all() {
        let appended = edit_text("f() { echo 'A new line.' >> \"$1\"; }; f", "3(a)", "Old.");
        assert_eq!(appended, Ok(Some("Old.\nA new line.".to_owned())));
        assert_eq!(edit_text("true", "1", "Same."), Ok(None));
        assert_eq!(edit_text("true", "1", "Ends with a break.\n"), Ok(None));
        let failed = edit_text("f() { echo x > \"$1\"; exit 3; }; f", "1", "Kept.");
        assert!(failed.unwrap_err().contains("the draft is unchanged"));
        let replaced = edit_text(
            "f() { printf 'New' > \"$1.tmp\"; mv \"$1.tmp\" \"$1\"; }; f",
            "2",
            "Old",
        );
        assert_eq!(replaced, Ok(Some("New".to_owned())));
    }
}
