//! Property tests of the CSV importer: on any file it reports instead of
//! panicking; every bad row is reported with its line (the physical line the
//! record starts on, also after quoted multi-line names) and the column at
//! fault; and no good row is lost or changed.
//!
//! Each case writes a small dataset, so the default is 32 cases
//! (`PROPTEST_CASES` overrides it; `make fuzz` runs many more).

mod common;

use std::path::Path;

use chrono::NaiveDate;
use common::TempDir;
use kemitraan_core::model::PartnerDetail;
use kemitraan_datatool::import::{self, ImportArgs, PARTNER_COLUMNS};
use proptest::prelude::*;

fn config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(32);
    ProptestConfig {
        cases,
        ..ProptestConfig::default()
    }
}

/// One way to spoil a good UMKM row, and the column the report must name.
const FAULTS: [(&str, &str); 9] = [
    ("nib", "912000000001"),
    ("province", "99"),
    ("modal_usaha", "-5"),
    ("hasil_penjualan_tahunan", "banyak"),
    ("kind", "koperasi"),
    ("city", ""),
    ("name", "   "),
    ("kbli", "abc"),
    ("npwp", "0012345678902000"),
];

#[derive(Clone, Debug)]
struct Spec {
    name: String,
    city: String,
    /// Index into FAULTS, or None for a good row.
    fault: Option<usize>,
}

fn text() -> impl Strategy<Value = String> {
    // Printable text with the characters CSV must quote, and line breaks,
    // which make a record span several physical lines.
    let piece = prop_oneof![
        4 => "\\PC{1,8}",
        1 => prop::sample::select(vec![",", "\"", "\n", "\r\n", "'", "=1+2", "<b>", "\u{202E}"])
            .prop_map(str::to_owned),
    ];
    ("[A-Za-z]", prop::collection::vec(piece, 0..4))
        .prop_map(|(first, rest)| format!("{first}{}", rest.concat()))
}

fn spec() -> impl Strategy<Value = Spec> {
    (text(), text(), prop::option::weighted(0.3, 0..FAULTS.len()))
        .prop_map(|(name, city, fault)| Spec { name, city, fault })
}

fn row(i: usize, s: &Spec) -> Vec<String> {
    let mut fields: Vec<String> = PARTNER_COLUMNS
        .iter()
        .map(|col| match *col {
            "id" => format!("U{i}"),
            "name" => s.name.clone(),
            "kind" => "umkm".into(),
            "nib" => format!("91200{i:08}"),
            "modal_usaha" => "900000000".into(),
            "hasil_penjualan_tahunan" => "1800000000".into(),
            "kbli" => "10792".into(),
            "kbli_version" => "2020".into(),
            "province" => "31".into(),
            "city" => s.city.clone(),
            _ => String::new(),
        })
        .collect();
    if let Some(f) = s.fault {
        let (col, bad) = FAULTS[f];
        let at = PARTNER_COLUMNS.iter().position(|c| *c == col).unwrap();
        fields[at] = bad.to_owned();
    }
    fields
}

/// Writes the CSV; returns each row's first physical line.
fn write_partners(path: &Path, specs: &[Spec]) -> Vec<u64> {
    let mut out = Vec::new();
    let mut lines = Vec::new();
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(PARTNER_COLUMNS).unwrap();
    w.flush().unwrap();
    out.extend(w.into_inner().unwrap());
    for (i, s) in specs.iter().enumerate() {
        lines.push(1 + out.iter().filter(|b| **b == b'\n').count() as u64);
        let mut w = csv::Writer::from_writer(Vec::new());
        w.write_record(row(i, s)).unwrap();
        out.extend(w.into_inner().unwrap());
    }
    std::fs::write(path, out).unwrap();
    lines
}

fn args(dir: &Path) -> ImportArgs {
    ImportArgs {
        partners: dir.join("partners.csv"),
        agreements: dir.join("agreements.csv"),
        transactions: None,
        events: None,
        out: dir.join("out"),
        as_of: NaiveDate::from_ymd_opt(2024, 1, 1),
        name: None,
        version: None,
        synthetic: true,
        page_size: 1000,
    }
}

fn agreements_header(dir: &Path) {
    let header = import::AGREEMENT_COLUMNS.join(",") + "\n";
    std::fs::write(dir.join("agreements.csv"), header).unwrap();
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn bad_rows_are_reported_and_good_rows_kept(specs in prop::collection::vec(spec(), 1..12)) {
        let tmp = TempDir::new("prop-import");
        let lines = write_partners(&tmp.path().join("partners.csv"), &specs);
        agreements_header(tmp.path());
        let report = import::run(&args(tmp.path())).expect("import runs");

        for (i, s) in specs.iter().enumerate() {
            let here: Vec<_> = report.rejected.iter().filter(|e| e.line == lines[i]).collect();
            match s.fault {
                Some(f) => {
                    let col = FAULTS[f].0;
                    prop_assert!(
                        here.iter().any(|e| e.column == col && e.file.ends_with("partners.csv")),
                        "row {i} (line {}) spoiled in {col}: reported {:?}", lines[i], here
                    );
                }
                None => {
                    prop_assert!(here.is_empty(), "good row {i} (line {}) rejected: {:?}", lines[i], here);
                    let detail: PartnerDetail = serde_json::from_value(
                        common::detail(&tmp.path().join("out"), "partners", &format!("U{i}"))
                            .expect("a good row is written"),
                    ).unwrap();
                    // Kept unchanged but for the trimming the format documents.
                    prop_assert_eq!(&detail.partner.name, s.name.trim());
                    prop_assert_eq!(&detail.partner.city, s.city.trim());
                }
            }
        }
        let good = specs.iter().filter(|s| s.fault.is_none()).count() as u64;
        prop_assert_eq!(report.partners, good);
        prop_assert_eq!(report.rejected.len(), specs.len() - good as usize, "{:?}", report.rejected);
    }

    #[test]
    fn any_bytes_are_reported_not_panicked_on(
        body in prop::collection::vec(any::<u8>(), 0..600),
        header in any::<bool>(),
    ) {
        let tmp = TempDir::new("prop-import-bytes");
        let mut file = Vec::new();
        if header {
            file.extend(PARTNER_COLUMNS.join(",").bytes());
            file.push(b'\n');
        }
        file.extend(&body);
        std::fs::write(tmp.path().join("partners.csv"), &file).unwrap();
        agreements_header(tmp.path());
        let nlines = 1 + file.iter().filter(|b| **b == b'\n').count() as u64;
        match import::run(&args(tmp.path())) {
            Ok(report) => {
                for e in &report.rejected {
                    prop_assert!(e.line >= 1 && e.line <= nlines.max(1), "{e} (file has {nlines} lines)");
                    prop_assert!(!e.column.is_empty() && !e.reason.is_empty(), "{e}");
                }
            }
            // Only a file that cannot be read at all may stop the import.
            Err(e) => prop_assert!(matches!(e, import::ImportError::Read { .. }), "{e}"),
        }
    }
}
