//! The workspace tells the truth, and the editor keeps the text exactly as typed.

use super::*;

/// Resolve every comment of the open letter from the Comments pane.
fn resolve_all(s: &mut State) {
    let count = s.open_letter().unwrap().comments.len();
    for _ in 0..count {
        press(s, ch('r'));
        press(s, ch('j'));
    }
}

#[test]
fn a_filter_lists_only_the_comments_it_names() {
    let mut s = opened();
    resolve_all(&mut s);
    press(&mut s, ch('f'));
    assert_eq!(s.filter(), Filter::Open);
    assert_eq!(s.message(), Some("Filter: open (0 comments)."));
    assert_eq!(s.visible_comments(), Vec::<usize>::new(), "nothing is open");
    // Reopening one under the "resolved" filter takes it out of the list.
    typing(&mut s, "ff");
    assert_eq!(s.filter(), Filter::Resolved);
    assert_eq!(s.visible_comments(), [0, 1, 2, 3]);
    let reopened = s.selected_comment().unwrap().number.clone();
    press(&mut s, ch('r'));
    assert!(
        s.visible_comments().len() == 3 && s.selected_comment().unwrap().number != reopened,
        "the reopened comment leaves the resolved list and the selection moves on"
    );
}

#[test]
fn resolving_an_empty_response_says_so() {
    let mut s = opened();
    press(&mut s, ch('r'));
    let message = s.message().unwrap_or_default().to_string();
    assert!(
        message.contains("no response"),
        "resolving comment 1 with nothing drafted is said: {message:?}"
    );
}

#[test]
fn saved_is_not_claimed_before_a_drafts_file_exists() {
    let mut s = opened();
    drafts_read(&mut s, Ok(None));
    assert_ne!(s.save_state(), SaveState::Saved, "no drafts file yet");
}

// ---- the editor keeps the text exactly ----

/// Comment 1 of the open letter with `response` loaded from its drafts file.
fn loaded_with(response: &str) -> State {
    let mut s = opened();
    let drafts = drafts_of(&[("1", Status::Drafted, response)]);
    drafts_read(&mut s, Ok(Some(drafts)));
    s
}

#[test]
fn one_edit_of_a_crlf_draft_keeps_every_other_character() {
    let mut s = loaded_with("First\r\nSecond\tcol\u{1b}[1m\u{202e}rlo\u{200b}zw\rcr");
    drafting(&mut s, "!");
    assert_eq!(
        response_of(&s, "1"),
        "First\nSecond\tcol\u{1b}[1m\u{202e}rlo\u{200b}zw\rcr!"
    );
}

#[test]
fn tab_in_the_editor_indents_and_never_leaves_it() {
    assert!(
        !matches!(
            map(DRAFT, key(KeyCode::Tab)),
            Some(Action::Run(Command::NextPane | Command::PrevPane))
        ),
        "Tab in the editor is not a pane switch"
    );
    let mut s = opened();
    press(&mut s, ch('i'));
    press(&mut s, key(KeyCode::Tab));
    typing(&mut s, "q");
    assert_eq!(s.focus(), Pane::Draft);
    assert_eq!(response_of(&s, "1"), "    q");
    press(&mut s, ev(KeyCode::BackTab, KeyModifiers::SHIFT));
    assert_eq!(s.focus(), Pane::Draft, "Shift-Tab does not leave either");
    press(&mut s, key(KeyCode::Esc));
    assert_eq!(s.focus(), Pane::Comments, "Esc leaves");
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(200))]

    /// Any text loaded, edited once and saved keeps every character not edited (only
    /// CRLF line endings become LF).
    #[test]
    fn an_edit_keeps_every_character_not_edited(
        text in "[a \r\n\t\u{1b}\u{7f}\u{85}\u{202e}\u{2066}\u{200b}\u{feff}\u{2028}e\u{301}日]{0,40}",
        back in 0usize..45,
    ) {
        let mut s = loaded_with(&text);
        press(&mut s, ch('i'));
        for _ in 0..back {
            press(&mut s, key(KeyCode::Left));
        }
        typing(&mut s, "X");
        let saved = response_of(&s, "1");
        proptest::prop_assert_eq!(saved.matches('X').count(), 1);
        proptest::prop_assert_eq!(saved.replacen('X', "", 1), text.replace("\r\n", "\n"));
    }
}

/// The whole screen as text, one line per row.
fn shown(s: &State, width: u16, height: u16) -> String {
    let mut terminal =
        ratatui::Terminal::new(ratatui::backend::TestBackend::new(width, height)).unwrap();
    terminal.draw(|f| letterdesk::tui::draw(f, s)).unwrap();
    let buf = terminal.backend().buffer();
    (0..height)
        .map(|y| (0..width).map(|x| buf[(x, y)].symbol()).collect::<String>())
        .collect::<Vec<_>>()
        .join("\n")
}

fn paragraphs(n: usize) -> String {
    crate::support::lines(n, |i| format!("Paragraph {i} of the response."))
}

#[test]
fn a_newly_selected_draft_shows_from_its_start() {
    let mut s = loaded_with(&paragraphs(60));
    update(&mut s, Action::Resize(120, 30));
    assert!(shown(&s, 120, 30).contains("Paragraph 1 of"));
    typing(&mut s, "jk");
    assert!(shown(&s, 120, 30).contains("Paragraph 1 of"), "and again");
}

#[test]
fn a_resize_keeps_the_cursor_in_view_without_hiding_text_above() {
    let mut s = loaded_with(&paragraphs(40));
    update(&mut s, Action::Resize(120, 12));
    press(&mut s, ch('i'));
    press(&mut s, ev(KeyCode::Home, KeyModifiers::CONTROL));
    for _ in 0..20 {
        press(&mut s, key(KeyCode::Down));
    }
    let small = shown(&s, 120, 12);
    assert!(small.contains("Paragraph 21 of") && !small.contains("Paragraph 1 of"));
    update(&mut s, Action::Resize(120, 60));
    let tall = shown(&s, 120, 60);
    assert!(
        tall.contains("Paragraph 1 of"),
        "everything fits: nothing hidden\n{tall}"
    );
    assert!(tall.contains("Paragraph 21 of"));
}

#[test]
fn undo_history_is_kept_per_comment() {
    let mut s = opened();
    drafting(&mut s, "The Company respectfully advises the Staff");
    press(&mut s, ctrl('z'));
    assert_eq!(
        response_of(&s, "1"),
        "The Company respectfully advises the ",
        "one word undone"
    );
    press(&mut s, key(KeyCode::Esc));
    typing(&mut s, "ji");
    typing(&mut s, "Other");
    press(&mut s, key(KeyCode::Esc));
    typing(&mut s, "ki");
    press(&mut s, ctrl('z'));
    assert_eq!(
        response_of(&s, "1"),
        "The Company respectfully advises ",
        "the history came back with the comment"
    );
    press(&mut s, ctrl('y'));
    press(&mut s, ctrl('y'));
    assert_eq!(
        response_of(&s, "1"),
        "The Company respectfully advises the Staff"
    );
    assert_eq!(response_of(&s, "2"), "Other");
}

#[test]
fn a_key_bound_to_export_with_a_format_exports_at_once() {
    use letterdesk::export::Format;
    let text = "[keymap]\nletters = [{ on = [\"X\"], run = \"export  docx\", desc = \"Word now\" },\n { on = [\"M\"], run = \"export_markdown\", desc = \"old name\" }]\n";
    let mut s = state();
    set_user_config(&mut s, text, true);
    let fx = press(&mut s, ch('X'));
    let (_, format, _) = export_effect(&fx).unwrap();
    assert_eq!(format, Format::Docx);
    assert_eq!(s.mode(), LETTERS, "no prompt in between");
    let fx = press(&mut s, ch('M'));
    assert_eq!(export_effect(&fx).unwrap().1, Format::Markdown);
}
