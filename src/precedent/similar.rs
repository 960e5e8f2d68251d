//! "More like this": the comments of other letters most like one comment, found by the
//! comment's most distinctive terms (the highest term frequency × IDF), not its whole
//! text, and with boilerplate that many letters share folded into one hit; the hits
//! read are then ordered again by their whole texts ([`super::rerank`]).

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use tantivy::collector::{Count, DocSetCollector};
use tantivy::query::TermQuery;
use tantivy::schema::{IndexRecordOption, Value};
use tantivy::{DocAddress, Searcher, TantivyDocument, Term};

use super::fold::{Fold, Kept};
use super::rerank::{self, FEEDBACK, Vector, idf};
use super::schema::company_key;
use super::store::Library;

/// Hits weighed for each one shown: the best by score, ordered again by how alike
/// their whole texts are ([`super::rerank`]), of which those that share at least
/// [`MIN_SHARED`] of the query's terms come first.
const POOL: usize = 4;

/// Query terms a hit shares with the probe to come before those that share fewer: a
/// comment like the probe says several of its distinctive words, not one of them
/// often ("projections" for "climate-related projects").
const MIN_SHARED: usize = 2;

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
        let chosen = self.choose(&searcher, probe)?;
        if chosen.text.is_empty() || n == 0 {
            return Ok(Found::default());
        }
        // The probe's own letters are left out by the collector, not by the query (a
        // "must not" clause would turn the skipping of postings off).
        let query = chosen.query();
        let left_out = self.left_out(&searcher, probe)?;
        let kept = searcher
            .search(
                &query,
                &Fold {
                    limit: n * POOL,
                    left_out: &left_out,
                },
            )
            .map_err(|e| e.to_string())?;
        let words = chosen.words();
        let heading_words = chosen.heading_words();
        let mut idf = Idf::new(&searcher, self.fields.text);
        let mut pool = Vec::with_capacity(kept.len());
        let mut vectors = Vec::with_capacity(kept.len());
        let mut several = Vec::with_capacity(kept.len());
        for kept in kept {
            let doc: TantivyDocument = searcher.doc(kept.address).map_err(|e| e.to_string())?;
            let said = super::schema::terms(field(&doc, self.fields.text));
            let vector = Vector::of(said.iter().map(|(t, _)| t.as_str()), |t| idf.of(t));
            let shared = words.iter().filter(|w| vector.has(w)).count()
                + shared_terms(field(&doc, self.fields.heading), &heading_words);
            pool.push(Some((kept, doc)));
            vectors.push(vector);
            several.push(shared >= MIN_SHARED);
        }
        // Those sharing several terms first, each group ordered again by the whole
        // texts (equal ones keep the fold's order, by score).
        let probe_vector = Vector::weighed(chosen.profile.into_iter());
        let order = rerank::ordered(&probe_vector, &vectors, &several, FEEDBACK);
        let best = order.iter().take(n).filter_map(|&i| pool[i].take());
        let mut hits = Vec::with_capacity(n.min(order.len()));
        for (Kept { score, print, .. }, doc) in best {
            let get = |f| field(&doc, f);
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
        Ok(Found { hits, terms: words })
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
}

/// The IDF of the terms of a field, each looked up once per query.
struct Idf<'a> {
    searcher: &'a Searcher,
    field: tantivy::schema::Field,
    docs: f32,
    known: HashMap<String, f32>,
}

impl<'a> Idf<'a> {
    fn new(searcher: &'a Searcher, field: tantivy::schema::Field) -> Idf<'a> {
        let docs = searcher.num_docs() as f32;
        Idf {
            searcher,
            field,
            docs,
            known: HashMap::new(),
        }
    }

    /// The IDF of `term` (as if no comment held it when the index cannot say).
    fn of(&mut self, term: &str) -> f32 {
        if let Some(known) = self.known.get(term) {
            return *known;
        }
        let df = self
            .searcher
            .doc_freq(&Term::from_field_text(self.field, term))
            .unwrap_or(0);
        let weight = idf(self.docs, df);
        self.known.insert(term.to_owned(), weight);
        weight
    }
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

/// The text `doc` keeps in `field` (empty when it has none).
fn field(doc: &TantivyDocument, field: tantivy::schema::Field) -> &str {
    doc.get_first(field).and_then(|v| v.as_str()).unwrap_or("")
}

/// How many of `terms` `text` says.
fn shared_terms(text: &str, terms: &[String]) -> usize {
    let said: HashSet<String> = super::schema::terms(text)
        .into_iter()
        .map(|(t, _)| t)
        .collect();
    terms.iter().filter(|t| said.contains(*t)).count()
}

/// The byte ranges of `text` whose terms are among `terms` (to highlight them).
pub fn highlights(text: &str, terms: &[String]) -> Vec<std::ops::Range<usize>> {
    super::schema::terms(text)
        .into_iter()
        .filter(|(t, _)| terms.contains(t))
        .map(|(_, range)| range)
        .collect()
}
