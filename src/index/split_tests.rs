//! Tests of `split.rs`: summaries in the walk's order, whatever the threads.

use super::*;
use crate::index::{MB, find_letters};

#[test]
fn many_letters_on_several_threads_keep_the_walks_order() {
    let (dir, elsewhere) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let count = MIN_SPLIT * 2 + BLOCK / 2;
    for i in 0..count {
        let text = format!("Letter {i}\n\n1. Please explain item {i}.\n");
        std::fs::write(dir.path().join(format!("l{i:04}.txt")), text).unwrap();
    }
    #[cfg(unix)]
    {
        let target = elsewhere.path().join("x.txt");
        std::fs::write(&target, "Letter\n\n1. Please explain.\n").unwrap();
        std::os::unix::fs::symlink(&target, dir.path().join("l0003a.txt")).unwrap();
    }
    let found = find_letters(&[dir.path().to_path_buf()]);
    let one = summarize_all(&found, 1, MB, &|| {});
    let done = std::sync::atomic::AtomicUsize::new(0);
    let each = || {
        done.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    };
    let (mut blocks, mut three) = (Vec::new(), Vec::new());
    let copy = |block: &[LetterSummary]| block.to_vec();
    summarize_blocks(&found, 3, MB, &each, &copy, |block, copied| {
        assert_eq!(block, copied);
        three.extend(block);
        blocks.push(copied);
    });
    assert_eq!(done.into_inner(), found.len());
    assert_eq!(one, three);
    assert!(blocks.len() > 3 && blocks.iter().all(|b| b.len() <= BLOCK));
    assert_eq!(blocks.concat(), three, "the blocks in the list's order");
    let paths: Vec<_> = three.iter().map(|s| s.path.clone()).collect();
    let walked: Vec<_> = found.iter().map(|f| f.path.clone()).collect();
    assert_eq!(paths, walked);
    assert!(
        three
            .iter()
            .filter(|s| s.problem.is_none())
            .all(|s| s.comments == 1)
    );
    #[cfg(unix)]
    {
        let link = three.iter().find(|s| s.file == "l0003a.txt").unwrap();
        assert_eq!(link.comments, 1, "a link is read by its path");
    }
}

#[test]
fn letters_summed_up_while_the_walk_goes_on_keep_its_order() {
    let dir = tempfile::tempdir().unwrap();
    let count = MIN_SPLIT * 3 + 5;
    for i in 0..count {
        let folder = dir.path().join(format!("f{}", i % 3));
        std::fs::create_dir_all(&folder).unwrap();
        let text = format!("Letter {i}\n\n1. Please explain item {i}.\n\n2. And {i}.\n");
        std::fs::write(folder.join(format!("l{i:04}.txt")), text).unwrap();
    }
    std::fs::write(dir.path().join("f1/gone.responses.toml"), "").unwrap();
    let paths = [dir.path().to_path_buf()];
    let found = find_letters(&paths);
    let one = summarize_all(&found, 1, MB, &|| {});
    for threads in [1, 2, 3] {
        let (mut blocks, mut lone) = (Vec::new(), Vec::new());
        let count = |block: &[LetterSummary]| block.len();
        summarize_walked(
            &paths,
            threads,
            MB,
            &count,
            |block, counted| {
                assert_eq!(block.len(), counted);
                blocks.push(block);
            },
            |folder, files| lone.push((folder.to_owned(), files)),
        );
        assert!(blocks.iter().all(|b| !b.is_empty() && b.len() <= BLOCK));
        assert_eq!(blocks.concat(), one, "{threads} threads");
        let gone: Vec<_> = lone.iter().filter(|(_, files)| !files.is_empty()).collect();
        assert_eq!(gone.len(), 1, "{lone:?}");
        assert_eq!(gone[0].1, [dir.path().join("f1/gone.responses.toml")]);
    }
    assert!(one.iter().all(|s| s.comments == 2 && s.problem.is_none()));
}
