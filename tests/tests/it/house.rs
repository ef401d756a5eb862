//! The house rules of the code, checked on every test run (ARCHITECTURE.md, "Checked rules"):
//!
//! - **No module cycle inside a crate.** For every crate of the workspace, a top-level module
//!   (`src/x.rs` or `src/x/`) that names another (`crate::y`, or `y::` after `use crate::{…}`)
//!   depends on it; the dependencies must form no cycle. The same holds for the areas inside
//!   the adapters' folders (`server/src/ui/organizations` must not name `crate::ui::visits` if
//!   that names it back). A cycle is printed as `a → b → a`. Unit-test files (`x_tests.rs`) are
//!   not counted: they are not part of the built crate.
//! - **The adapters stay small.** `server/src` (CLI, API, pages) holds at most
//!   [`SERVER_LINE_BUDGET`] lines; what grows beyond belongs in `wifo-app` or a library crate.
//!
//! The check reads the source text (no compiler needed): a newcomer can read it in one sitting.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The most lines `server/src` may hold. 12,000 when the services moved to `wifo-app`; raised
/// to 13,500 when every record got its page and most commands their form (the UI's own code:
/// templates' handlers, not services), after the German texts moved to `server/texts/de.tsv`;
/// raised to 15,200 when the last 25 write routes got their forms through one table that
/// submits to the API's own command routes (`ui/actions`, ~1,250 lines with its tests, where
/// hand-written forms took 70–100 lines each); raised to 15,800 for the connection listener with
/// its limits (`listener.rs`), the own account page and the password routes — transport and
/// pages, whose rules (`keeps_an_admin`, `accounts::change_own_password`) live in `wifo-app`;
/// raised to 16,200 for the search page's sortable columns, numbered pager and download of the
/// filtered list, and the calendar feed's three routes — their rules (`directory_ids`,
/// `personal_calendar`, `calendar_feed`) live in the libraries; raised to 17,200 for the pages
/// of reminders (the form that sets one, the record page, the block on three record pages), the
/// lead's choice of whose week, the queue's staff filter and download, and the lead's lists with
/// pager, sorting and download — their rules (the `reminder` decider, `work_list`,
/// `subject_name`, `inquiry_queue`) live in the libraries; raised to 17,800 for the OpenAPI
/// document generated from the types each route reads and answers (`http/openapi.rs`, the typed
/// answers of `http/answers.rs` and the users' routes that replaced `json!` literals, the
/// documented query parameters) — the schemas themselves are derived in the libraries, and the
/// hand-written report schema (198 lines) went; raised to 19,100 for the public face (the
/// Handreichung, its flyer and topic pages, the Ansprechpartner, the inquiry form with its rate
/// limit, honeypot and CSRF cookie, one's own publication, the admin's Handreichung forms and
/// their API routes) — its rules (`public` decider, `routing::route`, `queries::guide`,
/// `public_inquiry::submit`) live in the libraries; raised to 19,900 for the at-risk page and
/// route, the visit's leadership form, and the Bürgerbüro's page and routes — their rules
/// (`queries::at_risk`, the `visit` decider's publicity, `public_inquiry::Entry`,
/// `queries::entered`) live in the libraries; raised to 21,000 for the region pages and routes
/// (`/regionen`, `/regionen/{code}`, `GET /api/v1/regions…`) and a gathering's audience, agenda
/// and follow-up links — their figures and rules (`portrait`, the choropleth of
/// `output::html::map`, the directory's `member_of`/`inquiry_topic`, the `gathering` decider's
/// agenda) live in the libraries; raised to 21,800 for the data-protection pages and routes
/// (`ui::privacy`, `http::privacy`: access export, retention review, access log, records of
/// processing) — the log, the retention rules, the export and the record of processing are
/// `wifo_app::privacy`; raised to 22,400 for the senders of public inquiries (`/datenschutz/absender`,
/// `POST /api/v1/inquiries/{id}/erase-sender`) and the address lists (`/anschriften`,
/// `GET /api/v1/address-lists`) — who is due, the erasure and which lines may show contact
/// data are `wifo_app::privacy::senders` and `wifo_app::export::addresses`.
const SERVER_LINE_BUDGET: usize = 22_400;

/// The crates whose modules are checked for cycles.
const CRATES: &[&str] = &[
    "domain",
    "store",
    "projections",
    "analytics",
    "exchange",
    "app",
    "demo",
    "server",
    "tests",
];

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default()
}

fn rust_files(dir: &Path, found: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, found);
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            found.push(path);
        }
    }
}

/// The top-level module a file of `src` belongs to (`http/views.rs` → `http`); `None` for the
/// crate or folder root (`lib.rs`, `main.rs`, `mod.rs`) and binaries.
fn top_module(src: &Path, file: &Path) -> Option<String> {
    let relative = file.strip_prefix(src).ok()?;
    let first = relative.components().next()?.as_os_str().to_str()?;
    if relative.components().count() == 1 {
        let stem = first.strip_suffix(".rs")?;
        return (!matches!(stem, "lib" | "main" | "mod")).then(|| stem.to_owned());
    }
    (first != "bin").then(|| first.to_owned())
}

/// The modules of `modules` that `text` names through `prefix` (`crate::`, `crate::ui::`).
fn named_modules(text: &str, prefix: &str, modules: &BTreeSet<String>) -> BTreeSet<String> {
    let mut named = BTreeSet::new();
    let code: String = text
        .lines()
        .filter(|line| {
            let line = line.trim_start();
            !(line.starts_with("//") || line.starts_with("/*") || line.starts_with('*'))
        })
        .collect::<Vec<_>>()
        .join("\n");
    for (index, _) in code.match_indices(prefix) {
        let rest = &code[index + prefix.len()..];
        if let Some(group) = rest.strip_prefix('{') {
            // `use crate::{a::X, b, c::{…}}`: the first name of every item at the top level.
            let (mut depth, mut first, mut name) = (0usize, true, String::new());
            for ch in group.chars() {
                match ch {
                    '{' => depth += 1,
                    '}' if depth == 0 => break,
                    '}' => depth -= 1,
                    ',' if depth == 0 => {
                        first = true;
                        continue;
                    }
                    _ => {}
                }
                if depth > 0 || !first {
                    continue;
                }
                if ch.is_alphanumeric() || ch == '_' {
                    name.push(ch);
                } else if !name.is_empty() {
                    named.insert(std::mem::take(&mut name));
                    first = false;
                }
            }
            if !name.is_empty() {
                named.insert(name);
            }
        } else {
            let name: String = rest
                .chars()
                .take_while(|ch| ch.is_alphanumeric() || *ch == '_')
                .collect();
            named.insert(name);
        }
    }
    named.retain(|name| modules.contains(name));
    named
}

/// A module's unit tests (`x_tests.rs`, `tests.rs`): they may use any module to set up a test,
/// and are not part of the built crate.
fn is_unit_test(file: &Path) -> bool {
    file.file_name()
        .and_then(|name| name.to_str())
        .is_some_and(|name| name == "tests.rs" || name.ends_with("_tests.rs"))
}

/// The dependencies between the modules directly under `roots` (one crate's `src`, or a folder
/// module such as `server/src/ui`), named through `prefix`.
fn module_graph(roots: &[PathBuf], prefix: &str) -> BTreeMap<String, BTreeSet<String>> {
    let mut files = Vec::new();
    for root in roots {
        let mut found = Vec::new();
        rust_files(root, &mut found);
        files.extend(found.into_iter().map(|file| (root.clone(), file)));
    }
    let modules: BTreeSet<String> = files
        .iter()
        .filter_map(|(root, file)| top_module(root, file))
        .collect();
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (root, file) in &files {
        let Some(module) = top_module(root, file) else {
            continue;
        };
        if is_unit_test(file) {
            continue;
        }
        let text = std::fs::read_to_string(file).unwrap_or_default();
        let edges = graph.entry(module.clone()).or_default();
        for named in named_modules(&text, prefix, &modules) {
            if named != module {
                edges.insert(named);
            }
        }
    }
    graph
}

/// What is checked for cycles: every crate's top-level modules, and the areas inside the
/// folder modules of the adapters.
fn checked() -> Vec<(String, Vec<PathBuf>, &'static str)> {
    let root = workspace();
    let mut checked: Vec<(String, Vec<PathBuf>, &'static str)> = CRATES
        .iter()
        .map(|name| {
            let mut roots = vec![root.join(name).join("src")];
            if *name == "tests" {
                roots.push(root.join("tests").join("tests").join("it"));
            }
            ((*name).to_owned(), roots, "crate::")
        })
        .collect();
    for (folder, prefix) in [
        ("ui", "crate::ui::"),
        ("http", "crate::http::"),
        ("cli", "crate::cli::"),
    ] {
        checked.push((
            format!("server/{folder}"),
            vec![root.join("server").join("src").join(folder)],
            prefix,
        ));
    }
    checked
}

/// A cycle of the graph, if there is one: `[a, b, a]`.
fn find_cycle(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        node: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(start) = path.iter().position(|seen| seen == node) {
            let mut cycle = path[start..].to_vec();
            cycle.push(node.to_owned());
            return Some(cycle);
        }
        if done.contains(node) {
            return None;
        }
        path.push(node.to_owned());
        for next in graph.get(node).into_iter().flatten() {
            if let Some(cycle) = visit(next, graph, path, done) {
                return Some(cycle);
            }
        }
        path.pop();
        done.insert(node.to_owned());
        None
    }
    let mut done = BTreeSet::new();
    graph
        .keys()
        .find_map(|node| visit(node, graph, &mut Vec::new(), &mut done))
}

#[test]
fn no_crate_has_a_module_cycle() {
    let cycles: Vec<String> = checked()
        .into_iter()
        .filter_map(|(name, roots, prefix)| {
            find_cycle(&module_graph(&roots, prefix))
                .map(|cycle| format!("{name}: {}", cycle.join(" → ")))
        })
        .collect();
    assert!(cycles.is_empty(), "Modulzyklen: {cycles:#?}");
}

#[test]
fn the_cycle_check_finds_a_cycle_and_accepts_a_tree() {
    let modules: BTreeSet<String> = ["cli", "http", "ui"].map(str::to_owned).into();
    assert_eq!(
        named_modules(
            "use crate::{http::{AppState, Route}, ui};\n// crate::cli\nx(crate::cli::Y)",
            "crate::",
            &modules
        ),
        modules
    );
    let graph = |edges: &[(&str, &str)]| {
        let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for (from, to) in edges {
            graph
                .entry((*from).to_owned())
                .or_default()
                .insert((*to).to_owned());
        }
        graph
    };
    let cyclic = graph(&[("cli", "http"), ("http", "ui"), ("ui", "cli")]);
    assert_eq!(
        find_cycle(&cyclic),
        Some(["cli", "http", "ui", "cli"].map(str::to_owned).to_vec())
    );
    assert_eq!(
        find_cycle(&graph(&[("cli", "http"), ("cli", "ui"), ("http", "ui")])),
        None
    );
}

#[test]
fn the_adapters_stay_within_their_line_budget() {
    let mut files = Vec::new();
    rust_files(&workspace().join("server").join("src"), &mut files);
    let lines: usize = files
        .iter()
        .map(|file| {
            std::fs::read_to_string(file)
                .unwrap_or_default()
                .lines()
                .count()
        })
        .sum();
    assert!(files.len() > 10, "server/src not found");
    assert!(
        lines <= SERVER_LINE_BUDGET,
        "server/src hat {lines} Zeilen, erlaubt sind {SERVER_LINE_BUDGET}: \
         Dienste gehören nach wifo-app"
    );
}
