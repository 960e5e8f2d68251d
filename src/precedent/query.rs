//! The query of "more like this": which terms of a comment are searched for and how
//! much each weighs. The comment's most distinctive terms (the highest term frequency
//! × IDF), and the words of its heading that name a subject, learned from the index:
//! words whose comments say them far more often than comments at large ("segment",
//! "impairment"), not those of headings over any subject ("Management's Discussion and
//! Analysis").

use std::collections::{HashMap, HashSet};

use tantivy::collector::Count;
use tantivy::query::{BooleanQuery, BoostQuery, Occur, Query, TermQuery};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{Searcher, Term};

use super::companies::Companies;
use super::rerank::idf;
use super::schema::terms;
use super::similar::Probe;
use super::store::Library;

/// Distinctive terms a query is made of at most. Each term more costs a walk through
/// its postings; past a dozen they add words a comment shares by chance more than
/// its subject (see README, Precedent, for the figures).
pub const QUERY_TERMS: usize = 12;

/// Comments a term must be in to be used: a word of one letter only (a company's
/// product name) finds nothing elsewhere.
const MIN_DOC_FREQUENCY: u64 = 2;

/// How many times a word of the probe's heading counts when the probe's terms are
/// chosen: the heading names the subject in a few words where the text also asks
/// about particulars.
const HEADING_WEIGHT: u32 = 2;

/// How much more a query term weighs when the probe's heading names it (a word the
/// heading shares with the text is the subject; the text's rarer words are often its
/// particulars: a company's names, a quarter, a product).
const HEADING_TERM_BOOST: f32 = 4.0;

/// The weight of the probe's heading words in the hits' headings, against the heaviest
/// word of the text: a hit under a heading that names the same subject comes first.
const HEADING_FIELD_BOOST: f32 = 2.0;

/// Heading words of more than this share of all comments' headings name no subject
/// (the letters' own: "page", "note", "general", "exhibit"); they are not looked for
/// in the hits' headings.
const MAX_HEADING_SHARE: f32 = 0.1;

/// How many times more often than comments at large the comments under a heading
/// word must say that word for it to name a subject. "Segment", "liquidity",
/// "impairment" head comments that say them; "management's discussion and analysis",
/// "results of operations" head comments on any subject, which seldom say those words.
const MIN_HEADING_LIFT: f32 = 3.0;

/// The share of a word's heading trails in which it stands over a nearer heading not
/// saying it, past which it names a section of the form, under which the staff put
/// comments on every subject ("Risk Factors" over "Integrating the businesses may be
/// more difficult", "Management's Discussion and Analysis" over "Provision for Income
/// Taxes"), not a subject: more than a third. Comments under a section heading say its
/// words often too ("this risk factor"), so the lift alone does not tell them apart.
const MAX_SECTION_SHARE: f32 = 1.0 / 3.0;

/// A query term's two factors: how often the probe says it (1 + ln tf) and its IDF.
pub type Weight = (f32, f32);

/// The terms a probe's query is made of, for each field, heaviest first.
#[derive(Debug, Default)]
pub struct Chosen {
    /// The text's most distinctive terms.
    pub text: Vec<(Term, Weight)>,
    /// The heading's words that name its subject, looked for in the hits' headings.
    pub heading: Vec<(Term, Weight)>,
    /// Every term of the text the probe's vector is made of (those of the query and
    /// the lighter ones), as the index holds them, with its weight (frequency × IDF,
    /// a name's and the heading's as for the query).
    pub profile: Vec<(String, f32)>,
}

impl Chosen {
    /// The query: term queries only, joined by "should", so that tantivy can skip the
    /// postings that cannot reach the hits kept (block-max WAND).
    pub fn query(&self) -> BooleanQuery {
        let named = |term: &Term| {
            self.heading
                .iter()
                .any(|(h, _)| h.value().as_str() == term.value().as_str())
        };
        let mut all = clauses(
            &self.text,
            |t| {
                if named(t) { HEADING_TERM_BOOST } else { 1.0 }
            },
        );
        all.extend(clauses(&self.heading, |_| HEADING_FIELD_BOOST));
        BooleanQuery::new(all)
    }

    /// The text terms as the index holds them (lower case, stemmed).
    pub fn words(&self) -> Vec<String> {
        self.text.iter().map(|(t, _)| term_text(t)).collect()
    }

    /// The heading terms as the index holds them.
    pub fn heading_words(&self) -> Vec<String> {
        self.heading.iter().map(|(t, _)| term_text(t)).collect()
    }
}

impl Library {
    /// The terms of the query for `probe`.
    pub(super) fn choose(&self, searcher: &Searcher, probe: Probe<'_>) -> Result<Chosen, String> {
        let said: Vec<(String, u32)> = terms(probe.text).into_iter().map(|(t, _)| (t, 1)).collect();
        let mut heading = self.subject(searcher, probe)?;
        let words: HashSet<String> = said.iter().map(|(t, _)| t.clone()).collect();
        // A heading that shares no word with its text ("Exhibits" over a question on
        // non-GAAP measures) does not name its subject.
        if !heading.iter().any(|(t, _)| words.contains(&term_text(t))) {
            heading.clear();
        }
        let said = said
            .into_iter()
            .chain(heading.iter().map(|(t, _)| (term_text(t), HEADING_WEIGHT)));
        let mut text = weigh(searcher, self.fields.text, said, |_| true)?;
        let named = names(probe.text);
        let company = company_names(probe.text, probe.company.unwrap_or_default());
        text.retain(|(term, _)| !company.contains(&term_text(term)));
        for (term, (tf, _)) in &mut text {
            if named.contains(&term_text(term)) {
                *tf *= NAME_WEIGHT;
            }
        }
        let weight = |(tf, idf): (f32, f32)| tf * idf;
        text.sort_by(|a, b| {
            weight(b.1)
                .total_cmp(&weight(a.1))
                .then_with(|| a.0.cmp(&b.0))
        });
        let profile = text
            .iter()
            .map(|(t, w)| (term_text(t), weight(*w)))
            .collect();
        text.truncate(QUERY_TERMS);
        Ok(Chosen {
            text,
            heading,
            profile,
        })
    }

    /// The words of the probe's heading that name a subject ([`MIN_HEADING_LIFT`]), as
    /// the heading field holds them, but those of more than [`MAX_HEADING_SHARE`] of
    /// all headings, weighed as the text's: none of "Management's Discussion and
    /// Analysis" over a comment on climate change.
    fn subject(
        &self,
        searcher: &Searcher,
        probe: Probe<'_>,
    ) -> Result<Vec<(Term, Weight)>, String> {
        let said = terms(probe.heading.unwrap_or_default())
            .into_iter()
            .map(|(t, _)| (t, 1));
        let named = weigh(searcher, self.fields.heading, said, |share| {
            share <= MAX_HEADING_SHARE
        })?;
        let mut subject = Vec::with_capacity(named.len());
        for (term, weight) in named {
            let word = term_text(&term);
            if self.lift(searcher, &word)? >= MIN_HEADING_LIFT
                && self.section_share(searcher, &word)? <= MAX_SECTION_SHARE
            {
                subject.push((term, weight));
            }
        }
        Ok(subject)
    }

    /// Of the companies whose heading trails say `word`, the share whose letters say it
    /// in a heading over a nearer one that does not (counted once per company): a
    /// section of the form ("Risk Factors" over "Integrating the businesses may be
    /// more difficult") rather than a subject. By companies, not comments: one letter
    /// with nine comments under "Recent Developments" made "develop" a section word,
    /// and "Loss Development" no subject.
    pub(super) fn section_share(&self, searcher: &Searcher, word: &str) -> Result<f32, String> {
        let count = |field| {
            let query =
                TermQuery::new(Term::from_field_text(field, word), IndexRecordOption::Basic);
            searcher
                .search(&query, &Companies)
                .map(|c| c.len() as f32)
                .map_err(|e| e.to_string())
        };
        let over = count(self.fields.sections)?;
        let nearest = count(self.fields.heading)?;
        Ok(if over > 0.0 {
            over / (over + nearest)
        } else {
            0.0
        })
    }

    /// How many times more often the comments under a heading with `word` say it
    /// than all comments do.
    fn lift(&self, searcher: &Searcher, word: &str) -> Result<f32, String> {
        let heading = Term::from_field_text(self.fields.heading, word);
        let text = Term::from_field_text(self.fields.text, word);
        let under = searcher.doc_freq(&heading).map_err(|e| e.to_string())?;
        let said = searcher.doc_freq(&text).map_err(|e| e.to_string())?;
        if under == 0 || said == 0 {
            return Ok(0.0);
        }
        let both = BooleanQuery::intersection(vec![
            Box::new(TermQuery::new(heading, IndexRecordOption::Basic)) as Box<dyn Query>,
            Box::new(TermQuery::new(text, IndexRecordOption::Basic)),
        ]);
        let both = searcher.search(&both, &Count).map_err(|e| e.to_string())?;
        let docs = searcher.num_docs() as f32;
        Ok((both as f32 / under as f32) / (said as f32 / docs))
    }
}

/// The terms `said` (each with how many times) of `field` that at least
/// [`MIN_DOC_FREQUENCY`] comments hold and `keep` keeps (given the share of all
/// comments that hold it), heaviest (frequency × IDF) first, with those two factors.
fn weigh(
    searcher: &Searcher,
    field: Field,
    said: impl Iterator<Item = (String, u32)>,
    keep: impl Fn(f32) -> bool,
) -> Result<Vec<(Term, Weight)>, String> {
    let mut frequency: HashMap<String, u32> = HashMap::new();
    for (term, times) in said {
        if term.chars().count() >= 3 && !term.bytes().all(|b| b.is_ascii_digit()) {
            *frequency.entry(term).or_default() += times;
        }
    }
    let docs = searcher.num_docs() as f32;
    let mut weighed = Vec::new();
    for (word, tf) in frequency {
        let term = Term::from_field_text(field, &word);
        let df = searcher.doc_freq(&term).map_err(|e| e.to_string())?;
        if df < MIN_DOC_FREQUENCY || !keep(df as f32 / docs.max(1.0)) {
            continue;
        }
        weighed.push((term, (1.0 + (tf as f32).ln(), idf(docs, df))));
    }
    let weight = |(tf, idf): (f32, f32)| tf * idf;
    weighed.sort_by(|a, b| {
        weight(b.1)
            .total_cmp(&weight(a.1))
            .then_with(|| a.0.cmp(&b.0))
    });
    Ok(weighed)
}

/// Term queries for `terms` joined by "should", each boosted by how often the probe
/// says it and, less steeply, how rare it is, relative to the heaviest of `terms`,
/// times `scale` of the term. BM25 weighs each term by its IDF already: a boost by the
/// whole IDF would square it, and a company's own names would outweigh the subject.
fn clauses(terms: &[(Term, Weight)], scale: impl Fn(&Term) -> f32) -> Vec<(Occur, Box<dyn Query>)> {
    let boost = |(tf, idf): &(f32, f32)| tf * idf.sqrt();
    let best = terms.iter().map(|(_, w)| boost(w)).fold(0.0, f32::max);
    terms
        .iter()
        .map(|(term, weight)| {
            let query = TermQuery::new(term.clone(), IndexRecordOption::WithFreqs);
            let boosted = BoostQuery::new(Box::new(query), scale(term) * boost(weight) / best);
            (Occur::Should, Box::new(boosted) as Box<dyn Query>)
        })
        .collect()
}

/// How much a word the probe only writes as a name weighs against one it writes as a
/// word: a name is a particular (a company's "CalAtlantic", its "Sustainability
/// Report") or a reference ("Instruction 4 to Item 303(a)", "the Financial Reporting
/// Codification"), not what the staff asks about.
const NAME_WEIGHT: f32 = 0.5;

/// The terms `text` only says as names: with a capital letter inside a sentence.
fn names(text: &str) -> HashSet<String> {
    let mut capital = HashSet::new();
    let mut small = HashSet::new();
    for (term, range) in terms(text) {
        let before = text[..range.start].trim_end();
        let starts = before.is_empty() || before.ends_with(['.', '?', '!', ':', '•']);
        if text[range.start..].starts_with(char::is_uppercase) && !starts {
            capital.insert(term);
        } else {
            small.insert(term);
        }
    }
    capital.retain(|t| !small.contains(t));
    capital
}

/// The terms of `text` that are words of the letter's company's name (from its header:
/// "Harlow" of "Harlow Widgets, Inc."), but those it also writes in lower case
/// ("capital" of "Capital One" in "capital expenditures"): they weigh nothing, for
/// the company is not what the staff asks about (and its other letters, which say its
/// name, are left out of the hits anyway).
fn company_names(text: &str, company: &str) -> HashSet<String> {
    let own: HashSet<String> = terms(company).into_iter().map(|(t, _)| t).collect();
    let mut named: HashSet<String> = HashSet::new();
    let mut small: HashSet<String> = HashSet::new();
    for (term, range) in terms(text) {
        if own.contains(&term) {
            if text[range.start..].starts_with(char::is_lowercase) {
                small.insert(term);
            } else {
                named.insert(term);
            }
        }
    }
    named.retain(|t| !small.contains(t));
    named
}

/// The text of a term of a text field.
fn term_text(term: &Term) -> String {
    term.value().as_str().unwrap_or_default().to_owned()
}

#[cfg(test)]
mod tests {
    use super::{company_names, names};

    #[test]
    fn names_are_words_only_written_with_a_capital_inside_a_sentence() {
        let named = names(
            "Quantify the effect of the Harlow acquisition. Refer to Item 303 and the \
             acquisition note. Items are listed.",
        );
        let mut named: Vec<String> = named.into_iter().collect();
        named.sort();
        assert_eq!(named, ["harlow"]);
    }

    #[test]
    fn the_companys_own_name_is_not_a_subject() {
        let text = "Harlow's acquisition of Ostrava Tools: quantify its effect on Harlow \
                    Widgets' results. Tell us how many widgets Capital sold.";
        let mut own: Vec<String> = company_names(text, "Harlow Widgets Capital, Inc.")
            .into_iter()
            .collect();
        own.sort();
        // "widget" is also written in lower case; "Ostrava" is a name, not the company's.
        assert_eq!(own, ["capit", "harlow"]);
    }
}
