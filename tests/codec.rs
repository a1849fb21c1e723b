//! The packed form the wasm embeds: every dataset survives the round trip exactly, and damaged
//! bytes are refused with a message, never a panic.

#![cfg(not(target_arch = "wasm32"))] // native: reads the dataset files

use coalition_tracker::codec::{pack, restore_texts, split_texts, unpack, CodecError};
use coalition_tracker::load::{load, Format};

fn datasets() -> Vec<coalition_tracker::model::Dataset> {
    ["data/it-coalition.toml", "data/drones-ew.toml"]
        .into_iter()
        .map(|file| {
            let bytes = std::fs::read(file).expect("the dataset file is readable");
            load(file, &bytes, Format::Toml).expect("the dataset is valid").dataset
        })
        .collect()
}

#[test]
fn every_dataset_survives_the_round_trip_exactly() {
    for ds in datasets() {
        let bytes = pack(&ds);
        let back = unpack(&bytes).expect("its own packing unpacks");
        assert_eq!(format!("{back:#?}"), format!("{ds:#?}"), "{}", ds.file);
        assert_eq!(pack(&back), bytes, "packing is deterministic");
        println!("{}: {} bytes packed", ds.file, bytes.len());
    }
}

#[test]
fn the_packed_form_is_smaller_than_the_json_it_replaces() {
    let ds = &datasets()[0];
    let packed = pack(ds).len();
    assert!(packed < 9_000, "{packed} bytes");
}

#[test]
fn damaged_bytes_give_an_error_and_never_a_panic() {
    let bytes = pack(&datasets()[0]);
    for cut in 0..bytes.len() {
        match unpack(&bytes[..cut]).expect_err("a truncated dataset is refused") {
            CodecError::NoHeader => assert!(cut < 4, "cut at {cut}"),
            // Found where the bytes end, or before, where a length runs past them.
            CodecError::Damaged(at) => assert!((4..=cut).contains(&at), "cut at {cut}, damage at {at}"),
            other => panic!("cut at {cut}: {other:?}"),
        }
    }
    assert_eq!(unpack(b"not a dataset").map(|_| ()), Err(CodecError::NoHeader));
    let mut longer = bytes.clone();
    longer.push(0);
    assert_eq!(unpack(&longer).map(|_| ()), Err(CodecError::Damaged(bytes.len())));
    assert_eq!(CodecError::Damaged(1234).to_string(), "the packed dataset cannot be read: it is damaged at byte 1234");
    // Every single-byte corruption either still reads or is refused: none panics.
    let mut refused = 0;
    for i in (4..bytes.len()).step_by(7) {
        for flip in [0x01, 0x80, 0xff] {
            let mut bad = bytes.clone();
            bad[i] ^= flip;
            refused += usize::from(unpack(&bad).is_err());
        }
    }
    assert!(refused > 0);
}

#[test]
fn damage_is_reported_by_its_first_fault_not_by_what_follows() {
    let ds = &datasets()[0];
    let mut bytes = pack(ds);
    // The coalition's name, early in the bytes: broken UTF-8 there leaves the rest unread, and
    // the error says where it was found (at the end of that text), not where the placeholders
    // read after it end.
    let name = ds.coalition.name.as_bytes();
    let at = bytes.windows(name.len()).position(|w| w == name).expect("the name is packed as it is");
    bytes[at] = 0xff;
    assert_eq!(unpack(&bytes).map(|_| ()), Err(CodecError::Damaged(at + name.len())));
    // A length past the end, in place of the first source's id: refused before anything is
    // allocated for it, right after the length.
    let mut bytes = pack(ds);
    let id = ds.sources[0].id.as_bytes();
    let at = bytes.windows(id.len()).position(|w| w == id).expect("the id is packed as it is") - 1;
    bytes[at] = 0x7f;
    bytes.truncate(at + 10);
    assert_eq!(unpack(&bytes).map(|_| ()), Err(CodecError::Damaged(at + 1)));
}

/// The texts that only the details panel and the table view show, in the dataset's own words.
fn deferred_texts_of(ds: &coalition_tracker::model::Dataset) -> Vec<String> {
    let mut texts: Vec<Option<String>> = vec![ds.coalition.description.clone()];
    texts.extend(ds.sources.iter().map(|s| s.note.clone()));
    texts.extend(ds.roles.iter().map(|r| r.note.clone()));
    texts.extend(ds.events.iter().map(|e| e.note.clone()));
    for x in &ds.contributions {
        texts.extend([x.description.clone(), x.purpose.clone(), x.note.clone()]);
    }
    texts.extend(ds.reported_totals.iter().map(|t| t.scope.clone()));
    for c in &ds.conflicts {
        texts.push(Some(c.topic.clone()));
        texts.extend(c.claims.iter().map(|claim| Some(claim.says.clone())));
        texts.push(c.resolution.clone());
    }
    texts.into_iter().flatten().filter(|t| !t.is_empty()).collect()
}

/// `ds` as a widget module in `lang` holds it once its texts are back: without the seed files'
/// names, the ids of conflicts, reported totals and contributions other than pooled pledges,
/// the names in other languages, and the dataset's own name of a party or coalition named in
/// `lang`.
fn as_read_in(ds: &coalition_tracker::model::Dataset, lang: &str) -> coalition_tracker::model::Dataset {
    let mut read = ds.clone();
    read.sources.iter_mut().for_each(|s| s.file = None);
    read.conflicts.iter_mut().for_each(|c| c.id = String::new());
    read.reported_totals.iter_mut().for_each(|t| t.id = String::new());
    read.contributions.iter_mut().filter(|c| !c.pooled).for_each(|c| c.id = String::new());
    read.coalition.names.retain(|(code, _)| code == lang);
    if !read.coalition.names.is_empty() {
        read.coalition.name = String::new();
    }
    for p in &mut read.parties {
        p.names.retain(|(code, _)| code == lang);
        if !p.names.is_empty() {
            p.name = String::new();
        }
    }
    read
}

#[test]
fn split_texts_leaves_out_the_deferred_texts_and_what_the_module_never_reads_and_restore_texts_puts_the_texts_back_exactly(
) {
    let found = |bytes: &[u8], text: &str| bytes.windows(text.len()).any(|w| w == text.as_bytes());
    for ds in datasets() {
        let deferred = deferred_texts_of(&ds);
        assert!(!deferred.is_empty(), "{}: no texts to defer", ds.file);
        for lang in ["en", "uk"] {
            let (lean, texts) = split_texts(&ds, lang);
            let mut back = unpack(&lean).expect("the lean part unpacks");
            assert_eq!(deferred_texts_of(&back), Vec::<String>::new(), "{}: no deferred text is left", ds.file);
            for text in &deferred {
                assert!(
                    !found(&lean, text) && found(&texts, text),
                    "{}: {text:?} travels with the texts only",
                    ds.file
                );
            }
            // What the module never reads is in neither part; what it does read stays: the
            // sources' ids, the events' and pooled pledges' ids (keys a host selects by), and
            // the names in the module's language.
            let seeds = ds.sources.iter().filter_map(|s| s.file.as_deref());
            let unread_ids = ds.conflicts.iter().map(|c| &c.id).chain(ds.reported_totals.iter().map(|t| &t.id));
            for text in seeds.chain(unread_ids.map(String::as_str)) {
                assert!(!found(&lean, text) && !found(&texts, text), "{}: {text:?} is left out", ds.file);
            }
            for (code, name) in ds.parties.iter().flat_map(|p| &p.names) {
                assert_eq!(found(&lean, name), code == lang, "{} in {lang}: {code} name {name:?}", ds.file);
            }
            let kept = ds.sources.iter().map(|s| &s.id).chain(ds.events.iter().map(|e| &e.id));
            for id in kept.chain(ds.contributions.iter().filter(|c| c.pooled).map(|c| &c.id)) {
                assert!(found(&lean, id), "{}: {id:?} stays", ds.file);
            }
            // Everything else is as it was: the lean part unpacked, with its texts put back, is
            // the dataset as the module reads it, byte for byte.
            restore_texts(&mut back, &lean, &texts).expect("its own texts fit");
            // Every party is called in `lang` what it was called before.
            let shown = |p: &coalition_tracker::model::Party| {
                p.names.iter().find(|(code, _)| code == lang).map_or(p.name.clone(), |(_, name)| name.clone())
            };
            let called: Vec<String> = back.parties.iter().map(shown).collect();
            assert_eq!(called, ds.parties.iter().map(shown).collect::<Vec<_>>(), "{} in {lang}", ds.file);
            assert!(called.iter().all(|name| !name.is_empty()));
            let read = as_read_in(&ds, lang);
            assert_eq!(format!("{back:#?}"), format!("{read:#?}"), "{} in {lang}", ds.file);
            assert_eq!(pack(&back), pack(&read));
            println!(
                "{} in {lang}: {} bytes lean, {} bytes of texts, {} whole",
                ds.file,
                lean.len(),
                texts.len(),
                pack(&ds).len()
            );
        }
    }
}

#[test]
fn the_texts_for_one_language_s_module_do_not_fit_the_other_s() {
    let ds = &datasets()[0];
    assert!(ds.parties.iter().any(|p| !p.names.is_empty()), "{}: names in other languages", ds.file);
    let (en, en_texts) = split_texts(ds, "en");
    let (uk, uk_texts) = split_texts(ds, "uk");
    assert_ne!(en, uk);
    let other_data = Err(CodecError::OtherData);
    assert_eq!(restore_texts(&mut unpack(&en).expect("unpacks"), &en, &uk_texts), other_data);
    assert_eq!(restore_texts(&mut unpack(&uk).expect("unpacks"), &uk, &en_texts), other_data);
}

#[test]
fn texts_made_for_other_data_or_damaged_are_refused_and_change_nothing() {
    let all = datasets();
    let (lean, texts) = split_texts(&all[0], "en");
    let (other_lean, other_texts) = split_texts(&all[1], "en");
    let refuse = |lean: &[u8], texts: &[u8]| {
        let mut ds = unpack(lean).expect("the lean part unpacks");
        let err = restore_texts(&mut ds, lean, texts).expect_err("refused");
        assert_eq!(pack(&ds), lean, "the dataset is left as it was: {err}");
        err
    };
    let other_data = CodecError::OtherData;
    assert_eq!(refuse(&lean, &other_texts), other_data);
    assert_eq!(refuse(&other_lean, &texts), other_data);
    // A lean part changed anywhere is other data.
    let mut changed = lean.clone();
    *changed.last_mut().expect("bytes") ^= 1;
    if unpack(&changed).is_ok() {
        assert_eq!(refuse(&changed, &texts), other_data);
    }
    assert_eq!(refuse(&lean, &[]), CodecError::Damaged(0));
    for cut in 1..texts.len() {
        refuse(&lean, &texts[..cut]);
    }
    let mut longer = texts.clone();
    longer.push(0);
    assert_eq!(refuse(&lean, &longer), CodecError::Damaged(texts.len()));
}

#[test]
fn texts_that_are_not_as_many_as_the_dataset_has_are_refused() {
    let ds = &datasets()[0];
    let (lean, texts) = split_texts(ds, "en");
    // The texts are the lean part's fingerprint, their count and each text: one more (absent)
    // text, with the count raised to match, no longer fits the dataset.
    let (fingerprint, at) = leb(&texts, 0);
    assert_eq!(fingerprint, coalition_tracker::codec::fingerprint(&lean));
    let (count, body) = leb(&texts, at);
    let mut more = uleb(fingerprint);
    more.extend(uleb(count + 1));
    more.extend_from_slice(&texts[body..]);
    more.push(0);
    let mut back = unpack(&lean).expect("the lean part unpacks");
    assert_eq!(restore_texts(&mut back, &lean, &more), Err(CodecError::Miscounted));
}

fn leb(bytes: &[u8], mut at: usize) -> (u64, usize) {
    let (mut value, mut shift) = (0, 0);
    loop {
        let byte = bytes[at];
        at += 1;
        value |= u64::from(byte & 0x7f) << shift;
        shift += 7;
        if byte < 0x80 {
            return (value, at);
        }
    }
}

fn uleb(mut value: u64) -> Vec<u8> {
    let mut out = Vec::new();
    loop {
        let byte = (value & 0x7f) as u8;
        value >>= 7;
        out.push(if value == 0 { byte } else { byte | 0x80 });
        if value == 0 {
            return out;
        }
    }
}
