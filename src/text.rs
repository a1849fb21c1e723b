//! Strings joined from parts, split at a separator, and words picked from a list. The standard
//! library's `concat` and `join` on slices of strings are one generic routine with copies
//! unrolled for short separators; the widget module carried two of them, 1 KB, for what these
//! loops do (0.3 KB of the Ukrainian module, gzipped). Its `split` and `split_once` at a `char`
//! search for the char's UTF-8 bytes with code of their own; every separator here is one ASCII
//! byte, which a plain byte search finds.

/// `parts` one after another: `cat(&["a", "b"])` is `"ab"`.
pub fn cat(parts: &[&str]) -> String {
    join(parts, "")
}

/// `parts` with `separator` between each two: `join(&["a", "b"], ", ")` is `"a, b"`.
pub fn join<S: AsRef<str>>(parts: &[S], separator: &str) -> String {
    let mut out = String::new();
    for (i, part) in parts.iter().enumerate() {
        if i > 0 {
            out += separator;
        }
        out += part.as_ref();
    }
    out
}

/// `text` before and after the first `separator`, an ASCII character: as `str::split_once`.
pub fn split_once(text: &str, separator: u8) -> Option<(&str, &str)> {
    // A byte of a multi-byte character would cut the text inside that character.
    debug_assert!(separator.is_ascii());
    let at = text.bytes().position(|b| b == separator)?;
    Some((&text[..at], &text[at + 1..]))
}

/// The pieces of `text` between its `separator`s, an ASCII character: as `str::split`.
pub fn split(text: &str, separator: u8) -> impl Iterator<Item = &str> {
    let mut rest = Some(text);
    std::iter::from_fn(move || {
        let piece = rest?;
        let (before, after) = split_once(piece, separator).map_or((piece, None), |(b, a)| (b, Some(a)));
        rest = after;
        Some(before)
    })
}

/// The `n`th word (from 0) of a list of words separated by spaces, or "" past its end. Lists
/// of words (month names, units) are kept as one string each: a table of string slices costs
/// the wasm module more.
pub fn word(list: &str, n: usize) -> &str {
    let mut rest = list;
    for _ in 0..n {
        rest = split_once(rest, b' ').map_or("", |(_, after)| after);
    }
    split_once(rest, b' ').map_or(rest, |(first, _)| first)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_are_joined_as_the_standard_library_joins_them() {
        let words = ["Estonia", "", "Luxembourg", "Ukraine"];
        for n in 0..=words.len() {
            assert_eq!(cat(&words[..n]), words[..n].concat());
            assert_eq!(join(&words[..n], ", "), words[..n].join(", "));
            let owned: Vec<String> = words[..n].iter().map(|w| w.to_string()).collect();
            assert_eq!(join(&owned, " | "), owned.join(" | "));
        }
    }

    #[test]
    fn text_is_split_as_the_standard_library_splits_it() {
        let texts = ["", "-", "2024", "2024-02-15", "-2024--02-", "{name} – «Київ» {", "a=b=c&&select=NL"];
        for text in texts {
            for separator in [b'-', b'{', b'}', b'=', b'&', b' '] {
                let at = char::from(separator);
                assert_eq!(
                    split(text, separator).collect::<Vec<_>>(),
                    text.split(at).collect::<Vec<_>>(),
                    "{text:?} at {at:?}"
                );
                assert_eq!(split_once(text, separator), text.split_once(at), "{text:?} at {at:?}");
            }
        }
    }

    #[test]
    fn words_are_found_by_their_place() {
        let list = "k m bn tn";
        let found: Vec<&str> = (0..5).map(|n| word(list, n)).collect();
        assert_eq!(found, ["k", "m", "bn", "tn", ""]);
    }
}
