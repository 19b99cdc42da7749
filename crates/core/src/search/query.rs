//! What a search asks for, and how it lives in the URL.
//!
//! `/mitra?q=sumber&jenis=pma,pmdn&provinsi=31&urut=nilai&hal=2`: every part
//! of a search is a query parameter, so a copied link shows the same results
//! and back/forward step through searches. Reading is forgiving: an unknown
//! parameter, an unknown value inside a list, or a page that is not a number
//! is dropped and the rest is kept; nothing in a link can make the reader
//! fail. Writing is canonical (lists deduplicated and in a fixed order,
//! defaults left out), so `from_pairs(to_pairs(q)) == q`.

use crate::model::Kind;
use crate::pattern::Pattern;
use crate::province::ProvinceCode;
use crate::size_class::SizeClass;
use crate::summary::size_key;

/// The longest query text kept, in characters; the rest of a longer one is
/// cut off (names are far shorter, and this bounds the work per keystroke).
pub const MAX_TEXT_CHARS: usize = 200;
/// The highest page number a link may ask for.
pub const MAX_PAGE: u32 = 1_000_000;
/// Results per page, unless the caller asks for another size.
pub const DEFAULT_PER_PAGE: u32 = 50;

/// The URL parameter names. Indonesian, like the app's paths.
pub mod param {
    /// The query text.
    pub const TEXT: &str = "q";
    /// Partner kinds (`pma`, `pmdn`, `umkm`).
    pub const KIND: &str = "jenis";
    /// Size classes (`mikro`, ...).
    pub const SIZE: &str = "kelas";
    /// Provinces, by two-digit code.
    pub const PROVINCE: &str = "provinsi";
    /// KBLI category letters.
    pub const SECTOR: &str = "sektor";
    /// Agreement patterns (`inti_plasma`, ...).
    pub const PATTERN: &str = "pola";
    /// The order, by [`super::Sort::key`]; absent for relevance.
    pub const SORT: &str = "urut";
    /// The page number, 1-based; absent for page 1.
    pub const PAGE: &str = "hal";
}

/// The order of the results.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Sort {
    /// Best match first; by name when there is no query text.
    #[default]
    Relevance,
    /// A to Z.
    Name,
    /// Most agreements first.
    Agreements,
    /// Largest total committed value first.
    Value,
}

impl Sort {
    /// Every order, the default first.
    pub const ALL: [Sort; 4] = [Sort::Relevance, Sort::Name, Sort::Agreements, Sort::Value];

    /// The order's value in the URL.
    pub fn key(self) -> &'static str {
        match self {
            Sort::Relevance => "relevansi",
            Sort::Name => "nama",
            Sort::Agreements => "perjanjian",
            Sort::Value => "nilai",
        }
    }

    /// The order with this URL value, if any.
    pub fn from_key(key: &str) -> Option<Sort> {
        Sort::ALL.into_iter().find(|s| s.key() == key)
    }
}

/// A size-class key as in the URL and JSON (`mikro`, ...).
pub fn size_from_key(key: &str) -> Option<SizeClass> {
    SizeClass::ALL.into_iter().find(|c| size_key(*c) == key)
}

/// A KBLI category letter, `A`–`V` (KBLI 2025 has V), upper case.
pub fn sector_from_key(key: &str) -> Option<char> {
    let mut chars = key.chars();
    let c = chars.next()?.to_ascii_uppercase();
    (chars.next().is_none() && ('A'..='V').contains(&c)).then_some(c)
}

/// One search: text, facet selections, order and page. Within a facet the
/// selected values are alternatives (PMA or PMDN); across facets they all
/// apply (PMA and in DKI Jakarta). An empty list selects everything.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Query {
    /// As typed (only cut to [`MAX_TEXT_CHARS`]); folded by the engine.
    pub text: String,
    /// Partner kinds.
    pub kinds: Vec<Kind>,
    /// Size classes.
    pub sizes: Vec<SizeClass>,
    /// Provinces.
    pub provinces: Vec<ProvinceCode>,
    /// KBLI category letters.
    pub sectors: Vec<char>,
    /// Agreement patterns: a partner matches if any of its agreements has one.
    pub patterns: Vec<Pattern>,
    /// The order of the results.
    pub sort: Sort,
    /// 1-based. The engine clamps it to the last page.
    pub page: u32,
    /// Not part of the URL.
    pub per_page: u32,
}

impl Default for Query {
    fn default() -> Self {
        Query {
            text: String::new(),
            kinds: Vec::new(),
            sizes: Vec::new(),
            provinces: Vec::new(),
            sectors: Vec::new(),
            patterns: Vec::new(),
            sort: Sort::Relevance,
            page: 1,
            per_page: DEFAULT_PER_PAGE,
        }
    }
}

/// Keeps the values of `v` that occur in `order`, once each, in that order.
/// (No sort: each facet has a short fixed list, and a generic sort per value
/// type would cost more wasm than the whole query module.)
fn canonical<T: PartialEq + Copy>(v: &mut Vec<T>, order: impl IntoIterator<Item = T>) {
    let kept: Vec<T> = order.into_iter().filter(|x| v.contains(x)).collect();
    *v = kept;
}

fn sector_letters() -> impl Iterator<Item = char> {
    'A'..='V'
}

/// Adds each comma-separated value of `value` that `parse` accepts.
fn push_list<T>(list: &mut Vec<T>, value: &str, parse: impl Fn(&str) -> Option<T>) {
    list.extend(value.split(',').filter_map(|v| parse(v.trim())));
}

fn cut(text: &str) -> String {
    text.chars().take(MAX_TEXT_CHARS).collect()
}

impl Query {
    /// A query for `text` with nothing else selected.
    pub fn text(text: &str) -> Query {
        Query {
            text: cut(text),
            ..Query::default()
        }
    }

    /// Reads URL query pairs (already percent-decoded). Lists may come as
    /// comma-separated values, as repeated parameters, or both; unknown keys
    /// and values are ignored. The last `q`, `urut` and `hal` win.
    pub fn from_pairs<K, V, I>(pairs: I) -> Query
    where
        K: AsRef<str>,
        V: AsRef<str>,
        I: IntoIterator<Item = (K, V)>,
    {
        let mut q = Query::default();
        for (key, value) in pairs {
            let value = value.as_ref();
            match key.as_ref() {
                param::TEXT => q.text = cut(value),
                param::KIND => push_list(&mut q.kinds, value, Kind::from_key),
                param::SIZE => push_list(&mut q.sizes, value, size_from_key),
                param::PROVINCE => {
                    push_list(&mut q.provinces, value, |v| ProvinceCode::parse(v).ok())
                }
                param::SECTOR => push_list(&mut q.sectors, value, sector_from_key),
                param::PATTERN => push_list(&mut q.patterns, value, Pattern::from_key),
                param::SORT => {
                    if let Some(s) = Sort::from_key(value.trim()) {
                        q.sort = s;
                    }
                }
                param::PAGE => {
                    if let Ok(p) = value.trim().parse::<u32>() {
                        if (1..=MAX_PAGE).contains(&p) {
                            q.page = p;
                        }
                    }
                }
                _ => {}
            }
        }
        q.canonicalize();
        q
    }

    /// The canonical URL pairs: defaults left out, lists comma-joined.
    pub fn to_pairs(&self) -> Vec<(&'static str, String)> {
        fn join<T>(v: &[T], key: impl Fn(&T) -> String) -> String {
            let mut keys: Vec<String> = v.iter().map(key).collect();
            keys.dedup();
            keys.join(",")
        }
        let mut out = Vec::new();
        if !self.text.is_empty() {
            out.push((param::TEXT, cut(&self.text)));
        }
        let lists = [
            (param::KIND, join(&self.kinds, |k| k.key().to_string())),
            (param::SIZE, join(&self.sizes, |s| size_key(*s).to_string())),
            (
                param::PROVINCE,
                join(&self.provinces, |p| p.as_str().to_string()),
            ),
            (param::SECTOR, join(&self.sectors, |c| c.to_string())),
            (
                param::PATTERN,
                join(&self.patterns, |p| p.key().to_string()),
            ),
        ];
        out.extend(lists.into_iter().filter(|(_, v)| !v.is_empty()));
        if self.sort != Sort::Relevance {
            out.push((param::SORT, self.sort.key().to_string()));
        }
        if self.page > 1 {
            out.push((param::PAGE, self.page.to_string()));
        }
        out
    }

    /// `?q=...&jenis=...`, percent-encoded; empty for the default query.
    pub fn to_query_string(&self) -> String {
        let pairs = self.to_pairs();
        if pairs.is_empty() {
            return String::new();
        }
        let parts: Vec<String> = pairs
            .iter()
            .map(|(k, v)| format!("{k}={}", encode_component(v)))
            .collect();
        format!("?{}", parts.join("&"))
    }

    /// True when any facet is selected.
    pub fn has_filters(&self) -> bool {
        !(self.kinds.is_empty()
            && self.sizes.is_empty()
            && self.provinces.is_empty()
            && self.sectors.is_empty()
            && self.patterns.is_empty())
    }

    /// Drops every facet selection and goes back to page 1; text and sort
    /// stay.
    pub fn clear_filters(&mut self) {
        self.kinds.clear();
        self.sizes.clear();
        self.provinces.clear();
        self.sectors.clear();
        self.patterns.clear();
        self.page = 1;
    }

    /// Puts lists back in canonical order after an edit.
    pub fn canonicalize(&mut self) {
        canonical(&mut self.kinds, Kind::ALL);
        canonical(&mut self.sizes, SizeClass::ALL);
        canonical(&mut self.provinces, ProvinceCode::all());
        canonical(&mut self.sectors, sector_letters());
        canonical(&mut self.patterns, Pattern::ALL);
        self.text = cut(&self.text);
        self.page = self.page.clamp(1, MAX_PAGE);
    }
}

/// Percent-encodes a URL component: RFC 3986 unreserved characters stay,
/// every other byte of the UTF-8 becomes `%XX` (a space is `%20`, never `+`).
pub fn encode_component(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~' | b',') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(s: &[(&str, &str)]) -> Query {
        Query::from_pairs(s.iter().copied())
    }

    #[test]
    fn round_trips_through_pairs() {
        let q = Query {
            text: "Sumber makmur".into(),
            kinds: vec![Kind::Pma, Kind::Pmdn],
            sizes: vec![SizeClass::Kecil],
            provinces: vec![ProvinceCode::parse("31").unwrap()],
            sectors: vec!['C', 'G'],
            patterns: vec![Pattern::IntiPlasma],
            sort: Sort::Value,
            page: 3,
            per_page: DEFAULT_PER_PAGE,
        };
        let back = Query::from_pairs(q.to_pairs());
        assert_eq!(back, q);
        assert_eq!(
            q.to_query_string(),
            "?q=Sumber%20makmur&jenis=pma,pmdn&kelas=kecil&provinsi=31&sektor=C,G&pola=inti_plasma&urut=nilai&hal=3"
        );
    }

    #[test]
    fn the_default_query_is_an_empty_string() {
        assert_eq!(Query::default().to_query_string(), "");
        assert!(Query::default().to_pairs().is_empty());
    }

    #[test]
    fn bad_values_are_dropped_and_the_rest_kept() {
        let q = pairs(&[
            ("q", "batik"),
            ("jenis", "pma,alien,,PMDN"),
            ("provinsi", "99"),
            ("provinsi", "32"),
            ("sektor", "c,ZZ,Z,1"),
            ("pola", "waralaba,<script>"),
            ("kelas", "raksasa"),
            ("urut", "acak"),
            ("hal", "-3"),
            ("unknown", "x"),
        ]);
        assert_eq!(q.text, "batik");
        assert_eq!(q.kinds, vec![Kind::Pma]);
        assert_eq!(q.provinces, vec![ProvinceCode::parse("32").unwrap()]);
        assert_eq!(q.sectors, vec!['C']);
        assert_eq!(q.patterns, vec![Pattern::Waralaba]);
        assert!(q.sizes.is_empty());
        assert_eq!(q.sort, Sort::Relevance);
        assert_eq!(q.page, 1);
        for bad in ["abc", "0", "99999999999", "1e3", ""] {
            assert_eq!(pairs(&[("hal", bad)]).page, 1, "{bad}");
        }
        assert_eq!(pairs(&[("hal", " 7 ")]).page, 7);
    }

    #[test]
    fn repeated_and_duplicate_values_are_canonical() {
        let q = pairs(&[("jenis", "umkm"), ("jenis", "pma,umkm")]);
        assert_eq!(q.kinds, vec![Kind::Pma, Kind::Umkm]);
        assert_eq!(Query::from_pairs(q.to_pairs()), q);
    }

    #[test]
    fn long_text_is_cut() {
        let long = "a".repeat(MAX_TEXT_CHARS + 50);
        let q = pairs(&[("q", long.as_str())]);
        assert_eq!(q.text.chars().count(), MAX_TEXT_CHARS);
    }

    #[test]
    fn encoding_is_percent_and_utf8() {
        assert_eq!(encode_component("a b&c=d/é"), "a%20b%26c%3Dd%2F%C3%A9");
        assert_eq!(encode_component("<img src=x>"), "%3Cimg%20src%3Dx%3E");
    }

    #[test]
    fn clearing_filters_keeps_text_and_sort() {
        let mut q = pairs(&[("q", "x"), ("jenis", "pma"), ("urut", "nama"), ("hal", "4")]);
        assert!(q.has_filters());
        q.clear_filters();
        assert!(!q.has_filters());
        assert_eq!(q.text, "x");
        assert_eq!(q.sort, Sort::Name);
        assert_eq!(q.page, 1);
    }
}
