//! Bringing the index up to date with the letters under some folders: the letters
//! added, changed (size or modification time) or removed since the last update are
//! read, with the other letters of their reviews (a new response changes the answers
//! of the staff letter it answers), and their comments written again.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use tantivy::{TantivyDocument, Term};

use super::manifest::Entry;
use super::schema::{Fields, company_id, company_key, fingerprint, terms};
use super::store::Library;
use crate::letter::Kind;
use crate::review::{Filed, Review, build_each, build_read_counted, read_each};

/// What one update did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Updated {
    /// Letter files read (changed, new, or of a review one of those is in).
    pub read: usize,
    /// Letter files gone from the index.
    pub removed: usize,
    /// Comments written.
    pub comments: usize,
}

/// What `letterdesk index --progress` says before each new percentage of the letters
/// read ("reading the letters for the precedent index: 40%"): the workspace shows such
/// lines while the index is built, and never takes one for the indexer's error.
pub const READING: &str = "reading the letters for the precedent index";

/// How far an update has come, for another thread to show: letter files read of
/// those it will read (a letter is read more than once: to group it into its review,
/// then with its review's letters).
#[derive(Debug, Default)]
pub struct Progress {
    /// Readings done.
    pub done: AtomicUsize,
    /// Readings the update will do (0 until it knows which letters changed).
    pub total: AtomicUsize,
}

impl Library {
    /// Bring the index up to date with the letters under `roots` (folders or files),
    /// and drop letters that no longer exist wherever they were. In a process that
    /// only reads, nothing is done.
    pub fn update(&mut self, roots: &[PathBuf]) -> Result<Updated, String> {
        self.update_counted(roots, &Progress::default())
    }

    /// [`Library::update`], counting its readings in `progress` as it goes.
    pub fn update_counted(
        &mut self,
        roots: &[PathBuf],
        progress: &Progress,
    ) -> Result<Updated, String> {
        let fields = self.fields;
        let manifest_path = self.dir.join("manifest.json");
        let Some(writer) = self.writer.as_mut() else {
            return Ok(Updated::default());
        };
        let found: Vec<PathBuf> = crate::index::find_letters(roots)
            .into_iter()
            .filter(|f| f.problem.is_none())
            .map(|f| f.path)
            .collect();
        let seen: HashSet<&PathBuf> = found.iter().collect();
        let files = &mut writer.manifest.files;
        let mut changed: Vec<(PathBuf, Entry)> = Vec::new();
        for path in &found {
            let Some(now) = Entry::stamp(path) else {
                continue;
            };
            if !files.get(path).is_some_and(|old| old.same_version(&now)) {
                changed.push((path.clone(), now));
            }
        }
        let removed: Vec<PathBuf> = files
            .keys()
            .filter(|p| !seen.contains(p) && !p.exists())
            .cloned()
            .collect();
        if changed.is_empty() && removed.is_empty() {
            return Ok(Updated::default());
        }
        let paths: Vec<PathBuf> = changed.iter().map(|(p, _)| p.clone()).collect();
        let changed_set: HashSet<&PathBuf> = paths.iter().chain(&removed).collect();
        let mut touched: HashSet<String> = HashSet::new();
        for path in &changed_set {
            touched.extend(files.get(*path).into_iter().flat_map(|e| e.keys.clone()));
        }
        // A changed letter's review may hold letters indexed before: found by the keys
        // it has now (a first reading of the changed letters, when there are others).
        let others = files.keys().any(|p| !changed_set.contains(p));
        if others {
            // The kin are not known yet: counted once they are.
            progress.total.store(3 * paths.len(), Ordering::Relaxed);
            let (keys, _) = read_each(&paths, |filed| {
                progress.done.fetch_add(1, Ordering::Relaxed);
                Entry::read(&filed).keys
            });
            touched.extend(keys.into_iter().flatten());
        }
        let kin: Vec<PathBuf> = files
            .iter()
            .filter(|(p, e)| !changed_set.contains(p) && e.keys.iter().any(|k| touched.contains(k)))
            .map(|(p, _)| p.clone())
            .collect();
        for path in paths.iter().chain(&removed).chain(&kin) {
            writer
                .index
                .delete_term(Term::from_field_text(fields.path, &path.to_string_lossy()));
        }
        let mut read: HashMap<PathBuf, Entry> = HashMap::new();
        let mut comments = 0;
        let mut failed = None;
        let reading: Vec<PathBuf> = paths.iter().chain(&kin).cloned().collect();
        let first = if others { paths.len() } else { 0 };
        progress
            .total
            .store(first + 2 * reading.len(), Ordering::Relaxed);
        build_read_counted(&reading, &progress.done, |review| {
            for filed in &review.letters {
                read.insert(filed.path.clone(), Entry::read(filed));
            }
            match add_review(&writer.index, &fields, &review) {
                Ok(added) => comments += added,
                Err(error) => failed = Some(error),
            }
        });
        if let Some(error) = failed {
            return Err(error);
        }
        writer.index.commit().map_err(|e| e.to_string())?;
        for path in &removed {
            files.remove(path);
        }
        for (path, mut entry) in changed {
            if let Some(read) = read.remove(&path) {
                entry.keep_read(read);
            }
            files.insert(path, entry);
        }
        for path in &kin {
            if let (Some(entry), Some(read)) = (files.get_mut(path), read.remove(path)) {
                entry.keep_read(read);
            }
        }
        writer
            .manifest
            .save(&manifest_path)
            .map_err(|e| format!("{}: {e}", manifest_path.display()))?;
        self.reader.reload().map_err(|e| e.to_string())?;
        Ok(Updated {
            read: paths.len() + kin.len(),
            removed: removed.len(),
            comments,
        })
    }
}

impl Library {
    /// Index the comments of letters already read (grouped into reviews among
    /// themselves) and commit: letters that are not files the index keeps up to date
    /// (generated ones, for a benchmark). Returns the comments written; in a process
    /// that only reads, nothing is written.
    pub fn add(&mut self, filed: Vec<Filed>) -> Result<usize, String> {
        let Some(writer) = self.writer.as_mut() else {
            return Ok(0);
        };
        let mut comments = 0;
        for review in build_each(filed) {
            comments += add_review(&writer.index, &self.fields, &review)?;
        }
        writer.index.commit().map_err(|e| e.to_string())?;
        self.reader.reload().map_err(|e| e.to_string())?;
        Ok(comments)
    }
}

/// Add the documents of the comments of `review`; how many.
fn add_review(
    writer: &tantivy::IndexWriter,
    fields: &Fields,
    review: &Review,
) -> Result<usize, String> {
    let docs = documents(review, fields);
    let count = docs.len();
    for doc in docs {
        writer.add_document(doc).map_err(|e| e.to_string())?;
    }
    Ok(count)
}

/// The documents of a review: one per comment of each staff letter, with the answer
/// a response of the review gave it. A copy of a letter (the text made of its PDF)
/// adds none: its comments are the letter's.
fn documents(review: &Review, fields: &Fields) -> Vec<TantivyDocument> {
    let mut docs = Vec::new();
    for (i, filed) in review.letters.iter().enumerate() {
        if filed.letter.kind != Kind::Comments || review.copy_of(i).is_some() {
            continue;
        }
        let letter = &filed.letter;
        let company = letter.company.as_deref().or(review.company.as_deref());
        let form = letter.subject.form.as_deref().or(review.form.as_deref());
        for comment in &letter.comments {
            let mut doc = TantivyDocument::default();
            doc.add_text(fields.path, path_text(&filed.path));
            doc.add_text(fields.comment, &comment.number);
            doc.add_text(fields.company, company.unwrap_or(""));
            doc.add_text(fields.company_key, company_key(company.unwrap_or("")));
            doc.add_u64(fields.company_id, company_id(company.unwrap_or("")));
            doc.add_text(fields.date, letter.date.as_deref().unwrap_or(""));
            doc.add_text(fields.form, form.unwrap_or(""));
            doc.add_text(
                fields.heading,
                comment.headings.last().map_or("", String::as_str),
            );
            doc.add_text(fields.text, &comment.text);
            for word in sections(&comment.headings) {
                doc.add_text(fields.sections, word);
            }
            doc.add_u64(fields.fingerprint, fingerprint(&comment.text));
            if let Some((response, answer)) = review.answer(i, &comment.number) {
                doc.add_text(fields.answer, answer);
                doc.add_text(fields.response, path_text(&review.letters[response].path));
            }
            docs.push(doc);
        }
    }
    docs
}

/// The words of the outer headings of a heading trail (nearest last) that the nearest
/// heading does not say, each once.
fn sections(headings: &[String]) -> Vec<String> {
    let Some((nearest, outer)) = headings.split_last() else {
        return Vec::new();
    };
    let words = |h: &String| terms(h).into_iter().map(|(t, _)| t);
    let near: HashSet<String> = words(nearest).collect();
    let mut out: Vec<String> = outer
        .iter()
        .flat_map(words)
        .filter(|w| !near.contains(w))
        .collect();
    out.sort();
    out.dedup();
    out
}

/// A path as the index keeps it.
fn path_text(path: &Path) -> String {
    path.to_string_lossy().into_owned()
}

#[cfg(test)]
mod tests {
    use super::sections;

    #[test]
    fn sections_are_the_outer_headings_words_the_nearest_does_not_say() {
        let trail = |h: &[&str]| h.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            sections(&trail(&[
                "Risk Factors",
                "Integrating the businesses, page 34"
            ])),
            ["factor", "risk"]
        );
        assert_eq!(
            sections(&trail(&["The Merger", "Background of the Merger"])),
            Vec::<String>::new()
        );
        assert!(sections(&trail(&["General"])).is_empty());
        assert!(sections(&[]).is_empty());
    }
}
