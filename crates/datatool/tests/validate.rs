//! `validate` finds what is wrong in a damaged copy of the embedded dataset
//! and names the file.

mod common;

use std::fs;
use std::process::Command;

use common::{copy_dataset, detail, detail_rel, edit_detail, embedded, json, TempDir};
use kemitraan_datatool::validate::validate;

fn damaged(name: &str, damage: impl FnOnce(&std::path::Path)) -> Vec<String> {
    let tmp = TempDir::new(name);
    copy_dataset(&embedded(), tmp.path());
    damage(tmp.path());
    validate(tmp.path())
        .problems
        .iter()
        .map(|p| p.to_string())
        .collect()
}

fn edit(path: &std::path::Path, f: impl FnOnce(&mut serde_json::Value)) {
    let mut v = json(path);
    f(&mut v);
    fs::write(path, serde_json::to_string_pretty(&v).unwrap()).unwrap();
}

#[test]
fn a_wrong_total_in_summary_is_found() {
    let p = damaged("v-summary", |d| {
        edit(&d.join("summary.json"), |v| {
            v["totals"]["committed"] = 1.into()
        })
    });
    assert_eq!(p.len(), 1, "{p:#?}");
    assert!(
        p[0].starts_with("summary.json: disagrees with the rows: $.totals.committed"),
        "{p:#?}"
    );
}

#[test]
fn an_unknown_field_is_not_ignored() {
    let p = damaged("v-field", |d| {
        edit_detail(d, "partners", "P0000001", |v| {
            v["partner"]["colour"] = "red".into()
        })
    });
    let bucket = detail_rel(&embedded(), "partners", "P0000001");
    assert!(
        p.iter().any(|m| m.starts_with(&bucket)
            && m.contains(": not in the contract's form: $.items[")
            && m.contains("].partner.colour")),
        "{p:#?}"
    );
}

#[test]
fn broken_rules_are_reported_by_file() {
    let p = damaged("v-rules", |d| {
        edit_detail(d, "agreements", "A00000001", |v| {
            v["agreement"]["period"]["end"] = "2020-01-01".into();
            v["agreement"]["company"]["role"] = "plasma".into();
            v["agreement"]["transactions"][0]["amount"] = (-5).into();
        })
    });
    let label = format!(
        "{} A00000001:",
        detail_rel(&embedded(), "agreements", "A00000001")
    );
    let file: Vec<&String> = p.iter().filter(|m| m.starts_with(&label)).collect();
    assert!(
        file.iter()
            .any(|m| m.contains("starts 2021-01-18 after it ends 2020-01-01")),
        "{p:#?}"
    );
    assert!(
        file.iter().any(|m| m.contains("do not match pattern")),
        "{p:#?}"
    );
    assert!(file.iter().any(|m| m.contains("negative amount")), "{p:#?}");
    // The list item and summary no longer agree with the detail either.
    assert!(
        p.iter()
            .any(|m| m.starts_with("agreements pages item A00000001: disagrees")),
        "{p:#?}"
    );
}

#[test]
fn missing_and_unlisted_files_are_found() {
    let missing = detail_rel(&embedded(), "agreements", "A00000002");
    let p = damaged("v-files", |d| {
        // A00000002 dropped from its bucket, a partner no page lists put in
        // one, a bucket file beyond the count, a stray per-item file.
        let path = d.join(&missing);
        let mut bucket = json(&path);
        bucket["items"]
            .as_array_mut()
            .unwrap()
            .retain(|a| a["agreement"]["id"] != "A00000002");
        fs::write(&path, serde_json::to_string(&bucket).unwrap()).unwrap();
        let mut extra = detail(d, "partners", "P0000001").unwrap();
        extra["partner"]["id"] = "P9999999".into();
        let path = d.join(detail_rel(d, "partners", "P9999999"));
        let mut bucket = json(&path);
        let items = bucket["items"].as_array_mut().unwrap();
        items.push(extra);
        fs::write(&path, serde_json::to_string(&bucket).unwrap()).unwrap();
        fs::write(d.join("partners/by-id/999.json"), "{}").unwrap();
        fs::write(d.join("agreements/A00000001.json"), "{}").unwrap();
        fs::copy(
            d.join("partners/page-1.json"),
            d.join("partners/page-2.json"),
        )
        .unwrap();
    });
    assert!(
        p.iter().any(|m| m.starts_with(&format!(
            "{missing} A00000002: agreement A00000002 is listed but not in its bucket"
        ))),
        "{p:#?}"
    );
    assert!(
        p.iter()
            .any(|m| m.ends_with(" P9999999: partner P9999999 is not listed on any page")),
        "{p:#?}"
    );
    assert!(
        p.iter()
            .any(|m| m.starts_with("partners/by-id/999.json: not one of the")),
        "{p:#?}"
    );
    assert!(
        p.iter()
            .any(|m| m.starts_with("agreements/A00000001.json: not a file of the contract")),
        "{p:#?}"
    );
    assert!(
        p.iter()
            .any(|m| m.starts_with("partners/page-2.json: page beyond")),
        "{p:#?}"
    );
}

#[test]
fn the_binary_exits_1_on_problems_and_0_when_clean() {
    let bin = env!("CARGO_BIN_EXE_kemitraan-data");
    let ok = Command::new(bin)
        .arg("validate")
        .arg(embedded())
        .output()
        .unwrap();
    assert_eq!(ok.status.code(), Some(0));
    let out = String::from_utf8(ok.stdout).unwrap();
    assert!(
        out.starts_with("OK ") && out.contains("252 partners (29 PMA, 27 PMDN, 196 UMKM)"),
        "{out}"
    );

    let tmp = TempDir::new("v-bin");
    copy_dataset(&embedded(), tmp.path());
    fs::write(tmp.path().join("events.json"), "not json").unwrap();
    let bad = Command::new(bin)
        .arg("validate")
        .arg(tmp.path())
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(1));
    assert!(String::from_utf8(bad.stderr)
        .unwrap()
        .contains("events.json: not JSON"));
}

#[test]
fn a_damaged_search_index_is_found_and_build_index_repairs_it() {
    let tmp = TempDir::new("v-search");
    copy_dataset(&embedded(), tmp.path());
    let d = tmp.path();
    let shard = d.join("search/terms/1.txt");
    let text = fs::read_to_string(&shard).unwrap();
    fs::write(&shard, &text[..text.len() / 2]).unwrap();
    fs::remove_file(d.join("search/nib/0.txt")).unwrap();
    fs::write(d.join("search/terms/99.txt"), "x").unwrap();
    let p: Vec<String> = validate(d).problems.iter().map(|p| p.to_string()).collect();
    assert_eq!(p.len(), 3, "{p:#?}");
    assert!(
        p.iter()
            .any(|m| m.starts_with("search/terms/1.txt: differs")),
        "{p:#?}"
    );
    assert!(
        p.iter().any(|m| m.starts_with("search/nib/0.txt: missing")),
        "{p:#?}"
    );
    assert!(
        p.iter()
            .any(|m| m.starts_with("search/terms/99.txt: not a file of the index")),
        "{p:#?}"
    );

    let bin = env!("CARGO_BIN_EXE_kemitraan-data");
    let out = Command::new(bin)
        .args(["build-index", d.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let line = String::from_utf8_lossy(&out.stdout);
    assert!(line.starts_with("search index of 252 partners"), "{line}");
    assert!(validate(d).problems.is_empty());
    assert_eq!(fs::read_to_string(&shard).unwrap(), text);
}

#[test]
fn a_large_dataset_has_facet_lists_and_validate_checks_them() {
    use kemitraan_datatool::generate::{self, GenerateArgs};
    let tmp = TempDir::new("v-lists");
    let d = tmp.path().join("v1");
    // Above the 3 000 partners that browse.txt holds whole.
    let args = GenerateArgs {
        seed: 11,
        scale: 3100,
        out: d.clone(),
        page_size: 500,
        progress: false,
        hostile: false,
    };
    generate::run(&args).unwrap();
    assert!(validate(&d).problems.is_empty());
    let root = fs::read_to_string(d.join("search/root.txt")).unwrap();
    assert!(root.contains("\nlists 78\n"), "{}", &root[..400]);
    // Every partner, in parts of 500 in A–Z order: 7 parts.
    assert!(d.join("search/lists/semua-6.txt").exists());
    assert!(!d.join("search/lists/semua-7.txt").exists());
    assert!(d.join("search/lists/sektor-C-head.txt").exists());
    let part = d.join("search/lists/jenis-umkm-0.txt");
    let text = fs::read_to_string(&part).unwrap();
    fs::write(&part, text.replacen("\t2\t", "\t1\t", 1)).unwrap();
    fs::write(d.join("search/lists/jenis-xyz-0.txt"), "x").unwrap();
    let p: Vec<String> = validate(&d)
        .problems
        .iter()
        .map(|p| p.to_string())
        .collect();
    assert_eq!(p.len(), 2, "{p:#?}");
    assert!(p
        .iter()
        .any(|m| m.starts_with("search/lists/jenis-umkm-0.txt: differs")));
    assert!(p
        .iter()
        .any(|m| m.starts_with("search/lists/jenis-xyz-0.txt: not a file of the index")));
}
