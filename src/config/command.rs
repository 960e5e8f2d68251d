//! The commands a key binding can run, declared once: each with its name in the config
//! file (`run = "export docx"`), the older names it still answers to, and what it does.
//! The keymap, the help and (later) the command line all read this one table.

use serde::Deserialize;

use crate::export::Format;

/// Declares [`Command`] and its table of names ([`Command::ALL`]).
macro_rules! commands {
    ($($(#[$doc:meta])* $variant:ident = $name:literal $(| $alias:literal)*;)+) => {
        /// What a binding runs. Its names are in [`Command::ALL`].
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Command {
            $($(#[$doc])* $variant,)+
            /// Write the response letter in a format, in the export prompt or at once:
            /// `export markdown`, `export docx`, … (one for each [`Format`], named by it).
            ExportAs(Format),
        }

        impl Command {
            /// Every command with its name and the older names it also answers to, in
            /// declaration order; the export commands are named by their formats
            /// ([`Command::ExportAs`]).
            pub const ALL: &'static [(Command, &'static str, &'static [&'static str])] =
                &[$((Command::$variant, $name, &[$($alias),*])),+];
        }
    };
}

commands! {
    /// Focus the next pane.
    NextPane = "next_pane";
    /// Focus the previous pane.
    PrevPane = "prev_pane";
    /// Next letter or comment; cursor down in the editor; scroll the help down.
    Down = "down";
    /// Previous letter or comment; cursor up in the editor; scroll the help up.
    Up = "up";
    /// First letter or comment; top of the draft.
    First = "first";
    /// Last letter or comment; bottom of the draft.
    Last = "last";
    /// A page further.
    PageDown = "page_down";
    /// A page back.
    PageUp = "page_up";
    /// Open the selected letter.
    Open = "open";
    /// Edit the selected comment's draft.
    Edit = "edit";
    /// Leave the editor.
    Leave = "leave";
    /// Mark the selected comment resolved, or reopen it.
    ToggleResolved = "toggle_resolved";
    /// Next comment that is not resolved.
    NextOpen = "next_open";
    /// Previous comment that is not resolved.
    PrevOpen = "prev_open";
    /// Cycle the comment filter: all, open, drafted, resolved.
    Filter = "filter";
    /// Start a search in the letter's comments and drafts.
    Search = "search";
    /// Next search hit.
    SearchNext = "search_next";
    /// Previous search hit.
    SearchPrev = "search_prev";
    /// Save the drafts now.
    Save = "save" | "w";
    /// Show or hide the help.
    Help = "help";
    /// Quit (saving first).
    Quit = "quit" | "q";
    /// Save the drafts, then quit.
    SaveQuit = "save_quit" | "wq" | "x";
    /// Save and quit from anywhere.
    ForceQuit = "force_quit";
    /// Editor: cursor left.
    Left = "left";
    /// Editor: cursor right.
    Right = "right";
    /// Editor: a word back.
    WordLeft = "word_left";
    /// Editor: a word forward.
    WordRight = "word_right";
    /// Editor: start of the line.
    LineStart = "line_start";
    /// Editor: end of the line.
    LineEnd = "line_end";
    /// Editor: undo.
    Undo = "undo";
    /// Editor: redo.
    Redo = "redo";
    /// Editor: delete the word before the cursor.
    DeleteWord = "delete_word";
    /// Editor: delete from the cursor to the end of the line (at its end, the line break).
    DeleteToLineEnd = "delete_to_line_end";
    /// Editor: delete from the start of the line to the cursor.
    DeleteToLineStart = "delete_to_line_start";
    /// Editor: delete the word after the cursor.
    DeleteWordForward = "delete_word_forward";
    /// Editor: insert spaces to the next tab stop.
    Indent = "indent";
    /// Editor: remove up to a tab stop of spaces from the start of the line.
    Outdent = "outdent";
    /// Editor: extend the selection a character left.
    SelectLeft = "select_left";
    /// Editor: extend the selection a character right.
    SelectRight = "select_right";
    /// Editor: extend the selection a row up.
    SelectUp = "select_up";
    /// Editor: extend the selection a row down.
    SelectDown = "select_down";
    /// Editor: extend the selection a word back.
    SelectWordLeft = "select_word_left";
    /// Editor: extend the selection a word forward.
    SelectWordRight = "select_word_right";
    /// Editor: extend the selection to the start of the line.
    SelectLineStart = "select_line_start";
    /// Editor: extend the selection to the end of the line.
    SelectLineEnd = "select_line_end";
    /// Editor: select the whole draft.
    SelectAll = "select_all";
    /// Editor: cut the selection (to the register and the system clipboard).
    Cut = "cut";
    /// Editor: copy the selection (to the register and the system clipboard).
    Copy = "copy";
    /// Editor: paste the register.
    Paste = "paste";
    /// Comments: copy the selected comment's text to the clipboard.
    CopyComment = "copy_comment";
    /// Comments: copy the selected comment's response to the clipboard.
    CopyResponse = "copy_response";
    /// Comments: open the draft in `$VISUAL` or `$EDITOR`.
    ExternalEdit = "external_edit";
    /// Editor: add the word at the cursor to the personal word list.
    AddWord = "add_word";
    /// Show the conflict of the selected comment (changed here and on disk).
    ShowConflict = "show_conflict";
    /// Conflict: keep the workspace's version.
    KeepMine = "keep_mine";
    /// Conflict: take the version on disk.
    TakeTheirs = "take_theirs";
    /// Conflict: keep both texts, mine first.
    KeepBoth = "keep_both";
    /// Recovery: put the journalled text back into the draft.
    Recover = "recover";
    /// Recovery: delete the journal entry.
    Discard = "discard";
    /// Close the dialog, deciding later (nothing is lost).
    Later = "later";
    /// Show the recovery dialog again.
    ShowRecovery = "show_recovery";
    /// Open the export prompt: write the response letter in a chosen format.
    Export = "export";
    /// Export prompt: the highlighted format.
    ExportChosen = "export_chosen";
    /// Search prompt: run the search typed.
    SearchSubmit = "search_submit";
    /// Search prompt: close it without searching.
    SearchCancel = "search_cancel";
    /// Search prompt: delete the last character typed.
    SearchBackspace = "search_backspace";
    /// Open the command line (`:`), where commands are typed by name.
    CommandLine = "command_line";
    /// Command line: run what was typed.
    CommandSubmit = "command_submit";
    /// Command line: close it without running anything.
    CommandCancel = "command_cancel";
    /// Command line: delete the last character typed.
    CommandBackspace = "command_backspace";
    /// Command line: complete the command's name (again: the next candidate).
    Complete = "complete";
    /// Half a page further.
    HalfPageDown = "half_page_down";
    /// Half a page back.
    HalfPageUp = "half_page_up";
    /// Comments: put the selected comment in the middle of the pane.
    Center = "center";
    /// Widen the focused pane to the whole width, or back.
    Zoom = "zoom";
    /// Letters: filter the list by company, form, file number or file name as you type.
    FindLetter = "find_letter";
    /// Letters: sort by the next order (due, date, company).
    Sort = "sort";
    /// Letters: the response due first (letters that await none last).
    SortDue = "sort due";
    /// Letters: newest first.
    SortDate = "sort date";
    /// Letters: by company.
    SortCompany = "sort company";
    /// Comments: list every comment.
    FilterAll = "filter all";
    /// Comments: list the comments with nothing drafted.
    FilterOpen = "filter open";
    /// Comments: list the comments drafted but not resolved.
    FilterDrafted = "filter drafted";
    /// Comments: list the resolved comments.
    FilterResolved = "filter resolved";
    /// Comments: list the comments you own.
    FilterMine = "filter mine";
    /// Comments: make the selected comment yours (again: nobody's).
    Own = "own";
    /// Show the recent status messages in full.
    Messages = "messages";
    /// Letters: show the reviews as a tree (each review, its rounds under it), or the
    /// flat list again.
    ReviewTree = "review_tree";
    /// Letters: fold or unfold the review under the cursor (in the tree).
    Fold = "fold";
    /// Comments: show the comment a reference of the selected comment cites ("prior
    /// comment 2"), with its answer; again: the next reference.
    FollowReference = "follow_reference";
    /// Comments: show the whole letter as written, or the comments again.
    Reader = "reader";
    /// Comments: fill the empty drafts with the answers the review's response letter
    /// filed (a draft that differs is left and listed).
    ImportFiled = "import";
    /// Question: yes (the question's first choice).
    Yes = "yes";
    /// Question: no.
    No = "no";
    /// Show precedent: the comments of other letters most like the selected one, with
    /// the answers given.
    Precedent = "precedent";
    /// Precedent: put the selected answer into the draft as a quotation, to edit.
    QuoteAnswer = "quote_answer";
}

impl Command {
    /// The command's name, as written in the config file.
    pub fn name(self) -> &'static str {
        if let Command::ExportAs(format) = self {
            return format.command();
        }
        Command::ALL
            .iter()
            .find(|(command, ..)| *command == self)
            .map_or("", |(_, name, _)| name)
    }

    /// Every command's name: the table's, then one export command per format.
    pub fn names() -> impl Iterator<Item = (Command, &'static str)> {
        Command::ALL
            .iter()
            .map(|(command, name, _)| (*command, *name))
            .chain(Format::ALL.map(|f| (Command::ExportAs(f), f.command())))
    }

    /// The command `text` names: its name or an older one, with any run of spaces
    /// between its words taken as one.
    pub fn from_name(text: &str) -> Option<Command> {
        let words: Vec<&str> = text.split_whitespace().collect();
        let text = words.join(" ");
        Command::ALL
            .iter()
            .find(|(_, name, aliases)| *name == text || aliases.contains(&text.as_str()))
            .map(|(command, ..)| *command)
            .or_else(|| Format::of_command(&text).map(Command::ExportAs))
    }
}

impl<'de> Deserialize<'de> for Command {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Command::from_name(&text).ok_or_else(|| {
            static NAMES: std::sync::OnceLock<Vec<&'static str>> = std::sync::OnceLock::new();
            let names = NAMES.get_or_init(|| Command::names().map(|(_, n)| n).collect());
            serde::de::Error::unknown_variant(&text, names)
        })
    }
}

impl Command {
    /// Whether it moves through a list or scrolls (down, up, a page, first, last).
    pub fn scrolls(self) -> bool {
        matches!(
            self,
            Command::Down
                | Command::Up
                | Command::PageDown
                | Command::PageUp
                | Command::HalfPageDown
                | Command::HalfPageUp
                | Command::First
                | Command::Last
        )
    }

    /// Whether the command line offers it by name: not the keys of a dialog or prompt,
    /// nor the editor's own.
    pub fn typed(self) -> bool {
        !self.is_editing()
            && !matches!(
                self,
                Command::KeepMine
                    | Command::TakeTheirs
                    | Command::KeepBoth
                    | Command::Recover
                    | Command::Discard
                    | Command::Later
                    | Command::ExportChosen
                    | Command::SearchSubmit
                    | Command::SearchCancel
                    | Command::SearchBackspace
                    | Command::CommandLine
                    | Command::CommandSubmit
                    | Command::CommandCancel
                    | Command::CommandBackspace
                    | Command::Complete
                    | Command::Yes
                    | Command::No
                    | Command::Leave
            )
    }

    /// Whether it writes or marks the selected comment's draft, or the letter's response
    /// (editing, resolving, owning, the filed answers imported, the export): nothing a
    /// company's response letter, which is read and not answered, takes.
    pub fn answers(self) -> bool {
        matches!(
            self,
            Command::Edit
                | Command::ToggleResolved
                | Command::NextOpen
                | Command::PrevOpen
                | Command::Own
                | Command::ExternalEdit
                | Command::ImportFiled
                | Command::Export
                | Command::ExportAs(_)
        )
    }

    /// Whether it moves among, reads or answers the comments of the Comments pane: a
    /// letter with none (a closing letter, a company's request for more time) offers
    /// nothing to it, while its reader view and the way back do.
    pub fn needs_a_comment(self) -> bool {
        let moves_or_reads = matches!(
            self,
            Command::Down
                | Command::Up
                | Command::First
                | Command::Last
                | Command::PageDown
                | Command::PageUp
                | Command::HalfPageDown
                | Command::HalfPageUp
                | Command::Center
                | Command::Filter
                | Command::Search
                | Command::SearchNext
                | Command::SearchPrev
                | Command::FollowReference
                | Command::Precedent
                | Command::CopyComment
                | Command::CopyResponse
        );
        (moves_or_reads || self.answers())
            && !matches!(self, Command::Export | Command::ExportAs(_))
    }

    /// Whether it is one of the editor's own commands (cursor moves and edits), which
    /// mean nothing outside the Draft pane.
    pub fn is_editing(self) -> bool {
        self.changes_text()
            || matches!(
                self,
                Command::Left
                    | Command::Right
                    | Command::WordLeft
                    | Command::WordRight
                    | Command::LineStart
                    | Command::LineEnd
                    | Command::SelectLeft
                    | Command::SelectRight
                    | Command::SelectUp
                    | Command::SelectDown
                    | Command::SelectWordLeft
                    | Command::SelectWordRight
                    | Command::SelectLineStart
                    | Command::SelectLineEnd
                    | Command::SelectAll
                    | Command::Copy
            )
    }

    /// Whether it is an edit of the draft's text (undone and redone ones included):
    /// nothing a read-only draft allows.
    pub fn changes_text(self) -> bool {
        matches!(
            self,
            Command::Undo
                | Command::Redo
                | Command::DeleteWord
                | Command::DeleteToLineEnd
                | Command::DeleteToLineStart
                | Command::DeleteWordForward
                | Command::Indent
                | Command::Outdent
                | Command::Cut
                | Command::Paste
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_command_has_one_name_and_names_are_unique() {
        let mut seen = std::collections::HashSet::new();
        for (command, name, aliases) in Command::ALL {
            assert_eq!(Command::from_name(name), Some(*command));
            assert_eq!(command.name(), *name);
            for alias in aliases.iter().chain([name]) {
                assert!(seen.insert(*alias), "{alias} twice");
            }
        }
    }

    #[test]
    fn commands_take_arguments_and_old_names_still_work() {
        assert_eq!(
            Command::from_name("export docx"),
            Some(Command::ExportAs(Format::Docx))
        );
        assert_eq!(
            Command::from_name("  export   docx "),
            Some(Command::ExportAs(Format::Docx))
        );
        assert_eq!(
            Command::from_name("export_docx"),
            Some(Command::ExportAs(Format::Docx))
        );
        assert_eq!(Command::from_name("export"), Some(Command::Export));
        assert_eq!(Command::from_name("export pdf"), None);
    }
}
