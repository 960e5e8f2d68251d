//! Precedent search: the index built from synthetic reviews (topics known, answers
//! known), brought up to date letter by letter, rebuilt when it does not open, shared
//! by two processes; `letterdesk similar --json`; and, when `../shared/corpus` is
//! present, 20 real staff comments chosen by topic.

use crate::common;

use std::path::{Path, PathBuf};

use common::precedent::{BOILERPLATE, TOPICS, names, review, write_library};
use letterdesk::precedent::{Hit, Library, Probe};
use letterdesk::review::{Filed, answers_between};

/// Reviews in the synthetic library.
const REVIEWS: usize = 240;

/// A synthetic library and an index of it in a folder of its own.
struct Fixture {
    _dir: tempfile::TempDir,
    letters: PathBuf,
    index: PathBuf,
    staff: Vec<PathBuf>,
}

fn fixture() -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let letters = dir.path().join("letters");
    let staff = write_library(&letters, REVIEWS).unwrap();
    let index = dir.path().join("cache").join("precedent");
    Fixture {
        letters,
        index,
        staff,
        _dir: dir,
    }
}

/// The review a synthetic letter's path names.
fn review_of(path: &Path) -> usize {
    let name = path.file_name().unwrap().to_str().unwrap();
    name.split(['-', '_']).nth(2).unwrap().parse().unwrap()
}

/// Whether `text` holds one of `terms` (lower case).
fn on_topic(text: &str, terms: &[&str]) -> bool {
    let text = text.to_lowercase();
    terms.iter().any(|t| text.contains(t))
}

fn similar(library: &Library, path: &Path, company: &str, text: &str) -> Vec<Hit> {
    let probe = Probe {
        text,
        path: Some(path),
        company: Some(company),
    };
    library.similar(probe, 10).unwrap().hits
}

#[test]
fn ten_hits_share_the_topic_and_carry_their_own_answers() {
    let f = fixture();
    let mut library = Library::open(&f.index).unwrap();
    let updated = library.update(std::slice::from_ref(&f.letters)).unwrap();
    assert_eq!(updated.read, 2 * REVIEWS);
    for (t, topic) in TOPICS.iter().enumerate() {
        let (i, k) = (0..REVIEWS)
            .find_map(|i| {
                let k = review(i).comments.iter().position(|c| c.topic == Some(t))?;
                Some((i, k))
            })
            .unwrap();
        let probe = &review(i).comments[k].text;
        let hits = similar(&library, &f.staff[i], &review(i).company, probe);
        assert_eq!(hits.len(), 10, "{}", topic.name);
        let shared = hits
            .iter()
            .filter(|h| on_topic(&h.text, topic.key_terms))
            .count();
        assert!(shared >= 8, "{}: {shared} of 10 on topic", topic.name);
        for hit in &hits {
            assert_ne!(hit.path, f.staff[i], "the probe's own letter is left out");
            assert_ne!(hit.company, review(i).company, "so are its company's");
            let generated = review(review_of(&hit.path));
            let number: usize = hit.comment.parse().unwrap();
            let comment = &generated.comments[number - 1];
            assert_eq!(hit.answer.as_deref(), Some(comment.answer.as_str()));
            assert_eq!(hit.company, generated.company);
            assert!(hit.response.is_some());
        }
    }
}

#[test]
fn boilerplate_in_many_letters_is_one_hit_with_a_count() {
    let f = fixture();
    let mut library = Library::open(&f.index).unwrap();
    library.update(std::slice::from_ref(&f.letters)).unwrap();
    let hits = similar(
        &library,
        Path::new("elsewhere.txt"),
        "Elsewhere Inc.",
        BOILERPLATE,
    );
    let folded: Vec<&Hit> = hits.iter().filter(|h| h.text == BOILERPLATE).collect();
    assert_eq!(folded.len(), 1, "{hits:#?}");
    assert_eq!(folded[0].count, REVIEWS.div_ceil(5) as u64);
}

#[test]
fn a_changed_or_removed_letter_is_all_an_update_reads() {
    let f = fixture();
    let mut library = Library::open(&f.index).unwrap();
    library.update(std::slice::from_ref(&f.letters)).unwrap();
    let again = library.update(std::slice::from_ref(&f.letters)).unwrap();
    assert_eq!((again.read, again.removed, again.comments), (0, 0, 0));
    // A review whose first comment no other review has word for word (so no other
    // letter's copy of it stands in for it in the hits).
    let all: Vec<String> = (0..REVIEWS)
        .flat_map(|i| review(i).comments.into_iter().map(|c| c.text))
        .collect();
    let i = (0..REVIEWS)
        .find(|&i| {
            let text = &review(i).comments[0].text;
            all.iter().filter(|t| *t == text).count() == 1
        })
        .unwrap();
    let probe = review(i).comments[0].text.clone();
    let find = |library: &Library| {
        let hits = similar(
            library,
            Path::new("elsewhere.txt"),
            "Elsewhere Inc.",
            &probe,
        );
        hits.into_iter().find(|h| h.path == f.staff[i])
    };
    // A new answer in its response: that response and its staff letter are read.
    let corresp = f.staff[i].with_file_name(names(i).1);
    let text = std::fs::read_to_string(&corresp).unwrap();
    let old = &review(i).comments[0].answer;
    std::fs::write(&corresp, text.replace(old, "A wholly new answer.")).unwrap();
    let changed = library.update(std::slice::from_ref(&f.letters)).unwrap();
    assert_eq!((changed.read, changed.removed), (2, 0));
    let own = find(&library).expect("the review found");
    assert_eq!(own.answer.as_deref(), Some("A wholly new answer."));
    // Its response removed: the staff letter is read again, without answers.
    std::fs::remove_file(&corresp).unwrap();
    let removed = library.update(std::slice::from_ref(&f.letters)).unwrap();
    assert_eq!((removed.read, removed.removed), (1, 1));
    assert_eq!(find(&library).expect("the review found").answer, None);
    // The staff letter removed too: its comments are gone.
    std::fs::remove_file(&f.staff[i]).unwrap();
    library.update(std::slice::from_ref(&f.letters)).unwrap();
    assert!(find(&library).is_none());
}

#[test]
fn a_second_process_reads_and_a_broken_index_is_built_again() {
    let f = fixture();
    let mut first = Library::open(&f.index).unwrap();
    assert!(first.is_writer());
    first.update(std::slice::from_ref(&f.letters)).unwrap();
    let comments = first.comments();
    assert!(comments > 0);
    // A second open while the first holds the lock: it reads, and update does nothing.
    let mut second = Library::open(&f.index).unwrap();
    assert!(!second.is_writer());
    assert_eq!(second.comments(), comments);
    assert_eq!(
        second
            .update(std::slice::from_ref(&f.letters))
            .unwrap()
            .read,
        0
    );
    drop((first, second));
    // The index's files damaged (as by a disk error): it is built again.
    let meta = f.index.join("index").join("meta.json");
    std::fs::write(&meta, "{ not json").unwrap();
    let mut again = Library::open(&f.index).unwrap();
    assert_eq!(again.comments(), 0);
    let updated = again.update(std::slice::from_ref(&f.letters)).unwrap();
    assert_eq!(updated.read, 2 * REVIEWS);
    assert_eq!(again.comments(), comments);
    // Deleting the whole folder costs only a rebuild.
    drop(again);
    std::fs::remove_dir_all(&f.index).unwrap();
    let mut fresh = Library::open(&f.index).unwrap();
    fresh.update(std::slice::from_ref(&f.letters)).unwrap();
    assert_eq!(fresh.comments(), comments);
}

#[test]
fn similar_prints_json_for_scripts() {
    let f = fixture();
    let cache = tempfile::tempdir().unwrap();
    let letter = f.staff[0].to_str().unwrap();
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_letterdesk"))
        .args(["similar", letter, "1", "--in", f.letters.to_str().unwrap()])
        .args(["-n", "5", "--json"])
        .env("XDG_CACHE_HOME", cache.path())
        .env("XDG_CONFIG_HOME", cache.path().join("config"))
        .env("HOME", "/nonexistent-home-for-tests")
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    let hits: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let hits = hits.as_array().unwrap();
    assert_eq!(hits.len(), 5);
    for field in [
        "path", "company", "date", "comment", "heading", "score", "text", "answer",
    ] {
        assert!(hits.iter().all(|h| h.get(field).is_some()), "{field}");
    }
    assert!(
        cache
            .path()
            .join("letterdesk")
            .join(format!("precedent-v{}", letterdesk::precedent::VERSION))
            .is_dir()
    );
    let missing = std::process::Command::new(env!("CARGO_BIN_EXE_letterdesk"))
        .args(["similar", letter, "99"])
        .env("XDG_CACHE_HOME", cache.path())
        .output()
        .unwrap();
    assert_eq!(missing.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("no comment 99"));
}

/// Topics of real staff comments: a name and the words that mark a comment as on it.
const CORPUS_TOPICS: &[(&str, &[&str])] = &[
    ("non-GAAP", &["non-gaap"]),
    ("segments", &["segment"]),
    ("revenue recognition", &["revenue"]),
    ("liquidity", &["liquidity", "cash"]),
    ("cybersecurity", &["cyber"]),
    ("climate", &["climate", "greenhouse", "carbon", "emission"]),
    ("goodwill", &["goodwill", "impairment"]),
    ("income taxes", &["tax"]),
    (
        "critical accounting estimates",
        &["critical accounting", "estimate"],
    ),
    ("reserves", &["reserve"]),
];

/// On `../shared/corpus`: 20 staff comments chosen by topic, each searched; every hit
/// with an answer is checked against its response letter. Each probe's topic, how many
/// of its hits share the topic and how many hits there were; `None` without the corpus.
fn corpus_precision() -> Option<Vec<(&'static str, usize, usize)>> {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    if !corpus.is_dir() {
        eprintln!("skipped: {} is not present", corpus.display());
        return None;
    }
    // The filings, not the pdftotext copies under text/ (the same letters again).
    let threads: Vec<PathBuf> = std::fs::read_dir(&corpus)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_dir() && p.file_name().is_some_and(|n| n != "text"))
        .collect();
    let dir = tempfile::tempdir().unwrap();
    let mut library = Library::open(&dir.path().join("precedent")).unwrap();
    library.update(&threads).unwrap();
    let (staff, _) = letterdesk::review::read_under(&threads);
    let mut probes: Vec<(&str, &[&str], &Filed, String)> = Vec::new();
    for (name, terms) in CORPUS_TOPICS {
        let mut taken = 0;
        for filed in staff.iter().filter(|f| f.is_staff()) {
            for c in &filed.letter.comments {
                let text = c.text.to_lowercase();
                let mentions: usize = terms.iter().map(|t| text.matches(t).count()).sum();
                if mentions >= 2 && taken < 3 && probes.len() < 20 {
                    probes.push((name, terms, filed, c.text.clone()));
                    taken += 1;
                }
            }
        }
    }
    assert_eq!(probes.len(), 20, "20 comments chosen by topic");
    let mut precision = Vec::new();
    for (name, terms, filed, text) in &probes {
        let company = filed.letter.company.as_deref().unwrap_or("");
        let hits = similar(&library, &filed.path, company, text);
        let shared = hits.iter().filter(|h| on_topic(&h.text, terms)).count();
        eprintln!(
            "{name}: {shared} of {} on topic ({})",
            hits.len(),
            filed.path.display()
        );
        for hit in hits.iter().filter(|h| h.answer.is_some()) {
            check_answer(hit);
        }
        precision.push((*name, shared, hits.len()));
    }
    Some(precision)
}

#[test]
fn real_comments_find_precedent_with_the_right_answers() {
    let Some(precision) = corpus_precision() else {
        return;
    };
    let met = precision
        .iter()
        .filter(|(_, s, n)| *n == 10 && *s >= 8)
        .count();
    eprintln!("{met} of 20 comments: at least 8 of the top 10 share the topic");
    assert!(precision.iter().all(|(_, _, n)| *n == 10), "{precision:?}");
}

/// The goal: for each of the 20, at least 8 of the top 10 share its topic. Not met yet
/// on the corpus (see README, Precedent).
#[test]
#[ignore = "goal not met yet on ../shared/corpus: cargo test --test review precedent_corpus:: -- --ignored"]
fn real_comments_find_precedent_on_their_topic() {
    let Some(precision) = corpus_precision() else {
        return;
    };
    let misses: Vec<_> = precision.iter().filter(|(_, s, _)| *s < 8).collect();
    assert!(misses.is_empty(), "{misses:#?}");
}

/// The hit's answer is the one its response gives under its restatement of the comment.
fn check_answer(hit: &Hit) {
    let staff = Filed::read(&hit.path).unwrap();
    let response = Filed::read(hit.response.as_ref().unwrap()).unwrap();
    let answered = answers_between(&staff, &response);
    let answer = answered
        .answers
        .iter()
        .find(|a| a.comment == hit.comment)
        .unwrap_or_else(|| {
            panic!(
                "{}: comment {} not restated",
                hit.path.display(),
                hit.comment
            )
        });
    assert_eq!(answer.text.as_deref(), hit.answer.as_deref());
    let restated = response
        .letter
        .comments
        .iter()
        .find(|c| c.number == answer.restated)
        .unwrap();
    let words = |t: &str| -> std::collections::HashSet<String> {
        t.split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.len() >= 3)
            .map(str::to_lowercase)
            .collect()
    };
    let (a, b) = (words(&restated.text), words(&hit.text));
    let shared = a.intersection(&b).count() as f64 / a.len().min(b.len()).max(1) as f64;
    assert!(shared >= 0.5, "{}: restatement differs", hit.path.display());
}
