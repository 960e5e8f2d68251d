//! Tests of the folder search (`find.rs`).

use super::*;
use crate::index::passed_over;

/// The paths found, each with its problem if any.
fn found(paths: &[PathBuf]) -> Vec<(PathBuf, Option<String>)> {
    let mut all = Vec::new();
    let count = find_letters_each(paths, |f| {
        assert!(f.also.is_empty() || f.path.ends_with("one.txt"), "{f:?}");
        all.push((f.path, f.problem))
    });
    assert_eq!(count, all.len());
    all
}

#[test]
fn finds_letters_recursively_in_order() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    fs::create_dir_all(root.join("a/b")).unwrap();
    fs::create_dir_all(root.join(".git")).unwrap();
    for file in [
        "one.txt",
        "one.response.md",
        "a/two.MD",
        "a/b/three.txt",
        ".git/x.txt",
        ".hidden.txt",
        "one.responses.toml",
        "one.pdf",
        "notes.pdf",
        "notes.docx",
        "reply.htm",
    ] {
        fs::write(root.join(file), "x").unwrap();
    }
    assert_eq!(
        found(&[root.to_path_buf()]),
        [
            (root.join("a/b/three.txt"), None),
            (root.join("a/two.MD"), None),
            (root.join("notes.pdf"), None),
            (root.join("one.txt"), None),
            (root.join("reply.htm"), None)
        ]
    );
    let one = find_letters(&[root.to_path_buf()])
        .into_iter()
        .find(|f| f.path.ends_with("one.txt"))
        .unwrap();
    assert_eq!(one.also, [root.join("one.pdf")]);
    assert_eq!(passed_over(&root.join("one.txt")), [root.join("one.pdf")]);
    assert_eq!(passed_over(&root.join("notes.pdf")), Vec::<PathBuf>::new());
    assert_eq!(passed_over(&root.join("one.pdf")), Vec::<PathBuf>::new());
}

#[test]
fn named_paths_keep_their_order_and_appear_once() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    fs::create_dir(root.join("f")).unwrap();
    fs::write(root.join("f/b.txt"), "x").unwrap();
    fs::write(root.join("z.txt"), "x").unwrap();
    let missing = root.join("gone.txt");
    let found = found(&[
        root.join("z.txt"),
        missing.clone(),
        root.join("f"),
        root.join("f/b.txt"),
        root.join("z.txt"),
        missing.clone(),
    ]);
    assert_eq!(
        found,
        [
            (root.join("z.txt"), None),
            (missing, Some("no such file".into())),
            (root.join("f/b.txt"), None)
        ]
    );
}

#[cfg(unix)]
#[test]
fn odd_folders_are_handed_over_with_why() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    fs::create_dir_all(root.join("a")).unwrap();
    fs::write(root.join("a/l.txt"), "x").unwrap();
    std::os::unix::fs::symlink(root, root.join("a/up")).unwrap();
    std::os::unix::fs::symlink("self.txt", root.join("self.txt")).unwrap();
    std::os::unix::fs::symlink(root.join("a/nowhere"), root.join("a/dangling.txt")).unwrap();
    std::os::unix::fs::symlink(root.join("a/nowhere"), root.join("a/dangling.docx")).unwrap();
    // The same folder by a second path is searched once.
    std::os::unix::fs::symlink(root.join("a"), root.join("b")).unwrap();
    let mut deep = root.join("deep");
    for i in 0..MAX_DEPTH + 2 {
        deep.push(format!("d{i}"));
        if i == 49 {
            fs::create_dir_all(&deep).unwrap();
            fs::write(deep.join("bottom.txt"), "x").unwrap();
        }
    }
    fs::create_dir_all(&deep).unwrap();
    fs::write(deep.join("too-deep.txt"), "x").unwrap();
    let found = found(&[root.to_path_buf()]);
    let why = |p: &Path| {
        found
            .iter()
            .find(|(f, _)| f == p)
            .map(|(_, w)| w.clone().unwrap_or_default())
    };
    assert_eq!(why(&root.join("a/l.txt")).as_deref(), Some(""));
    assert_eq!(
        why(&root.join("a/up")).as_deref(),
        Some("symlink loop: points back into a folder being searched")
    );
    assert_eq!(
        why(&root.join("self.txt")).as_deref(),
        Some("symlink loop: cannot be followed")
    );
    assert_eq!(
        why(&root.join("a/dangling.txt")).as_deref(),
        Some("no such file")
    );
    assert_eq!(why(&root.join("a/dangling.docx")), None);
    assert_eq!(why(&root.join("b/l.txt")), None);
    let mut bottom = root.join("deep");
    (0..50).for_each(|i| bottom.push(format!("d{i}")));
    assert_eq!(why(&bottom.join("bottom.txt")).as_deref(), Some(""));
    let too_deep: Vec<_> = found
        .iter()
        .filter(|(_, w)| w.as_deref().is_some_and(|w| w.contains("nested too deep")))
        .collect();
    assert_eq!(too_deep.len(), 1, "{found:?}");
    assert_eq!(found.len(), 6, "{found:?}");
}
