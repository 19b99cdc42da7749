//! The engine's behaviour, as a user of /mitra would describe it.
#![allow(clippy::field_reassign_with_default)]

use super::*;
use crate::ident::{Kbli, KbliVersion, Nib};

struct P<'a> {
    name: &'a str,
    kind: Kind,
    province: &'a str,
    kbli: &'a str,
    size: Option<SizeClass>,
    agreements: u32,
    committed: i64,
    patterns: &'a [Pattern],
}

fn p(name: &str, kind: Kind) -> P<'_> {
    P {
        name,
        kind,
        province: "31",
        kbli: "10792",
        size: (kind == Kind::Umkm).then_some(SizeClass::Mikro),
        agreements: 1,
        committed: 1_000_000,
        patterns: &[Pattern::RantaiPasok],
    }
}

fn build(list: Vec<P<'_>>) -> (Index, Vec<PartnerSummary>) {
    let items: Vec<PartnerSummary> = list
        .into_iter()
        .enumerate()
        .map(|(i, x)| PartnerSummary {
            id: format!("P{:04}", i + 1),
            name: x.name.to_string(),
            kind: x.kind,
            nib: Nib::parse(&format!("91200{:08}", i + 1)).unwrap(),
            province: ProvinceCode::parse(x.province).unwrap(),
            city: "Kota".to_string(),
            kbli: Kbli::parse(x.kbli, KbliVersion::V2020).unwrap(),
            size: x.size.map(|class| Classification {
                class,
                test: SizeTest::Sales,
            }),
            country: (x.kind == Kind::Pma).then(|| "JP".to_string()),
            agreement_count: x.agreements,
            committed: Rupiah(x.committed),
            patterns: x.patterns.to_vec(),
        })
        .collect();
    (Index::build(&items), items)
}

fn sample() -> Index {
    build(vec![
        p("PT Sumber Makmur", Kind::Pmdn),                 // P0001
        p("CV Sumber Makmur Jaya", Kind::Umkm),            // P0002
        p("UD Makmur Sumber Rejeki", Kind::Umkm),          // P0003
        p("PT Sumberdaya Alam Lestari Tbk", Kind::Pmdn),   // P0004
        p("Koperasi Produsen Tahu Sejahtera", Kind::Umkm), // P0005
        p("PT Kavando Foods Indonesia", Kind::Pma),        // P0006
        p("PT Café Nusantara", Kind::Pmdn),                // P0007
        p("PT Pertamina Rekaan (Persero)", Kind::Pmdn),    // P0008
        p("CV Karya Sejahtera Abadi", Kind::Umkm),         // P0009
        p("PT Sejahtera Bersama Indonesia", Kind::Pma),    // P0010
    ])
    .0
}

fn names(idx: &Index, q: &Query) -> Vec<String> {
    idx.search(q)
        .hits
        .iter()
        .map(|&h| idx.doc(h).unwrap().name.to_string())
        .collect()
}

fn text(idx: &Index, t: &str) -> Vec<String> {
    names(idx, &Query::text(t))
}

#[test]
fn word_prefixes_match() {
    let idx = sample();
    let r = text(&idx, "sumb");
    assert!(r.contains(&"PT Sumber Makmur".to_string()), "{r:?}");
    assert!(r.contains(&"PT Sumberdaya Alam Lestari Tbk".to_string()));
    assert_eq!(r.len(), 4);
    assert_eq!(text(&idx, "kava"), ["PT Kavando Foods Indonesia"]);
}

#[test]
fn case_and_accents_do_not_matter() {
    let idx = sample();
    assert_eq!(text(&idx, "CAFE"), ["PT Café Nusantara"]);
    assert_eq!(text(&idx, "café nusantara"), ["PT Café Nusantara"]);
    assert_eq!(text(&idx, "KÁVANDÖ"), ["PT Kavando Foods Indonesia"]);
}

#[test]
fn typos_follow_word_length() {
    let idx = sample();
    // 6 letters: one typo (substitution, swap, missing, extra letter).
    for typo in ["makmir", "mkamur", "makur", "makmurr"] {
        let r = text(&idx, typo);
        assert!(r.contains(&"PT Sumber Makmur".to_string()), "{typo}: {r:?}");
    }
    // 6 letters: two typos are too many.
    assert!(text(&idx, "mkamir").is_empty());
    // 4 letters: no typo.
    assert!(text(&idx, "tahi").is_empty());
    assert_eq!(text(&idx, "tahu"), ["Koperasi Produsen Tahu Sejahtera"]);
    // 9 letters: two typos.
    let r = text(&idx, "sejhatrea");
    assert!(r.contains(&"CV Karya Sejahtera Abadi".to_string()), "{r:?}");
    // 9 letters: three typos are too many.
    assert!(text(&idx, "sjehatxyz").is_empty());
    assert_eq!(typos_allowed(4), 0);
    assert_eq!(typos_allowed(5), 1);
    assert_eq!(typos_allowed(8), 1);
    assert_eq!(typos_allowed(9), 2);
}

#[test]
fn exact_and_whole_word_names_rank_first() {
    let idx = sample();
    let r = text(&idx, "sumber makmur");
    assert_eq!(r[0], "PT Sumber Makmur", "{r:?}");
    assert_eq!(r[1], "CV Sumber Makmur Jaya", "in order, adjacent: {r:?}");
    assert_eq!(r[2], "UD Makmur Sumber Rejeki", "{r:?}");
    // A completion ranks below a whole word.
    let r = text(&idx, "sumber");
    assert_eq!(r.last().unwrap(), "PT Sumberdaya Alam Lestari Tbk", "{r:?}");
    // A typo ranks below the exact word.
    let r = text(&idx, "sejahtera");
    assert_eq!(r.len(), 3);
}

#[test]
fn legal_forms_do_not_drown_the_match() {
    let idx = sample();
    // "PT" is not required, only a tie-breaker: the CV still matches.
    let r = text(&idx, "PT sumber makmur");
    assert_eq!(r[0], "PT Sumber Makmur");
    assert!(r.contains(&"CV Sumber Makmur Jaya".to_string()));
    // The legal form typed wins a tie.
    let r = text(&idx, "cv sejahtera");
    assert_eq!(r[0], "CV Karya Sejahtera Abadi", "{r:?}");
    // "Persero" and "Tbk" are not words of the name: exact match holds.
    assert_eq!(
        text(&idx, "pertamina rekaan")[0],
        "PT Pertamina Rekaan (Persero)"
    );
    // A query of legal forms alone lists those partners.
    let r = text(&idx, "koperasi");
    assert_eq!(r, ["Koperasi Produsen Tahu Sejahtera"]);
    assert_eq!(text(&idx, "tbk"), ["PT Sumberdaya Alam Lestari Tbk"]);
}

#[test]
fn every_word_must_match() {
    let idx = sample();
    assert_eq!(text(&idx, "sumber rejeki"), ["UD Makmur Sumber Rejeki"]);
    assert!(text(&idx, "sumber qwertyuiop").is_empty());
    assert!(text(&idx, "zzzz").is_empty());
}

#[test]
fn a_full_nib_finds_its_partner() {
    let (idx, items) = build(vec![p("PT Satu", Kind::Pmdn), p("PT Dua", Kind::Pmdn)]);
    let nib = items[1].nib.as_str().to_string();
    assert_eq!(text(&idx, &nib), ["PT Dua"]);
    let spaced = format!("{} {}", &nib[..4], &nib[4..]);
    assert_eq!(text(&idx, &spaced), ["PT Dua"]);
    // A partial NIB is just a number nobody's name contains.
    assert!(text(&idx, &nib[..6]).is_empty());
}

#[test]
fn empty_query_lists_everything_under_the_facets() {
    let idx = sample();
    let r = idx.search(&Query::default());
    assert_eq!(r.total, 10);
    let mut q = Query::default();
    q.kinds = vec![Kind::Pma];
    let r = idx.search(&q);
    assert_eq!(r.total, 2);
    assert_eq!(
        names(&idx, &q),
        [
            "PT Kavando Foods Indonesia",
            "PT Sejahtera Bersama Indonesia"
        ]
    );
}

#[test]
fn facet_counts_follow_the_query_and_other_facets() {
    let mut a = p("UD Batik Satu", Kind::Umkm);
    a.province = "33";
    a.kbli = "13134";
    a.size = Some(SizeClass::Kecil);
    a.patterns = &[Pattern::Subkontrak, Pattern::RantaiPasok];
    let mut b = p("PT Batik Dua", Kind::Pma);
    b.province = "33";
    b.kbli = "46411";
    let mut c = p("CV Kopi Tiga", Kind::Umkm);
    c.province = "32";
    let (idx, _) = build(vec![a, b, c]);

    let all = idx.search(&Query::default()).facets;
    assert_eq!(all.kind(Kind::Umkm), 2);
    assert_eq!(all.kind(Kind::Pma), 1);
    let jateng = ProvinceCode::parse("33").unwrap();
    assert_eq!(all.province(jateng), 2);

    let batik = idx.search(&Query::text("batik")).facets;
    assert_eq!(batik.kind(Kind::Umkm), 1, "counts follow the query");
    assert_eq!(batik.sector('C'), 1);
    assert_eq!(batik.sector('G'), 1);
    assert_eq!(batik.size(SizeClass::Kecil), 1);
    assert_eq!(batik.size(SizeClass::Mikro), 0);
    assert_eq!(batik.pattern(Pattern::Subkontrak), 1);
    assert_eq!(batik.pattern(Pattern::RantaiPasok), 2);
    assert_eq!(batik.sectors_present(), vec![('C', 1), ('G', 1)]);

    // A facet's own counts ignore its selection; the others apply it.
    let mut q = Query::text("batik");
    q.kinds = vec![Kind::Pma];
    let r = idx.search(&q);
    assert_eq!(r.total, 1);
    assert_eq!(r.facets.kind(Kind::Umkm), 1, "other kinds stay countable");
    assert_eq!(r.facets.sector('C'), 0, "sectors count the PMA only");
    assert_eq!(r.facets.sector('G'), 1);
    assert_eq!(r.facets.size(SizeClass::Kecil), 0);

    // A size filter leaves out companies, which have no class.
    let mut q = Query::default();
    q.sizes = vec![SizeClass::Mikro, SizeClass::Kecil];
    assert_eq!(idx.search(&q).total, 2);
}

#[test]
fn sorts() {
    let mut a = p("PT Alpha", Kind::Pmdn);
    a.agreements = 1;
    a.committed = 900;
    let mut b = p("PT Beta", Kind::Pmdn);
    b.agreements = 7;
    b.committed = 100;
    let mut c = p("CV Gamma", Kind::Umkm);
    c.agreements = 3;
    c.committed = 500;
    let (idx, _) = build(vec![c, b, a]);
    let mut q = Query::default();
    q.sort = Sort::Name;
    assert_eq!(names(&idx, &q), ["PT Alpha", "PT Beta", "CV Gamma"]);
    q.sort = Sort::Agreements;
    assert_eq!(names(&idx, &q), ["PT Beta", "CV Gamma", "PT Alpha"]);
    q.sort = Sort::Value;
    assert_eq!(names(&idx, &q), ["PT Alpha", "CV Gamma", "PT Beta"]);
}

#[test]
fn pages_are_cut_and_clamped() {
    let list: Vec<String> = (0..23).map(|i| format!("CV Mitra {i:02}")).collect();
    let (idx, _) = build(list.iter().map(|n| p(n, Kind::Umkm)).collect());
    let mut q = Query::text("mitra");
    q.per_page = 10;
    q.sort = Sort::Name;
    let r = idx.search(&q);
    assert_eq!((r.total, r.pages, r.page, r.hits.len()), (23, 3, 1, 10));
    q.page = 3;
    let r = idx.search(&q);
    assert_eq!(r.hits.len(), 3);
    assert_eq!(idx.doc(r.hits[0]).unwrap().name, "CV Mitra 20");
    q.page = 99;
    assert_eq!(idx.search(&q).page, 3, "a page past the end shows the last");
    let none = idx.search(&Query::text("nothing"));
    assert_eq!((none.total, none.pages, none.page), (0, 1, 1));
    assert!(none.hits.is_empty());
}

#[test]
fn relevance_paging_matches_a_full_sort() {
    let list: Vec<String> = (0..300)
        .map(|i| format!("CV Sumber {} {i}", ["Makmur", "Makmu", "Jaya"][i % 3]))
        .collect();
    let (idx, _) = build(list.iter().map(|n| p(n, Kind::Umkm)).collect());
    let mut q = Query::text("sumber makmur");
    q.per_page = 1000;
    let all = idx.search(&q).hits;
    q.per_page = 7;
    let mut paged = Vec::new();
    for page in 1..=(all.len() as u32).div_ceil(7) {
        q.page = page;
        paged.extend(idx.search(&q).hits);
    }
    assert_eq!(paged, all);
}

#[test]
fn hostile_text_is_just_text() {
    let idx = sample();
    for t in [
        "<img src=x onerror=alert(1)>",
        "%00%ff",
        "\u{0}\u{7f}",
        "'; DROP",
        "((((",
        "🙂",
    ] {
        let _ = idx.search(&Query::text(t));
    }
    let long = "sumber ".repeat(40);
    assert!(!idx.search(&Query::text(&long)).hits.is_empty());
}

#[test]
fn doc_view_round_trips_the_summary() {
    let (idx, items) = build(vec![
        p("PT Kavando Foods Indonesia", Kind::Pma),
        p("UD Roti", Kind::Umkm),
    ]);
    for (i, s) in items.iter().enumerate() {
        let d = idx.doc(i as u32).unwrap();
        assert_eq!(d.id, s.id);
        assert_eq!(d.name, s.name);
        assert_eq!(d.kind, s.kind);
        assert_eq!(d.province, s.province);
        assert_eq!(d.city, s.city);
        assert_eq!(d.size, s.size);
        assert_eq!(d.country, s.country.as_deref());
        assert_eq!(d.agreement_count, s.agreement_count);
        assert_eq!(d.committed, s.committed);
        assert_eq!(d.patterns, s.patterns);
        assert_eq!(d.sector, s.kbli.category());
    }
    assert!(idx.doc(99).is_none());
    assert!(idx.heap_bytes() > 0);
}

#[test]
fn an_empty_index_answers() {
    let idx = Index::build(&[]);
    let r = idx.search(&Query::text("apa"));
    assert_eq!(r.total, 0);
    assert_eq!(idx.search(&Query::default()).pages, 1);
}
