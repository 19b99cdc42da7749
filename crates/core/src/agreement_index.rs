//! Precomputed aggregates of the agreement list, so `/perjanjian` shows its
//! first page and exact totals without loading every agreement.
//!
//! The data tool writes them under `aggregates/` (see `docs/api.md`):
//!
//! - `aggregates/index.json` ([`AgreementIndex`]): a totals *cube* over the
//!   filters that do not depend on the day (year signed × pattern × UMKM
//!   province × company kind × UMKM class → count, committed, realised),
//!   so the totals of any combination of those filters are a sum of cells;
//!   and the list of *shards*.
//! - `aggregates/shards/{key}/{value}/page-{n}.json`: the agreements of one
//!   filter value (`tahun`, `pola`, `provinsi` of either party, `acara`), in
//!   the list's default order, [`SHARD_PAGE_SIZE`] a page. The year shards,
//!   newest year first, are the whole list in default order. Filters with
//!   few values (company kind, class) get no shard: a third to a half of the
//!   list matches them, so reading the list in order finds a page of them
//!   within a page or two; `provinsi_umkm` reads the `provinsi` shard, which
//!   holds it. Each shard is a copy of part of the list, so every shard
//!   dimension costs about one more copy of the list on disk.
//! - `aggregates/sorted/{sort}/page-{n}.json`: the first
//!   [`SORTED_PAGES`] pages of the whole list in each order.
//! - `aggregates/figures.json` ([`Figures`]): what the home page, the
//!   presentation and program mode need (each event's agreements, the
//!   largest partnership, values by year signed).
//!
//! [`AgreementIndex::plan`] picks, for a query, where its rows come from
//! (the smallest applicable shard, the sorted pages, or every list page) and
//! whether its totals are known at once; [`visible`] decides, from the rows
//! loaded so far, whether the page asked for and the totals are exact yet.
//! Filters that cannot be precomputed (status depends on today's date; value
//! range; text) narrow the loaded rows with [`AgreementQuery::apply`].

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::agreement_query::{compare, totals, AgreementQuery, Sort, Totals};
use crate::model::{AgreementSummary, Kind};
use crate::money::percent_of;
use crate::pattern::Pattern;
use crate::province::ProvinceCode;
use crate::size_class::SizeClass;
use crate::Rupiah;

/// Version of the files under `aggregates/`; bumped on an incompatible
/// change (2: the cube moved out of `index.json` into `cube/`, timelines per
/// key value and pair of values, page maps).
pub const VERSION: u32 = 2;
/// Lists with at least this many agreements get a status timeline per pair
/// of key values; below it, reading the rows is cheap (12 pages).
pub const PAIRS_FROM: usize = 3_000;
/// The most timeline files one view's totals may sum.
pub const MAX_TIMELINES: usize = 16;
/// Agreements per shard page and per sorted page.
pub const SHARD_PAGE_SIZE: u32 = 250;
/// Pages written of the whole list in each order (the first 1 000 rows).
pub const SORTED_PAGES: u32 = 4;

/// File names under the dataset's base URL.
pub mod paths {
    use super::{Dim, Sort};

    /// `aggregates/index.json`.
    pub const INDEX: &str = "aggregates/index.json";
    /// `aggregates/figures.json`.
    pub const FIGURES: &str = "aggregates/figures.json";

    /// `page` is 1-based.
    pub fn shard_page(dim: Dim, value: &str, page: u32) -> String {
        format!("aggregates/shards/{}/{value}/page-{page}.json", dim.key())
    }

    /// `page` is 1-based.
    pub fn sorted_page(sort: Sort, page: u32) -> String {
        format!("aggregates/sorted/{}/page-{page}.json", sort.code())
    }

    /// The status timeline of the whole list.
    pub const TIMELINE_ALL: &str = "aggregates/timeline/all.json";

    /// The status timeline of one shard.
    pub fn timeline(dim: Dim, value: &str) -> String {
        format!("aggregates/timeline/{}/{value}.json", dim.key())
    }

    /// The status timeline of the agreements with one value of a key.
    pub fn key_timeline(key: super::Key, value: &str) -> String {
        format!("aggregates/timeline/{}/{value}.json", key.key())
    }

    /// The status timeline of the agreements with a value of each of
    /// several keys (in [`super::Key::ALL`] order).
    pub fn combo_timeline(values: &[(super::Key, &str)]) -> String {
        let parts: Vec<String> = values
            .iter()
            .map(|(k, v)| format!("{}/{v}", k.key()))
            .collect();
        format!("aggregates/timeline/{}.json", parts.join("/"))
    }

    /// The cube of the whole list.
    pub const CUBE_ALL: &str = "aggregates/cube/all.json";

    /// The cube of one `provinsi` or `acara` shard.
    pub fn cube(dim: Dim, value: &str) -> String {
        format!("aggregates/cube/{}/{value}.json", dim.key())
    }

    /// The page map of one shard.
    pub fn page_map(dim: Dim, value: &str) -> String {
        format!("aggregates/pages/{}/{value}.json", dim.key())
    }
}

pub mod key;
pub mod page_map;
pub mod timeline;
pub use key::{combos, Combo, Key, KeyValues, TimelineSets, COMBO_KEYS};
pub use page_map::PageMap;
pub use timeline::Timeline;

/// A filter with one shard per value; serialized as its URL key.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Dim {
    #[serde(rename = "tahun")]
    /// Year signed (`tahun`).
    Year,
    #[serde(rename = "pola")]
    /// Pattern (`pola`).
    Pattern,
    /// Either party's province: an agreement is in two shards when the
    /// parties' provinces differ.
    #[serde(rename = "provinsi")]
    Province,
    #[serde(rename = "acara")]
    /// Signing event (`acara`).
    Event,
}

impl Dim {
    /// Every shard dimension, in the order of the index.
    pub const ALL: [Dim; 4] = [Dim::Year, Dim::Pattern, Dim::Province, Dim::Event];

    /// The filter key of this dimension (every shard dimension is one).
    pub fn as_key(self) -> Key {
        match self {
            Dim::Year => Key::Year,
            Dim::Pattern => Key::Pattern,
            Dim::Province => Key::Province,
            Dim::Event => Key::Event,
        }
    }

    /// The URL key of the filter, also the shard folder.
    pub fn key(self) -> &'static str {
        self.as_key().key()
    }

    /// The shard values an agreement belongs to in this dimension.
    pub fn values(self, a: &AgreementSummary) -> Vec<String> {
        self.as_key().values(a)
    }
}

/// The URL code of a size class (as `kelas=` writes it).
pub fn size_code(c: SizeClass) -> &'static str {
    match c {
        SizeClass::Mikro => "mikro",
        SizeClass::Kecil => "kecil",
        SizeClass::Menengah => "menengah",
        SizeClass::Besar => "besar",
    }
}

/// Count and sums of a set of agreements.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sums {
    /// How many agreements.
    pub count: u64,
    /// Their committed value.
    pub committed: Rupiah,
    /// Their realised value.
    pub realised: Rupiah,
}

impl Sums {
    /// Adds one agreement; `None` when a sum passes `i64::MAX` (the data
    /// tool refuses such a dataset, as `summary.json` does).
    fn add(&mut self, value: Rupiah, realised: Rupiah) -> Option<()> {
        self.count += 1;
        self.committed = self.committed.checked_add(value)?;
        self.realised = self.realised.checked_add(realised)?;
        Some(())
    }

    /// The totals of the list these sums describe.
    pub fn totals(self) -> Totals {
        Totals {
            count: self.count,
            committed: self.committed,
            realised: self.realised,
            realisation_bp: percent_of(self.realised, self.committed),
            saturated: false,
        }
    }
}

/// One shard: the agreements of one filter value.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShardInfo {
    /// The filter.
    pub dim: Dim,
    /// The filter value, as the URL writes it.
    pub value: String,
    /// Pages of the shard.
    pub pages: u32,
    #[serde(flatten)]
    /// Count and sums of the shard.
    pub sums: Sums,
}

/// The values of each cube dimension; a cell names them by position.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CubeDims {
    /// Years signed.
    pub years: Vec<i32>,
    /// Patterns.
    pub patterns: Vec<Pattern>,
    /// UMKM provinces.
    pub umkm_provinces: Vec<ProvinceCode>,
    /// Company kinds.
    pub company_kinds: Vec<Kind>,
    /// `null` for an agreement whose UMKM has no size class.
    pub sizes: Vec<Option<SizeClass>>,
}

/// `aggregates/index.json`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgreementIndex {
    /// Format version ([`VERSION`]).
    pub version: u32,
    /// The whole list.
    #[serde(flatten)]
    pub all: Sums,
    /// Agreements per shard and sorted page.
    pub page_size: u32,
    /// Pages under `aggregates/sorted/{sort}/`, the same for each order.
    pub sorted_pages: u32,
    /// The values of the cube's dimensions (the cells are in [`Cube`]
    /// files).
    pub dims: CubeDims,
    /// Every shard, by dimension (in [`Dim::ALL`] order) then value.
    pub shards: Vec<ShardInfo>,
    /// Which status timelines exist.
    pub timelines: TimelineSets,
}

/// `aggregates/cube/all.json` (the whole list) and
/// `aggregates/cube/{provinsi|acara}/{value}.json` (one shard's agreements).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cube {
    /// Format version ([`VERSION`]).
    pub version: u32,
    /// `[year, pattern, umkm_province, company_kind, size, count, committed,
    /// realised]`: five positions into the index's [`CubeDims`], then the
    /// sums. Only cells that hold an agreement, in ascending order.
    pub cells: Vec<[i64; 8]>,
}

/// Where a view's totals come from when the index alone does not give
/// them: files the client fetches, then [`AgreementIndex::cube_totals`] or
/// [`Timeline::sum_totals`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TotalsFrom {
    /// The selected cells of this cube file.
    Cube(String),
    /// The sum of these timelines' totals for the query's statuses (all
    /// when none) on the reader's day; no file: zero.
    Timelines(Vec<String>),
}

/// Where the rows of a view come from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Source {
    /// The precomputed first pages of the whole list in this order.
    Sorted(Sort),
    /// The union of these shards (positions in [`AgreementIndex::shards`]),
    /// read in this order; empty when a selected value has no agreement.
    Shards(Vec<usize>),
}

/// How to show one query.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Plan {
    /// Where the rows come from.
    pub source: Source,
    /// The totals when they are known without loading anything more.
    pub totals: Option<Totals>,
    /// The loaded rows, filtered and sorted, keep the order of the files,
    /// so the first matches are the list's first rows before the source is
    /// loaded entirely.
    pub prefix_ordered: bool,
    /// When `totals` is `None`: the files that give them without reading
    /// the rows; `None` when only the rows can (they are then counted).
    pub totals_from: Option<TotalsFrom>,
    /// The page maps of the source's shards, in order, when they let the
    /// view skip pages ([`AgreementIndex::pages_to_read`]); else empty.
    pub page_maps: Vec<String>,
}

/// At most this many timelines are preferred to a cube file for the
/// totals without a status (a cube is the larger file at scale).
const TIMELINES_OVER_CUBE: usize = 4;

impl AgreementIndex {
    /// The cube file holding `q`'s totals: the whole list's when `q`
    /// filters only on the cube's five dimensions; one `provinsi` (either
    /// party) or `acara` shard's when `q` has exactly that one value
    /// besides them. `None` for a status, text, value range, several
    /// provinces, or a province and an event.
    pub fn cube_for(&self, q: &AgreementQuery) -> Option<String> {
        if !q.text.is_empty()
            || q.min_value.is_some()
            || q.max_value.is_some()
            || !q.statuses.is_empty()
        {
            return None;
        }
        match (q.provinces.as_slice(), &q.event) {
            ([], None) => Some(paths::CUBE_ALL.to_string()),
            ([p], None) => Some(paths::cube(Dim::Province, p.as_str())),
            ([], Some(e)) => Some(paths::cube(Dim::Event, e)),
            _ => None,
        }
    }

    /// The totals of `q` from the cube [`AgreementIndex::cube_for`] named:
    /// the sum of the cells whose five values `q` selects.
    pub fn cube_totals(&self, cube: &Cube, q: &AgreementQuery) -> Totals {
        fn mask<T: PartialEq>(values: &[T], selected: &[T]) -> Vec<bool> {
            values
                .iter()
                .map(|v| selected.is_empty() || selected.contains(v))
                .collect()
        }
        let d = &self.dims;
        let sizes: Vec<Option<SizeClass>> = q.sizes.iter().copied().map(Some).collect();
        let masks = [
            mask(&d.years, &q.years),
            mask(&d.patterns, &q.patterns),
            mask(&d.umkm_provinces, &q.umkm_provinces),
            mask(&d.company_kinds, &q.company_kinds),
            mask(&d.sizes, &sizes),
        ];
        let mut t = Totals::default();
        for cell in &cube.cells {
            let inside = masks.iter().enumerate().all(|(i, m)| {
                usize::try_from(cell[i])
                    .ok()
                    .and_then(|p| m.get(p))
                    .copied()
                    .unwrap_or(false)
            });
            if !inside {
                continue;
            }
            t.count += u64::try_from(cell[5]).unwrap_or(0);
            let (c, s1) = sat_add(t.committed, Rupiah(cell[6]));
            let (r, s2) = sat_add(t.realised, Rupiah(cell[7]));
            t.committed = c;
            t.realised = r;
            t.saturated |= s1 || s2;
        }
        t.realisation_bp = percent_of(t.realised, t.committed);
        t
    }

    /// The shard of one value, if any agreement has it.
    pub fn shard(&self, dim: Dim, value: &str) -> Option<usize> {
        self.shards
            .iter()
            .position(|s| s.dim == dim && s.value == value)
    }

    /// The years and events that have agreements (the filter's choices).
    pub fn values(&self, dim: Dim) -> Vec<String> {
        self.shards
            .iter()
            .filter(|s| s.dim == dim)
            .map(|s| s.value.clone())
            .collect()
    }

    /// The page files of a source, in order.
    pub fn page_paths(&self, source: &Source) -> Vec<String> {
        match source {
            Source::Sorted(sort) => (1..=self.sorted_pages)
                .map(|n| paths::sorted_page(*sort, n))
                .collect(),
            Source::Shards(list) => list
                .iter()
                .filter_map(|i| self.shards.get(*i))
                .flat_map(|s| (1..=s.pages).map(move |n| paths::shard_page(s.dim, &s.value, n)))
                .collect(),
        }
    }

    /// The year shards of `years` (all when empty), newest first: in that
    /// order they are those years' rows in default order.
    fn year_shards(&self, years: &[i32]) -> Vec<usize> {
        let mut list: Vec<(i32, usize)> = self
            .shards
            .iter()
            .enumerate()
            .filter(|(_, s)| s.dim == Dim::Year)
            .filter_map(|(i, s)| s.value.parse::<i32>().ok().map(|y| (y, i)))
            .filter(|(y, _)| years.is_empty() || years.contains(y))
            .collect();
        list.sort_by_key(|(year, _)| std::cmp::Reverse(*year));
        list.into_iter().map(|(_, i)| i).collect()
    }

    fn shards_of(&self, dim: Dim, values: impl IntoIterator<Item = String>) -> Vec<usize> {
        values
            .into_iter()
            .filter_map(|v| self.shard(dim, &v))
            .collect()
    }

    fn count(&self, shards: &[usize]) -> u64 {
        shards
            .iter()
            .filter_map(|i| self.shards.get(*i))
            .map(|s| s.sums.count)
            .sum()
    }

    /// A source that holds every row of `q` (for an export): the plan's,
    /// except that the unfiltered list is read from the year shards.
    pub fn full_source(&self, q: &AgreementQuery) -> Source {
        if q.is_unfiltered() {
            Source::Shards(self.year_shards(&[]))
        } else {
            self.plan(q, 1, 1).source
        }
    }

    /// Where the rows of `q`'s list page `page` (1-based, `page_size` rows
    /// a page) come from, and its totals if known at once.
    pub fn plan(&self, q: &AgreementQuery, page: usize, page_size: usize) -> Plan {
        let default_sort = q.sort == Sort::default();
        if q.is_unfiltered() {
            let sorted_rows = self.sorted_pages as usize * self.page_size as usize;
            let within = page.saturating_mul(page_size) <= sorted_rows
                || page.saturating_sub(1).saturating_mul(page_size) >= self.all.count as usize;
            let source = if within {
                Source::Sorted(q.sort)
            } else {
                Source::Shards(self.year_shards(&[]))
            };
            return Plan {
                prefix_ordered: within || default_sort,
                source,
                totals: Some(self.all.totals()),
                totals_from: None,
                page_maps: Vec::new(),
            };
        }
        // Candidates: (shards, their rows are in default order, the query is
        // exactly this one shard).
        let mut rest = q.clone();
        rest.sort = Sort::default();
        // Exactly this one shard (bar the status, in `.1`).
        let only = |f: &dyn Fn(&mut AgreementQuery)| {
            let mut r = rest.clone();
            f(&mut r);
            let exact = r.is_unfiltered();
            r.statuses.clear();
            (exact, r.is_unfiltered())
        };
        let mut candidates: Vec<(Vec<usize>, bool, (bool, bool))> = Vec::new();
        candidates.push((self.year_shards(&q.years), true, only(&|r| r.years.clear())));
        if !q.patterns.is_empty() {
            let s = self.shards_of(Dim::Pattern, q.patterns.iter().map(|p| p.key().to_string()));
            candidates.push((s, q.patterns.len() == 1, only(&|r| r.patterns.clear())));
        }
        for (list, exact) in [
            (&q.provinces, only(&|r| r.provinces.clear())),
            // The `provinsi` shard holds every agreement whose UMKM is there.
            (&q.umkm_provinces, (false, false)),
        ] {
            if !list.is_empty() {
                let s = self.shards_of(Dim::Province, list.iter().map(|p| p.as_str().to_string()));
                candidates.push((s, list.len() == 1, exact));
            }
        }
        if let Some(e) = &q.event {
            let s = self.shards_of(Dim::Event, [e.clone()]);
            candidates.push((s, true, only(&|r| r.event = None)));
        }
        // Totals: the one shard the query is exactly; else the files that
        // give them; else the rows, read to the end.
        let exact_shard = candidates
            .iter()
            .find(|c| c.2 .0 && c.0.len() == 1)
            .map(|c| self.shards[c.0[0]].sums.totals());
        let totals_from = if exact_shard.is_some()
            || !q.text.is_empty()
            || q.min_value.is_some()
            || q.max_value.is_some()
        {
            None
        } else {
            let timelines = self.timelines.files(q);
            let cube = self.cube_for(q);
            match (timelines, cube) {
                (Some(t), Some(c)) if t.len() > TIMELINES_OVER_CUBE => Some(TotalsFrom::Cube(c)),
                (Some(t), _) => Some(TotalsFrom::Timelines(t)),
                (None, Some(c)) => Some(TotalsFrom::Cube(c)),
                (None, None) => None,
            }
        };
        // Rows: a selected value without agreements empties the view. When
        // the totals do not need the rows, the smallest source in the
        // list's order, whose first matches are the page (a union of two
        // patterns or provinces must be read to its end to be sorted);
        // when they do, the smallest source, read to its end anyway.
        let rows_only = exact_shard.is_some() || totals_from.is_some();
        let best = if let Some(empty) = candidates.iter().position(|c| c.0.is_empty()) {
            candidates.swap_remove(empty)
        } else {
            candidates
                .into_iter()
                .filter(|c| c.1 || !rows_only)
                .min_by_key(|c| self.count(&c.0))
                .unwrap_or_default()
        };
        let (shards, ordered, _) = best;
        let totals = if shards.is_empty() {
            Some(Totals::default())
        } else {
            exact_shard
        };
        let totals_from = totals_from.filter(|_| totals.is_none());
        let source_is_years = shards
            .iter()
            .all(|i| self.shards.get(*i).is_some_and(|s| s.dim == Dim::Year));
        let page_maps = if PageMap::helps(q, source_is_years) {
            shards
                .iter()
                .filter_map(|i| self.shards.get(*i))
                .map(|s| paths::page_map(s.dim, &s.value))
                .collect()
        } else {
            Vec::new()
        };
        Plan {
            prefix_ordered: ordered && default_sort,
            source: Source::Shards(shards),
            totals,
            totals_from,
            page_maps,
        }
    }

    /// The page files of `source` that can hold a row of `q` on `today`:
    /// `maps` are the plan's page maps (parallel to the source's shards);
    /// a shard whose map is missing or does not fit it is read whole.
    pub fn pages_to_read(
        &self,
        source: &Source,
        maps: &[&PageMap],
        q: &AgreementQuery,
        today: NaiveDate,
    ) -> Vec<String> {
        let Source::Shards(list) = source else {
            return self.page_paths(source);
        };
        let mut out = Vec::new();
        for (k, i) in list.iter().enumerate() {
            let Some(s) = self.shards.get(*i) else {
                continue;
            };
            let map = maps.get(k).filter(|m| m.pages.len() == s.pages as usize);
            for n in 1..=s.pages {
                if map.is_none_or(|m| m.may_hold(n as usize - 1, q, today)) {
                    out.push(paths::shard_page(s.dim, &s.value, n));
                }
            }
        }
        out
    }
}

fn sat_add(a: Rupiah, b: Rupiah) -> (Rupiah, bool) {
    match a.checked_add(b) {
        Some(v) => (v, false),
        None => (Rupiah(i64::MAX), true),
    }
}

/// What can be shown of a view from the rows loaded so far.
#[derive(Clone, Debug, PartialEq)]
pub struct Visible {
    /// The rows of the page asked for, once they are exact.
    pub rows: Option<Vec<AgreementSummary>>,
    /// The totals of the whole filtered set, once they are exact.
    pub totals: Option<Totals>,
    /// More pages of the source are needed for the rows or the totals.
    pub needs_more: bool,
}

/// `loaded` are the rows of the plan's source read so far (in file order);
/// `complete` says the source is read entirely.
pub fn visible(
    plan: &Plan,
    q: &AgreementQuery,
    loaded: &[AgreementSummary],
    complete: bool,
    today: NaiveDate,
    page: usize,
    page_size: usize,
) -> Visible {
    let mut matches = q.apply(loaded, today);
    // A union of `provinsi` shards holds an agreement twice when both its
    // parties' provinces are selected; equal rows sort next to each other.
    matches.dedup_by(|a, b| a.id == b.id);
    let start = page.saturating_sub(1).saturating_mul(page_size);
    let end = start.saturating_add(page_size);
    let rows_exact = complete || (plan.prefix_ordered && matches.len() >= end);
    let rows = rows_exact.then(|| {
        matches
            .iter()
            .skip(start)
            .take(page_size)
            .map(|a| (*a).clone())
            .collect()
    });
    let totals = plan.totals.or_else(|| complete.then(|| totals(&matches)));
    Visible {
        needs_more: !complete && (rows.is_none() || totals.is_none()),
        rows,
        totals,
    }
}

/// The agreements of one signing event, as the home page compares them with
/// what was reported at the time.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventFigures {
    /// The event id.
    pub id: String,
    /// Agreements.
    pub agreements: u64,
    /// Distinct PMA and PMDN companies.
    pub companies: u64,
    /// Distinct PMA companies.
    pub pma: u64,
    /// Distinct PMDN companies.
    pub pmdn: u64,
    /// Distinct UMKM.
    pub umkm: u64,
    /// Their committed value.
    pub committed: Rupiah,
    /// Their realised value.
    pub realised: Rupiah,
}

impl EventFigures {
    /// The dashboard's form of the same figures.
    pub fn holdings(&self) -> crate::dashboard::EventHoldings {
        crate::dashboard::EventHoldings {
            agreements: self.agreements,
            companies: self.companies,
            pma: self.pma,
            pmdn: self.pmdn,
            umkm: self.umkm,
            committed: self.committed,
            realised: self.realised,
            saturated: false,
        }
    }
}

/// Agreements signed in one year and their first-year values.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct YearFigures {
    /// The year signed.
    pub year: i32,
    /// Agreements.
    pub agreements: u64,
    /// Their committed value.
    pub committed: Rupiah,
}

/// `aggregates/figures.json`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Figures {
    /// Format version ([`VERSION`]).
    pub version: u32,
    /// Each event that has agreements, by id.
    pub events: Vec<EventFigures>,
    /// The partnership with the largest committed value
    /// ([`crate::dashboard::largest_pair`]), oldest agreement first.
    pub largest_pair: Vec<AgreementSummary>,
    /// By year signed, oldest first.
    pub by_year: Vec<YearFigures>,
}

impl Figures {
    /// One event's figures (zeros when it has no agreement).
    pub fn event(&self, id: &str) -> EventFigures {
        self.events
            .iter()
            .find(|e| e.id == id)
            .cloned()
            .unwrap_or_else(|| EventFigures {
                id: id.to_string(),
                ..Default::default()
            })
    }
}

/// A sum passed `i64::MAX` while the aggregates were built.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Overflow;

impl std::fmt::Display for Overflow {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a sum of agreement values passes the largest rupiah amount")
    }
}

impl std::error::Error for Overflow {}

/// Every aggregate file of a list but the timelines (streamed by
/// [`build`]) and page maps ([`PageMap::of`] each shard's rows), built in
/// memory from all its rows (any order). The data tool writes them;
/// `validate` compares them.
pub struct Built {
    /// `aggregates/index.json`.
    pub index: AgreementIndex,
    /// `aggregates/figures.json`.
    pub figures: Figures,
    /// Each shard's rows, in default order, parallel to `index.shards`.
    pub shard_rows: Vec<Vec<usize>>,
    /// For each order, the first rows of the whole list.
    pub sorted_rows: Vec<(Sort, Vec<usize>)>,
    /// `aggregates/cube/all.json`.
    pub cube: Cube,
}

impl Built {
    /// The cube of shard `i` (positions in `index.shards`) when it has one
    /// (`provinsi` and `acara` shards: the whole list's cube answers the
    /// others).
    pub fn shard_cube(&self, items: &[AgreementSummary], i: usize) -> Option<Cube> {
        let info = self.index.shards.get(i)?;
        if !matches!(info.dim, Dim::Province | Dim::Event) {
            return None;
        }
        let rows = self.shard_rows.get(i)?;
        cube_of(&self.index.dims, rows.iter().map(|r| &items[*r])).ok()
    }
}

fn cube_of<'a>(
    dims: &CubeDims,
    rows: impl Iterator<Item = &'a AgreementSummary>,
) -> Result<Cube, Overflow> {
    fn pos<T: PartialEq>(list: &[T], v: &T) -> i64 {
        list.iter().position(|x| x == v).unwrap_or(0) as i64
    }
    let mut cells: BTreeMap<[i64; 5], Sums> = BTreeMap::new();
    for a in rows {
        let key = [
            pos(&dims.years, &a.date_signed.year()),
            pos(&dims.patterns, &a.pattern),
            pos(&dims.umkm_provinces, &a.umkm_province),
            pos(&dims.company_kinds, &a.company.kind),
            pos(&dims.sizes, &a.umkm_size.map(|s| s.class)),
        ];
        cells
            .entry(key)
            .or_default()
            .add(a.value, a.realised)
            .ok_or(Overflow)?;
    }
    let cells = cells
        .into_iter()
        .map(|(k, s)| {
            [
                k[0],
                k[1],
                k[2],
                k[3],
                k[4],
                s.count as i64,
                s.committed.0,
                s.realised.0,
            ]
        })
        .collect();
    Ok(Cube {
        version: VERSION,
        cells,
    })
}

/// Builds the aggregates of `items` (the whole list, any order). Row lists
/// hold positions into `items`. Every status timeline (the whole list's,
/// one per key value, one per pair of values when `pairs`) is handed to
/// `timeline(path, …)` as it is made.
pub fn build<E: From<Overflow>>(
    items: &[AgreementSummary],
    pairs: bool,
    mut timeline: impl FnMut(String, Timeline) -> Result<(), E>,
) -> Result<Built, E> {
    let mut all = Sums::default();
    for a in items {
        all.add(a.value, a.realised).ok_or(Overflow)?;
    }
    // Cube.
    let years: BTreeSet<i32> = items.iter().map(|a| a.date_signed.year()).collect();
    let patterns: BTreeSet<Pattern> = items.iter().map(|a| a.pattern).collect();
    let provinces: BTreeSet<ProvinceCode> = items.iter().map(|a| a.umkm_province).collect();
    let kinds: BTreeSet<Kind> = items.iter().map(|a| a.company.kind).collect();
    let sizes: BTreeSet<Option<SizeClass>> =
        items.iter().map(|a| a.umkm_size.map(|s| s.class)).collect();
    let dims = CubeDims {
        years: years.into_iter().collect(),
        patterns: patterns.into_iter().collect(),
        umkm_provinces: provinces.into_iter().collect(),
        company_kinds: kinds.into_iter().collect(),
        sizes: sizes.into_iter().collect(),
    };
    let cube = cube_of(&dims, items.iter())?;

    // Every row in default order, then split into shards in that order.
    let mut order: Vec<usize> = (0..items.len()).collect();
    order.sort_by(|x, y| compare(Sort::default(), &items[*x], &items[*y]));
    let mut shards = Vec::new();
    let mut shard_rows = Vec::new();
    for dim in Dim::ALL {
        let mut by_value: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        for &i in &order {
            for v in dim.values(&items[i]) {
                by_value.entry(v).or_default().push(i);
            }
        }
        // Years and provinces read best in their own order; all values are
        // ASCII, and years have four digits, so text order is that order.
        for (value, rows) in by_value {
            let mut sums = Sums::default();
            for &i in &rows {
                sums.add(items[i].value, items[i].realised)
                    .ok_or(Overflow)?;
            }
            shards.push(ShardInfo {
                dim,
                value,
                pages: page_count(rows.len(), SHARD_PAGE_SIZE),
                sums,
            });
            shard_rows.push(rows);
        }
    }
    let keep = (SORTED_PAGES * SHARD_PAGE_SIZE) as usize;
    let sorted_rows = Sort::ALL
        .into_iter()
        .map(|sort| {
            // Only the first `keep` rows are written: select them (linear),
            // then sort those, instead of sorting the whole list six times.
            let mut rows: Vec<usize> = (0..items.len()).collect();
            let cmp = |x: &usize, y: &usize| compare(sort, &items[*x], &items[*y]);
            if rows.len() > keep {
                rows.select_nth_unstable_by(keep, cmp);
                rows.truncate(keep);
            }
            rows.sort_by(cmp);
            (sort, rows)
        })
        .collect();
    timeline(
        paths::TIMELINE_ALL.to_string(),
        Timeline::of(&items.iter().collect::<Vec<_>>()),
    )?;
    let timelines = TimelineSets::build(items, pairs, &mut timeline)?;
    let index = AgreementIndex {
        version: VERSION,
        all,
        page_size: SHARD_PAGE_SIZE,
        sorted_pages: page_count(items.len().min(keep), SHARD_PAGE_SIZE),
        dims,
        shards,
        timelines,
    };
    let figures = build_figures(items)?;
    Ok(Built {
        index,
        figures,
        shard_rows,
        sorted_rows,
        cube,
    })
}

fn page_count(rows: usize, size: u32) -> u32 {
    (rows.div_ceil(size as usize).max(1)) as u32
}

fn build_figures(items: &[AgreementSummary]) -> Result<Figures, Overflow> {
    let mut events: BTreeMap<&str, Vec<&AgreementSummary>> = BTreeMap::new();
    for a in items {
        if let Some(e) = &a.event_id {
            events.entry(e).or_default().push(a);
        }
    }
    let mut event_figures = Vec::new();
    for (id, list) in events {
        let mut sums = Sums::default();
        for a in &list {
            sums.add(a.value, a.realised).ok_or(Overflow)?;
        }
        let distinct = |k: Kind| {
            list.iter()
                .filter(|a| a.company.kind == k)
                .map(|a| a.company.id.as_str())
                .collect::<BTreeSet<_>>()
                .len() as u64
        };
        let (pma, pmdn) = (distinct(Kind::Pma), distinct(Kind::Pmdn));
        event_figures.push(EventFigures {
            id: id.to_string(),
            agreements: sums.count,
            companies: pma + pmdn,
            pma,
            pmdn,
            umkm: list
                .iter()
                .map(|a| a.umkm.id.as_str())
                .collect::<BTreeSet<_>>()
                .len() as u64,
            committed: sums.committed,
            realised: sums.realised,
        });
    }
    let mut years: BTreeMap<i32, YearFigures> = BTreeMap::new();
    for a in items {
        let y = years.entry(a.date_signed.year()).or_insert(YearFigures {
            year: a.date_signed.year(),
            ..Default::default()
        });
        y.agreements += 1;
        y.committed = y.committed.checked_add(a.value).ok_or(Overflow)?;
    }
    Ok(Figures {
        version: VERSION,
        events: event_figures,
        largest_pair: crate::dashboard::largest_pair(items)
            .into_iter()
            .map(|(a, _)| a)
            .collect(),
        by_year: years.into_values().collect(),
    })
}

#[cfg(test)]
mod tests;
