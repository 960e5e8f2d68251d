//! `brief_bytes` gives exactly the brief of the full parse, `Brief::of(&parse_bytes(..))`,
//! on every fixture, every demo letter, the real letters in `../shared/letters` and the
//! text of `../shared/corpus` (when those folders are present) and fixtures mutated at
//! random.

use crate::common::shared;
use letterdesk::letter::{Brief, brief_bytes, parse_bytes};
use proptest::prelude::*;
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

/// Assert that the brief equals the full parse's, naming the file when it does not.
fn assert_same_brief(name: &str, bytes: &[u8]) {
    let full = parse_bytes(name, bytes).map(|letter| Brief::of(&letter));
    let brief = brief_bytes(name, bytes);
    match (full, brief) {
        (Ok(full), Ok(brief)) => assert_eq!(brief, full, "{name}"),
        (Err(_), Err(_)) => {}
        (full, brief) => panic!("{name}: parse gives {full:?}, brief gives {brief:?}"),
    }
}

/// `(name, bytes)` of the `.txt`/`.md` files in `dir`, sorted by name.
fn files_in(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt" || e == "md"))
        .map(|p| {
            let bytes = std::fs::read(&p).expect("readable");
            (p.display().to_string(), bytes)
        })
        .collect();
    out.sort();
    out
}

fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/letters")
}

/// The fixtures and the demo letters: the corpus the mutations start from.
static CORPUS: LazyLock<Vec<(String, Vec<u8>)>> = LazyLock::new(|| {
    let mut corpus = files_in(&fixtures_dir());
    for (name, text) in letterdesk::demo::LETTERS {
        corpus.push((name.to_string(), text.as_bytes().to_vec()));
    }
    corpus
});

#[test]
fn every_fixture_and_demo_letter() {
    assert!(CORPUS.len() > 20, "fixtures found: {}", CORPUS.len());
    for (name, bytes) in CORPUS.iter() {
        assert_same_brief(name, bytes);
    }
}

#[test]
fn every_shared_letter() {
    let Some(dir) = shared::folder("letters") else {
        return;
    };
    for (name, bytes) in files_in(&dir) {
        assert_same_brief(&name, &bytes);
    }
}

#[test]
fn every_shared_corpus_letter() {
    // The pdftotext text of the real staff letters of `../shared/corpus`.
    let Some(dir) = shared::folder("corpus/text") else {
        return;
    };
    // One folder a review thread.
    let letters: Vec<(String, Vec<u8>)> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .flatten()
        .filter(|e| e.path().is_dir())
        .flat_map(|e| files_in(&e.path()))
        .collect();
    assert!(
        letters.len() > 100,
        "{}: {} letters",
        dir.display(),
        letters.len()
    );
    for (name, bytes) in letters {
        assert_same_brief(&name, &bytes);
    }
}

#[test]
fn empty_binary_and_odd_inputs() {
    for (name, bytes) in [
        ("empty", &b""[..]),
        ("blank", b" \n\t\r\n"),
        ("blank 1252", b"\xa0\n"),
        ("binary", b"PK\x03\x04\x00\x00"),
        ("one line", b"1. Please explain."),
        (
            "no salutation",
            b"May 16, 2024\n\n1. Please explain.\n2. Tell us.",
        ),
    ] {
        assert_same_brief(name, bytes);
    }
}

#[test]
fn a_restart_warning_that_names_windows_1252() {
    // `Letter::is_windows_1252` reads the warnings; a restart warning quotes a heading.
    let text = "May 16, 2024\n\nAda Lark\nLark Widgets, Inc.\n\nDear Ms. Lark:\n\n\
                Form S-4\n\n1. Do a.\n\n2. Do b.\n\nWindows-1252 Encoding Matters\n\n1. Do c.\n\n\
                Sincerely,\n";
    let letter = parse_bytes("restart", text.as_bytes()).expect("parses");
    assert!(letter.is_windows_1252(), "{:?}", letter.warnings);
    assert_same_brief("restart", text.as_bytes());
}

/// One change to a letter's lines.
#[derive(Debug, Clone)]
enum Mutation {
    Drop(usize),
    Duplicate(usize),
    Swap(usize, usize),
    /// Remove the leading number of the n-th line that starts with one ("12. Please…").
    Unnumber(usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        any::<usize>().prop_map(Mutation::Drop),
        any::<usize>().prop_map(Mutation::Duplicate),
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Mutation::Swap(a, b)),
        any::<usize>().prop_map(Mutation::Unnumber),
    ]
}

/// The length of the comment number at the start of `line`, if it starts with one.
fn leading_number_len(line: &[u8]) -> Option<usize> {
    let digits = line.iter().take_while(|b| b.is_ascii_digit()).count();
    (digits > 0 && matches!(line.get(digits), Some(b'.' | b')'))).then_some(digits)
}

fn mutate(bytes: &[u8], mutations: &[Mutation]) -> Vec<u8> {
    let mut lines: Vec<Vec<u8>> = bytes.split(|&b| b == b'\n').map(<[u8]>::to_vec).collect();
    for m in mutations {
        if lines.is_empty() {
            break;
        }
        let n = lines.len();
        match *m {
            Mutation::Drop(i) => {
                lines.remove(i % n);
            }
            Mutation::Duplicate(i) => {
                let line = lines[i % n].clone();
                lines.insert(i % n, line);
            }
            Mutation::Swap(a, b) => lines.swap(a % n, b % n),
            Mutation::Unnumber(k) => {
                let numbered: Vec<usize> = (0..n)
                    .filter(|&i| leading_number_len(&lines[i]).is_some())
                    .collect();
                if let Some(&i) = numbered.get(k % numbered.len().max(1)) {
                    let len = leading_number_len(&lines[i]).unwrap_or(0);
                    lines[i].drain(..len);
                }
            }
        }
    }
    lines.join(&b'\n')
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn mutated_letters(
        pick in any::<usize>(),
        mutations in prop::collection::vec(mutation(), 0..24),
    ) {
        let (name, bytes) = &CORPUS[pick % CORPUS.len()];
        let mutated = mutate(bytes, &mutations);
        assert_same_brief(name, &mutated);
    }
}
