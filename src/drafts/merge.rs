//! Three-way merge of drafts, per comment: what was last loaded or saved (the base),
//! the workspace (mine) and the file as it is on disk now (theirs).
//!
//! Use it before a save when [`on_disk_changed`](super::on_disk_changed) says the file
//! changed: load the file again, [`merge`], show [`Merged::taken_from_disk`], let the
//! user settle each [`Conflict`] with [`resolve`], and write [`Merged::to_write`] (with
//! the freshly loaded file as `previous`, so its formatting is kept).

use std::collections::HashSet;

use super::model::{CommentDraft, Drafts, Status};

/// A comment changed both here and on disk, differently.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    /// The comment number.
    pub number: String,
    /// The workspace's version.
    pub mine: CommentDraft,
    /// The version in the file on disk.
    pub theirs: CommentDraft,
}

/// The outcome of [`merge`].
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Merged {
    /// The merged drafts: mine's order, then entries only the disk has, in its order.
    ///
    /// A conflicting comment holds MINE here, so the workspace keeps showing what the
    /// user typed; it must not be written while it is in [`Merged::conflicts`] (that
    /// would overwrite the other version). Write [`Merged::to_write`] instead.
    pub drafts: Drafts,
    /// Numbers of the comments taken from disk (changed only there), to show the user.
    pub taken_from_disk: Vec<String>,
    /// Comments changed on both sides, differently: the user chooses with [`resolve`].
    pub conflicts: Vec<Conflict>,
}

impl Merged {
    /// The drafts that are safe to write now: [`Merged::drafts`] with every conflicting
    /// comment as it is on disk, so nothing of the other side is overwritten while the
    /// user has not chosen.
    pub fn to_write(&self) -> Drafts {
        let mut drafts = self.drafts.clone();
        for conflict in &self.conflicts {
            if let Some(entry) = drafts.get_mut(&conflict.number) {
                *entry = conflict.theirs.clone();
            }
        }
        drafts
    }

    /// Whether nothing is waiting for the user's choice.
    pub fn is_clean(&self) -> bool {
        self.conflicts.is_empty()
    }
}

/// What the user chose for a [`Conflict`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Resolution {
    /// Keep the workspace's version.
    KeepMine,
    /// Take the version on disk.
    TakeTheirs,
    /// Keep both texts, mine first, separated by a blank line.
    KeepBoth,
}

/// The draft a [`Resolution`] gives for `conflict`.
///
/// [`Resolution::KeepBoth`] joins mine's text, a blank line and theirs' text (a blank
/// side is left out, so no stray blank lines appear); its status is the further along
/// of the two (open < drafted < resolved), and drafted rather than open when the
/// joined text is not blank.
pub fn resolve(conflict: &Conflict, resolution: Resolution) -> CommentDraft {
    match resolution {
        Resolution::KeepMine => conflict.mine.clone(),
        Resolution::TakeTheirs => conflict.theirs.clone(),
        Resolution::KeepBoth => {
            let parts: Vec<&str> = [&conflict.mine.response, &conflict.theirs.response]
                .into_iter()
                .map(String::as_str)
                .filter(|text| !text.trim().is_empty())
                .collect();
            let response = parts.join("\n\n");
            let mut status = higher(conflict.mine.status, conflict.theirs.status);
            if status == Status::Open && !response.trim().is_empty() {
                status = Status::Drafted;
            }
            CommentDraft {
                number: conflict.number.clone(),
                status,
                response,
                marks: conflict.mine.marks,
                owner: conflict.mine.owner.clone(),
            }
        }
    }
}

/// The status further along in the workflow.
fn higher(a: Status, b: Status) -> Status {
    let rank = |s: Status| Status::ALL.iter().position(|&x| x == s).unwrap_or(0);
    if rank(b) > rank(a) { b } else { a }
}

/// Whether two versions of comment `number` say the same. A missing entry counts as
/// an open comment with no response (what a letter's comment gets by default).
fn same(number: &str, a: Option<&CommentDraft>, b: Option<&CommentDraft>) -> bool {
    let blank = CommentDraft::open(number);
    let a = a.unwrap_or(&blank);
    let b = b.unwrap_or(&blank);
    a.status == b.status && a.response == b.response && a.owner == b.owner
}

/// Merges per comment: `base` is what was last loaded or saved, `mine` the workspace,
/// `theirs` what is on disk now.
///
/// - changed only on disk: theirs (listed in [`Merged::taken_from_disk`]);
/// - changed only here: mine;
/// - changed on both sides in the same way: that version;
/// - changed on both sides differently: a [`Conflict`] (mine is kept in memory; see
///   [`Merged::drafts`]).
///
/// An entry present on one side only is kept: drafts are never dropped, also when the
/// other program removed a comment's table. A missing entry compares equal to an
/// open, empty one.
pub fn merge(base: &Drafts, mine: &Drafts, theirs: &Drafts) -> Merged {
    let mut merged = Merged::default();
    let mut seen = HashSet::new();
    let (base, mine_at, theirs_at) = (base.by_number(), mine.by_number(), theirs.by_number());
    let numbers = mine
        .comments
        .iter()
        .chain(&theirs.comments)
        .map(|c| c.number.as_str());
    for number in numbers {
        if !seen.insert(number) {
            continue;
        }
        let (b, m, t) = (
            base.get(number).copied(),
            mine_at.get(number).copied(),
            theirs_at.get(number).copied(),
        );
        let take = match (m, t) {
            (Some(m), None) => m.clone(),
            (None, Some(t)) => t.clone(),
            (Some(m), Some(t)) if same(number, Some(m), Some(t)) => m.clone(),
            (Some(m), Some(t)) if same(number, b, Some(m)) => {
                merged.taken_from_disk.push(number.to_owned());
                t.clone()
            }
            (Some(m), Some(t)) if same(number, b, Some(t)) => m.clone(),
            (Some(m), Some(t)) => {
                merged.conflicts.push(Conflict {
                    number: number.to_owned(),
                    mine: m.clone(),
                    theirs: t.clone(),
                });
                m.clone()
            }
            (None, None) => continue,
        };
        merged.drafts.comments.push(take);
    }
    merged
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft(number: &str, status: Status, response: &str) -> CommentDraft {
        CommentDraft {
            number: number.to_owned(),
            status,
            response: response.to_owned(),
            ..CommentDraft::default()
        }
    }

    fn drafts(entries: &[(&str, Status, &str)]) -> Drafts {
        Drafts {
            comments: entries.iter().map(|&(n, s, r)| draft(n, s, r)).collect(),
        }
    }

    use Status::{Drafted, Open, Resolved};

    #[test]
    fn one_sided_changes_are_taken() {
        let base = drafts(&[("1", Open, ""), ("2", Open, ""), ("3", Open, "")]);
        let mine = drafts(&[("1", Drafted, "mine"), ("2", Open, ""), ("3", Open, "")]);
        let theirs = drafts(&[("1", Open, ""), ("2", Open, ""), ("3", Drafted, "theirs")]);
        let merged = merge(&base, &mine, &theirs);
        assert!(merged.is_clean());
        assert_eq!(merged.taken_from_disk, ["3"]);
        assert_eq!(
            merged.drafts,
            drafts(&[
                ("1", Drafted, "mine"),
                ("2", Open, ""),
                ("3", Drafted, "theirs")
            ])
        );
        assert_eq!(merged.to_write(), merged.drafts);
    }

    #[test]
    fn same_change_on_both_sides_is_fine() {
        let base = drafts(&[("1", Open, "")]);
        let both = drafts(&[("1", Resolved, "x")]);
        let merged = merge(&base, &both, &both);
        assert!(merged.is_clean());
        assert!(merged.taken_from_disk.is_empty());
        assert_eq!(merged.drafts, both);
    }

    #[test]
    fn different_changes_conflict_and_keep_mine_in_memory_only() {
        let base = drafts(&[("1", Drafted, "old"), ("2", Open, "")]);
        let mine = drafts(&[("1", Drafted, "mine"), ("2", Open, "")]);
        let theirs = drafts(&[("1", Resolved, "theirs"), ("2", Open, "")]);
        let merged = merge(&base, &mine, &theirs);
        assert_eq!(
            merged.conflicts,
            [Conflict {
                number: "1".into(),
                mine: draft("1", Drafted, "mine"),
                theirs: draft("1", Resolved, "theirs"),
            }]
        );
        assert_eq!(merged.drafts.get("1").unwrap().response, "mine");
        assert_eq!(merged.to_write().get("1").unwrap().response, "theirs");
    }

    #[test]
    fn one_sided_entries_are_kept() {
        let base = drafts(&[("1", Drafted, "a")]);
        // The other program dropped comment 1 and added 9; the workspace added 4.
        let mine = drafts(&[("1", Drafted, "a"), ("4", Drafted, "four")]);
        let theirs = drafts(&[("9", Drafted, "nine")]);
        let merged = merge(&base, &mine, &theirs);
        assert!(merged.is_clean());
        let order: Vec<_> = merged.drafts.comments.iter().map(|c| &c.number).collect();
        assert_eq!(order, ["1", "4", "9"]);
    }

    #[test]
    fn missing_entry_counts_as_open_and_empty() {
        let base = Drafts::default();
        let mine = drafts(&[("1", Open, ""), ("2", Open, "")]);
        let theirs = drafts(&[("2", Drafted, "theirs")]);
        let merged = merge(&base, &mine, &theirs);
        assert!(merged.is_clean());
        assert_eq!(merged.taken_from_disk, ["2"]);
        assert_eq!(merged.drafts.get("2").unwrap().response, "theirs");
    }

    #[test]
    fn resolutions() {
        let conflict = Conflict {
            number: "1".into(),
            mine: draft("1", Drafted, "mine"),
            theirs: draft("1", Resolved, "theirs"),
        };
        assert_eq!(resolve(&conflict, Resolution::KeepMine), conflict.mine);
        assert_eq!(resolve(&conflict, Resolution::TakeTheirs), conflict.theirs);
        assert_eq!(
            resolve(&conflict, Resolution::KeepBoth),
            draft("1", Resolved, "mine\n\ntheirs")
        );
    }

    #[test]
    fn keep_both_skips_blank_sides_and_is_at_least_drafted() {
        let conflict = Conflict {
            number: "2".into(),
            mine: draft("2", Open, "  "),
            theirs: draft("2", Open, "text"),
        };
        assert_eq!(
            resolve(&conflict, Resolution::KeepBoth),
            draft("2", Drafted, "text")
        );
        let empty = Conflict {
            number: "2".into(),
            mine: draft("2", Open, ""),
            theirs: draft("2", Open, ""),
        };
        assert_eq!(resolve(&empty, Resolution::KeepBoth), draft("2", Open, ""));
    }
}
