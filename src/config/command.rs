//! The commands a key binding can run: the `run` names of the keymap.

use serde::Deserialize;

/// What a binding runs: the `run` names of the keymap.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Command {
    /// Focus the next pane.
    NextPane,
    /// Focus the previous pane.
    PrevPane,
    /// Next letter or comment; cursor down in the editor; scroll the help down.
    Down,
    /// Previous letter or comment; cursor up in the editor; scroll the help up.
    Up,
    /// First letter or comment; top of the draft.
    First,
    /// Last letter or comment; bottom of the draft.
    Last,
    /// A page further.
    PageDown,
    /// A page back.
    PageUp,
    /// Open the selected letter.
    Open,
    /// Edit the selected comment's draft.
    Edit,
    /// Leave the editor.
    Leave,
    /// Mark the selected comment resolved, or reopen it.
    ToggleResolved,
    /// Next comment that is not resolved.
    NextOpen,
    /// Previous comment that is not resolved.
    PrevOpen,
    /// Cycle the comment filter: all, open, drafted, resolved.
    Filter,
    /// Start a search in the letter's comments and drafts.
    Search,
    /// Next search hit.
    SearchNext,
    /// Previous search hit.
    SearchPrev,
    /// Save the drafts now.
    Save,
    /// Show or hide the help.
    Help,
    /// Quit (saving first).
    Quit,
    /// Save and quit from anywhere.
    ForceQuit,
    /// Editor: cursor left.
    Left,
    /// Editor: cursor right.
    Right,
    /// Editor: a word back.
    WordLeft,
    /// Editor: a word forward.
    WordRight,
    /// Editor: start of the line.
    LineStart,
    /// Editor: end of the line.
    LineEnd,
    /// Editor: undo.
    Undo,
    /// Editor: redo.
    Redo,
    /// Editor: delete the word before the cursor.
    DeleteWord,
    /// Editor: delete from the cursor to the end of the line (at its end, the line break).
    DeleteToLineEnd,
    /// Editor: delete from the start of the line to the cursor.
    DeleteToLineStart,
    /// Editor: delete the word after the cursor.
    DeleteWordForward,
    /// Editor: insert spaces to the next tab stop.
    Indent,
    /// Editor: remove up to a tab stop of spaces from the start of the line.
    Outdent,
    /// Editor: extend the selection a character left.
    SelectLeft,
    /// Editor: extend the selection a character right.
    SelectRight,
    /// Editor: extend the selection a row up.
    SelectUp,
    /// Editor: extend the selection a row down.
    SelectDown,
    /// Editor: extend the selection a word back.
    SelectWordLeft,
    /// Editor: extend the selection a word forward.
    SelectWordRight,
    /// Editor: extend the selection to the start of the line.
    SelectLineStart,
    /// Editor: extend the selection to the end of the line.
    SelectLineEnd,
    /// Editor: select the whole draft.
    SelectAll,
    /// Editor: cut the selection (to the register and the system clipboard).
    Cut,
    /// Editor: copy the selection (to the register and the system clipboard).
    Copy,
    /// Editor: paste the register.
    Paste,
    /// Comments: copy the selected comment's text to the clipboard.
    CopyComment,
    /// Comments: copy the selected comment's response to the clipboard.
    CopyResponse,
    /// Comments: open the draft in `$VISUAL` or `$EDITOR`.
    ExternalEdit,
    /// Show the conflict of the selected comment (changed here and on disk).
    ShowConflict,
    /// Conflict: keep the workspace's version.
    KeepMine,
    /// Conflict: take the version on disk.
    TakeTheirs,
    /// Conflict: keep both texts, mine first.
    KeepBoth,
    /// Recovery: put the journalled text back into the draft.
    Recover,
    /// Recovery: delete the journal entry.
    Discard,
    /// Close the dialog, deciding later (nothing is lost).
    Later,
    /// Show the recovery dialog again.
    ShowRecovery,
    /// Open the export prompt: write the response letter in a chosen format.
    Export,
    /// Export prompt: Markdown.
    ExportMarkdown,
    /// Export prompt: plain text.
    ExportText,
    /// Export prompt: HTML.
    ExportHtml,
    /// Export prompt: Word document.
    ExportDocx,
    /// Export prompt: the highlighted format.
    ExportChosen,
}
