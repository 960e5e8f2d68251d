//! The collector of "more like this": the best hits with one per fingerprint (the same
//! boilerplate in many letters is one hit), the probe's own letters left out, folded
//! while the search runs. Its threshold (the score of the weakest hit kept once it
//! holds enough) lets tantivy skip the blocks of postings that cannot beat it
//! (block-max WAND), so a query does not score every comment that shares a word.

use std::collections::{HashMap, HashSet};

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::Column;
use tantivy::query::Weight;
use tantivy::{DocAddress, DocId, Score, SegmentOrdinal, SegmentReader};

use super::schema::FINGERPRINT;

/// One hit kept: its score, where it is and its fingerprint.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Kept {
    /// Its relevance score.
    pub score: Score,
    /// The comment's document.
    pub address: DocAddress,
    /// The fingerprint of its words.
    pub print: u64,
}

/// The `limit` best hits, one per fingerprint, the documents of `left_out` skipped.
pub struct Fold<'a> {
    /// Hits wanted.
    pub limit: usize,
    /// Documents never to keep (the probe's letter, its company's letters).
    pub left_out: &'a HashSet<DocAddress>,
}

/// [`Fold`] within one segment.
pub struct SegmentFold {
    segment: SegmentOrdinal,
    limit: usize,
    prints: Column<u64>,
    left_out: Vec<DocId>,
    kept: Vec<Kept>,
}

impl SegmentFold {
    /// Consider `doc` with `score`; the score a document must now beat to be kept.
    fn offer(&mut self, doc: DocId, score: Score) -> Score {
        if self.left_out.binary_search(&doc).is_err() {
            let print = self.prints.first(doc).unwrap_or_default();
            let hit = Kept {
                score,
                address: DocAddress::new(self.segment, doc),
                print,
            };
            if let Some(same) = self.kept.iter_mut().find(|k| k.print == print) {
                if score > same.score {
                    *same = hit;
                }
            } else if self.kept.len() < self.limit {
                self.kept.push(hit);
            } else if let Some(weakest) = self.weakest().filter(|w| score > w.score) {
                *weakest = hit;
            }
        }
        self.threshold()
    }

    /// The hit kept with the lowest score.
    fn weakest(&mut self) -> Option<&mut Kept> {
        self.kept
            .iter_mut()
            .min_by(|a, b| a.score.total_cmp(&b.score))
    }

    /// The score to beat: the weakest hit's once `limit` are kept.
    fn threshold(&self) -> Score {
        if self.kept.len() < self.limit {
            return Score::MIN;
        }
        self.kept
            .iter()
            .map(|k| k.score)
            .min_by(f32::total_cmp)
            .unwrap_or(Score::MIN)
    }
}

impl SegmentCollector for SegmentFold {
    type Fruit = Vec<Kept>;

    fn collect(&mut self, doc: DocId, score: Score) {
        self.offer(doc, score);
    }

    fn harvest(self) -> Vec<Kept> {
        self.kept
    }
}

impl Collector for Fold<'_> {
    type Fruit = Vec<Kept>;
    type Child = SegmentFold;

    fn for_segment(
        &self,
        segment: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<SegmentFold> {
        let mut left_out: Vec<DocId> = self
            .left_out
            .iter()
            .filter(|a| a.segment_ord == segment)
            .map(|a| a.doc_id)
            .collect();
        left_out.sort_unstable();
        Ok(SegmentFold {
            segment,
            limit: self.limit,
            prints: reader.fast_fields().u64(FINGERPRINT)?,
            left_out,
            kept: Vec::with_capacity(self.limit),
        })
    }

    fn requires_scoring(&self) -> bool {
        true
    }

    /// Each segment's best, one per fingerprint, merged: the best of each fingerprint,
    /// highest score first (the earlier document first among equals).
    fn merge_fruits(&self, fruits: Vec<Vec<Kept>>) -> tantivy::Result<Vec<Kept>> {
        let mut best: HashMap<u64, Kept> = HashMap::new();
        for hit in fruits.into_iter().flatten() {
            let slot = best.entry(hit.print).or_insert(hit);
            if (hit.score, std::cmp::Reverse(hit.address))
                > (slot.score, std::cmp::Reverse(slot.address))
            {
                *slot = hit;
            }
        }
        let mut hits: Vec<Kept> = best.into_values().collect();
        hits.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.address.cmp(&b.address)));
        hits.truncate(self.limit);
        Ok(hits)
    }

    /// Collect with pruning: the scorer is told the score to beat after each hit.
    fn collect_segment(
        &self,
        weight: &dyn Weight,
        segment: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<Vec<Kept>> {
        let mut fold = self.for_segment(segment, reader)?;
        let alive = reader.alive_bitset();
        weight.for_each_pruning(Score::MIN, reader, &mut |doc, score| {
            if alive.is_some_and(|a| a.is_deleted(doc)) {
                fold.threshold()
            } else {
                fold.offer(doc, score)
            }
        })?;
        Ok(fold.harvest())
    }
}
