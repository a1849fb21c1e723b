//! The packed form the wasm embeds: every dataset survives the round trip exactly, and damaged
//! bytes are refused with a message, never a panic.

#![cfg(not(target_arch = "wasm32"))] // native: reads the dataset files

use coalition_tracker::codec::{pack, unpack};
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
        let err = unpack(&bytes[..cut]).expect_err("a truncated dataset is refused");
        assert!(err.to_string().starts_with("the packed dataset is damaged: "), "{err}");
    }
    assert!(unpack(b"not a dataset").is_err());
    let mut longer = bytes.clone();
    longer.push(0);
    assert_eq!(
        unpack(&longer).map(|_| ()),
        Err(coalition_tracker::codec::CodecError("it has bytes after the dataset".into()))
    );
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
    // the message names the fault, not the placeholders read after it.
    let name = ds.coalition.name.as_bytes();
    let at = bytes.windows(name.len()).position(|w| w == name).expect("the name is packed as it is");
    bytes[at] = 0xff;
    assert_eq!(unpack(&bytes).map(|_| ()), Err(coalition_tracker::codec::CodecError("a text is not UTF-8".into())));
    // A length past the end, in place of the first source's id: refused before anything is
    // allocated for it, with its own message.
    let mut bytes = pack(ds);
    let id = ds.sources[0].id.as_bytes();
    let at = bytes.windows(id.len()).position(|w| w == id).expect("the id is packed as it is") - 1;
    bytes[at] = 0x7f;
    bytes.truncate(at + 10);
    assert_eq!(
        unpack(&bytes).map(|_| ()),
        Err(coalition_tracker::codec::CodecError("a length runs past the end".into()))
    );
}
