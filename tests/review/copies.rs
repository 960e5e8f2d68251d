//! One letter filed twice: the staff's PDF with the text made of it in another folder
//! (as `../shared/corpus` keeps its `pdftotext` copies under `text/`). The review shows
//! the text as a copy of the PDF, the response answers both, a reference leads to the
//! PDF, and precedent finds each comment once, with its answer.

use std::path::{Path, PathBuf};

use crate::common;
use crate::harrowgate::{FIRST, FOLLOW_UP, RESPONSE, fixture};
use common::bin::{json_of, letterdesk, stderr, stdout};
use common::pdf::{Layout, letter_pdf};
use letterdesk::precedent::{Hit, Library, Probe};
use letterdesk::review::{Filed, build, read_under};

/// A folder with the first letter as a PDF, its text under `text/`, the response and
/// the follow-up; the PDF's path.
fn filed_twice(dir: &Path) -> PathBuf {
    let text = std::fs::read_to_string(fixture(FIRST)).unwrap();
    let pdf = dir.join(FIRST.replace(".txt", ".pdf"));
    std::fs::write(&pdf, letter_pdf(&text, &Layout::default())).unwrap();
    std::fs::create_dir(dir.join("text")).unwrap();
    std::fs::copy(fixture(FIRST), dir.join("text").join(FIRST)).unwrap();
    for name in [RESPONSE, FOLLOW_UP] {
        std::fs::copy(fixture(name), dir.join(name)).unwrap();
    }
    pdf
}

#[test]
fn the_text_of_a_pdf_is_a_copy_the_response_answers_too() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = filed_twice(dir.path());
    let (filed, problems) = read_under(&[dir.path().to_path_buf()]);
    assert!(problems.is_empty(), "{problems:?}");
    let reviews = build(filed);
    assert_eq!(reviews.len(), 1);
    let review = &reviews[0];
    let at = |path: &Path| review.letters.iter().position(|f| f.path == path).unwrap();
    let (original, copy) = (at(&pdf), at(&dir.path().join("text").join(FIRST)));
    assert_eq!(review.copy_of(copy), Some(original));
    assert_eq!(review.copy_of(original), None);
    // Both carry the response's answer to comment 2, from the one response.
    let answer = |l| review.answer(l, "2").map(|(r, text)| (r, text.to_owned()));
    let (response, text) = answer(original).expect("the PDF is answered");
    assert_eq!(answer(copy), Some((response, text.clone())));
    assert!(text.contains("$84 million"), "{text}");
    // The follow-up's references lead to the PDF, never to its copy.
    let targets: Vec<usize> = review
        .links
        .iter()
        .filter_map(|l| l.to.as_ref().ok().map(|t| t.letter))
        .collect();
    assert!(!targets.is_empty());
    assert!(targets.iter().all(|&t| t == original), "{targets:?}");
}

#[test]
fn reviews_name_the_copy_and_count_its_references_once() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = filed_twice(dir.path());
    let copy = dir.path().join("text").join(FIRST);
    let out = letterdesk(&["reviews", dir.path().to_str().unwrap(), "--json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let value = json_of(&out);
    let letters = value["reviews"][0]["letters"].as_array().unwrap();
    let copy_of = |path: &Path| {
        letters
            .iter()
            .find(|l| l["path"] == path.display().to_string())
            .map(|l| l["copy_of"].clone())
            .unwrap()
    };
    assert_eq!(copy_of(&copy), pdf.display().to_string());
    assert!(copy_of(&pdf).is_null());
    let references = value["reviews"][0]["references"].as_array().unwrap();
    assert!(
        references
            .iter()
            .all(|r| r["from"]["path"].as_str().unwrap().ends_with(FOLLOW_UP)),
        "{references:#?}"
    );

    let out = letterdesk(&["reviews", dir.path().to_str().unwrap()]);
    let table = stdout(&out);
    let line = table.lines().find(|l| l.contains("text/")).unwrap();
    assert!(
        line.ends_with(&format!("(a copy of {})", pdf.display())),
        "{table}"
    );
}

/// A precedent library of the folder of [`filed_twice`], brought up to date: the
/// temporary folder, the letters' folder, the PDF's path and the library.
fn library_of_a_letter_filed_twice() -> (tempfile::TempDir, PathBuf, PathBuf, Library) {
    let dir = tempfile::tempdir().unwrap();
    let letters = dir.path().join("letters");
    std::fs::create_dir(&letters).unwrap();
    let pdf = filed_twice(&letters);
    let mut library = Library::open(&dir.path().join("precedent")).unwrap();
    library.update(std::slice::from_ref(&letters)).unwrap();
    (dir, letters, pdf, library)
}

/// Precedent for another company's question on the cost of a vessel programme: the
/// hits that are comment 2 of the first letter.
fn comment_two_of_the_first_letter(library: &Library) -> Vec<Hit> {
    let probe = Probe {
        text: "Please disclose the expected cost of your vessel replacement program, \
               funded by operating cash flows, and when you expect to incur it.",
        heading: Some("Liquidity and Capital Resources"),
        path: Some(Path::new("elsewhere.txt")),
        company: Some("Elsewhere Shipping Inc."),
    };
    let hits = library.similar(probe, 10).unwrap().hits;
    assert!(!hits.is_empty());
    hits.into_iter()
        .filter(|h| h.date == "2025-03-10" && h.comment == "2")
        .collect()
}

#[test]
fn precedent_finds_a_comment_filed_twice_once_with_its_answer() {
    let (_dir, _, pdf, library) = library_of_a_letter_filed_twice();
    let hits = comment_two_of_the_first_letter(&library);
    let [hit] = hits.as_slice() else {
        panic!("once: {hits:#?}")
    };
    assert_eq!(hit.path, pdf);
    assert_eq!(hit.count, 1);
    let answer = hit.answer.as_deref().expect("its answer");
    assert!(answer.contains("$84 million"), "{answer}");
    let staff = Filed::read(&pdf).unwrap();
    assert_eq!(staff.letter.comments[1].text, hit.text);
}

/// `import` of either file of a response kept twice (its text beside itself) fills the
/// staff letter's drafts.
#[test]
fn import_reads_a_response_kept_twice_from_either_file() {
    let dir = tempfile::tempdir().unwrap();
    for name in [FIRST, RESPONSE] {
        std::fs::copy(fixture(name), dir.path().join(name)).unwrap();
    }
    let twice = dir.path().join(RESPONSE.replace(".txt", ".copy.txt"));
    std::fs::copy(fixture(RESPONSE), &twice).unwrap();
    for response in [dir.path().join(RESPONSE), twice] {
        let out = letterdesk(&["import", response.to_str().unwrap(), "--dry-run"]);
        assert!(out.status.success(), "{}", stderr(&out));
        assert!(
            stdout(&out).contains("comment 2: would be filled"),
            "{}",
            stdout(&out)
        );
    }
}

/// The PDF removed from the library: its text, a copy until then, is the letter, and
/// its comments are found at the text, with their answer.
#[test]
fn when_the_original_goes_its_copy_is_found_instead() {
    let (_dir, letters, pdf, mut library) = library_of_a_letter_filed_twice();
    std::fs::remove_file(&pdf).unwrap();
    let updated = library.update(std::slice::from_ref(&letters)).unwrap();
    assert_eq!(updated.removed, 1);
    let hits = comment_two_of_the_first_letter(&library);
    let [hit] = hits.as_slice() else {
        panic!("once: {hits:#?}")
    };
    assert_eq!(hit.path, letters.join("text").join(FIRST));
    let answer = hit.answer.as_deref().expect("its answer");
    assert!(answer.contains("$84 million"), "{answer}");
}
