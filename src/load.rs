//! Reading dataset files from disk text (native only: the wasm never parses TOML or JSON text;
//! the browser's own `JSON.parse` does that for it).
//!
//! Parser errors are rewritten into [`Problem`]s that name the record and field, like every
//! other validation message, so an editor sees one style of message.

use crate::raw::RawDataset;
use crate::validate::{validate, Loaded, Problem};

/// The formats a dataset file can be in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// The hand-edited source form.
    Toml,
    /// The form `coalition export --json` writes and browsers load.
    Json,
}

impl Format {
    /// Picks the format from a file name: `.json` is JSON, anything else TOML.
    pub fn of(file: &str) -> Format {
        if file.to_ascii_lowercase().ends_with(".json") {
            Format::Json
        } else {
            Format::Toml
        }
    }
}

fn whole_file(file: &str, message: String) -> Vec<Problem> {
    vec![Problem { file: file.to_string(), record: String::new(), field: String::new(), message }]
}

/// Reads raw records from file bytes. A UTF-8 byte-order mark is accepted and dropped.
pub fn parse(file: &str, bytes: &[u8], format: Format) -> Result<RawDataset, Vec<Problem>> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|e| {
        whole_file(
            file,
            format!("is not UTF-8 text: invalid byte at offset {}; save the file as UTF-8", e.valid_up_to()),
        )
    })?;
    match format {
        Format::Toml => toml::from_str(text).map_err(|e| vec![toml_problem(file, text, &e)]),
        Format::Json => serde_json::from_str(text).map_err(|e| {
            whole_file(file, format!("line {}, column {}: {}", e.line(), e.column(), strip_location(&e.to_string())))
        }),
    }
}

/// Reads and validates a dataset file's bytes.
pub fn load(file: &str, bytes: &[u8], format: Format) -> Result<Loaded, Vec<Problem>> {
    validate(file, &parse(file, bytes, format)?)
}

/// serde_json appends " at line L column C" to its messages; the location is given separately.
fn strip_location(message: &str) -> &str {
    message.find(" at line ").map_or(message, |i| &message[..i])
}

/// Locates a TOML error: the `[[table]] #n` it falls in, the key on its line, and the line.
fn toml_problem(file: &str, text: &str, error: &toml::de::Error) -> Problem {
    let start = error.span().map_or(0, |s| s.start).min(text.len());
    let line_no = text[..start].matches('\n').count() + 1;
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let line = text[line_start..].lines().next().unwrap_or("");
    let field = match line.split_once('=') {
        Some((key, _)) if !line.trim_start().starts_with('[') => key.trim().trim_matches('"').to_string(),
        _ => String::new(),
    };
    let record = enclosing_table(&text[..line_start]);
    let message = format!("line {line_no}: {}", error.message().trim());
    Problem { file: file.to_string(), record, field, message }
}

/// Names the table that the text before an error ends in, e.g. `[[contributions]] #4`.
fn enclosing_table(before: &str) -> String {
    let headers: Vec<&str> = before.lines().map(str::trim).filter(|l| l.starts_with('[')).collect();
    let Some(last) = headers.last() else { return String::new() };
    let header = last.split('#').next().unwrap_or(last).trim();
    if header.starts_with("[[") {
        let n = headers.iter().filter(|h| h.split('#').next().unwrap_or(h).trim() == header).count();
        format!("{header} #{n}")
    } else {
        header.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn toml_errors_name_the_record_and_the_field() {
        let text =
            "[coalition]\nid = \"x\"\n\n[[parties]]\ncode = \"EE\"\n\n[[parties]]\ncode = \"LV\"\nnmae = \"Latvia\"\n";
        let problems = parse("bad.toml", text.as_bytes(), Format::Toml).unwrap_err();
        let p = &problems[0];
        assert_eq!(p.record, "[[parties]] #2");
        assert_eq!(p.field, "nmae");
        assert!(p.message.starts_with("line 9: unknown field `nmae`"), "{}", p.message);
    }

    #[test]
    fn rejects_invalid_utf8_and_accepts_a_byte_order_mark() {
        let problems = parse("x.toml", b"[coalition]\nid = \"\xff\"\n", Format::Toml).unwrap_err();
        assert!(problems[0].message.contains("not UTF-8"), "{}", problems[0].message);
        assert!(parse("x.toml", b"\xEF\xBB\xBF[coalition]\nid = \"x\"\r\n", Format::Toml).is_ok());
    }

    #[test]
    fn json_errors_give_line_and_column() {
        let problems = parse("x.json", b"{\n \"coalition\": 5 }", Format::Json).unwrap_err();
        assert!(problems[0].message.starts_with("line 2, column"), "{}", problems[0].message);
    }
}
