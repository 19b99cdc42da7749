//! Tests of the charts, the featured event and the largest partnership.

use chrono::NaiveDate;

use super::*;
use crate::csv::parse;
use crate::model::{AgreementSummary, Bucket, Event, Events, Kind, Summary};
use crate::model::{PartnerRef, Period, Place, ReportedFigures, SourceRef, Totals};
use crate::pattern::Pattern;
use crate::province::ProvinceCode;
use crate::summary::UNKNOWN_SECTOR;
use crate::{Lang, Rupiah};

fn bucket(key: &str, partners: u64, agreements: u64, committed_miliar: i64) -> Bucket {
    Bucket {
        key: key.into(),
        partners,
        agreements,
        committed: Rupiah::miliar(committed_miliar),
        realised: Rupiah::miliar(committed_miliar / 2),
    }
}

fn summary() -> Summary {
    Summary {
        totals: Totals {
            partners: 10,
            companies: 4,
            pma: 2,
            pmdn: 2,
            umkm: 6,
            agreements: 9,
            committed: Rupiah::miliar(100),
            realised: Rupiah::miliar(50),
        },
        by_kind: vec![],
        by_province: vec![bucket("17", 2, 3, 10), bucket("31", 4, 6, 90)],
        by_sector: vec![
            bucket("A", 3, 2, 5),
            bucket("C", 5, 7, 95),
            bucket(UNKNOWN_SECTOR, 1, 0, 0),
        ],
        by_pattern: vec![
            bucket("subkontrak", 2, 3, 30),
            bucket("inti_plasma", 4, 6, 70),
        ],
        by_year: vec![
            bucket("2021", 3, 4, 40),
            bucket("2022", 2, 2, 50),
            bucket("2024", 1, 3, 10),
        ],
        by_size_class: vec![
            bucket("mikro", 3, 4, 20),
            bucket("kecil", 2, 3, 50),
            bucket("menengah", 1, 2, 30),
        ],
    }
}

#[test]
fn provinces_are_all_38_largest_first() {
    let r = rows(Dimension::Province, &summary(), Lang::Id);
    assert_eq!(r.len(), 38);
    assert_eq!(r[0].key, "31");
    assert_eq!(r[0].label, "DKI Jakarta");
    assert_eq!(r[0].href.as_deref(), Some("/perjanjian?provinsi_umkm=31"));
    assert_eq!(r[1].key, "17");
    // The provinces with nothing follow by code, at zero.
    assert_eq!(r[2].key, "11");
    assert_eq!(r[2].bucket.agreements, 0);
    assert_eq!(r[2].count(Counted::Agreements), 0);
}

#[test]
fn links_filter_the_list_that_counts_the_bar() {
    let s = summary();
    let href = |d, k: &str| {
        rows(d, &s, Lang::En)
            .into_iter()
            .find(|r| r.key == k)
            .and_then(|r| r.href)
    };
    assert_eq!(
        href(Dimension::Sector, "C").as_deref(),
        Some("/mitra?sektor=C")
    );
    assert_eq!(href(Dimension::Sector, UNKNOWN_SECTOR), None);
    assert_eq!(
        href(Dimension::Pattern, "inti_plasma").as_deref(),
        Some("/perjanjian?pola=inti_plasma")
    );
    assert_eq!(
        href(Dimension::Year, "2022").as_deref(),
        Some("/perjanjian?tahun=2022")
    );
    assert_eq!(
        href(Dimension::SizeClass, "kecil").as_deref(),
        Some("/mitra?kelas=kecil")
    );
    assert_eq!(Dimension::Province.href("99"), None);
    assert_eq!(Dimension::Year.href("abc"), None);
    assert_eq!(Dimension::Sector.counted(), Counted::Partners);
    assert_eq!(Dimension::Province.counted(), Counted::Agreements);
}

#[test]
fn labels_in_both_languages_and_unknown_keys_kept() {
    assert_eq!(
        Dimension::Sector.label("C", Lang::Id),
        "C · Industri Pengolahan"
    );
    assert_eq!(Dimension::Sector.label("C", Lang::En), "C · Manufacturing");
    assert!(Dimension::Sector
        .label("-", Lang::En)
        .contains("not mapped"));
    assert_eq!(
        Dimension::Pattern.label("subkontrak", Lang::En),
        "Subcontracting"
    );
    assert_eq!(Dimension::SizeClass.label("mikro", Lang::En), "Micro");
    assert_eq!(Dimension::Province.label("99", Lang::Id), "99");
    assert_eq!(Dimension::Pattern.label("baru", Lang::Id), "baru");
}

#[test]
fn orders() {
    let s = summary();
    let keys = |d| {
        rows(d, &s, Lang::Id)
            .into_iter()
            .map(|r| r.key)
            .collect::<Vec<_>>()
    };
    assert_eq!(keys(Dimension::Sector), ["C", "A", "-"]);
    assert_eq!(keys(Dimension::Pattern), ["inti_plasma", "subkontrak"]);
    assert_eq!(keys(Dimension::Year), ["2021", "2022", "2024"]);
    assert_eq!(keys(Dimension::SizeClass), ["mikro", "kecil", "menengah"]);
    let sizes = rows(Dimension::SizeClass, &s, Lang::Id);
    assert_eq!(sizes[0].magnitude(Measure::Umkm), 3);
    assert_eq!(sizes[1].magnitude(Measure::Committed), Rupiah::miliar(50).0);
}

#[test]
fn growth_is_on_the_calendar_year_before() {
    let r = rows(Dimension::Year, &summary(), Lang::Id);
    let g: Vec<Option<i64>> = r.iter().map(|r| r.growth_bp).collect();
    // 40 -> 50 is +25 %; 2024 follows a gap (no 2023), so no growth.
    assert_eq!(g, [None, Some(2_500), None]);
    let falls = growth_by_year(&[bucket("2021", 0, 0, 3), bucket("2022", 0, 0, 1)]);
    assert_eq!(falls, [None, Some(-6_667)]);
    let from_zero = growth_by_year(&[bucket("2021", 0, 0, 0), bucket("2022", 0, 0, 1)]);
    assert_eq!(from_zero, [None, None]);
    let junk = growth_by_year(&[bucket("x", 0, 0, 1), bucket("2022", 0, 0, 1)]);
    assert_eq!(junk, [None, None]);
}

#[test]
fn top_provinces() {
    let r = rows(Dimension::Province, &summary(), Lang::Id);
    let top = top_by_committed(&r, 3);
    let keys: Vec<&str> = top.iter().map(|r| r.key.as_str()).collect();
    assert_eq!(keys, ["31", "17", "11"]);
}

#[test]
fn csv_has_one_row_per_bar_and_integers() {
    let s = summary();
    let r = rows(Dimension::Year, &s, Lang::Id);
    let doc = chart_csv(Dimension::Year, &r, Lang::Id);
    let parsed = parse(&doc);
    assert_eq!(
        parsed[0],
        [
            "kode",
            "nama",
            "nilai_komitmen_rupiah",
            "nilai_realisasi_rupiah",
            "perjanjian",
            "umkm",
            "pertumbuhan_basis_poin"
        ]
    );
    assert_eq!(parsed.len(), 4);
    assert_eq!(
        parsed[2],
        [
            "2022",
            "2022",
            "50000000000",
            "25000000000",
            "2",
            "2",
            "2500"
        ]
    );
    assert_eq!(parsed[1][6], "");
    let p = rows(Dimension::Province, &s, Lang::En);
    let doc = chart_csv(Dimension::Province, &p, Lang::En);
    let parsed = parse(&doc);
    assert_eq!(parsed.len(), 39);
    assert_eq!(parsed[0][5], "partners");
    assert_eq!(parsed[1][..2], ["31", "DKI Jakarta"]);
    assert_eq!(
        csv_file_name(Dimension::Province),
        "kemitraan-per-provinsi.csv"
    );
}

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn agreement(
    id: &str,
    company: (&str, Kind),
    umkm: &str,
    signed: NaiveDate,
    value_miliar: i64,
    event: Option<&str>,
) -> AgreementSummary {
    AgreementSummary {
        id: id.into(),
        company: PartnerRef {
            id: company.0.into(),
            name: format!("PT {}", company.0),
            kind: company.1,
        },
        umkm: PartnerRef {
            id: umkm.into(),
            name: format!("UD {umkm}"),
            kind: Kind::Umkm,
        },
        company_province: ProvinceCode::parse("31").unwrap(),
        umkm_province: ProvinceCode::parse("17").unwrap(),
        umkm_size: None,
        pattern: Pattern::Subkontrak,
        event_id: event.map(str::to_string),
        date_signed: signed,
        period: Period {
            start: signed,
            end: d(2030, 1, 1),
        },
        value: Rupiah::miliar(value_miliar),
        realised: Rupiah::miliar(value_miliar / 2),
    }
}

fn event() -> Event {
    Event {
        id: "E1".into(),
        name: "Penandatanganan".into(),
        date: d(2021, 1, 18),
        place: Place {
            is_virtual: true,
            location: None,
        },
        reported: ReportedFigures {
            companies: 3,
            pma: 2,
            pmdn: 1,
            umkm: 4,
            investment: Rupiah::miliar(10),
        },
        source: SourceRef {
            title: "t".into(),
            reference: "r".into(),
            url: None,
        },
    }
}

#[test]
fn event_holdings_count_distinct_parties_and_sum_values() {
    let pma = ("C1", Kind::Pma);
    let pmdn = ("C2", Kind::Pmdn);
    let list = vec![
        agreement("A1", pma, "U1", d(2021, 1, 18), 4, Some("E1")),
        agreement("A2", pma, "U2", d(2021, 1, 18), 3, Some("E1")),
        agreement("A3", pmdn, "U2", d(2021, 1, 18), 3, Some("E1")),
        agreement("A4", pmdn, "U3", d(2022, 1, 18), 9, None),
        agreement("A5", ("C3", Kind::Pma), "U4", d(2022, 1, 18), 9, Some("E2")),
    ];
    let h = event_holdings("E1", &list);
    assert_eq!(
        (h.agreements, h.companies, h.pma, h.pmdn, h.umkm),
        (3, 2, 1, 1, 2)
    );
    assert_eq!(h.committed, Rupiah::miliar(10));
    assert!(!h.saturated);
    let cmp = compare_event(&event(), &h);
    assert_eq!(cmp.len(), 6);
    assert_eq!(cmp[0].difference(), Some(-1));
    assert_eq!(cmp[4].reported, None);
    assert_eq!(cmp[4].difference(), None);
    assert_eq!(cmp[5].difference(), Some(0));
    assert!(cmp[5].figure.is_money());
    assert_eq!(event_holdings("none", &list), EventHoldings::default());
    let mut big = list.clone();
    big[0].value = Rupiah(i64::MAX);
    assert!(event_holdings("E1", &big).saturated);
}

#[test]
fn featured_event_is_the_earliest() {
    let mut late = event();
    late.id = "E2".into();
    late.date = d(2022, 5, 1);
    let events = Events {
        items: vec![late, event()],
    };
    assert_eq!(featured_event(&events).map(|e| e.id.as_str()), Some("E1"));
    assert!(featured_event(&Events { items: vec![] }).is_none());
}

#[test]
fn largest_pair_is_the_pair_with_the_most_committed() {
    let c1 = ("C1", Kind::Pma);
    let c2 = ("C2", Kind::Pmdn);
    let list = vec![
        agreement("A3", c1, "U1", d(2023, 1, 2), 10, None),
        agreement("A1", c1, "U1", d(2021, 1, 18), 1, None),
        agreement("A2", c1, "U1", d(2022, 1, 3), 5, None),
        agreement("A4", c2, "U2", d(2021, 1, 18), 15, None),
    ];
    let h = largest_pair(&list);
    let ids: Vec<&str> = h.iter().map(|(a, _)| a.id.as_str()).collect();
    assert_eq!(ids, ["A1", "A2", "A3"]);
    let growth: Vec<Option<i64>> = h.iter().map(|(_, g)| *g).collect();
    assert_eq!(growth, [None, Some(40_000), Some(10_000)]);
    assert_eq!(year_signed(&h[0].0), 2021);
    // A tie of 16 each: more agreements wins.
    let mut tie = list.clone();
    tie[3].value = Rupiah::miliar(16);
    assert_eq!(largest_pair(&tie).len(), 3);
    assert!(largest_pair(&[]).is_empty());
}
