//! `update`: the only place the state changes. Pure: disk work goes out as [`Effect`]s.

mod clipboard;
mod comments;
mod dialogs;
pub(crate) mod drafts;
mod editing;
mod exporting;
pub(crate) mod input;
mod letters;
mod outside;
mod precedent;
mod reviews;
mod search;
mod spelling;

use ratatui::layout::Rect;

use crate::config::{Command, Context};
use crate::tui::model::action::{Action, Effect};
use crate::tui::model::entry::Message;
use crate::tui::model::ids::Pane;
use crate::tui::model::layout::{areas, comment_rows, inner};
use crate::tui::model::overlay::Overlay;
use crate::tui::model::state::State;
use input::map_key;

/// Letters with more comment text than this are laid out on the layout worker.
pub const INLINE_LAYOUT_BYTES: usize = 256 * 1024;

/// Apply `action` to `state`; returns the disk work the shell must do.
pub fn update(state: &mut State, action: Action) -> Vec<Effect> {
    let mut fx = match action {
        Action::Key(key) if state.holding_keys() => {
            state.held.push_back(key);
            state.held_since.get_or_insert(state.now);
            Vec::new()
        }
        Action::Key(key) => match map_key(&state.config.keymap, state.mode(), key) {
            Some(action) => update(state, action),
            None => Vec::new(),
        },
        action => apply(state, action),
    };
    // Keys typed while a letter was being opened apply to it once it shows.
    while !state.held.is_empty() && !state.holding_keys() {
        if let Some(key) = state.held.pop_front() {
            fx.extend(update(state, Action::Key(key)));
        }
    }
    if state.held.is_empty() {
        state.held_since = None;
    }
    fx
}

/// [`update`] for everything but keys.
fn apply(state: &mut State, action: Action) -> Vec<Effect> {
    let mut fx = Vec::new();
    match action {
        Action::Key(_) => {}
        Action::Run(command) => run(state, command, &mut fx),
        Action::Type(input) => state.type_input(input),
        Action::Paste(text) => state.paste(&text),
        Action::SearchInput(c) => state.prompt.iter_mut().for_each(|p| p.push(c)),
        Action::SearchBackspace => {
            state.prompt.iter_mut().for_each(|p| {
                p.pop();
            });
        }
        Action::SearchSubmit => search::submit_search(state),
        Action::SearchCancel => state.prompt = None,
        Action::Resize(width, height) => state.size = (width, height),
        Action::Tick(now) => {
            state.now = now;
            state.autosave(&mut fx);
            state.journal_due(&mut fx);
        }
        Action::FilesFound { total } => {
            state.index.total = Some(total);
            if total == 0 {
                state.info("No letters found (looked for .txt and .md files).");
            }
        }
        Action::LetterIndexed { path, listing } => {
            let known = state.by_path.contains_key(&path);
            let id = state.insert_listing(path, *listing);
            if !known {
                state.index.done += 1;
            }
            dialogs::recover_waiting_for(state, id, &mut fx);
            // A letter changed: the reviews shown are grouped again.
            if known && state.reviews.built.is_some() {
                reviews::request(state, &mut fx);
            }
            // The open letter changed on disk: read it again.
            if known && state.open.as_ref().is_some_and(|o| o.id == id) {
                fx.push(Effect::ReadLetter(state.entries[id.0].path.clone()));
            }
        }
        Action::LetterRead { path, letter } => letters::letter_read(state, path, *letter, &mut fx),
        Action::IndexFinished => {
            state.index.finished = true;
            reviews::request(state, &mut fx);
            if state.recover_waiting {
                dialogs::recovery(state, Command::Recover, &mut fx);
            }
        }
        Action::DraftsLoaded { letter, result, .. } => {
            state.drafts_loaded(letter, result, &mut fx);
            if state.entries[letter.0].slot.loaded {
                dialogs::recover_waiting_for(state, letter, &mut fx);
            }
        }
        Action::DraftsOfRenamed { letter, found } => dialogs::ask_reattach(state, letter, found),
        Action::Reattached {
            letter,
            from,
            result,
        } => dialogs::reattached(state, letter, &from, result, &mut fx),
        Action::DiskChanged { letter, result, .. } => state.disk_changed(letter, result, &mut fx),
        Action::Saved {
            letter,
            generation,
            result,
        } => state.saved(letter, generation, result, &mut fx),
        Action::LaidOut { letter, doc } => {
            if let Some(open) = &mut state.open
                && open.id == letter
                && open.pending_width == Some(doc.width)
            {
                open.doc = Some(*doc);
                open.pending_width = None;
                open.follow = true;
            }
        }
        Action::JournalOffers { offers, here } => {
            let n = offers.len();
            let key = state
                .config
                .keymap
                .key_for(Context::Letters, Command::ShowRecovery);
            state.offers = offers;
            // The dialog opens by itself only for this workspace's letters, and not
            // under the user's typing.
            if here > 0 && state.focus != Pane::Draft {
                state.recovering = true;
            } else if here > 0 {
                state.info(format!(
                    "{n} unsaved text(s) found in the journal: press {key} in Letters to see them."
                ));
            } else if n > 0 {
                state.info(format!(
                    "{n} unsaved text(s) in the journal for letters in other folders: press {key} in Letters to see them."
                ));
            }
        }
        Action::JournalFailed(error) => {
            state.journal_failed = true;
            let key = state.config.keymap.key_for(Context::Global, Command::Quit);
            state.error(if state.quit_armed {
                format!(
                    "Press {key} again to quit: it asks where to write unsaved drafts (journal not written: {error})."
                )
            } else {
                format!(
                    "Journal not written: {error}. Unsaved text is only in memory until it is saved."
                )
            });
        }
        Action::FileChanged(path) => letters::file_changed(state, path, &mut fx),
        Action::CommentsChanged { letter, numbers } => {
            if let Some(entry) = state.entries.get_mut(letter.0) {
                entry.slot.changed = numbers;
            }
        }
        Action::Exported { result } => exporting::exported(state, result),
        Action::SpellingLoaded {
            dictionary,
            personal,
        } => state.spelling_loaded(dictionary, personal),
        Action::WordListFailed(error) => state.error(format!(
            "Word list not saved: {}",
            crate::text::sanitize(&error.to_string())
        )),
        Action::EditedOutside {
            letter,
            number,
            result,
        } => state.edited_outside(letter, &number, result),
        Action::ExportEdited {
            letter,
            format,
            path,
            beside,
        } => exporting::ask_overwrite(state, letter, format, &path, &beside),
        Action::PrecedentIndexed(result) => precedent::indexed(state, result),
        Action::PrecedentFound { text, result } => precedent::found(state, &text, result),
        Action::ReviewsBuilt(built) => reviews::built(state, built, &mut fx),
        Action::Terminate(signal) => {
            state.signal = Some(signal);
            state.journal_all_unsaved(&mut fx);
            state.save_all(&mut fx);
            fx.push(Effect::Quit);
            state.quit = true;
        }
    }
    state.sync(&mut fx);
    fx
}

fn run(state: &mut State, command: Command, fx: &mut Vec<Effect>) {
    if state.message.as_ref().is_some_and(|m| !m.error) {
        state.message = None;
    }
    match command {
        Command::ForceQuit => {
            state.save_all(fx);
            fx.push(Effect::Quit);
            state.quit = true;
        }
        Command::Help => state.help = if state.help.is_some() { None } else { Some(0) },
        _ if state.is_open(Overlay::Help) => dialogs::scroll_help(state, command),
        Command::Recover | Command::Discard | Command::Later | Command::Down | Command::Up
            if state.is_open(Overlay::Recovery) =>
        {
            dialogs::recovery(state, command, fx)
        }
        Command::KeepMine | Command::TakeTheirs | Command::KeepBoth | Command::Later
            if state.is_open(Overlay::Conflict) =>
        {
            dialogs::conflict(state, command)
        }
        Command::Yes | Command::No | Command::Later if state.is_open(Overlay::Question) => {
            dialogs::answer(state, command, fx)
        }
        Command::ExportMarkdown
        | Command::ExportText
        | Command::ExportHtml
        | Command::ExportDocx
        | Command::ExportChosen
        | Command::Up
        | Command::Down
        | Command::Later
            if state.is_open(Overlay::Export) =>
        {
            exporting::export_prompt(state, command, fx)
        }
        Command::Down | Command::Up | Command::Open | Command::Leave | Command::QuoteAnswer
            if state.is_open(Overlay::Precedent) =>
        {
            precedent::key(state, command, fx)
        }
        Command::Precedent if state.focus == Pane::Comments => precedent::open(state, fx),
        _ if reviews::run(state, command, fx) => {}
        Command::Export => exporting::open_export(state),
        Command::ExportMarkdown
        | Command::ExportText
        | Command::ExportHtml
        | Command::ExportDocx => {
            // Bound in a pane (`run = "export docx"`): export at once in that format.
            exporting::open_export(state);
            exporting::export_prompt(state, command, fx);
        }
        Command::ShowRecovery if state.offers.is_empty() => {
            state.info("Nothing unsaved in the journal.")
        }
        Command::ShowRecovery => state.recovering = true,
        Command::ShowConflict => dialogs::show_conflict(state),
        Command::Quit => dialogs::quit(state, fx),
        Command::NextPane => state.set_focus(state.focus.next(), fx),
        Command::PrevPane => state.set_focus(state.focus.prev(), fx),
        Command::Save => dialogs::save_now(state, fx),
        Command::Down
        | Command::Up
        | Command::First
        | Command::Last
        | Command::PageDown
        | Command::PageUp => match state.focus {
            Pane::Letters => letters::move_letters(state, command),
            Pane::Comments => comments::move_comments(state, command, fx),
            Pane::Draft => state.edit_command(command, fx),
        },
        Command::Open if state.focus == Pane::Letters => letters::open_letter(state, fx),
        Command::Edit if state.focus == Pane::Comments => comments::edit(state, fx),
        Command::Leave if state.focus == Pane::Draft => state.set_focus(Pane::Comments, fx),
        Command::Leave if state.focus == Pane::Comments => state.focus = Pane::Letters,
        Command::ToggleResolved => comments::toggle_resolved(state),
        Command::NextOpen => comments::next_open(state, true, fx),
        Command::PrevOpen => comments::next_open(state, false, fx),
        Command::Filter => comments::cycle_filter(state, fx),
        Command::Search if state.open.is_some() => state.prompt = Some(String::new()),
        Command::Search => {
            let key = state.config.keymap.key_for(Context::Letters, Command::Open);
            state.info(format!("Open a letter first ({key} in Letters)."))
        }
        Command::SearchNext => search::search_step(state, true, fx),
        Command::SearchPrev => search::search_step(state, false, fx),
        command if command.is_editing() && state.focus == Pane::Draft => {
            state.edit_command(command, fx)
        }
        Command::CopyComment | Command::CopyResponse if state.focus == Pane::Comments => {
            state.copy_comment(command == Command::CopyResponse, fx)
        }
        Command::ExternalEdit if state.focus == Pane::Comments => state.external_edit(fx),
        Command::AddWord if state.focus == Pane::Draft => state.add_word(fx),
        // Dialog keys with their dialog closed, editing keys outside the editor.
        _ => {}
    }
}

impl State {
    /// Show an informational message.
    pub(crate) fn info(&mut self, text: impl Into<String>) {
        self.message = Some(Message {
            text: text.into(),
            error: false,
        });
    }

    /// Show an error message.
    pub(crate) fn error(&mut self, text: impl Into<String>) {
        self.message = Some(Message {
            text: text.into(),
            error: true,
        });
    }

    fn set_focus(&mut self, pane: Pane, fx: &mut Vec<Effect>) {
        if self.focus == Pane::Draft
            && pane != Pane::Draft
            && let Some(id) = self.open.as_ref().map(|o| o.id)
        {
            self.save_if_dirty(id, fx);
        }
        self.focus = pane;
    }

    /// Select another comment of the open letter (saving edits first).
    fn select_comment(&mut self, comment: usize, fx: &mut Vec<Effect>) {
        let Some(open) = &mut self.open else { return };
        if open.selected == Some(comment) {
            return;
        }
        open.selected = Some(comment);
        open.follow = true;
        let id = open.id;
        self.save_if_dirty(id, fx);
        self.load_editor();
    }

    /// Rows inside a pane as currently laid out.
    fn pane_height(&self, pane: Pane) -> usize {
        let area = Rect::new(0, 0, self.size.0, self.size.1);
        let warnings = match pane {
            Pane::Comments => self.open_letter().map_or(0, |l| l.warnings.len()),
            _ => 0,
        };
        areas(area, self.focus)
            .pane(pane)
            .map_or(0, |r| usize::from(comment_rows(r, warnings).height))
    }

    /// Bring derived values in line after a change: scroll positions, the document's
    /// width, the editor's cursor style.
    fn sync(&mut self, fx: &mut Vec<Effect>) {
        let area = Rect::new(0, 0, self.size.0, self.size.1);
        let areas = areas(area, self.focus);
        self.cursor = self.cursor.min(self.order.len().saturating_sub(1));
        if let Some(rect) = areas.letters {
            let height = usize::from(inner(rect).height);
            if height > 0 {
                if self.cursor < self.letters_scroll {
                    self.letters_scroll = self.cursor;
                } else if self.cursor >= self.letters_scroll + height {
                    self.letters_scroll = self.cursor + 1 - height;
                }
                self.letters_scroll = self
                    .letters_scroll
                    .min(self.order.len().saturating_sub(height));
            }
        }
        let visible = self.visible_comments();
        // The filter lists only what it names: a selected comment it no longer admits
        // (resolved under "open", say) gives the selection to its nearest listed neighbour.
        if let Some(selected) = self.open.as_ref().and_then(|o| o.selected)
            && !visible.contains(&selected)
            && let Some(&target) = visible
                .iter()
                .find(|&&i| i > selected)
                .or_else(|| visible.iter().rev().find(|&&i| i < selected))
        {
            self.select_comment(target, fx);
        }
        let mark_width = self.config.marks.width();
        if let (Some(open), Some(rect)) = (&mut self.open, areas.comments)
            && let Some(letter) = &self.entries[open.id.0].letter
        {
            let rect = comment_rows(rect, letter.warnings.len());
            if open.doc.as_ref().is_none_or(|d| d.width != rect.width) {
                let size: usize = letter.comments.iter().map(|c| c.text.len()).sum();
                if size <= INLINE_LAYOUT_BYTES {
                    open.doc = Some(crate::tui::model::document::Document::build(
                        letter, rect.width, mark_width,
                    ));
                    open.follow = true;
                } else if open.pending_width != Some(rect.width) {
                    open.pending_width = Some(rect.width);
                    fx.push(Effect::LayOut {
                        letter: open.id,
                        text: letter.clone(),
                        width: rect.width,
                        mark_width,
                    });
                }
            }
            let height = usize::from(rect.height);
            let spans = open
                .doc
                .as_ref()
                .map(|d| d.spans(&visible))
                .unwrap_or_default();
            if open.follow
                && let Some(&(_, start, len)) = spans.iter().find(|s| Some(s.0) == open.selected)
            {
                if start < open.scroll || len > height {
                    open.scroll = start;
                } else if start + len > open.scroll + height {
                    open.scroll = start + len - height;
                }
                open.follow = false;
            }
            let total = spans.last().map_or(0, |&(_, start, len)| start + len);
            open.scroll = open.scroll.min(total.saturating_sub(height));
        }
        self.style_editor();
        if let Some(rect) = areas.draft {
            let rect = inner(rect);
            self.editor.fit(rect.width, rect.height);
        }
    }
}
