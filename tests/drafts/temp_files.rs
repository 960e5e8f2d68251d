//! Stale temp files of interrupted saves are cleaned up; nothing else is touched.

use std::fs::{self, File};
use std::time::{Duration, SystemTime};

use letterdesk::drafts::{
    Drafts, STALE_TEMP_AGE, remove_stale_temp_files, remove_temp_files_older_than, save,
};

fn age(path: &std::path::Path, by: Duration) {
    let file = File::options().write(true).open(path).unwrap();
    file.set_modified(SystemTime::now() - by).unwrap();
}

#[test]
fn removes_only_stale_temp_files() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let keep = [
        "letter.responses.toml",
        ".letter.responses.toml",
        "letter.txt",
        ".letter.responses.toml.tmpAb12Cd.bak",
        "notes.tmp",
        ".letter.responses.toml.tmp",
    ];
    for name in keep {
        fs::write(d.join(name), "x").unwrap();
        age(&d.join(name), Duration::from_secs(3600));
    }
    fs::create_dir(d.join(".dir.responses.toml.tmpZZZZZZ")).unwrap();
    let stale = [
        ".letter.responses.toml.tmpAb12Cd",
        ".other.responses.toml.tmpXy9876",
    ];
    for name in stale {
        fs::write(d.join(name), "partial").unwrap();
        age(&d.join(name), STALE_TEMP_AGE + Duration::from_secs(1));
    }
    let fresh = ".letter.responses.toml.tmpFresh1";
    fs::write(d.join(fresh), "in progress").unwrap();

    assert_eq!(remove_stale_temp_files(d).unwrap(), 2);
    for name in keep.iter().chain([&fresh]) {
        assert!(d.join(name).exists(), "{name} was removed");
    }
    assert!(d.join(".dir.responses.toml.tmpZZZZZZ").is_dir());
    for name in stale {
        assert!(!d.join(name).exists(), "{name} was kept");
    }

    assert_eq!(remove_temp_files_older_than(d, Duration::ZERO).unwrap(), 1);
    assert!(!d.join(fresh).exists());
    assert_eq!(remove_temp_files_older_than(d, Duration::ZERO).unwrap(), 0);
}

#[test]
fn a_save_leaves_no_temp_file_behind() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("letter.responses.toml");
    save(&path, &Drafts::for_comments(&["1".to_owned()]), None).unwrap();
    let names: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, ["letter.responses.toml"]);
    assert_eq!(
        remove_temp_files_older_than(dir.path(), Duration::ZERO).unwrap(),
        0
    );
}
