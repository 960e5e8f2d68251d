//! Tests of the drafts worker (`saver.rs`).

use super::*;
use crate::drafts::Status;
use crate::tui::model::ids::LetterId;

fn drafts(response: &str) -> Drafts {
    let mut d = Drafts::for_comments(&["1".into(), "2".into()]);
    d.set_response("1", response);
    d
}

fn load(worker: &mut Worker, path: &Path) -> Result<Option<Drafts>, String> {
    let job = Effect::LoadDrafts {
        letter: LetterId(0),
        path: path.into(),
        generation: 0,
    };
    match worker.run(job) {
        Some(Action::DraftsLoaded { result, .. }) => result.map_err(|p| p.named()),
        other => panic!("{other:?}"),
    }
}

/// A drafts file's path in a new folder, and a worker that has read it (missing).
fn read_while_missing() -> (tempfile::TempDir, PathBuf, Worker) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.responses.toml");
    let mut worker = Worker::default();
    assert_eq!(load(&mut worker, &path), Ok(None));
    (dir, path, worker)
}

fn save(worker: &mut Worker, path: &Path, d: Drafts) -> Result<(), String> {
    let job = Effect::Save {
        letter: LetterId(0),
        path: path.into(),
        drafts: d,
        generation: 1,
        reads: worker.reads.get(path).copied().unwrap_or(0),
    };
    match worker.run(job) {
        Some(Action::Saved { result, .. }) => result.map(|_| ()).map_err(|p| p.to_string()),
        Some(Action::DiskChanged { .. }) => Err("changed on disk".into()),
        other => panic!("{other:?}"),
    }
}

#[test]
fn saves_and_reads_back() {
    let (_dir, path, mut worker) = read_while_missing();
    save(&mut worker, &path, drafts("First.")).unwrap();
    save(&mut worker, &path, drafts("Second.")).unwrap();
    let read = load(&mut Worker::default(), &path).unwrap().unwrap();
    assert_eq!(read.get("1").unwrap().response, "Second.");
    assert_eq!(read.get("1").unwrap().status, Status::Drafted);
}

#[test]
fn never_overwrites_a_file_changed_by_someone_else() {
    let (_dir, path, mut worker) = read_while_missing();
    std::fs::write(&path, "# someone else's\n").unwrap();
    let job = Effect::Save {
        letter: LetterId(0),
        path: path.clone(),
        drafts: drafts("Mine."),
        generation: 3,
        reads: 1,
    };
    // Nothing is written: the file is read again and handed back for merging.
    assert_eq!(
        worker.run(job),
        Some(Action::DiskChanged {
            letter: LetterId(0),
            generation: 3,
            result: Ok(Some(Drafts::default())),
        })
    );
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        "# someone else's\n"
    );
    // Now that it has been read, the merged drafts go on top of it.
    save(&mut worker, &path, drafts("Mine.")).unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(
        text.contains("# someone else's") && text.contains("Mine."),
        "{text}"
    );
}

#[test]
fn a_save_made_before_an_outside_change_was_read_never_undoes_it() {
    let (_dir, path, mut worker) = read_while_missing();
    save(&mut worker, &path, drafts("Mine.")).unwrap();
    let theirs = "[comments.\"2\"]\nstatus = \"drafted\"\nresponse = \"Theirs.\"\n";
    std::fs::write(&path, theirs).unwrap();
    // The watcher's check reads it (the workspace has not merged it yet)...
    let check = Effect::CheckDrafts {
        letter: LetterId(0),
        path: path.clone(),
    };
    assert!(matches!(
        worker.run(check),
        Some(Action::DraftsLoaded { .. })
    ));
    // ...while a save made from the earlier read is on its way: not written.
    let job = Effect::Save {
        letter: LetterId(0),
        path: path.clone(),
        drafts: drafts("Mine, more."),
        generation: 2,
        reads: 1,
    };
    assert!(matches!(worker.run(job), Some(Action::DiskChanged { .. })));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), theirs);
}

#[test]
fn own_saves_and_touches_are_not_changes() {
    let (_dir, path, mut worker) = read_while_missing();
    save(&mut worker, &path, drafts("One.")).unwrap();
    let check = || Effect::CheckDrafts {
        letter: LetterId(0),
        path: path.clone(),
    };
    assert_eq!(worker.run(check()), None, "own save is no change");
    // Same bytes, new mtime: not a change either.
    let bytes = std::fs::read(&path).unwrap();
    std::thread::sleep(std::time::Duration::from_millis(20));
    std::fs::write(&path, &bytes).unwrap();
    assert_eq!(worker.run(check()), None);
    save(&mut worker, &path, drafts("Two.")).unwrap();
    std::fs::write(
        &path,
        "[comments.\"1\"]\nstatus = \"drafted\"\nresponse = \"Theirs.\"\n",
    )
    .unwrap();
    assert!(matches!(
        worker.run(check()),
        Some(Action::DraftsLoaded {
            result: Ok(Some(_)),
            ..
        })
    ));
}

#[test]
fn saves_record_fingerprints_and_a_changed_letter_is_reported() {
    use crate::letter::{Comment, Letter};
    use std::sync::Arc;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.responses.toml");
    let letter = |two: &str| {
        Arc::new(Letter {
            comments: ["One.", two]
                .iter()
                .enumerate()
                .map(|(i, t)| Comment {
                    number: (i + 1).to_string(),
                    text: t.to_string(),
                    ..Comment::default()
                })
                .collect(),
            ..Letter::default()
        })
    };
    let mut worker = Worker::default();
    let tell = |worker: &mut Worker, text| {
        worker.run(Effect::Letter {
            letter: LetterId(0),
            path: path.clone(),
            text,
        })
    };
    assert_eq!(tell(&mut worker, letter("Two.")), None, "nothing read yet");
    assert_eq!(load(&mut worker, &path), Ok(None));
    worker.fingerprints = None;
    let mut d = drafts("Answer one.");
    d.set_response("2", "Answer two.");
    save(&mut worker, &path, d).unwrap();
    assert!(
        std::fs::read_to_string(&path)
            .unwrap()
            .contains("fingerprint")
    );
    // A corrected letter: comment 2's text changed.
    assert_eq!(
        tell(&mut worker, letter("Two, corrected.")),
        Some(Action::CommentsChanged {
            letter: LetterId(0),
            numbers: vec!["2".into()],
        })
    );
}

fn journalled(worker: &mut Worker, letter: &Path, text: &str) {
    let typed = Typed {
        letter: letter.to_owned(),
        number: "1".into(),
        text: text.into(),
    };
    assert_eq!(worker.run(Effect::Journal(vec![typed])), None);
}

fn with_journal(dir: &Path) -> (Worker, PathBuf, PathBuf) {
    let letter = dir.join("a.txt");
    std::fs::write(&letter, "1. Explain.\n").unwrap();
    let worker = Worker {
        journal: Some(Journal::open_session(dir.join("journal")).unwrap()),
        ..Worker::default()
    };
    (worker, letter.clone(), drafts::drafts_path(&letter))
}

#[test]
fn a_saved_draft_is_never_offered_again() {
    let dir = tempfile::tempdir().unwrap();
    let (mut worker, letter, path) = with_journal(dir.path());
    assert_eq!(load(&mut worker, &path), Ok(None));
    // Part of the typing is journalled; the whole of it is saved.
    journalled(&mut worker, &letter, "We will");
    save(&mut worker, &path, drafts("We will revise.")).unwrap();
    let journal = worker.journal.clone().unwrap();
    assert_eq!(
        journal.pending().unwrap(),
        [],
        "the older prefix is cleared"
    );
    // Typing after the save stays until it is saved in turn.
    journalled(&mut worker, &letter, "We will revise it.");
    assert_eq!(journal.pending().unwrap().len(), 1);
    drop(worker);
    let next = Journal::open_session(journal.dir()).unwrap();
    let ended = journal.session_id().unwrap().to_owned();
    drop(journal);
    next.await_ended(&ended);
    assert_eq!(next.offers().unwrap().len(), 1);
}

#[test]
fn text_discarded_by_taking_theirs_is_not_offered_again() {
    let dir = tempfile::tempdir().unwrap();
    let (mut worker, letter, path) = with_journal(dir.path());
    assert_eq!(load(&mut worker, &path), Ok(None));
    save(&mut worker, &path, drafts("Ours.")).unwrap();
    journalled(&mut worker, &letter, "Ours, longer.");
    std::fs::write(
        &path,
        "[comments.\"1\"]\nstatus = \"drafted\"\nresponse = \"Theirs.\"\n",
    )
    .unwrap();
    assert!(save(&mut worker, &path, drafts("Ours, longer.")).is_err());
    // The user takes theirs: that is what is saved.
    save(&mut worker, &path, drafts("Theirs.")).unwrap();
    let journal = worker.journal.clone().unwrap();
    drop(worker);
    let next = Journal::open_session(journal.dir()).unwrap();
    drop(journal);
    assert_eq!(next.offers().unwrap(), []);
}

#[test]
fn never_writes_a_file_it_could_not_read() {
    let text = "<<<<<<< HEAD\n[comments.\"1\"]\n=======\n>>>>>>> other\n";
    let (_dir, path) = crate::testing::file("a.responses.toml", text);
    let mut worker = Worker::default();
    let error = load(&mut worker, &path).unwrap_err();
    assert_eq!(error, "a.responses.toml:1: unresolved git conflict marker");
    assert!(save(&mut worker, &path, drafts("Mine.")).is_err());
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
}

#[test]
fn a_panicking_job_is_reported_as_failed() {
    let path = PathBuf::from("/x/a.responses.toml");
    let save = Effect::Save {
        letter: LetterId(2),
        path: path.clone(),
        drafts: drafts(""),
        generation: 7,
        reads: 0,
    };
    let Some(Action::Saved {
        letter,
        generation,
        result,
    }) = failure(&save)("boom")
    else {
        panic!()
    };
    assert_eq!((letter, generation), (LetterId(2), 7));
    let result = result.map_err(|p| p.to_string());
    assert_eq!(result, Err("a.responses.toml: failed (boom)".to_string()));
    let load = Effect::LoadDrafts {
        letter: LetterId(2),
        path,
        generation: 1,
    };
    assert!(matches!(
        failure(&load)("boom"),
        Some(Action::DraftsLoaded { result: Err(_), .. })
    ));
    assert!(matches!(
        failure(&Effect::Quit)("boom"),
        Some(Action::JournalFailed(_))
    ));
}
