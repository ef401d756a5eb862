//! Unit tests of `texts`.

use super::*;

/// Every key a template or handler names is in the catalogue.
#[test]
fn every_key_used_has_a_german_text() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut missing = Vec::new();
    let mut files = Vec::new();
    let mut dirs = vec![root.join("templates"), root.join("src/ui")];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                dirs.push(path);
            } else {
                files.push(path);
            }
        }
    }
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap_or_default();
        for marker in ["t.get(\"", "texts::get(\""] {
            for piece in text.split(marker).skip(1) {
                let key = piece.split('"').next().unwrap_or_default();
                if key.contains('.') && lookup(key).is_none() {
                    missing.push(format!("{}: {key}", file.display()));
                }
            }
        }
    }
    assert!(missing.is_empty(), "keys without text: {missing:?}");
}

#[test]
fn keys_are_unique_and_every_line_has_a_key_and_a_text() {
    let lines: Vec<&str> = GERMAN
        .lines()
        .filter(|line| !line.trim().is_empty() && !line.starts_with('#'))
        .collect();
    for line in &lines {
        let (key, text) = line.split_once('\t').unwrap_or_default();
        assert!(
            key.contains('.') && !text.trim().is_empty(),
            "a line without key and text: {line:?}"
        );
    }
    assert_eq!(CATALOGUE.len(), lines.len(), "a key is twice in de.tsv");
}
