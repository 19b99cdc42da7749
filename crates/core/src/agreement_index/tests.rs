//! Checked against `agreement_query` on the embedded sample dataset: the
//! aggregates must give exactly what filtering every agreement gives.

use super::*;
use crate::model::Page;
use crate::model::Status;

fn sample() -> Vec<AgreementSummary> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/api/v1/agreements");
    let mut items = Vec::new();
    for n in 1.. {
        let Ok(text) = std::fs::read_to_string(format!("{dir}/page-{n}.json")) else {
            break;
        };
        let page: Page<AgreementSummary> = serde_json::from_str(&text).unwrap();
        items.extend(page.items);
    }
    assert!(items.len() > 400, "the sample has its agreements");
    items
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 29).unwrap()
}

fn q(pairs: &[(&str, &str)]) -> AgreementQuery {
    AgreementQuery::from_pairs(pairs.iter().copied())
}

/// Queries over every cube filter: none, one value, two values, crossed.
fn cube_queries(items: &[AgreementSummary]) -> Vec<AgreementQuery> {
    let years: BTreeSet<String> = items
        .iter()
        .map(|a| a.date_signed.year().to_string())
        .collect();
    let years: Vec<String> = years.into_iter().collect();
    let provs = ["31", "32", "35", "17", "51", "74"];
    let mut out = vec![AgreementQuery::default()];
    let one: Vec<(&str, String)> = vec![
        ("tahun", years[0].clone()),
        ("tahun", format!("{},{}", years[1], years[2])),
        ("pola", "inti_plasma".into()),
        ("pola", "rantai_pasok,subkontrak".into()),
        ("provinsi_umkm", provs[0].into()),
        ("provinsi_umkm", format!("{},{}", provs[3], provs[5])),
        ("jenis", "pma".into()),
        ("jenis", "pmdn".into()),
        ("kelas", "mikro".into()),
        ("kelas", "kecil,menengah".into()),
        ("kelas", "besar".into()),
    ];
    for (i, (k, v)) in one.iter().enumerate() {
        out.push(q(&[(k, v)]));
        for (k2, v2) in one.iter().skip(i + 1) {
            if k2 != k {
                out.push(q(&[(k, v), (k2, v2)]));
                for (k3, v3) in one.iter().step_by(3) {
                    if k3 != k && k3 != k2 {
                        out.push(q(&[(k, v), (k2, v2), (k3, v3)]));
                    }
                }
            }
        }
    }
    out
}

#[test]
fn cube_sums_equal_the_filtered_totals() {
    let items = sample();
    let built = build(&items).unwrap();
    let queries = cube_queries(&items);
    assert!(queries.len() > 150, "{} combinations", queries.len());
    let mut nonzero = 0;
    for query in &queries {
        let want = totals(&query.apply(&items, today()));
        let got = built.index.cube_totals(query).expect("a cube filter");
        assert_eq!(got, want, "{:?}", query.to_pairs());
        nonzero += usize::from(want.count > 0);
    }
    assert!(nonzero > 100, "the combinations are not all empty");
    // Filters outside the cube are not answered from it.
    for pairs in [
        [("status", "active")],
        [("q", "sinar")],
        [("min", "1000")],
        [("provinsi", "31")],
        [("acara", "E20210118")],
    ] {
        assert_eq!(built.index.cube_totals(&q(&pairs)), None, "{pairs:?}");
    }
}

#[test]
fn shards_hold_exactly_the_filtered_rows_in_order() {
    let items = sample();
    let built = build(&items).unwrap();
    assert_eq!(built.index.shards.len(), built.shard_rows.len());
    let mut per_dim = BTreeMap::new();
    for (info, rows) in built.index.shards.iter().zip(&built.shard_rows) {
        let query = q(&[(info.dim.key(), info.value.as_str())]);
        let want: Vec<&str> = query
            .apply(&items, today())
            .iter()
            .map(|a| a.id.as_str())
            .collect();
        let got: Vec<&str> = rows.iter().map(|i| items[*i].id.as_str()).collect();
        assert_eq!(got, want, "shard {} = {}", info.dim.key(), info.value);
        assert_eq!(info.sums.count as usize, rows.len());
        let t = totals(&query.apply(&items, today()));
        assert_eq!(info.sums.totals(), t);
        assert_eq!(info.pages as usize, rows.len().div_ceil(250).max(1));
        *per_dim.entry(info.dim).or_insert(0) += rows.len();
    }
    // Each agreement is in one shard of each dimension, except provinces
    // of either party (one or two), classes and events (zero or one).
    for dim in [Dim::Year, Dim::Pattern] {
        assert_eq!(per_dim[&dim], items.len(), "{dim:?}");
    }
    assert!(per_dim[&Dim::Province] > items.len());
    assert!(per_dim[&Dim::Event] > 0);
}

#[test]
fn sorted_pages_are_the_list_in_each_order() {
    let items = sample();
    let built = build(&items).unwrap();
    assert_eq!(built.sorted_rows.len(), 6);
    for (sort, rows) in &built.sorted_rows {
        let query = AgreementQuery {
            sort: *sort,
            ..Default::default()
        };
        let want: Vec<&str> = query
            .apply(&items, today())
            .iter()
            .take(1000)
            .map(|a| a.id.as_str())
            .collect();
        let got: Vec<&str> = rows.iter().map(|i| items[*i].id.as_str()).collect();
        assert_eq!(got, want, "{sort:?}");
    }
}

/// The rows of a source as the app loads them, page by page.
fn source_pages(
    built: &Built,
    items: &[AgreementSummary],
    source: &Source,
) -> Vec<Vec<AgreementSummary>> {
    let size = SHARD_PAGE_SIZE as usize;
    let rows: Vec<Vec<usize>> = match source {
        Source::Sorted(sort) => built
            .sorted_rows
            .iter()
            .filter(|(s, _)| s == sort)
            .map(|(_, r)| r.clone())
            .collect(),
        Source::Shards(list) => list.iter().map(|i| built.shard_rows[*i].clone()).collect(),
    };
    rows.iter()
        .flat_map(|r| {
            r.chunks(size)
                .map(|c| c.iter().map(|i| items[*i].clone()).collect())
        })
        .collect()
}

#[test]
fn any_query_shows_exactly_what_filtering_everything_shows() {
    let items = sample();
    let built = build(&items).unwrap();
    let mut queries = cube_queries(&items);
    queries.truncate(60);
    for extra in [
        vec![("status", "active")],
        vec![("status", "ended"), ("tahun", "2021")],
        vec![("q", "sari")],
        vec![("min", "5000000000"), ("pola", "inti_plasma")],
        vec![("provinsi", "31")],
        vec![("provinsi", "31,32,35")],
        vec![("provinsi", "31"), ("kelas", "mikro")],
        vec![("provinsi_umkm", "31")],
        vec![("provinsi_umkm", "31,17"), ("urut", "tanggal-naik")],
        vec![("provinsi_umkm", "31"), ("provinsi", "32")],
        vec![("jenis", "pma")],
        vec![("kelas", "mikro"), ("urut", "nilai-naik")],
        vec![("pola", "inti_plasma,waralaba")],
        vec![("acara", "E20210118")],
        vec![("acara", "E20210118"), ("urut", "nilai-turun")],
        vec![("tahun", "1999")],
        vec![("urut", "realisasi-naik")],
        vec![("urut", "nilai-turun"), ("jenis", "pma")],
    ] {
        queries.push(q(&extra));
    }
    for query in &queries {
        let want_all = query.apply(&items, today());
        let want_totals = totals(&want_all);
        // An export reads a source that holds every row.
        let full = source_pages(&built, &items, &built.index.full_source(query));
        let mut every = Vec::new();
        for p in &full {
            every.extend(query.apply(p, today()).into_iter().cloned());
        }
        every.sort_by(|a, b| compare(query.sort, a, b));
        every.dedup_by(|a, b| a.id == b.id);
        assert_eq!(every.len(), want_all.len(), "{:?}", query.to_pairs());
        for page in [1usize, 2, 3, 25] {
            let plan = built.index.plan(query, page, 50);
            let pages = source_pages(&built, &items, &plan.source);
            assert_eq!(
                pages.len(),
                built.index.page_paths(&plan.source).len(),
                "{:?}",
                query.to_pairs()
            );
            let want_rows: Vec<&str> = want_all
                .iter()
                .skip((page - 1) * 50)
                .take(50)
                .map(|a| a.id.as_str())
                .collect();
            let mut loaded = Vec::new();
            let mut done = 0;
            loop {
                let complete = done == pages.len();
                let v = visible(&plan, query, &loaded, complete, today(), page, 50);
                if let Some(rows) = &v.rows {
                    let ids: Vec<&str> = rows.iter().map(|a| a.id.as_str()).collect();
                    assert_eq!(ids, want_rows, "{:?} page {page}", query.to_pairs());
                }
                if let Some(t) = v.totals {
                    assert_eq!(t, want_totals, "{:?}", query.to_pairs());
                }
                if !v.needs_more {
                    assert!(v.rows.is_some() && v.totals.is_some());
                    break;
                }
                assert!(!complete, "needs more after everything");
                loaded.extend(pages[done].iter().cloned());
                done += 1;
            }
        }
    }
}

#[test]
fn the_first_page_needs_one_file_when_the_filter_is_one_shard() {
    let items = sample();
    let built = build(&items).unwrap();
    for pairs in [
        vec![],
        vec![("tahun", "2021")],
        vec![("pola", "inti_plasma")],
        vec![("urut", "nilai-turun")],
    ] {
        let query = q(&pairs);
        let plan = built.index.plan(&query, 1, 50);
        assert!(plan.totals.is_some(), "{pairs:?}: totals at once");
        let pages = source_pages(&built, &items, &plan.source);
        let first: Vec<AgreementSummary> = pages.iter().take(2).flatten().cloned().collect();
        let v = visible(&plan, &query, &first, pages.len() <= 2, today(), 1, 50);
        assert!(!v.needs_more, "{pairs:?}: two pages are enough");
    }
    // A status with at most one shard value: the totals come from that
    // shard's timeline, and the first page still needs a page or two.
    for (pairs, file) in [
        (
            vec![("status", "active")],
            "aggregates/timeline/all.json".to_string(),
        ),
        (
            vec![("status", "active"), ("tahun", "2022")],
            "aggregates/timeline/tahun/2022.json".to_string(),
        ),
        (
            vec![("status", "ended,upcoming"), ("pola", "inti_plasma")],
            "aggregates/timeline/pola/inti_plasma.json".to_string(),
        ),
        (
            vec![("status", "active"), ("provinsi", "31")],
            "aggregates/timeline/provinsi/31.json".to_string(),
        ),
        (
            vec![("status", "ended"), ("acara", "E20210118")],
            "aggregates/timeline/acara/E20210118.json".to_string(),
        ),
    ] {
        let query = q(&pairs);
        let mut plan = built.index.plan(&query, 1, 50);
        assert_eq!(plan.totals, None, "{pairs:?}");
        assert_eq!(plan.timeline.as_deref(), Some(file.as_str()), "{pairs:?}");
        let timeline = timeline_of(&built, &items, &file);
        let t = timeline.totals(&query.statuses, today());
        assert_eq!(t, totals(&query.apply(&items, today())), "{pairs:?}");
        plan.totals = Some(t);
        let pages = source_pages(&built, &items, &plan.source);
        let first: Vec<AgreementSummary> = pages.iter().take(2).flatten().cloned().collect();
        let v = visible(&plan, &query, &first, pages.len() <= 2, today(), 1, 50);
        assert!(!v.needs_more, "{pairs:?}: two pages are enough");
    }
    // Status with two shard values, or with a cube filter: no timeline
    // answers it, the rows do.
    for pairs in [
        vec![("status", "active"), ("tahun", "2022"), ("jenis", "pma")],
        vec![
            ("status", "active"),
            ("tahun", "2022"),
            ("pola", "inti_plasma"),
        ],
        vec![("status", "active"), ("provinsi", "31,32")],
    ] {
        let plan = built.index.plan(&q(&pairs), 1, 50);
        assert_eq!((plan.totals, plan.timeline), (None, None), "{pairs:?}");
    }
}

/// The timeline file `path` as the data tool writes it.
fn timeline_of(built: &Built, items: &[AgreementSummary], path: &str) -> Timeline {
    if path == paths::TIMELINE_ALL {
        return built.timeline.clone();
    }
    let (info, rows) = built
        .index
        .shards
        .iter()
        .zip(&built.shard_rows)
        .find(|(s, _)| paths::timeline(s.dim, &s.value) == path)
        .unwrap();
    assert_eq!(rows.len() as u64, info.sums.count);
    Timeline::of(&rows.iter().map(|i| &items[*i]).collect::<Vec<_>>())
}

#[test]
fn timelines_give_the_status_totals_of_any_day() {
    let items = sample();
    let built = build(&items).unwrap();
    let mut files = vec![paths::TIMELINE_ALL.to_string()];
    files.extend(
        built
            .index
            .shards
            .iter()
            .map(|s| paths::timeline(s.dim, &s.value)),
    );
    let statuses = [
        vec![],
        vec![Status::Upcoming],
        vec![Status::Active],
        vec![Status::Ended],
        vec![Status::Active, Status::Ended],
        vec![Status::Upcoming, Status::Active],
    ];
    // Days around every boundary: the first and last starts and ends, a
    // day on a start, a day on an end, and far before and after.
    let mut days = vec![
        NaiveDate::from_ymd_opt(1990, 1, 1).unwrap(),
        NaiveDate::from_ymd_opt(2100, 1, 1).unwrap(),
        today(),
    ];
    for a in items.iter().step_by(37) {
        for d in [a.period.start, a.period.end] {
            days.extend([d.pred_opt().unwrap(), d, d.succ_opt().unwrap()]);
        }
    }
    for file in &files {
        let t = timeline_of(&built, &items, file);
        let rows: Vec<AgreementSummary> = if file == paths::TIMELINE_ALL {
            items.clone()
        } else {
            let (_, r) = built
                .index
                .shards
                .iter()
                .zip(&built.shard_rows)
                .find(|(s, _)| paths::timeline(s.dim, &s.value) == *file)
                .unwrap();
            r.iter().map(|i| items[*i].clone()).collect()
        };
        for day in days
            .iter()
            .step_by(if file == paths::TIMELINE_ALL { 1 } else { 7 })
        {
            for st in &statuses {
                let want: Vec<&AgreementSummary> = rows
                    .iter()
                    .filter(|a| st.is_empty() || st.contains(&Status::on(a.period, *day)))
                    .collect();
                let want = totals(&want);
                assert_eq!(t.totals(st, *day), want, "{file} {day} {st:?}");
            }
        }
    }
    // The file round-trips through JSON.
    let json = serde_json::to_string(&built.timeline).unwrap();
    assert!(json.starts_with("{\"version\":1,\"starts\":[[\""));
    assert_eq!(
        serde_json::from_str::<Timeline>(&json).unwrap(),
        built.timeline
    );
}

#[test]
fn figures_match_the_dashboard() {
    let items = sample();
    let built = build(&items).unwrap();
    let f = &built.figures;
    assert!(!f.events.is_empty());
    for e in &f.events {
        let h = crate::dashboard::event_holdings(&e.id, &items);
        assert_eq!(e.holdings(), h, "{}", e.id);
    }
    assert_eq!(f.event("E99999999").agreements, 0);
    let pair: Vec<AgreementSummary> = crate::dashboard::largest_pair(&items)
        .into_iter()
        .map(|(a, _)| a)
        .collect();
    assert_eq!(f.largest_pair, pair);
    let n: u64 = f.by_year.iter().map(|y| y.agreements).sum();
    assert_eq!(n as usize, items.len());
    let sum = f
        .by_year
        .iter()
        .fold(Rupiah::ZERO, |s, y| s.saturating_add(y.committed));
    assert_eq!(sum, totals(&items.iter().collect::<Vec<_>>()).committed);
}

#[test]
fn the_index_round_trips_through_json() {
    let items = sample();
    let built = build(&items).unwrap();
    let json = serde_json::to_string(&built.index).unwrap();
    assert!(json.contains(r#""dim":"tahun""#));
    let back: AgreementIndex = serde_json::from_str(&json).unwrap();
    assert_eq!(back, built.index);
    let json = serde_json::to_string(&built.figures).unwrap();
    assert_eq!(
        serde_json::from_str::<Figures>(&json).unwrap(),
        built.figures
    );
}
