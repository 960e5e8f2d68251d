//! The workspace tells the truth: filters, due dates and hints are never cut or wrong.

use super::*;

/// The screen's row `y`.
fn row_of(screen: &str, y: usize) -> &str {
    screen.lines().nth(y).unwrap_or_default()
}

/// The screens of `s` at each of `widths` columns, `height` rows, with their width.
fn at_widths(s: &mut State, widths: &[u16], height: u16) -> Vec<(u16, String)> {
    widths.iter().map(|&w| (w, screen(s, w, height))).collect()
}

#[test]
fn the_comments_title_shows_the_filter_before_anything_is_cut() {
    let mut s = northwind_open();
    update(&mut s, Action::Run(Command::Filter));
    for (width, screen) in at_widths(&mut s, &[90, 100, 120], 40) {
        let top = row_of(&screen, 0);
        // The Comments pane has the focus: its title is the one in the thick border.
        let start = top.find('┏').expect("the focused pane's corner");
        let end = top.find('┓').expect("the focused pane's corner");
        let title = &top[start..end];
        assert!(
            title.contains("open"),
            "the filter is in the Comments title at {width} columns:\n{top}"
        );
    }
}

#[test]
fn an_overdue_date_is_never_cut_at_80_columns() {
    let mut s = desk();
    let screen = screen(&mut s, 80, 24);
    let row = screen
        .lines()
        .find(|l| l.contains("0/5"))
        .unwrap_or_default();
    assert!(
        row.contains("2024-03-15"),
        "the whole due date shows at 80 columns:\n{screen}"
    );
}

#[test]
fn the_help_overlay_uses_the_width_it_has() {
    let desc = "save now, then tell the team in the status bar which comments were saved and when";
    let text =
        format!("[keymap]\nglobal = [{{ on = [\"f5\"], run = \"save\", desc = \"{desc}\" }}]\n");
    let mut s = northwind_open();
    set_user_config(&mut s, &text, true);
    update(&mut s, Action::Run(Command::Help));
    let screen = screen(&mut s, 200, 60);
    assert!(
        screen.contains(desc),
        "at 200 columns a long description shows whole:\n{screen}"
    );
}

#[test]
fn the_editor_status_bar_advertises_no_key_that_types() {
    let mut s = northwind_open();
    update(&mut s, Action::Run(Command::Edit));
    for (width, screen) in at_widths(&mut s, &[80, 120, 200], 30) {
        let bottom = screen.lines().last().unwrap_or_default().to_string();
        assert!(
            !bottom.contains("? help"),
            "'?' types in the editor, so it is not offered for help ({width} columns):\n{bottom}"
        );
    }
}

/// The hints offer no key with nothing to act on: recovering while the journal offers
/// nothing, choosing while no draft is in conflict, completing in the letter filter.
/// Their place goes to keys that do something (the precedent key in the Comments
/// pane). Before, "J recover unsaved" stood in the Letters pane's hints on every start.
#[test]
fn the_hints_offer_no_key_with_nothing_to_act_on() {
    use crate::support::offer;
    use letterdesk::tui::Pane;
    let bottom = |s: &mut State| {
        screen(s, 160, 30)
            .lines()
            .last()
            .unwrap_or_default()
            .to_owned()
    };
    let mut s = desk();
    assert!(
        !bottom(&mut s).contains("recover unsaved"),
        "{}",
        bottom(&mut s)
    );
    // The letter filter completes no name and recalls no command; the command line does.
    update(&mut s, Action::Run(Command::FindLetter));
    let filter = bottom(&mut s);
    assert!(
        filter.contains("Esc cancel") && !filter.contains("Tab"),
        "{filter}"
    );
    update(&mut s, Action::Run(Command::CommandCancel));
    update(&mut s, Action::Run(Command::CommandLine));
    let line = bottom(&mut s);
    assert!(line.contains("Tab complete the name"), "{line}");
    update(&mut s, Action::Run(Command::CommandCancel));
    let offer = offer(
        "/letters/northwind_2024-03-01.txt",
        "2",
        "Reserves are estimated by model.",
        "/state/journal/x.json",
    );
    let offers = vec![offer];
    update(&mut s, Action::JournalOffers { offers, here: 1 });
    update(&mut s, Action::Run(Command::Later));
    assert!(
        bottom(&mut s).contains("J recover unsaved"),
        "{}",
        bottom(&mut s)
    );

    let mut s = northwind_open();
    assert!(bottom(&mut s).contains("p precedent"), "{}", bottom(&mut s));
    assert!(!s.hinted(Pane::Comments, Command::ShowConflict));
    run_all(&mut s, &[Command::Down, Command::Edit]);
    update(&mut s, Action::Paste(" Mine.".into()));
    update(&mut s, Action::Run(Command::Leave));
    let theirs = drafts_of(&[("2", Status::Resolved, "Theirs.")]);
    update(
        &mut s,
        Action::DraftsLoaded {
            letter: LetterId(1),
            generation: 0,
            result: Ok(Some(theirs)),
        },
    );
    assert!(s.hinted(Pane::Comments, Command::ShowConflict));
}
