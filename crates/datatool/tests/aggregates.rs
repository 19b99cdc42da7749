//! `aggregate DIR` rebuilds the aggregates of an existing dataset, and
//! `validate` notices aggregates that are missing, stale or foreign.

mod common;

use std::fs;

use common::TempDir;
use kemitraan_datatool::aggregates;
use kemitraan_datatool::generate::{self, GenerateArgs};
use kemitraan_datatool::validate::validate;

#[test]
fn aggregate_rebuilds_what_validate_requires() {
    let tmp = TempDir::new("aggregates");
    let out = tmp.path().join("v1");
    generate::run(&GenerateArgs {
        seed: 3,
        scale: 400,
        out: out.clone(),
        page_size: 100,
        progress: false,
        hostile: false,
    })
    .unwrap();
    assert!(validate(&out).problems.is_empty());
    let index = fs::read(out.join("aggregates/index.json")).unwrap();

    // Missing.
    fs::remove_dir_all(out.join("aggregates")).unwrap();
    let report = validate(&out);
    assert!(report
        .problems
        .iter()
        .any(|p| p.file == "aggregates/index.json" && p.message.contains("aggregate")));
    // Rebuilt from the list pages: the same bytes.
    let n = aggregates::run(&out).unwrap();
    assert!(n > 400, "{n} agreements");
    assert_eq!(fs::read(out.join("aggregates/index.json")).unwrap(), index);
    assert!(validate(&out).problems.is_empty());

    // Stale: a shard page that disagrees with the list.
    let shard = out.join("aggregates/shards/tahun/2021/page-1.json");
    let text = fs::read_to_string(&shard).unwrap();
    fs::write(&shard, text.replacen("\"value\":", "\"value\":1", 1)).unwrap();
    let report = validate(&out);
    assert_eq!(report.problems.len(), 1, "{:#?}", report.problems);
    assert_eq!(
        report.problems[0].file,
        "aggregates/shards/tahun/2021/page-1.json"
    );
    // Foreign: a file no aggregate of this dataset has.
    aggregates::run(&out).unwrap();
    fs::write(out.join("aggregates/shards/tahun/1999.json"), "{}\n").unwrap();
    let report = validate(&out);
    assert_eq!(report.problems.len(), 1, "{:#?}", report.problems);
    assert!(report.problems[0].message.contains("not an aggregate"));
}
