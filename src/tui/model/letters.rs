//! The workspace's letters as they arrive: listed in newest-first order, parsed,
//! replaced when they change on disk, and the parsed ones kept within bounds.

use std::collections::HashSet;
use std::path::PathBuf;
use std::sync::Arc;

use super::entry::{Entry, PARSED_KEPT};
use super::ids::LetterId;
use super::listing::Listing;
use super::reviews::TreeRow;
use std::cmp::Ordering;

use chrono::NaiveDate;

use super::order::{ListView, Sort};
use super::slot::Slot;
use super::state::{State, numbers};
use crate::letter::Kind;
use crate::letter::Letter;
use crate::letter::sections::Sections;
use crate::problem::Problem;

impl State {
    /// A letter file indexed: list it (keeping the newest-first order) or, when it is
    /// listed already (it changed on disk), update its listing, keeping its drafts. A
    /// parsed letter kept for it is stale then and dropped, unless it is open (it is
    /// read again, and replaced then). Returns its id.
    pub(crate) fn insert_listing(
        &mut self,
        path: PathBuf,
        listing: Result<Listing, Problem>,
    ) -> LetterId {
        match self.by_path.get(&path) {
            Some(&id) => {
                self.entries[id.0].listing = listing;
                // The open letter keeps showing (and taking keys) until it is read
                // again; any other is read again when next opened.
                if self.open.as_ref().is_none_or(|o| o.id != id) {
                    self.forget_parsed(id);
                }
                self.reorder(id);
                id
            }
            None => self.push(Entry {
                path,
                listing,
                letter: None,
                sections: None,
                slot: Slot::default(),
                responded: false,
                extended: None,
            }),
        }
    }

    /// A letter file parsed in full (opened, or read again), with its `sections` when
    /// they were read: keep it among the parsed letters and bring its listing and
    /// drafts in line with it. Returns its id.
    pub(crate) fn insert_letter(
        &mut self,
        path: PathBuf,
        letter: Result<Letter, Problem>,
        sections: Option<Sections>,
    ) -> LetterId {
        let id = match self.by_path.get(&path) {
            Some(&id) => id,
            None => self.push(Entry {
                path,
                listing: Err(Problem::new("")),
                letter: None,
                sections: None,
                slot: Slot::default(),
                responded: false,
                extended: None,
            }),
        };
        let entry = &mut self.entries[id.0];
        let letter = match letter {
            Ok(letter) => letter,
            Err(error) => {
                entry.listing = Err(error);
                self.forget_parsed(id);
                self.reorder(id);
                return id;
            }
        };
        let (progress, also) = entry
            .listing
            .as_ref()
            .map(|l| (l.progress.clone(), l.also.clone()))
            .unwrap_or_default();
        entry.listing = Ok(Listing {
            also,
            ..Listing::of(&letter, progress)
        });
        if entry.slot.loaded {
            entry.slot.drafts.merge_letter(&numbers(&letter));
        }
        entry.letter = Some(Arc::new(letter));
        entry.sections = sections.map(Arc::new);
        self.keep_parsed(id);
        if let Some(open) = &mut self.open
            && open.id == id
        {
            open.doc = None;
            open.pending_width = None;
            let count = self.entries[id.0].numbers().len();
            open.selected = open
                .selected
                .filter(|&s| s < count)
                .or((count > 0).then_some(0));
        }
        self.reorder(id);
        id
    }

    /// Add an entry at its place in the order; returns its id.
    fn push(&mut self, entry: Entry) -> LetterId {
        let id = LetterId(self.entries.len());
        self.by_path.insert(entry.path.clone(), id);
        self.entries.push(entry);
        if self.note_awaiting(id) || !admits(&self.view, &self.entries[id.0]) {
            return id;
        }
        let at = self.position_for(id);
        self.order.insert(at, id);
        // The cursor stays on its letter, and the rows around it stay where they are
        // on screen, as letters arrive above it (while indexing).
        if self.cursor_moved && at <= self.cursor && self.order.len() > 1 {
            self.cursor += 1;
            self.letters_scroll += 1;
        }
        id
    }

    /// Move an entry whose listing changed to its place in the order.
    fn reorder(&mut self, id: LetterId) {
        if self.note_awaiting(id) {
            return;
        }
        let kept = self.order.get(self.cursor).copied();
        self.order.retain(|&o| o != id);
        if admits(&self.view, &self.entries[id.0]) {
            let at = self.position_for(id);
            self.order.insert(at, id);
        }
        if self.cursor_moved
            && let Some(kept) = kept
        {
            self.cursor = self.order.iter().position(|&i| i == kept).unwrap_or(0);
        }
    }

    /// The review tree's rows ([`Reviews::rows`](super::reviews::Reviews::rows)) under
    /// the Letters pane's filter: the reviews with a letter it lists, and those letters.
    pub(crate) fn tree_rows(&self) -> Vec<TreeRow> {
        if self.view.query.trim().is_empty() {
            return self.reviews.rows(|_| true);
        }
        let listed: HashSet<LetterId> = self.order.iter().copied().collect();
        self.reviews
            .rows(|path| self.by_path.get(path).is_some_and(|id| listed.contains(id)))
    }

    /// Where in `order` (without it) the entry `id` belongs.
    fn position_for(&self, id: LetterId) -> usize {
        let sort = self.view.sort();
        let new = &self.entries[id.0];
        self.order
            .partition_point(|other| compare(sort, &self.entries[other.0], new).is_le())
    }

    /// The first letter awaiting a response turns the automatic order to the due date:
    /// the list is sorted again (`true`: the entry `id` is placed already).
    fn note_awaiting(&mut self, id: LetterId) -> bool {
        if self.view.awaiting || awaited(&self.entries[id.0]).is_none() {
            return false;
        }
        self.view.awaiting = true;
        self.view.chosen.is_none() && {
            self.rebuild_order();
            true
        }
    }

    /// List the letters again under the view's filter and order, the cursor staying on
    /// its letter when it is still listed and the user put it there (else at the top).
    pub(crate) fn rebuild_order(&mut self) {
        let kept = self.order.get(self.cursor).copied();
        let sort = self.view.sort();
        let mut order: Vec<LetterId> = (0..self.entries.len())
            .map(LetterId)
            .filter(|id| admits(&self.view, &self.entries[id.0]))
            .collect();
        order.sort_by(|a, b| compare(sort, &self.entries[a.0], &self.entries[b.0]));
        self.order = order;
        self.cursor = kept
            .filter(|_| self.cursor_moved)
            .and_then(|k| self.order.iter().position(|&i| i == k))
            .unwrap_or(0);
        if self.reviews.tree {
            let rows = self.tree_rows().len();
            self.reviews.cursor = self.reviews.cursor.min(rows.saturating_sub(1));
        }
    }

    /// Mark `id`'s parsed letter as the most recently used; drop the least recently used
    /// ones beyond [`PARSED_KEPT`] (never the open letter).
    pub(crate) fn keep_parsed(&mut self, id: LetterId) {
        self.parsed.retain(|&p| p != id);
        self.parsed.push_front(id);
        let open = self.open.as_ref().map(|o| o.id);
        while self.parsed.len() > PARSED_KEPT + 1 {
            let Some(at) = self.parsed.iter().rposition(|&p| Some(p) != open) else {
                break;
            };
            if let Some(old) = self.parsed.remove(at) {
                self.entries[old.0].letter = None;
            }
        }
    }

    /// Drop `id`'s parsed letter (it is stale).
    fn forget_parsed(&mut self, id: LetterId) {
        self.entries[id.0].letter = None;
        self.entries[id.0].sections = None;
        self.parsed.retain(|&p| p != id);
    }
}

/// Whether `entry` is listed under `view`'s filter.
fn admits(view: &ListView, entry: &Entry) -> bool {
    let query = view.query.trim().to_lowercase();
    if query.is_empty() {
        return true;
    }
    let has = |s: &str| s.to_lowercase().contains(&query);
    let name = entry
        .path
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    has(&name)
        || entry.listing.as_ref().is_ok_and(|l| {
            let b = &l.brief;
            [&b.company, &b.form, &b.file_number]
                .into_iter()
                .flatten()
                .any(|s| has(s))
        })
}

/// The response date of a letter still waiting for one: a letter of comments with a
/// deadline, not every comment resolved, no response filed after it in its review.
fn awaited(entry: &Entry) -> Option<NaiveDate> {
    let listing = entry.listing.as_ref().ok()?;
    if !matches!(listing.brief.kind, Kind::Comments | Kind::Unknown)
        || listing.comments() == 0
        || entry.answered()
    {
        return None;
    }
    NaiveDate::parse_from_str(entry.due()?, "%Y-%m-%d").ok()
}

/// How two entries compare in the order `sort`.
fn compare(sort: Sort, a: &Entry, b: &Entry) -> Ordering {
    let by_date = || date_key(a).cmp(&date_key(b));
    match sort {
        Sort::Date => by_date(),
        Sort::Due => {
            let due = |e: &Entry| {
                let d = awaited(e);
                (d.is_none(), d)
            };
            due(a).cmp(&due(b)).then_with(by_date)
        }
        Sort::Company => {
            let company = |e: &Entry| {
                let c = e
                    .listing
                    .as_ref()
                    .ok()
                    .and_then(|l| l.brief.company.as_deref())
                    .map(str::to_lowercase);
                (c.is_none(), c)
            };
            company(a).cmp(&company(b)).then_with(by_date)
        }
    }
}

/// Newest first; undated letters and unreadable files last, then by file name.
fn date_key(entry: &Entry) -> (bool, std::cmp::Reverse<Option<&str>>, &std::path::Path) {
    let date = entry
        .listing
        .as_ref()
        .ok()
        .and_then(|l| l.brief.date.as_deref());
    (date.is_none(), std::cmp::Reverse(date), &entry.path)
}
