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
pub const VERSION: u32 = 1;
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
    /// `nib/{b}.txt`: the rows of every partner whose NIB falls in bucket `b`.
    Nib(u32),
}

impl ShardKey {
    /// The file's path under the API root.
    pub fn path(self) -> String {
        match self {
            ShardKey::Browse => "search/browse.txt".to_string(),
            ShardKey::Terms(s) => format!("search/terms/{s}.txt"),
            ShardKey::Nib(b) => format!("search/nib/{b}.txt"),
        }
    }

    fn header(self) -> String {
        match self {
            ShardKey::Browse => "browse 0".to_string(),
            ShardKey::Terms(s) => format!("terms {s}"),
            ShardKey::Nib(b) => format!("nib {b}"),
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
}

impl Default for WriteOptions {
    fn default() -> Self {
        WriteOptions {
            shard_rows: 150,
            nib_rows: 200,
            browse_all: 3000,
            cap: 10_000,
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
    mut out: impl FnMut(&str, &str) -> Result<(), E>,
) -> Result<IndexStats, E> {
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
    let browse: Vec<u32> = if complete {
        (0..rows.len() as u32).collect()
    } else {
        let mut set = BTreeSet::new();
        for sort in [Sort::Name, Sort::Agreements, Sort::Value] {
            let q = Query {
                sort,
                per_page: top,
                ..Query::default()
            };
            set.extend(index.search(&q).hits);
        }
        set.into_iter().collect()
    };
    let body = write_rows(ShardKey::Browse, rows, &browse);
    stats.total_bytes += body.len();
    out(&ShardKey::Browse.path(), &body)?;

    let mut root = format!("{MAGIC} {VERSION} root\n");
    let _ = writeln!(root, "partners {}", rows.len());
    let _ = writeln!(root, "cap {}", opts.cap);
    let _ = writeln!(root, "browse {} {} {top}", browse.len(), u8::from(complete));
    let _ = writeln!(root, "nib {buckets}");
    root.push_str("facets");
    for n in facet_numbers(&all.facets) {
        let _ = write!(root, " {n}");
    }
    let _ = writeln!(root, "\nshards {}", starts.len());
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
    stats.root_bytes = root.len();
    stats.total_bytes += root.len();
    out(ROOT_PATH, &root)?;
    Ok(stats)
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

/// The root file, parsed: enough to plan any query.
pub struct Root {
    terms: fst::Map<Vec<u8>>,
    starts: Vec<u32>,
    shard_rows: Vec<u32>,
    partners: u64,
    cap: u64,
    browse_complete: bool,
    browse_top: u32,
    nib_buckets: u32,
    facets: FacetCounts,
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
        let partners = l.number("partners")?;
        let cap = l.number("cap")?;
        let (browse_complete, browse_top) = match l.numbers("browse")?.as_slice() {
            [_, c @ 0..=1, top] => (*c == 1, u32::try_from(*top).map_err(|_| l.corrupt())?),
            _ => return Err(l.corrupt()),
        };
        let nib_buckets = u32::try_from(l.number("nib")?).map_err(|_| l.corrupt())?;
        let f = l.numbers("facets")?;
        if f.len() != facet_count() || f.iter().any(|&n| n > u64::from(u32::MAX)) {
            return Err(l.corrupt());
        }
        let f: Vec<u32> = f.into_iter().map(|n| n as u32).collect();
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
        for i in 0..count {
            let line = l.next()?;
            let (term, _df) = line.split_once('\t').ok_or_else(|| l.corrupt())?;
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
            starts,
            shard_rows,
            partners,
            cap,
            browse_complete,
            browse_top,
            nib_buckets,
            facets,
        })
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

    /// The term shards holding every partner `word` can match, and the rows
    /// they hold.
    fn word_shards(&self, word: &str) -> (u64, Vec<u32>) {
        let k = if word.bytes().all(|b| b.is_ascii_digit()) {
            0
        } else {
            typos_allowed(word.chars().count())
        };
        let aut = Fuzzy::new(word, k, true);
        // Terms come in order, so their shards do too: no set needed.
        let mut shards: Vec<u32> = Vec::new();
        let mut stream = self.terms.search_with_state(&aut).into_stream();
        while let Some((_, term, state)) = stream.next() {
            if state.whole(&aut).is_some() || state.prefix(&aut).is_some() {
                let s = self.shard_of(term);
                if shards.last() != Some(&s) {
                    shards.push(s);
                }
            }
        }
        let rows = shards
            .iter()
            .map(|&s| u64::from(self.shard_rows.get(s as usize).copied().unwrap_or(0)))
            .sum();
        (rows, shards)
    }

    /// The files `q` needs, in [`ShardKey`] order (see the module doc for
    /// why they suffice).
    pub fn plan(&self, q: &Query) -> Plan {
        let mut words: Vec<String> = Vec::new();
        for_each_token(&q.text, |t| words.push(t.to_owned()));
        if words.is_empty() {
            let first_page = !q.has_filters() && q.page <= 1 && q.per_page <= self.browse_top;
            return if self.browse_complete || first_page {
                Plan::Fetch(vec![ShardKey::Browse])
            } else {
                Plan::NeedText
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
        let (mut required, legal): (Vec<String>, Vec<String>) =
            words.into_iter().partition(|w| !is_legal_form(w));
        if required.is_empty() {
            required = legal;
        }
        required.truncate(MAX_QUERY_WORDS);
        // (rows, the word is short, its shards)
        let best = required
            .iter()
            .map(|w| {
                let (rows, shards) = self.word_shards(w);
                (rows, w.chars().count() <= 2, shards)
            })
            .min_by_key(|(rows, _, _)| *rows);
        if let Some((rows, short, shards)) = best {
            // A word of one or two letters is most often the start of a
            // longer one: fetching for it would be mostly wasted.
            let cap = if short { self.cap / 4 } else { self.cap };
            if rows > cap {
                return Plan::TooBroad;
            }
            keys.extend(shards.into_iter().map(ShardKey::Terms));
        }
        // Terms before NIB buckets: the keys' order, without a sort.
        keys.extend(nib);
        Plan::Fetch(keys)
    }

    /// Runs `q` over `index`, the index of the rows of `plan`'s files. For
    /// the empty query on a dataset too large to browse, the total, pages
    /// and facets are the root's (the index holds only the first pages).
    pub fn search(&self, q: &Query, index: &Index) -> Results {
        let mut r = index.search(q);
        let empty = q.text.chars().all(|c| !c.is_alphanumeric());
        if empty && !self.browse_complete {
            let per_page = u64::from(q.per_page.max(1));
            r.total = self.partners as usize;
            r.pages = self.partners.div_ceil(per_page).max(1) as u32;
            r.facets = self.facets.clone();
        }
        r
    }
}

/// The rows of one shard file, checked against the key it was fetched for.
pub fn parse_shard(key: ShardKey, text: &str) -> Result<Vec<Row>, FormatError> {
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
    let mut rows = Vec::with_capacity(count.min(1 << 20));
    for (i, line) in lines.enumerate() {
        rows.push(Row::decode(line).ok_or_else(|| corrupt(i + 2))?);
    }
    if rows.len() != count {
        return Err(corrupt(rows.len() + 2));
    }
    Ok(rows)
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

#[cfg(test)]
mod tests;
