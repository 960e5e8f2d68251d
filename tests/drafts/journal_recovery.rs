//! The crash journal end to end, in a temp folder (never the real state folder):
//! typing is journalled, a save clears it, a crash leaves it to be offered.

use std::time::{Duration, Instant};

use letterdesk::drafts::{self, Drafts};
use letterdesk::journal::{Debouncer, Journal};

#[test]
fn typing_is_journalled_cleared_by_a_save_and_offered_after_a_crash() {
    let dir = tempfile::tempdir().unwrap();
    let letters = dir.path().join("letters");
    std::fs::create_dir(&letters).unwrap();
    let letter = letters.join("a.txt");
    std::fs::write(&letter, "1. Please explain.\n2. Please tell us.\n").unwrap();
    let journal = Journal::open(dir.path().join("state/letterdesk/journal")).unwrap();
    let drafts_file = drafts::drafts_path(&letter);

    // Typing in comment 1, journalled once due.
    let t0 = Instant::now();
    let mut debounce = Debouncer::new(Duration::from_millis(500));
    debounce.typed(&letter, "1", "We", t0);
    debounce.typed(&letter, "1", "We will", t0 + Duration::from_millis(300));
    for typed in debounce.due(t0 + Duration::from_millis(600)) {
        journal
            .record(&typed.letter, &typed.number, &typed.text)
            .unwrap();
    }
    assert_eq!(journal.entries_for(&letter).unwrap()[0].text, "We will");

    // A save of that text clears the entry.
    let mut mine = Drafts::for_comments(&["1".into(), "2".into()]);
    mine.set_response("1", "We will");
    drafts::save(&drafts_file, &mine, None).unwrap();
    journal.clear_saved(&letter, &mine).unwrap();
    assert!(journal.pending().unwrap().is_empty());

    // More typing is journalled, then the program dies before saving.
    journal.record(&letter, "1", "We will revise.").unwrap();
    journal.record(&letter, "2", "Two.").unwrap();

    // At the next start both are offered, with the saved text beside them.
    let journal = Journal::open(journal.dir()).unwrap();
    let offers = journal.offers().unwrap();
    let shown: Vec<_> = offers
        .iter()
        .map(|o| {
            (
                o.entry.number.as_str(),
                o.entry.text.as_str(),
                o.saved.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        shown,
        [
            ("1", "We will revise.", Some("We will")),
            ("2", "Two.", Some(""))
        ]
    );

    // Declining keeps them; discarding one removes it.
    assert_eq!(journal.offers().unwrap().len(), 2);
    journal.discard(&offers[1].entry).unwrap();
    assert_eq!(journal.offers().unwrap().len(), 1);

    // Nothing was ever written next to the letters but the drafts file.
    let mut names: Vec<_> = std::fs::read_dir(&letters)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    assert_eq!(names, ["a.responses.toml", "a.txt"]);
}
