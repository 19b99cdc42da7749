//! The prebuilt, sharded search index: what `kemitraan-data` writes next to
//! the JSON, and what the app reads to search without downloading every
//! partner. The byte-level format is in docs/api.md, "Search index".
//!
//! ```text
//! search/root.txt          term dictionary (term, document frequency), the
//!                          first term of each shard, empty-query facet totals
//! search/terms/{s}.txt     the rows of every partner holding a term of shard s
//! search/nib/{b}.txt       the rows of every partner whose NIB % buckets == b
//! search/browse.txt        every row (small datasets) or the first page of
//!                          each order (large ones), for the empty query
//! search/lists/            per facet value, its partners in A–Z parts and
//!                          its first pages (lists.rs)
//! search/pairs/            first pages of two facet values (lists.rs)
//! search/tops/             first pages of a broad word typed alone (tops.rs)
//! search/hoods/            the partners of a word's typo neighbourhood
//!                          (hoods.rs)
//! ```
//!
//! Why this gives the same results as the index over every partner: a
//! partner matches only if *every* required query word matches one of its
//! words, so the partners holding a term matched by *one* word are a
//! superset of the matches. [`Root::plan`] runs each word's automaton over
//! the root dictionary and picks the word whose shards hold the fewest rows;
//! an [`Index`] built from those rows and searched with the same [`Query`]
//! gives the same hits in the same order (ranks are a total order, so a
//! subset keeps their relative order), the same totals and the same facet
//! counts (they count only matches). The native test `shard_tests` checks
//! this against the full index.

use std::cell::Cell;
use std::collections::{BTreeSet, HashMap};
use std::fmt::{self, Write};

use fst::{IntoStreamer, Streamer};

use super::fuzzy::Fuzzy;
use super::normalize::{digits_only, for_each_token, is_legal_form};
use super::query::DEFAULT_PER_PAGE;
use super::{
    province_count, typos_allowed, FacetCounts, Index, IndexBuilder, Query, Results, Row, Sort,
    MAX_QUERY_WORDS,
};

/// The format version: the first line of every file names it.
pub const VERSION: u32 = 3;
const MAGIC: &str = "kemitraan-search";

/// Where each file lives, under the API root (`/api/v1/`).
pub const ROOT_PATH: &str = "search/root.txt";

/// One file of the index beyond the root.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ShardKey {
    /// `browse.txt`: the rows for the empty query.
    Browse,
    /// `terms/{s}.txt`: the rows of every partner holding a term of shard `s`.
    Terms(u32),
    /// `hoods/{t}-{n}.txt`: the rows of every partner holding a term within
    /// the typos allowed of the first `n` characters of term `t`
    /// (hoods.rs).
    Hood(u32, u8),
    /// `nib/{b}.txt`: the rows of every partner whose NIB falls in bucket `b`.
    Nib(u32),
    /// `lists/{name}-head.txt`: the first page of a facet value's partners
    /// in each order.
    Head(List),
    /// `lists/{name}-{n}.txt`: part `n` of a list's partners in A–Z order.
    Part(List, u32),
    /// `tops/{t}-{n}.txt`: the first pages of the word made of the first
    /// `n` characters of term `t` (tops.rs).
    Top(u32, u8),
    /// `pairs/{a}.{b}.txt`: the first pages, total and facet counts of the
    /// query selecting facet value `a` and facet value `b` of another facet
    /// (lists.rs).
    Pair(List, List),
}

impl ShardKey {
    /// The file's path under the API root.
    pub fn path(self) -> String {
        match self {
            ShardKey::Browse => "search/browse.txt".to_string(),
            ShardKey::Terms(s) => format!("search/terms/{s}.txt"),
            ShardKey::Hood(t, n) => format!("search/hoods/{t}-{n}.txt"),
            ShardKey::Nib(b) => format!("search/nib/{b}.txt"),
            ShardKey::Head(l) => format!("search/lists/{}-head.txt", l.name()),
            ShardKey::Part(l, n) => format!("search/lists/{}-{n}.txt", l.name()),
            ShardKey::Top(t, n) => format!("search/tops/{t}-{n}.txt"),
            ShardKey::Pair(a, b) => format!("search/pairs/{}.{}.txt", a.name(), b.name()),
        }
    }

    fn header(self) -> String {
        match self {
            ShardKey::Browse => "browse 0".to_string(),
            ShardKey::Terms(s) => format!("terms {s}"),
            ShardKey::Hood(t, n) => format!("hood {t} {n}"),
            ShardKey::Nib(b) => format!("nib {b}"),
            ShardKey::Head(l) => format!("head {}", l.name()),
            ShardKey::Part(l, n) => format!("part {} {n}", l.name()),
            ShardKey::Top(t, n) => format!("top {t} {n}"),
            ShardKey::Pair(a, b) => format!("pair {} {}", a.name(), b.name()),
        }
    }
}

/// A file that is not what its name promises: another version, cut short,
/// or garbled.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FormatError {
    /// The first line names another format or version.
    Version(String),
    /// Line `line` (1-based) is not what the format says.
    Corrupt {
        /// The file's path under the API root.
        file: String,
        /// The line, 1-based.
        line: usize,
    },
}

impl fmt::Display for FormatError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FormatError::Version(first) => write!(
                f,
                "search index: expected \"{MAGIC} {VERSION}\", found {first:?}"
            ),
            FormatError::Corrupt { file, line } => {
                write!(f, "search index: {file} is damaged at line {line}")
            }
        }
    }
}

impl std::error::Error for FormatError {}

/// Sizes the writer aims at; the defaults suit static hosting with gzip.
#[derive(Clone, Debug)]
pub struct WriteOptions {
    /// Consecutive terms share a shard until their rows reach this many; a
    /// term with more rows has a shard of its own.
    pub shard_rows: u32,
    /// Rows per NIB bucket, on average.
    pub nib_rows: u32,
    /// Up to this many partners, browse.txt holds them all (the empty query
    /// then filters and pages like a text query); above, it holds the first
    /// page of each order.
    pub browse_all: u32,
    /// The client fetches at most this many rows for one query (a quarter
    /// of it for a word of one or two letters); a broader query asks for
    /// more letters.
    pub cap: u32,
    /// Rows per part of a facet value's list (`lists/`).
    pub part_rows: u32,
    /// A word typed alone whose shards hold more rows than this gets a
    /// precomputed first page (`tops/`), so a keystroke fetches little; a
    /// word whose typos spread its matches over shards holding more rows
    /// than this, when its matches are fewer, gets a file of them alone
    /// (`hoods/`).
    pub budget: u32,
}

impl Default for WriteOptions {
    fn default() -> Self {
        WriteOptions {
            shard_rows: 60,
            nib_rows: 200,
            browse_all: 3000,
            cap: 10_000,
            part_rows: 500,
            budget: 600,
        }
    }
}

/// What [`write_index`] wrote.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct IndexStats {
    /// Partners indexed.
    pub partners: usize,
    /// Distinct words in the term dictionary.
    pub terms: usize,
    /// Files under `search/terms/`.
    pub term_shards: usize,
    /// Files under `search/nib/`.
    pub nib_shards: usize,
    /// Size of root.txt, in bytes.
    pub root_bytes: usize,
    /// All files, root included, before compression.
    pub total_bytes: usize,
    /// Rows in the largest term shard.
    pub largest_shard_rows: usize,
    /// Files under `search/lists/`.
    pub list_files: usize,
    /// Files under `search/tops/`.
    pub top_files: usize,
    /// Files under `search/hoods/`.
    pub hood_files: usize,
    /// Files under `search/pairs/`.
    pub pair_files: usize,
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;

/// FNV-1a, 64 bits: enough to tell two versions of a dataset apart (not a
/// defence against anyone), and no dependency.
fn fnv(mut h: u64, bytes: &[u8]) -> u64 {
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

fn header(key: ShardKey, rows: usize) -> String {
    format!("{MAGIC} {VERSION} {} {rows}\n", key.header())
}

fn write_rows(key: ShardKey, rows: &[Row], docs: &[u32]) -> String {
    let mut s = header(key, docs.len());
    for &d in docs {
        if let Some(r) = rows.get(d as usize) {
            r.encode(&mut s);
        }
    }
    s
}

/// Writes the index of `rows` (ids must be unique) through `out(path,
/// contents)`, root last: a dataset whose root exists is complete.
pub fn write_index<E>(
    rows: &[Row],
    opts: &WriteOptions,
    mut write: impl FnMut(&str, &str) -> Result<(), E>,
) -> Result<IndexStats, E> {
    // The content version: a hash of every file but the root, which names
    // it, so shard URLs change whenever any shard does (docs/api.md).
    let hash = Cell::new(FNV_OFFSET);
    let mut out = |path: &str, body: &str| {
        hash.set(fnv(fnv(hash.get(), path.as_bytes()), body.as_bytes()));
        write(path, body)
    };
    let mut stats = IndexStats {
        partners: rows.len(),
        ..IndexStats::default()
    };
    // Terms and the partners holding each, in partner order.
    let mut by_term: HashMap<String, Vec<u32>> = HashMap::new();
    for (d, r) in rows.iter().enumerate() {
        for_each_token(&r.name, |t| {
            let list = by_term.entry(t.to_owned()).or_default();
            if list.last() != Some(&(d as u32)) {
                list.push(d as u32);
            }
        });
    }
    let mut terms: Vec<(String, Vec<u32>)> = by_term.into_iter().collect();
    terms.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    stats.terms = terms.len();

    // Consecutive terms until `shard_rows`.
    let mut starts: Vec<u32> = Vec::new();
    let mut acc = 0usize;
    for (i, (_, docs)) in terms.iter().enumerate() {
        if starts.is_empty() || (acc > 0 && acc + docs.len() > opts.shard_rows as usize) {
            starts.push(i as u32);
            acc = 0;
        }
        acc += docs.len();
    }
    let mut shard_rows = Vec::with_capacity(starts.len());
    for (s, &a) in starts.iter().enumerate() {
        let b = starts.get(s + 1).map_or(terms.len(), |&b| b as usize);
        let mut docs: Vec<u32> = terms[a as usize..b]
            .iter()
            .flat_map(|(_, d)| d.iter().copied())
            .collect();
        docs.sort_unstable();
        docs.dedup();
        let key = ShardKey::Terms(s as u32);
        let body = write_rows(key, rows, &docs);
        stats.total_bytes += body.len();
        stats.largest_shard_rows = stats.largest_shard_rows.max(docs.len());
        out(&key.path(), &body)?;
        shard_rows.push(docs.len() as u32);
    }
    stats.term_shards = starts.len();

    // NIB buckets.
    let with_nib = rows.iter().filter(|r| r.nib.is_some()).count();
    let buckets = with_nib.div_ceil(opts.nib_rows.max(1) as usize).max(1);
    let mut bucket_docs: Vec<Vec<u32>> = vec![Vec::new(); buckets];
    for (d, r) in rows.iter().enumerate() {
        if let Some(n) = r.nib {
            bucket_docs[(n % buckets as u64) as usize].push(d as u32);
        }
    }
    for (b, docs) in bucket_docs.iter().enumerate() {
        let key = ShardKey::Nib(b as u32);
        let body = write_rows(key, rows, docs);
        stats.total_bytes += body.len();
        out(&key.path(), &body)?;
    }
    stats.nib_shards = buckets;

    // The empty query: totals, facets and the first page of each order.
    let mut builder = IndexBuilder::new();
    for r in rows {
        builder.add_row(r);
    }
    let index = builder.finish();
    let all = index.search(&Query::default());
    let complete = rows.len() <= opts.browse_all as usize;
    let top = DEFAULT_PER_PAGE;
    // The first page of `base` in each order, in dataset order.
    let first_pages = |base: Query| -> Vec<u32> {
        let mut set = BTreeSet::new();
        for sort in [Sort::Name, Sort::Agreements, Sort::Value] {
            let q = Query {
                sort,
                per_page: top,
                ..base.clone()
            };
            set.extend(index.search(&q).hits);
        }
        set.into_iter().collect()
    };
    let browse: Vec<u32> = if complete {
        (0..rows.len() as u32).collect()
    } else {
        first_pages(Query::default())
    };
    let body = write_rows(ShardKey::Browse, rows, &browse);
    stats.total_bytes += body.len();
    out(&ShardKey::Browse.path(), &body)?;

    // Per-facet-value lists (lists.rs), when browse.txt is not every row.
    let mut values: Vec<(u64, FacetCounts)> = Vec::new();
    let part_rows = opts.part_rows.max(1) as usize;
    if !complete {
        let mut by_name: Vec<u32> = (0..rows.len() as u32).collect();
        by_name.sort_unstable_by_key(|&d| index.rank_name[d as usize]);
        for list in std::iter::once(List::All).chain(List::values()) {
            let docs: Vec<u32> = by_name
                .iter()
                .copied()
                .filter(|&d| list.holds(&rows[d as usize]))
                .collect();
            for (n, part) in docs.chunks(part_rows).enumerate() {
                let key = ShardKey::Part(list, n as u32);
                let mut body = header(key, part.len());
                for &d in part {
                    rows[d as usize].encode(&mut body);
                }
                stats.total_bytes += body.len();
                stats.list_files += 1;
                out(&key.path(), &body)?;
            }
            if list != List::All {
                let key = ShardKey::Head(list);
                let body = write_rows(key, rows, &first_pages(list.query()));
                stats.total_bytes += body.len();
                stats.list_files += 1;
                out(&key.path(), &body)?;
                values.push((docs.len() as u64, index.search(&list.query()).facets));
            }
        }
        // Two facets, one value each (a province of the map and a kind...):
        // the first pages of the pairs whose smaller list is more than a
        // keystroke's budget (lists.rs).
        // Computed on every core, written in order, as the first pages below.
        let pending: Vec<Pending> = lists::pairs(&values, u64::from(opts.budget))
            .into_iter()
            .map(|(a, b)| {
                let mut q = a.query();
                lists::merge(&mut q, &b.query());
                q.per_page = top;
                Pending::Top(ShardKey::Pair(a, b), q)
            })
            .collect();
        for batch in chunks(pending, BATCH) {
            for (key, body) in finish(batch, &index, rows) {
                stats.total_bytes += body.len();
                stats.pair_files += 1;
                out(&key.path(), &body)?;
            }
        }
    }

    // The root after its version line.
    let mut root = String::new();
    let _ = writeln!(root, "partners {}", rows.len());
    let _ = writeln!(root, "cap {}", opts.cap);
    let _ = writeln!(root, "budget {}", opts.budget);
    let _ = writeln!(root, "browse {} {} {top}", browse.len(), u8::from(complete));
    let _ = writeln!(root, "parts {part_rows}");
    let _ = writeln!(root, "nib {buckets}");
    root.push_str("facets");
    for n in facet_numbers(&all.facets) {
        let _ = write!(root, " {n}");
    }
    root.push('\n');
    lists::write_root_lists(&mut root, &values);
    let _ = writeln!(root, "shards {}", starts.len());
    root.push_str("starts");
    for s in &starts {
        let _ = write!(root, " {s}");
    }
    root.push_str("\nrows");
    for r in &shard_rows {
        let _ = write!(root, " {r}");
    }
    let _ = writeln!(root, "\nterms {}", terms.len());
    for (t, docs) in &terms {
        let _ = writeln!(root, "{t}\t{}", docs.len());
    }
    root.push_str("end\n");

    // First pages of broad words (tops.rs) and typo neighbourhoods
    // (hoods.rs), decided by the parsed root as the client decides. A first
    // page is four searches of the whole index (at a million partners, tens
    // of thousands of them): they are computed in batches on every core and
    // written in the order they were planned, so the files and the version
    // hash do not depend on the threads.
    if let Ok(parsed) = Root::parse(&format!("{MAGIC} {VERSION} root\nversion 0\n{root}")) {
        let mut last = vec![String::new(); tops::MAX_CHARS + 1];
        let mut hoods_written: BTreeSet<ShardKey> = BTreeSet::new();
        let mut batch: Vec<Pending> = Vec::new();
        for (t, (term, _)) in terms.iter().enumerate() {
            let ends = term
                .char_indices()
                .map(|(i, _)| i)
                .skip(1)
                .chain(std::iter::once(term.len()));
            for (n, end) in ends.enumerate().map(|(i, e)| (i + 1, e)) {
                if n > tops::MAX_CHARS {
                    break;
                }
                let word = &term[..end];
                if n < tops::MIN_CHARS || last[n] == word {
                    continue;
                }
                last[n] = word.to_string();
                let options = parsed.word_options(word);
                for (_, files) in &options {
                    if let [key @ ShardKey::Hood(_, m)] = files.as_slice() {
                        if usize::from(*m) == n && hoods_written.insert(*key) {
                            debug_assert_eq!(*key, ShardKey::Hood(t as u32, n as u8));
                            let mut docs: Vec<u32> = Vec::new();
                            parsed.each_match(word, Root::typos_for(word), |i| {
                                if let Some((_, d)) = terms.get(i as usize) {
                                    docs.extend_from_slice(d);
                                }
                            });
                            docs.sort_unstable();
                            docs.dedup();
                            let body = write_rows(*key, rows, &docs);
                            stats.hood_files += 1;
                            batch.push(Pending::Ready(*key, body));
                        }
                    }
                }
                let least = options.iter().map(|(r, _)| *r).min().unwrap_or(0);
                let q = Query {
                    per_page: top,
                    ..Query::text(word)
                };
                let Some(key) = parsed.top_for(&q, word, least) else {
                    continue;
                };
                debug_assert_eq!(key, ShardKey::Top(t as u32, n as u8));
                stats.top_files += 1;
                batch.push(Pending::Top(key, q));
                if batch.len() >= BATCH {
                    for (key, body) in finish(std::mem::take(&mut batch), &index, rows) {
                        stats.total_bytes += body.len();
                        out(&key.path(), &body)?;
                    }
                }
            }
        }
        for (key, body) in finish(batch, &index, rows) {
            stats.total_bytes += body.len();
            out(&key.path(), &body)?;
        }
    }
    let root = format!(
        "{MAGIC} {VERSION} root\nversion {:016x}\n{root}",
        hash.get()
    );

    stats.root_bytes = root.len();
    stats.total_bytes += root.len();
    out(ROOT_PATH, &root)?;
    Ok(stats)
}

/// Files planned in order, some still to compute.
enum Pending {
    /// A file whose body is known.
    Ready(ShardKey, String),
    /// A file of first pages to compute ([`first_pages_file`]): `tops/`
    /// or `pairs/`.
    Top(ShardKey, Query),
}

/// First pages planned before their files are written (bounds the memory
/// held: at a million partners a batch is about 16 MB).
const BATCH: usize = 1024;

/// `v` cut into batches of at most `n`, in order.
fn chunks<T>(v: Vec<T>, n: usize) -> Vec<Vec<T>> {
    let mut out = Vec::new();
    let mut it = v.into_iter().peekable();
    while it.peek().is_some() {
        out.push(it.by_ref().take(n.max(1)).collect());
    }
    out
}

/// The bodies of `batch`, in its order, the first pages computed on every
/// core the machine has (one where threads are unavailable).
fn finish(batch: Vec<Pending>, index: &Index, rows: &[Row]) -> Vec<(ShardKey, String)> {
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(batch.len().max(1));
    let body = |p: Pending| match p {
        Pending::Ready(key, body) => (key, body),
        Pending::Top(key, q) => {
            let body = first_pages_file(key, index, rows, &q);
            (key, body)
        }
    };
    if threads <= 1 {
        return batch.into_iter().map(body).collect();
    }
    // Interleaved, so each thread gets words of every length.
    let mut parts: Vec<Vec<(usize, Pending)>> = (0..threads).map(|_| Vec::new()).collect();
    for (i, p) in batch.into_iter().enumerate() {
        parts[i % threads].push((i, p));
    }
    let mut done: Vec<(usize, (ShardKey, String))> = std::thread::scope(|scope| {
        let handles: Vec<_> = parts
            .into_iter()
            .map(|part| {
                scope.spawn(move || {
                    part.into_iter()
                        .map(|(i, p)| (i, body(p)))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    });
    done.sort_unstable_by_key(|(i, _)| *i);
    done.into_iter().map(|(_, f)| f).collect()
}

/// A file of the first page of `q` in each order (`q.per_page` rows each),
/// with its total and facet counts: `tops/` and `pairs/`.
fn first_pages_file(key: ShardKey, index: &Index, rows: &[Row], q: &Query) -> String {
    let pages = index.search_sorts(q, &Sort::ALL);
    let mut set = BTreeSet::new();
    for r in &pages {
        set.extend(r.hits.iter().copied());
    }
    let mut body = header(key, set.len());
    let (total, facets) = pages
        .first()
        .map_or((0, FacetCounts::new()), |r| (r.total, r.facets.clone()));
    let _ = write!(body, "total {total}");
    for n in facet_numbers(&facets) {
        let _ = write!(body, " {n}");
    }
    body.push('\n');
    for &d in &set {
        if let Some(r) = rows.get(d as usize) {
            r.encode(&mut body);
        }
    }
    body
}

fn facet_numbers(f: &FacetCounts) -> Vec<u32> {
    let mut v = Vec::new();
    v.extend_from_slice(&f.kinds);
    v.extend_from_slice(&f.sizes);
    v.extend_from_slice(&f.provinces);
    v.extend_from_slice(&f.sectors);
    v.extend_from_slice(&f.patterns);
    v
}

fn facet_count() -> usize {
    3 + 4 + province_count() + super::SECTORS + 11
}

/// The counts written by [`facet_numbers`], or None when there are not
/// exactly [`facet_count`] of them.
fn facets_from(f: &[u64]) -> Option<FacetCounts> {
    if f.len() != facet_count() || f.iter().any(|&n| n > u64::from(u32::MAX)) {
        return None;
    }
    let f: Vec<u32> = f.iter().map(|&n| n as u32).collect();
    let p = province_count();
    let mut facets = FacetCounts::new();
    facets.kinds.copy_from_slice(&f[0..3]);
    facets.sizes.copy_from_slice(&f[3..7]);
    facets.provinces.copy_from_slice(&f[7..7 + p]);
    facets
        .sectors
        .copy_from_slice(&f[7 + p..7 + p + super::SECTORS]);
    facets
        .patterns
        .copy_from_slice(&f[7 + p + super::SECTORS..]);
    Some(facets)
}

/// True when `text` has a word the engine searches for.
fn has_words(text: &str) -> bool {
    let mut any = false;
    for_each_token(text, |_| any = true);
    any
}

/// The root file, parsed: enough to plan any query.
pub struct Root {
    terms: fst::Map<Vec<u8>>,
    /// Partners holding each term.
    df: Vec<u32>,
    starts: Vec<u32>,
    shard_rows: Vec<u32>,
    partners: u64,
    cap: u64,
    browse_complete: bool,
    browse_top: u32,
    nib_buckets: u32,
    facets: FacetCounts,
    version: String,
    budget: u64,
    part_rows: u32,
    /// Per facet value: partners, and the facet counts of the value alone.
    values: Vec<(u64, FacetCounts)>,
}

/// What one word's automaton found in the dictionary.
struct Walk {
    /// Rows of the shards.
    rows: u64,
    /// The term shards of the matched terms, in order.
    shards: Vec<u32>,
    /// The matched terms' document frequencies, summed: at least the
    /// partners holding any of them.
    df: u64,
}

/// What a query needs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Plan {
    /// These files (sorted); the index of their rows answers the query.
    Fetch(Vec<ShardKey>),
    /// Every word matches more partners than one query may fetch: type
    /// more letters or another word.
    TooBroad,
    /// No text, with filters or past page 1, on a dataset too large to
    /// browse: type a name.
    NeedText,
}

/// Reads `key value...` lines.
struct Lines<'a> {
    file: &'a str,
    iter: std::iter::Enumerate<std::str::Lines<'a>>,
    at: usize,
}

impl<'a> Lines<'a> {
    fn corrupt(&self) -> FormatError {
        FormatError::Corrupt {
            file: self.file.to_string(),
            line: self.at,
        }
    }

    fn next(&mut self) -> Result<&'a str, FormatError> {
        match self.iter.next() {
            Some((i, l)) => {
                self.at = i + 1;
                Ok(l)
            }
            None => {
                self.at += 1;
                Err(self.corrupt())
            }
        }
    }

    /// The numbers after `key` on the next line.
    fn numbers(&mut self, key: &str) -> Result<Vec<u64>, FormatError> {
        let line = self.next()?;
        let mut parts = line.split(' ');
        if parts.next() != Some(key) {
            return Err(self.corrupt());
        }
        parts
            .filter(|p| !p.is_empty())
            .map(|p| p.parse::<u64>().map_err(|_| self.corrupt()))
            .collect()
    }

    fn number(&mut self, key: &str) -> Result<u64, FormatError> {
        match self.numbers(key)?.as_slice() {
            [n] => Ok(*n),
            _ => Err(self.corrupt()),
        }
    }
}

fn check_first_line(first: Option<&str>, rest: &str) -> Result<(), FormatError> {
    let expected = format!("{MAGIC} {VERSION} {rest}");
    match first {
        Some(l) if l == expected => Ok(()),
        other => Err(FormatError::Version(
            other.unwrap_or("").chars().take(60).collect(),
        )),
    }
}

impl Root {
    /// Parses root.txt; a file of another version or a damaged one is a
    /// [`FormatError`], never a wrong plan.
    pub fn parse(text: &str) -> Result<Root, FormatError> {
        let mut l = Lines {
            file: ROOT_PATH,
            iter: text.lines().enumerate(),
            at: 0,
        };
        check_first_line(l.next().ok(), "root")?;
        let version = match l.next()?.strip_prefix("version ") {
            Some(v) if !v.is_empty() && v.bytes().all(|b| b.is_ascii_alphanumeric()) => {
                v.to_string()
            }
            _ => return Err(l.corrupt()),
        };
        let partners = l.number("partners")?;
        let cap = l.number("cap")?;
        let budget = l.number("budget")?;
        let (browse_complete, browse_top) = match l.numbers("browse")?.as_slice() {
            [_, c @ 0..=1, top] => (*c == 1, u32::try_from(*top).map_err(|_| l.corrupt())?),
            _ => return Err(l.corrupt()),
        };
        let part_rows = u32::try_from(l.number("parts")?).map_err(|_| l.corrupt())?;
        let nib_buckets = u32::try_from(l.number("nib")?).map_err(|_| l.corrupt())?;
        let facets = facets_from(&l.numbers("facets")?).ok_or_else(|| l.corrupt())?;
        let list_count = l.number("lists")? as usize;
        if list_count != 0 && (list_count != facet_count() || part_rows == 0) {
            return Err(l.corrupt());
        }
        let mut values = Vec::with_capacity(list_count);
        for v in 0..list_count {
            let line = l.next()?;
            let mut parts = line.split('\t');
            let (Some(name), Some(count), Some(nums), None) =
                (parts.next(), parts.next(), parts.next(), parts.next())
            else {
                return Err(l.corrupt());
            };
            let nums: Option<Vec<u64>> = nums.split(' ').map(|n| n.parse().ok()).collect();
            match (count.parse::<u64>(), nums.as_deref().and_then(facets_from)) {
                (Ok(count), Some(f)) if name == List::Value(v as u8).name() => {
                    values.push((count, f))
                }
                _ => return Err(l.corrupt()),
            }
        }
        let shards = l.number("shards")? as usize;
        let to_u32 = |v: Vec<u64>| -> Option<Vec<u32>> {
            v.into_iter().map(|n| u32::try_from(n).ok()).collect()
        };
        let starts = to_u32(l.numbers("starts")?).ok_or_else(|| l.corrupt())?;
        let shard_rows = to_u32(l.numbers("rows")?).ok_or_else(|| l.corrupt())?;
        let count = l.number("terms")? as usize;
        if starts.len() != shards
            || shard_rows.len() != shards
            || starts.first().is_some_and(|&s| s != 0)
            || starts.windows(2).any(|w| w[0] >= w[1])
            || starts.last().is_some_and(|&s| s as usize >= count)
            || (count > 0 && shards == 0)
        {
            return Err(l.corrupt());
        }
        let mut build = fst::MapBuilder::memory();
        let mut df = Vec::with_capacity(count.min(1 << 24));
        for i in 0..count {
            let line = l.next()?;
            let (term, n) = line.split_once('\t').ok_or_else(|| l.corrupt())?;
            df.push(n.parse::<u32>().map_err(|_| l.corrupt())?);
            // Out of order or repeated terms fail here.
            build
                .insert(term.as_bytes(), i as u64)
                .map_err(|_| l.corrupt())?;
        }
        if l.next()? != "end" {
            return Err(l.corrupt());
        }
        let terms = build
            .into_inner()
            .ok()
            .and_then(|b| fst::Map::new(b).ok())
            .ok_or_else(|| l.corrupt())?;
        Ok(Root {
            terms,
            df,
            starts,
            shard_rows,
            partners,
            cap,
            browse_complete,
            browse_top,
            nib_buckets,
            facets,
            version,
            budget,
            part_rows,
            values,
        })
    }

    /// The content version of the index (a hash of every file but the
    /// root).
    pub fn version(&self) -> &str {
        &self.version
    }

    /// The URL of `key` under the API root, with the version as a query
    /// (`search/terms/3.txt?v=…`): a cache keyed by URL never mixes two
    /// versions of the index.
    pub fn url(&self, key: ShardKey) -> String {
        format!("{}?v={}", key.path(), self.version)
    }

    fn lists(&self) -> lists::Lists<'_> {
        lists::Lists {
            partners: self.partners,
            cap: self.cap,
            top: u64::from(self.browse_top),
            part_rows: u64::from(self.part_rows),
            budget: self.budget,
            facets: &self.facets,
            values: &self.values,
        }
    }

    /// Partners in the dataset.
    pub fn partners(&self) -> u64 {
        self.partners
    }

    /// Distinct words in the term dictionary.
    pub fn term_count(&self) -> usize {
        self.terms.len()
    }

    fn shard_of(&self, term: u64) -> u32 {
        (self.starts.partition_point(|&s| u64::from(s) <= term) as u32).saturating_sub(1)
    }

    /// The typos allowed for `word` (none for a number).
    fn typos_for(word: &str) -> u8 {
        if word.bytes().all(|b| b.is_ascii_digit()) {
            0
        } else {
            typos_allowed(word.chars().count())
        }
    }

    /// The term shards holding every partner `word` can match with `k`
    /// typos (or as a prefix), the rows they hold, and the partners holding
    /// each matched term, summed.
    fn walk(&self, word: &str, k: u8) -> Walk {
        // Terms come in order, so their shards do too: no set needed.
        let mut shards: Vec<u32> = Vec::new();
        let mut df = 0u64;
        self.each_match(word, k, |term| {
            let s = self.shard_of(term);
            if shards.last() != Some(&s) {
                shards.push(s);
            }
            df += u64::from(self.df.get(term as usize).copied().unwrap_or(0));
        });
        let rows = shards
            .iter()
            .map(|&s| u64::from(self.shard_rows.get(s as usize).copied().unwrap_or(0)))
            .sum();
        Walk { rows, shards, df }
    }

    /// Calls `f` with the number of each term `word` matches with `k` typos
    /// or as a prefix, in order.
    fn each_match(&self, word: &str, k: u8, mut f: impl FnMut(u64)) {
        let aut = Fuzzy::new(word, k, true);
        let mut stream = self.terms.search_with_state(&aut).into_stream();
        while let Some((_, term, state)) = stream.next() {
            if state.whole(&aut).is_some() || state.prefix(&aut).is_some() {
                f(term);
            }
        }
    }

    /// The files that hold every partner `word` can match: its term shards,
    /// or the one file of its typo neighbourhood (hoods.rs) when there is
    /// one; each with the rows it holds (at most, for a neighbourhood).
    fn word_options(&self, word: &str) -> Vec<(u64, Vec<ShardKey>)> {
        let w = self.walk(word, Self::typos_for(word));
        let mut options = vec![(w.rows, w.shards.into_iter().map(ShardKey::Terms).collect())];
        if let Some((key, rows)) = self.hood_for(word) {
            options.push((rows, vec![key]));
        }
        options
    }

    /// The files `q` needs, in [`ShardKey`] order (see the module doc for
    /// why they suffice), with nothing fetched yet.
    pub fn plan(&self, q: &Query) -> Plan {
        self.plan_cached(q, &|_| false)
    }

    /// [`Root::plan`] when the files for which `cached` is true are already
    /// here: among the query's words, the one whose shards *not yet here*
    /// hold the fewest rows is chosen (any word's shards hold every match,
    /// so the answer is the same), so a second word typed after a fetched
    /// one fetches nothing new when the first word's shards answer it.
    pub fn plan_cached(&self, q: &Query, cached: &dyn Fn(ShardKey) -> bool) -> Plan {
        let mut words: Vec<String> = Vec::new();
        for_each_token(&q.text, |t| words.push(t.to_owned()));
        if words.is_empty() {
            if self.browse_complete {
                return Plan::Fetch(vec![ShardKey::Browse]);
            }
            return match self.lists().browse(q).keys() {
                Some(keys) => Plan::Fetch(keys),
                None => Plan::NeedText,
            };
        }
        let mut nib = None;
        if let Some(digits) = digits_only(&q.text) {
            if let (13, Ok(n)) = (digits.len(), digits.parse::<u64>()) {
                if self.nib_buckets > 0 {
                    nib = Some(ShardKey::Nib((n % u64::from(self.nib_buckets)) as u32));
                }
            }
        }
        let mut keys = Vec::new();
        let one_word = words.len() == 1 && nib.is_none();
        let (mut required, legal): (Vec<String>, Vec<String>) =
            words.into_iter().partition(|w| !is_legal_form(w));
        if required.is_empty() {
            required = legal;
        }
        required.truncate(MAX_QUERY_WORDS);
        // Per word, the option whose files not yet here hold the fewest
        // rows: (rows not here yet, its rows, the word's fewest rows of any
        // option, the word is short, its files).
        let row_count = |k: &ShardKey| match k {
            ShardKey::Terms(s) => u64::from(self.shard_rows.get(*s as usize).copied().unwrap_or(0)),
            _ => 0,
        };
        let best = required
            .iter()
            .filter_map(|w| {
                let options = self.word_options(w);
                let least = options.iter().map(|(rows, _)| *rows).min().unwrap_or(0);
                options
                    .into_iter()
                    .map(|(rows, files)| {
                        let new: u64 = match files.as_slice() {
                            [k @ ShardKey::Hood(..)] if !cached(*k) => rows,
                            _ => files.iter().filter(|k| !cached(**k)).map(row_count).sum(),
                        };
                        (new, rows, least, w.chars().count() <= 2, files)
                    })
                    .min_by_key(|(new, rows, ..)| (*new, *rows))
            })
            .min_by_key(|(new, rows, ..)| (*new, *rows));
        // The limits below are on the word's fewest rows, cached or not: a
        // keystroke is answered the same way whatever this visit fetched.
        if let Some((_, _, rows, short, files)) = best {
            if one_word {
                if let Some(top) = required.first().and_then(|w| self.top_for(q, w, rows)) {
                    return Plan::Fetch(vec![top]);
                }
            }
            // A word of one or two letters is most often the start of a
            // longer one: fetching for it would be mostly wasted.
            // Nor is it given a precomputed page (tops.rs): above a
            // keystroke's budget it asks for more letters.
            let cap = if short {
                (self.cap / 4).min(self.budget)
            } else {
                self.cap
            };
            if rows > cap {
                return Plan::TooBroad;
            }
            keys.extend(files);
        }
        // Terms before NIB buckets: the keys' order, without a sort.
        keys.extend(nib);
        Plan::Fetch(keys)
    }

    /// Runs `q` over `index`, the index of the rows of `plan`'s files.
    /// Without words on a dataset too large to browse, the total, pages and
    /// facet counts the rows cannot give are the root's (lists.rs).
    pub fn search(&self, q: &Query, index: &Index) -> Results {
        self.search_with(q, index, None)
    }

    /// [`Root::search`], given the totals of the files fetched for `q`'s
    /// plan (only a precomputed first page, `tops/`, has them; they are the
    /// answer's total and counts).
    pub fn search_with(&self, q: &Query, index: &Index, totals: Option<&Totals>) -> Results {
        if let Some(t) = totals {
            let mut r = index.search(&Query {
                page: 1,
                ..q.clone()
            });
            r.total = t.total as usize;
            r.pages = t.total.div_ceil(u64::from(q.per_page.max(1))).max(1) as u32;
            r.page = 1;
            r.facets = t.facets.clone();
            return r;
        }
        if self.browse_complete || has_words(&q.text) {
            return index.search(q);
        }
        let per_page = u64::from(q.per_page.max(1));
        let paged = |total: u64| {
            let pages = total.div_ceil(per_page).max(1);
            (pages, u64::from(q.page.max(1)).min(pages))
        };
        match self.lists().browse(q) {
            lists::Browse::Heads { total, facets, .. } => {
                let first = Query {
                    page: 1,
                    ..q.clone()
                };
                let mut r = index.search(&first);
                r.total = total as usize;
                r.pages = paged(total).0 as u32;
                r.page = 1;
                r.facets = facets;
                r
            }
            lists::Browse::Slice {
                total,
                facets,
                skip,
                ..
            } => {
                let (pages, page) = paged(total);
                let start = (page - 1) * per_page;
                let n = total.saturating_sub(start).min(per_page);
                // The parts' rows in A–Z order; the page is `n` of them
                // from `skip`.
                let all = index.search(&Query {
                    sort: Sort::Name,
                    per_page: u32::try_from(skip + n).unwrap_or(u32::MAX).max(1),
                    ..Query::default()
                });
                let from = (skip as usize).min(all.hits.len());
                Results {
                    hits: all.hits[from..].to_vec(),
                    total: total as usize,
                    page: page as u32,
                    pages: pages as u32,
                    facets,
                }
            }
            lists::Browse::Rows { own, .. } => {
                let mut r = index.search(q);
                if let Some((f, counts)) = own {
                    lists::copy_facet(&mut r.facets, &counts, f);
                }
                r
            }
            // The pair's file carries the totals; without them, the rows.
            lists::Browse::NeedText | lists::Browse::Pair(_) => index.search(q),
        }
    }
}

/// The rows of one shard file, checked against the key it was fetched for.
pub fn parse_shard(key: ShardKey, text: &str) -> Result<Vec<Row>, FormatError> {
    parse_file(key, text).map(|(rows, _)| rows)
}

/// The rows of one file, and its totals for a precomputed first page
/// (`tops/`), checked against the key it was fetched for.
pub fn parse_file(key: ShardKey, text: &str) -> Result<(Vec<Row>, Option<Totals>), FormatError> {
    let file = key.path();
    let corrupt = |line: usize| FormatError::Corrupt {
        file: file.clone(),
        line,
    };
    let mut lines = text.lines();
    let first = lines.next().unwrap_or("");
    let expected = format!("{MAGIC} {VERSION} {} ", key.header());
    let Some(count) = first.strip_prefix(&expected) else {
        return Err(if first.starts_with(&format!("{MAGIC} {VERSION} ")) {
            corrupt(1)
        } else {
            FormatError::Version(first.chars().take(60).collect())
        });
    };
    let count = count.parse::<u64>().map_err(|_| corrupt(1))? as usize;
    let mut skip = 1;
    let totals = match key {
        ShardKey::Top(..) | ShardKey::Pair(..) => {
            skip = 2;
            let line = lines.next().unwrap_or("");
            let mut nums = line.strip_prefix("total ").unwrap_or("").split(' ');
            let total = nums.next().and_then(|n| n.parse::<u64>().ok());
            let rest: Option<Vec<u64>> = nums.map(|n| n.parse().ok()).collect();
            match (total, rest.as_deref().and_then(facets_from)) {
                (Some(total), Some(facets)) => Some(Totals { total, facets }),
                _ => return Err(corrupt(2)),
            }
        }
        _ => None,
    };
    let mut rows = Vec::with_capacity(count.min(1 << 20));
    for (i, line) in lines.enumerate() {
        rows.push(Row::decode(line).ok_or_else(|| corrupt(i + 1 + skip))?);
    }
    if rows.len() != count {
        return Err(corrupt(rows.len() + 1 + skip));
    }
    Ok((rows, totals))
}

/// The index of the rows of several shards, each partner once.
pub fn index_of<'a>(shards: impl IntoIterator<Item = &'a [Row]>) -> Index {
    // The map type the builder already uses: no new hash table in the wasm.
    let mut seen: HashMap<String, u32> = HashMap::new();
    let mut b = IndexBuilder::new();
    for rows in shards {
        for r in rows {
            if seen.insert(r.id.clone(), 0).is_none() {
                b.add_row(r);
            }
        }
    }
    b.finish()
}

mod hoods;
mod lists;
mod tops;
pub use lists::List;
pub use tops::Totals;

#[cfg(test)]
mod tests;
