//! The sharded index answers exactly as the index over every partner.

use std::collections::{BTreeSet, HashMap};

use super::*;
use crate::ident::{Kbli, KbliVersion, Nib};
use crate::model::{Kind, PartnerSummary};
use crate::pattern::Pattern;
use crate::province::ProvinceCode;
use crate::search::province_count;
use crate::size_class::{Classification, SizeClass, SizeTest};
use crate::Rupiah;

/// A small deterministic generator (xorshift).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a>(&mut self, list: &[&'a str]) -> &'a str {
        list[self.below(list.len())]
    }
    fn percent(&mut self, p: usize) -> bool {
        self.below(100) < p
    }
}

const HEADS: [&str; 10] = ["Ka", "La", "Ri", "Su", "Mo", "Ta", "Né", "Vi", "Ra", "Do"];
const MIDDLES: [&str; 6] = ["r", "l", "ma", "ri", "va", "se"];
const TAILS: [&str; 8] = [
    "vando", "lindra", "mera", "tora", "vesta", "nika", "rano", "sela",
];
const WORDS: [&str; 12] = [
    "Sumber",
    "Makmur",
    "Abadi",
    "Jaya",
    "Sejahtera",
    "Nusantara",
    "Café",
    "Batik",
    "Roti",
    "Kopi",
    "Tahu",
    "Lestari",
];
const SAMPLE: [&str; 10] = [
    "PT Sumber Makmur",
    "CV Sumber Makmur Jaya",
    "UD Makmur Sumber Rejeki",
    "PT Sumberdaya Alam Lestari Tbk",
    "Koperasi Produsen Tahu Sejahtera",
    "PT Kavando Foods Indonesia",
    "PT Café Nusantara",
    "PT Pertamina Rekaan (Persero)",
    "CV Karya Sejahtera Abadi",
    "PT Sejahtera Bersama Indonesia",
];

fn coined(rng: &mut Rng) -> String {
    let mut w = rng.pick(&HEADS).to_string();
    if rng.percent(40) {
        w.push_str(rng.pick(&MIDDLES));
    }
    w.push_str(rng.pick(&TAILS));
    w
}

fn partners(n: usize, seed: u64) -> Vec<PartnerSummary> {
    let mut rng = Rng(seed);
    let provinces: Vec<ProvinceCode> = ProvinceCode::all().collect();
    let kblis = ["10792", "46411", "13134", "62019", "01111"];
    (0..n)
        .map(|i| {
            let kind = Kind::ALL[rng.below(3)];
            let name = match SAMPLE.get(i) {
                Some(s) => s.to_string(),
                None => {
                    let root = coined(&mut rng);
                    match rng.below(6) {
                        0 => format!("PT {root} {} Indonesia", rng.pick(&WORDS)),
                        1 => format!("CV {root} {}", rng.pick(&WORDS)),
                        2 => format!("UD {} {root}", rng.pick(&WORDS)),
                        3 => format!("Koperasi {} {root}", rng.pick(&WORDS)),
                        4 => format!("PT {root} {} {} Tbk", rng.pick(&WORDS), rng.pick(&WORDS)),
                        _ => format!("{root} {}", rng.pick(&WORDS)),
                    }
                }
            };
            let pats: Vec<Pattern> = Pattern::ALL
                .iter()
                .copied()
                .filter(|_| rng.percent(20))
                .collect();
            PartnerSummary {
                id: format!("P{:07}", i + 1),
                name,
                kind,
                nib: Nib::parse(&format!(
                    "{:013}",
                    9_120_000_000_000u64 + rng.next() % 1_000_000_000
                ))
                .unwrap(),
                province: provinces[rng.below(provinces.len())],
                city: format!("Kota {}", rng.below(30)),
                kbli: Kbli::parse(rng.pick(&kblis), KbliVersion::V2020).unwrap(),
                size: (kind == Kind::Umkm).then(|| Classification {
                    class: SizeClass::ALL[rng.below(4)],
                    test: if rng.percent(50) {
                        SizeTest::Sales
                    } else {
                        SizeTest::Capital
                    },
                }),
                country: (kind == Kind::Pma).then(|| ["JP", "KR", "SG"][rng.below(3)].to_string()),
                agreement_count: rng.below(6) as u32,
                committed: Rupiah((rng.next() % 1_000_000) as i64 * 1_000_000),
                patterns: pats,
            }
        })
        .collect()
}

fn write(items: &[PartnerSummary], opts: &WriteOptions) -> (HashMap<String, String>, IndexStats) {
    let rows: Vec<Row> = items.iter().map(Row::from_summary).collect();
    let mut files = HashMap::new();
    let stats = write_index(&rows, opts, |p, body| {
        files.insert(p.to_string(), body.to_string());
        Ok::<(), ()>(())
    })
    .unwrap();
    (files, stats)
}

/// What a user sees of a result page, comparable across two indexes.
fn seen(idx: &Index, r: &Results) -> (Vec<String>, usize, u32, u32, FacetCounts) {
    let docs = r
        .hits
        .iter()
        .map(|&h| format!("{:?}", idx.doc(h)))
        .collect();
    (docs, r.total, r.page, r.pages, r.facets.clone())
}

/// The rows and totals of the files of a plan, as the app holds them.
fn fetched(files: &HashMap<String, String>, keys: &[ShardKey]) -> (Index, Option<Totals>) {
    let parsed: Vec<(Vec<Row>, Option<Totals>)> = keys
        .iter()
        .map(|k| parse_file(*k, &files[&k.path()]).unwrap())
        .collect();
    let totals = parsed.iter().find_map(|(_, t)| t.clone());
    let idx = index_of(parsed.iter().map(|(r, _)| r.as_slice()));
    (idx, totals)
}

/// Answers `q` the way the app does: plan, fetch, build, search.
fn sharded(root: &Root, files: &HashMap<String, String>, q: &Query) -> Option<(Index, Results)> {
    let Plan::Fetch(keys) = root.plan(q) else {
        return None;
    };
    let (idx, totals) = fetched(files, &keys);
    let r = root.search_with(q, &idx, totals.as_ref());
    Some((idx, r))
}

/// Like [`sharded`], with the built indexes kept (as the app keeps them).
fn assert_same(
    full: &Index,
    root: &Root,
    files: &HashMap<String, String>,
    cache: &mut HashMap<Vec<ShardKey>, (Index, Option<Totals>)>,
    q: &Query,
) -> bool {
    let Plan::Fetch(keys) = root.plan(q) else {
        return false;
    };
    let (idx, totals) = cache
        .entry(keys.clone())
        .or_insert_with(|| fetched(files, &keys));
    let r = root.search_with(q, idx, totals.as_ref());
    let want = full.search(q);
    assert_eq!(seen(idx, &r), seen(full, &want), "query {q:?}");
    true
}

const TEXTS: [&str; 44] = [
    "",
    "sumber",
    "sumb",
    "Makmur",
    "Makmu",
    "makmir",
    "makmurr",
    "makur",
    "mkamur",
    "mkamir",
    "CAFE",
    "café nusantara",
    "KÁVANDÖ",
    "kava",
    "koperasi",
    "tahi",
    "PT",
    "Tbk",
    "Persero",
    "PT sumber makmur",
    "sumber makmur",
    "sumber rejeki",
    "sumber qwertyuiop",
    "cv sejahtera",
    "sejahtera",
    "sejhatrea",
    "sjehatxyz",
    "pertamina rekaan",
    "batik",
    "nothing",
    "apa",
    "<img src=x onerror=alert(1)>",
    "'; DROP",
    "((((",
    "%00%ff",
    "\u{0}\u{7f}",
    "🙂",
    "a",
    "s",
    "ka",
    "ne",
    "vando",
    "lindra jaya",
    "rivesela",
];

fn random_query(rng: &mut Rng, items: &[PartnerSummary]) -> Query {
    let p = &items[rng.below(items.len())];
    let words: Vec<&str> = p.name.split(' ').collect();
    let mut text = match rng.below(8) {
        0 => String::new(),
        1 => p.nib.as_str().to_string(),
        2 => format!("{} {}", rng.pick(&words), rng.pick(&words)),
        _ => {
            let w = rng.pick(&words).to_lowercase();
            let chars: Vec<char> = w.chars().collect();
            let cut = 1 + rng.below(chars.len());
            let mut t: Vec<char> = chars[..cut].to_vec();
            if t.len() > 3 && rng.percent(40) {
                let i = rng.below(t.len() - 1);
                t.swap(i, i + 1);
            }
            t.into_iter().collect()
        }
    };
    if rng.percent(10) {
        text.push_str(" pt");
    }
    let mut q = Query::text(&text);
    if rng.percent(30) {
        q.kinds.push(Kind::ALL[rng.below(3)]);
    }
    if rng.percent(15) {
        q.sizes.push(SizeClass::ALL[rng.below(4)]);
    }
    if rng.percent(20) {
        q.provinces.push(p.province);
    }
    if rng.percent(15) {
        q.sectors.push(['A', 'C', 'G', 'J'][rng.below(4)]);
    }
    if rng.percent(20) {
        q.patterns.push(Pattern::ALL[rng.below(11)]);
    }
    q.sort = Sort::ALL[rng.below(4)];
    q.per_page = [5, 20, 50][rng.below(3)];
    q.page = 1 + rng.below(3) as u32;
    q.canonicalize();
    q
}

fn check_all(items: &[PartnerSummary], opts: &WriteOptions) -> (usize, usize) {
    let full = Index::build(items);
    let (files, _) = write(items, opts);
    let root = Root::parse(&files[ROOT_PATH]).unwrap();
    let (mut compared, mut skipped) = (0, 0);
    let mut cache = HashMap::new();
    let mut queries: Vec<Query> = Vec::new();
    for t in TEXTS {
        for sort in Sort::ALL {
            let mut q = Query::text(t);
            q.sort = sort;
            queries.push(q.clone());
            q.kinds = vec![Kind::Umkm];
            q.per_page = 7;
            q.page = 2;
            queries.push(q);
        }
    }
    queries.push(Query::text(items[3].nib.as_str()));
    queries.push(Query::text("9120000000000"));
    let mut rng = Rng(77);
    for _ in 0..1500 {
        queries.push(random_query(&mut rng, items));
    }
    for q in &queries {
        if assert_same(&full, &root, &files, &mut cache, q) {
            compared += 1;
        } else {
            skipped += 1;
        }
    }
    (compared, skipped)
}

#[test]
fn sharded_answers_equal_the_full_index() {
    let items = partners(3000, 12345);
    // Small shards, so queries span several; everything browsable.
    let opts = WriteOptions {
        shard_rows: 60,
        nib_rows: 25,
        browse_all: 5000,
        cap: u32::MAX,
        part_rows: 500,
        budget: u32::MAX,
    };
    let (compared, skipped) = check_all(&items, &opts);
    assert_eq!(skipped, 0);
    assert!(compared > 1800);
}

#[test]
fn a_large_dataset_browses_first_pages_and_caps_broad_words() {
    let items = partners(3000, 999);
    let opts = WriteOptions {
        shard_rows: 80,
        nib_rows: 50,
        browse_all: 1000,
        cap: 400,
        part_rows: 100,
        budget: 100,
    };
    let (compared, skipped) = check_all(&items, &opts);
    // Page 1 of the empty query in each order, and every narrow query, are
    // answered; broad words and filtered browsing are refused.
    assert!(compared > 800, "{compared} compared");
    assert!(skipped > 50, "{skipped} skipped");
    let (files, stats) = write(&items, &opts);
    let root = Root::parse(&files[ROOT_PATH]).unwrap();
    assert_eq!(root.plan(&Query::text("s")), Plan::TooBroad);
    assert_eq!(root.plan(&Query::text("pt")), Plan::TooBroad);
    // Filters without words: page 1 from the value's head; a later page in
    // another order needs every row of the value, more than the cap.
    let mut filtered = Query::default();
    filtered.kinds.push(Kind::Pma);
    assert_eq!(
        root.plan(&filtered),
        Plan::Fetch(vec![ShardKey::Head(List::Value(0))])
    );
    filtered.sort = Sort::Value;
    filtered.page = 3;
    assert_eq!(root.plan(&filtered), Plan::NeedText);
    assert_eq!(
        root.plan(&Query::default()),
        Plan::Fetch(vec![ShardKey::Browse])
    );
    // A narrow word fetches one or two small shards, however common the
    // other words of the query are.
    let Plan::Fetch(keys) = root.plan(&Query::text("pt makmur rivesela")) else {
        panic!("narrow query refused");
    };
    assert!(keys.len() <= 2, "{keys:?}");
    assert!(stats.largest_shard_rows < items.len());
    // The empty query's totals come from the root.
    let (idx, r) = sharded(&root, &files, &Query::default()).unwrap();
    assert_eq!(r.total, 3000);
    assert!(idx.len() <= 150);
}

/// Every query without words that a reader can make from the facets: none,
/// one value, several values of one facet, two and three facets; each order;
/// pages near the start, middle and end.
fn filter_queries(items: &[PartnerSummary]) -> Vec<Query> {
    let mut rng = Rng(4242);
    let provinces: Vec<ProvinceCode> = ProvinceCode::all().collect();
    let mut out = Vec::new();
    for i in 0..400 {
        let mut q = Query::default();
        let facets = match i % 8 {
            0 => 0,
            1..=4 => 1,
            5 | 6 => 2,
            _ => 3,
        };
        for _ in 0..facets {
            let many = 1 + usize::from(rng.percent(30)) + usize::from(rng.percent(10));
            for _ in 0..many {
                match rng.below(5) {
                    0 => q.kinds.push(Kind::ALL[rng.below(3)]),
                    1 => q.sizes.push(SizeClass::ALL[rng.below(4)]),
                    2 => q.provinces.push(items[rng.below(items.len())].province),
                    3 => q.sectors.push(['A', 'C', 'G', 'J', 'M'][rng.below(5)]),
                    _ => q.patterns.push(Pattern::ALL[rng.below(11)]),
                }
            }
        }
        if rng.percent(5) {
            q.provinces.push(provinces[rng.below(provinces.len())]);
        }
        q.sort = Sort::ALL[rng.below(4)];
        q.per_page = [7, 20, 50, 50, 50, 120][rng.below(6)];
        q.page = match rng.below(4) {
            0 => 1,
            1 => 2 + rng.below(5) as u32,
            2 => 10 + rng.below(60) as u32,
            _ => 1000,
        };
        q.canonicalize();
        out.push(q);
    }
    out
}

#[test]
fn filters_without_words_equal_the_full_index() {
    let items = partners(3000, 31337);
    let full = Index::build(&items);
    for (opts, min_compared) in [
        // Every list fetchable: every query is answered.
        (
            WriteOptions {
                browse_all: 100,
                cap: u32::MAX,
                part_rows: 37,
                ..WriteOptions::default()
            },
            400,
        ),
        // A cap: heads, A–Z slices and small intersections are answered.
        (
            WriteOptions {
                browse_all: 100,
                cap: 300,
                part_rows: 64,
                ..WriteOptions::default()
            },
            200,
        ),
    ] {
        let (files, stats) = write(&items, &opts);
        assert!(stats.list_files > 79, "{stats:?}");
        let root = Root::parse(&files[ROOT_PATH]).unwrap();
        let mut cache = HashMap::new();
        let mut compared = 0;
        for q in filter_queries(&items) {
            compared += usize::from(assert_same(&full, &root, &files, &mut cache, &q));
        }
        assert!(compared >= min_compared, "{compared} of 400 answered");
    }
}

#[test]
fn two_facets_with_one_value_each_read_one_pair_file_on_page_one() {
    let items = partners(3000, 31337);
    let full = Index::build(&items);
    let opts = WriteOptions {
        browse_all: 100,
        budget: 60,
        ..WriteOptions::default()
    };
    let (files, stats) = write(&items, &opts);
    assert!(stats.pair_files > 500, "{stats:?}");
    let root = Root::parse(&files[ROOT_PATH]).unwrap();
    let mut cache = HashMap::new();
    let (mut pairs, mut compared) = (0, 0);
    let mut rng = Rng(2718);
    // Every kind with every province, sector and pattern, and random pairs
    // of other facets; in each order, two page sizes, pages 1 and 2.
    let mut queries: Vec<Query> = Vec::new();
    for kind in Kind::ALL {
        for p in ProvinceCode::all() {
            queries.push(Query {
                kinds: vec![kind],
                provinces: vec![p],
                ..Query::default()
            });
        }
        for c in ['A', 'C', 'G', 'J', 'M'] {
            queries.push(Query {
                kinds: vec![kind],
                sectors: vec![c],
                ..Query::default()
            });
        }
        for pat in Pattern::ALL {
            queries.push(Query {
                kinds: vec![kind],
                patterns: vec![pat],
                ..Query::default()
            });
        }
    }
    for _ in 0..100 {
        queries.push(Query {
            sizes: vec![SizeClass::ALL[rng.below(4)]],
            patterns: vec![Pattern::ALL[rng.below(11)]],
            provinces: if rng.percent(50) {
                vec![items[rng.below(items.len())].province]
            } else {
                Vec::new()
            },
            ..Query::default()
        });
    }
    for base in queries {
        for sort in Sort::ALL {
            for (per_page, page) in [(50, 1), (7, 1), (7, 2)] {
                let mut q = Query {
                    sort,
                    per_page,
                    page,
                    ..base.clone()
                };
                q.canonicalize();
                if let Plan::Fetch(keys) = root.plan(&q) {
                    if let [key @ ShardKey::Pair(..)] = keys.as_slice() {
                        assert_eq!(page, 1, "{q:?}");
                        let (_, totals) = parse_file(*key, &files[&key.path()]).unwrap();
                        assert!(totals.is_some());
                        pairs += 1;
                    }
                }
                compared += usize::from(assert_same(&full, &root, &files, &mut cache, &q));
            }
        }
    }
    assert!(pairs > 1000, "{pairs} answered by a pair file");
    assert!(compared > pairs, "{compared}");
    // A pair file is small: at most a page in each order.
    for (path, body) in &files {
        if path.starts_with("search/pairs/") {
            assert!(body.lines().count() <= 2 + 4 * 50, "{path}");
        }
    }
}

#[test]
fn a_sector_page_fetches_its_head_or_one_part() {
    let items = partners(3000, 7);
    let opts = WriteOptions {
        browse_all: 100,
        cap: 500,
        ..WriteOptions::default()
    };
    let (files, _) = write(&items, &opts);
    let root = Root::parse(&files[ROOT_PATH]).unwrap();
    let mut q = Query::default();
    q.sectors.push('C');
    let sector_c = List::Value((3 + 4 + province_count() + 2) as u8);
    assert_eq!(sector_c.name(), "sektor-C");
    assert_eq!(root.plan(&q), Plan::Fetch(vec![ShardKey::Head(sector_c)]));
    for sort in Sort::ALL {
        q.sort = sort;
        let (_, r) = sharded(&root, &files, &q).unwrap();
        let want = Index::build(&items).search(&q);
        assert_eq!(r.total, want.total);
        assert!(r.total > 500);
    }
    // Page 3 in A–Z order: rows 100..150 of the list, in part 0 of 500 rows.
    q.sort = Sort::Name;
    q.page = 3;
    assert_eq!(
        root.plan(&q),
        Plan::Fetch(vec![ShardKey::Part(sector_c, 0)])
    );
    // By value, page 3 needs the whole list: over the cap of 500 rows.
    q.sort = Sort::Value;
    assert_eq!(root.plan(&q), Plan::NeedText);
    // Every partner, page 12 A–Z: part 1 (rows 550..600).
    let all = Query {
        page: 12,
        ..Query::default()
    };
    assert_eq!(
        root.plan(&all),
        Plan::Fetch(vec![ShardKey::Part(List::All, 1)])
    );
    // The files are where the names say, and the root names the version.
    assert!(files.contains_key("search/lists/sektor-C-head.txt"));
    assert!(files.contains_key("search/lists/semua-5.txt"));
    assert_eq!(root.version().len(), 16);
    assert_eq!(
        root.url(ShardKey::Terms(3)),
        format!("search/terms/3.txt?v={}", root.version())
    );
}

#[test]
fn broad_words_typed_alone_fetch_one_small_precomputed_page() {
    let items = partners(3000, 2024);
    let full = Index::build(&items);
    let opts = WriteOptions {
        budget: 120,
        ..WriteOptions::default()
    };
    let (files, stats) = write(&items, &opts);
    assert!(stats.top_files > 20, "{stats:?}");
    let root = Root::parse(&files[ROOT_PATH]).unwrap();
    let mut cache = HashMap::new();
    let (mut tops, mut compared) = (0, 0);
    // Every prefix of every word of the names, typed alone, in each order
    // and page size; plus a filter, page 2 and a second word, which fetch
    // the shards instead.
    let mut words: BTreeSet<String> = BTreeSet::new();
    for p in items.iter().take(400) {
        for w in crate::search::normalize::tokens(&p.name) {
            let chars: Vec<char> = w.chars().collect();
            for n in 1..=chars.len() {
                words.insert(chars[..n].iter().collect());
            }
        }
    }
    for w in &words {
        for sort in Sort::ALL {
            for per_page in [20, 50] {
                let q = Query {
                    sort,
                    per_page,
                    ..Query::text(w)
                };
                if let Plan::Fetch(keys) = root.plan(&q) {
                    if matches!(keys.as_slice(), [ShardKey::Top(..)]) {
                        tops += 1;
                        let (_, pages) = parse_file(keys[0], &files[&keys[0].path()]).unwrap();
                        assert!(pages.is_some());
                    }
                }
                compared += usize::from(assert_same(&full, &root, &files, &mut cache, &q));
            }
        }
        let mut q = Query::text(w);
        q.kinds.push(Kind::Umkm);
        if let Plan::Fetch(keys) = root.plan(&q) {
            assert!(!keys.iter().any(|k| matches!(k, ShardKey::Top(..))));
        }
        assert_same(&full, &root, &files, &mut cache, &q);
        q.kinds.clear();
        q.page = 2;
        assert_same(&full, &root, &files, &mut cache, &q);
        assert_same(
            &full,
            &root,
            &files,
            &mut cache,
            &Query::text(&format!("{w} jaya")),
        );
    }
    assert!(tops > 200, "{tops} queries answered by a precomputed page");
    assert!(compared > tops, "{compared}");
    // A top file is small: at most a page in each order.
    for (path, body) in &files {
        if path.starts_with("search/tops/") {
            assert!(body.lines().count() <= 2 + 4 * 50, "{path}");
        }
    }
}

#[test]
fn planning_around_the_files_already_here_gives_the_same_answers() {
    let items = partners(3000, 606);
    let full = Index::build(&items);
    // No precomputed pages: a word alone fetches its shards.
    let opts = WriteOptions {
        browse_all: 500,
        budget: u32::MAX,
        cap: 2000,
        ..WriteOptions::default()
    };
    let (files, _) = write(&items, &opts);
    let root = Root::parse(&files[ROOT_PATH]).unwrap();
    // A session: each query is planned knowing what the earlier ones
    // fetched, then answered from those files.
    let mut here: BTreeSet<ShardKey> = BTreeSet::new();
    let mut rng = Rng(5150);
    let (mut answered, mut saved) = (0, 0);
    let mut session: Vec<Query> = Vec::new();
    // A common word, then that word and a rarer one: the second query is
    // answered from the first one's shards.
    for p in items.iter().skip(10).take(60) {
        let words: Vec<String> = crate::search::normalize::tokens(&p.name)
            .into_iter()
            .filter(|w| !crate::search::normalize::is_legal_form(w) && w.len() >= 4)
            .collect();
        if let [a, b, ..] = words.as_slice() {
            session.push(Query::text(a));
            session.push(Query::text(&format!("{a} {b}")));
            session.push(Query::text(b));
            session.push(Query::text(&format!("{b} {a}")));
        }
    }
    // Then random queries, with whatever those fetched.
    for _ in 0..600 {
        session.push(random_query(&mut rng, &items));
    }
    for q in session {
        let Plan::Fetch(keys) = root.plan_cached(&q, &|k| here.contains(&k)) else {
            continue;
        };
        if let Plan::Fetch(cold) = root.plan(&q) {
            saved += usize::from(
                cold.iter().any(|k| !here.contains(k)) && keys.iter().all(|k| here.contains(k)),
            );
        }
        let (idx, totals) = fetched(&files, &keys);
        let r = root.search_with(&q, &idx, totals.as_ref());
        assert_eq!(seen(&idx, &r), seen(&full, &full.search(&q)), "query {q:?}");
        here.extend(keys);
        answered += 1;
    }
    assert!(answered > 300, "{answered}");
    assert!(saved > 0, "no query was answered from files already here");
}

#[test]
fn the_version_changes_with_any_row() {
    let mut items = partners(500, 3);
    let opts = WriteOptions {
        browse_all: 100,
        ..WriteOptions::default()
    };
    let (a, _) = write(&items, &opts);
    let (b, _) = write(&items, &opts);
    let va = Root::parse(&a[ROOT_PATH]).unwrap().version().to_string();
    assert_eq!(va, Root::parse(&b[ROOT_PATH]).unwrap().version());
    items[400].agreement_count += 1;
    let (c, _) = write(&items, &opts);
    assert_ne!(va, Root::parse(&c[ROOT_PATH]).unwrap().version());
}

#[test]
fn rows_round_trip_hostile_text() {
    let mut items = partners(5, 1);
    items[0].name = "PT A\tB\nC\\D\r \\t".to_string();
    items[1].city = "Kota\t\\".to_string();
    items[2].country = Some("J\nP".to_string());
    for p in &items {
        let r = Row::from_summary(p);
        let mut line = String::new();
        r.encode(&mut line);
        assert_eq!(line.matches('\n').count(), 1);
        assert_eq!(Row::decode(line.trim_end_matches('\n')), Some(r));
    }
}

#[test]
fn damaged_files_are_typed_errors() {
    let items = partners(400, 5);
    let opts = WriteOptions {
        shard_rows: 50,
        ..WriteOptions::default()
    };
    let (files, _) = write(&items, &opts);
    let root_text = &files[ROOT_PATH];
    assert!(Root::parse(root_text).is_ok());
    // Cut anywhere before its end, the root is refused.
    for cut in (0..root_text.len() - 1).step_by(53) {
        if root_text.is_char_boundary(cut) {
            assert!(Root::parse(&root_text[..cut]).is_err(), "cut at {cut}");
        }
    }
    assert!(matches!(
        Root::parse("kemitraan-search 1 root\n"),
        Err(FormatError::Version(_))
    ));
    assert!(matches!(
        Root::parse("<!doctype html>"),
        Err(FormatError::Version(_))
    ));
    let key = ShardKey::Terms(1);
    let shard = &files[&key.path()];
    assert!(parse_shard(key, shard).is_ok());
    // Another shard's file, a truncated one, a garbled row.
    assert!(parse_shard(ShardKey::Terms(2), shard).is_err());
    let cut = &shard[..shard.len() / 2];
    let cut = &cut[..cut.rfind('\n').unwrap()];
    assert!(matches!(
        parse_shard(key, cut),
        Err(FormatError::Corrupt { .. })
    ));
    let garbled = shard.replacen("\t2\t", "\t7\t", 1);
    assert!(parse_shard(key, &garbled).is_err());
    assert!(parse_shard(key, "").is_err());
    assert_eq!(
        FormatError::Corrupt {
            file: key.path(),
            line: 3
        }
        .to_string(),
        "search index: search/terms/1.txt is damaged at line 3"
    );
}

#[test]
fn an_empty_dataset_has_an_index() {
    let (files, stats) = write(&[], &WriteOptions::default());
    assert_eq!(stats.terms, 0);
    let root = Root::parse(&files[ROOT_PATH]).unwrap();
    assert_eq!(root.plan(&Query::text("apa")), Plan::Fetch(vec![]));
    let (_, r) = sharded(&root, &files, &Query::default()).unwrap();
    assert_eq!(r.total, 0);
}

/// Every prefix of the words of `items`' names, and the same with the two
/// letters before the last one swapped (a typo), as typed one letter at a
/// time.
fn typed_words(items: &[PartnerSummary]) -> BTreeSet<String> {
    let mut words: BTreeSet<String> = BTreeSet::new();
    for p in items {
        for w in crate::search::normalize::tokens(&p.name) {
            let chars: Vec<char> = w.chars().collect();
            for n in 1..=chars.len() {
                let mut t: Vec<char> = chars[..n].to_vec();
                words.insert(t.iter().collect());
                if n >= 4 {
                    t.swap(n - 3, n - 2);
                    words.insert(t.into_iter().collect());
                }
            }
        }
    }
    words
}

#[test]
fn typo_neighbourhoods_hold_every_match_of_longer_words() {
    let items = partners(3000, 31337);
    let full = Index::build(&items);
    // Small shards, so a word's typos spread over many of them.
    let opts = WriteOptions {
        shard_rows: 60,
        budget: 120,
        ..WriteOptions::default()
    };
    let (files, stats) = write(&items, &opts);
    assert!(stats.hood_files > 100, "{stats:?}");
    let root = Root::parse(&files[ROOT_PATH]).unwrap();
    let mut cache = HashMap::new();
    let (mut hooded, mut compared) = (0, 0);
    // Every prefix of the words of 400 names, correct and with a swap, alone
    // in each order, with a filter and page 2, and beside other words.
    for w in &typed_words(&items[..400]) {
        for sort in Sort::ALL {
            let q = Query {
                sort,
                ..Query::text(w)
            };
            if let Plan::Fetch(keys) = root.plan(&q) {
                hooded += usize::from(matches!(keys.as_slice(), [ShardKey::Hood(..)]));
            }
            compared += usize::from(assert_same(&full, &root, &files, &mut cache, &q));
        }
        let mut q = Query::text(w);
        q.kinds.push(Kind::Umkm);
        q.per_page = 7;
        q.page = 2;
        assert_same(&full, &root, &files, &mut cache, &q);
        for text in [format!("{w} jaya"), format!("pt {w} abadi")] {
            assert_same(&full, &root, &files, &mut cache, &Query::text(&text));
        }
    }
    assert!(hooded > 400, "{hooded} queries answered by a neighbourhood");
    assert!(
        compared > hooded,
        "{compared} compared, {hooded} by a neighbourhood"
    );
    // A neighbourhood file holds at most `budget` partners.
    let mut sizes = 0;
    for (path, body) in &files {
        if path.starts_with("search/hoods/") {
            assert!(body.lines().count() <= 1 + 120, "{path}");
            sizes += 1;
        }
    }
    assert_eq!(sizes, stats.hood_files);
    // Typing on: once a word's neighbourhood is here, each further letter
    // with the same typos allowed fetches nothing.
    let mut after = 0;
    for p in &items[..400] {
        for w in crate::search::normalize::tokens(&p.name) {
            let chars: Vec<char> = w.chars().collect();
            let mut here: BTreeSet<ShardKey> = BTreeSet::new();
            let mut hood_k = None;
            for n in 1..=chars.len() {
                let typed: String = chars[..n].iter().collect();
                let Plan::Fetch(keys) =
                    root.plan_cached(&Query::text(&typed), &|k| here.contains(&k))
                else {
                    continue;
                };
                let k = crate::search::typos_allowed(n);
                if hood_k == Some(k) {
                    assert!(
                        keys.iter().all(|key| here.contains(key)),
                        "{typed}: {keys:?}"
                    );
                    after += 1;
                }
                if matches!(keys.as_slice(), [ShardKey::Hood(..)]) {
                    hood_k = Some(k);
                }
                here.extend(keys);
            }
        }
    }
    assert!(after > 100, "{after} keystrokes after a neighbourhood");
}
