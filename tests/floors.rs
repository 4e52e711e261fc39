//! The source tree keeps its floors: model (the plan and its arithmetic) →
//! io (files and formats) → ui (draws, emits commands) → app (applies
//! commands, saves, loads). A floor may use the ones below it, never one
//! above, so each can be read and tested without what sits on top of it.
//! Test code inside a floor counts too: a model test that loads a file
//! through io ties the ground floor to the one above.

#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};

/// The floors from the ground up.
const FLOORS: [&str; 4] = ["model", "io", "ui", "app"];

/// What a floor must not reach for: the model knows nothing of egui, files
/// or the clock; io draws nothing; ui neither opens dialogs nor touches files.
fn forbidden_paths(floor: &str) -> &'static [&'static str] {
    match floor {
        "model" => &["egui", "eframe", "rfd::", "std::fs", "Local::now"],
        "io" => &["egui", "eframe", "rfd::"],
        "ui" => &["eframe", "rfd::", "std::fs"],
        _ => &[],
    }
}

fn rust_files(folder: &Path, files: &mut Vec<PathBuf>) {
    let entries = std::fs::read_dir(folder).unwrap();
    for entry in entries {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, files);
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            files.push(path);
        }
    }
}

/// The source without `//` comments, so a doc comment naming a floor is no import.
fn code_of(text: &str) -> String {
    text.lines()
        .map(|line| line.find("//").map_or(line, |at| &line[..at]))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The crate's top modules a piece of code names through `crate::`,
/// including each item of `use crate::{a, b::{c, d}}`.
fn crate_modules_named(code: &str) -> Vec<String> {
    let leading_word = |text: &str| -> String {
        text.trim_start()
            .chars()
            .take_while(|ch| ch.is_alphanumeric() || *ch == '_')
            .collect()
    };
    let mut named = Vec::new();
    let mut rest = code;
    while let Some(at) = rest.find("crate::") {
        rest = &rest[at + "crate::".len()..];
        let Some(group) = rest.strip_prefix('{') else {
            named.push(leading_word(rest));
            continue;
        };
        // Split the group into its items at the commas of its own level.
        let mut depth = 1;
        let mut item_start = 0;
        for (index, ch) in group.char_indices() {
            match ch {
                '{' => depth += 1,
                '}' | ',' if depth == 1 => {
                    named.push(leading_word(&group[item_start..index]));
                    item_start = index + 1;
                    if ch == '}' {
                        break;
                    }
                }
                '}' => depth -= 1,
                _ => {}
            }
        }
    }
    named.retain(|word| !word.is_empty());
    named
}

#[test]
fn no_floor_uses_one_above_it() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut breaches = Vec::new();
    for (level, floor) in FLOORS.iter().enumerate() {
        let above = &FLOORS[level + 1..];
        let mut files = Vec::new();
        rust_files(&root.join(floor), &mut files);
        assert!(!files.is_empty(), "no source files under src/{floor}");
        for file in files {
            let code = code_of(&std::fs::read_to_string(&file).unwrap());
            for module in crate_modules_named(&code) {
                if above.contains(&module.as_str()) {
                    breaches.push(format!("{} uses crate::{module}", file.display()));
                }
            }
            for path in forbidden_paths(floor) {
                if code.contains(path) {
                    breaches.push(format!("{} uses {path}", file.display()));
                }
            }
        }
    }
    assert!(
        breaches.is_empty(),
        "floors breached:\n{}",
        breaches.join("\n")
    );
}

#[test]
fn the_reader_of_imports_finds_grouped_and_plain_paths() {
    let code = "use crate::{app::Notice, model::{Plan, Task}};\nlet x = crate::io::load();";
    let named = crate_modules_named(code);
    assert!(named.contains(&"app".to_owned()), "{named:?}");
    assert!(named.contains(&"model".to_owned()), "{named:?}");
    assert!(named.contains(&"io".to_owned()), "{named:?}");
    assert!(!named.contains(&"Plan".to_owned()), "{named:?}");
    assert!(!named.contains(&"Notice".to_owned()), "{named:?}");
    let commented = code_of("// see crate::app for why\nuse crate::model::Plan;");
    assert_eq!(crate_modules_named(&commented), vec!["model".to_owned()]);
}
