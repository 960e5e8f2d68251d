//! `update`: the only place the state changes. Pure: disk work goes out as [`Effect`]s.

mod clipboard;
mod command_line;
mod comments;
mod derived;
mod dialogs;
pub(crate) mod drafts;
mod editing;
mod exporting;
pub(crate) mod input;
mod letters;
mod mouse;
mod outside;
mod overlays;
mod place;
mod precedent;
mod reviews;
mod search;
mod spelling;

use crate::config::{Command, Context};
use crate::tui::model::action::{Action, Effect};
use crate::tui::model::command_line::Purpose;
use crate::tui::model::ids::{Filter, Pane};
use crate::tui::model::order::Sort;
use crate::tui::model::state::State;
use crossterm::event::KeyEventKind;
use input::map_key_after;

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
        Action::Key(key) if key.kind == KeyEventKind::Release => Vec::new(),
        Action::Key(key) if command_line::counts(state, key) => Vec::new(),
        Action::Key(key) => {
            let pending = state.pending.take();
            match map_key_after(&state.config.keymap, state.mode(), pending, key) {
                Some(action) => update(state, action),
                // A sequence cancelled: the count typed before it goes too.
                None if pending.is_some() => {
                    state.count = None;
                    Vec::new()
                }
                None => Vec::new(),
            }
        }
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
        Action::Pending(key) => state.pending = Some(key),
        Action::Type(input) => state.type_input(input),
        Action::Paste(text) => state.paste(&text),
        Action::SearchInput(c) => state.dialogs.prompt.iter_mut().for_each(|p| p.push(c)),
        Action::LineInput(c) => command_line::input(state, c),
        Action::Mouse(event) => mouse::mouse(state, event, &mut fx),
        Action::SearchBackspace => {
            state.dialogs.prompt.iter_mut().for_each(|p| {
                p.pop();
            });
        }
        Action::SearchSubmit => search::submit_search(state),
        Action::SearchCancel => state.dialogs.prompt = None,
        Action::Resize(width, height) => state.size = (width, height),
        Action::Tick(now) => {
            state.now = now;
            state.autosave(&mut fx);
            state.journal_due(&mut fx);
        }
        Action::FilesFound { total } => {
            state.index.total = Some(total);
            if total == 0 {
                let read = crate::letter::source::extensions_in_words();
                state.info(format!("No letters found (looked for {read} files)."));
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
            let key = state.key_for(Context::Letters, Command::ShowRecovery);
            state.dialogs.recovery.offers = offers;
            // The dialog opens by itself only for this workspace's letters, and not
            // under the user's typing.
            if here > 0 && state.focus != Pane::Draft {
                state.dialogs.recovery.open = true;
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
            let key = state.key_for(Context::Global, Command::Quit);
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
        Action::PrecedentIndexing(line) => precedent::indexing(state, line),
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
    place::go_on(state, &mut fx);
    state.sync(&mut fx);
    fx
}

fn run(state: &mut State, command: Command, fx: &mut Vec<Effect>) {
    if state.message.as_ref().is_some_and(|m| !m.error) {
        state.message = None;
    }
    let count = state.count.take();
    match command {
        Command::ForceQuit => {
            state.save_all(fx);
            fx.push(Effect::Quit);
            state.quit = true;
        }
        Command::Help => {
            state.dialogs.help = if state.dialogs.help.is_some() {
                None
            } else {
                Some(0)
            }
        }
        _ if overlays::route(state, command, fx) => {}
        Command::Precedent if state.focus == Pane::Comments => precedent::open(state, fx),
        command
            if command.answers() && state.focus != Pane::Letters && state.reading_response() =>
        {
            state.response_is_read()
        }
        _ if reviews::run(state, command, fx) => {}
        Command::Export => exporting::open_export(state),
        Command::ExportAs(_) => {
            // Bound in a pane (`run = "export docx"`): export at once in that format.
            exporting::open_export(state);
            exporting::export_prompt(state, command, fx);
        }
        Command::ShowRecovery if state.dialogs.recovery.offers.is_empty() => {
            state.info("Nothing unsaved in the journal.")
        }
        Command::ShowRecovery => state.dialogs.recovery.open = true,
        Command::ShowConflict => dialogs::show_conflict(state),
        Command::Quit => dialogs::quit(state, fx),
        Command::NextPane => state.set_focus(state.pane_after(Pane::next), fx),
        Command::PrevPane => state.set_focus(state.pane_after(Pane::prev), fx),
        Command::Save => dialogs::save_now(state, fx),
        Command::SaveQuit => {
            dialogs::save_now(state, fx);
            dialogs::quit(state, fx);
        }
        Command::CommandLine => command_line::open(state, Purpose::Command),
        Command::FindLetter => command_line::open(state, Purpose::FindLetter),
        Command::Sort => command_line::sort_by(state, state.view.sort().next()),
        Command::SortDue => command_line::sort_by(state, Sort::Due),
        Command::SortDate => command_line::sort_by(state, Sort::Date),
        Command::SortCompany => command_line::sort_by(state, Sort::Company),
        Command::FilterAll => comments::set_filter(state, Filter::All, fx),
        Command::FilterOpen => comments::set_filter(state, Filter::Open, fx),
        Command::FilterDrafted => comments::set_filter(state, Filter::Drafted, fx),
        Command::FilterResolved => comments::set_filter(state, Filter::Resolved, fx),
        Command::FilterMine => comments::set_filter(state, Filter::Mine, fx),
        Command::Own => command_line::own(state),
        Command::Messages if state.dialogs.log.recent.is_empty() => state.info("No messages yet."),
        Command::Messages => state.dialogs.log.shown = Some(0),
        Command::Zoom => state.zoomed = !state.zoomed,
        Command::Center => comments::center(state),
        // A count before G or gg: the letter in the Letters pane (whether a letter is
        // open or not), the comment in the Comments pane.
        Command::First | Command::Last if state.focus == Pane::Letters && count.is_some() => {
            command_line::go_to_letter(state, count.unwrap_or(0))
        }
        Command::First | Command::Last if state.focus == Pane::Comments && count.is_some() => {
            command_line::go_to(state, &count.unwrap_or(0).to_string(), fx)
        }
        command if command.scrolls() => match state.focus {
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
        Command::Search if state.open.is_some() => state.dialogs.prompt = Some(String::new()),
        Command::Search => {
            let key = state.key_for(Context::Letters, Command::Open);
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
