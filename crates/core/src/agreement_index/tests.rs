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

/// The aggregates of `items` with every timeline (pairs too, whatever the
/// list's size), the timelines by path.
fn built_all(items: &[AgreementSummary]) -> (Built, BTreeMap<String, Timeline>) {
    let mut timelines = BTreeMap::new();
    let built = build::<Overflow>(items, true, |path, t| {
        assert!(timelines.insert(path, t).is_none(), "one file per set");
        Ok(())
    })
    .unwrap();
    (built, timelines)
}

fn built_of(items: &[AgreementSummary]) -> Built {
    built_all(items).0
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
    let built = built_of(&items);
    let queries = cube_queries(&items);
    assert!(queries.len() > 150, "{} combinations", queries.len());
    let mut nonzero = 0;
    for query in &queries {
        let want = totals(&query.apply(&items, today()));
        assert_eq!(
            built.index.cube_for(query).as_deref(),
            Some(paths::CUBE_ALL),
            "{:?}",
            query.to_pairs()
        );
        let got = built.index.cube_totals(&built.cube, query);
        assert_eq!(got, want, "{:?}", query.to_pairs());
        nonzero += usize::from(want.count > 0);
    }
    assert!(nonzero > 100, "the combinations are not all empty");
    // Filters outside the cube are not answered from it.
    for pairs in [
        vec![("status", "active")],
        vec![("q", "sinar")],
        vec![("min", "1000")],
        vec![("provinsi", "31,32")],
        vec![("provinsi", "31"), ("acara", "E20210118")],
    ] {
        assert_eq!(built.index.cube_for(&q(&pairs)), None, "{pairs:?}");
    }
}

#[test]
fn shards_hold_exactly_the_filtered_rows_in_order() {
    let items = sample();
    let built = built_of(&items);
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
    let built = built_of(&items);
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

/// The page map of a shard as the data tool writes it.
fn page_map(built: &Built, items: &[AgreementSummary], shard: usize) -> PageMap {
    let rows: Vec<&AgreementSummary> = built.shard_rows[shard].iter().map(|i| &items[*i]).collect();
    PageMap::of(&rows, SHARD_PAGE_SIZE as usize)
}

/// What the app does with a plan: fetch the files of its totals and page
/// maps, then read the pages that can hold a row. The plan with its totals
/// filled in (when its files give them), and those pages.
fn resolve(
    built: &Built,
    timelines: &BTreeMap<String, Timeline>,
    items: &[AgreementSummary],
    query: &AgreementQuery,
    page: usize,
) -> (Plan, Vec<Vec<AgreementSummary>>) {
    let mut plan = built.index.plan(query, page, 50);
    match &plan.totals_from {
        Some(TotalsFrom::Timelines(files)) => {
            let list: Vec<&Timeline> = files
                .iter()
                .map(|f| timelines.get(f).unwrap_or_else(|| panic!("{f} is written")))
                .collect();
            plan.totals = Some(Timeline::sum_totals(&list, &query.statuses, today()));
        }
        Some(TotalsFrom::Cube(path)) => {
            let cube = if path == paths::CUBE_ALL {
                built.cube.clone()
            } else {
                let i = (0..built.index.shards.len())
                    .find(|i| {
                        let s = &built.index.shards[*i];
                        paths::cube(s.dim, &s.value) == *path
                    })
                    .unwrap_or_else(|| panic!("{path} names a shard"));
                built.shard_cube(items, i).expect("a cube for this shard")
            };
            plan.totals = Some(built.index.cube_totals(&cube, query));
        }
        None => {}
    }
    let all = source_pages(built, items, &plan.source);
    let pages = match &plan.source {
        Source::Shards(list) if !plan.page_maps.is_empty() => {
            assert_eq!(plan.page_maps.len(), list.len());
            let maps: Vec<PageMap> = list.iter().map(|i| page_map(built, items, *i)).collect();
            let refs: Vec<&PageMap> = maps.iter().collect();
            let keep = built
                .index
                .pages_to_read(&plan.source, &refs, query, today());
            let every = built.index.page_paths(&plan.source);
            assert_eq!(every.len(), all.len());
            every
                .iter()
                .zip(all)
                .filter(|(p, _)| keep.contains(p))
                .map(|(_, rows)| rows)
                .collect()
        }
        _ => all,
    };
    (plan, pages)
}

/// Loads pages as the app does until the view is shown; checks the rows
/// and totals against filtering every agreement. Returns the pages read.
fn show(
    built: &Built,
    timelines: &BTreeMap<String, Timeline>,
    items: &[AgreementSummary],
    query: &AgreementQuery,
    page: usize,
) -> (Plan, usize) {
    let want_all = query.apply(items, today());
    let want_totals = totals(&want_all);
    let (plan, pages) = resolve(built, timelines, items, query, page);
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
            return (plan, done);
        }
        assert!(!complete, "needs more after everything");
        loaded.extend(pages[done].iter().cloned());
        done += 1;
    }
}

#[test]
fn any_query_shows_exactly_what_filtering_everything_shows() {
    let items = sample();
    let (built, timelines) = built_all(&items);
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
        vec![("status", "ended"), ("q", "sari")],
        vec![("status", "upcoming,active"), ("urut", "nilai-turun")],
    ] {
        queries.push(q(&extra));
    }
    for query in &queries {
        let want_all = query.apply(&items, today());
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
            show(&built, &timelines, &items, query, page);
        }
    }
}

/// Every combination of the filters `/perjanjian` offers (year, pattern,
/// province of either party, UMKM province, company kind, class, event,
/// status), one or two values each, up to five filters at once.
fn offered_queries() -> Vec<Vec<(&'static str, &'static str)>> {
    let choices: [(&str, &[&str]); 8] = [
        ("tahun", &["2021", "2023,2024"]),
        ("pola", &["inti_plasma", "subkontrak,waralaba"]),
        ("provinsi", &["31"]),
        ("provinsi_umkm", &["35"]),
        ("jenis", &["pma", "pma,pmdn"]),
        ("kelas", &["mikro", "kecil,menengah"]),
        ("acara", &["E20210118"]),
        ("status", &["active", "ended", "upcoming,active"]),
    ];
    let mut out = Vec::new();
    for mask in 1u32..(1 << choices.len()) {
        if mask.count_ones() > 5 {
            continue;
        }
        let picked: Vec<&(&str, &[&str])> = choices
            .iter()
            .enumerate()
            .filter(|(i, _)| mask & (1 << i) != 0)
            .map(|(_, c)| c)
            .collect();
        // Every value of the first filter, the first value of the others,
        // and once the last value of each.
        let (k0, v0) = picked[0];
        for v in v0.iter() {
            let mut pairs = vec![(*k0, *v)];
            pairs.extend(picked[1..].iter().map(|(k, vs)| (*k, vs[0])));
            out.push(pairs);
        }
        let last: Vec<(&str, &str)> = picked
            .iter()
            .map(|(k, vs)| (*k, vs[vs.len() - 1]))
            .collect();
        out.push(last);
    }
    out
}

/// The filters of a query besides status, text, value range and order:
/// the keys it selects, and whether it names several provinces of either
/// party.
fn filter_keys(query: &AgreementQuery) -> (usize, bool) {
    let keys = Key::ALL
        .into_iter()
        .filter(|k| !k.selected(query).is_empty())
        .count();
    (keys, query.provinces.len() > 1)
}

#[test]
fn every_offered_filter_combination_shows_exactly_what_filtering_everything_shows() {
    let items = sample();
    let (built, timelines) = built_all(&items);
    let queries = offered_queries();
    assert!(queries.len() > 300, "{}", queries.len());
    let mut from_files = 0;
    for pairs in &queries {
        let query = q(pairs);
        let (plan, _) = show(&built, &timelines, &items, &query, 1);
        let (keys, several_provinces) = filter_keys(&query);
        let province_and_event = !query.provinces.is_empty() && query.event.is_some();
        // What the aggregates promise: totals without reading every row
        // for a status with up to two other filters, and for any filter
        // without a status but a province of either party with an event.
        let checkbox_keys_only = Key::ALL
            .into_iter()
            .filter(|k| !k.selected(&query).is_empty())
            .all(|k| COMBO_KEYS.contains(&k));
        let promised = if query.statuses.is_empty() {
            !several_provinces && !province_and_event
        } else {
            (keys <= 2 || checkbox_keys_only) && !several_provinces
        };
        if promised {
            assert!(
                plan.totals.is_some(),
                "{pairs:?}: totals from the aggregates, got {:?}",
                plan.totals_from
            );
            from_files += usize::from(plan.totals_from.is_some());
        }
    }
    assert!(from_files > 100, "{from_files}");
}

#[test]
fn the_first_page_needs_one_file_when_the_filter_is_one_shard() {
    let items = sample();
    let (built, timelines) = built_all(&items);
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
    // A status with filters on at most two keys: the totals come from
    // their timelines (summed over the values selected), and the first
    // page still needs a page or two.
    let t = |s: &str| format!("aggregates/timeline/{s}.json");
    for (pairs, files) in [
        (vec![("status", "active")], vec![t("all")]),
        (
            vec![("status", "active"), ("tahun", "2022")],
            vec![t("tahun/2022")],
        ),
        (
            vec![("status", "ended,upcoming"), ("pola", "inti_plasma")],
            vec![t("pola/inti_plasma")],
        ),
        (
            vec![("status", "active"), ("provinsi", "31")],
            vec![t("provinsi/31")],
        ),
        (
            vec![("status", "ended"), ("acara", "E20210118")],
            vec![t("acara/E20210118")],
        ),
        (
            vec![("status", "ended"), ("jenis", "pma")],
            vec![t("jenis/pma")],
        ),
        (
            vec![("status", "active"), ("tahun", "2022,2023")],
            vec![t("tahun/2022"), t("tahun/2023")],
        ),
        (
            vec![
                ("status", "active"),
                ("tahun", "2022"),
                ("pola", "inti_plasma"),
            ],
            vec![t("tahun/2022/pola/inti_plasma")],
        ),
        (
            vec![("status", "active"), ("kelas", "mikro"), ("provinsi", "31")],
            vec![t("provinsi/31/kelas/mikro")],
        ),
        // Three and four of the checkbox keys: their combination's file.
        (
            vec![
                ("status", "active"),
                ("tahun", "2022"),
                ("pola", "inti_plasma"),
                ("jenis", "pma"),
            ],
            vec![t("tahun/2022/pola/inti_plasma/jenis/pma")],
        ),
        (
            vec![
                ("status", "ended"),
                ("tahun", "2022"),
                ("pola", "subkontrak"),
                ("jenis", "pmdn"),
                ("kelas", "kecil"),
            ],
            vec![t("tahun/2022/pola/subkontrak/jenis/pmdn/kelas/kecil")],
        ),
        // Two patterns: their shards' union is not in the list's order, so
        // the rows come from the year shards, whose first matches are the
        // page.
        (
            vec![
                ("status", "active"),
                ("tahun", "2022,2023"),
                ("pola", "inti_plasma,subkontrak"),
            ],
            vec![
                t("tahun/2022/pola/inti_plasma"),
                t("tahun/2022/pola/subkontrak"),
                t("tahun/2023/pola/inti_plasma"),
                t("tahun/2023/pola/subkontrak"),
            ],
        ),
    ] {
        let query = q(&pairs);
        let (plan, read) = show(&built, &timelines, &items, &query, 1);
        assert_eq!(
            plan.totals_from,
            Some(TotalsFrom::Timelines(files)),
            "{pairs:?}"
        );
        // (The sample's year shards hold one or two pages each.)
        assert!(read <= 4, "{pairs:?}: {read} pages");
    }
    // Status with three keys that are not all checkboxes (year, pattern,
    // kind, class), or several provinces: no timeline answers it, the
    // rows do.
    for pairs in [
        vec![
            ("status", "active"),
            ("tahun", "2022"),
            ("provinsi", "31"),
            ("kelas", "mikro"),
        ],
        vec![("status", "active"), ("provinsi", "31,32")],
    ] {
        let plan = built.index.plan(&q(&pairs), 1, 50);
        assert_eq!((plan.totals, plan.totals_from), (None, None), "{pairs:?}");
    }
}

#[test]
fn small_lists_have_no_combination_timelines() {
    let items = sample();
    assert!(items.len() < PAIRS_FROM);
    let mut files = Vec::new();
    let built = build::<Overflow>(&items, items.len() >= PAIRS_FROM, |path, _| {
        files.push(path);
        Ok(())
    })
    .unwrap();
    assert!(built.index.timelines.combos.is_empty());
    assert!(
        files.iter().all(|f| f.matches('/').count() <= 3),
        "{files:?}"
    );
    // Without pairs a status with two keys is counted from the rows.
    let plan = built.index.plan(
        &q(&[("status", "active"), ("tahun", "2022"), ("jenis", "pma")]),
        1,
        50,
    );
    assert_eq!(plan.totals_from, None);
    // The combination files exist exactly where the index says.
    let (all, timelines) = built_all(&items);
    assert_eq!(all.index.timelines.combos.len(), 21 + 4 + 1);
    let mut listed = 0;
    for combo in &all.index.timelines.combos {
        let values: Vec<&Vec<String>> = combo
            .keys
            .iter()
            .map(|k| {
                &all.index
                    .timelines
                    .keys
                    .iter()
                    .find(|x| x.key == *k)
                    .unwrap()
                    .values
            })
            .collect();
        let cells: usize = values.iter().map(|v| v.len()).product();
        for cell in 0..cells {
            let mut rest = cell;
            let mut names: Vec<(Key, &str)> = Vec::new();
            for (k, vs) in combo.keys.iter().zip(&values).rev() {
                names.push((*k, vs[rest % vs.len()].as_str()));
                rest /= vs.len();
            }
            names.reverse();
            let path = paths::combo_timeline(&names);
            let pairs: Vec<(&str, &str)> = names.iter().map(|(k, v)| (k.key(), *v)).collect();
            let n = q(&pairs).apply(&items, today()).len();
            let present = key_bit(&combo.present, cell);
            assert_eq!(present, n > 0, "{path}");
            assert_eq!(timelines.contains_key(&path), n > 0, "{path}");
            listed += usize::from(present);
        }
    }
    let combo_files = timelines
        .keys()
        .filter(|f| f.matches('/').count() >= 5)
        .count();
    assert_eq!(listed, combo_files);
}

fn key_bit(hex: &str, i: usize) -> bool {
    let d = hex.as_bytes()[i / 4] as char;
    d.to_digit(16).unwrap() & (8 >> (i % 4)) != 0
}

#[test]
fn page_maps_skip_only_pages_without_a_match() {
    let items = sample();
    let built = built_of(&items);
    let days = [
        today(),
        NaiveDate::from_ymd_opt(2022, 6, 1).unwrap(),
        NaiveDate::from_ymd_opt(2024, 1, 1).unwrap(),
    ];
    let mut skipped = 0;
    for (i, info) in built.index.shards.iter().enumerate() {
        let map = page_map(&built, &items, i);
        assert_eq!(map.pages.len(), info.pages as usize);
        let pages: Vec<Vec<AgreementSummary>> = built.shard_rows[i]
            .chunks(SHARD_PAGE_SIZE as usize)
            .map(|c| c.iter().map(|r| items[*r].clone()).collect())
            .collect();
        for pairs in [
            vec![("status", "ended")],
            vec![("status", "active")],
            vec![("status", "upcoming")],
            vec![("status", "upcoming,ended")],
            vec![("tahun", "2022")],
            vec![("tahun", "2021,2025"), ("status", "active")],
        ] {
            let query = q(&pairs);
            for day in days {
                for (n, rows) in pages.iter().enumerate() {
                    let holds = !query.apply(rows, day).is_empty();
                    let may = map.may_hold(n, &query, day);
                    assert!(
                        may || !holds,
                        "{} {} page {n} {pairs:?} {day}",
                        info.dim.key(),
                        info.value
                    );
                    skipped += usize::from(!may);
                }
            }
        }
    }
    assert!(skipped > 0, "some page is skipped");
    let json = serde_json::to_string(&page_map(&built, &items, 0)).unwrap();
    assert!(json.starts_with("{\"version\":2,\"pages\":[["), "{json}");
}

#[test]
fn timelines_give_the_status_totals_of_any_day() {
    let items = sample();
    let (built, timelines) = built_all(&items);
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
    // The set of each file, from its path.
    let set_of = |file: &str| -> AgreementQuery {
        let rest = file
            .strip_prefix("aggregates/timeline/")
            .and_then(|f| f.strip_suffix(".json"))
            .unwrap();
        if rest == "all" {
            return AgreementQuery::default();
        }
        let parts: Vec<&str> = rest.split('/').collect();
        let pairs: Vec<(&str, &str)> = parts.chunks(2).map(|c| (c[0], c[1])).collect();
        q(&pairs)
    };
    assert!(timelines.len() > built.index.shards.len() * 3);
    for (n, (file, t)) in timelines.iter().enumerate() {
        let set = set_of(file);
        let rows: Vec<&AgreementSummary> = set.apply(&items, today());
        assert!(!rows.is_empty(), "{file}");
        let step = if file == paths::TIMELINE_ALL { 1 } else { 11 };
        for day in days.iter().skip(n % step).step_by(step) {
            for st in &statuses {
                let want: Vec<&AgreementSummary> = rows
                    .iter()
                    .copied()
                    .filter(|a| st.is_empty() || st.contains(&Status::on(a.period, *day)))
                    .collect();
                assert_eq!(t.totals(st, *day), totals(&want), "{file} {day} {st:?}");
            }
        }
    }
    // The file round-trips through JSON.
    let all = &timelines[paths::TIMELINE_ALL];
    let json = serde_json::to_string(all).unwrap();
    assert!(json.starts_with("{\"version\":2,\"starts\":[[\""));
    assert_eq!(serde_json::from_str::<Timeline>(&json).unwrap(), *all);
}

#[test]
fn shard_cubes_give_the_totals_of_a_province_or_event_with_cube_filters() {
    let items = sample();
    let built = built_of(&items);
    let mut n = 0;
    for base in [
        ("provinsi", "31"),
        ("provinsi", "17"),
        ("acara", "E20210118"),
    ] {
        for extra in cube_queries(&items).iter().step_by(5) {
            let mut pairs: Vec<(String, String)> = extra
                .to_pairs()
                .into_iter()
                .map(|(k, v)| (k.to_string(), v))
                .collect();
            pairs.push((base.0.to_string(), base.1.to_string()));
            let query =
                AgreementQuery::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())));
            let Some(path) = built.index.cube_for(&query) else {
                panic!("{pairs:?}: a cube");
            };
            let i = (0..built.index.shards.len())
                .find(|i| {
                    let s = &built.index.shards[*i];
                    paths::cube(s.dim, &s.value) == path
                })
                .unwrap();
            let cube = built.shard_cube(&items, i).unwrap();
            let want = totals(&query.apply(&items, today()));
            assert_eq!(built.index.cube_totals(&cube, &query), want, "{pairs:?}");
            n += 1;
        }
    }
    assert!(n > 50);
}

#[test]
fn figures_match_the_dashboard() {
    let items = sample();
    let built = built_of(&items);
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
    let built = built_of(&items);
    let json = serde_json::to_string(&built.index).unwrap();
    assert!(json.contains(r#""dim":"tahun""#));
    let back: AgreementIndex = serde_json::from_str(&json).unwrap();
    assert_eq!(back, built.index);
    assert!(!json.contains("cells"), "the cube is a file of its own");
    let json = serde_json::to_string(&built.figures).unwrap();
    assert_eq!(
        serde_json::from_str::<Figures>(&json).unwrap(),
        built.figures
    );
}
