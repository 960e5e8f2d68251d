//! A letter reads the same however its text file was saved: CRLF line endings, a byte
//! order mark, spaces at the ends of lines or a Windows-1252 re-encoding change nothing
//! a reader sees (comments, their numbers, headings and page citations, the header and
//! closing). Checked on every synthetic fixture, and on the
//! real letters in `../shared/letters` when that folder is present.

use std::path::{Path, PathBuf};

use letterdesk::letter::{Letter, parse_bytes};

/// The letters to check: `(name, text)` of every fixture that is text, and of every
/// shared letter when `../shared/letters` exists.
fn letters() -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut folders = vec![root.join("tests/fixtures/letters")];
    let shared = root.join("../shared/letters");
    if shared.is_dir() {
        folders.push(shared);
    } else {
        eprintln!("../shared/letters not found: checking the fixtures only");
    }
    let mut found = Vec::new();
    for folder in folders {
        let mut paths: Vec<PathBuf> = std::fs::read_dir(&folder)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .collect();
        paths.sort();
        for path in paths {
            let bytes = std::fs::read(&path).unwrap();
            // Text files only (the binary fixture is checked elsewhere); Windows-1252
            // fixtures are taken as decoded.
            let Ok(letter) = parse_bytes("x", &bytes) else {
                continue;
            };
            let text = match String::from_utf8(bytes) {
                Ok(text) => text,
                Err(e) if letter.is_windows_1252() => encoding_rs::WINDOWS_1252
                    .decode(e.as_bytes())
                    .0
                    .into_owned(),
                Err(e) => panic!("{}: {e}", path.display()),
            };
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            found.push((name, text));
        }
    }
    assert!(found.len() >= 18, "only {} letters found", found.len());
    found
}

/// What a reader sees of a letter: everything but the file name and the warnings (which
/// may say how the file was saved).
fn seen(letter: Letter) -> Letter {
    Letter {
        file: String::new(),
        warnings: Vec::new(),
        ..letter
    }
}

fn parse(text: impl AsRef<[u8]>) -> Letter {
    seen(parse_bytes("letter.txt", text.as_ref()).unwrap())
}

/// `text` with every line ending LF (a CRLF made LF; a lone CR is left as it is).
fn lf(text: &str) -> String {
    text.replace("\r\n", "\n")
}

/// Checks that each saved form of each letter parses as the letter does.
fn check(form: &str, change: impl Fn(&str) -> Option<Vec<u8>>) {
    let mut failed = Vec::new();
    let mut checked = 0;
    for (name, text) in letters() {
        let text = lf(&text);
        let Some(changed) = change(&text) else {
            continue;
        };
        checked += 1;
        let (want, got) = (parse(&text), parse(&changed));
        if want != got {
            let differs = if want.comments != got.comments {
                format!(
                    "comments {:?} vs {:?}",
                    want.comments.iter().map(|c| &c.number).collect::<Vec<_>>(),
                    got.comments.iter().map(|c| &c.number).collect::<Vec<_>>()
                )
            } else {
                "the header or closing".to_string()
            };
            failed.push(format!("{name}: {differs}"));
        }
    }
    assert!(checked > 0, "{form}: nothing checked");
    assert!(
        failed.is_empty(),
        "{form} changes what is read:\n{}",
        failed.join("\n")
    );
}

#[test]
fn crlf_line_endings() {
    check("CRLF", |text| Some(text.replace('\n', "\r\n").into_bytes()));
}

#[test]
fn a_byte_order_mark() {
    check("a BOM", |text| Some(format!("\u{feff}{text}").into_bytes()));
}

#[test]
fn spaces_and_tabs_at_line_ends() {
    check("trailing spaces", |text| {
        let lines: Vec<String> = text
            .split('\n')
            .enumerate()
            .map(|(i, line)| match i % 3 {
                0 => format!("{line}  "),
                1 => format!("{line}\t"),
                _ => line.to_string(),
            })
            .collect();
        Some(lines.join("\n").into_bytes())
    });
}

#[test]
fn windows_1252_encoding() {
    check("Windows-1252", |text| {
        // Only letters with a character outside ASCII that Windows-1252 can hold.
        if text.is_ascii() {
            return None;
        }
        let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(text);
        (!unmappable).then(|| bytes.into_owned())
    });
}
