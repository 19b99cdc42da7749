//! `generate --hostile`: the dataset is valid under the contract, and holds
//! every hostile string (the browser test tests/e2e/hostile.test.mjs relies
//! on it).

mod common;

use common::TempDir;
use kemitraan_datatool::generate::{self, hostile, GenerateArgs};
use kemitraan_datatool::validate::validate;

#[test]
fn hostile_dataset_validates_and_holds_every_string() {
    let tmp = TempDir::new("hostile");
    let out = tmp.path().join("v1");
    generate::run(&GenerateArgs {
        seed: generate::DEFAULT_SEED,
        scale: generate::DEFAULT_SCALE,
        out: out.clone(),
        page_size: generate::DEFAULT_PAGE_SIZE,
        progress: false,
        hostile: true,
    })
    .unwrap();
    let report = validate(&out);
    assert!(report.problems.is_empty(), "{:#?}", report.problems);

    let page: serde_json::Value = common::json(&out.join("partners/page-1.json"));
    let names: Vec<String> = page["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap().to_owned())
        .collect();
    for h in hostile::NAMES {
        assert!(
            names.iter().any(|n| n.starts_with(h)),
            "no name starts with {h:?}"
        );
    }
    assert!(
        names
            .iter()
            .any(|n| n.chars().count() >= hostile::LONG - 50),
        "no 10 000-character name"
    );
    let events = std::fs::read_to_string(out.join("events.json")).unwrap();
    assert!(events.contains("</text><script>"), "{events}");
}
