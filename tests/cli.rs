//! The `coalition` binary as an editor runs it: exit codes, messages and JSON.
#![cfg(not(target_arch = "wasm32"))] // native: reads files and runs the CLI

use std::process::{Command, Output};

fn coalition(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_coalition")).args(args).output().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn validate_accepts_the_dataset_with_a_one_line_summary() {
    let o = coalition(&["validate", "data/it-coalition.toml"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    assert_eq!(out.lines().count(), 1, "{out}");
    assert!(out.starts_with("ok: data/it-coalition.toml is valid: IT Coalition for Ukraine"), "{out}");
    assert!(out.contains("5 sources, 18 parties, 7 contributions"), "{out}");
}

#[test]
fn validate_lists_every_error_and_exits_1() {
    let dir = std::env::temp_dir().join(format!("coalition-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bad = dir.join("bad.toml");
    let text = std::fs::read_to_string("data/it-coalition.toml")
        .unwrap()
        .replace("currency = \"DKK\"\ndate = \"2024-01-23\"", "currency = \"DKX\"\ndate = \"2024-01-23\"")
        .replace("code = \"ES\"", "code = \"es\"");
    std::fs::write(&bad, text).unwrap();
    let o = coalition(&["validate", bad.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    let errors: Vec<&str> = err.lines().filter(|l| l.starts_with("error: ")).collect();
    assert!(
        errors
            .iter()
            .any(|l| l.contains("[[contributions]] #6 \"dk-91m\", field `currency`: unknown currency \"DKX\"")),
        "{err}"
    );
    assert!(errors.iter().any(|l| l.contains("[[parties]] #16 \"es\", field `code`")), "{err}");
    assert!(
        errors.iter().any(|l| l.contains("[[roles]] #18 \"ES intending\", field `party`: unknown party code \"ES\"")),
        "{err}"
    );
    assert!(errors.iter().all(|l| l.contains("bad.toml")), "{err}");
    assert!(err.ends_with(&format!("{} errors\n", errors.len())), "{err}");
}

#[test]
fn unreadable_input_and_misuse_have_their_own_exit_codes() {
    let o = coalition(&["validate", "no/such/file.toml"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("cannot read no/such/file.toml"));
    assert_eq!(coalition(&[]).status.code(), Some(2));
    assert_eq!(coalition(&["frobnicate", "data/it-coalition.toml"]).status.code(), Some(2));
    assert_eq!(coalition(&["summary", "data/it-coalition.toml", "--as-of", "2024-02-30"]).status.code(), Some(2));
    assert_eq!(coalition(&["summary", "data/it-coalition.toml", "--as-of"]).status.code(), Some(2));
}

#[test]
fn summary_json_holds_the_seed_figures_as_of_1_june_2024() {
    let o = coalition(&["summary", "data/it-coalition.toml", "--as-of", "2024-06-01", "--json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["as_of"], "2024-06-01");
    assert_eq!(v["member_count"], 12);
    let parties = v["parties"].as_array().unwrap();
    let leads: Vec<&str> =
        parties.iter().filter(|p| p["role"] == "lead").map(|p| p["code"].as_str().unwrap()).collect();
    assert_eq!(leads, ["EE", "LU"]);
    let es = parties.iter().find(|p| p["code"] == "ES").unwrap();
    assert_eq!(
        (es["role"].as_str(), es["since"].as_str(), es["name"].as_str()),
        (Some("intending"), Some("2024-05-31"), Some("Spain"))
    );
    assert_eq!(v["reported_total_eur"], 58_000_000);
    assert_eq!(v["reported_is_lower_bound"], false);
    assert_eq!(v["itemised_eur"], 54_697_770.09);
    assert_eq!(v["not_itemised_eur"], 3_302_229.91);
    let dk = v["donors"].as_array().unwrap().iter().find(|d| d["code"] == "DK").unwrap();
    assert_eq!(dk["eur"], 12_197_770.09);
    assert_eq!(v["pooled"][0]["parties"], serde_json::json!(["LU", "IS", "EE", "BE"]));
    assert_eq!(v["pooled"][0]["eur"], 22_000_000);
    assert_eq!(v["conflicts"].as_array().unwrap().len(), 4);
}

#[test]
fn summary_text_names_roles_donors_and_the_remainder() {
    let o = coalition(&["summary", "data/it-coalition.toml", "--as-of", "2024-06-01"]);
    let out = stdout(&o);
    assert!(out.starts_with("IT Coalition for Ukraine as of 2024-06-01: 12 members"), "{out}");
    assert!(out.contains("Intending to join (1):\n  ES    Spain"), "{out}");
    assert!(out.contains("DKK 91,000,000 ≈ €12,197,770.09 at 7.46038 DKK/EUR"), "{out}");
    assert!(out.contains("Reported total: €58 million on 2024-05-31 [s003]\nNot itemised: €3,302,229.91"), "{out}");
}

#[test]
fn export_writes_json_that_validates_to_the_same_summary() {
    let dir = std::env::temp_dir().join(format!("coalition-export-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let json = dir.join("it-coalition.json");
    let o = coalition(&["export", "data/it-coalition.toml", "--json", "--out", json.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let exported: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&json).unwrap()).unwrap();
    assert_eq!(exported["contributions"][5]["amount"], "91000000", "amounts stay decimal text");
    let from_toml = stdout(&coalition(&["summary", "data/it-coalition.toml", "--json"]));
    let from_json = stdout(&coalition(&["summary", json.to_str().unwrap(), "--json"]));
    assert_eq!(from_toml, from_json);
    assert_eq!(coalition(&["export", "data/it-coalition.toml"]).status.code(), Some(2), "--json is required");
}

#[test]
fn render_writes_the_static_version_and_fills_the_marker() {
    let dir = std::env::temp_dir().join(format!("coalition-render-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let page = dir.join("page.html");
    std::fs::write(&page, "<noscript>\n<!--coalition-static-->\n</noscript>\n").unwrap();
    let o = coalition(&[
        "render",
        "data/it-coalition.toml",
        "--out",
        dir.to_str().unwrap(),
        "--inject",
        page.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let html = std::fs::read_to_string(dir.join("static.html")).unwrap();
    for name in ["Estonia", "Luxembourg", "Netherlands", "Japan", "Spain", "European Union"] {
        assert!(html.contains(&format!("<th scope=\"row\">{name}</th>")), "{name}");
    }
    assert!(html.contains("12 members · €58 million reported · as of 26\u{a0}July 2024"));
    // What a standing "by" a date means is said once, under the parties' table.
    assert!(html.contains("<td>Member by 23\u{a0}January 2024</td>"));
    assert_eq!(html.matches("<p class=\"ct-table-note\">A party shown as a member “by” a date").count(), 1);
    assert!(!html.contains("first reported;"));
    assert_eq!(html.matches("<svg ").count(), 3);
    for svg in ["map.svg", "bars.svg", "timeline.svg"] {
        assert!(std::fs::read_to_string(dir.join(svg)).unwrap().starts_with("<svg "), "{svg}");
    }
    let filled = std::fs::read_to_string(&page).unwrap();
    assert!(filled.starts_with("<noscript>\n<div class=\"ct-static\">") && !filled.contains("<!--coalition-static-->"));
    assert_eq!(coalition(&["render", "data/it-coalition.toml"]).status.code(), Some(2), "--out is required");
}

#[test]
fn the_static_version_escapes_every_string_from_data() {
    let dir = std::env::temp_dir().join(format!("coalition-hostile-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("hostile.toml");
    let text = std::fs::read_to_string("data/it-coalition.toml")
        .unwrap()
        .replace("name = \"Netherlands\"", "name = \"<script>alert(1)</script>Netherlands\"")
        .replace("headline = \"Netherlands joins", "headline = \"<img src=x onerror=alert(2)>Netherlands joins");
    std::fs::write(&file, text).unwrap();
    let o = coalition(&["render", file.to_str().unwrap(), "--out", dir.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let html = std::fs::read_to_string(dir.join("static.html")).unwrap();
    assert!(!html.contains("<script>") && !html.contains("<img"), "markup from data must not survive");
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;Netherlands"));
    assert!(html.contains("&lt;img src=x onerror=alert(2)&gt;Netherlands joins"));
}

#[test]
fn pack_writes_the_bytes_the_build_embeds_and_refuses_bad_data() {
    let dir = std::env::temp_dir().join(format!("coalition-pack-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for bundled in coalition_tracker::bundled::BUNDLED {
        let out = dir.join(format!("{}.bin", bundled.id));
        let o = coalition(&["pack", bundled.file, "--out", out.to_str().unwrap()]);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        let written = std::fs::read(&out).unwrap();
        assert_eq!(Some(written.as_slice()), bundled.packed, "{}", bundled.id);
        let ds = coalition_tracker::codec::unpack(&written).unwrap();
        assert_eq!(ds.coalition.id, bundled.id);
    }
    assert_eq!(
        coalition_tracker::bundled::find(coalition_tracker::bundled::DEFAULT).map(|b| b.id),
        Some("it-coalition")
    );
    let bad = dir.join("bad.toml");
    std::fs::write(&bad, "[coalition]\nid = \"x\"\n").unwrap();
    let o = coalition(&["pack", bad.to_str().unwrap(), "--out", dir.join("bad.bin").to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1), "invalid data is not packed");
    assert!(!dir.join("bad.bin").exists());
    assert_eq!(coalition(&["pack", "data/it-coalition.toml"]).status.code(), Some(2), "--out is required");
}

#[test]
fn pack_texts_writes_what_the_split_off_part_brings_for_the_default_dataset() {
    use coalition_tracker::bundled::{find, DEFAULT};
    use coalition_tracker::codec::{pack, restore_texts, split_texts, unpack};
    let dir = std::env::temp_dir().join(format!("coalition-pack-texts-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let default = find(DEFAULT).unwrap();
    // `make build` packs the texts of the file it names as the default: the one build.rs embeds.
    let makefile = std::fs::read_to_string("Makefile").unwrap();
    let named = makefile.lines().find_map(|l| l.strip_prefix("DEFAULT_DATA := ")).expect("DEFAULT_DATA is set");
    assert_eq!(named, default.file);

    let out = dir.join("texts.bin");
    let whole = unpack(default.packed.unwrap()).unwrap();
    for lang in ["en", "uk"] {
        let o = coalition(&["pack", default.file, "--texts", lang, "--out", out.to_str().unwrap()]);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        let texts = std::fs::read(&out).unwrap();
        let (lean, own) = split_texts(&whole, lang);
        assert_eq!(texts, own, "{lang}");
        let mut back = unpack(&lean).unwrap();
        restore_texts(&mut back, &lean, &texts).expect("the texts fit the lean dataset");
        // Nothing the lean part lacks is missing any more but what the module never reads:
        // split again, it gives the same two parts.
        assert_eq!(split_texts(&back, lang), (lean, texts), "{lang}");
        assert_ne!(pack(&back), pack(&whole));
    }
    let o = coalition(&["pack", default.file, "--texts", "fr", "--out", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("--texts fr: the languages are en and uk"), "{}", stderr(&o));
}

#[test]
fn words_writes_the_details_panel_words_the_split_off_part_brings() {
    use coalition_tracker::i18n::{Lang, PanelWords};
    let dir = std::env::temp_dir().join(format!("coalition-words-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for (code, heading) in [("en", "Sources disagree: {topic}"), ("uk", "Джерела розходяться: {topic}")]
    {
        let out = dir.join(format!("{code}.bin"));
        let o = coalition(&["words", code, "--out", out.to_str().unwrap()]);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        let text = std::fs::read_to_string(&out).unwrap();
        let words = PanelWords::read(&text).expect("the file reads back");
        assert_eq!(words, *Lang::parse(code).unwrap().panel());
        assert_eq!(words.h_disagree, heading);
    }
    let o = coalition(&["words", "fr", "--out", dir.join("fr.bin").to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("no language fr: en or uk"), "{}", stderr(&o));
    assert_eq!(coalition(&["words", "en"]).status.code(), Some(2), "--out is required");
}
