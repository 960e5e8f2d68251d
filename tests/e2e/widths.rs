//! End to end in tmux: characters whose width the terminal and `unicode-width` may count
//! differently (emoji with skin-tone modifiers, ZWJ sequences, emoji presentation
//! selectors, noncharacters) never move a pane border: every row of every pane ends at
//! the terminal's last column with its border.

use crate::common;

use common::letters::letter_text;
use common::tmux::{self, Tmux};

/// Text full of clusters terminals disagree about.
const CLUSTERS: &str = "thumbs 👍🏽 heart ❤️ family 👨‍👩‍👧 flag 🇺🇸 keycap 1️⃣ odd \u{FFFE}\u{FFFF} end";

/// Every row above the status bar ends with a pane border at the last column.
fn assert_borders(screen: &str, width: usize, when: &str) {
    let rows: Vec<&str> = screen.lines().collect();
    for (y, row) in rows.iter().enumerate().take(rows.len().saturating_sub(2)) {
        let last = row.trim_end().chars().last();
        assert!(
            matches!(last, Some('│' | '┃' | '┐' | '┓' | '┘' | '┛')),
            "{when}: row {y} does not end with a border at column {width}:\n{screen}"
        );
    }
}

#[test]
fn clusters_of_uncertain_width_never_move_a_border() {
    let Some(dir) = tmux::folder() else {
        return;
    };
    std::fs::write(
        dir.path().join("a.txt"),
        letter_text(
            &format!("Emoji 👍🏽❤️ Holdings {CLUSTERS}"),
            &[
                format!("Please explain {CLUSTERS} in your disclosure."),
                format!("{CLUSTERS} {CLUSTERS}"),
            ],
        ),
    )
    .unwrap();
    for width in [100u16, 140] {
        let t = Tmux::start(dir.path(), &["."], width, 30);
        t.wait_for("Emoji");
        assert_borders(&t.screen(), usize::from(width), "the letter list");
        t.press("Enter", "disclosure");
        assert_borders(&t.screen(), usize::from(width), "the comments");
        t.keys(&["Enter"]);
        t.type_text("Typed 👍🏽 and ❤️ too.");
        t.wait_for("too.");
        assert_borders(&t.screen(), usize::from(width), "the draft");
        t.keys(&["Escape"]);
        t.keys(&["C-c"]);
        t.wait_exit();
    }
}
