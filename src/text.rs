//! Strings joined from parts, and words picked from a list. The standard library's `concat`
//! and `join` on slices of strings are one generic routine with copies unrolled for short
//! separators; the widget module carried two of them, 1 KB, for what these loops do (0.3 KB of
//! the Ukrainian module, gzipped).

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

/// The `n`th word (from 0) of a list of words separated by spaces, or "" past its end. Lists
/// of words (month names, units) are kept as one string each: a table of string slices costs
/// the wasm module more.
pub fn word(list: &str, n: usize) -> &str {
    let mut rest = list;
    for _ in 0..n {
        rest = rest.split_once(' ').map_or("", |(_, after)| after);
    }
    rest.split_once(' ').map_or(rest, |(first, _)| first)
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
    fn words_are_found_by_their_place() {
        let list = "k m bn tn";
        let found: Vec<&str> = (0..5).map(|n| word(list, n)).collect();
        assert_eq!(found, ["k", "m", "bn", "tn", ""]);
    }
}
