//! `update`: the only place the state changes. Pure: disk work goes out as [`Effect`]s.

use ratatui::layout::Rect;

use super::action::{Action, Effect};
use super::draw::help::help_height;
use super::keymap::Command;
use super::layout::{areas, inner};
use super::sanitize::sanitize;
use super::state::{Message, OpenLetter, Pane, State, status_of};
use crate::drafts::Status;

/// Apply `action` to `state`; returns the disk work the shell must do.
pub fn update(state: &mut State, action: Action) -> Vec<Effect> {
    let mut fx = Vec::new();
    match action {
        Action::Run(command) => run(state, command, &mut fx),
        Action::Type(input) => state.type_input(input),
        Action::Paste(text) => state.paste(&text),
        Action::SearchInput(c) => state.prompt.iter_mut().for_each(|p| p.push(c)),
        Action::SearchBackspace => {
            state.prompt.iter_mut().for_each(|p| {
                p.pop();
            });
        }
        Action::SearchSubmit => submit_search(state),
        Action::SearchCancel => state.prompt = None,
        Action::Resize(width, height) => state.size = (width, height),
        Action::Tick(now) => {
            state.now = now;
            state.autosave(&mut fx);
        }
        Action::IndexStarted { total } => {
            state.index.total = Some(total);
            if total == 0 {
                state.info("No letters found (looked for .txt and .md files).");
            }
        }
        Action::LetterIndexed { path, letter } => {
            let readable = letter.is_ok();
            let id = state.insert(path, *letter);
            state.index.done += 1;
            if readable {
                state.load_drafts(id, &mut fx);
            }
        }
        Action::IndexFinished => state.index.finished = true,
        Action::DraftsLoaded {
            letter,
            generation,
            result,
        } => state.drafts_loaded(letter, generation, result),
        Action::Saved {
            letter,
            generation,
            result,
        } => state.saved(letter, generation, result),
    }
    state.sync();
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
        _ if state.help.is_some() => scroll_help(state, command),
        Command::Quit => quit(state, fx),
        Command::NextPane => state.set_focus(state.focus.next(), fx),
        Command::PrevPane => state.set_focus(state.focus.prev(), fx),
        Command::Save => save_now(state, fx),
        Command::Down
        | Command::Up
        | Command::First
        | Command::Last
        | Command::PageDown
        | Command::PageUp => match state.focus {
            Pane::Letters => move_letters(state, command),
            Pane::Comments => move_comments(state, command, fx),
            Pane::Draft => state.edit_command(command),
        },
        Command::Open if state.focus == Pane::Letters => open_letter(state, fx),
        Command::Edit if state.focus == Pane::Comments => edit(state, fx),
        Command::Leave if state.focus == Pane::Draft => state.set_focus(Pane::Comments, fx),
        Command::Leave if state.focus == Pane::Comments => state.focus = Pane::Letters,
        Command::ToggleResolved => toggle_resolved(state),
        Command::NextOpen => next_open(state, true, fx),
        Command::PrevOpen => next_open(state, false, fx),
        Command::Filter => cycle_filter(state, fx),
        Command::Search if state.open.is_some() => state.prompt = Some(String::new()),
        Command::Search => state.info("Open a letter first (Enter in Letters)."),
        Command::SearchNext => search_step(state, true, fx),
        Command::SearchPrev => search_step(state, false, fx),
        Command::Left
        | Command::Right
        | Command::WordLeft
        | Command::WordRight
        | Command::LineStart
        | Command::LineEnd
        | Command::Undo
        | Command::Redo
        | Command::DeleteWord
            if state.focus == Pane::Draft =>
        {
            state.edit_command(command)
        }
        Command::Open
        | Command::Edit
        | Command::Leave
        | Command::Left
        | Command::Right
        | Command::WordLeft
        | Command::WordRight
        | Command::LineStart
        | Command::LineEnd
        | Command::Undo
        | Command::Redo
        | Command::DeleteWord => {}
    }
}

fn scroll_help(state: &mut State, command: Command) {
    let height = state.size.1;
    let max =
        help_height(&state.config.keymap).saturating_sub(usize::from(height.saturating_sub(4)));
    let page = usize::from(height / 2).max(1);
    let scroll = state.help.unwrap_or(0);
    state.help = Some(
        match command {
            Command::Down => scroll + 1,
            Command::Up => scroll.saturating_sub(1),
            Command::PageDown => scroll + page,
            Command::PageUp => scroll.saturating_sub(page),
            Command::First => 0,
            Command::Last => max,
            _ => scroll,
        }
        .min(max),
    );
}

fn quit(state: &mut State, fx: &mut Vec<Effect>) {
    let stuck: Vec<String> = state
        .entries
        .iter()
        .filter(|e| e.slot.blocked.is_some() && e.slot.dirty())
        .map(|e| e.path.display().to_string())
        .collect();
    if !stuck.is_empty() && !state.quit_armed {
        state.quit_armed = true;
        state.error(format!(
            "Edits to {} cannot be saved: its drafts file has errors. Press q again to quit and lose them.",
            stuck.join(", ")
        ));
        return;
    }
    state.save_all(fx);
    fx.push(Effect::Quit);
    state.quit = true;
}

fn save_now(state: &mut State, fx: &mut Vec<Effect>) {
    if let Some(open) = &state.open
        && let Some(error) = &state.entries[open.id.0].slot.blocked
    {
        let error = format!("Not saved: {error}");
        state.error(error);
    }
    if !state.save_all(fx) && state.message.is_none() {
        state.info("Nothing to save.");
    }
}

fn move_letters(state: &mut State, command: Command) {
    let count = state.order.len();
    if count == 0 {
        return;
    }
    let page = state.pane_height(Pane::Letters).max(1);
    let at = state.cursor;
    state.cursor = match command {
        Command::Down => at + 1,
        Command::Up => at.saturating_sub(1),
        Command::First => 0,
        Command::PageDown => at + page,
        Command::PageUp => at.saturating_sub(page),
        _ => count - 1,
    }
    .min(count - 1);
    state.cursor_moved = true;
}

fn open_letter(state: &mut State, fx: &mut Vec<Effect>) {
    let Some(&id) = state.order.get(state.cursor) else {
        return;
    };
    let entry = &state.entries[id.0];
    let letter = match &entry.letter {
        Ok(letter) => letter,
        Err(error) => {
            let error = format!("Cannot open: {error}");
            state.error(error);
            return;
        }
    };
    let first = (0..letter.comments.len())
        .find(|&i| {
            state
                .filter
                .admits(status_of(&entry.slot.drafts, &letter.comments[i].number))
        })
        .or((!letter.comments.is_empty()).then_some(0));
    if let Some(old) = state.open.as_ref().map(|o| o.id)
        && old != id
    {
        state.save_if_dirty(old, fx);
    }
    state.open = Some(OpenLetter {
        id,
        selected: first,
        scroll: 0,
        follow: true,
        doc: None,
    });
    state.focus = Pane::Comments;
    state.load_editor();
    let slot = &state.entries[id.0].slot;
    if slot.loaded && !slot.dirty() && slot.in_flight == 0 {
        state.load_drafts(id, fx);
    }
}

fn edit(state: &mut State, fx: &mut Vec<Effect>) {
    let Some(open) = &state.open else { return };
    if open.selected.is_none() {
        state.info("This letter has no comments to answer.");
    } else if !state.entries[open.id.0].slot.loaded {
        state.info("Drafts are still loading.");
    } else {
        state.set_focus(Pane::Draft, fx);
    }
}

fn move_comments(state: &mut State, command: Command, fx: &mut Vec<Effect>) {
    let visible = state.visible_comments();
    let Some(open) = &state.open else { return };
    let Some(selected) = open.selected else {
        return;
    };
    let at = visible.iter().position(|&i| i == selected).unwrap_or(0);
    let target = match command {
        Command::Down => visible.get(at + 1).copied(),
        Command::Up => at.checked_sub(1).map(|i| visible[i]),
        Command::First => visible.first().copied(),
        Command::Last => visible.last().copied(),
        _ => return scroll_comments(state, command == Command::PageDown, &visible, fx),
    };
    if let Some(target) = target {
        state.select_comment(target, fx);
    }
}

/// Scroll the Comments pane a page; the selection moves only when it would leave the view.
fn scroll_comments(state: &mut State, down: bool, visible: &[usize], fx: &mut Vec<Effect>) {
    let height = state.pane_height(Pane::Comments).max(1);
    let Some(open) = &mut state.open else { return };
    let Some(doc) = &open.doc else { return };
    let spans = doc.spans(visible);
    let total = spans.last().map_or(0, |&(_, start, len)| start + len);
    let step = height.saturating_sub(1).max(1);
    open.scroll = if down {
        open.scroll + step
    } else {
        open.scroll.saturating_sub(step)
    }
    .min(total.saturating_sub(height));
    let view = open.scroll..open.scroll + height;
    let in_view =
        |&(_, start, len): &(usize, usize, usize)| start < view.end && start + len > view.start;
    if spans
        .iter()
        .any(|s| Some(s.0) == open.selected && in_view(s))
    {
        return;
    }
    let target = if down {
        spans.iter().find(|s| in_view(s))
    } else {
        spans.iter().rev().find(|s| in_view(s))
    };
    if let Some(&(target, _, _)) = target {
        state.select_comment(target, fx);
        if let Some(open) = &mut state.open {
            open.follow = false;
        }
    }
}

fn toggle_resolved(state: &mut State) {
    let Some(open) = &state.open else { return };
    let Some(number) = state.selected_comment().map(|c| c.number.clone()) else {
        return;
    };
    let slot = &mut state.entries[open.id.0].slot;
    if !slot.loaded {
        return state.info("Drafts are still loading.");
    }
    slot.drafts.toggle_resolved(&number);
    let resolved = status_of(&slot.drafts, &number) == Status::Resolved;
    state.mark_edit();
    let number = sanitize(&number).into_owned();
    state.info(if resolved {
        format!("Comment {number} resolved.")
    } else {
        format!("Comment {number} reopened.")
    });
}

fn next_open(state: &mut State, forward: bool, fx: &mut Vec<Effect>) {
    let (Some(letter), Some(drafts)) = (state.open_letter(), state.drafts()) else {
        return;
    };
    let Some(selected) = state.open.as_ref().and_then(|o| o.selected) else {
        return;
    };
    let unresolved = |i: &usize| status_of(drafts, &letter.comments[*i].number) != Status::Resolved;
    let target = if forward {
        (selected + 1..letter.comments.len()).find(unresolved)
    } else {
        (0..selected).rev().find(unresolved)
    };
    match target {
        Some(target) => state.select_comment(target, fx),
        None if forward => state.info("No unresolved comment below."),
        None => state.info("No unresolved comment above."),
    }
}

fn cycle_filter(state: &mut State, fx: &mut Vec<Effect>) {
    state.filter = state.filter.next();
    let filter = state.filter;
    let (Some(letter), Some(drafts)) = (state.open_letter(), state.drafts()) else {
        return state.info(format!("Filter: {}.", filter.label()));
    };
    let admitted: Vec<usize> = (0..letter.comments.len())
        .filter(|&i| filter.admits(status_of(drafts, &letter.comments[i].number)))
        .collect();
    let selected = state.open.as_ref().and_then(|o| o.selected).unwrap_or(0);
    let count = admitted.len();
    if !admitted.contains(&selected)
        && let Some(&target) = admitted
            .iter()
            .find(|&&i| i > selected)
            .or_else(|| admitted.iter().rev().find(|&&i| i < selected))
    {
        state.select_comment(target, fx);
    }
    let noun = if count == 1 { "comment" } else { "comments" };
    state.info(format!("Filter: {} ({count} {noun}).", filter.label()));
    if let Some(open) = &mut state.open {
        open.follow = true;
    }
}

fn submit_search(state: &mut State) {
    let query = state.prompt.take().unwrap_or_default();
    if query.trim().is_empty() {
        state.query = None;
        return;
    }
    state.query = Some(query);
    jump_to_hit(state, None, true);
}

fn search_step(state: &mut State, forward: bool, fx: &mut Vec<Effect>) {
    if state.query.is_none() {
        return state.info("No search yet: press / to search.");
    }
    if let Some(target) = jump_to_hit(state, Some(forward), false) {
        state.select_comment(target, fx);
    }
}

/// Find the next hit of the query: at or after the selection for a new search
/// (`direction` None, selecting it at once), else strictly after/before it, wrapping.
fn jump_to_hit(state: &mut State, direction: Option<bool>, select: bool) -> Option<usize> {
    let query = state.query.clone()?;
    let hits = state.hits(&query);
    let selected = state.open.as_ref().and_then(|o| o.selected).unwrap_or(0);
    let shown = sanitize(&query).replace('\n', " ");
    let target = match direction {
        None => hits.iter().find(|&&i| i >= selected).or(hits.first()),
        Some(true) => hits.iter().find(|&&i| i > selected).or(hits.first()),
        Some(false) => hits.iter().rev().find(|&&i| i < selected).or(hits.last()),
    }
    .copied();
    match target {
        None => state.info(format!("No match for “{shown}”.")),
        Some(target) => {
            let n = hits.iter().position(|&i| i == target).unwrap_or(0) + 1;
            state.info(format!("“{shown}”: match {n} of {}.", hits.len()));
            if select && let Some(open) = &mut state.open {
                open.selected = Some(target);
                open.follow = true;
                state.load_editor();
            }
        }
    }
    target
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

    /// Comments of the open letter whose number, headings, text or draft contain `query`
    /// (ignoring case).
    fn hits(&self, query: &str) -> Vec<usize> {
        let (Some(letter), Some(drafts)) = (self.open_letter(), self.drafts()) else {
            return Vec::new();
        };
        let query = query.to_lowercase();
        let has = |s: &str| s.to_lowercase().contains(&query);
        (0..letter.comments.len())
            .filter(|&i| {
                let c = &letter.comments[i];
                has(&c.number)
                    || c.headings.iter().any(|h| has(h))
                    || has(&c.text)
                    || drafts.get(&c.number).is_some_and(|d| has(&d.response))
            })
            .collect()
    }

    /// Rows inside a pane as currently laid out.
    fn pane_height(&self, pane: Pane) -> usize {
        let area = Rect::new(0, 0, self.size.0, self.size.1);
        areas(area, self.focus)
            .pane(pane)
            .map_or(0, |r| usize::from(inner(r).height))
    }

    /// Bring derived values in line after a change: scroll positions, the document's
    /// width, the editor's cursor style.
    fn sync(&mut self) {
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
        let mark_width = self.config.marks.width();
        if let (Some(open), Some(rect)) = (&mut self.open, areas.comments)
            && let Ok(letter) = &self.entries[open.id.0].letter
        {
            let rect = inner(rect);
            if open.doc.as_ref().is_none_or(|d| d.width != rect.width) {
                open.doc = Some(super::document::Document::build(
                    letter, rect.width, mark_width,
                ));
                open.follow = true;
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
    }
}
