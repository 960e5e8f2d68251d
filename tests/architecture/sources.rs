//! The source files under `src/`, their module paths and the imports each one writes.

use super::*;
use crate::strip::strip;

/// Every `.rs` file under `root`, with its module path.
pub fn read_sources(root: &Path) -> Vec<Source> {
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
pub fn module_of(relative: &Path) -> Vec<String> {
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
pub fn imports(source: &Source, modules: &BTreeSet<Vec<String>>) -> Vec<Found> {
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
