//! The journal, outside changes merged, conflicts settled and offers recovered.

use super::*;

#[test]
fn typing_is_journalled_within_a_second_and_cleared_after_saving() {
    let mut s = loaded();
    let t0 = clock_started(&mut s);
    drafting(&mut s, " More");
    let fx = update(&mut s, Action::Tick(t0 + Duration::from_millis(400)));
    assert!(
        !fx.iter().any(|e| matches!(e, Effect::Journal(_))),
        "{fx:?}"
    );
    let fx = update(&mut s, Action::Tick(t0 + Duration::from_millis(800)));
    let journalled = fx.iter().find_map(|e| match e {
        Effect::Journal(typed) => Some(typed.clone()),
        _ => None,
    });
    let typed = journalled.expect("journalled after the delay");
    assert_eq!(typed[0].number, "1");
    assert_eq!(typed[0].text, "Saved one. More");
    assert_eq!(typed[0].letter, PathBuf::from("/letters/northwind.txt"));
    let fx = update(&mut s, Action::Tick(t0 + Duration::from_millis(1900)));
    let sent = saved_drafts(&fx).expect("autosave");
    let fx = update(
        &mut s,
        Action::Saved {
            letter: LetterId(1),
            generation: 6,
            result: Ok(Box::new(sent.clone())),
        },
    );
    // The drafts worker clears the journal right after the save itself (before any
    // later job): nothing more to ask for.
    assert!(fx.is_empty(), "{fx:?}");
}

#[test]
fn an_outside_change_is_taken_in_and_shown() {
    let mut s = loaded();
    let fx = drafts_read(
        &mut s,
        Ok(Some(drafts_of(&[
            ("1", Status::Drafted, "Saved one."),
            ("3", Status::Drafted, "Theirs three."),
        ]))),
    );
    assert!(fx.is_empty(), "nothing to write: {fx:?}");
    assert_eq!(response_of(&s, "3"), "Theirs three.");
    assert_eq!(s.save_state(), SaveState::Saved);
    assert!(s.message().unwrap().contains("comment 3 changed on disk"));
}

#[test]
fn a_save_held_back_by_an_outside_change_merges_and_saves_again() {
    let mut s = loaded();
    drafting(&mut s, " Mine");
    let fx = press(&mut s, key(KeyCode::Esc));
    assert_eq!(saves(&fx), 1);
    // The worker found the file changed: it hands the disk's version back.
    let fx = update(
        &mut s,
        Action::DiskChanged {
            letter: LetterId(1),
            generation: 6,
            result: Ok(Some(drafts_of(&[
                ("1", Status::Drafted, "Saved one."),
                ("3", Status::Drafted, "Theirs three."),
            ]))),
        },
    );
    let again = saved_drafts(&fx).expect("saved again after merging");
    assert_eq!(again.get("1").unwrap().response, "Saved one. Mine");
    assert_eq!(again.get("3").unwrap().response, "Theirs three.");
}

/// Comment 1 edited here ("Saved one. Mine") and on disk ("Theirs.").
fn conflicted() -> State {
    let mut s = loaded();
    drafting(&mut s, " Mine");
    let fx = drafts_read(
        &mut s,
        Ok(Some(drafts_of(&[("1", Status::Resolved, "Theirs.")]))),
    );
    // Nothing of theirs is overwritten while the user has not chosen.
    if let Some(sent) = saved_drafts(&fx) {
        assert_eq!(sent.get("1").unwrap().response, "Theirs.");
    }
    assert_eq!(s.conflicts().len(), 1);
    assert!(matches!(s.save_state(), SaveState::Conflict(n) if n == ["1"]));
    assert!(s.message().unwrap().contains("changed here and on disk"));
    press(&mut s, key(KeyCode::Esc));
    press(&mut s, ch('c'));
    assert_eq!(s.mode(), Mode::Conflict);
    s
}

#[test]
fn a_two_sided_change_is_settled_each_way() {
    for (key, response, status) in [
        ('m', "Saved one. Mine", Status::Drafted),
        ('t', "Theirs.", Status::Resolved),
        ('b', "Saved one. Mine\n\nTheirs.", Status::Resolved),
    ] {
        let mut s = conflicted();
        press(&mut s, ch(key));
        assert!(s.conflicts().is_empty(), "{key}");
        assert_eq!(s.mode(), Mode::Pane(Pane::Comments));
        assert_eq!(response_of(&s, "1"), response, "{key}");
        assert_eq!(s.draft("1").unwrap().status, status, "{key}");
        let fx = press(&mut s, ctrl('s'));
        let sent = saved_drafts(&fx).unwrap();
        assert_eq!(sent.get("1").unwrap().response, response, "{key}");
    }
}

#[test]
fn deciding_later_keeps_the_conflict_and_theirs_on_disk() {
    let mut s = conflicted();
    press(&mut s, key(KeyCode::Esc));
    assert_eq!(s.mode(), Mode::Pane(Pane::Comments));
    assert_eq!(s.conflicts().len(), 1);
    // The file already holds theirs: nothing to write until the user chooses.
    let fx = press(&mut s, ctrl('s'));
    assert_eq!(saves(&fx), 0, "{fx:?}");
    assert_eq!(response_of(&s, "1"), "Saved one. Mine");
    press(&mut s, ch('c'));
    assert_eq!(s.mode(), Mode::Conflict);
}

#[test]
fn a_failed_save_names_the_path_journals_and_asks_before_quitting() {
    let mut s = loaded();
    drafting(&mut s, " x");
    press(&mut s, key(KeyCode::Esc));
    let fx = update(
        &mut s,
        Action::Saved {
            letter: LetterId(1),
            generation: 3,
            result: Err("/letters/northwind.responses.toml: Permission denied".into()),
        },
    );
    assert!(
        fx.iter()
            .any(|e| matches!(e, Effect::Journal(t) if t[0].text == "Saved one. x")),
        "{fx:?}"
    );
    let message = s.message().unwrap();
    assert!(message.contains("/letters/northwind.responses.toml: Permission denied"));
    assert!(matches!(s.save_state(), SaveState::Failed(_)));
    let fx = press(&mut s, ch('q'));
    assert!(!s.should_quit(), "asks first: {fx:?}");
    assert!(s.message().unwrap().contains("Press q again"));
    let fx = press(&mut s, ch('q'));
    assert!(s.should_quit());
    assert!(fx.contains(&Effect::Quit));
}

#[test]
fn offers_of_letters_in_other_folders_wait_for_j() {
    let mut s = loaded();
    let typed = "Typed in another workspace.";
    let offer = offer("/elsewhere/other.txt", "1", typed, "/state/j/y.json");
    update(
        &mut s,
        Action::JournalOffers {
            offers: vec![offer],
            here: 0,
        },
    );
    assert_ne!(s.mode(), Mode::Recovery);
    assert!(
        s.message()
            .unwrap()
            .contains("1 unsaved text(s) in the journal for letters in other folders: press J"),
        "{:?}",
        s.message()
    );
    run_all(&mut s, &[Command::Leave, Command::ShowRecovery]);
    assert_eq!(s.mode(), Mode::Recovery);
    assert_eq!(s.offers().len(), 1);
}

#[test]
fn journal_offers_are_recovered_discarded_or_kept() {
    let offer = |number, text| offer("/letters/northwind.txt", number, text, "/state/j/x.json");
    let mut s = loaded();
    update(
        &mut s,
        Action::JournalOffers {
            offers: vec![offer("2", "Lost two."), offer("4", "Lost four.")],
            here: 2,
        },
    );
    assert_eq!(s.mode(), Mode::Recovery);
    // Enter does not recover: the dialog opens by itself at start-up, where a quick
    // Enter was meant to open a letter.
    press(&mut s, key(KeyCode::Enter));
    assert_eq!(s.offers().len(), 2);
    assert_eq!(s.mode(), Mode::Recovery);
    press(&mut s, ch('y'));
    assert_eq!(response_of(&s, "2"), "Lost two.");
    assert_eq!(s.offers().len(), 1);
    press(&mut s, key(KeyCode::Esc));
    assert_eq!(s.mode(), Mode::Pane(Pane::Comments));
    assert_eq!(s.offers().len(), 1, "declining keeps it");
    press(&mut s, ch('J'));
    assert_eq!(s.mode(), Mode::Recovery);
    let fx = press(&mut s, ch('d'));
    assert!(matches!(&fx[..], [Effect::DiscardJournal(e)] if e.number == "4"));
    assert!(s.offers().is_empty());
    assert_eq!(s.mode(), Mode::Pane(Pane::Comments));
}

#[test]
fn the_recovery_dialog_skips_to_the_next_offer_and_back() {
    let offer = |letter, number: &str| {
        let file = format!("/state/j/{number}.json");
        offer(letter, number, &format!("Lost {number}."), &file)
    };
    let mut s = loaded();
    update(&mut s, Action::IndexFinished);
    // The first offer's letter is not in this workspace: it cannot be recovered here.
    let offers = vec![
        offer("/elsewhere/gone.txt", "1"),
        offer("/letters/northwind.txt", "3"),
    ];
    update(&mut s, Action::JournalOffers { offers, here: 2 });
    assert_eq!(s.mode(), Mode::Recovery);
    press(&mut s, ch('j'));
    assert_eq!(s.mode(), Mode::Recovery);
    assert_eq!(s.offers()[0].entry.number, "3", "skipped, kept");
    assert_eq!(s.offers().len(), 2);
    press(&mut s, ch('y'));
    assert_eq!(response_of(&s, "3"), "Lost 3.");
    assert_eq!(s.offers().len(), 1);
    press(&mut s, ch('k'));
    assert_eq!(s.offers()[0].entry.number, "1");
}
