//! The embedded dataset (`data/api/v1/`) is exactly what `generate` makes
//! with the default seed and scale, it validates, and it reproduces the
//! signing of 18 January 2021.

mod common;

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use common::{embedded, files, TempDir};
use kemitraan_core::model::{AgreementDetail, DetailBucket, Events, PartnerDetail, Status};
use kemitraan_core::pattern::Pattern;
use kemitraan_core::size_class::SizeClass;
use kemitraan_core::Rupiah;
use kemitraan_datatool::generate::{self, GenerateArgs};
use kemitraan_datatool::validate::validate;

fn load() -> (Vec<PartnerDetail>, Vec<AgreementDetail>) {
    let all = files(&embedded());
    let mut partners = Vec::new();
    let mut agreements = Vec::new();
    for (rel, bytes) in &all {
        if rel.starts_with("partners/by-id/") {
            let b: DetailBucket<PartnerDetail> = serde_json::from_slice(bytes).unwrap();
            partners.extend(b.items);
        } else if rel.starts_with("agreements/by-id/") {
            let b: DetailBucket<AgreementDetail> = serde_json::from_slice(bytes).unwrap();
            agreements.extend(b.items);
        }
    }
    (partners, agreements)
}

#[test]
fn regenerating_gives_the_same_bytes_and_validates() {
    let tmp = TempDir::new("regen");
    let out = tmp.path().join("v1");
    let args = GenerateArgs {
        seed: generate::DEFAULT_SEED,
        scale: generate::DEFAULT_SCALE,
        out: out.clone(),
        page_size: generate::DEFAULT_PAGE_SIZE,
        progress: false,
        hostile: false,
    };
    generate::run(&args).unwrap();
    let fresh = files(&out);
    let stored = files(&embedded());
    let fresh_names: Vec<&String> = fresh.keys().collect();
    let stored_names: Vec<&String> = stored.keys().collect();
    assert_eq!(fresh_names, stored_names, "the set of files differs");
    for (rel, bytes) in &fresh {
        assert!(
            stored[rel] == *bytes,
            "{rel} differs: run `kemitraan-data generate --out data/api/v1`"
        );
        assert_eq!(bytes.last(), Some(&b'\n'), "{rel} has no trailing newline");
    }
    let report = validate(&out);
    assert!(report.problems.is_empty(), "{:#?}", report.problems);
    let report = validate(&embedded());
    assert!(report.problems.is_empty(), "{:#?}", report.problems);
    assert_eq!(
        (report.partners, report.pma, report.pmdn, report.umkm),
        (252, 29, 27, 196)
    );
}

#[test]
fn another_seed_gives_another_dataset_of_the_same_shape() {
    let tmp = TempDir::new("seed2");
    let out = tmp.path().join("v1");
    let args = GenerateArgs {
        seed: 7,
        scale: 600,
        out: out.clone(),
        page_size: 100,
        progress: false,
        hostile: false,
    };
    let g = generate::run(&args).unwrap();
    assert_eq!(g.partners, 600);
    let report = validate(&out);
    assert!(report.problems.is_empty(), "{:#?}", report.problems);
    assert_ne!(
        common::detail(&out, "partners", "P0000001"),
        common::detail(&embedded(), "partners", "P0000001")
    );
    assert!(out.join("partners/page-6.json").exists());
    assert!(!out.join("partners/page-7.json").exists());
}

#[test]
fn the_event_follows_the_press_release() {
    let events: Events =
        serde_json::from_value(common::json(&embedded().join("events.json"))).unwrap();
    assert_eq!(events.items.len(), 1);
    let e = &events.items[0];
    assert_eq!(e.id, "E20210118");
    assert_eq!(e.date, NaiveDate::from_ymd_opt(2021, 1, 18).unwrap());
    assert!(e.place.is_virtual);
    assert_eq!(
        (
            e.reported.companies,
            e.reported.pma,
            e.reported.pmdn,
            e.reported.umkm
        ),
        (56, 29, 27, 196)
    );
    assert_eq!(e.reported.investment, Rupiah(1_500_000_000_000));
    assert_eq!(e.source.reference, "seed/000_a2906ef972e07183.txt");

    let (partners, agreements) = load();
    let kinds: BTreeMap<String, kemitraan_core::model::Kind> = partners
        .iter()
        .map(|p| (p.partner.id.clone(), p.partner.kind()))
        .collect();
    let at_event: Vec<_> = agreements
        .iter()
        .map(|d| &d.agreement)
        .filter(|a| a.event_id.as_deref() == Some("E20210118"))
        .collect();
    let total = Rupiah::checked_sum(at_event.iter().map(|a| a.value)).unwrap();
    assert_eq!(total, Rupiah(1_500_000_000_000));
    let companies: BTreeSet<&str> = at_event
        .iter()
        .map(|a| a.company.partner_id.as_str())
        .collect();
    let umkm: BTreeSet<&str> = at_event
        .iter()
        .map(|a| a.umkm.partner_id.as_str())
        .collect();
    assert_eq!((companies.len(), umkm.len()), (56, 196));
    let pma = companies
        .iter()
        .filter(|c| kinds[**c] == kemitraan_core::model::Kind::Pma)
        .count();
    assert_eq!(pma, 29);
    assert!(at_event.iter().all(|a| a.date_signed == e.date));
    // Every PMA has a country of origin.
    for p in &partners {
        if let kemitraan_core::model::KindDetails::Pma { country, .. } = &p.partner.details {
            assert_eq!(country.len(), 2);
        }
    }
}

#[test]
fn the_later_years_are_varied_and_realistic() {
    let (partners, agreements) = load();
    let provinces: BTreeSet<&str> = partners
        .iter()
        .map(|p| p.partner.province.as_str())
        .collect();
    assert_eq!(provinces.len(), 38);
    let sectors: BTreeSet<char> = partners
        .iter()
        .filter_map(|p| p.partner.kbli.category())
        .collect();
    assert!(sectors.len() >= 8, "{sectors:?}");
    let classes: BTreeSet<SizeClass> = partners
        .iter()
        .filter_map(|p| p.partner.size())
        .map(|c| c.class)
        .collect();
    assert!(classes.is_superset(&[SizeClass::Mikro, SizeClass::Kecil, SizeClass::Menengah].into()));
    assert!(!classes.contains(&SizeClass::Besar));

    let list: Vec<_> = agreements.iter().map(|d| &d.agreement).collect();
    let patterns: BTreeSet<Pattern> = list.iter().map(|a| a.pattern).collect();
    assert_eq!(patterns.len(), Pattern::ALL.len());
    assert!(list
        .iter()
        .any(|a| a.pattern == Pattern::Lain && a.pattern_other.is_some()));
    let years: BTreeSet<i32> = list
        .iter()
        .map(|a| chrono::Datelike::year(&a.date_signed))
        .collect();
    assert_eq!(years, (2021..=2025).collect());

    // Renewals grow, and some pairs follow Rp1 M -> Rp5 M -> Rp10 M.
    let by_id: BTreeMap<&str, _> = list.iter().map(|a| (a.id.as_str(), *a)).collect();
    let renewals: Vec<_> = list.iter().filter(|a| a.renews.is_some()).collect();
    assert!(renewals.len() > 50);
    let mut path = 0;
    for a in &renewals {
        let old = by_id[a.renews.as_deref().unwrap()];
        let per_day = |x: &kemitraan_core::model::Agreement| {
            x.value.0 as i128 * 1_000 / ((x.period.end - x.period.start).num_days() as i128 + 1)
        };
        assert!(
            per_day(a) >= per_day(old) * 99 / 100,
            "{} shrinks after {}",
            a.id,
            old.id
        );
        if a.value == Rupiah::miliar(10) && old.value == Rupiah::miliar(5) {
            let first = by_id[old.renews.as_deref().unwrap()];
            if first.value == Rupiah::miliar(1) {
                path += 1;
            }
        }
    }
    assert!(path >= 5, "{path} pairs on the 1 -> 5 -> 10 path");

    // Realised below, at and above the commitment; nothing before the start.
    let as_of = NaiveDate::from_ymd_opt(2025, 12, 31).unwrap();
    let ended: Vec<_> = list.iter().filter(|a| a.period.end <= as_of).collect();
    let realised = |a: &kemitraan_core::model::Agreement| a.realised().unwrap();
    assert!(ended.iter().any(|a| realised(a) < a.value));
    assert!(ended.iter().any(|a| realised(a) == a.value));
    assert!(ended.iter().any(|a| realised(a) > a.value));
    assert!(list
        .iter()
        .filter(|a| a.period.start > as_of)
        .all(|a| a.transactions.is_empty()));

    // Late 2026: some ended, some active, a few upcoming (starting 2027).
    let today = NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
    let count = |s: Status| list.iter().filter(|a| a.status(today) == s).count();
    assert!(count(Status::Ended) > 100);
    assert!(count(Status::Active) > 10);
    assert!((1..=20).contains(&count(Status::Upcoming)));
    assert!(list
        .iter()
        .filter(|a| a.status(today) == Status::Upcoming)
        .all(|a| chrono::Datelike::year(&a.period.start) == 2027));
    for a in &list {
        let years = (a.period.end - a.period.start).num_days() + 1;
        assert!((365..=1096).contains(&years), "{} lasts {years} days", a.id);
    }
}

#[test]
fn names_are_invented_with_legal_forms() {
    let (partners, _) = load();
    for p in &partners {
        let n = &p.partner.name;
        let form_ok = if p.partner.kind().is_company() {
            n.starts_with("PT ")
        } else {
            ["PT ", "CV ", "UD ", "Koperasi "]
                .iter()
                .any(|f| n.starts_with(f))
        };
        assert!(form_ok, "{n}");
        assert_eq!(p.partner.nib.as_str().len(), 13);
    }
    assert!(partners.iter().any(|p| p.partner.name.ends_with(" Tbk")));
}
