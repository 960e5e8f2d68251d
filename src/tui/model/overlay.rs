//! The dialogs and prompts over the panes, declared once in [`overlays!`]: which of them
//! is on top (their priority is the table's order), the data each holds, when each is
//! open, the keymap section its keys come from, and so what keys mean ([`Mode`]). The keys
//! (`update::input`), the routing of commands (`update::overlays`), the view
//! (`view::overlays`) and the key hints all ask this table.

use std::collections::VecDeque;

use super::command_line::CommandLine;
use super::ids::{LetterId, Pane};
use super::messages::MessageLog;
use super::precedent::PrecedentView;
use super::question::Question;
use crate::config::Context;
use crate::export::Format;
use crate::journal::Offer;

/// Declares the overlays, topmost first: for each, its doc, its data (a field of
/// [`Dialogs`]), the `[keymap]` section its keys come from, and when it is open (an
/// expression over the dialogs `d`). A new dialog is one line here, an arm for its
/// commands in `update::overlays`, an arm drawing it in `view::overlays`, and (when it
/// has keys of its own) its section in `config/default.toml`.
macro_rules! overlays {
    ($(
        $(#[doc = $doc:literal])*
        $overlay:ident($field:ident: $data:ty) => $section:ident, |$d:ident| $open:expr;
    )*) => {
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
            $(
                #[doc = concat!("The overlay `", stringify!($overlay), "` is on top.")]
                $overlay,
            )*
        }

        /// The data of every overlay, open or not.
        #[derive(Debug, Default)]
        pub struct Dialogs {
            $( $(#[doc = $doc])* pub(crate) $field: $data, )*
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
                    $( Mode::$overlay => Context::Dialog(stringify!($section)), )*
                }
            }
        }

        impl Dialogs {
            /// Whether `overlay` is open.
            pub(crate) fn is_open(&self, overlay: Overlay) -> bool {
                match overlay {
                    $( Overlay::$overlay => { let $d = self; $open } )*
                }
            }
        }
    };
}

overlays! {
    /// The help, over everything: its scroll.
    Help(help: Option<usize>) => help, |d| d.help.is_some();
    /// The recent status messages, shown in full by `:messages` (scrolled with the help's
    /// keys).
    Messages(log: MessageLog) => help, |d| d.log.shown.is_some();
    /// The journal's unsaved text offered back.
    Recovery(recovery: Recovery) => recovery, |d| d.recovery.open && !d.recovery.offers.is_empty();
    /// A comment of the open letter changed both here and on disk: its number.
    Conflict(conflict: Option<String>) => conflict, |d| d.conflict.is_some();
    /// Questions one key answers, the first shown (see [`Question`]).
    Question(questions: VecDeque<Question>) => question, |d| !d.questions.is_empty();
    /// The export's choice of format: the letter, and the format highlighted.
    Export(exporting: Option<(LetterId, Format)>) => export, |d| d.exporting.is_some();
    /// The search being typed, in the status bar.
    Search(prompt: Option<String>) => search, |d| d.prompt.is_some();
    /// The command line or the Letters pane's filter, in the status bar, and its history.
    Command(line: CommandLine) => command, |d| d.line.open.is_some();
    /// One of the precedent overlay's hits read in full: how far it is scrolled.
    PrecedentHit(precedent_hit: Option<u16>) => precedent_hit, |d| d.precedent.is_some() && d.precedent_hit.is_some();
    /// The comments of other letters most like the selected one, with their answers.
    Precedent(precedent: Option<PrecedentView>) => precedent, |d| d.precedent.is_some();
}

/// The journal's unsaved text found at start-up, and whether its dialog is open.
#[derive(Debug, Default)]
pub struct Recovery {
    /// Journal entries offered for recovery; the dialog shows the first.
    pub(crate) offers: Vec<Offer>,
    /// The dialog is open (while there are offers).
    pub(crate) open: bool,
}

impl Dialogs {
    /// The open overlays, topmost first.
    pub(crate) fn open(&self) -> impl Iterator<Item = Overlay> + '_ {
        Overlay::PRIORITY.into_iter().filter(|&o| self.is_open(o))
    }
}

#[cfg(test)]
mod tests {
    use super::Overlay;
    use crate::config::Config;

    #[test]
    fn every_overlay_finds_its_keys_in_the_builtin_keymap() {
        let keymap = Config::builtin(true).keymap;
        for overlay in Overlay::PRIORITY {
            let section = overlay.mode().context().section();
            assert!(
                !keymap.section(section).is_empty(),
                "{overlay:?}: no `{section}` section in config/default.toml"
            );
        }
    }
}
