//! Per-facet-value partner lists: how `/mitra` answers filters without
//! words (the home page's sector and class bars, a province, a kind...) and
//! later pages of the empty query on a dataset too large to browse whole.
//!
//! For every facet value (3 kinds, 4 size classes, the provinces, the 22
//! KBLI categories, the 11 patterns) and for "every partner" (`semua`) the
//! writer keeps the value's partners in A–Z order, cut into parts of
//! `part_rows` rows (`lists/{name}-{n}.txt`), plus a head
//! (`lists/{name}-head.txt`, like browse.txt: the first page in each order).
//! The root holds each value's count and the facet counts of the query that
//! selects it alone. How a query without words is answered
//! ([`Root::browse`](super::Root)), and why it equals the full index:
//!
//! - One facet selected, its values disjoint sets (every facet but the
//!   patterns; or a single pattern): the total is the sum of the values'
//!   counts and the facet counts are the sum of theirs (the selected facet's
//!   own counts are the root's: a facet's counts ignore its own selection).
//!   Page 1 comes from the heads (the first page of a union is within the
//!   union of the first pages). A later page in A–Z order of one value (or
//!   of every partner) fetches only the parts covering it: they are
//!   consecutive in A–Z order, so their A–Z order slice is that page. Other
//!   pages fetch every part of the values, up to `cap` rows.
//! - Several facets: the partners passing every filter are within the
//!   facet whose values hold the fewest partners (A), so its parts are
//!   fetched (up to `cap` rows) and the same engine filters, orders and
//!   counts them. A facet's counts need the partners passing every *other*
//!   filter: for every facet but A they are within A's rows; for A they are
//!   the partners of the other facet when there are two (the sum of its
//!   values' stored counts, when its values are disjoint), else the rows of
//!   the second smallest facet are fetched as well.

use std::fmt::Write;

use super::{facet_count, FacetCounts, Query, ShardKey, Sort};
use crate::model::Kind;
use crate::pattern::Pattern;
use crate::province::ProvinceCode;
use crate::search::query::param;
use crate::search::{
    kind_index, pattern_index, province_count, province_index, sector_index, size_index, Row, NONE,
    SECTORS,
};
use crate::size_class::SizeClass;
use crate::summary::size_key;

/// The facets, in the order of the root's `facets` line.
pub(super) const KIND: usize = 0;
pub(super) const SIZE: usize = 1;
pub(super) const PROVINCE: usize = 2;
pub(super) const SECTOR: usize = 3;
pub(super) const PATTERN: usize = 4;

/// Values per facet, in that order.
pub(super) fn facet_sizes() -> [usize; 5] {
    [3, 4, province_count(), SECTORS, 11]
}

/// The first value number of facet `f`.
fn offset(f: usize) -> usize {
    facet_sizes()[..f].iter().sum()
}

/// A list of partners the index keeps whole, in A–Z order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum List {
    /// Every partner.
    All,
    /// The partners with facet value `v` (numbered as in the root's
    /// `facets` line: kinds, sizes, provinces, sectors, patterns).
    Value(u8),
}

impl List {
    /// The facet and the value within it.
    pub(super) fn facet(v: u8) -> (usize, usize) {
        let mut v = usize::from(v);
        for (f, n) in facet_sizes().into_iter().enumerate() {
            if v < n {
                return (f, v);
            }
            v -= n;
        }
        (PATTERN, 0)
    }

    /// The list's name in file names: the URL parameter and value
    /// (`sektor-C`, `provinsi-31`, `jenis-pma`, ...), `semua` for every
    /// partner.
    pub fn name(self) -> String {
        let List::Value(v) = self else {
            return "semua".to_string();
        };
        let (f, i) = List::facet(v);
        match f {
            KIND => format!("{}-{}", param::KIND, Kind::ALL[i].key()),
            SIZE => format!("{}-{}", param::SIZE, size_key(SizeClass::ALL[i])),
            PROVINCE => format!(
                "{}-{}",
                param::PROVINCE,
                ProvinceCode::all().nth(i).map_or("", |p| p.as_str())
            ),
            SECTOR => format!("{}-{}", param::SECTOR, char::from(b'A' + i as u8)),
            _ => format!("{}-{}", param::PATTERN, Pattern::ALL[i].key()),
        }
    }

    /// True when `r` is in the list.
    pub(super) fn holds(self, r: &Row) -> bool {
        let List::Value(v) = self else {
            return true;
        };
        let (f, i) = List::facet(v);
        match f {
            KIND => usize::from(r.kind) == i,
            SIZE => r.size != NONE && usize::from(r.size & 0x0f) == i,
            PROVINCE => usize::from(r.province) == i,
            SECTOR => usize::from(r.sector) == i,
            _ => r.patterns & (1 << i) != 0,
        }
    }

    /// The query that selects this value alone (every partner: none).
    pub(super) fn query(self) -> Query {
        let mut q = Query::default();
        if let List::Value(v) = self {
            let (f, i) = List::facet(v);
            match f {
                KIND => q.kinds.push(Kind::ALL[i]),
                SIZE => q.sizes.push(SizeClass::ALL[i]),
                PROVINCE => q.provinces.extend(ProvinceCode::all().nth(i)),
                SECTOR => q.sectors.push(char::from(b'A' + i as u8)),
                _ => q.patterns.push(Pattern::ALL[i]),
            }
        }
        q
    }

    /// Every facet value's list, in value order.
    pub(super) fn values() -> impl Iterator<Item = List> {
        (0..facet_count() as u8).map(List::Value)
    }
}

/// The selected values of each facet with a selection, deduplicated, in
/// value order; values the engine ignores (a sector letter outside A–V)
/// are left out, as the engine leaves them out.
pub(super) fn selection(q: &Query) -> Vec<(usize, Vec<u8>)> {
    let mut out: Vec<(usize, Vec<u8>)> = Vec::new();
    let mut add = |f: usize, mut local: Vec<usize>| {
        local.sort_unstable();
        local.dedup();
        if !local.is_empty() {
            let base = offset(f);
            out.push((f, local.into_iter().map(|i| (base + i) as u8).collect()));
        }
    };
    add(
        KIND,
        q.kinds
            .iter()
            .map(|k| usize::from(kind_index(*k)))
            .collect(),
    );
    add(
        SIZE,
        q.sizes
            .iter()
            .map(|c| usize::from(size_index(*c)))
            .collect(),
    );
    add(
        PROVINCE,
        q.provinces
            .iter()
            .map(|p| usize::from(province_index(*p)))
            .collect(),
    );
    add(
        SECTOR,
        q.sectors
            .iter()
            .filter_map(|c| sector_index(*c))
            .map(usize::from)
            .collect(),
    );
    add(
        PATTERN,
        q.patterns.iter().map(|p| pattern_index(*p)).collect(),
    );
    out
}

/// Copies facet `f`'s counts from `src` into `dst`.
pub(super) fn copy_facet(dst: &mut FacetCounts, src: &FacetCounts, f: usize) {
    match f {
        KIND => dst.kinds = src.kinds,
        SIZE => dst.sizes = src.sizes,
        PROVINCE => dst.provinces.clone_from(&src.provinces),
        SECTOR => dst.sectors = src.sectors,
        _ => dst.patterns = src.patterns,
    }
}

/// Adds every count of `src` to `dst`.
pub(super) fn add_counts(dst: &mut FacetCounts, src: &FacetCounts) {
    fn add(d: &mut [u32], s: &[u32]) {
        for (a, b) in d.iter_mut().zip(s) {
            *a = a.saturating_add(*b);
        }
    }
    add(&mut dst.kinds, &src.kinds);
    add(&mut dst.sizes, &src.sizes);
    add(&mut dst.provinces, &src.provinces);
    add(&mut dst.sectors, &src.sectors);
    add(&mut dst.patterns, &src.patterns);
}

/// How a query without words is answered on a dataset too large to browse.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum Browse {
    /// Page 1 from these heads; the total and the counts are known.
    Heads {
        keys: Vec<ShardKey>,
        total: u64,
        facets: FacetCounts,
    },
    /// A page of one list in A–Z order: these consecutive parts, the page
    /// starting `skip` rows into them.
    Slice {
        keys: Vec<ShardKey>,
        total: u64,
        facets: FacetCounts,
        skip: u64,
    },
    /// Every row that can match or count; facet `.0`'s counts from `.1`
    /// when the rows cannot give them.
    Rows {
        keys: Vec<ShardKey>,
        own: Option<(usize, FacetCounts)>,
    },
    /// Page 1 of two facets with one value each, whose smaller list holds
    /// more than `budget` partners: this file, with its total and counts.
    Pair(ShardKey),
    /// More than `cap` rows: type a name.
    NeedText,
}

impl Browse {
    pub(super) fn keys(self) -> Option<Vec<ShardKey>> {
        let mut keys = match self {
            Browse::Heads { keys, .. } | Browse::Slice { keys, .. } | Browse::Rows { keys, .. } => {
                keys
            }
            Browse::Pair(key) => vec![key],
            Browse::NeedText => return None,
        };
        keys.sort_unstable();
        keys.dedup();
        Some(keys)
    }
}

/// The head of a list: browse.txt for every partner.
pub(super) fn head(list: List) -> ShardKey {
    match list {
        List::All => ShardKey::Browse,
        List::Value(_) => ShardKey::Head(list),
    }
}

/// What the root knows of the lists.
pub(super) struct Lists<'a> {
    pub partners: u64,
    pub cap: u64,
    pub top: u64,
    pub part_rows: u64,
    pub budget: u64,
    pub facets: &'a FacetCounts,
    /// (partners, facet counts of the value alone), by value.
    pub values: &'a [(u64, FacetCounts)],
}

impl Lists<'_> {
    fn count(&self, list: List) -> u64 {
        match list {
            List::All => self.partners,
            List::Value(v) => self.values.get(usize::from(v)).map_or(0, |x| x.0),
        }
    }

    fn all_parts(&self, lists: &[List], keys: &mut Vec<ShardKey>) {
        for &l in lists {
            for n in 0..self.count(l).div_ceil(self.part_rows.max(1)) {
                keys.push(ShardKey::Part(l, n as u32));
            }
        }
    }

    /// The plan for `q`, which has no words.
    pub(super) fn browse(&self, q: &Query) -> Browse {
        let sel = selection(q);
        if self.values.len() != facet_count() || self.part_rows == 0 {
            return Browse::NeedText;
        }
        let lists_of =
            |vals: &[u8]| -> Vec<List> { vals.iter().map(|&v| List::Value(v)).collect() };
        match sel.as_slice() {
            [] => self.one_facet(q, &[List::All], self.facets.clone(), None),
            [(f, vals)] if *f != PATTERN || vals.len() == 1 => {
                let mut facets = FacetCounts::new();
                for &v in vals {
                    add_counts(&mut facets, &self.values[usize::from(v)].1);
                }
                copy_facet(&mut facets, self.facets, *f);
                self.one_facet(q, &lists_of(vals), facets, Some(*f))
            }
            [(f, vals)] => {
                let lists = lists_of(vals);
                let rows: u64 = lists.iter().map(|l| self.count(*l)).sum();
                if rows > self.cap {
                    return Browse::NeedText;
                }
                let mut keys = Vec::new();
                self.all_parts(&lists, &mut keys);
                Browse::Rows {
                    keys,
                    own: Some((*f, self.facets.clone())),
                }
            }
            _ => {
                let mut by_rows: Vec<(u64, usize, &Vec<u8>)> = sel
                    .iter()
                    .map(|(f, vals)| {
                        let rows = vals.iter().map(|&v| self.count(List::Value(v))).sum();
                        (rows, *f, vals)
                    })
                    .collect();
                by_rows.sort_unstable();
                let (rows_a, fa, vals_a) = by_rows[0];
                let (rows_b, fb, vals_b) = by_rows[1];
                if let (2, [a], [b]) = (by_rows.len(), vals_a.as_slice(), vals_b.as_slice()) {
                    if q.page <= 1 && u64::from(q.per_page) <= self.top && rows_a > self.budget {
                        let (a, b) = ((*a).min(*b), (*a).max(*b));
                        return Browse::Pair(ShardKey::Pair(List::Value(a), List::Value(b)));
                    }
                }
                let mut keys = Vec::new();
                self.all_parts(&lists_of(vals_a), &mut keys);
                if by_rows.len() == 2 && (fb != PATTERN || vals_b.len() == 1) {
                    if rows_a > self.cap {
                        return Browse::NeedText;
                    }
                    let mut of_b = FacetCounts::new();
                    for &v in vals_b {
                        add_counts(&mut of_b, &self.values[usize::from(v)].1);
                    }
                    return Browse::Rows {
                        keys,
                        own: Some((fa, of_b)),
                    };
                }
                if rows_a + rows_b > self.cap {
                    return Browse::NeedText;
                }
                self.all_parts(&lists_of(vals_b), &mut keys);
                Browse::Rows { keys, own: None }
            }
        }
    }

    /// One facet (or none) whose values are disjoint: `facets` are the
    /// answer's counts; `f` the facet (None: no filter).
    fn one_facet(
        &self,
        q: &Query,
        lists: &[List],
        facets: FacetCounts,
        f: Option<usize>,
    ) -> Browse {
        let total: u64 = lists.iter().map(|l| self.count(*l)).sum();
        let pp = u64::from(q.per_page.max(1));
        let pages = total.div_ceil(pp).max(1);
        let page = u64::from(q.page.max(1)).min(pages);
        if page == 1 && pp <= self.top {
            return Browse::Heads {
                keys: lists.iter().map(|l| head(*l)).collect(),
                total,
                facets,
            };
        }
        if let ([list], Sort::Relevance | Sort::Name) = (lists, q.sort) {
            let start = (page - 1) * pp;
            let end = (start + pp).min(total);
            let r = self.part_rows;
            let keys = if end > start {
                (start / r..=(end - 1) / r)
                    .map(|n| ShardKey::Part(*list, n as u32))
                    .collect()
            } else {
                Vec::new()
            };
            return Browse::Slice {
                keys,
                total,
                facets,
                skip: start % r,
            };
        }
        if total > self.cap {
            return Browse::NeedText;
        }
        let mut keys = Vec::new();
        self.all_parts(lists, &mut keys);
        Browse::Rows {
            keys,
            own: f.map(|f| (f, self.facets.clone())),
        }
    }
}

/// The pairs of values of two facets that have a file of their first pages
/// (`pairs/`): both lists hold more than `budget` partners. Values in order,
/// the smaller number first.
pub(super) fn pairs(values: &[(u64, FacetCounts)], budget: u64) -> Vec<(List, List)> {
    let mut out = Vec::new();
    for (a, (na, _)) in values.iter().enumerate() {
        for (b, (nb, _)) in values.iter().enumerate().skip(a + 1) {
            let (fa, fb) = (List::facet(a as u8).0, List::facet(b as u8).0);
            if fa != fb && *na > budget && *nb > budget {
                out.push((List::Value(a as u8), List::Value(b as u8)));
            }
        }
    }
    out
}

/// Adds `other`'s selection to `q`.
pub(super) fn merge(q: &mut Query, other: &Query) {
    q.kinds.extend_from_slice(&other.kinds);
    q.sizes.extend_from_slice(&other.sizes);
    q.provinces.extend_from_slice(&other.provinces);
    q.sectors.extend_from_slice(&other.sectors);
    q.patterns.extend_from_slice(&other.patterns);
}

/// Writes the root's `lists` line and one line per value:
/// `{name}\t{partners}\t{facet counts}`.
pub(super) fn write_root_lists(root: &mut String, values: &[(u64, FacetCounts)]) {
    let _ = writeln!(root, "lists {}", values.len());
    for (v, (count, facets)) in values.iter().enumerate() {
        let _ = write!(root, "{}\t{count}\t", List::Value(v as u8).name());
        let nums: Vec<String> = super::facet_numbers(facets)
            .iter()
            .map(u32::to_string)
            .collect();
        root.push_str(&nums.join(" "));
        root.push('\n');
    }
}
