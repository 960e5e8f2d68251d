//! Test inputs for the hand-written scanners.

/// Every text made of one to `most` of `pieces` one after another, shortest first: the
/// inputs on which a hand-written scanner is checked against the pattern it replaces.
pub(crate) fn every_join(pieces: &[&str], most: usize) -> Vec<String> {
    let mut layer = vec![String::new()];
    let mut texts = Vec::new();
    for _ in 0..most {
        layer = layer
            .iter()
            .flat_map(|t| pieces.iter().map(move |p| format!("{t}{p}")))
            .collect();
        texts.extend(layer.iter().cloned());
    }
    texts
}
