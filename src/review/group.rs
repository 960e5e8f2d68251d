//! Grouping letters into reviews. In date order, each letter joins the review of the
//! same file number (or, without one, the same company) that it cites by date; else
//! the most recent open review of that party that it fits (same form, same filing,
//! not long before); else it starts a review.

use super::Filed;
use super::party::{company_words, file_number_key, same_company};
use super::references::{cited_dates, find_references};
use crate::letter::Kind;
use chrono::NaiveDate;

/// Letters more than this many days apart are not one review unless one cites the other.
const MAX_GAP_DAYS: i64 = 400;

/// What grouping needs of one letter.
struct Key {
    file_number: Option<String>,
    company: Vec<String>,
    form: Option<String>,
    /// The filing reviewed: its period and filing date, as printed.
    filing: (Option<String>, Option<String>),
    date: Option<NaiveDate>,
    kind: Kind,
    /// Dates of the letters it cites.
    cites: Vec<NaiveDate>,
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
        let cites = cited_dates(&cited_text);
        let refers = letter
            .comments
            .iter()
            .any(|c| !find_references(&c.text).is_empty());
        Key {
            file_number: letter.file_number.as_deref().and_then(file_number_key),
            company: letter
                .company
                .as_deref()
                .map(company_words)
                .unwrap_or_default(),
            form: letter.subject.form.clone(),
            filing: (letter.subject.period.clone(), letter.subject.filed.clone()),
            date: filed.date(),
            kind: letter.kind,
            continues: refers || !cites.is_empty(),
            cites,
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
    filings: Vec<(Option<String>, Option<String>)>,
    dates: Vec<NaiveDate>,
    staff_comments: bool,
    closed: bool,
}

impl Gathering {
    fn same_party(&self, key: &Key) -> bool {
        match &key.file_number {
            Some(n) if !self.file_numbers.is_empty() => self.file_numbers.contains(n),
            _ => self.companies.iter().any(|c| same_company(c, &key.company)),
        }
    }

    fn cited_by(&self, key: &Key) -> bool {
        key.cites.iter().any(|d| self.dates.contains(d))
    }

    fn last(&self) -> Option<NaiveDate> {
        self.dates.iter().max().copied()
    }

    /// Whether a letter that cites nothing here fits as the review's next round.
    fn fits(&self, key: &Key) -> bool {
        if self.closed {
            return false;
        }
        if let (Some(last), Some(date)) = (self.last(), key.date)
            && (date - last).num_days() > MAX_GAP_DAYS
        {
            return false;
        }
        let staff = matches!(key.kind, Kind::Comments | Kind::Completion | Kind::NoReview);
        if !staff || key.continues {
            return true;
        }
        let same_form = match &key.form {
            Some(form) if !self.forms.is_empty() => self.forms.contains(form),
            _ => true,
        };
        let other_filing = |(period, filed): &(Option<String>, Option<String>)| {
            differ(period, &key.filing.0) || differ(filed, &key.filing.1)
        };
        // A new comment letter on another filing starts a new review.
        let same_filing = !(key.kind == Kind::Comments
            && self.staff_comments
            && self.filings.iter().all(other_filing));
        same_form && same_filing
    }

    fn add(&mut self, index: usize, key: Key) {
        self.members.push(index);
        self.file_numbers.extend(key.file_number);
        if !key.company.is_empty() {
            self.companies.push(key.company);
        }
        self.forms.extend(key.form);
        if matches!(key.kind, Kind::Comments | Kind::Completion | Kind::NoReview) {
            self.filings.push(key.filing);
        }
        self.dates.extend(key.date);
        self.staff_comments |= key.kind == Kind::Comments;
        self.closed |= matches!(key.kind, Kind::Completion | Kind::NoReview);
    }
}

/// Both are known and are not the same.
fn differ(a: &Option<String>, b: &Option<String>) -> bool {
    matches!((a, b), (Some(a), Some(b)) if !a.eq_ignore_ascii_case(b))
}

/// Group `filed` into reviews, each in date order (letters without a date last).
pub fn group(filed: Vec<Filed>) -> Vec<Vec<Filed>> {
    let keys: Vec<Key> = filed.iter().map(Key::of).collect();
    let mut order: Vec<usize> = (0..filed.len()).collect();
    order.sort_by(|&a, &b| {
        (keys[a].date.is_none(), keys[a].date, &filed[a].path).cmp(&(
            keys[b].date.is_none(),
            keys[b].date,
            &filed[b].path,
        ))
    });
    let mut keys: Vec<Option<Key>> = keys.into_iter().map(Some).collect();
    let mut gatherings: Vec<Gathering> = Vec::new();
    for i in order {
        let key = keys[i].take().expect("each letter once");
        let latest = |g: &&mut Gathering| g.last();
        let chosen = {
            let mut party: Vec<&mut Gathering> = gatherings
                .iter_mut()
                .filter(|g| g.same_party(&key))
                .collect();
            let cited = party.iter().position(|g| g.cited_by(&key));
            match cited {
                Some(p) => Some(party.swap_remove(p)),
                None => party
                    .into_iter()
                    .filter(|g| g.fits(&key))
                    .max_by_key(|g| latest(g)),
            }
        };
        match chosen {
            Some(g) => g.add(i, key),
            None => {
                let mut g = Gathering::default();
                g.add(i, key);
                gatherings.push(g);
            }
        }
    }
    let mut slots: Vec<Option<Filed>> = filed.into_iter().map(Some).collect();
    gatherings
        .into_iter()
        .map(|g| {
            g.members
                .into_iter()
                .map(|i| slots[i].take().expect("each letter once"))
                .collect()
        })
        .collect()
}
