//! Partner search: typo-tolerant prefix search over names, NIB lookup, facet
//! counts that follow the query, and four orders, over up to 16 million
//! partners held in the browser.
//!
//! ```text
//! Index::build(&[PartnerSummary]) -> Index
//! Index::search(&Query) -> Results { hits (one page), total, page, pages, facets }
//! Index::doc(hit) -> DocView        (what a result row shows)
//! ```
//!
//! How it works (ARCHITECTURE.md has the figures):
//! - Names are folded ([`normalize`]) into words. The distinct words form the
//!   term dictionary, an [`fst::Map`] from word to term number; each term has
//!   a posting list of `(partner, word position)` packed in one `u32`
//!   (partner << 8 | position), all lists in one flat vector.
//! - Each query word is run as a bounded edit-distance automaton
//!   ([`fuzzy::Fuzzy`]) over the dictionary: it finds the words within the
//!   allowed typos (one from 5 letters, two from 9) and the words that start
//!   with the query word (or with something within its typos). A partner
//!   matches when every query word matches one of its words.
//! - Legal forms (PT, CV, UD, Tbk, Koperasi, Persero, ...) are optional in a
//!   query that has other words: they only break ties.
//! - Ranking, best first: the exact name (legal forms aside); more query
//!   words matched as whole words; fewer typos and completions; the words in
//!   the query's order and adjacent; the legal form typed; an earlier first
//!   match; fewer extra words in the name; then A–Z.
//! - Facets are one byte (or a bit mask) per partner in plain columns. One
//!   pass over the matching partners counts every facet "disjunctively": a
//!   facet's counts ignore that facet's own selection, so they say what
//!   ticking another box would give.
//! - Only the requested page is sorted (`select_nth_unstable`, then a sort of
//!   the top), so a query with 100,000 hits costs a linear pass.

pub mod fuzzy;
pub mod normalize;
pub mod query;
pub mod row;
pub mod shard;

use std::collections::HashMap;

use fst::{IntoStreamer, Streamer};

use crate::model::{Kind, PartnerSummary};
use crate::pattern::Pattern;
use crate::province::ProvinceCode;
use crate::size_class::{Classification, SizeClass, SizeTest};
use crate::Rupiah;

pub use query::{Query, Sort};
pub use row::Row;

use fuzzy::Fuzzy;
use normalize::{digits_only, for_each_token, is_legal_form, LEGAL_FORMS};

/// The most partners an index holds: a posting packs the partner in 24 bits.
pub const MAX_DOCS: usize = 1 << 24;
/// At most this many query words are used (the rest are ignored).
pub const MAX_QUERY_WORDS: usize = 8;
/// Sector letters A–V (KBLI 2025 adds V).
const SECTORS: usize = 22;
const NONE: u8 = u8::MAX;
/// Position stored for a legal-form word: it is not a word of the name.
const LEGAL_POS: u8 = u8::MAX;

/// Typos tolerated in a query word of `chars` characters: none below 5,
/// one from 5, two from 9.
pub fn typos_allowed(chars: usize) -> u8 {
    match chars {
        0..=4 => 0,
        5..=8 => 1,
        _ => 2,
    }
}

/// Many short strings in one buffer.
#[derive(Clone, Debug, Default)]
struct Packed {
    bytes: String,
    ends: Vec<u32>,
}

impl Packed {
    fn push(&mut self, s: &str) {
        self.bytes.push_str(s);
        self.ends.push(self.bytes.len() as u32);
    }

    fn get(&self, i: usize) -> &str {
        let end = self.ends.get(i).copied().unwrap_or(0) as usize;
        let start = match i {
            0 => 0,
            _ => self.ends.get(i - 1).copied().unwrap_or(0) as usize,
        };
        self.bytes.get(start..end).unwrap_or("")
    }

    fn heap_bytes(&self) -> usize {
        self.bytes.capacity() + self.ends.capacity() * 4
    }
}

/// A table of distinct strings (cities, countries): each partner keeps a
/// number.
#[derive(Clone, Debug, Default)]
struct Interner {
    strings: Vec<Box<str>>,
    lookup: HashMap<Box<str>, u32>,
}

impl Interner {
    fn id(&mut self, s: &str) -> u32 {
        if let Some(&i) = self.lookup.get(s) {
            return i;
        }
        let i = self.strings.len() as u32;
        self.strings.push(s.into());
        self.lookup.insert(s.into(), i);
        i
    }

    fn get(&self, i: u32) -> &str {
        self.strings.get(i as usize).map(|s| &**s).unwrap_or("")
    }

    fn heap_bytes(&self) -> usize {
        self.strings.iter().map(|s| s.len() + 16).sum::<usize>()
    }
}

fn kind_index(k: Kind) -> u8 {
    match k {
        Kind::Pma => 0,
        Kind::Pmdn => 1,
        Kind::Umkm => 2,
    }
}

fn size_index(c: SizeClass) -> u8 {
    match c {
        SizeClass::Mikro => 0,
        SizeClass::Kecil => 1,
        SizeClass::Menengah => 2,
        SizeClass::Besar => 3,
    }
}

fn pattern_index(p: Pattern) -> usize {
    Pattern::ALL.iter().position(|x| *x == p).unwrap_or(0)
}

fn province_index(p: ProvinceCode) -> u8 {
    ProvinceCode::all().position(|x| x == p).unwrap_or(0) as u8
}

fn province_count() -> usize {
    ProvinceCode::all().count()
}

fn sector_index(c: char) -> Option<u8> {
    let i = (c as u32).checked_sub('A' as u32)?;
    (i < SECTORS as u32).then_some(i as u8)
}

/// The per-partner columns that both the builder and the index hold: what a
/// result row shows and what the facets and orders read, one entry per
/// partner, by position.
#[derive(Default)]
struct Columns {
    ids: Packed,
    names: Packed,
    cities: Interner,
    countries: Interner,
    city: Vec<u32>,
    country: Vec<u32>,
    /// (NIB as a number, partner); sorted once the index is built.
    nibs: Vec<(u64, u32)>,
    kind: Vec<u8>,
    /// Class index | 0x10 for the sales test; NONE for companies.
    size: Vec<u8>,
    province: Vec<u8>,
    /// KBLI category letter - 'A'; NONE when unknown.
    sector: Vec<u8>,
    agreements: Vec<u32>,
    committed: Vec<i64>,
    /// Bit i = Pattern::ALL[i].
    patterns: Vec<u16>,
    /// Words of the name that are not legal forms.
    words: Vec<u8>,
    /// Bit i = LEGAL_FORMS[i] in the name.
    legal: Vec<u8>,
}

impl Columns {
    fn new() -> Columns {
        let mut c = Columns::default();
        // Country 0 means "none".
        c.countries.id("");
        c
    }

    fn len(&self) -> usize {
        self.kind.len()
    }

    /// Appends one partner (its name's words are counted by the caller).
    fn push(&mut self, r: &Row, words: u8, legal: u8) {
        let doc = self.len() as u32;
        self.ids.push(&r.id);
        self.names.push(&r.name);
        let city = self.cities.id(&r.city);
        self.city.push(city);
        let country = match &r.country {
            Some(c) => self.countries.id(c),
            None => 0,
        };
        self.country.push(country);
        if let Some(n) = r.nib {
            self.nibs.push((n, doc));
        }
        self.kind.push(r.kind);
        self.size.push(r.size);
        self.province.push(r.province);
        self.sector.push(r.sector);
        self.agreements.push(r.agreements);
        self.committed.push(r.committed);
        self.patterns.push(r.patterns);
        self.words.push(words);
        self.legal.push(legal);
    }

    fn heap_bytes(&self) -> usize {
        self.ids.heap_bytes()
            + self.names.heap_bytes()
            + self.cities.heap_bytes()
            + self.countries.heap_bytes()
            + (self.city.capacity() + self.country.capacity()) * 4
            + self.nibs.capacity() * 16
            + self.kind.capacity()
            + self.size.capacity()
            + self.province.capacity()
            + self.sector.capacity()
            + self.agreements.capacity() * 4
            + self.committed.capacity() * 8
            + self.patterns.capacity() * 2
            + self.words.capacity()
            + self.legal.capacity()
    }
}

/// Collects partners, then [`IndexBuilder::finish`] builds the index. Pages
/// can be added as they arrive, in any order.
pub struct IndexBuilder {
    cols: Columns,
    /// Folded name without legal forms, then with them: the A–Z key.
    sort_names: Vec<String>,
    term_ids: HashMap<String, u32>,
    term_postings: Vec<Vec<u32>>,
}

impl Default for IndexBuilder {
    fn default() -> Self {
        IndexBuilder::new()
    }
}

impl IndexBuilder {
    /// An empty builder.
    pub fn new() -> IndexBuilder {
        IndexBuilder {
            cols: Columns::new(),
            sort_names: Vec::new(),
            term_ids: HashMap::new(),
            term_postings: Vec::new(),
        }
    }

    /// Partners added so far.
    pub fn len(&self) -> usize {
        self.cols.len()
    }

    /// True when no partner was added.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Adds partners; those beyond [`MAX_DOCS`] are left out.
    pub fn add(&mut self, items: &[PartnerSummary]) {
        for p in items {
            if self.len() >= MAX_DOCS {
                return;
            }
            self.add_row(&Row::from_summary(p));
        }
    }

    /// Adds one partner as a search row (what the index shards hold); left
    /// out beyond [`MAX_DOCS`].
    pub fn add_row(&mut self, r: &Row) {
        if self.len() >= MAX_DOCS {
            return;
        }
        let doc = self.len() as u32;
        let mut pos: u8 = 0;
        let mut legal = 0u8;
        let mut plain = String::new();
        let mut full = String::new();
        let term_ids = &mut self.term_ids;
        let term_postings = &mut self.term_postings;
        for_each_token(&r.name, |tok| {
            let is_legal = is_legal_form(tok);
            let word_pos = if is_legal {
                if let Some(i) = LEGAL_FORMS.iter().position(|f| *f == tok) {
                    legal |= 1 << i;
                }
                LEGAL_POS
            } else {
                let wp = pos.min(LEGAL_POS - 1);
                pos = pos.saturating_add(1);
                if !plain.is_empty() {
                    plain.push(' ');
                }
                plain.push_str(tok);
                wp
            };
            if !full.is_empty() {
                full.push(' ');
            }
            full.push_str(tok);
            let term = match term_ids.get(tok) {
                Some(&t) => t,
                None => {
                    let t = term_postings.len() as u32;
                    term_ids.insert(tok.to_owned(), t);
                    term_postings.push(Vec::new());
                    t
                }
            };
            let list = &mut term_postings[term as usize];
            let posting = (doc << 8) | u32::from(word_pos);
            // A word repeated in one name is kept once, at its first place.
            if list.last().is_none_or(|&last| last >> 8 != doc) {
                list.push(posting);
            }
        });
        self.cols.push(r, pos, legal);
        plain.push('\u{1}');
        plain.push_str(&full);
        self.sort_names.push(plain);
    }

    /// Builds the term dictionary, postings and sort ranks. Partners keep
    /// the order they were added in: a hit is a position in that order.
    pub fn finish(self) -> Index {
        let mut cols = self.cols;
        let n = cols.len();
        // Term dictionary: sorted terms get numbers in order; postings follow.
        let mut terms: Vec<(String, u32)> = self.term_ids.into_iter().collect();
        terms.sort_unstable();
        let mut offsets = Vec::with_capacity(terms.len() + 1);
        let total: usize = self.term_postings.iter().map(Vec::len).sum();
        let mut postings = Vec::with_capacity(total);
        offsets.push(0u32);
        for (_, old) in &terms {
            if let Some(list) = self.term_postings.get(*old as usize) {
                postings.extend_from_slice(list);
            }
            offsets.push(postings.len() as u32);
        }
        let fst_terms = fst::Map::from_iter(
            terms
                .iter()
                .enumerate()
                .map(|(i, (t, _))| (t.as_bytes(), i as u64)),
        )
        .unwrap_or_default();

        // Orders, as ranks (rank[doc] = place in that order).
        let ids = &cols.ids;
        let sort_names = self.sort_names;
        let mut by_name: Vec<u32> = (0..n as u32).collect();
        by_name.sort_unstable_by(|&a, &b| {
            sort_names[a as usize]
                .cmp(&sort_names[b as usize])
                .then_with(|| ids.get(a as usize).cmp(ids.get(b as usize)))
        });
        let rank_name = ranks(&by_name);
        // The other orders sort (key, A–Z rank) pairs: the same sort instance
        // as the search's, since each sort of a new type costs several
        // kilobytes of wasm. Descending: the complement of the count; the
        // value with its sign bit flipped (order-preserving for i64), negated.
        let order_by = |key: &dyn Fn(usize) -> u64| -> Vec<u32> {
            let mut keyed: Vec<(u64, u32)> = (0..n).map(|d| (key(d), rank_name[d])).collect();
            keyed.sort_unstable();
            keyed
                .iter()
                .map(|&(_, r)| by_name.get(r as usize).copied().unwrap_or(0))
                .collect()
        };
        let by_agreements = order_by(&|d| u64::from(u32::MAX - cols.agreements[d]));
        let by_value = order_by(&|d| !((cols.committed[d] as u64) ^ (1 << 63)));

        cols.nibs.sort_unstable();

        Index {
            cols,
            terms: fst_terms,
            offsets,
            postings,
            rank_name,
            rank_agreements: ranks(&by_agreements),
            rank_value: ranks(&by_value),
        }
    }
}

fn ranks(order: &[u32]) -> Vec<u32> {
    let mut rank = vec![0u32; order.len()];
    for (r, &d) in order.iter().enumerate() {
        rank[d as usize] = r as u32;
    }
    rank
}

/// The search index: the partners' list columns plus the term dictionary,
/// postings and sort ranks. Immutable once built; `Send + Sync`.
pub struct Index {
    cols: Columns,
    terms: fst::Map<Vec<u8>>,
    offsets: Vec<u32>,
    postings: Vec<u32>,
    rank_name: Vec<u32>,
    rank_agreements: Vec<u32>,
    rank_value: Vec<u32>,
}
/// What a result row shows of one partner.
#[derive(Clone, Debug, PartialEq)]
pub struct DocView<'a> {
    /// The partner's id.
    pub id: &'a str,
    /// The registered name.
    pub name: &'a str,
    /// PMA, PMDN or UMKM.
    pub kind: Kind,
    /// The province of the registered address.
    pub province: ProvinceCode,
    /// The city or regency.
    pub city: &'a str,
    /// KBLI category letter.
    pub sector: Option<char>,
    /// An UMKM's size class and the test that set it.
    pub size: Option<Classification>,
    /// A PMA's country of origin (ISO 3166-1 alpha-2).
    pub country: Option<&'a str>,
    /// How many agreements it is a party to.
    pub agreement_count: u32,
    /// The committed value of those agreements, summed.
    pub committed: Rupiah,
    /// The patterns of its agreements, in [`Pattern::ALL`] order.
    pub patterns: Vec<Pattern>,
}

/// Counts per facet value among the partners that match the text and every
/// *other* facet's selection.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FacetCounts {
    kinds: [u32; 3],
    sizes: [u32; 4],
    provinces: Vec<u32>,
    sectors: [u32; SECTORS],
    patterns: [u32; 11],
}

impl FacetCounts {
    fn new() -> FacetCounts {
        FacetCounts {
            provinces: vec![0; province_count()],
            ..FacetCounts::default()
        }
    }

    /// Matches of this kind.
    pub fn kind(&self, k: Kind) -> u32 {
        self.kinds[kind_index(k) as usize]
    }

    /// Matches in this size class.
    pub fn size(&self, c: SizeClass) -> u32 {
        self.sizes[size_index(c) as usize]
    }

    /// Matches in this province.
    pub fn province(&self, p: ProvinceCode) -> u32 {
        self.provinces
            .get(province_index(p) as usize)
            .copied()
            .unwrap_or(0)
    }

    /// By KBLI category letter; 0 for a letter that is not a category.
    pub fn sector(&self, c: char) -> u32 {
        sector_index(c)
            .and_then(|i| self.sectors.get(i as usize))
            .copied()
            .unwrap_or(0)
    }

    /// Matches with an agreement of this pattern.
    pub fn pattern(&self, p: Pattern) -> u32 {
        self.patterns[pattern_index(p)]
    }

    /// The sector letters with a count above zero, A first.
    pub fn sectors_present(&self) -> Vec<(char, u32)> {
        self.sectors
            .iter()
            .enumerate()
            .filter(|(_, &c)| c > 0)
            .map(|(i, &c)| (char::from(b'A' + i as u8), c))
            .collect()
    }
}

/// One page of results.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Results {
    /// Partners of the requested page, in order, as positions for
    /// [`Index::doc`].
    pub hits: Vec<u32>,
    /// Partners that match the text and all selected facets.
    pub total: usize,
    /// The page shown: the requested one, clamped to `1..=pages`.
    pub page: u32,
    /// At least 1.
    pub pages: u32,
    /// The counts for each facet value.
    pub facets: FacetCounts,
}

/// The facet selections as masks. A facet with nothing selected passes all.
struct Filters {
    kinds: u8,
    sizes: u8,
    provinces: u64,
    sectors: u32,
    patterns: u16,
}

const F_KIND: u8 = 1;
const F_SIZE: u8 = 2;
const F_PROVINCE: u8 = 4;
const F_SECTOR: u8 = 8;
const F_PATTERN: u8 = 16;

impl Filters {
    fn new(q: &Query) -> Filters {
        Filters {
            kinds: q.kinds.iter().fold(0, |m, k| m | 1 << kind_index(*k)),
            sizes: q.sizes.iter().fold(0, |m, c| m | 1 << size_index(*c)),
            provinces: q
                .provinces
                .iter()
                .fold(0, |m, p| m | 1u64 << province_index(*p)),
            sectors: q
                .sectors
                .iter()
                .filter_map(|c| sector_index(*c))
                .fold(0, |m, i| m | 1 << i),
            patterns: q.patterns.iter().fold(0, |m, p| m | 1 << pattern_index(*p)),
        }
    }
}

/// A partner that matches every query word so far.
#[derive(Clone, Copy)]
struct Cand {
    doc: u32,
    cost: u8,
    /// Query words not matched as whole words without typo.
    misses: u8,
    first: u8,
    last: u8,
    ordered: bool,
}

impl Index {
    /// Builds the index over `items` (see [`IndexBuilder`] to add pages as
    /// they arrive).
    pub fn build(items: &[PartnerSummary]) -> Index {
        let mut b = IndexBuilder::new();
        b.add(items);
        b.finish()
    }

    /// Partners in the index.
    pub fn len(&self) -> usize {
        self.cols.kind.len()
    }

    /// True when the index holds no partner.
    pub fn is_empty(&self) -> bool {
        self.cols.kind.is_empty()
    }

    /// Distinct words in the term dictionary.
    pub fn term_count(&self) -> usize {
        self.terms.len()
    }

    /// Bytes the index holds on the heap (a close estimate: vectors by
    /// capacity, strings and tables by content).
    pub fn heap_bytes(&self) -> usize {
        self.cols.heap_bytes()
            + self.terms.as_fst().as_bytes().len()
            + self.offsets.capacity() * 4
            + self.postings.capacity() * 4
            + (self.rank_name.capacity()
                + self.rank_agreements.capacity()
                + self.rank_value.capacity())
                * 4
    }

    /// The partner at `pos` (a hit of [`Results::hits`]).
    pub fn doc(&self, pos: u32) -> Option<DocView<'_>> {
        let i = pos as usize;
        let kind = Kind::ALL.get(*self.cols.kind.get(i)? as usize).copied()?;
        let size = match self.cols.size[i] {
            NONE => None,
            b => SizeClass::ALL
                .get(usize::from(b & 0x0f))
                .map(|&class| Classification {
                    class,
                    test: if b & 0x10 != 0 {
                        SizeTest::Sales
                    } else {
                        SizeTest::Capital
                    },
                }),
        };
        let province = ProvinceCode::all().nth(usize::from(self.cols.province[i]))?;
        let sector = match self.cols.sector[i] {
            NONE => None,
            s => Some(char::from(b'A' + s)),
        };
        let country = match self.cols.country[i] {
            0 => None,
            c => Some(self.cols.countries.get(c)),
        };
        let mask = self.cols.patterns[i];
        Some(DocView {
            id: self.cols.ids.get(i),
            name: self.cols.names.get(i),
            kind,
            province,
            city: self.cols.cities.get(self.cols.city[i]),
            sector,
            size,
            country,
            agreement_count: self.cols.agreements[i],
            committed: Rupiah(self.cols.committed[i]),
            patterns: Pattern::ALL
                .iter()
                .enumerate()
                .filter(|(b, _)| mask & (1 << b) != 0)
                .map(|(_, p)| *p)
                .collect(),
        })
    }

    /// The position of the partner with this id, if any (a linear scan: for
    /// tests and tools, not per keystroke).
    pub fn position(&self, id: &str) -> Option<u32> {
        (0..self.len())
            .find(|&i| self.cols.ids.get(i) == id)
            .map(|i| i as u32)
    }

    fn postings(&self, term: u64) -> &[u32] {
        let t = term as usize;
        match (self.offsets.get(t), self.offsets.get(t + 1)) {
            (Some(&a), Some(&b)) => self.postings.get(a as usize..b as usize).unwrap_or(&[]),
            _ => &[],
        }
    }

    /// For one query word: the best cost per partner (NONE = no match) and
    /// the position of that match. Cost: 0 whole word, 1 completion (the word
    /// starts with what was typed), 3 per typo (+1 for a completion).
    fn match_word(&self, word: &str, cost: &mut [u8], pos: &mut [u8]) {
        let k = if word.bytes().all(|b| b.is_ascii_digit()) {
            0
        } else {
            typos_allowed(word.chars().count())
        };
        let aut = Fuzzy::new(word, k, true);
        let mut stream = self.terms.search_with_state(&aut).into_stream();
        while let Some((_, term, state)) = stream.next() {
            let whole = state.whole(&aut).map(|d| 3 * d);
            let prefix = state.prefix(&aut).map(|d| 3 * d + 1);
            let c = match (whole, prefix) {
                (Some(w), Some(p)) => w.min(p),
                (Some(w), None) => w,
                (None, Some(p)) => p,
                (None, None) => continue,
            };
            for &posting in self.postings(term) {
                let d = (posting >> 8) as usize;
                if let Some(slot) = cost.get_mut(d) {
                    if c < *slot {
                        *slot = c;
                        pos[d] = (posting & 0xff) as u8;
                    }
                }
            }
        }
    }

    /// The partners matching `text`, each with its relevance key (lower is
    /// better; the A–Z rank in the low 24 bits). `None` when the text has no
    /// word: everything matches.
    fn match_text(&self, text: &str) -> Option<Vec<(u32, u64)>> {
        let mut words: Vec<String> = Vec::new();
        for_each_token(text, |t| words.push(t.to_owned()));
        if words.is_empty() {
            return None;
        }
        if let Some(digits) = digits_only(text) {
            if digits.len() == 13 {
                if let Ok(n) = digits.parse::<u64>() {
                    let found: Vec<(u32, u64)> = self
                        .cols
                        .nibs
                        .binary_search_by_key(&n, |&(nib, _)| nib)
                        .ok()
                        .map(|i| (self.cols.nibs[i].1, 0))
                        .into_iter()
                        .collect();
                    if !found.is_empty() {
                        return Some(found);
                    }
                }
            }
        }
        let (mut required, legal): (Vec<String>, Vec<String>) =
            words.into_iter().partition(|w| !is_legal_form(w));
        let legal_only = required.is_empty();
        let legal_mask: u8 = if legal_only {
            required = legal;
            0
        } else {
            legal.iter().fold(0, |m, w| {
                m | LEGAL_FORMS
                    .iter()
                    .position(|f| f == w)
                    .map_or(0, |i| 1 << i)
            })
        };
        required.truncate(MAX_QUERY_WORDS);

        let n = self.len();
        let mut cost = vec![NONE; n];
        let mut pos = vec![0u8; n];
        let mut cands: Vec<Cand> = Vec::new();
        for (i, word) in required.iter().enumerate() {
            if i > 0 {
                cost.fill(NONE);
            }
            self.match_word(word, &mut cost, &mut pos);
            if i == 0 {
                cands = cost
                    .iter()
                    .enumerate()
                    .filter(|(_, &c)| c != NONE)
                    .map(|(d, &c)| Cand {
                        doc: d as u32,
                        cost: c,
                        misses: u8::from(c > 0),
                        first: pos[d],
                        last: pos[d],
                        ordered: true,
                    })
                    .collect();
            } else {
                cands.retain_mut(|cand| {
                    let d = cand.doc as usize;
                    let c = cost[d];
                    if c == NONE {
                        return false;
                    }
                    cand.cost = cand.cost.saturating_add(c);
                    cand.misses += u8::from(c > 0);
                    let p = pos[d];
                    cand.ordered &= cand.last != LEGAL_POS && p == cand.last.wrapping_add(1);
                    cand.last = p;
                    true
                });
            }
            if cands.is_empty() {
                break;
            }
        }
        let nreq = required.len() as u8;
        Some(
            cands
                .into_iter()
                .map(|c| {
                    let d = c.doc as usize;
                    let words = self.cols.words[d];
                    let exact = !legal_only
                        && c.cost == 0
                        && words == nreq
                        && (nreq == 1 || c.ordered)
                        && c.first == 0;
                    let extra = words.saturating_sub(nreq).min(15);
                    let legal_miss = self.cols.legal[d] & legal_mask != legal_mask;
                    let mut key = u64::from(!exact);
                    key = key * 8 + u64::from(c.misses.min(7));
                    key = key * 64 + u64::from(c.cost.min(63));
                    key = key * 2 + u64::from(!(nreq == 1 || c.ordered));
                    key = key * 2 + u64::from(legal_miss);
                    key = key * 16 + u64::from(c.first.min(15));
                    key = key * 16 + u64::from(extra);
                    key = (key << 24) | u64::from(self.rank_name[d]);
                    (c.doc, key)
                })
                .collect(),
        )
    }

    /// Runs a query: matches, filters, counts facets, orders, and returns
    /// the requested page.
    pub fn search(&self, q: &Query) -> Results {
        self.search_matched(q, self.match_text(&q.text))
    }

    /// The first pages of `q` in each of `sorts` (the text matched once):
    /// what the index writer precomputes.
    pub(crate) fn search_sorts(&self, q: &Query, sorts: &[Sort]) -> Vec<Results> {
        let matched = self.match_text(&q.text);
        sorts
            .iter()
            .map(|&sort| {
                let q = Query { sort, ..q.clone() };
                self.search_matched(&q, matched.clone())
            })
            .collect()
    }

    fn search_matched(&self, q: &Query, matched: Option<Vec<(u32, u64)>>) -> Results {
        let has_text = matched.is_some();
        let f = Filters::new(q);
        let mut facets = FacetCounts::new();
        let mut hits: Vec<(u64, u32)> = Vec::new();
        let mut visit = |doc: u32, rel: u64| {
            let d = doc as usize;
            let kind = self.cols.kind[d];
            let size = self.cols.size[d];
            let size_i = if size == NONE { NONE } else { size & 0x0f };
            let prov = self.cols.province[d];
            let sector = self.cols.sector[d];
            let pats = self.cols.patterns[d];
            let mut fails = 0u8;
            if f.kinds != 0 && f.kinds & (1 << kind) == 0 {
                fails |= F_KIND;
            }
            if f.sizes != 0 && (size_i == NONE || f.sizes & (1 << size_i) == 0) {
                fails |= F_SIZE;
            }
            if f.provinces != 0 && f.provinces & (1u64 << prov) == 0 {
                fails |= F_PROVINCE;
            }
            if f.sectors != 0 && (sector == NONE || f.sectors & (1 << sector) == 0) {
                fails |= F_SECTOR;
            }
            if f.patterns != 0 && f.patterns & pats == 0 {
                fails |= F_PATTERN;
            }
            if fails & (fails.wrapping_sub(1)) != 0 {
                return; // fails two facets: counts nowhere
            }
            let all = fails == 0;
            if all || fails == F_KIND {
                facets.kinds[kind as usize] += 1;
            }
            if (all || fails == F_SIZE) && size_i != NONE {
                facets.sizes[size_i as usize] += 1;
            }
            if all || fails == F_PROVINCE {
                if let Some(c) = facets.provinces.get_mut(prov as usize) {
                    *c += 1;
                }
            }
            if (all || fails == F_SECTOR) && sector != NONE {
                facets.sectors[sector as usize] += 1;
            }
            if all || fails == F_PATTERN {
                let mut m = pats;
                while m != 0 {
                    let b = m.trailing_zeros() as usize;
                    facets.patterns[b] += 1;
                    m &= m - 1;
                }
            }
            if all {
                let key = match q.sort {
                    Sort::Relevance if has_text => rel,
                    Sort::Relevance | Sort::Name => u64::from(self.rank_name[d]),
                    Sort::Agreements => u64::from(self.rank_agreements[d]),
                    Sort::Value => u64::from(self.rank_value[d]),
                };
                hits.push((key, doc));
            }
        };
        match matched {
            Some(list) => {
                for (doc, rel) in list {
                    visit(doc, rel);
                }
            }
            None => {
                for doc in 0..self.len() as u32 {
                    visit(doc, 0);
                }
            }
        }
        let total = hits.len();
        let per_page = q.per_page.max(1) as usize;
        let pages = total.div_ceil(per_page).max(1);
        let page = (q.page.max(1) as usize).min(pages);
        let start = (page - 1) * per_page;
        let end = (start + per_page).min(total);
        if end < total {
            hits.select_nth_unstable(end);
        }
        let top = &mut hits[..end];
        top.sort_unstable();
        Results {
            hits: top[start..].iter().map(|&(_, d)| d).collect(),
            total,
            page: page as u32,
            pages: pages as u32,
            facets,
        }
    }
}

#[cfg(test)]
mod tests;
