//! A collector of the companies whose letters hold the documents a query matches: a
//! word said in the headings of many comments of one company's letters is counted
//! once, so one letter's many comments under "Recent Developments" do not decide
//! what "develop" names.

use std::collections::HashSet;

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::Column;
use tantivy::{DocId, Score, SegmentOrdinal, SegmentReader};

use super::schema::COMPANY_ID;

/// The distinct companies of the documents matched.
pub struct Companies;

/// [`Companies`] within one segment.
pub struct SegmentCompanies {
    ids: Column<u64>,
    seen: HashSet<u64>,
}

impl SegmentCollector for SegmentCompanies {
    type Fruit = HashSet<u64>;

    fn collect(&mut self, doc: DocId, _: Score) {
        if let Some(id) = self.ids.first(doc) {
            self.seen.insert(id);
        }
    }

    fn harvest(self) -> HashSet<u64> {
        self.seen
    }
}

impl Collector for Companies {
    type Fruit = HashSet<u64>;
    type Child = SegmentCompanies;

    fn for_segment(
        &self,
        _: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<SegmentCompanies> {
        Ok(SegmentCompanies {
            ids: reader.fast_fields().u64(COMPANY_ID)?,
            seen: HashSet::new(),
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<HashSet<u64>>) -> tantivy::Result<HashSet<u64>> {
        Ok(fruits.into_iter().flatten().collect())
    }
}

#[cfg(test)]
mod tests {
    use crate::precedent::Library;
    use crate::review::Filed;

    /// A staff letter to `company` with `body` (headings and numbered comments).
    fn letter(i: usize, company: &str, body: &str) -> Filed {
        let text = format!(
            "UNITED STATES\nSECURITIES AND EXCHANGE COMMISSION\n\nMarch 3, 2025\n\n\
             Ada Quill\nChief Financial Officer\n{company}\n1 Main Street\n\
             Springfield, IL 62701\n\nRe: {company}\nForm 10-K for the Fiscal Year Ended \
             December 31, 2024\nFile No. 001-{i:05}\n\nDear Ms. Quill:\n\nWe have reviewed \
             your filing and have the following comments.\n\n{body}\nSincerely,\n\n\
             Division of Corporation Finance\n"
        );
        Filed::from_bytes(&format!("staff-{i}.txt"), text.as_bytes()).unwrap()
    }

    /// One company's letter with three comments under "Recent Developments" does not
    /// make "develop" a section word against three insurers' "Loss Development Tables";
    /// "risk", over other headings in three companies' letters, is one.
    #[test]
    fn a_section_word_is_counted_by_companies_not_comments() {
        let recent = "Recent Developments\n\nVessel Sales, page 4\n\n1. Tell us how the vessels \
                      were sold.\n\nCharter Rates, page 5\n\n2. Tell us how charter rates \
                      fell.\n\nFleet Renewal, page 6\n\n3. Tell us how the fleet is renewed.\n\n";
        let mut filed = vec![letter(1, "Wexford Shipping Inc.", recent)];
        for (i, name) in [
            "Quarry Mutual Inc.",
            "Rook Assurance Inc.",
            "Sable Casualty Inc.",
        ]
        .into_iter()
        .enumerate()
        {
            let body = "Loss Development Tables, page F-40\n\n1. Please revise the loss \
                        development tables to show claims by accident year.\n\n\
                        Risk Factors\n\nReinsurance, page 12\n\n2. Tell us how reinsurance \
                        limits losses.\n\n";
            filed.push(letter(10 + i, name, body));
        }
        let dir = tempfile::tempdir().unwrap();
        let mut library = Library::open(dir.path()).unwrap();
        library.add(filed).unwrap();
        let searcher = library.reader.searcher();
        let share = |word| library.section_share(&searcher, word).unwrap();
        assert_eq!(share("develop"), 0.25);
        assert_eq!(share("risk"), 1.0);
    }
}
