//! Precedent on `../shared/corpus`, when present, the whole folder as the library (its
//! `pdftotext` copies under `text/` too): 20 real staff comments chosen by topic, each
//! searched; how many of the top ten share its topic, every answer shown checked
//! against its response letter, and no hit a copy.

use std::path::PathBuf;

use crate::common::shared;
use letterdesk::letter::Comment;
use letterdesk::precedent::{Found, Hit, Library, Probe, highlights};
use letterdesk::review::{Filed, answers_between};

use super::precedent_corpus::on_topic;

/// A topic of real staff comments: its name, words that name it in a heading or a
/// first sentence, and the words that mark a comment's text as on it (lower case; one
/// is enough).
struct CorpusTopic {
    name: &'static str,
    heading: &'static [&'static str],
    key_terms: &'static [&'static str],
}

/// Ten topics the corpus holds at least ten comments of (by their key terms) and
/// comments about (chosen by [`chosen`]), two comments each. Of its 583 staff
/// comments, by the key terms below: non-GAAP 62, segments 38, revenue 99, liquidity
/// 52, climate 29, income taxes 65, impairment 14, insurance claims 27, acquisitions
/// 35, mergers 42 (the test prints them). Not among them, for want of comments (fewer
/// than ten cannot fill eight of ten hits): cybersecurity (1), goodwill (6), critical
/// accounting estimates (4), share-based compensation (5), derivatives (4), pensions
/// (1), related parties (0); nor fair value: 17 comments say it, none is about it
/// (each stands under a heading of another subject: an impairment test, goodwill, pro
/// forma adjustments, warrants, a purchase price allocation).
const CORPUS_TOPICS: &[CorpusTopic] = &[
    CorpusTopic {
        name: "non-GAAP",
        heading: &["non-gaap"],
        key_terms: &["non-gaap"],
    },
    CorpusTopic {
        name: "segments",
        heading: &["segment"],
        key_terms: &["segment"],
    },
    CorpusTopic {
        name: "revenue recognition",
        heading: &["revenue"],
        key_terms: &["revenue"],
    },
    CorpusTopic {
        name: "liquidity",
        heading: &["liquidity"],
        key_terms: &["liquidity", "cash"],
    },
    CorpusTopic {
        name: "climate",
        heading: &["climate"],
        key_terms: &["climate", "greenhouse", "carbon", "emission"],
    },
    CorpusTopic {
        name: "income taxes",
        heading: &["tax"],
        key_terms: &["tax"],
    },
    CorpusTopic {
        name: "impairment",
        heading: &["impairment"],
        key_terms: &["impairment", "impaired"],
    },
    CorpusTopic {
        name: "insurance claims",
        heading: &["loss development", "claims", "reserves for losses"],
        key_terms: &["insurance", "claims", "loss development"],
    },
    CorpusTopic {
        name: "acquisitions",
        heading: &["acquisition", "business combination", "pro forma"],
        key_terms: &[
            "acquisition",
            "acquired",
            "business combination",
            "pro forma",
        ],
    },
    CorpusTopic {
        name: "mergers",
        heading: &["merger"],
        key_terms: &["merger"],
    },
];

/// Sections of the forms under which the staff put comments on any subject (lower
/// case): a heading naming one says where a comment is, not what it is about.
const SECTIONS: &[&str] = &[
    "general",
    "risk factors",
    "discussion and analysis",
    "results of operations",
    "financial statements",
];

/// Comments chosen per topic.
const PER_TOPIC: usize = 2;

/// The comments chosen for `topic`, in the order the letters are read: those whose
/// nearest heading names it (the staff's own word for what a comment is about) and
/// whose text names it too, by the same words, then, when they are too few (the staff
/// put some topics under "General"), those under a section of the form or no heading
/// whose first sentence names it (the sentence that says what the staff asks about),
/// by the same words a heading would. The same rule for every topic.
///
/// The key terms are the judge's wider net (a word said of the topic, "cash" of
/// liquidity), not its name: before, a text saying one of them was enough, and a
/// question on cash paid for income taxes, under "Liquidity and Capital Resources" but
/// never naming liquidity, was chosen as one on liquidity. A heading that is not a
/// section ([`SECTIONS`]) names the subject itself: before, a question on the goodwill
/// of a business sold, under "Goodwill", was chosen as one on acquisitions because its
/// first sentence says where the goodwill came from, and questions on impairment tests
/// as ones on fair value. Before that, the second rule was a text naming the key terms
/// twice anywhere: it chose a question on how warrants are accounted for as one on fair
/// value.
fn chosen<'a>(
    staff: &'a [Filed],
    topic: &'a CorpusTopic,
) -> impl Iterator<Item = (&'a Filed, &'a Comment)> + 'a {
    let comments = || {
        staff
            .iter()
            .filter(|f| f.is_staff())
            .flat_map(|f| f.letter.comments.iter().map(move |c| (f, c)))
    };
    let by_heading = |c: &Comment| {
        c.headings
            .last()
            .is_some_and(|h| on_topic(h, topic.heading))
            && on_topic(&c.text, topic.heading)
    };
    let first = |c: &Comment| {
        c.headings.last().is_none_or(|h| on_topic(h, SECTIONS))
            && on_topic(first_sentence(&c.text), topic.heading)
    };
    comments()
        .filter(move |(_, c)| by_heading(c))
        .chain(comments().filter(move |(_, c)| !by_heading(c) && first(c)))
}

/// The first sentence of `text`: up to the first full stop, question mark or
/// exclamation mark after a small letter, a digit or a closing mark and before a
/// capital letter, a bullet or the end ("U.S." and "No. 5" do not end one).
fn first_sentence(text: &str) -> &str {
    let mut previous = ' ';
    for (at, c) in text.char_indices() {
        let closes =
            previous.is_lowercase() || previous.is_ascii_digit() || ")\"'%".contains(previous);
        if matches!(c, '.' | '?' | '!') && closes {
            let end = at + c.len_utf8();
            let after = &text[end..];
            let ends = match after.trim_start().chars().next() {
                None => true,
                Some(n) => after.starts_with(char::is_whitespace) && (n.is_uppercase() || n == '•'),
            };
            if ends {
                return &text[..end];
            }
        }
        previous = c;
    }
    text
}

#[test]
fn the_first_sentence_ends_at_a_full_stop_before_a_capital() {
    assert_eq!(
        first_sentence("We note the U.S. sales on page 5. Please revise."),
        "We note the U.S. sales on page 5."
    );
    assert_eq!(
        first_sentence("Refer to Note No. 4 and ASC 606.\n• Tell us why."),
        "Refer to Note No. 4 and ASC 606."
    );
    assert_eq!(first_sentence("Please revise"), "Please revise");
}

/// On `../shared/corpus`: 20 staff comments chosen by topic, each searched; every hit
/// with an answer is checked against its response letter. Each probe's topic, how many
/// of its hits share the topic and how many hits there were; `None` without the corpus.
fn corpus_precision() -> Option<Vec<(&'static str, usize, usize)>> {
    let corpus = shared::folder("corpus")?;
    // The library is the whole folder, as a user names it, the pdftotext copies under
    // text/ too: each is a copy of its PDF, whose comments are found once. The probes
    // are the filings.
    let threads: Vec<PathBuf> = std::fs::read_dir(&corpus)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_dir() && p.file_name().is_some_and(|n| n != "text"))
        .collect();
    let dir = tempfile::tempdir().unwrap();
    let mut library = Library::open(&dir.path().join("precedent")).unwrap();
    library.update(std::slice::from_ref(&corpus)).unwrap();
    let (staff, _) = letterdesk::review::read_under(&threads);
    let comments: Vec<&Comment> = staff
        .iter()
        .filter(|f| f.is_staff())
        .flat_map(|f| &f.letter.comments)
        .collect();
    for topic in CORPUS_TOPICS {
        let sharing = comments
            .iter()
            .filter(|c| on_topic(&c.text, topic.key_terms))
            .count();
        eprintln!(
            "{}: {sharing} of the corpus's {} staff comments share its key terms",
            topic.name,
            comments.len()
        );
    }
    let mut probes: Vec<(&CorpusTopic, &Filed, &Comment)> = Vec::new();
    let mut wider = Vec::new();
    for topic in CORPUS_TOPICS {
        let all: Vec<_> = chosen(&staff, topic).collect();
        probes.extend(all.iter().take(PER_TOPIC).map(|&(f, c)| (topic, f, c)));
        // Every comment the rule chooses for the topic, not only the two probes: the
        // mean share of its hits on the topic, so that a change is seen to be general.
        let shares: Vec<f64> = all
            .iter()
            .map(|&(f, c)| {
                let hits = search(&library, f, c).hits;
                let on = hits.iter().filter(|h| on_topic(&h.text, topic.key_terms));
                on.count() as f64 / hits.len().max(1) as f64
            })
            .collect();
        let mean = shares.iter().sum::<f64>() / shares.len().max(1) as f64;
        eprintln!(
            "{}: {} comments chosen by the rule, mean share of their top 10 on topic {mean:.3}",
            topic.name,
            shares.len()
        );
        wider.extend(shares);
    }
    eprintln!(
        "all topics: {} comments chosen by the rule, mean share of their top 10 on topic {:.3}",
        wider.len(),
        wider.iter().sum::<f64>() / wider.len().max(1) as f64
    );
    assert_eq!(probes.len(), 20, "20 comments chosen by topic");
    let mut precision = Vec::new();
    for (topic, filed, comment) in &probes {
        let (name, terms) = (topic.name, topic.key_terms);
        let company = filed.letter.company.as_deref().unwrap_or("");
        let heading = comment.headings.last().map(String::as_str);
        let found = search(&library, filed, comment);
        let hits = found.hits;
        let shared = hits.iter().filter(|h| on_topic(&h.text, terms)).count();
        let elsewhere = staff
            .iter()
            .filter(|f| f.is_staff() && f.letter.company.as_deref() != Some(company))
            .flat_map(|f| &f.letter.comments)
            .filter(|c| on_topic(&c.text, terms))
            .count();
        eprintln!(
            "{name}: {shared} of {} on topic, {elsewhere} on topic in other companies' letters ({} comment {}, heading {heading:?})\n  text: {}\n  terms: {}",
            hits.len(),
            filed.path.display(),
            comment.number,
            comment.text.replace('\n', " "),
            found.terms.join(" ")
        );
        for hit in &hits {
            let mark = if on_topic(&hit.text, terms) { '+' } else { '-' };
            let text: String = hit.text.chars().take(100).collect();
            let matched: std::collections::BTreeSet<String> = highlights(&hit.text, &found.terms)
                .into_iter()
                .map(|r| hit.text[r].to_lowercase())
                .collect();
            eprintln!(
                "  {mark} {:.2} [{}] {}\n      matched: {}",
                hit.score,
                hit.heading,
                text.replace('\n', " "),
                matched.into_iter().collect::<Vec<_>>().join(" ")
            );
        }
        for hit in hits.iter().filter(|h| h.answer.is_some()) {
            check_answer(hit);
        }
        let copies = corpus.join("text");
        let copy = hits.iter().find(|h| h.path.starts_with(&copies));
        assert!(copy.is_none(), "a hit from a copy: {copy:#?}");
        precision.push((name, shared, hits.len()));
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
/// on the corpus: 19 of the 20 reach it (see README, Precedent); each probe's count,
/// query terms and hits (`+` on topic, `-` not) are printed (`-- --ignored --nocapture`).
#[test]
#[ignore = "goal not met yet on ../shared/corpus (19 of 20): cargo test --test review precedent_topics:: -- --ignored --nocapture"]
fn real_comments_find_precedent_on_their_topic() {
    let Some(precision) = corpus_precision() else {
        return;
    };
    let misses: Vec<_> = precision.iter().filter(|(_, s, _)| *s < 8).collect();
    assert!(misses.is_empty(), "{misses:#?}");
}

/// The ten comments most like `comment` of the staff letter `filed`, with the terms
/// searched for.
fn search(library: &Library, filed: &Filed, comment: &Comment) -> Found {
    let probe = Probe {
        text: &comment.text,
        heading: comment.headings.last().map(String::as_str),
        path: Some(&filed.path),
        company: Some(filed.letter.company.as_deref().unwrap_or("")),
    };
    library.similar(probe, 10).unwrap()
}

/// The hit's answer is the one its response gives under its restatement of the comment
/// (or its quote of it, with no number).
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
    // Restated under a number, or quoted with none in the response's body.
    let restated = match answer.restated.as_str() {
        "" => response.sections.opening.join("\n\n"),
        number => {
            let restated = response.letter.comments.iter().find(|c| c.number == number);
            restated.unwrap().text.clone()
        }
    };
    let words = |t: &str| -> std::collections::HashSet<String> {
        t.split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.len() >= 3)
            .map(str::to_lowercase)
            .collect()
    };
    let (a, b) = (words(&restated), words(&hit.text));
    let shared = a.intersection(&b).count() as f64 / a.len().min(b.len()).max(1) as f64;
    assert!(shared >= 0.5, "{}: restatement differs", hit.path.display());
}
