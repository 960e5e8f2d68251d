//! The Letters pane's order and filter: sorted by the response due first, by date or by
//! company, and narrowed to the letters whose company, form, file number or file name
//! contain what was typed after `/`.

use std::cmp::Ordering;

use chrono::NaiveDate;

use super::state::Entry;
use crate::letter::Kind;

/// How the Letters pane sorts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sort {
    /// The response due first; letters awaiting none after them, newest first.
    Due,
    /// Newest first.
    Date,
    /// By company, then newest first.
    Company,
}

impl Sort {
    /// The order after this one (the sort key cycles).
    pub fn next(self) -> Sort {
        match self {
            Sort::Due => Sort::Date,
            Sort::Date => Sort::Company,
            Sort::Company => Sort::Due,
        }
    }

    /// Its name, as `:sort` takes it.
    pub fn label(self) -> &'static str {
        match self {
            Sort::Due => "due",
            Sort::Date => "date",
            Sort::Company => "company",
        }
    }
}

/// What the Letters pane lists, and in which order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ListView {
    /// The order chosen; `None`: by due date once a letter awaits a response, else by date.
    pub chosen: Option<Sort>,
    /// A letter awaiting a response has been listed (the automatic order is by due date).
    pub awaiting: bool,
    /// The filter typed after `/` (empty: every letter).
    pub query: String,
}

impl ListView {
    /// The order in effect.
    pub fn sort(&self) -> Sort {
        self.chosen
            .unwrap_or(if self.awaiting { Sort::Due } else { Sort::Date })
    }

    /// Whether `entry` is listed under the filter.
    pub fn admits(&self, entry: &Entry) -> bool {
        let query = self.query.trim().to_lowercase();
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
}

/// The response date of a letter still waiting for one: a letter of comments with a
/// deadline, not every comment resolved.
pub fn awaited(entry: &Entry) -> Option<NaiveDate> {
    let listing = entry.listing.as_ref().ok()?;
    if !matches!(listing.brief.kind, Kind::Comments | Kind::Unknown)
        || listing.comments() == 0
        || entry.resolved() >= listing.comments()
    {
        return None;
    }
    NaiveDate::parse_from_str(listing.brief.response_due.as_deref()?, "%Y-%m-%d").ok()
}

/// How two entries compare in the order `sort`.
pub fn compare(sort: Sort, a: &Entry, b: &Entry) -> Ordering {
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
