//! Property tests of the URL state of /mitra (search query), /perjanjian
//! (agreement filter) and /simulasi (scenarios). A link can hold anything a
//! person or a bot types, so reading must never panic; and what the app
//! writes must read back to the same state, or a shared link would show
//! another page than the one it was copied from.
//!
//! Cases: `PROPTEST_CASES` (default 256); `make fuzz` runs many more.

mod corpus;

use kemitraan_core::agreement_query::{self, AgreementQuery};
use kemitraan_core::model::{Kind, Status};
use kemitraan_core::pattern::Pattern;
use kemitraan_core::province::ProvinceCode;
use kemitraan_core::search::query::{self, Query};
use kemitraan_core::simulate_io::{self, Mode, SimInput, MAX_SCENARIOS};
use kemitraan_core::size_class::SizeClass;
use kemitraan_core::Rupiah;
use proptest::prelude::*;

/// Decodes `%XX` like the browser does before the app sees a parameter
/// (invalid UTF-8 becomes U+FFFD, as in `URLSearchParams`).
fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    let hex = |c: u8| (c as char).to_digit(16);
    while i < b.len() {
        if b[i] == b'%' && i + 2 < b.len() {
            if let (Some(h), Some(l)) = (hex(b[i + 1]), hex(b[i + 2])) {
                out.push((h * 16 + l) as u8);
                i += 3;
                continue;
            }
        }
        out.push(if b[i] == b'+' { b' ' } else { b[i] });
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Splits a query string (with or without `?`) into decoded pairs.
fn parse_query_string(s: &str) -> Vec<(String, String)> {
    let s = s.strip_prefix('?').unwrap_or(s);
    s.split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            (percent_decode(k), percent_decode(v))
        })
        .collect()
}

fn as_refs(pairs: &[(String, String)]) -> Vec<(&str, &str)> {
    pairs
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect()
}

/// Keys the parsers know, mixed with junk, so that random pairs reach the
/// value parsers instead of being dropped as unknown keys.
fn key() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => prop::sample::select(vec![
            "q", "jenis", "kelas", "provinsi", "provinsi_umkm", "sektor", "pola", "urut", "hal",
            "tahun", "min", "maks", "status", "acara", "v", "y", "n", "m", "p", "g", "tv", "ty",
            "o", "c", "v2", "m2", "p3", "g3", "tv4", "y0",
        ]).prop_map(str::to_owned),
        1 => "\\PC{0,6}",
    ]
}

/// Values: known words, numbers, lists, and any text.
fn value() -> impl Strategy<Value = String> {
    let word = prop_oneof![
        prop::sample::select(vec![
            "pma",
            "pmdn",
            "umkm",
            "mikro",
            "kecil",
            "menengah",
            "besar",
            "31",
            "11",
            "99",
            "C",
            "g",
            "z",
            "nilai",
            "nama",
            "relevansi",
            "perjanjian",
            "active",
            "ended",
            "path",
            "rate",
            "target",
            "2021",
            "1945",
            "2200",
            "1M",
            "1,5 miliar",
            "-5",
            "0",
            "12,5",
            "E20210118",
            "subkontrak",
            "inti-plasma",
        ])
        .prop_map(str::to_owned),
        "[0-9]{1,12}",
        "\\PC{0,12}",
    ];
    prop::collection::vec(word, 0..5).prop_map(|v| v.join(","))
}

fn pairs() -> impl Strategy<Value = Vec<(String, String)>> {
    prop::collection::vec((key(), value()), 0..12)
}

fn subset<T: Clone + std::fmt::Debug + 'static>(all: Vec<T>) -> impl Strategy<Value = Vec<T>> {
    let n = all.len();
    prop::sample::subsequence(all, 0..=n.min(4))
}

fn search_query() -> impl Strategy<Value = Query> {
    (
        "\\PC{0,40}",
        subset(Kind::ALL.to_vec()),
        subset(SizeClass::ALL.to_vec()),
        subset(ProvinceCode::all().collect::<Vec<_>>()),
        subset(('A'..='V').collect::<Vec<_>>()),
        subset(Pattern::ALL.to_vec()),
        prop::sample::select(query::Sort::ALL.to_vec()),
        1u32..=query::MAX_PAGE,
    )
        .prop_map(
            |(text, kinds, sizes, provinces, sectors, patterns, sort, page)| {
                let mut q = Query {
                    text,
                    kinds,
                    sizes,
                    provinces,
                    sectors,
                    patterns,
                    sort,
                    page,
                    ..Query::default()
                };
                q.canonicalize();
                q
            },
        )
}

proptest! {
    // ------------------------------------------------------------ /mitra

    #[test]
    fn search_reads_any_pairs(p in pairs()) {
        let q = Query::from_pairs(p.iter().map(|(k, v)| (k.as_str(), v.as_str())));
        prop_assert!((1..=query::MAX_PAGE).contains(&q.page));
        prop_assert!(q.text.chars().count() <= query::MAX_TEXT_CHARS);
        // What it read is a fixed point: writing and reading it changes nothing.
        prop_assert_eq!(Query::from_pairs(q.to_pairs()), q);
    }

    #[test]
    fn search_round_trips_through_pairs(q in search_query()) {
        prop_assert_eq!(Query::from_pairs(q.to_pairs()), q);
    }

    #[test]
    fn search_round_trips_through_the_url(q in search_query()) {
        // The link as the browser holds it: percent-encoded, then decoded.
        let url = q.to_query_string();
        prop_assert!(!url.contains(' ') && !url.contains('#'), "{url}");
        prop_assert_eq!(Query::from_pairs(parse_query_string(&url)), q);
    }

    #[test]
    fn search_reads_any_query_string(s in "\\PC*") {
        let q = Query::from_pairs(parse_query_string(&s));
        prop_assert_eq!(Query::from_pairs(q.to_pairs()), q);
    }

    // -------------------------------------------------------- /perjanjian

    #[test]
    fn agreements_read_any_pairs(p in pairs()) {
        let q = AgreementQuery::from_pairs(as_refs(&p));
        let written = q.to_pairs();
        let back = AgreementQuery::from_pairs(written.iter().map(|(k, v)| (*k, v.as_str())));
        prop_assert_eq!(back, q);
    }

    #[test]
    fn agreements_round_trip_through_the_url(p in pairs()) {
        let q = AgreementQuery::from_pairs(as_refs(&p));
        let url = kemitraan_core::url::encode_query(&q.to_pairs());
        let back = AgreementQuery::from_pairs(as_refs(&parse_query_string(&url)));
        prop_assert_eq!(back, q, "url {}", url);
    }

    #[test]
    fn agreements_keep_long_text_stable(text in "[ a-z\\x{200B}\\x{202E}]{150,300}") {
        // The text is cut to 200 characters: the cut must not leave what a
        // second reading would change (e.g. trailing spaces it trims).
        let q = AgreementQuery::from_pairs([("q", text.as_str())]);
        let written = q.to_pairs();
        let back = AgreementQuery::from_pairs(written.iter().map(|(k, v)| (*k, v.as_str())));
        prop_assert_eq!(back, q);
    }

    #[test]
    fn agreements_round_trip_built_queries(
        text in "\\PC{0,30}",
        years in prop::collection::btree_set(1945i32..=2200, 0..4),
        patterns in subset(Pattern::ALL.to_vec()),
        provinces in subset(ProvinceCode::all().collect::<Vec<_>>()),
        kinds in subset(vec![Kind::Pma, Kind::Pmdn]),
        statuses in subset(Status::ALL.to_vec()),
        min in prop::option::of(0i64..=i64::MAX),
        max in prop::option::of(0i64..=i64::MAX),
        sort in prop::sample::select(agreement_query::Sort::ALL.to_vec()),
    ) {
        let q = AgreementQuery {
            // What a user types in the search box, as the page stores it.
            text: text.trim().to_owned(),
            years: years.into_iter().collect(),
            patterns,
            provinces,
            company_kinds: kinds,
            statuses,
            min_value: min.map(Rupiah),
            max_value: max.map(Rupiah),
            sort,
            ..AgreementQuery::default()
        };
        let written = q.to_pairs();
        let back = AgreementQuery::from_pairs(written.iter().map(|(k, v)| (*k, v.as_str())));
        prop_assert_eq!(back, q);
    }

    // ---------------------------------------------------------- /simulasi

    #[test]
    fn simulator_reads_any_pairs(p in pairs()) {
        let s = simulate_io::from_query(as_refs(&p));
        prop_assert!(!s.is_empty() && s.len() <= MAX_SCENARIOS);
        let back = simulate_io::from_query(as_refs(&parse_query_string(&simulate_io::to_query(&s))));
        prop_assert_eq!(back, s);
    }

    #[test]
    fn simulator_round_trips_built_inputs(inputs in prop::collection::vec(sim_input(), 1..=MAX_SCENARIOS)) {
        let url = simulate_io::to_query(&inputs);
        let back = simulate_io::from_query(as_refs(&parse_query_string(&url)));
        prop_assert_eq!(back, inputs, "url {}", url);
    }
}

fn sim_input() -> impl Strategy<Value = SimInput> {
    use kemitraan_core::simulate::{MAX_RATE_BP, MAX_YEARS, MIN_RATE_BP};
    let amount = || (0i64..=i64::MAX).prop_map(Rupiah);
    (
        amount(),
        simulate_io::YEAR_MIN..=simulate_io::YEAR_MAX,
        1u32..=MAX_YEARS,
        prop::sample::select(Mode::ALL.to_vec()),
        prop::collection::vec(prop::option::of(amount()), 0..MAX_YEARS as usize),
        MIN_RATE_BP..=MAX_RATE_BP,
        amount(),
        simulate_io::YEAR_MIN..=simulate_io::YEAR_MAX,
        prop::option::of(amount()),
        prop::option::of(amount()),
    )
        .prop_map(
            |(
                start,
                first_year,
                years,
                mode,
                mut path,
                rate_bp,
                target,
                target_year,
                other_sales,
                capital,
            )| {
                // A trailing empty entry means "hold", like no entry at all;
                // the writer leaves them out.
                while path.last() == Some(&None) {
                    path.pop();
                }
                SimInput {
                    start,
                    first_year,
                    years,
                    mode,
                    path,
                    rate_bp,
                    target,
                    target_year,
                    other_sales,
                    capital,
                }
            },
        )
}

#[test]
fn corpus_reads_as_every_state() {
    for line in corpus::lines() {
        for p in [corpus::pairs(&line), parse_query_string(&line)] {
            let q = Query::from_pairs(p.iter().map(|(k, v)| (k.as_str(), v.as_str())));
            assert_eq!(Query::from_pairs(q.to_pairs()), q, "{line:?}");
            let a = AgreementQuery::from_pairs(as_refs(&p));
            let w = a.to_pairs();
            assert_eq!(
                AgreementQuery::from_pairs(w.iter().map(|(k, v)| (*k, v.as_str()))),
                a,
                "{line:?}"
            );
            let s = simulate_io::from_query(as_refs(&p));
            let back =
                simulate_io::from_query(as_refs(&parse_query_string(&simulate_io::to_query(&s))));
            assert_eq!(back, s, "{line:?}");
        }
    }
}
