//! The drafts side of `update`: loading and saving decisions, merges with the disk,
//! conflicts and autosave (the editor and edits: `editing.rs`).

use std::time::Duration;

use crate::config::{Command, Context};
use crate::drafts::{Conflict, Drafts, Resolution, Status, drafts_path, merge, resolve};
use crate::problem::Problem;
use crate::text::sanitize;
use crate::tui::model::action::Effect;
use crate::tui::model::ids::LetterId;
use crate::tui::model::names::file_name;
use crate::tui::model::state::State;

/// Save once typing has paused this long...
const IDLE: Duration = Duration::from_secs(1);
/// ...or once the oldest unsaved edit is this old, even while typing goes on.
const MAX_UNSAVED: Duration = Duration::from_secs(2);

impl State {
    /// Ask for a letter's drafts file to be read.
    pub(crate) fn load_drafts(&mut self, id: LetterId, fx: &mut Vec<Effect>) {
        let entry = &self.entries[id.0];
        fx.push(Effect::LoadDrafts {
            letter: id,
            path: drafts_path(&entry.path),
            generation: entry.slot.edits,
        });
    }

    /// A drafts file was read: at first load it fills the workspace; later (it changed
    /// on disk) it is merged per comment with the workspace against what was last read
    /// or written. A file that cannot be read blocks saving until it reads again.
    pub(crate) fn drafts_loaded(
        &mut self,
        id: LetterId,
        result: Result<Option<Drafts>, Problem>,
        fx: &mut Vec<Effect>,
    ) {
        let Some(entry) = self.entries.get_mut(id.0) else {
            return;
        };
        entry.slot.reads += 1;
        if entry.listing.is_err() {
            return;
        }
        let numbers = entry.numbers().to_vec();
        let name = file_name(&entry.path);
        let slot = &mut entry.slot;
        let is_open = self.open.as_ref().is_some_and(|o| o.id == id);
        let theirs = match result {
            Err(error) => {
                let error = error.named();
                let first = slot.blocked.is_none();
                slot.loaded = true;
                slot.read = true;
                slot.blocked = Some(error.clone());
                if first && slot.dirty() {
                    self.error(format!(
                        "Drafts file of {name} not used: {error}. Your edits go to the journal."
                    ));
                    self.journal_unsaved(id, fx);
                }
                return;
            }
            Ok(found) => {
                slot.on_disk |= found.is_some();
                found.unwrap_or_default()
            }
        };
        let was_blocked = slot.blocked.take().is_some();
        let first_read = !std::mem::replace(&mut slot.read, true);
        if (!slot.loaded || first_read) && !slot.dirty() {
            slot.drafts = theirs.clone();
            slot.drafts.merge_letter(&numbers);
            slot.base = theirs;
            slot.loaded = true;
            slot.conflicts.clear();
            if is_open {
                self.load_editor();
            }
            return;
        }
        let selected = self.selected_comment().map(|c| c.number.clone());
        let slot = &mut self.entries[id.0].slot;
        let before = slot.drafts.clone();
        let merged = merge(&slot.base, &slot.drafts, &theirs);
        slot.drafts = merged.drafts;
        slot.drafts.merge_letter(&numbers);
        // Earlier conflicts: settled when both sides now agree, else they get the new
        // disk version; new ones are added.
        let mut conflicts: Vec<Conflict> = Vec::new();
        for old in slot.conflicts.drain(..) {
            let now_theirs = theirs.get(&old.number).cloned();
            let mine = slot.drafts.get(&old.number).cloned();
            match (mine, now_theirs) {
                (Some(m), Some(t)) if m.response != t.response || m.status != t.status => {
                    conflicts.push(Conflict { theirs: t, ..old })
                }
                _ => {}
            }
        }
        for new in merged.conflicts {
            conflicts.retain(|c| c.number != new.number);
            conflicts.push(new);
        }
        slot.conflicts = conflicts;
        slot.base = theirs;
        slot.loaded = true;
        let pending = differs(&slot.to_write(), &slot.base);
        if pending {
            slot.edits += 1;
            slot.first_unsaved.get_or_insert(self.now);
            slot.last_edit.get_or_insert(self.now);
        } else {
            slot.saved = slot.edits;
            slot.first_unsaved = None;
            slot.failed = None;
        }
        let numbers_shown: Vec<String> = merged
            .taken_from_disk
            .iter()
            .map(|n| sanitize(n).into_owned())
            .collect();
        let conflicted: Vec<String> = slot
            .conflicts
            .iter()
            .map(|c| sanitize(&c.number).into_owned())
            .collect();
        if is_open
            && let Some(number) = &selected
            && before.get(number) != self.entries[id.0].slot.drafts.get(number)
        {
            self.load_editor();
        }
        if !conflicted.is_empty() {
            let key = self.key_for(Context::Comments, Command::ShowConflict);
            self.error(format!(
                "{name}: comment {} changed here and on disk; select it and press {key} to choose.",
                conflicted.join(", ")
            ));
        } else if !numbers_shown.is_empty() {
            self.info(format!(
                "{name}: comment {} changed on disk and was taken in.",
                numbers_shown.join(", ")
            ));
        } else if was_blocked {
            self.info(format!("{name}: drafts file reads again; saving resumes."));
        }
        if pending && self.entries[id.0].slot.in_flight == 0 {
            self.save(id, fx);
        }
    }

    /// A save was held back because the file changed on disk: merge, then save again.
    pub(crate) fn disk_changed(
        &mut self,
        id: LetterId,
        result: Result<Option<Drafts>, Problem>,
        fx: &mut Vec<Effect>,
    ) {
        if let Some(entry) = self.entries.get_mut(id.0) {
            entry.slot.in_flight = entry.slot.in_flight.saturating_sub(1);
        }
        self.drafts_loaded(id, result, fx);
    }

    /// A save finished.
    pub(crate) fn saved(
        &mut self,
        id: LetterId,
        generation: u64,
        result: Result<Box<Drafts>, Problem>,
        fx: &mut Vec<Effect>,
    ) {
        let now = self.now;
        let Some(entry) = self.entries.get_mut(id.0) else {
            return;
        };
        let slot = &mut entry.slot;
        slot.in_flight = slot.in_flight.saturating_sub(1);
        match result {
            Ok(written) => {
                slot.on_disk = true;
                slot.saved = slot.saved.max(generation);
                if slot.failed.as_ref().is_some_and(|(g, _)| *g <= generation) {
                    slot.failed = None;
                }
                slot.first_unsaved = slot.dirty().then_some(now);
                for draft in &written.comments {
                    if slot.drafts.get(&draft.number) == Some(draft) {
                        self.journal.forget(&entry.path, &draft.number);
                    }
                }
                slot.base = *written;
            }
            Err(error) => {
                let error = error.to_string();
                slot.failed = Some((generation, error.clone()));
                self.error(format!(
                    "Save failed: {error}. Your edits go to the journal; saving is tried again on the next change."
                ));
                self.journal_unsaved(id, fx);
            }
        }
    }

    /// Settle the conflict of comment `number` of the open letter.
    pub(crate) fn resolve_conflict(&mut self, number: &str, resolution: Resolution) {
        let Some(id) = self.open.as_ref().map(|o| o.id) else {
            return;
        };
        let slot = &mut self.entries[id.0].slot;
        let Some(at) = slot.conflicts.iter().position(|c| c.number == number) else {
            return;
        };
        let conflict = slot.conflicts.remove(at);
        let mut draft = resolve(&conflict, resolution);
        if draft.status == Status::Open && draft.has_response() {
            draft.status = Status::Drafted;
        }
        if let Some(entry) = slot.drafts.get_mut(number) {
            *entry = draft;
        }
        self.mark_edit();
        if self.selected_comment().is_some_and(|c| c.number == number) {
            self.load_editor();
        }
    }

    /// Save letters whose edits have rested long enough.
    pub(crate) fn autosave(&mut self, fx: &mut Vec<Effect>) {
        let now = self.now;
        let due: Vec<LetterId> = (0..self.entries.len())
            .map(LetterId)
            .filter(|id| {
                let slot = &self.entries[id.0].slot;
                let since =
                    |t: Option<std::time::Instant>| t.map(|t| now.saturating_duration_since(t));
                slot.dirty()
                    && slot.blocked.is_none()
                    && slot.in_flight == 0
                    && slot.failed.as_ref().is_none_or(|(g, _)| slot.edits > *g)
                    && (since(slot.last_edit) >= Some(IDLE)
                        || since(slot.first_unsaved) >= Some(MAX_UNSAVED))
            })
            .collect();
        for id in due {
            self.save(id, fx);
        }
    }

    /// Save every letter with unsaved edits that may be saved; returns whether any.
    pub(crate) fn save_all(&mut self, fx: &mut Vec<Effect>) -> bool {
        let dirty: Vec<LetterId> = (0..self.entries.len())
            .map(LetterId)
            .filter(|id| {
                self.entries[id.0].slot.dirty() && self.entries[id.0].slot.blocked.is_none()
            })
            .collect();
        for &id in &dirty {
            self.save(id, fx);
        }
        !dirty.is_empty()
    }

    /// Save a letter now if it has unsaved edits and may be saved.
    pub(crate) fn save_if_dirty(&mut self, id: LetterId, fx: &mut Vec<Effect>) {
        let slot = &self.entries[id.0].slot;
        if slot.dirty() && slot.blocked.is_none() {
            self.save(id, fx);
        }
    }

    fn save(&mut self, id: LetterId, fx: &mut Vec<Effect>) {
        let entry = &mut self.entries[id.0];
        fx.push(Effect::Save {
            letter: id,
            path: drafts_path(&entry.path),
            drafts: entry.slot.to_write(),
            generation: entry.slot.edits,
            reads: entry.slot.reads,
        });
        entry.slot.in_flight += 1;
    }

    /// Journal text that has waited long enough.
    pub(crate) fn journal_due(&mut self, fx: &mut Vec<Effect>) {
        let due = self.journal.due(self.now);
        if !due.is_empty() {
            fx.push(Effect::Journal(due));
        }
    }
}

/// Whether writing `drafts` would change a file holding `base` (a comment missing from
/// the file counts as open and empty).
pub(crate) fn differs(drafts: &Drafts, base: &Drafts) -> bool {
    let base = base.by_number();
    drafts
        .comments
        .iter()
        .any(|c| match base.get(c.number.as_str()) {
            Some(&b) => b != c,
            None => c.status != Status::Open || c.has_response(),
        })
}
