//! The in-memory drafts model and its pure edits.

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::str::FromStr;

/// Where a comment stands.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Nothing drafted yet.
    #[default]
    Open,
    /// A response is drafted but the comment is not resolved.
    Drafted,
    /// The comment is resolved.
    Resolved,
}

impl Status {
    /// All statuses, in workflow order.
    pub const ALL: [Status; 3] = [Status::Open, Status::Drafted, Status::Resolved];

    /// The word written in the drafts file: `"open"`, `"drafted"` or `"resolved"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Open => "open",
            Status::Drafted => "drafted",
            Status::Resolved => "resolved",
        }
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The error of parsing a [`Status`] from a word other than open/drafted/resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownStatus(pub String);

impl fmt::Display for UnknownStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "unknown status {:?} (expected \"open\", \"drafted\" or \"resolved\")",
            self.0
        )
    }
}

impl std::error::Error for UnknownStatus {}

impl Status {
    /// The status of a comment whose drafts file gives a response but no status: open
    /// when the response is blank, else drafted.
    pub fn implied_by(response: &str) -> Status {
        if response.trim().is_empty() {
            Status::Open
        } else {
            Status::Drafted
        }
    }
}

impl FromStr for Status {
    type Err = UnknownStatus;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Status::ALL
            .into_iter()
            .find(|st| st.as_str() == s)
            .ok_or_else(|| UnknownStatus(s.to_owned()))
    }
}

/// How the export treats a comment, from optional keys of its table in the drafts
/// file (`no_response = true`, `confidential = true`); files without them read as
/// before, and letterdesk versions that do not know them ignore and keep them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Marks {
    /// `Some(true)`: the comment needs no response (a follow-up that only notes the
    /// company's earlier answer); `Some(false)`: it does, whatever its words say;
    /// `None`: the export decides from the comment's words.
    pub no_response: Option<bool>,
    /// The response is submitted for confidential treatment under Rule 83: the public
    /// version of the letter leaves it out.
    pub confidential: bool,
}

/// The draft of one comment's response.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CommentDraft {
    /// The comment number as printed in the letter ("2", "3(a)").
    pub number: String,
    /// Where the comment stands.
    pub status: Status,
    /// The response text (may be empty).
    pub response: String,
    /// How the export treats the comment.
    pub marks: Marks,
    /// Who answers it (`owner = "Jane"` in its table), if anyone.
    pub owner: Option<String>,
}

impl CommentDraft {
    /// An open comment with an empty response.
    pub fn open(number: impl Into<String>) -> Self {
        CommentDraft {
            number: number.into(),
            status: Status::Open,
            response: String::new(),
            marks: Marks::default(),
            owner: None,
        }
    }

    /// Whether the response has any text other than whitespace.
    pub fn has_response(&self) -> bool {
        !is_blank(&self.response)
    }
}

/// All drafts of one letter, in the letter's comment order.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Drafts {
    /// One entry per comment, in order.
    pub comments: Vec<CommentDraft>,
}

/// Whether a response counts as empty for status purposes (only whitespace).
fn is_blank(text: &str) -> bool {
    text.trim().is_empty()
}

/// The status a non-resolved comment gets from its response text.
fn status_for(text: &str) -> Status {
    if is_blank(text) {
        Status::Open
    } else {
        Status::Drafted
    }
}

impl Drafts {
    /// An open, empty entry per comment number, in the given order (duplicates are
    /// kept once, at their first place).
    pub fn for_comments(numbers: &[String]) -> Drafts {
        let mut drafts = Drafts::default();
        drafts.merge_letter(numbers);
        drafts
    }

    /// The draft of comment `number`, if there is one.
    pub fn get(&self, number: &str) -> Option<&CommentDraft> {
        self.comments.iter().find(|c| c.number == number)
    }

    /// The draft of comment `number`, looked for first at `index` (drafts are kept in
    /// the letter's order, so the `index`th comment's draft is usually there): O(1) for
    /// the walks over a letter's comments that [`Drafts::get`] would make quadratic.
    pub fn get_at(&self, index: usize, number: &str) -> Option<&CommentDraft> {
        match self.comments.get(index) {
            Some(c) if c.number == number => Some(c),
            _ => self.get(number),
        }
    }

    /// Every draft by its number (the first entry of a number, as [`Drafts::get`] finds):
    /// one pass, for comparing or merging whole drafts files.
    pub fn by_number(&self) -> HashMap<&str, &CommentDraft> {
        let mut map = HashMap::with_capacity(self.comments.len());
        for c in &self.comments {
            map.entry(c.number.as_str()).or_insert(c);
        }
        map
    }

    /// The draft of comment `number` to change in place, if there is one.
    pub fn get_mut(&mut self, number: &str) -> Option<&mut CommentDraft> {
        self.comments.iter_mut().find(|c| c.number == number)
    }

    /// Sets the response of comment `number` and returns its new status.
    ///
    /// A comment that is not resolved becomes [`Status::Drafted`] when the text has
    /// anything but whitespace and [`Status::Open`] otherwise; a resolved comment stays
    /// resolved. A number without an entry gets one at the end, so text is never lost.
    pub fn set_response(&mut self, number: &str, text: impl Into<String>) -> Status {
        let text = text.into();
        let index = match self.comments.iter().position(|c| c.number == number) {
            Some(i) => i,
            None => {
                self.comments.push(CommentDraft::open(number));
                self.comments.len() - 1
            }
        };
        let entry = &mut self.comments[index];
        if entry.status != Status::Resolved {
            entry.status = status_for(&text);
        }
        entry.response = text;
        entry.status
    }

    /// Resolves comment `number`, or un-resolves it back to [`Status::Drafted`] /
    /// [`Status::Open`] depending on whether its response has text. Returns the new
    /// status, or `None` when there is no such comment.
    pub fn toggle_resolved(&mut self, number: &str) -> Option<Status> {
        let entry = self.get_mut(number)?;
        entry.status = match entry.status {
            Status::Resolved => status_for(&entry.response),
            Status::Open | Status::Drafted => Status::Resolved,
        };
        Some(entry.status)
    }

    /// `(drafted, resolved, total)`: how many comments are drafted, how many are
    /// resolved, and how many entries there are in all.
    pub fn counts(&self) -> (usize, usize, usize) {
        let count = |s: Status| self.comments.iter().filter(|c| c.status == s).count();
        (
            count(Status::Drafted),
            count(Status::Resolved),
            self.comments.len(),
        )
    }

    /// Brings the entries in line with the letter's comment numbers: entries come in the
    /// letter's order, missing ones are added open and empty, and entries for numbers
    /// no longer in the letter are KEPT, after the letter's, in their previous order.
    /// Drafts are never dropped.
    pub fn merge_letter(&mut self, numbers: &[String]) {
        let mut old: Vec<Option<CommentDraft>> = std::mem::take(&mut self.comments)
            .into_iter()
            .map(Some)
            .collect();
        // Where each number's first entry is: one pass, not a search per comment.
        let mut at: HashMap<String, usize> = HashMap::with_capacity(old.len());
        for (i, c) in old.iter().enumerate() {
            if let Some(c) = c {
                at.entry(c.number.clone()).or_insert(i);
            }
        }
        let mut seen = HashSet::new();
        for number in numbers {
            if !seen.insert(number.as_str()) {
                continue;
            }
            let existing = at.get(number).and_then(|&i| old[i].take());
            self.comments
                .push(existing.unwrap_or_else(|| CommentDraft::open(number.clone())));
        }
        self.comments.extend(old.into_iter().flatten());
    }

    /// Entries whose number is not among the letter's `numbers` (kept drafts of
    /// comments the letter no longer has).
    pub fn stale<'a>(&'a self, numbers: &[String]) -> impl Iterator<Item = &'a CommentDraft> + 'a {
        let known: HashSet<String> = numbers.iter().cloned().collect();
        self.comments
            .iter()
            .filter(move |c| !known.contains(&c.number))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::strings as nums;

    #[test]
    fn status_words_round_trip() {
        crate::testing::assert_names_parse_back(&Status::ALL, Status::as_str);
        assert!("Open".parse::<Status>().is_err());
    }

    #[test]
    fn for_comments_is_open_and_empty_in_order() {
        let d = Drafts::for_comments(&nums(&["1", "2", "3(a)", "2"]));
        let got: Vec<_> = d.comments.iter().map(|c| c.number.as_str()).collect();
        assert_eq!(got, ["1", "2", "3(a)"]);
        assert!(
            d.comments
                .iter()
                .all(|c| c.status == Status::Open && c.response.is_empty())
        );
    }

    #[test]
    fn set_response_moves_between_open_and_drafted() {
        let mut d = Drafts::for_comments(&nums(&["1"]));
        assert_eq!(d.set_response("1", "text"), Status::Drafted);
        assert_eq!(d.set_response("1", ""), Status::Open);
        assert_eq!(d.set_response("1", "  \n"), Status::Open);
        assert_eq!(d.get("1").unwrap().response, "  \n");
    }

    #[test]
    fn set_response_keeps_resolved() {
        let mut d = Drafts::for_comments(&nums(&["1"]));
        d.set_response("1", "x");
        d.toggle_resolved("1");
        assert_eq!(d.set_response("1", ""), Status::Resolved);
        assert_eq!(d.set_response("1", "y"), Status::Resolved);
    }

    #[test]
    fn set_response_on_unknown_number_adds_it() {
        let mut d = Drafts::for_comments(&nums(&["1"]));
        assert_eq!(d.set_response("9", "keep me"), Status::Drafted);
        assert_eq!(d.comments.last().unwrap().number, "9");
    }

    #[test]
    fn toggle_resolved_goes_back_by_response() {
        let mut d = Drafts::for_comments(&nums(&["1", "2"]));
        d.set_response("1", "x");
        assert_eq!(d.toggle_resolved("1"), Some(Status::Resolved));
        assert_eq!(d.toggle_resolved("1"), Some(Status::Drafted));
        assert_eq!(d.toggle_resolved("2"), Some(Status::Resolved));
        assert_eq!(d.toggle_resolved("2"), Some(Status::Open));
        assert_eq!(d.toggle_resolved("nope"), None);
    }

    #[test]
    fn counts_drafted_resolved_total() {
        let mut d = Drafts::for_comments(&nums(&["1", "2", "3", "4"]));
        d.set_response("1", "a");
        d.set_response("2", "b");
        d.toggle_resolved("3");
        assert_eq!(d.counts(), (2, 1, 4));
    }

    #[test]
    fn merge_letter_orders_adds_and_keeps_stale() {
        let mut d = Drafts::for_comments(&nums(&["1", "2", "3"]));
        d.set_response("2", "two");
        d.set_response("3", "three");
        d.merge_letter(&nums(&["3", "1", "4"]));
        let got: Vec<_> = d.comments.iter().map(|c| c.number.as_str()).collect();
        assert_eq!(got, ["3", "1", "4", "2"]);
        assert_eq!(d.get("2").unwrap().response, "two");
        assert_eq!(d.get("3").unwrap().response, "three");
        let stale: Vec<_> = d
            .stale(&nums(&["3", "1", "4"]))
            .map(|c| c.number.as_str())
            .collect();
        assert_eq!(stale, ["2"]);
    }
}
