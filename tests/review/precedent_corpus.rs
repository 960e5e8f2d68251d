//! Precedent search: the index built from synthetic reviews (topics known, answers
//! known), brought up to date letter by letter, rebuilt when it does not open, shared
//! by two processes; `letterdesk similar --json`. Real comments: `precedent_topics.rs`.

use crate::common;

use std::path::{Path, PathBuf};

use common::precedent::{BOILERPLATE, TOPICS, names, review, write_library};
use letterdesk::precedent::{Hit, Library, Probe};

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
pub(crate) fn on_topic(text: &str, terms: &[&str]) -> bool {
    let text = text.to_lowercase();
    terms.iter().any(|t| text.contains(t))
}

/// The ten hits for a comment with `text` under `heading`, of the letter at `path` to
/// `company`.
fn similar(
    library: &Library,
    path: &Path,
    company: &str,
    heading: Option<&str>,
    text: &str,
) -> Vec<Hit> {
    let probe = Probe {
        text,
        heading,
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
        let hits = similar(
            &library,
            &f.staff[i],
            &review(i).company,
            Some(topic.heading),
            probe,
        );
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
        None,
        BOILERPLATE,
    );
    let folded: Vec<&Hit> = hits.iter().filter(|h| h.text == BOILERPLATE).collect();
    assert_eq!(folded.len(), 1, "{hits:#?}");
    assert_eq!(folded[0].count, REVIEWS.div_ceil(5) as u64);
}

/// A heading that shares no word with its comment ("Cash Held Abroad" over a question
/// on non-GAAP measures) names another subject: the query is the one of the comment
/// without a heading. Before, its words were still added to the query's terms.
#[test]
fn a_heading_sharing_no_word_with_its_comment_is_not_searched() {
    let f = fixture();
    // Three letters whose one comment stands under a heading of its own subject.
    for (i, name) in ["Quarry Lane Inc.", "Rook Hill Inc.", "Sable Point Inc."]
        .into_iter()
        .enumerate()
    {
        let abroad = common::precedent::Review {
            company: name.to_owned(),
            comments: vec![common::precedent::Comment {
                topic: None,
                text: "Please disclose the cash held abroad and the taxes due if it \
                       were brought home."
                    .to_owned(),
                answer: String::new(),
            }],
        };
        let letter = common::precedent::staff_letter(REVIEWS + i, &abroad)
            .replace("Exhibits", "Cash Held Abroad");
        let path = f.letters.join(format!("abroad-{i}.txt"));
        std::fs::write(path, letter).unwrap();
    }
    let mut library = Library::open(&f.index).unwrap();
    library.update(std::slice::from_ref(&f.letters)).unwrap();
    let text = "Please reconcile adjusted EBITDA to net income, the most directly \
                comparable measure, with equal prominence.";
    let terms = |heading| {
        let probe = Probe {
            text,
            heading,
            path: None,
            company: None,
        };
        library.similar(probe, 10).unwrap().terms
    };
    let under = terms(Some("Cash Held Abroad"));
    assert!(!under.iter().any(|t| t == "abroad"), "{under:?}");
    assert_eq!(under, terms(None));
}

/// A company's letters are left out of its own precedent under every form of its name
/// its letters give ("Ford Motor Co." in one year, "Ford Motor Company" in the next).
/// Before, only the legal forms "Inc", "Corp", "Co" and a few others were dropped, and
/// a later letter to the same company, its name written out, was its first hit.
#[test]
fn a_companys_letters_under_another_form_of_its_name_are_left_out() {
    let f = fixture();
    let own = review(0);
    let probe = &own.comments[0].text;
    let renamed = common::precedent::Review {
        company: own.company.replace(" Inc.", " Incorporated"),
        comments: vec![common::precedent::Comment {
            topic: own.comments[0].topic,
            text: probe.clone(),
            answer: String::new(),
        }],
    };
    let later = f.letters.join("later.txt");
    let letter = common::precedent::staff_letter(REVIEWS + 1, &renamed);
    std::fs::write(&later, letter).unwrap();
    let mut library = Library::open(&f.index).unwrap();
    library.update(std::slice::from_ref(&f.letters)).unwrap();
    let heading = own.comments[0].topic.map(|t| TOPICS[t].heading);
    let hits = similar(&library, &f.staff[0], &own.company, heading, probe);
    assert_eq!(hits.len(), 10);
    assert!(hits.iter().all(|h| h.path != later), "{hits:#?}");
    // Another company's letter saying the same is found first.
    let other = similar(&library, &f.staff[0], "Elsewhere Inc.", heading, probe);
    assert_eq!(other[0].path, later);
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
            None,
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
fn a_reader_sees_what_the_writer_commits_once_reloaded() {
    let f = fixture();
    // The workspace opens the index to read only after `letterdesk index` has made it:
    // with no index there, it says so rather than make one.
    let missing = Library::open_reader(&f.index).unwrap_err();
    assert!(missing.contains("does not open"), "{missing}");
    assert!(!f.index.join("index").join("meta.json").exists());
    let mut writer = Library::open_writer(&f.index, || panic!("no other writer")).unwrap();
    let reader = Library::open_reader(&f.index).unwrap();
    assert!(!reader.is_writer());
    assert_eq!(reader.comments(), 0);
    writer.update(std::slice::from_ref(&f.letters)).unwrap();
    reader.reload().unwrap();
    assert_eq!(reader.comments(), writer.comments());
    assert!(reader.comments() > 0);
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
