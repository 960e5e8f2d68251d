//! "More like this": the comments of other letters most like one comment, found by the
//! comment's most distinctive terms (the highest term frequency × IDF), not its whole
//! text, and with boilerplate that many letters share folded into one hit.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use tantivy::collector::{Count, DocSetCollector};
use tantivy::query::{BooleanQuery, BoostQuery, Occur, Query, TermQuery};
use tantivy::schema::{Field, IndexRecordOption, Value};
use tantivy::{DocAddress, Searcher, TantivyDocument, Term};

use super::fold::{Fold, Kept};
use super::schema::{company_key, terms};
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
/// particulars: a company's names, a quarter, a product). On `../shared/corpus`, with
/// [`HEADING_FIELD_BOOST`], 14 of the 20 comments chosen by topic find at least 8 of
/// 10 on it, against 8 without either (see README, Precedent).
const HEADING_TERM_BOOST: f32 = 4.0;

/// The weight of the probe's heading words in the hits' headings, against the heaviest
/// word of the text: a hit under a heading that names the same subject comes first.
const HEADING_FIELD_BOOST: f32 = 2.0;

/// Heading words of more than this share of all comments' headings name no subject
/// (the letters' own: "page", "note", "general", "exhibit"); they are not looked for
/// in the hits' headings.
const MAX_HEADING_SHARE: f32 = 0.1;

/// A query term's two factors: how often the probe says it (1 + ln tf) and its IDF.
type Weight = (f32, f32);

/// The comment to find precedent for.
#[derive(Debug, Clone, Copy)]
pub struct Probe<'a> {
    /// Its text.
    pub text: &'a str,
    /// Its nearest heading, when it has one: the staff's own name for what the
    /// comment is about, so its terms count as if said twice more.
    pub heading: Option<&'a str>,
    /// Its letter, whose own comments are left out of the hits.
    pub path: Option<&'a Path>,
    /// Its company, whose other letters are left out too (precedent is what other
    /// companies were asked).
    pub company: Option<&'a str>,
}

/// One comment like the probe, with the answer given to it.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    /// The letter it is in.
    pub path: PathBuf,
    /// The company the letter was sent to.
    pub company: String,
    /// The letter's date (ISO), or empty.
    pub date: String,
    /// The form reviewed, or empty.
    pub form: String,
    /// The comment's number.
    pub comment: String,
    /// Its nearest heading, or empty.
    pub heading: String,
    /// Its text.
    pub text: String,
    /// The answer a response of its review gave, when one is known.
    pub answer: Option<String>,
    /// The response letter that gave it.
    pub response: Option<PathBuf>,
    /// The relevance score (higher is more alike).
    pub score: f32,
    /// How many comments in the index have these very words (boilerplate: more than 1).
    pub count: u64,
}

/// The precedent found for a probe.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Found {
    /// The hits, most alike first.
    pub hits: Vec<Hit>,
    /// The terms the query was made of (as the index holds them: lower case, stemmed).
    pub terms: Vec<String>,
}

impl Library {
    /// The `n` comments most like `probe`, from letters other than its own.
    pub fn similar(&self, probe: Probe<'_>, n: usize) -> Result<Found, String> {
        let searcher = self.reader.searcher();
        let heading = self.heading_terms(&searcher, probe)?;
        let chosen = self.distinctive(&searcher, probe)?;
        if chosen.is_empty() || n == 0 {
            return Ok(Found::default());
        }
        // Only term queries, joined by "should": tantivy can then skip the postings
        // that cannot reach the hits kept (block-max WAND). The probe's own letters
        // are left out by the collector, not by the query (a "must not" clause would
        // turn the skipping off).
        let named = |term: &Term| {
            heading
                .iter()
                .any(|(h, _)| h.value().as_str() == term.value().as_str())
        };
        let mut clauses = clauses(&chosen, |t| if named(t) { HEADING_TERM_BOOST } else { 1.0 });
        clauses.extend(self::clauses(&heading, |_| HEADING_FIELD_BOOST));
        let query = BooleanQuery::new(clauses);
        let left_out = self.left_out(&searcher, probe)?;
        let kept = searcher
            .search(
                &query,
                &Fold {
                    limit: n,
                    left_out: &left_out,
                },
            )
            .map_err(|e| e.to_string())?;
        let mut hits = Vec::with_capacity(kept.len());
        for Kept {
            score,
            address,
            print,
        } in kept
        {
            let doc: TantivyDocument = searcher.doc(address).map_err(|e| e.to_string())?;
            let get = |f| doc.get_first(f).and_then(|v| v.as_str()).unwrap_or("");
            let answer = Some(get(self.fields.answer)).filter(|a| !a.is_empty());
            let response = Some(get(self.fields.response)).filter(|a| !a.is_empty());
            hits.push(Hit {
                path: PathBuf::from(get(self.fields.path)),
                company: get(self.fields.company).to_owned(),
                date: get(self.fields.date).to_owned(),
                form: get(self.fields.form).to_owned(),
                comment: get(self.fields.comment).to_owned(),
                heading: get(self.fields.heading).to_owned(),
                text: get(self.fields.text).to_owned(),
                answer: answer.map(str::to_owned),
                response: response.map(PathBuf::from),
                score,
                count: print_count(&searcher, self.fields.fingerprint, print)?,
            });
        }
        let terms = chosen.iter().map(|(t, _)| term_text(t)).collect();
        Ok(Found { hits, terms })
    }

    /// The documents of the probe's letter and of its company's letters.
    fn left_out(
        &self,
        searcher: &Searcher,
        probe: Probe<'_>,
    ) -> Result<HashSet<DocAddress>, String> {
        let mut terms = Vec::new();
        if let Some(path) = probe.path {
            terms.push(Term::from_field_text(
                self.fields.path,
                &path.to_string_lossy(),
            ));
        }
        if let Some(company) = probe.company.map(company_key).filter(|c| !c.is_empty()) {
            terms.push(Term::from_field_text(self.fields.company_key, &company));
        }
        let mut out = HashSet::new();
        for term in terms {
            let query = TermQuery::new(term, IndexRecordOption::Basic);
            out.extend(
                searcher
                    .search(&query, &DocSetCollector)
                    .map_err(|e| e.to_string())?,
            );
        }
        Ok(out)
    }

    /// The probe's most distinctive terms that the index holds, heaviest (frequency
    /// in the probe × IDF in the index) first, each with those two factors: the
    /// frequency's (1 + ln tf) and the IDF.
    fn distinctive(
        &self,
        searcher: &Searcher,
        probe: Probe<'_>,
    ) -> Result<Vec<(Term, Weight)>, String> {
        let heading = probe.heading.unwrap_or_default();
        let said = terms(probe.text)
            .into_iter()
            .map(|(t, _)| (t, 1))
            .chain(terms(heading).into_iter().map(|(t, _)| (t, HEADING_WEIGHT)));
        let mut weighed = weigh(searcher, self.fields.text, said, |_| true)?;
        weighed.truncate(QUERY_TERMS);
        Ok(weighed)
    }

    /// The words of the probe's heading as the heading field holds them, but those
    /// of more than [`MAX_HEADING_SHARE`] of all headings, weighed as
    /// [`Library::distinctive`] weighs the text's; none when the text says none of
    /// them (a heading that shares no word with its text, "Exhibits" over a question
    /// on non-GAAP measures, does not name its subject).
    fn heading_terms(
        &self,
        searcher: &Searcher,
        probe: Probe<'_>,
    ) -> Result<Vec<(Term, Weight)>, String> {
        let text: HashSet<String> = terms(probe.text).into_iter().map(|(t, _)| t).collect();
        let said = terms(probe.heading.unwrap_or_default())
            .into_iter()
            .map(|(t, _)| (t, 1));
        let named = weigh(searcher, self.fields.heading, said, |share| {
            share <= MAX_HEADING_SHARE
        })?;
        let shared = named.iter().any(|(t, _)| text.contains(&term_text(t)));
        Ok(if shared { named } else { Vec::new() })
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
        let idf = (1.0 + (docs - df as f32 + 0.5) / (df as f32 + 0.5)).ln();
        weighed.push((term, (1.0 + (tf as f32).ln(), idf)));
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

/// How many comments in the index have the fingerprint `print`.
fn print_count(
    searcher: &Searcher,
    field: tantivy::schema::Field,
    print: u64,
) -> Result<u64, String> {
    let query = TermQuery::new(Term::from_field_u64(field, print), IndexRecordOption::Basic);
    searcher
        .search(&query, &Count)
        .map(|c| c as u64)
        .map_err(|e| e.to_string())
}

/// The text of a term of the text field.
fn term_text(term: &Term) -> String {
    term.value().as_str().unwrap_or_default().to_owned()
}

/// The byte ranges of `text` whose terms are among `terms` (to highlight them).
pub fn highlights(text: &str, terms: &[String]) -> Vec<std::ops::Range<usize>> {
    super::schema::terms(text)
        .into_iter()
        .filter(|(t, _)| terms.contains(t))
        .map(|(_, range)| range)
        .collect()
}
