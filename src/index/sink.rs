//! Where a folder search hands what it finds: to a function as it is found, or into a
//! list that makes room for each folder's finds at once.

use super::find::Found;

/// Where a search hands what it finds.
pub(super) trait Sink {
    /// A letter file, or a path that cannot be searched or read.
    fn take(&mut self, found: Found);
    /// A folder listing of `entries` names is about to be handed over.
    fn expect(&mut self, entries: usize) {
        let _ = entries;
    }
}

/// Each find handed to a function as it is found.
pub(super) struct Each<F>(pub(super) F);

impl<F: FnMut(Found)> Sink for Each<F> {
    fn take(&mut self, found: Found) {
        (self.0)(found);
    }
}

/// The finds gathered in a list, room made for a folder's at once (a list grown one
/// by one would copy itself into fresh memory again and again).
impl Sink for Vec<Found> {
    fn take(&mut self, found: Found) {
        self.push(found);
    }

    fn expect(&mut self, entries: usize) {
        self.reserve(entries);
    }
}
