//! `export-ocds` writes an OCDS-shaped release package.

mod common;

use std::process::Command;

use common::{embedded, TempDir};
use serde_json::Value;

#[test]
fn the_package_has_the_ocds_shape() {
    let tmp = TempDir::new("ocds");
    let file = tmp.path().join("ocds.json");
    let run = Command::new(env!("CARGO_BIN_EXE_kemitraan-data"))
        .arg("export-ocds")
        .arg(embedded())
        .arg("--out")
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(
        run.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let pkg: Value = serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();
    assert_eq!(pkg["publishedDate"], "2025-12-31T00:00:00+07:00");
    assert!(pkg["uri"]
        .as_str()
        .unwrap()
        .starts_with("urn:kemitraan:ocds:"));
    let releases = pkg["releases"].as_array().unwrap();
    let meta = common::json(&embedded().join("meta.json"));
    assert_eq!(
        releases.len() as u64,
        meta["counts"]["agreements"].as_u64().unwrap()
    );

    let r = &releases[0];
    assert_eq!(r["ocid"], "ocds-kemitraan-A00000001");
    let parties = r["parties"].as_array().unwrap();
    assert_eq!(parties.len(), 2);
    assert_eq!(parties[0]["identifier"]["scheme"], "ID-NIB");
    assert_eq!(parties[0]["identifier"]["id"].as_str().unwrap().len(), 13);
    assert_eq!(parties[0]["details"]["scale"], "large");
    assert!(
        ["micro", "small", "medium"].contains(&parties[1]["details"]["scale"].as_str().unwrap())
    );
    let c = &r["contracts"][0];
    assert_eq!(c["value"]["currency"], "IDR");
    assert_eq!(c["dateSigned"], "2021-01-18T00:00:00+07:00");
    assert!(c["period"]["startDate"].is_string() && c["period"]["endDate"].is_string());
    let tx = &c["implementation"]["transactions"][0];
    assert_eq!(tx["value"]["currency"], "IDR");
    assert!(tx["payer"]["id"].is_string() && tx["payee"]["id"].is_string());
    let ext = &r["kemitraan"];
    assert!(ext["pattern"].is_string());
    assert!(["pma", "pmdn"].contains(&ext["companyKind"].as_str().unwrap()));
    assert_eq!(ext["investment"]["amount"], c["value"]["amount"]);
    assert_eq!(ext["eventId"], "E20210118");

    // Every release's party roles and scales come from the codelists.
    for r in releases {
        for p in r["parties"].as_array().unwrap() {
            for role in p["roles"].as_array().unwrap() {
                assert!(["buyer", "supplier", "payer", "payee"].contains(&role.as_str().unwrap()));
            }
        }
    }
}

#[test]
fn one_agreement_to_stdout() {
    let run = Command::new(env!("CARGO_BIN_EXE_kemitraan-data"))
        .arg("export-ocds")
        .arg(embedded())
        .args(["--agreement", "A00000002"])
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(0));
    let pkg: Value = serde_json::from_slice(&run.stdout).unwrap();
    let releases = pkg["releases"].as_array().unwrap();
    assert_eq!(releases.len(), 1);
    assert_eq!(releases[0]["ocid"], "ocds-kemitraan-A00000002");

    let bad = Command::new(env!("CARGO_BIN_EXE_kemitraan-data"))
        .arg("export-ocds")
        .arg(embedded())
        .args(["--agreement", "../meta"])
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(1));
}
