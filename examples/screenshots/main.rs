//! Regenerates the pictures in `screenshots/` from the real drawing code:
//! `cargo run --example screenshots`. Each screen is drawn on a `TestBackend` from the
//! built-in demo letters (the review and precedent screens from synthetic letters of
//! fictional companies; all parsed by the real parser, the precedent hits found by the
//! real index) and written as SVG; when `rsvg-convert` is installed a PNG is written
//! beside each SVG too.

#[path = "../../benches/support/demo.rs"]
mod demo;
mod precedent;
mod reviews;
mod svg;

use letterdesk::drafts::{CommentDraft, Drafts, Status};
use letterdesk::index::Progress;
use letterdesk::letter::{Brief, Kind};
use letterdesk::tui::{Action, Command, Config, Listing, Runtime, State, draw, update};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::path::Path;

/// The demo workspace with the newest comment letter open, drafts loaded and a
/// draft being written.
fn drafting() -> State {
    let mut state = demo::opened(|numbers| {
        let mut drafts = Drafts::for_comments(numbers);
        let texts = [
            (
                Status::Resolved,
                "We have revised the risk factor on page 14 to quantify the share of components bought from our largest supplier (41% in 2022).",
            ),
            (
                Status::Drafted,
                "Inventory reserves are estimated by model from sell-through data. We will expand the disclosure in future filings.",
            ),
        ];
        for (draft, (status, text)) in drafts.comments.iter_mut().zip(texts) {
            *draft = CommentDraft {
                status,
                response: text.to_string(),
                ..draft.clone()
            };
        }
        drafts
    });
    for _ in 0..2 {
        update(&mut state, Action::Run(Command::Down));
    }
    update(&mut state, Action::Run(Command::Edit));
    update(
        &mut state,
        Action::Paste(
            "The Company respectfully advises the Staff that freight costs rose by $3.1 million in 2022.\n\nIn future filings we will quantify each factor that changed gross margin".to_string(),
        ),
    );
    state
}

/// A folder of 10,000 letters being indexed: 3,200 listed so far (fictional companies,
/// the listings as the indexer sends them), the cursor moved down the list.
fn indexing() -> State {
    const PREFIXES: [&str; 8] = [
        "Pinecrest",
        "Lumenfield",
        "Quarry Lane",
        "Kittiwake",
        "Harbor Lantern",
        "Bramblewood",
        "Northwind",
        "Fenwick",
    ];
    const SUFFIXES: [&str; 6] = [
        "Outdoor Supply, Inc.",
        "Health, Inc.",
        "Materials Corp.",
        "Marine Holdings Ltd.",
        "Software Group, Inc.",
        "Realty Trust",
    ];
    const FORMS: [&str; 5] = ["10-K", "10-Q", "20-F", "S-1", "8-K"];
    let today = demo::today();
    let mut state = State::new(Config::builtin(false), today, None);
    update(&mut state, Action::Resize(180, 45));
    for i in 0..3_200_usize {
        let date = today - chrono::Days::new((i * 7 % 3_000) as u64);
        let company = format!("{} {}", PREFIXES[i % 8], SUFFIXES[i / 8 % 6]);
        let numbers: Vec<String> = (1..=(i * 13 % 24 + 1)).map(|n| n.to_string()).collect();
        let resolved = i * 5 % (numbers.len() + 1);
        let listing = Listing {
            brief: Brief {
                kind: Kind::Comments,
                date: Some(date.to_string()),
                company: Some(company),
                form: Some(FORMS[i % 5].to_string()),
                response_due: Some((date + chrono::Days::new(14)).to_string()),
                numbers,
                ..Brief::default()
            },
            progress: Progress {
                resolved,
                ..Progress::default()
            },
            also: Vec::new(),
        };
        let path = format!("/letters/{}/letter-{i:05}.txt", PREFIXES[i % 8]);
        update(
            &mut state,
            Action::LetterIndexed {
                path: path.into(),
                listing: Box::new(Ok(listing)),
            },
        );
    }
    update(&mut state, Action::FilesFound { total: 10_000 });
    for _ in 0..37 {
        update(&mut state, Action::Run(Command::Down));
    }
    state
}

/// The demo letters in a folder with odd files beside them, indexed by the real
/// workers: a binary file, a letter whose drafts file holds a git conflict, a symlink
/// back into the folder. Each odd file gets a row that says what is wrong; the cursor
/// is on the conflicted letter.
#[cfg(unix)]
fn problems() -> State {
    // A fixed folder, so the paths the screen names are the same on every run.
    let root = &std::env::temp_dir().join("letterdesk-screenshots");
    let _ = std::fs::remove_dir_all(root);
    std::fs::create_dir_all(root).expect("folder");
    for (name, text) in letterdesk::demo::LETTERS {
        std::fs::write(root.join(name), text).expect("demo letter");
    }
    std::fs::write(
        root.join("scan-2024-03.txt"),
        b"%PDF-1.7\n\x00\x01\x02binary",
    )
    .expect("binary file");
    let (name, text) = letterdesk::demo::LETTERS[0];
    let conflicted = root.join(format!("merged-{name}"));
    std::fs::write(&conflicted, text).expect("letter");
    std::fs::write(
        letterdesk::drafts::drafts_path(&conflicted),
        "[comments.\"1\"]\n<<<<<<< HEAD\nstatus = \"drafted\"\n=======\nstatus = \"resolved\"\n>>>>>>> theirs\n",
    )
    .expect("drafts file");
    std::fs::create_dir(root.join("archive")).expect("folder");
    std::os::unix::fs::symlink(root, root.join("archive/loop")).expect("symlink");

    let mut state = State::new(Config::builtin(false), demo::today(), None);
    update(&mut state, Action::Resize(180, 45));
    let limits = Config::builtin(false).limits;
    let mut runtime =
        Runtime::new(state, vec![root.to_owned()], limits, None, None, None).expect("workers");
    runtime.wait_for(std::time::Duration::from_secs(20), State::indexed);
    let mut state = runtime.into_state();
    let conflicted = conflicted.canonicalize().expect("real path");
    for _ in 0..letterdesk::demo::LETTERS.len() + 3 {
        if state.cursor_path() == Some(conflicted.as_path()) {
            break;
        }
        update(&mut state, Action::Run(Command::Down));
    }
    state
}

/// The demo workspace at start-up with text a crash left in the journal: the recovery
/// dialog shows it beside what the drafts file holds.
fn recovery() -> State {
    use letterdesk::journal::{Entry, Offer};
    let mut state = demo::listed();
    let letter = state.cursor_path().expect("a letter is listed").to_owned();
    // Noon UTC on the demo day, a little after the drafts file was saved.
    let written = std::time::SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(1_687_262_400);
    let offer = Offer {
        entry: Entry {
            letter,
            number: "2".into(),
            text: "Inventory reserves are estimated by model from sell-through data for each product line.\n\nWe will expand the disclosure in future filings to describe the model and its inputs.".into(),
            written,
            file: "journal/entry.json".into(),
            session: None,
            base: None,
        },
        saved: Some("Inventory reserves are estimated by model.".into()),
        newer_than_file: true,
    };
    update(
        &mut state,
        Action::JournalOffers {
            offers: vec![offer],
            here: 1,
        },
    );
    state
}

fn write(state: &mut State, name: &str, width: u16, height: u16) {
    update(state, Action::Resize(width, height));
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("terminal");
    terminal.draw(|frame| draw(frame, state)).expect("draw");
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("screenshots");
    std::fs::create_dir_all(&dir).expect("screenshots folder");
    let svg_path = dir.join(format!("{name}.svg"));
    std::fs::write(&svg_path, svg::render(terminal.backend().buffer())).expect("write svg");
    println!("wrote {}", svg_path.display());
    let png_path = dir.join(format!("{name}.png"));
    match std::process::Command::new("rsvg-convert")
        .arg("-o")
        .arg(&png_path)
        .arg(&svg_path)
        .status()
    {
        Ok(status) if status.success() => println!("wrote {}", png_path.display()),
        _ => println!("(no PNG: rsvg-convert is not installed)"),
    }
}

fn main() {
    // The recovery dialog shows when text was typed in local time: the same on every
    // machine. SAFETY: set before any thread is started.
    unsafe { std::env::set_var("TZ", "UTC") };
    let mut main = drafting();
    write(&mut main, "main", 180, 45);

    let mut help = drafting();
    update(&mut help, Action::Run(Command::Leave));
    update(&mut help, Action::Run(Command::Help));
    write(&mut help, "help", 180, 45);

    let mut export = drafting();
    update(&mut export, Action::Run(Command::Leave));
    update(&mut export, Action::Run(Command::Export));
    write(&mut export, "export", 180, 45);

    let mut narrow = drafting();
    write(&mut narrow, "narrow", 100, 32);

    let mut list = demo::listed();
    write(&mut list, "letters", 180, 45);

    write(&mut recovery(), "recovery", 180, 45);

    write(&mut reviews::tree(), "reviews", 150, 20);
    write(&mut reviews::reference(), "reference", 180, 36);
    write(&mut reviews::reader(), "reader", 180, 45);

    let mut large = indexing();
    write(&mut large, "indexing", 180, 45);

    let shots = std::env::temp_dir().join("letterdesk-screenshots-precedent");
    let _ = std::fs::remove_dir_all(&shots);
    std::fs::create_dir_all(&shots).expect("folder");
    write(&mut precedent::overlay(&shots), "precedent", 180, 45);
    let _ = std::fs::remove_dir_all(&shots);

    #[cfg(unix)]
    {
        write(&mut problems(), "problems", 180, 45);
        let _ = std::fs::remove_dir_all(std::env::temp_dir().join("letterdesk-screenshots"));
    }
}
