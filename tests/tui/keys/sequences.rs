//! Two-key sequences as vim users type them: `gg` to the top, `zz` to centre the
//! selected comment; the first key waits (shown in the status bar) and Esc or any
//! other key cancels it; `G`, `12G` and `12gg` keep working.

use super::*;

/// The screen's panes (above the status bar) and the status bar's first line.
fn panes_and_status(s: &mut State) -> (String, String) {
    let text = screen(s, 160, 14);
    let lines: Vec<&str> = text.lines().collect();
    (lines[..12].join("\n"), lines[12].trim_end().to_string())
}

#[test]
fn gg_goes_to_the_first_comment_and_the_first_g_waits_in_the_status_bar() {
    let mut s = kittiwake();
    typed(&mut s, ":12\n");
    let (_, status) = panes_and_status(&mut s);
    assert!(!status.ends_with(" g"), "{status}");
    typed(&mut s, "g");
    assert_eq!(selected(&s), "12", "g alone waits");
    let (_, status) = panes_and_status(&mut s);
    assert!(status.ends_with('g'), "the pending key shows: {status}");
    typed(&mut s, "g");
    assert_eq!(selected(&s), "1");
    let (_, status) = panes_and_status(&mut s);
    assert!(!status.ends_with('g'), "{status}");
    typed(&mut s, "G");
    assert_eq!(selected(&s), "15", "G alone");
    typed(&mut s, "5gg");
    assert_eq!(selected(&s), "5", "a count before gg");
    typed(&mut s, "9G");
    assert_eq!(selected(&s), "9", "a count before G");
}

#[test]
fn esc_or_any_other_key_cancels_the_first_g() {
    let mut s = kittiwake();
    typed(&mut s, ":12\ng\x1b");
    assert_eq!(s.focus(), Pane::Comments, "Esc cancelled g, and only that");
    assert_eq!(selected(&s), "12");
    typed(&mut s, "gj");
    assert_eq!(selected(&s), "12", "j cancelled g, and only that");
    typed(&mut s, "j");
    assert_eq!(selected(&s), "13");
    typed(&mut s, "3gxgg");
    assert_eq!(
        selected(&s),
        "1",
        "the count went with the sequence cancelled"
    );
}

#[test]
fn gg_in_the_letters_pane() {
    let mut s = desk();
    typed(&mut s, "G");
    assert_eq!(
        s.cursor_listing().unwrap().brief.company.as_deref(),
        Some("Cobalt Ferry Co.")
    );
    typed(&mut s, "g");
    assert_eq!(
        s.cursor_listing().unwrap().brief.company.as_deref(),
        Some("Cobalt Ferry Co."),
        "g alone waits"
    );
    typed(&mut s, "g");
    assert_eq!(
        s.cursor_listing().unwrap().brief.company.as_deref(),
        Some("Ashgrove Mills Inc.")
    );
}

#[test]
fn zz_centres_the_selected_comment_and_z_alone_waits() {
    let mut s = kittiwake();
    update(&mut s, Action::Resize(160, 14));
    typed(&mut s, ":12\n");
    let (before, _) = panes_and_status(&mut s);
    typed(&mut s, "z");
    let (waiting, status) = panes_and_status(&mut s);
    assert_eq!(waiting, before, "z alone moves nothing");
    assert!(status.ends_with('z'), "{status}");
    typed(&mut s, "z");
    let (centred, _) = panes_and_status(&mut s);
    assert_ne!(centred, before, "zz scrolled the comments");
    let row = |text: &str| {
        text.lines()
            .position(|l| l.contains("Comment 12:"))
            .expect("comment 12 shows")
    };
    assert!(
        row(&centred) < row(&before),
        "comment 12 moved up to the middle\n{before}\n{centred}"
    );
}
