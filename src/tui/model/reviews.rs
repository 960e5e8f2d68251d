//! The workspace's reviews: the letters grouped as conversations (built on a worker),
//! the Letters pane's tree of them, the reference being followed and the reader view.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::letter::Kind;
use crate::review::{Link, Review};

/// One row of the review tree.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TreeRow {
    /// A review, by index: its company, file number and state.
    Review(usize),
    /// A letter of a review: the review's index and the letter's.
    Letter(usize, usize),
}

/// A reference followed from a comment: what the overlay shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Followed {
    /// The review both letters belong to.
    pub review: usize,
    /// The links of the comment it was followed from, in the comment's order.
    pub links: Vec<Link>,
    /// Which of them is shown.
    pub shown: usize,
}

/// What the workspace knows and shows of reviews.
#[derive(Debug, Clone, Default)]
pub(crate) struct Reviews {
    /// The reviews as last built, soonest due first (`None` until the first build).
    /// Set through [`Reviews::set`], which also indexes them by letter.
    pub built: Option<Arc<Vec<Review>>>,
    /// Each letter's review and place in it, by path: asked on every frame and after
    /// every action, so kept rather than searched for.
    at: HashMap<PathBuf, (usize, usize)>,
    /// A build is under way.
    pub building: bool,
    /// Letters changed during the build: build again when it is done.
    pub again: bool,
    /// The Letters pane shows the tree of reviews rather than the flat list.
    pub tree: bool,
    /// Reviews folded (their letters hidden), by the path of their first letter.
    pub folded: HashSet<PathBuf>,
    /// The tree's cursor, as a row index.
    pub cursor: usize,
    /// The tree's first row on screen.
    pub scroll: usize,
    /// The reference shown over the Comments pane.
    pub followed: Option<Followed>,
    /// The Comments pane shows the whole letter as written.
    pub reader: bool,
}

impl Reviews {
    /// Keep `reviews` as built, indexed by their letters' paths.
    pub fn set(&mut self, reviews: Arc<Vec<Review>>) {
        self.at = reviews
            .iter()
            .enumerate()
            .flat_map(|(r, review)| {
                review
                    .letters
                    .iter()
                    .enumerate()
                    .map(move |(l, filed)| (filed.path.clone(), (r, l)))
            })
            .collect();
        self.built = Some(reviews);
    }

    /// The reviews, once built.
    pub fn list(&self) -> &[Review] {
        self.built.as_deref().map_or(&[], Vec::as_slice)
    }

    /// The tree's rows: each review with a letter `shown` (the Letters pane's filter)
    /// lets through, then those of its letters in date order unless it is folded.
    pub fn rows(&self, shown: impl Fn(&Path) -> bool) -> Vec<TreeRow> {
        let mut rows = Vec::new();
        for (r, review) in self.list().iter().enumerate() {
            let mut letters = (0..review.letters.len())
                .filter(|&l| shown(&review.letters[l].path))
                .peekable();
            if letters.peek().is_none() {
                continue;
            }
            rows.push(TreeRow::Review(r));
            if !self.is_folded(review) {
                rows.extend(letters.map(|l| TreeRow::Letter(r, l)));
            }
        }
        rows
    }

    /// Whether `review`'s letters are hidden in the tree.
    pub fn is_folded(&self, review: &Review) -> bool {
        review
            .letters
            .first()
            .is_some_and(|f| self.folded.contains(&f.path))
    }

    /// The review holding the letter at `path`, and the letter's index in it.
    pub fn of_letter(&self, path: &Path) -> Option<(usize, usize)> {
        self.at.get(path).copied()
    }

    /// The letter that the file at `path` is a copy of (the PDF of which it is the
    /// text), when its review knows it as one.
    pub fn original_of(&self, path: &Path) -> Option<&Path> {
        let (r, l) = self.of_letter(path)?;
        let review = &self.list()[r];
        Some(review.letters[review.copy_of(l)?].path.as_path())
    }

    /// The answer a response of the review gave to comment `number` of the letter at
    /// `path`: the response's date (as printed) and the text. When the letter is itself
    /// a company response, the answer it gives under its restatement `number`.
    pub fn filed_answer(&self, path: &Path, number: &str) -> Option<(Option<&str>, &str)> {
        let (r, l) = self.of_letter(path)?;
        let review = &self.list()[r];
        let (response, text) = match review.letters[l].letter.kind {
            Kind::Response => (l, review.own_answer(l, number)?),
            _ => review.answer(l, number)?,
        };
        Some((review.letters[response].letter.date.as_deref(), text))
    }

    /// The references in comment `number` of the letter at `path`.
    pub fn links_from(&self, path: &Path, number: &str) -> Option<(usize, Vec<Link>)> {
        let (r, l) = self.of_letter(path)?;
        let links: Vec<Link> = self.list()[r].links_from(l, number).cloned().collect();
        (!links.is_empty()).then_some((r, links))
    }
}
