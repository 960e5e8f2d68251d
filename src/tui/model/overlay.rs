//! The dialogs and prompts over the panes, and which of them is on top: their priority
//! is written here once, and the keys (`State::mode`), the view and the transitions all
//! ask it (through `State::overlays`).

use super::ids::Mode;

/// A dialog or prompt over the panes. Several can be open at once (the journal's offers
/// arrive at start-up whatever is open); the topmost takes the keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overlay {
    /// The help, over everything.
    Help,
    /// The recent status messages in full (`:messages`).
    Messages,
    /// The journal's unsaved text offered back.
    Recovery,
    /// A comment changed both here and on disk.
    Conflict,
    /// A question one key answers (see [`Question`](super::question::Question)).
    Question,
    /// The export's choice of format.
    Export,
    /// The search being typed, in the status bar.
    Search,
    /// The command line or the Letters pane's filter, in the status bar.
    Command,
    /// The comments of other letters most like the selected one, with their answers.
    Precedent,
}

impl Overlay {
    /// Topmost first.
    pub const PRIORITY: [Overlay; 9] = [
        Overlay::Help,
        Overlay::Messages,
        Overlay::Recovery,
        Overlay::Conflict,
        Overlay::Question,
        Overlay::Export,
        Overlay::Search,
        Overlay::Command,
        Overlay::Precedent,
    ];

    /// What keys mean while it is on top.
    pub fn mode(self) -> Mode {
        match self {
            Overlay::Help => Mode::Help,
            Overlay::Recovery => Mode::Recovery,
            Overlay::Conflict => Mode::Conflict,
            Overlay::Question => Mode::Question,
            Overlay::Export => Mode::Export,
            Overlay::Search => Mode::Search,
            Overlay::Messages => Mode::Messages,
            Overlay::Command => Mode::Command,
            Overlay::Precedent => Mode::Precedent,
        }
    }
}
