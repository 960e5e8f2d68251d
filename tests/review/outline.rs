//! Reviews built a review's letters at a time (`build_read`, as the workspace builds
//! them) are the reviews built from every letter at once, and a review kept in outline
//! keeps what the review shows: the fixtures' review, and `../shared/corpus` when
//! present.

use std::path::{Path, PathBuf};

use crate::common::shared;
use crate::harrowgate::{FIRST, FOLLOW_UP, RESPONSE, fixture};
use letterdesk::review::{Filed, Review, build, build_read, read_under, sort};

/// The letters under `dir`, as `read_under` finds them.
fn letter_paths(dir: &Path) -> Vec<PathBuf> {
    letterdesk::index::find_letters(&[dir.to_owned()])
        .into_iter()
        .filter(|f| f.problem.is_none())
        .map(|f| f.path)
        .collect()
}

/// The reviews of the letters under `dir`, built both ways.
fn both_ways(dir: &Path) -> (Vec<Review>, Vec<Review>) {
    let (filed, _) = read_under(&[dir.to_owned()]);
    let at_once = build(filed);
    let mut in_turn = Vec::new();
    build_read(&letter_paths(dir), |r| in_turn.push(r));
    sort(&mut in_turn);
    (at_once, in_turn)
}

#[test]
fn reviews_built_a_review_at_a_time_are_the_reviews_built_at_once() {
    let (at_once, in_turn) = both_ways(fixture(FIRST).parent().unwrap());
    assert_eq!(at_once.len(), 1);
    assert_eq!(in_turn, at_once);
}

#[test]
fn the_corpus_reviews_built_a_review_at_a_time_are_the_same() {
    let Some(corpus) = shared::folder("corpus") else {
        return;
    };
    let (at_once, in_turn) = both_ways(&corpus);
    eprintln!("{} reviews of ../shared/corpus", at_once.len());
    assert!(at_once.len() > 100);
    assert_eq!(in_turn.len(), at_once.len());
    for (a, b) in in_turn.iter().zip(&at_once) {
        assert_eq!(crate::names(a), crate::names(b));
        assert!(a == b, "{:?} differs", crate::names(a));
    }
}

#[test]
fn an_outline_keeps_what_the_review_shows() {
    let (mut reviews, _) = both_ways(fixture(FIRST).parent().unwrap());
    let full = reviews.remove(0);
    let mut outline = full.clone();
    outline.outline();
    let at = |name: &str| crate::names(&full).iter().position(|n| n == name).unwrap();
    let (first, follow_up, response) = (at(FIRST), at(FOLLOW_UP), at(RESPONSE));
    // Every letter: its kind, date, company and comment numbers; no opening or closing.
    for (f, o) in full.letters.iter().zip(&outline.letters) {
        assert_eq!(o.letter.kind, f.letter.kind);
        assert_eq!(o.letter.date, f.letter.date);
        assert_eq!(o.letter.company, f.letter.company);
        let numbers = |f: &Filed| -> Vec<String> {
            f.letter.comments.iter().map(|c| c.number.clone()).collect()
        };
        assert_eq!(numbers(o), numbers(f));
        assert!(o.sections.opening.is_empty() && o.sections.closing.is_empty());
    }
    // The comments the follow-up cites keep their text; the others of the letter do not.
    let cited: Vec<&str> = full
        .links
        .iter()
        .filter(|l| l.letter == follow_up)
        .filter_map(|l| l.to.as_ref().ok())
        .filter(|t| t.letter == first)
        .map(|t| t.comment.as_str())
        .collect();
    let numbers = full.letters[first].letter.comments.len();
    assert!(
        !cited.is_empty() && cited.len() < numbers,
        "the follow-up cites some comments of the first letter: {cited:?}"
    );
    for (f, o) in full.letters[first]
        .letter
        .comments
        .iter()
        .zip(&outline.letters[first].letter.comments)
    {
        if cited.contains(&f.number.as_str()) {
            assert_eq!(o.text, f.text);
        } else {
            assert!(o.text.is_empty(), "comment {} kept", f.number);
        }
    }
    // The answers the response filed, and the references, are the same.
    assert_eq!(outline.answered, full.answered);
    assert_eq!(outline.links, full.links);
    assert!(outline.answer(first, "1").is_some());
    for restated in &full.letters[response].letter.comments {
        let number = &restated.number;
        assert!(full.own_answer(response, number).is_some());
        assert_eq!(
            outline.own_answer(response, number),
            full.own_answer(response, number)
        );
    }
}
