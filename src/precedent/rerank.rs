//! The second stage of "more like this": the hits read are ordered again by how alike
//! their whole text is to the probe's (the cosine of their vectors of term weights,
//! frequency × IDF) once the probe's vector is joined by the mean of the best hits'
//! (pseudo-relevance feedback): at first the best by the first stage, then those first
//! in the last ordering, until they stay the same. The words the best hits share with
//! each other are the subject ("acquisition", "pro forma", "greenhouse"); a hit found
//! by a few of the probe's common words ("impact", "results", "business") shares
//! little with the others.

use std::collections::{BTreeMap, HashMap};

/// The best hits whose mean joins the probe's vector: the ten shown. With five, one odd
/// hit among them weighs twice as much; with the whole pool, the hits on other subjects
/// the first stage read weigh as much as the best.
pub const FEEDBACK: usize = 10;

/// The IDF of a term `df` of `docs` comments hold (BM25's).
pub fn idf(docs: f32, df: u64) -> f32 {
    (1.0 + (docs - df as f32 + 0.5) / (df as f32 + 0.5)).ln()
}

/// A text's terms with their weights, scaled to length 1. In the terms' order, so that
/// its sums are added in one order and equal texts are equally alike in every process
/// (a hash map's order differs from one process to the next, and so did the last bits
/// of the sums, and which of two equal hits came first).
#[derive(Debug, Default, Clone)]
pub struct Vector(BTreeMap<String, f32>);

impl Vector {
    /// The vector of `terms` (each as often as said) weighted (1 + ln tf) × `idf`.
    pub fn of<'a>(
        terms: impl Iterator<Item = &'a str>,
        mut idf: impl FnMut(&str) -> f32,
    ) -> Vector {
        let mut frequency: HashMap<&str, u32> = HashMap::new();
        for term in terms {
            *frequency.entry(term).or_default() += 1;
        }
        Vector::weighed(
            frequency
                .into_iter()
                .map(|(t, tf)| (t.to_owned(), (1.0 + (tf as f32).ln()) * idf(t))),
        )
    }

    /// The vector of terms already weighed.
    pub fn weighed(weights: impl Iterator<Item = (String, f32)>) -> Vector {
        let mut vector = Vector(weights.collect());
        vector.normalize();
        vector
    }

    /// Whether it holds `term`.
    pub fn has(&self, term: &str) -> bool {
        self.0.contains_key(term)
    }

    /// Scaled to length 1 (left as it is when empty).
    fn normalize(&mut self) {
        let norm = self.0.values().map(|w| w * w).sum::<f32>().sqrt();
        if norm > 0.0 {
            self.0.values_mut().for_each(|w| *w /= norm);
        }
    }
}

/// Orderings at most: the hits shown feed the next ordering until they stay the same,
/// which two or three reach on the corpus; a bound for a pool whose best would go round
/// in a circle.
const ROUNDS: usize = 5;

/// The order of `hits` (best first by the first stage): those `several` marks (sharing
/// several of the query's terms) first, each group by how alike a hit is to the probe's
/// vector joined by the mean of `feedback` hits. At first the first of that order by
/// the first stage's score (the hits shown, were no texts compared); then those first
/// in the last ordering, again until they stay the same: the first stage's best can
/// hold hits found by a chance word, which the ordering puts below those on the
/// subject, and those, not the chance ones, then say what the subject is (on the
/// corpus, the climate comment under "Risk Factors" 6 of 10 on its topic to 8).
pub fn ordered(probe: &Vector, hits: &[Vector], several: &[bool], feedback: usize) -> Vec<usize> {
    let pool = Numbered::of(probe, hits);
    let mut order: Vec<usize> = (0..hits.len()).collect();
    order.sort_by_key(|&i| (!several[i], i));
    let mut best = order[..feedback.min(hits.len())].to_vec();
    best.sort_unstable();
    for _ in 0..ROUNDS {
        let likeness = pool.likeness(&best);
        order.sort_by(|&a, &b| {
            several[b]
                .cmp(&several[a])
                .then(likeness[b].total_cmp(&likeness[a]))
                .then(a.cmp(&b))
        });
        let mut shown = order[..best.len()].to_vec();
        shown.sort_unstable();
        if shown == best {
            break;
        }
        best = shown;
    }
    order
}

/// The probe's vector and the hits' with their terms numbered: a query joined of some
/// of them is an array, and a hit's likeness a sum of reads in it (with the terms as
/// strings, looked up in a tree, the orderings after the first took a fifth of a
/// query's time).
struct Numbered {
    probe: Vec<(usize, f32)>,
    hits: Vec<Vec<(usize, f32)>>,
    terms: usize,
}

impl Numbered {
    /// The terms numbered as first met, the probe's first, each vector's in its order.
    fn of(probe: &Vector, hits: &[Vector]) -> Numbered {
        let mut numbers = HashMap::new();
        let probe = number(&mut numbers, probe);
        let hits = hits.iter().map(|hit| number(&mut numbers, hit)).collect();
        Numbered {
            probe,
            hits,
            terms: numbers.len(),
        }
    }

    /// For each hit, the cosine of its vector and the probe's joined by the mean of the
    /// hits at `best` (added in that order, so that the sums are the same in every
    /// process).
    fn likeness(&self, best: &[usize]) -> Vec<f32> {
        let mut query = vec![0.0; self.terms];
        for &(term, weight) in &self.probe {
            query[term] += weight;
        }
        for hit in best.iter().map(|&i| &self.hits[i]) {
            for &(term, weight) in hit {
                query[term] += weight / best.len() as f32;
            }
        }
        let norm = query.iter().map(|w| w * w).sum::<f32>().sqrt();
        if norm > 0.0 {
            query.iter_mut().for_each(|w| *w /= norm);
        }
        self.hits
            .iter()
            .map(|hit| hit.iter().map(|&(term, weight)| weight * query[term]).sum())
            .collect()
    }
}

/// The terms of `vector` with their numbers in `numbers`, new ones numbered next.
fn number<'a>(numbers: &mut HashMap<&'a str, usize>, vector: &'a Vector) -> Vec<(usize, f32)> {
    vector
        .0
        .iter()
        .map(|(term, weight)| {
            let next = numbers.len();
            (*numbers.entry(term.as_str()).or_insert(next), *weight)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::{Numbered, Vector, ordered};

    fn vector(text: &str) -> Vector {
        Vector::of(text.split_whitespace(), |_| 1.0)
    }

    /// Against a probe on the transition risks of climate change, a hit on the
    /// transition to a new revenue standard and one on greenhouse gas emissions each
    /// share one word; the best hits speak of emissions, so the second comes first.
    #[test]
    fn words_the_best_hits_share_lift_a_hit_above_one_sharing_a_chance_word() {
        let probe = vector("transition risks climate change");
        let hits = [
            vector("climate change litigation risks"),
            vector("climate greenhouse emissions carbon"),
            vector("transition method revenue standard"),
            vector("climate greenhouse emissions offsets"),
        ];
        let pool = Numbered::of(&probe, &hits);
        let without = pool.likeness(&[]);
        assert_eq!(without[2], without[3]);
        let with = pool.likeness(&[0, 1]);
        assert!(with[3] > with[2], "{with:?}");
        // The best stays first.
        assert!(with[0] > with[1] && with[0] > with[3], "{with:?}");
    }

    /// The first stage put two hits on the transition to a new revenue standard first;
    /// ordered against them, one of them stays first. The hits first in that ordering,
    /// on climate, then say what the subject is: in the next ordering those on the
    /// revenue standard come last.
    #[test]
    fn the_hits_first_in_one_ordering_feed_the_next() {
        let probe = vector("transition risks climate");
        let hits = [
            vector("revenue standard transition"),
            vector("standard risks"),
            vector("climate carbon transition"),
            vector("climate emissions risks"),
            vector("climate risks"),
        ];
        assert_eq!(ordered(&probe, &hits, &[true; 5], 2), [4, 3, 2, 1, 0]);
        // Hits sharing several terms still come first.
        let several = [true, true, false, false, false];
        assert_eq!(ordered(&probe, &hits, &several, 2)[..2], [1, 0]);
    }

    /// The first stage's best hit shares one of the query's terms: the ordering begins
    /// with the best of those sharing several, as it would show them, and the words of
    /// the hit on a revenue standard do not lift the other one.
    #[test]
    fn the_first_ordering_is_fed_by_the_best_sharing_several_terms() {
        let probe = vector("transition risks climate");
        let hits = [
            vector("standard emissions"),
            vector("revenue climate risks"),
            vector("climate transition"),
            vector("risks transition standard"),
            vector("standard climate"),
        ];
        let several = [false, true, true, true, false];
        assert_eq!(ordered(&probe, &hits, &several, 2)[..3], [2, 1, 3]);
    }

    #[test]
    fn vectors_weigh_repeated_words_by_one_plus_the_log_of_their_count() {
        let v = Vector::of(["tax", "tax", "rate"].into_iter(), |t| {
            if t == "tax" { 2.0 } else { 1.0 }
        });
        let tax = 2.0 * (1.0 + 2f32.ln());
        let norm = (tax * tax + 1.0).sqrt();
        assert!((v.0["tax"] - tax / norm).abs() < 1e-6);
        assert!((v.0["rate"] - 1.0 / norm).abs() < 1e-6);
    }
}
