//! `docs/schema/` (JSON Schema draft 2020-12) agrees with the embedded
//! dataset and with the core types: every file of `data/api/v1/` validates
//! against the schema of its resource, and the schemas' code lists are the
//! core's.

mod common;

use std::collections::BTreeSet;

use common::{detail, docs, embedded, files, json};
use kemitraan_core::pattern::Pattern;
use kemitraan_core::province::PROVINCES;
use serde_json::Value;

fn schema(name: &str) -> Value {
    json(&docs().join(format!("schema/{name}.schema.json")))
}

fn validator(name: &str) -> jsonschema::Validator {
    let s = schema(name);
    assert_eq!(s["$schema"], "https://json-schema.org/draft/2020-12/schema");
    jsonschema::options()
        .should_validate_formats(true)
        .build(&s)
        .unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn resource(rel: &str) -> &'static str {
    match rel {
        "meta.json" => "meta",
        "summary.json" => "summary",
        "events.json" => "events",
        r if r.starts_with("partners/page-") => "partner-page",
        r if r.starts_with("partners/") => "partner-detail",
        r if r.starts_with("agreements/page-") => "agreement-page",
        "aggregates/index.json" => "agreement-index",
        "aggregates/figures.json" => "agreement-figures",
        r if r.starts_with("aggregates/timeline/") => "agreement-timeline",
        r if r.starts_with("aggregates/cube/") => "agreement-cube",
        r if r.starts_with("aggregates/pages/") => "agreement-page-map",
        r if r.starts_with("aggregates/") => "agreement-page",
        _ => "agreement-detail",
    }
}

#[test]
fn every_embedded_file_matches_its_schema() {
    let names = [
        "meta",
        "summary",
        "events",
        "partner-page",
        "partner-detail",
        "agreement-page",
        "agreement-detail",
        "agreement-index",
        "agreement-figures",
        "agreement-timeline",
        "agreement-cube",
        "agreement-page-map",
    ];
    let validators: Vec<(&str, jsonschema::Validator)> =
        names.iter().map(|n| (*n, validator(n))).collect();
    let mut checked = BTreeSet::new();
    for (rel, bytes) in files(&embedded()) {
        // The search index is text with a byte-level spec (docs/api.md),
        // checked by `validate` and the core's format tests.
        if rel.starts_with("search/") {
            continue;
        }
        let value: Value = serde_json::from_slice(&bytes).unwrap();
        let name = resource(&rel);
        let v = &validators.iter().find(|(n, _)| *n == name).unwrap().1;
        let errors: Vec<String> = v
            .iter_errors(&value)
            .map(|e| format!("{}: {e}", e.instance_path()))
            .take(5)
            .collect();
        assert!(errors.is_empty(), "{rel} against {name}: {errors:#?}");
        checked.insert(name);
    }
    assert_eq!(checked.len(), names.len(), "a resource has no file");
}

#[test]
fn schemas_reject_what_the_contract_rejects() {
    // A bucket holding one detail.
    let one = |kind: &str, id: &str| serde_json::json!({"bucket": 0, "buckets": 1, "items": [detail(&embedded(), kind, id).unwrap()]});
    let v = validator("partner-detail");
    let mut doc = one("partners", "P0000001");
    assert!(v.is_valid(&doc));
    doc["items"][0]["partner"]["nib"] = Value::from("12345");
    assert!(!v.is_valid(&doc), "a short NIB");
    let mut doc = one("partners", "P0000001");
    doc["items"][0]["partner"]["extra"] = Value::from(1);
    assert!(!v.is_valid(&doc), "an unknown field");
    let mut doc = one("partners", "P0000001");
    doc["buckets"] = Value::from(0);
    assert!(!v.is_valid(&doc), "no bucket");
    let v = validator("agreement-detail");
    let mut doc = one("agreements", "A00000001");
    assert!(v.is_valid(&doc));
    doc["items"][0]["agreement"]["value"] = Value::from(-1);
    assert!(!v.is_valid(&doc), "a negative value");
}

fn enum_of(v: &Value) -> BTreeSet<String> {
    v["enum"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn schema_code_lists_are_the_cores() {
    let s = schema("agreement-detail");
    let provinces: BTreeSet<String> = PROVINCES.iter().map(|p| p.code.to_owned()).collect();
    assert_eq!(enum_of(&s["$defs"]["province"]), provinces);
    let patterns: BTreeSet<String> = Pattern::ALL.iter().map(|p| p.key().to_owned()).collect();
    assert_eq!(enum_of(&s["$defs"]["pattern"]), patterns);
    let mut roles = BTreeSet::new();
    for p in Pattern::ALL {
        let (a, b) = p.roles();
        for r in [a, b] {
            roles.insert(
                serde_json::to_value(r)
                    .unwrap()
                    .as_str()
                    .unwrap()
                    .to_owned(),
            );
        }
    }
    assert_eq!(enum_of(&s["$defs"]["role"]), roles);
}

#[test]
fn api_doc_names_every_resource_and_schema() {
    let api = std::fs::read_to_string(docs().join("api.md")).unwrap();
    for needle in [
        "meta.json",
        "summary.json",
        "events.json",
        "partners/page-{n}.json",
        "partners/by-id/{b}.json",
        "agreements/page-{n}.json",
        "agreements/by-id/{b}.json",
        "aggregates/index.json",
        "aggregates/figures.json",
        "aggregates/shards/{key}/{value}/page-{n}.json",
        "aggregates/sorted/{sort}/page-{n}.json",
        "schema/agreement-index.schema.json",
        "schema/agreement-figures.schema.json",
        "schema/agreement-timeline.schema.json",
        "aggregates/timeline/{key}/{value}.json",
        "aggregates/timeline/{key}/{value}/{key2}/{value2}.json",
        "aggregates/cube/all.json",
        "schema/agreement-cube.schema.json",
        "aggregates/pages/{key}/{value}.json",
        "schema/agreement-page-map.schema.json",
        "schema/meta.schema.json",
        "schema/agreement-detail.schema.json",
        "OCDS-shaped",
    ] {
        assert!(
            api.contains(needle),
            "docs/api.md does not mention {needle}"
        );
    }
}
