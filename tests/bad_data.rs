//! The malformed and hostile dataset files of `tests/data/bad/`: for each, `coalition validate`
//! exits 1 (never 101, a panic) and says what `expected.tsv` gives, every error line naming the
//! file. A 20 MB file and deeply nested ones are made here at run time.

#![cfg(not(target_arch = "wasm32"))] // native: runs the CLI

use std::path::{Path, PathBuf};
use std::process::Command;

const DIR: &str = "tests/data/bad";

/// Runs `coalition validate` on `file`: its exit code and the text after "error: FILE: " of
/// each error line (a line that does not name the file fails the test).
fn validate(file: &Path) -> (i32, Vec<String>) {
    let out = Command::new(env!("CARGO_BIN_EXE_coalition")).arg("validate").arg(file).output().expect("the CLI runs");
    let prefix = format!("error: {}: ", file.display());
    let stderr = String::from_utf8_lossy(&out.stderr);
    let errors = stderr
        .lines()
        .filter(|l| l.starts_with("error:"))
        .map(|l| l.strip_prefix(&prefix).unwrap_or_else(|| panic!("an error line that does not name the file: {l}")))
        .map(str::to_string)
        .collect();
    (out.status.code().unwrap_or(-1), errors)
}

#[test]
fn every_bad_file_is_refused_with_its_message() {
    let manifest = std::fs::read_to_string(Path::new(DIR).join("expected.tsv")).expect("expected.tsv");
    let mut expected: Vec<(String, String)> = manifest
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let (file, message) = l.split_once('\t').expect("FILE<tab>message");
            (file.to_string(), message.to_string())
        })
        .collect();
    let mut files: Vec<PathBuf> = std::fs::read_dir(DIR)
        .expect("the directory")
        .map(|e| e.expect("an entry").path())
        .filter(|p| p.file_name().is_some_and(|n| n != "expected.tsv"))
        .collect();
    files.sort();
    assert!(files.len() >= 40, "at least 40 bad files, found {}", files.len());
    for file in &files {
        let name = file.file_name().and_then(|n| n.to_str()).unwrap_or_default().to_string();
        let wanted: Vec<String> = expected.iter().filter(|(f, _)| *f == name).map(|(_, m)| m.clone()).collect();
        assert!(!wanted.is_empty(), "{name} has no line in expected.tsv");
        let (code, errors) = validate(file);
        assert_eq!(code, 1, "{name}: exit {code}, errors {errors:?}");
        for w in &wanted {
            assert!(
                errors.iter().any(|e| e.starts_with(w.as_str())),
                "{name}: no error starts with {w:?}; got {errors:?}"
            );
        }
        expected.retain(|(f, _)| *f != name);
    }
    assert!(expected.is_empty(), "expected.tsv names files that are not there: {expected:?}");
    println!("{} bad files refused, each with its message", files.len());
}

#[test]
fn huge_and_deeply_nested_files_are_refused_without_a_panic() {
    let dir = std::env::temp_dir().join(format!("ct-bad-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temporary directory");
    let cases = [
        ("huge.toml", "#".repeat(20_000_000), "is 20.0 MB; a dataset file can be at most 5 MB"),
        ("nested.toml", format!("[a]\nb = {}{}\n", "[".repeat(5_000), "]".repeat(5_000)), "[a], field `b`: line 2:"),
        (
            "nested.json",
            format!(
                r#"{{"coalition":{{"id":"x","name":"X","as_of":"2024-02"}},"sources":{}{}}}"#,
                "[".repeat(100_000),
                "]".repeat(100_000)
            ),
            "[[sources]] #1: line 1, column ",
        ),
    ];
    for (name, text, wanted) in cases {
        let file = dir.join(name);
        std::fs::write(&file, text).expect("the file is written");
        let (code, errors) = validate(&file);
        assert_eq!(code, 1, "{name}: {errors:?}");
        assert!(errors.iter().any(|e| e.starts_with(wanted)), "{name}: {errors:?}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}
