//! The dialogs and prompts over the panes, declared once in [`overlays!`]: which of them
//! is on top (their priority is the table's order), when each is open, the keymap
//! section its keys come from, and so what keys mean ([`Mode`]). The keys
//! (`update::input`), the routing of commands (`update::dialogs`), the view and the key
//! hints all ask this table.

use super::ids::Pane;
use super::state::State;
use crate::config::Context;

/// Declares the overlays, topmost first: for each, its doc, the keymap context its keys
/// come from, and when it is open (an expression over the state `s`). A new dialog is
/// one line here, its data in [`State`], its keys' section in the config (when it has
/// keys of its own), its handler in `update::dialogs` and its drawing in the view.
macro_rules! overlays {
    ($( $(#[doc = $doc:literal])* $overlay:ident => $context:ident, |$s:ident| $open:expr; )*) => {
        /// A dialog or prompt over the panes. Several can be open at once (the journal's
        /// offers arrive at start-up whatever is open); the topmost takes the keys.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Overlay {
            $( $(#[doc = $doc])* $overlay, )*
        }

        /// What keys mean right now: a pane's, or the topmost overlay's.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Mode {
            /// Browsing or editing in a pane.
            Pane(Pane),
            $( $(#[doc = $doc])* $overlay, )*
        }

        impl Overlay {
            /// Topmost first.
            pub const PRIORITY: [Overlay; [$(stringify!($overlay)),*].len()] =
                [$(Overlay::$overlay),*];

            /// What keys mean while it is on top.
            pub fn mode(self) -> Mode {
                match self {
                    $( Overlay::$overlay => Mode::$overlay, )*
                }
            }
        }

        impl Mode {
            /// The keymap section whose keys apply.
            pub fn context(self) -> Context {
                match self {
                    Mode::Pane(pane) => Context::from(pane),
                    $( Mode::$overlay => Context::$context, )*
                }
            }
        }

        impl State {
            /// Whether `overlay` is open.
            pub(crate) fn is_open(&self, overlay: Overlay) -> bool {
                match overlay {
                    $( Overlay::$overlay => { let $s = self; $open } )*
                }
            }
        }
    };
}

overlays! {
    /// The help, over everything.
    Help => Help, |s| s.help.is_some();
    /// The recent status messages in full (`:messages`); they scroll with the help's keys.
    Messages => Help, |s| s.log.shown.is_some();
    /// The journal's unsaved text offered back.
    Recovery => Recovery, |s| s.recovering && !s.offers.is_empty();
    /// A comment changed both here and on disk.
    Conflict => Conflict, |s| s.conflict.is_some();
    /// A question one key answers (see [`Question`](super::question::Question)).
    Question => Question, |s| !s.questions.is_empty();
    /// The export's choice of format.
    Export => Export, |s| s.exporting.is_some();
    /// The search being typed, in the status bar.
    Search => Search, |s| s.prompt.is_some();
    /// The command line or the Letters pane's filter, in the status bar.
    Command => Command, |s| s.line.open.is_some();
    /// The comments of other letters most like the selected one, with their answers.
    Precedent => Precedent, |s| s.precedent.is_some();
}

impl State {
    /// The open overlays, topmost first.
    pub(crate) fn overlays(&self) -> impl Iterator<Item = Overlay> + '_ {
        Overlay::PRIORITY.into_iter().filter(|&o| self.is_open(o))
    }

    /// What keys mean right now.
    pub fn mode(&self) -> Mode {
        self.overlays()
            .next()
            .map_or(Mode::Pane(self.focus), Overlay::mode)
    }
}
