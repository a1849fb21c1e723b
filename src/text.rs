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

/// `text` without the `byte`s, an ASCII character, that end it: as `str::trim_end_matches` with
/// a `char`, whose searcher decodes the text backwards (0.2 KB of the widget module).
pub fn trim_end(text: &str, byte: u8) -> &str {
    debug_assert!(byte.is_ascii());
    // After the last other byte: the end of a character, since `byte` is one of its own.
    let end = text.bytes().rposition(|b| b != byte).map_or(0, |at| at + 1);
    text.get(..end).unwrap_or(text)
}

/// `text` without the `byte`s, an ASCII character, that begin it: as `str::trim_start_matches`.
pub fn trim_start(text: &str, byte: u8) -> &str {
    debug_assert!(byte.is_ascii());
    let start = text.bytes().position(|b| b != byte).unwrap_or(text.len());
    text.get(start..).unwrap_or(text)
}

/// `bytes` as text if they are UTF-8, as `String::from_utf8` takes them: each character is
/// decoded and written again. The standard library's validator, which checks runs of ASCII a
/// machine word at a time, was the largest of its functions in the widget module (0.6 KB).
pub fn utf8(bytes: &[u8]) -> Option<String> {
    let mut out = String::with_capacity(bytes.len());
    let mut at = 0;
    while let Some(&lead) = bytes.get(at) {
        // The sequence's length by its lead byte: 0x80..=0xC1 and 0xF5.. begin none, or only
        // an overlong one or one past U+10FFFF.
        let len = match lead {
            0..=0x7F => 1,
            0xC2..=0xDF => 2,
            0xE0..=0xEF => 3,
            0xF0..=0xF4 => 4,
            _ => return None,
        };
        let mut code = u32::from(lead) & [0x7F, 0x1F, 0x0F, 0x07][len - 1];
        for &byte in bytes.get(at + 1..at + len)? {
            if byte & 0xC0 != 0x80 {
                return None;
            }
            code = code << 6 | u32::from(byte & 0x3F);
        }
        // Overlong: a character written in more bytes than it takes. `from_u32` refuses
        // surrogates and what lies past U+10FFFF.
        if code < [0, 0x80, 0x800, 0x1_0000][len - 1] {
            return None;
        }
        out.push(char::from_u32(code)?);
        at += len;
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_first_two_bytes_of_a_sequence_are_taken_as_the_standard_library_takes_them() {
        let agree = |bytes: &[u8]| {
            let ours = utf8(bytes);
            assert_eq!(ours, String::from_utf8(bytes.to_vec()).ok(), "{bytes:x?}");
            ours.is_some()
        };
        // Each pair of bytes, then as the start of a three- and a four-byte sequence (whose
        // second byte decides whether it is overlong, a surrogate or past U+10FFFF) with
        // continuation bytes and others after it.
        let after = [0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xF4, 0xFF];
        let mut valid = [0; 3];
        for a in 0..=255u8 {
            for b in 0..=255u8 {
                valid[0] += usize::from(agree(&[a, b]));
                for c in after {
                    valid[1] += usize::from(agree(&[a, b, c]));
                    for d in after {
                        valid[2] += usize::from(agree(&[a, b, c, d]));
                    }
                }
            }
        }
        // ASCII pairs and two-byte characters; with each, the three- and four-byte characters.
        assert_eq!(valid[0], 128 * 128 + 30 * 64, "{valid:?}");
        assert!(valid[1] > valid[0] && valid[2] > valid[1], "{valid:?}");
    }

    #[test]
    fn a_text_cut_or_with_a_byte_changed_anywhere_is_taken_as_the_standard_library_takes_it() {
        let text = "Київ — €58 million, 🇺🇦 up to \u{10FFFF}";
        let bytes = text.as_bytes();
        assert_eq!(utf8(bytes).as_deref(), Some(text));
        for at in 0..bytes.len() {
            assert_eq!(utf8(&bytes[..at]), String::from_utf8(bytes[..at].to_vec()).ok(), "cut at {at}");
            for byte in [0x00, 0x41, 0x80, 0xBF, 0xC3, 0xE2, 0xED, 0xF0, 0xF4, 0xFF] {
                let mut changed = bytes.to_vec();
                changed[at] = byte;
                assert_eq!(utf8(&changed), String::from_utf8(changed.clone()).ok(), "{byte:#x} at {at}");
            }
        }
    }

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
    fn text_is_trimmed_as_the_standard_library_trims_it() {
        for text in ["", "0", "000", "1.500", "0.05", "  Київ  ", "a b ", "##as-of=2024", "€ ", "…0"] {
            for byte in [b'0', b' ', b'#'] {
                let at = char::from(byte);
                assert_eq!(trim_end(text, byte), text.trim_end_matches(at), "{text:?} less {at:?}");
                assert_eq!(trim_start(text, byte), text.trim_start_matches(at), "{text:?} less {at:?}");
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
