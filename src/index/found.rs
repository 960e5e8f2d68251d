//! What a folder search hands over ([`Found`]), and where: to a function as it is
//! found, or into a list that makes room for each folder's finds at once.

use std::path::PathBuf;

use crate::cache::Stamp;

/// What a search hands over: a letter file, or a path it could not go into or read,
/// with why.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Found {
    /// The letter file (or the folder or link the problem is with).
    pub path: PathBuf,
    /// Why it cannot be read, when the search already knows: a path named that does not
    /// exist, an unreadable folder, a symlink loop, a link to a letter that cannot be
    /// followed, a folder nested deeper than [`MAX_DEPTH`](super::MAX_DEPTH).
    pub problem: Option<String>,
    /// Other files of the same name in the same folder, not read because this one is
    /// preferred (a text file over a PDF or HTML one: it may hold a person's
    /// corrections); see [`source::SOURCES`](crate::letter::source::SOURCES).
    pub also: Vec<PathBuf>,
    /// Whether the letter may have a drafts file (`NAME.responses.toml`): `false` when
    /// the folder listing the search read holds none of that name, so a reader need not
    /// look for one; `true` when it does, or the search cannot tell.
    pub drafts: bool,
    /// The letter file's stamp as the search saw it, when the cache is on (the cache's
    /// key to its brief): read relative to its folder, in the order of the folder's
    /// listing, before anything reads the file. `None`: a reader looks itself.
    pub stamp: Option<Stamp>,
}

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
