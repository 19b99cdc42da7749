//! Precomputed first pages of broad words: what keeps each keystroke small.
//!
//! While a reader types a common word ("mak…" of "makmur"), the shards that
//! hold every partner it can match are large (thousands of rows, 100 KB and
//! more). The result page shows only the first page, its total and the facet
//! counts, so for a word typed alone the writer precomputes exactly that:
//! for every prefix of 3 to 12 letters of a dictionary term whose shards
//! hold more than `budget` rows, the union of its first page (up to `top`
//! partners) in each of the four orders, with the total and facet counts of
//! the query, in `tops/{t}-{n}.txt` (`t` the number of the first term
//! starting with the prefix, `n` its length in characters).
//!
//! A query that is that one word (no second word, no filter, page 1, a page
//! of at most `top`) fetches that file alone. Its answer equals the full
//! index's: the first page in any order of every match is within the union
//! of the first pages in that order (ranks are a total order, so a subset
//! keeps their relative order), and the total and counts are the full
//! index's, written by the writer. Any other query with that word (a filter,
//! page 2, a second broad word) fetches its shards as before.

use super::{FacetCounts, Query, Root, ShardKey};

/// Prefix lengths, in characters, that have precomputed first pages.
pub(super) const MIN_CHARS: usize = 3;
pub(super) const MAX_CHARS: usize = 12;

/// The total and facet counts a precomputed first page carries.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Totals {
    pub(super) total: u64,
    pub(super) facets: FacetCounts,
}

impl Root {
    /// The number of the first term starting with `word`, if one does.
    pub(super) fn first_with_prefix(&self, word: &str) -> Option<u64> {
        use fst::{IntoStreamer, Streamer};
        let mut stream = self.terms.range().ge(word).into_stream();
        let (term, i) = stream.next()?;
        term.starts_with(word.as_bytes()).then_some(i)
    }

    /// The precomputed first page answering `q`, whose only word is `word`
    /// (the shards of which hold `rows` rows), if there is one.
    pub(super) fn top_for(&self, q: &Query, word: &str, rows: u64) -> Option<ShardKey> {
        let n = word.chars().count();
        if rows <= self.budget
            || !(MIN_CHARS..=MAX_CHARS).contains(&n)
            || q.has_filters()
            || q.page > 1
            || q.per_page > self.browse_top
        {
            return None;
        }
        let t = self.first_with_prefix(word)?;
        Some(ShardKey::Top(u32::try_from(t).ok()?, n as u8))
    }
}
