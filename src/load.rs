//! Reading dataset files: TOML and JSON in the CLI, JSON in the loader wasm module (an
//! editor-hosted `data=` file), so both give the same messages. The widget module never parses.
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

/// The largest dataset file the CLI and the widget accept: 5 MB holds tens of thousands of
/// contributions, and a reader's phone should never be asked to download more.
pub const MAX_FILE_BYTES: usize = 5_000_000;

/// Refuses a file over [`MAX_FILE_BYTES`] before anything reads it.
pub fn check_size(file: &str, len: usize) -> Result<(), Vec<Problem>> {
    if len <= MAX_FILE_BYTES {
        return Ok(());
    }
    let message = format!(
        "is {:.1} MB; a dataset file can be at most {} MB (the widget will not make readers download more)",
        len as f64 / 1e6,
        MAX_FILE_BYTES / 1_000_000
    );
    Err(whole_file(file, message))
}

fn whole_file(file: &str, message: String) -> Vec<Problem> {
    vec![Problem { file: file.to_string(), record: String::new(), field: String::new(), message }]
}

/// Reads raw records from file bytes. A UTF-8 byte-order mark is accepted and dropped.
pub fn parse<'t>(file: &str, bytes: &'t [u8], format: Format) -> Result<RawDataset<'t>, Vec<Problem>> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|e| {
        whole_file(
            file,
            format!("is not UTF-8 text: invalid byte at offset {}; save the file as UTF-8", e.valid_up_to()),
        )
    })?;
    if let Some((at, code)) = bidi_control(text) {
        let line_no = text[..at].matches('\n').count() + 1;
        let column = text[..at].rfind('\n').map_or(at, |nl| at - nl - 1) + 1;
        let message = format!(
            "line {line_no}, column {column}: contains U+{code:04X}, an invisible control character that reorders \
             the text around it (it can make a name read as something else); remove it"
        );
        return Err(whole_file(file, message));
    }
    match format {
        #[cfg(not(target_arch = "wasm32"))]
        Format::Toml => toml::from_str(text).map_err(|e| vec![toml_problem(file, text, &e)]),
        #[cfg(target_arch = "wasm32")]
        Format::Toml => Err(whole_file(file, "is TOML: export it as JSON with `coalition export FILE --json`".into())),
        // Tracking the path clones it for every value read: a valid file is read without it,
        // and only a file that fails is read again to name the place.
        Format::Json => serde_json::from_str(text).or_else(|_| {
            let mut reader = serde_json::Deserializer::from_str(text);
            serde_path_to_error::deserialize(&mut reader).map_err(|e| {
                let (record, field) = json_record(&e.path().to_string());
                let inner = e.inner();
                let message = format!(
                    "line {}, column {}: {}",
                    inner.line(),
                    inner.column(),
                    plain(strip_location(&inner.to_string()))
                );
                vec![Problem { file: file.to_string(), record, field, message }]
            })
        }),
    }
}

/// The first bidirectional embedding, override or isolate control in `text`, raw or written as a
/// JSON `\uXXXX` escape: its byte offset and code point. Right-to-left names need none of them.
fn bidi_control(text: &str) -> Option<(usize, u32)> {
    let is_control = |c: u32| (0x202A..=0x202E).contains(&c) || (0x2066..=0x2069).contains(&c);
    // Each of them is three bytes in UTF-8, E2 80 AA–AE or E2 81 A6–A9; comparing bytes is
    // several times faster than decoding every character of a large file.
    let raw = text.as_bytes().windows(3).enumerate().find_map(|(i, w)| {
        let c = (u32::from(w[0] & 0x0F) << 12) | (u32::from(w[1] & 0x3F) << 6) | u32::from(w[2] & 0x3F);
        (w[0] == 0xE2 && w[1] & 0xC0 == 0x80 && is_control(c)).then_some((i, c))
    });
    // A backslash is found with memchr, several times faster than a search for "\u".
    let escaped = text.match_indices('\\').find_map(|(i, _)| {
        let hex = text.get(i + 1..i + 6)?.strip_prefix('u')?;
        u32::from_str_radix(hex, 16).ok().filter(|&c| is_control(c)).map(|c| (i, c))
    });
    match (raw, escaped) {
        (Some(a), Some(b)) => Some(if a.0 < b.0 { a } else { b }),
        (a, b) => a.or(b),
    }
}

/// Reads and validates a dataset file's bytes.
pub fn load(file: &str, bytes: &[u8], format: Format) -> Result<Loaded, Vec<Problem>> {
    validate(file, &parse(file, bytes, format)?)
}

/// Names the record and field of a JSON error path in the TOML file's terms:
/// `contributions[3].amount` is `[[contributions]] #4`, field `amount`; `coalition.name` is
/// `[coalition]`, field `name`. A path outside any record (a syntax error: `.`) names neither.
fn json_record(path: &str) -> (String, String) {
    // serde_path_to_error writes `?` for a place it cannot name, and a bare `[0]` for the root.
    let mut parts = path.split('.').filter(|p| !p.is_empty() && *p != "?");
    let Some(table) = parts.next().filter(|t| !t.starts_with('[')) else { return (String::new(), String::new()) };
    let record = match table.split_once('[') {
        Some((name, index)) => {
            let first = index.split(']').next().unwrap_or_default();
            let n = first.parse::<usize>().map_or(0, |i| i + 1);
            format!("[[{name}]] #{n}")
        }
        None => format!("[{table}]"),
    };
    let field: Vec<&str> = parts.collect();
    (record, field.join("."))
}

/// serde_json appends " at line L column C" to its messages; the location is given separately.
fn strip_location(message: &str) -> &str {
    message.find(" at line ").map_or(message, |i| &message[..i])
}

/// Speaks of the file's records, not this program's types: serde names the Rust struct a value
/// should have filled ("expected struct RawCoalition").
fn plain(message: &str) -> String {
    match message.find("struct Raw") {
        Some(i) => {
            let rest = &message[i + "struct Raw".len()..];
            let end = rest.find(|c: char| !c.is_ascii_alphanumeric()).unwrap_or(rest.len());
            format!("{}a table of {} fields{}", &message[..i], rest[..end].to_lowercase(), &rest[end..])
        }
        None => message.to_string(),
    }
}

#[cfg(not(target_arch = "wasm32"))]
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
    // An error on a table header (an unknown table, say) belongs to that table, not the one before.
    let upto = if line.trim_start().starts_with('[') { line_start + line.len() } else { line_start };
    let record = enclosing_table(&text[..upto]);
    let message = format!("line {line_no}: {}", plain(error.message().trim()));
    Problem { file: file.to_string(), record, field, message }
}

#[cfg(not(target_arch = "wasm32"))]
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
    fn an_unknown_table_is_named_as_itself_and_types_are_named_in_the_files_terms() {
        let text = "[coalition]\nid = \"x\"\n\n[[parties]]\ncode = \"EE\"\n\n[[pledges]]\nid = \"y\"\n";
        let p = &parse("bad.toml", text.as_bytes(), Format::Toml).unwrap_err()[0];
        assert_eq!(p.record, "[[pledges]] #1");
        let p = &parse("x.json", b"[1]", Format::Json).unwrap_err()[0];
        assert_eq!(p.message, "line 1, column 2: invalid type: integer `1`, expected a table of coalition fields");
        let text = br#"{"coalition": {"id": "x"}, "contributions": [{"id": "a"}, {"id": "b", "amount": true}]}"#;
        let p = &parse("x.json", text, Format::Json).unwrap_err()[0];
        assert_eq!((p.record.as_str(), p.field.as_str()), ("[[contributions]] #2", "amount"));
    }

    #[test]
    fn bidirectional_controls_are_refused_raw_or_escaped() {
        let p = &parse("x.toml", "[coalition]\nname = \"ab\u{202E}cd\"\n".as_bytes(), Format::Toml).unwrap_err()[0];
        assert!(p.message.starts_with("line 2, column 11: contains U+202E"), "{}", p.message);
        let p = &parse("x.json", br#"{"coalition": {"name": "x\u2066y"}}"#, Format::Json).unwrap_err()[0];
        assert!(p.message.starts_with("line 1, column 26: contains U+2066"), "{}", p.message);
        assert!(parse("x.json", br#"{"coalition": {"id": "x", "name": "\u0627"}}"#, Format::Json).is_ok());
    }

    #[test]
    fn json_text_is_borrowed_from_the_file_unless_it_has_escapes() {
        use std::borrow::Cow;
        let text = br#"{"coalition": {"id": "x", "name": "The \"IT\" coalition"}, "parties": [{"code": "EE"}]}"#;
        let raw = parse("x.json", text, Format::Json).unwrap();
        let coalition = raw.coalition.unwrap();
        assert!(matches!(coalition.id.unwrap().0, Cow::Borrowed("x")));
        assert!(matches!(coalition.name.unwrap().0, Cow::Owned(name) if name == "The \"IT\" coalition"));
        assert!(matches!(raw.parties[0].code.as_ref().unwrap().0, Cow::Borrowed("EE")));
    }

    #[test]
    fn json_errors_give_line_and_column() {
        let problems = parse("x.json", b"{\n \"coalition\": 5 }", Format::Json).unwrap_err();
        assert!(problems[0].message.starts_with("line 2, column"), "{}", problems[0].message);
    }
}
