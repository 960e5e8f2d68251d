//! End to end in tmux: the workspace scenario of issue #3, exactly as written.

use crate::common;

use common::tmux::{self, Tmux};
use letterdesk::letter::parse_file;

#[test]
fn draft_resolve_quit_and_find_it_again() {
    if !tmux::available() {
        return;
    }
    let (source, name) = tmux::letter_2014();
    let letter = parse_file(&source).expect("letter parses");
    let company = letter.company.clone().expect("company");
    let company_word = company.split_whitespace().next().unwrap().to_string();
    // A distinctive piece of comment 2's text (the real letter cites 4,513 cabinets).
    let comment2 = &letter.comments[1].text;
    let marker = if comment2.contains("4,513") {
        "4,513".to_string()
    } else {
        comment2
            .split_whitespace()
            .find(|w| w.len() > 7)
            .unwrap()
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_string()
    };

    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(&source, dir.path().join(&name)).unwrap();
    let sentence = "We will expand the cabinet disclosure.";

    let t = Tmux::start(dir.path(), &["."], 180, 45);
    t.wait_for(&company_word);
    t.keys(&["Enter"]);
    t.keys(&["j"]);
    t.keys(&["Enter"]);
    t.type_text(sentence);
    t.keys(&["Escape"]);
    t.keys(&["r"]);
    let screen = t.wait_for(sentence);
    assert!(
        screen.contains(&marker),
        "comment 2's text ({marker}) shows beside the draft:\n{screen}"
    );
    // The sentence is in the right-hand pane: it starts right of the middle of the screen.
    let line = screen.lines().find(|l| l.contains(sentence)).unwrap();
    let before = &line[..line.find(sentence).unwrap()];
    assert!(
        before.chars().count() > 90,
        "draft is on the right:\n{screen}"
    );
    t.quit();

    let drafts_name = name.replace(".txt", ".responses.toml");
    let saved =
        std::fs::read_to_string(dir.path().join(&drafts_name)).expect("drafts file written");
    let value: toml::Value = toml::from_str(&saved).expect("drafts file is TOML");
    let c2 = &value["comments"]["2"];
    assert_eq!(c2["status"].as_str(), Some("resolved"), "{saved}");
    assert_eq!(
        c2["response"].as_str().map(str::trim_end),
        Some(sentence),
        "{saved}"
    );

    t.restart(dir.path(), &["."], 180, 45);
    t.wait_for(&company_word);
    t.keys(&["Enter"]);
    t.keys(&["j"]);
    t.wait_for(sentence);
}
