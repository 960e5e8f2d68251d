//! The layers, checked: reads the imports of every file under `src/` (`use` items and
//! `crate::`/`super::` paths written inline) and fails when one crosses a layer the wrong
//! way or when files import each other in a circle.
//!
//! - The core (`letter`, `drafts`, `export`, `index`, `journal`, `text`, `demo`, `disk`,
//!   `review`, `problem`, `precedent`) imports neither `config`, `cli` nor `tui`, and no
//!   terminal crate.
//! - `config` imports neither `cli` nor `tui`; `cli` never imports `tui`.
//! - In `tui`: `model` imports none of `update`, `view`, `runtime`; `update` imports
//!   neither `view` nor `runtime`; `view` imports neither `update` nor `runtime`; inside
//!   `tui`, imports name the layer (`crate::tui::model::…`), never the facade in
//!   `tui/mod.rs`.
//! - No import circle between files.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use regex::Regex;

mod sources;
mod strip;

use sources::{imports, module_of, read_sources};

/// The core's modules: pure, no terminal.
const CORE: &[&str] = &[
    "letter",
    "drafts",
    "export",
    "index",
    "journal",
    "text",
    "demo",
    "disk",
    "review",
    "problem",
    "precedent",
];

/// Crates that touch the terminal (or its signals and file events).
const TERMINAL: &[&str] = &[
    "ratatui",
    "ratatui_textarea",
    "crossterm",
    "notify",
    "signal_hook",
];

/// The layers of `tui`, and which of them each may not import.
const TUI_RULES: &[(&str, &[&str])] = &[
    ("model", &["update", "view", "runtime"]),
    ("update", &["view", "runtime"]),
    ("view", &["update", "runtime"]),
];

/// One source file: its module path (`["tui", "model", "state"]`) and its text.
struct Source {
    file: String,
    module: Vec<String>,
    text: String,
}

/// An import found in a file: where it points, from which (inline) module.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Import {
    /// A path in this crate, made absolute (`["tui", "model", "ids", "Pane"]`).
    Crate(Vec<String>),
    /// A path into another crate (its name).
    External(String),
}

/// An import with, for a `pub use`, the name it is re-exported under.
struct Found {
    import: Import,
    exported_as: Option<String>,
}

#[test]
fn layers_import_only_downwards_and_no_file_circles() {
    let sources = read_sources(Path::new(env!("CARGO_MANIFEST_DIR")).join("src").as_path());
    assert!(sources.len() > 50, "found the sources ({})", sources.len());
    let problems = check(&sources);
    assert!(
        problems.is_empty(),
        "{} import problem(s):\n{}",
        problems.len(),
        problems.join("\n")
    );
}

#[test]
fn a_forbidden_import_is_reported() {
    let source = |file: &str, text: &str| Source {
        file: file.into(),
        module: module_of(Path::new(file)),
        text: text.into(),
    };
    let sources = vec![
        source("lib.rs", "pub mod letter;\npub mod tui;\npub mod cli;\n"),
        source(
            "letter/mod.rs",
            "//! use crate::tui::State; (a comment)\nuse crate::tui::State;\nfn f() { let s = \"crate::cli::x\"; ratatui::init(); }\n",
        ),
        source("cli/mod.rs", "use crate::tui::{model::state::State};\n"),
        source("tui/mod.rs", "mod model;\nmod view;\n"),
        source(
            "tui/model/state.rs",
            "#[cfg(test)]\nmod tests {\n    use super::*;\n}\nuse crate::tui::view::draw;\nuse crate::tui::Runtime;\n",
        ),
        source("tui/view/mod.rs", "use crate::tui::model::state::State;\n"),
    ];
    let problems = check(&sources);
    let has = |what: &str| problems.iter().any(|p| p.contains(what));
    assert!(
        has("letter/mod.rs imports crate::tui::State"),
        "{problems:#?}"
    );
    assert!(
        has("letter/mod.rs uses the terminal crate ratatui"),
        "{problems:#?}"
    );
    assert!(
        !has("crate::cli::x"),
        "strings are not imports: {problems:#?}"
    );
    assert!(
        has("cli/mod.rs imports crate::tui::model::state::State"),
        "{problems:#?}"
    );
    assert!(
        has("tui/model/state.rs imports crate::tui::view::draw"),
        "{problems:#?}"
    );
    assert!(
        has("tui/model/state.rs imports crate::tui::Runtime through the facade"),
        "{problems:#?}"
    );
    assert!(
        has("circle: tui/model/state.rs → tui/view/mod.rs → tui/model/state.rs"),
        "{problems:#?}"
    );
    assert_eq!(problems.len(), 6, "{problems:#?}");
}

/// Every rule broken by `sources`, one line each.
fn check(sources: &[Source]) -> Vec<String> {
    // Every module a file is, or sits in.
    let modules: BTreeSet<Vec<String>> = sources
        .iter()
        .flat_map(|s| (0..=s.module.len()).map(|n| s.module[..n].to_vec()))
        .collect();
    let found: Vec<Vec<Found>> = sources.iter().map(|s| imports(s, &modules)).collect();
    // What each file re-exports (`pub use`), by name: an import of a re-exported name is
    // an import of the file that defines it, not of the facade.
    let mut exports: BTreeMap<&str, BTreeMap<String, Vec<String>>> = BTreeMap::new();
    for (source, found) in sources.iter().zip(&found) {
        for f in found {
            if let (Import::Crate(path), Some(name)) = (&f.import, &f.exported_as) {
                exports
                    .entry(source.file.as_str())
                    .or_default()
                    .insert(name.clone(), path.clone());
            }
        }
    }
    let mut problems = Vec::new();
    let mut edges: BTreeMap<&str, BTreeSet<String>> = BTreeMap::new();
    for (source, found) in sources.iter().zip(found) {
        let layer = source.module.first().map(String::as_str).unwrap_or("");
        for Found { import, .. } in found {
            match import {
                Import::External(name) => {
                    if CORE.contains(&layer) && TERMINAL.contains(&name.as_str()) {
                        problems.push(format!("{} uses the terminal crate {name}", source.file));
                    }
                }
                Import::Crate(path) => {
                    let shown = format!("crate::{}", path.join("::"));
                    let to = path.first().map(String::as_str).unwrap_or("");
                    let forbidden: &[&str] = if CORE.contains(&layer) {
                        &["config", "cli", "tui"]
                    } else if layer == "config" {
                        &["cli", "tui"]
                    } else if layer == "cli" {
                        &["tui"]
                    } else {
                        &[]
                    };
                    if forbidden.contains(&to) {
                        problems.push(format!("{} imports {shown}", source.file));
                    }
                    if layer == "tui" && source.module.len() >= 2 && to == "tui" {
                        let from = source.module[1].as_str();
                        let into = path.get(1).map(String::as_str).unwrap_or("");
                        if let Some((_, banned)) = TUI_RULES.iter().find(|(l, _)| *l == from)
                            && banned.contains(&into)
                        {
                            problems.push(format!("{} imports {shown}", source.file));
                        }
                        if !modules.contains(&path[..2.min(path.len())]) {
                            problems.push(format!(
                                "{} imports {shown} through the facade",
                                source.file
                            ));
                        }
                    }
                    if let Some(target) = file_of(&path, sources, &exports)
                        && target != source.file
                    {
                        edges
                            .entry(source.file.as_str())
                            .or_default()
                            .insert(target);
                    }
                }
            }
        }
    }
    problems.extend(circles(&edges));
    problems
}

/// The file that holds what `path` names: the longest prefix that is a file, followed
/// through that file's re-exports.
fn file_of(
    path: &[String],
    sources: &[Source],
    exports: &BTreeMap<&str, BTreeMap<String, Vec<String>>>,
) -> Option<String> {
    let mut path = path.to_vec();
    for _ in 0..16 {
        let (n, file) = (0..=path.len()).rev().find_map(|n| {
            sources
                .iter()
                .find(|s| s.module.as_slice() == &path[..n])
                .map(|s| (n, s.file.clone()))
        })?;
        match path
            .get(n)
            .and_then(|name| exports.get(file.as_str())?.get(name))
        {
            Some(target) if target.as_slice() != path.as_slice() => {
                path = target.iter().chain(&path[n + 1..]).cloned().collect();
            }
            _ => return Some(file),
        }
    }
    None
}

/// Each circle of imports between files, once, as `a → b → a`.
fn circles(edges: &BTreeMap<&str, BTreeSet<String>>) -> Vec<String> {
    let mut found = Vec::new();
    let mut reported: BTreeSet<BTreeSet<String>> = BTreeSet::new();
    for start in edges.keys() {
        // Breadth-first from `start`, looking for a way back to it.
        let mut from: BTreeMap<String, String> = BTreeMap::new();
        let mut queue = std::collections::VecDeque::from([start.to_string()]);
        while let Some(file) = queue.pop_front() {
            let Some(next) = edges.get(file.as_str()) else {
                continue;
            };
            if next.contains(*start) {
                let mut chain = vec![file.clone()];
                while let Some(previous) = from.get(chain.last().unwrap()) {
                    chain.push(previous.clone());
                }
                chain.reverse();
                let members: BTreeSet<String> = chain.iter().cloned().collect();
                if reported.insert(members) {
                    chain.push(start.to_string());
                    found.push(format!("circle: {}", chain.join(" → ")));
                }
                break;
            }
            for n in next {
                if n != start && !from.contains_key(n) {
                    from.insert(n.clone(), file.clone());
                    queue.push_back(n.clone());
                }
            }
        }
    }
    found
}
