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

/// Every `.rs` file under `root`, with its module path.
fn read_sources(root: &Path) -> Vec<Source> {
    let mut files = Vec::new();
    let mut folders = vec![root.to_path_buf()];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).expect("src is readable") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                folders.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                files.push(path);
            }
        }
    }
    files.sort();
    files
        .into_iter()
        .filter_map(|path| {
            let relative: PathBuf = path.strip_prefix(root).expect("under src").to_owned();
            // The binary is a crate of its own; it reaches the library by name.
            (relative != Path::new("main.rs")).then(|| Source {
                file: relative.to_string_lossy().replace('\\', "/"),
                module: module_of(&relative),
                text: std::fs::read_to_string(&path).expect("source is text"),
            })
        })
        .collect()
}

/// `lib.rs` → `[]`, `a/mod.rs` → `["a"]`, `a/b.rs` → `["a", "b"]`.
fn module_of(relative: &Path) -> Vec<String> {
    let mut parts: Vec<String> = relative
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    let last = parts.pop().unwrap_or_default();
    let stem = last.trim_end_matches(".rs");
    if stem != "mod" && stem != "lib" {
        parts.push(stem.to_owned());
    }
    parts
}

/// The imports of one file: `use` items (groups expanded) and inline paths that start at
/// `crate`, `super` or `self`, resolved from the (inline) module they are written in.
fn imports(source: &Source, modules: &BTreeSet<Vec<String>>) -> Vec<Found> {
    let text = strip(&source.text);
    let scopes = scopes(&text, &source.module);
    let scope_at = |at: usize| -> &Vec<String> {
        scopes
            .iter()
            .rev()
            .find(|(start, end, _)| *start <= at && at < *end)
            .map_or(&source.module, |(_, _, m)| m)
    };
    let mut found = Vec::new();
    let mut in_use = Vec::new();
    let use_item = Regex::new(r"\b(pub(?:\s*\([^)]*\))?\s+)?use\s+([^;]*);").expect("regex");
    let rename = Regex::new(r"\s+as\s+(\w+)").expect("regex");
    for item in use_item.captures_iter(&text) {
        let whole = item.get(0).expect("match");
        in_use.push(whole.range());
        let scope = scope_at(whole.start());
        let public = item.get(1).is_some();
        let tree = rename.replace_all(&item[2], "@$1");
        for mut path in expand(&tree.split_whitespace().collect::<String>()) {
            let last = path.pop().unwrap_or_default();
            let (name, alias) = last.split_once('@').unwrap_or((&last, &last));
            let alias = alias.to_owned();
            path.push(name.to_owned());
            found.push(Found {
                import: resolve(&path, scope, modules),
                exported_as: public.then_some(alias),
            });
        }
    }
    let inline = Regex::new(r"\b(crate|super|self)((?:::\w+)+)").expect("regex");
    let external = Regex::new(r"(?:^|[^:\w])(\w+)::").expect("regex");
    for path in inline.find_iter(&text) {
        if in_use.iter().any(|r| r.contains(&path.start())) {
            continue;
        }
        let segments: Vec<String> = path.as_str().split("::").map(str::to_owned).collect();
        found.push(Found {
            import: resolve(&segments, scope_at(path.start()), modules),
            exported_as: None,
        });
    }
    for name in external.captures_iter(&text) {
        let name = &name[1];
        if TERMINAL.contains(&name) {
            found.push(Found {
                import: Import::External(name.to_owned()),
                exported_as: None,
            });
        }
    }
    found
}

/// A path as written in `scope`, made absolute when it is in this crate.
fn resolve(path: &[String], scope: &[String], modules: &BTreeSet<Vec<String>>) -> Import {
    let mut at: Vec<String> = scope.to_vec();
    let mut rest = path;
    match path.first().map(String::as_str) {
        Some("crate") => {
            at.clear();
            rest = &path[1..];
        }
        Some("self") => rest = &path[1..],
        Some("super") => {
            while rest.first().is_some_and(|s| s == "super") {
                at.pop();
                rest = &rest[1..];
            }
        }
        Some(first) => {
            let mut child = scope.to_vec();
            child.push(first.to_owned());
            if !modules.contains(&child) {
                return Import::External(first.to_owned());
            }
        }
        None => return Import::External(String::new()),
    }
    at.extend(rest.iter().filter(|s| *s != "*" && *s != "self").cloned());
    Import::Crate(at)
}

/// A `use` tree without spaces or renames (`a::{b,c::{d,e}}`) as its paths.
fn expand(tree: &str) -> Vec<Vec<String>> {
    let tree = tree.trim_start_matches("::");
    let Some(open) = tree.find('{') else {
        return vec![
            tree.split("::")
                .filter(|s| !s.is_empty())
                .map(str::to_owned)
                .collect(),
        ];
    };
    let prefix: Vec<String> = tree[..open]
        .split("::")
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect();
    let inner = &tree[open + 1..tree.rfind('}').unwrap_or(tree.len())];
    let mut parts = Vec::new();
    let (mut depth, mut start) = (0, 0);
    for (i, c) in inner.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                parts.push(&inner[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    parts.push(&inner[start..]);
    parts
        .into_iter()
        .filter(|p| !p.is_empty())
        .flat_map(expand)
        .map(|tail| prefix.iter().cloned().chain(tail).collect())
        .collect()
}

/// The inline modules (`mod tests { … }`) of stripped `text`: their byte ranges and
/// module paths, outermost first.
fn scopes(text: &str, module: &[String]) -> Vec<(usize, usize, Vec<String>)> {
    let opening = Regex::new(r"\bmod\s+(\w+)\s*\{").expect("regex");
    let mut scopes = Vec::new();
    for found in opening.captures_iter(text) {
        let whole = found.get(0).expect("match");
        let start = whole.end() - 1;
        let mut depth = 0;
        let mut end = text.len();
        for (i, c) in text[start..].char_indices() {
            match c {
                '{' => depth += 1,
                '}' => {
                    depth -= 1;
                    if depth == 0 {
                        end = start + i;
                        break;
                    }
                }
                _ => {}
            }
        }
        let outer: Vec<String> = scopes
            .iter()
            .rev()
            .find(|(s, e, _): &&(usize, usize, Vec<String>)| *s <= start && start < *e)
            .map_or_else(|| module.to_vec(), |(_, _, m)| m.clone());
        let mut path = outer;
        path.push(found[1].to_owned());
        scopes.push((start, end, path));
    }
    scopes
}

/// `text` with comments, string literals and character literals blanked out (newlines
/// and byte offsets kept), so that only code is searched.
fn strip(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = bytes.to_vec();
    let blank = |out: &mut Vec<u8>, from: usize, to: usize| {
        for b in &mut out[from..to] {
            if *b != b'\n' {
                *b = b' ';
            }
        }
    };
    let mut i = 0;
    while i < bytes.len() {
        let rest = &bytes[i..];
        if rest.starts_with(b"//") {
            let end = rest
                .iter()
                .position(|&b| b == b'\n')
                .map_or(bytes.len(), |n| i + n);
            blank(&mut out, i, end);
            i = end;
        } else if rest.starts_with(b"/*") {
            let (mut depth, mut j) = (0usize, i);
            while j < bytes.len() {
                if bytes[j..].starts_with(b"/*") {
                    depth += 1;
                    j += 2;
                } else if bytes[j..].starts_with(b"*/") {
                    depth -= 1;
                    j += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    j += 1;
                }
            }
            blank(&mut out, i, j);
            i = j;
        } else if let Some(hashes) = raw_string(rest)
            && !(i > 0 && (bytes[i - 1].is_ascii_alphanumeric() || bytes[i - 1] == b'_'))
        {
            // r"…", r#"…"#, br"…": ends at the quote followed by as many hashes.
            let open = rest.iter().position(|&b| b == b'"').expect("quote") + 1;
            let close: Vec<u8> = std::iter::once(b'"')
                .chain(std::iter::repeat_n(b'#', hashes))
                .collect();
            let end = bytes[i + open..]
                .windows(close.len())
                .position(|w| w == close.as_slice())
                .map_or(bytes.len(), |n| i + open + n + close.len());
            blank(&mut out, i, end);
            i = end;
        } else if rest[0] == b'"' {
            let mut j = i + 1;
            while j < bytes.len() && bytes[j] != b'"' {
                j += if bytes[j] == b'\\' { 2 } else { 1 };
            }
            blank(&mut out, i, (j + 1).min(bytes.len()));
            i = j + 1;
        } else if rest[0] == b'\'' {
            // A character literal ('x', '\n', '\u{..}', '{'), not a lifetime ('a).
            let end = if rest.get(1) == Some(&b'\\') {
                rest[2..].iter().position(|&b| b == b'\'').map(|n| n + 3)
            } else {
                // `i` is on the quote, so `i + 1` starts a character.
                let width = text[i + 1..].chars().next().map_or(1, char::len_utf8);
                (rest.get(1 + width) == Some(&b'\'')).then_some(width + 2)
            };
            match end {
                Some(n) => {
                    blank(&mut out, i, i + n);
                    i += n;
                }
                None => i += 1,
            }
        } else {
            i += 1;
        }
    }
    String::from_utf8(out).expect("blanking keeps UTF-8 (whole characters blanked)")
}

/// Whether `rest` opens a raw string (`r"`, `r#"`, `br#"`); its number of hashes.
fn raw_string(rest: &[u8]) -> Option<usize> {
    let after = rest
        .strip_prefix(b"br")
        .or_else(|| rest.strip_prefix(b"r"))?;
    let hashes = after.iter().take_while(|&&b| b == b'#').count();
    (after.get(hashes) == Some(&b'"')).then_some(hashes)
}
