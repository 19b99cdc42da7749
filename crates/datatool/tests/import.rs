//! The importer on fixtures with every kind of bad row: each is reported as
//! FILE:LINE:COLUMN: reason, every good row is kept unchanged, and the exit
//! code is 2.

mod common;

use std::process::Command;

use common::{fixtures, TempDir};
use kemitraan_core::model::{AgreementDetail, DatasetMeta, KindDetails, PartnerDetail};
use kemitraan_datatool::import::{self, ImportArgs};
use kemitraan_datatool::validate::validate;

fn args(out: &std::path::Path) -> ImportArgs {
    ImportArgs {
        partners: fixtures().join("partners.csv"),
        agreements: fixtures().join("agreements.csv"),
        transactions: Some(fixtures().join("transactions.csv")),
        events: None,
        out: out.to_owned(),
        as_of: None,
        name: None,
        version: None,
        synthetic: false,
        page_size: 1000,
    }
}

#[test]
fn every_bad_row_is_reported_with_line_and_reason() {
    let tmp = TempDir::new("import");
    let out = tmp.path().join("v1");
    let report = import::run(&args(&out)).unwrap();
    let lines: Vec<String> = report
        .rejected
        .iter()
        .map(|e| {
            // Paths are as given; compare from the file name on.
            let dir = format!("{}/", fixtures().display());
            let s = e.to_string();
            s.strip_prefix(&dir).unwrap_or(&s).to_owned()
        })
        .collect();
    let expected = [
        "partners.csv:6:hasil_penjualan_tahunan: missing column",
        "partners.csv:7:nib: An NIB has exactly 13 digits; found 12.",
        "partners.csv:8:province: unknown province code \"99\"",
        "partners.csv:9:modal_usaha: negative value -5",
        "partners.csv:10:id: duplicate id U1 (first on line 4)",
        "partners.csv:11:name: not valid UTF-8",
        "agreements.csv:5:end: end 2021-05-01 is before start 2022-05-01",
        "agreements.csv:6:company_id: unknown partner P9",
        "agreements.csv:7:umkm_id: partner U4 was rejected (",
        "agreements.csv:8:value: negative value -100",
        "agreements.csv:9:id: duplicate id A1 (first on line 2)",
        "agreements.csv:10:company_id: partner U1 is an UMKM",
        "transactions.csv:5:agreement_id: unknown agreement A99",
        "transactions.csv:6:amount: negative value -1",
        "transactions.csv:7:date: paid 2020-01-01, before the period started 2021-03-01",
        "transactions.csv:8:agreement_id: agreement A4 was rejected (",
    ];
    assert_eq!(lines.len(), expected.len(), "{lines:#?}");
    for (got, want) in lines.iter().zip(expected) {
        assert!(got.starts_with(want), "got {got:?}, want {want:?}");
    }
    assert_eq!(
        (report.partners, report.agreements, report.transactions),
        (5, 4, 3)
    );

    // The good rows, unchanged.
    let p1: PartnerDetail =
        serde_json::from_value(common::detail(&out, "partners", "P1").unwrap()).unwrap();
    assert_eq!(p1.partner.name, "PT Contoh \"Rekaan\", Indonesia");
    match &p1.partner.details {
        KindDetails::Pma { npwp, country } => {
            assert_eq!(npwp.as_str(), "0012345678901000");
            assert_eq!(country, "JP");
        }
        other => panic!("{other:?}"),
    }
    let u1: PartnerDetail =
        serde_json::from_value(common::detail(&out, "partners", "U1").unwrap()).unwrap();
    assert_eq!(u1.partner.name, "UD Sari, Jaya");
    let u8: PartnerDetail =
        serde_json::from_value(common::detail(&out, "partners", "U8").unwrap()).unwrap();
    assert_eq!(u8.partner.name, "UD Baris\nDua");
    let a1: AgreementDetail =
        serde_json::from_value(common::detail(&out, "agreements", "A1").unwrap()).unwrap();
    assert_eq!(a1.agreement.source.title, "Kesepakatan \"uji\", sintetis");
    assert_eq!(a1.agreement.transactions.len(), 2);
    assert_eq!(a1.agreement.value.0, 1_000_000_000);
    assert_eq!(a1.agreement.realised().unwrap().0, 1_050_000_000);
    let a3: AgreementDetail =
        serde_json::from_value(common::detail(&out, "agreements", "A3").unwrap()).unwrap();
    assert_eq!(a3.agreement.renews.as_deref(), Some("A1"));
    assert_eq!(a3.pair_history.len(), 2);
    let a2: AgreementDetail =
        serde_json::from_value(common::detail(&out, "agreements", "A2").unwrap()).unwrap();
    assert_eq!(
        a2.agreement.pattern_other.as_deref(),
        Some("Pendampingan ekspor")
    );
    for (kind, missing) in [
        ("partners", "U4"),
        ("partners", "U7"),
        ("agreements", "A4"),
        ("agreements", "A8"),
    ] {
        assert!(common::detail(&out, kind, missing).is_none(), "{missing}");
    }

    let meta: DatasetMeta = serde_json::from_value(common::json(&out.join("meta.json"))).unwrap();
    assert!(!meta.synthetic);
    assert_eq!(meta.as_of.to_string(), "2022-03-01");
    let report = validate(&out);
    assert!(report.problems.is_empty(), "{:#?}", report.problems);
}

#[test]
fn the_binary_exits_2_and_prints_every_rejection() {
    let tmp = TempDir::new("import-bin");
    let out = tmp.path().join("v1");
    let run = Command::new(env!("CARGO_BIN_EXE_kemitraan-data"))
        .current_dir(fixtures())
        .args([
            "import",
            "--partners",
            "partners.csv",
            "--agreements",
            "agreements.csv",
            "--transactions",
            "transactions.csv",
            "--synthetic",
            "--as-of",
            "2025-12-31",
            "--out",
        ])
        .arg(&out)
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(2));
    let stderr = String::from_utf8(run.stderr).unwrap();
    assert_eq!(stderr.lines().count(), 16, "{stderr}");
    assert!(stderr.starts_with("partners.csv:6:hasil_penjualan_tahunan: missing column\n"));
    let meta: DatasetMeta = serde_json::from_value(common::json(&out.join("meta.json"))).unwrap();
    assert!(meta.synthetic);
    assert_eq!(meta.as_of.to_string(), "2025-12-31");
}

#[test]
fn clean_files_import_with_exit_0() {
    let tmp = TempDir::new("import-clean");
    std::fs::write(
        tmp.path().join("p.csv"),
        "id,name,kind,nib,npwp,country,modal_usaha,hasil_penjualan_tahunan,kbli,kbli_version,province,city\n\
         C1,PT Rekaan,pmdn,9120000000001,0012345678902000,,,,10792,2020,31,Jakarta\n\
         U1,UD Rekaan,umkm,9120000000002,,,1,2,10792,2025,17,Bengkulu\n",
    )
    .unwrap();
    std::fs::write(
        tmp.path().join("a.csv"),
        "id,company_id,umkm_id,pattern,date_signed,start,end,value,source_title,source_reference\n\
         K1,C1,U1,waralaba,2021-01-18,2021-01-18,2022-01-17,5,Uji,KKU/1\n",
    )
    .unwrap();
    let out = tmp.path().join("v1");
    let run = Command::new(env!("CARGO_BIN_EXE_kemitraan-data"))
        .args(["import", "--partners"])
        .arg(tmp.path().join("p.csv"))
        .arg("--agreements")
        .arg(tmp.path().join("a.csv"))
        .arg("--out")
        .arg(&out)
        .output()
        .unwrap();
    assert_eq!(
        run.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    assert!(validate(&out).problems.is_empty());
}

#[test]
fn a_header_without_a_required_column_rejects_the_file() {
    let tmp = TempDir::new("import-header");
    std::fs::write(
        tmp.path().join("p.csv"),
        "id,name,kind\nC1,PT Rekaan,pmdn\n",
    )
    .unwrap();
    std::fs::write(
        tmp.path().join("a.csv"),
        "id,company_id,umkm_id,pattern,date_signed,start,end,value,source_title,source_reference,colour\n",
    )
    .unwrap();
    let mut a = args(&tmp.path().join("v1"));
    a.partners = tmp.path().join("p.csv");
    a.agreements = tmp.path().join("a.csv");
    a.transactions = None;
    a.as_of = Some(chrono::NaiveDate::from_ymd_opt(2025, 12, 31).unwrap());
    let report = import::run(&a).unwrap();
    let text: Vec<String> = report
        .rejected
        .iter()
        .map(|e| format!("{}:{}: {}", e.line, e.column, e.reason))
        .collect();
    assert!(
        text.contains(&"1:nib: missing column".to_owned()),
        "{text:#?}"
    );
    assert!(
        text.iter()
            .any(|t| t.starts_with("1:-: all 1 data row(s) rejected")),
        "{text:#?}"
    );
    assert!(
        text.iter()
            .any(|t| t.starts_with("1:colour: unknown column")),
        "{text:#?}"
    );
    assert_eq!(report.partners, 0);
}

#[test]
fn a_missing_events_file_keeps_the_io_error_as_its_source() {
    use std::error::Error as _;
    let tmp = TempDir::new("import-no-events");
    let mut a = args(&tmp.path().join("v1"));
    let missing = tmp.path().join("events.json");
    a.events = Some(missing.clone());
    let err = import::run(&a).unwrap_err();
    assert!(matches!(err, import::ImportError::Read { .. }), "{err:?}");
    assert!(
        err.to_string().starts_with(&missing.display().to_string()),
        "{err}"
    );
    let io = err
        .source()
        .and_then(|s| s.downcast_ref::<std::io::Error>())
        .expect("the io::Error is the source");
    assert_eq!(io.kind(), std::io::ErrorKind::NotFound);
}

#[test]
fn a_missing_csv_file_keeps_the_csv_error_as_its_source() {
    use std::error::Error as _;
    let tmp = TempDir::new("import-no-csv");
    let mut a = args(&tmp.path().join("v1"));
    a.partners = tmp.path().join("nope.csv");
    let err = import::run(&a).unwrap_err();
    assert!(matches!(err, import::ImportError::Csv { .. }), "{err:?}");
    assert!(err.source().is_some());
}
