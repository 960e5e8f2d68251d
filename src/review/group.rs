//! Grouping letters into reviews. In date order, each letter joins the review of the
//! same file number (or, without one, the same company) that it cites by date; else
//! the most recent open review of that party that it fits (same form, same filing,
//! not long before); else the company's latest review, when the letter continues that
//! conversation with the staff (it follows closely, or it is a company request the
//! staff did not answer by letter); else it starts a review.

use super::filed::Filed;
use super::party::{
    company_words, file_number_in, file_number_key, names_company, same_company, word_hash,
};
use super::references::{cited_dates, dated_dates, find_references};
use crate::letter::Kind;
use chrono::NaiveDate;
use regex::Regex;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

/// A form named in the "Re:" block: "Form 10-K", "Form 10-Q", "Schedule 14A".
static FORM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:Forms?|Schedule)\s+([0-9A-Z]{1,3}-[0-9A-Z]{1,3}|14A|TO-[IT]|13[DEG])\b")
        .expect("form regex")
});

/// Letters more than this many days apart are not one review unless one cites the other.
const MAX_GAP_DAYS: i64 = 400;

/// A letter other than a comment letter this many days after the staff closed a review
/// still belongs to it: the request to declare a registration statement effective
/// that follows a "we will not review" letter, a second completion letter.
const AFTER_CLOSE_DAYS: i64 = 60;

/// A company's letter this many days or fewer after the last letter of the company's
/// latest review continues that conversation, whatever filing it names: the review of
/// the next report begun soon after the last one closed, a registration statement
/// reviewed meanwhile.
const CONVERSATION_GAP_DAYS: i64 = 100;

/// What grouping needs of one letter.
struct Key {
    file_number: Option<String>,
    company: Vec<String>,
    /// The forms the "Re:" block names, the one the parser took first.
    forms: Vec<String>,
    /// The period of the filing reviewed, as printed ("Fiscal Year Ended December 31,
    /// 2024"): an amendment is filed on another date but covers the same period.
    period: Option<String>,
    date: Option<NaiveDate>,
    kind: Kind,
    /// Dates of the letters it cites.
    cites: Vec<NaiveDate>,
    /// For a response, the words of its "Re:" block and opening, lowercase, as
    /// [`word_hash`]es: a company response that does not name its company in its
    /// header names it there.
    text_words: HashSet<u64>,
    /// It refers to earlier comments or letters: it continues a review.
    continues: bool,
}

impl Key {
    fn of(filed: &Filed) -> Key {
        let letter = &filed.letter;
        let mut cited_text = letter.subject.lines.join("\n");
        for p in &filed.sections.opening {
            cited_text.push('\n');
            cited_text.push_str(p);
        }
        let mut cites = cited_dates(&cited_text);
        if letter.kind == Kind::Response {
            cites.extend(dated_dates(&cited_text));
            cites.sort();
            cites.dedup();
        }
        let refers = letter
            .comments
            .iter()
            .any(|c| !find_references(&c.text).is_empty());
        Key {
            file_number: letter
                .file_number
                .as_deref()
                .and_then(file_number_key)
                .or_else(|| file_number_in(&cited_text)),
            company: letter
                .company
                .as_deref()
                .map(company_words)
                .unwrap_or_default(),
            forms: forms(letter),
            period: letter.subject.period.clone(),
            date: filed.date(),
            kind: letter.kind,
            continues: refers || !cites.is_empty(),
            cites,
            // Only a response's are looked at: it may name its company there only.
            text_words: if letter.kind == Kind::Response {
                cited_text
                    .split(|c: char| !c.is_alphanumeric() && c != '&')
                    .filter(|w| !w.is_empty())
                    .map(|w| word_hash(&w.to_lowercase()))
                    .collect()
            } else {
                HashSet::new()
            },
        }
    }
}

/// A review being gathered.
#[derive(Default)]
struct Gathering {
    members: Vec<usize>,
    file_numbers: Vec<String>,
    companies: Vec<Vec<String>>,
    forms: Vec<String>,
    periods: Vec<Option<String>>,
    dates: Vec<NaiveDate>,
    staff_comments: bool,
    closed: bool,
}

impl Gathering {
    fn same_party(&self, key: &Key) -> bool {
        match &key.file_number {
            Some(n) if !self.file_numbers.is_empty() => self.file_numbers.contains(n),
            _ => self.same_company(key),
        }
    }

    /// The letter is about one of the companies of this review, whatever its filing.
    fn same_company(&self, key: &Key) -> bool {
        self.companies.iter().any(|c| {
            same_company(c, &key.company)
                || (key.kind == Kind::Response && names_company(&key.text_words, c))
        })
    }

    /// The latest date of a letter of this review that `key` cites.
    fn cited_by(&self, key: &Key) -> Option<NaiveDate> {
        key.cites
            .iter()
            .filter(|d| self.dates.contains(d))
            .max()
            .copied()
    }

    fn last(&self) -> Option<NaiveDate> {
        self.dates.iter().max().copied()
    }

    /// Whether a letter that cites nothing here fits as the review's next round.
    fn fits(&self, key: &Key) -> bool {
        if self.closed {
            let soon = match (self.last(), key.date) {
                (Some(last), Some(date)) => (date - last).num_days() <= AFTER_CLOSE_DAYS,
                _ => false,
            };
            return key.kind != Kind::Comments && soon && self.same_form(key);
        }
        if let (Some(last), Some(date)) = (self.last(), key.date)
            && (date - last).num_days() > MAX_GAP_DAYS
        {
            return false;
        }
        match key.kind {
            _ if key.continues => true,
            // The staff closes the review of the file number, whatever form it names.
            Kind::Completion | Kind::NoReview => key.file_number.is_some() || self.same_form(key),
            // A new comment letter on another form or period starts a new review.
            Kind::Comments => {
                let other_period = |period: &Option<String>| differ(period, &key.period);
                self.same_form(key)
                    && !(self.staff_comments && self.periods.iter().all(other_period))
            }
            _ => true,
        }
    }

    /// The letter's form is one of the review's, or either is not known.
    fn same_form(&self, key: &Key) -> bool {
        key.forms.is_empty()
            || self.forms.is_empty()
            || key.forms.iter().any(|f| self.forms.contains(f))
    }

    fn add(&mut self, index: usize, key: Key) {
        self.members.push(index);
        self.file_numbers.extend(key.file_number);
        if !key.company.is_empty() {
            self.companies.push(key.company);
        }
        self.forms.extend(key.forms);
        if matches!(key.kind, Kind::Comments | Kind::Completion | Kind::NoReview) {
            self.periods.push(key.period);
        }
        self.dates.extend(key.date);
        self.staff_comments |= key.kind == Kind::Comments;
        self.closed |= matches!(key.kind, Kind::Completion | Kind::NoReview);
    }
}

/// The forms `letter`'s "Re:" block names, its form first.
fn forms(letter: &crate::letter::Letter) -> Vec<String> {
    let mut forms: Vec<String> = letter.subject.form.iter().cloned().collect();
    for line in &letter.subject.lines {
        for c in FORM.captures_iter(line) {
            let form = c[1].to_string();
            if !forms.contains(&form) {
                forms.push(form);
            }
        }
    }
    forms
}

/// Both are known and are not the same.
fn differ(a: &Option<String>, b: &Option<String>) -> bool {
    matches!((a, b), (Some(a), Some(b)) if !a.eq_ignore_ascii_case(b))
}

/// The review `key` joins, by index: the one of its party it cites (a letter citing
/// letters of two reviews, "as in our response dated July 12, 2016", answers the later
/// one); else the latest of its party it fits; else the company's conversation it
/// continues.
fn choose(gatherings: &[Gathering], found: &Found, key: &Key) -> Option<usize> {
    let company = found.of_company(key);
    let party: Vec<usize> = found
        .of_party(key, &company)
        .into_iter()
        .filter(|&g| gatherings[g].same_party(key))
        .collect();
    let latest = |g: &usize| gatherings[*g].last();
    party
        .iter()
        .filter_map(|&g| gatherings[g].cited_by(key).map(|d| (d, g)))
        .max()
        .map(|(_, g)| g)
        .or_else(|| {
            party
                .iter()
                .copied()
                .filter(|&g| gatherings[g].fits(key))
                .max_by_key(latest)
        })
        .or_else(|| continued(gatherings, &company, key, party.is_empty()))
}

/// The reviews being gathered, by index, under each file number and each word of a
/// company name they hold: a letter is compared only with the reviews that could be
/// its own, not with every review of a large folder.
#[derive(Default)]
struct Found {
    by_file_number: HashMap<String, Vec<usize>>,
    /// By [`word_hash`].
    by_company_word: HashMap<u64, Vec<usize>>,
}

impl Found {
    /// Note that review `g` holds `key`'s file number and company.
    fn note(&mut self, g: usize, key: &Key) {
        let under = |list: &mut Vec<usize>| {
            if list.last() != Some(&g) {
                list.push(g);
            }
        };
        if let Some(n) = &key.file_number {
            under(self.by_file_number.entry(n.clone()).or_default());
        }
        for w in &key.company {
            under(self.by_company_word.entry(word_hash(w)).or_default());
        }
    }

    /// The reviews that may be of `key`'s company (a name that shares a word with its
    /// own, or, for a response, with its text), in order.
    fn of_company(&self, key: &Key) -> Vec<usize> {
        let mut words: Vec<u64> = key.company.iter().map(|w| word_hash(w)).collect();
        if key.kind == Kind::Response {
            words.extend(&key.text_words);
        }
        let mut found: Vec<usize> = words
            .into_iter()
            .filter_map(|w| self.by_company_word.get(&w))
            .flatten()
            .copied()
            .collect();
        found.sort_unstable();
        found.dedup();
        found
    }

    /// The reviews that may be of `key`'s party: those of its file number and those
    /// of its company (`company`, from [`Found::of_company`]), in order.
    fn of_party(&self, key: &Key, company: &[usize]) -> Vec<usize> {
        let mut found = company.to_vec();
        if let Some(list) = key
            .file_number
            .as_ref()
            .and_then(|n| self.by_file_number.get(n))
        {
            found.extend(list);
            found.sort_unstable();
            found.dedup();
        }
        found
    }
}

/// The company's latest review, when `key` fits no review of its filing yet continues
/// the company's conversation with the staff: it comes no more than
/// [`CONVERSATION_GAP_DAYS`] after that review's last letter, or it is a company letter
/// on a filing no letter here concerns (`alone`) that cites no letter, such as a
/// request to declare a registration statement effective: the staff answers that by
/// an order, not by a letter, so it opens no review of its own.
fn continued(gatherings: &[Gathering], company: &[usize], key: &Key, alone: bool) -> Option<usize> {
    let request = alone && key.kind == Kind::Response && !key.continues;
    // Letters come in date order: no review's last letter is later than `key`, so the
    // company's latest review is close when any of its reviews is. The dates are
    // compared first, the names only for the reviews close enough.
    let close = |g: &Gathering| match (g.last(), key.date) {
        (Some(last), Some(date)) => (date - last).num_days() <= CONVERSATION_GAP_DAYS,
        _ => false,
    };
    company
        .iter()
        .copied()
        .filter(|&g| request || close(&gatherings[g]))
        .filter(|&g| gatherings[g].same_company(key))
        .max_by_key(|&g| gatherings[g].last())
}

/// What grouping needs of a letter, taken from its full reading and far smaller than
/// it: its path, date and [`Key`].
pub(super) struct GroupKey {
    path: PathBuf,
    date: Option<NaiveDate>,
    key: Key,
}

impl GroupKey {
    pub(super) fn of(filed: &Filed) -> GroupKey {
        GroupKey {
            path: filed.path.clone(),
            date: filed.date(),
            key: Key::of(filed),
        }
    }
}

/// Group `filed` into reviews, each in date order (letters without a date last).
/// Each letter's key is made when its turn comes and kept only in what the gathering
/// takes from it.
pub fn group(filed: Vec<Filed>) -> Vec<Vec<Filed>> {
    let letters = filed
        .iter()
        .map(|f| (f.date(), f.letter.kind, f.path.as_path()))
        .collect();
    let groups = plan(letters, |i| Key::of(&filed[i]));
    let mut slots: Vec<Option<Filed>> = filed.into_iter().map(Some).collect();
    groups
        .into_iter()
        .map(|g| {
            g.into_iter()
                .map(|i| slots[i].take().expect("each letter once"))
                .collect()
        })
        .collect()
}

/// The reviews the letters of `keys` make: each the paths of its letters, in date
/// order (letters without a date last), as [`group`] gathers them.
pub(super) fn plan_keys(keys: Vec<GroupKey>) -> Vec<Vec<PathBuf>> {
    let mut taken: Vec<Option<Key>> = Vec::with_capacity(keys.len());
    let mut letters = Vec::with_capacity(keys.len());
    for k in keys {
        letters.push((k.date, k.key.kind, k.path));
        taken.push(Some(k.key));
    }
    let dated = letters
        .iter()
        .map(|(d, kind, p)| (*d, *kind, p.as_path()))
        .collect();
    let groups = plan(dated, |i| taken[i].take().expect("each letter once"));
    groups
        .into_iter()
        .map(|g| g.into_iter().map(|i| letters[i].2.clone()).collect())
        .collect()
}

/// The reviews of the letters (their dates, kinds and paths), each letter's key made
/// by `key_of` when its turn comes: the indices of each review's letters, in date
/// order. On one date the staff's letters of comments come first: a company letter of
/// the same date answers them (a response restating them, a request for more time or
/// for effectiveness made after them), and a staff letter seldom comments on a letter
/// filed that day. The paths would put "corresp_" before "upload_", and the review
/// awaited the response already filed.
fn plan(
    letters: Vec<(Option<NaiveDate>, Kind, &Path)>,
    mut key_of: impl FnMut(usize) -> Key,
) -> Vec<Vec<usize>> {
    let mut order: Vec<usize> = (0..letters.len()).collect();
    order.sort_by(|&a, &b| {
        let (da, ka, pa) = letters[a];
        let (db, kb, pb) = letters[b];
        let later = |k: Kind| k != Kind::Comments;
        (da.is_none(), da, later(ka), pa).cmp(&(db.is_none(), db, later(kb), pb))
    });
    let mut gatherings: Vec<Gathering> = Vec::new();
    let mut found = Found::default();
    for i in order {
        let key = key_of(i);
        let g = choose(&gatherings, &found, &key).unwrap_or_else(|| {
            gatherings.push(Gathering::default());
            gatherings.len() - 1
        });
        found.note(g, &key);
        gatherings[g].add(i, key);
    }
    gatherings.into_iter().map(|g| g.members).collect()
}
