//! On `../shared/corpus` (when present): the responses to its staff letters greet the
//! staff as the companies' letters in each thread's folder greet them, and far fewer
//! are left greeting someone by full name; fewer still with the whole corpus as a
//! research library in the precedent index.

use crate::common;

use letterdesk::export::{ExportSettings, greet_as_known, without_honorific};

#[test]
fn the_folders_responses_give_most_staff_their_honorific() {
    let Some(corpus) = common::shared::folder("corpus") else {
        return;
    };
    // The whole corpus as a research library, in a precedent index of its own.
    let index = tempfile::tempdir().unwrap();
    let mut library = letterdesk::precedent::Library::open(index.path()).unwrap();
    library.update(std::slice::from_ref(&corpus)).unwrap();
    drop(library);
    let indexed = letterdesk::precedent::greeted_in(index.path());
    let (mut letters, mut unknown_before, mut unknown_after) = (0, 0, 0);
    let mut unknown_indexed = 0;
    for thread in std::fs::read_dir(&corpus).unwrap().flatten() {
        let folder = thread.path();
        if !folder.is_dir() || thread.file_name() == "text" {
            continue;
        }
        let mut staff: Vec<_> = std::fs::read_dir(&folder)
            .unwrap()
            .flatten()
            .map(|e| e.path())
            .filter(|p| {
                p.file_name()
                    .is_some_and(|n| n.to_string_lossy().starts_with("upload_"))
            })
            .collect();
        staff.sort();
        let Some(first) = staff.first() else {
            continue;
        };
        let learnt = ExportSettings {
            greeted: letterdesk::review::known_for(first).greeted,
            ..ExportSettings::default()
        };
        for path in &staff {
            let Ok(letter) = letterdesk::letter::parse_file(path) else {
                continue;
            };
            letters += 1;
            let before = without_honorific(&letter, &ExportSettings::default());
            let after = without_honorific(&letter, &learnt);
            // What the folder gives is only ever added.
            assert!(
                after.iter().all(|n| before.contains(n)),
                "{}",
                path.display()
            );
            unknown_before += usize::from(!before.is_empty());
            unknown_after += usize::from(!after.is_empty());
            // As the export reads them: the folder's, then the index's for the rest.
            let mut with_index = ExportSettings::default();
            greet_as_known(&letter, &mut with_index, learnt.greeted.clone(), || {
                indexed.clone()
            });
            let both = without_honorific(&letter, &with_index);
            assert!(both.iter().all(|n| after.contains(n)), "{}", path.display());
            unknown_indexed += usize::from(!both.is_empty());
        }
    }
    eprintln!(
        "of {letters} staff letters, the response greets someone by full name: {unknown_before} \
         with no honorific configured, {unknown_after} with those of the companies' letters in \
         the folder, {unknown_indexed} with those of the letters the precedent index holds too \
         (the whole corpus as a research library, whose letters greet {} of the staff)",
        indexed
            .iter()
            .map(|g| &g.name)
            .collect::<std::collections::HashSet<_>>()
            .len()
    );
    assert!(
        unknown_indexed < unknown_after,
        "{unknown_indexed} of {unknown_after}"
    );
    assert!(letters > 250, "{letters}");
    assert!(
        unknown_after * 2 < unknown_before,
        "{unknown_after} of {unknown_before}"
    );
}
