//! Precomputed first pages of broad words: what keeps each keystroke small.
//!
//! While a reader types a common word ("mak…" of "makmur"), the shards that
//! hold every partner it can match are large (thousands of rows, 100 KB and
//! more). The result page shows only the first page, its total and the facet
//! counts, so for a word typed alone the writer precomputes exactly that:
//! for every prefix of 3 to 12 letters of a dictionary term such that the
//! files the word would fetch hold more than `budget` rows, the
//! union of its first page (up to `top`
//! partners) in each of the four orders, with the total and facet counts of
//! the query, in `tops/{t}-{n}.txt` (`t` the number of the first term
//! starting with the prefix, `n` its length in characters).
//!
//! A query that is that one word (no second word, no filter, page 1, a page
//! of at most `top`) and whose files (with the typos it allows: its shards,
//! or its neighbourhood file, hoods.rs, whichever holds fewer rows) hold
//! more than `budget` rows fetches that file alone. Since format 3 this
//! includes words broad only through their typos (at 5 and 9 letters, whose
//! neighbourhood holds more than `budget` partners), not only words with
//! many completions. Its answer equals the full
//! index's: the first page in any order of every match is within the union
//! of the first pages in that order (ranks are a total order, so a subset
//! keeps their relative order), and the total and counts are the full
//! index's, written by the writer. Any other query with that word (a filter,
//! page 2, a second broad word) fetches its shards as before.

use super::{FacetCounts, Query, Root, ShardKey};

/// Prefix lengths, in characters, that have precomputed first pages.
pub(super) const MIN_CHARS: usize = 3;
pub(super) const MAX_CHARS: usize = 12;

/// The largest dataset (partners) given first pages for words broad only
/// through their typos (see [`Root::top_for`]).
pub(super) const TYPO_TOPS_MAX_PARTNERS: u64 = 300_000;

/// The total and facet counts a precomputed first page carries.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Totals {
    pub(super) total: u64,
    pub(super) facets: FacetCounts,
}

impl Root {
    /// The number of the first term starting with `word`, and the rows of
    /// the shards of every term starting with it (what the word matches
    /// without typos), if a term starts with it.
    pub(super) fn prefix_rows(&self, word: &str) -> Option<(u64, u64)> {
        use fst::{IntoStreamer, Streamer};
        let mut stream = self.terms.range().ge(word).into_stream();
        let mut first = None;
        let mut last = 0;
        while let Some((term, i)) = stream.next() {
            if !term.starts_with(word.as_bytes()) {
                break;
            }
            first.get_or_insert(i);
            last = i;
        }
        let first = first?;
        let (a, b) = (self.shard_of(first) as usize, self.shard_of(last) as usize);
        let rows = self
            .shard_rows
            .get(a..=b)
            .map_or(0, |r| r.iter().map(|&n| u64::from(n)).sum());
        Some((first, rows))
    }

    /// The precomputed first page answering `q`, whose only word is `word`
    /// (the files of which hold `rows` rows, with the fewest of its
    /// options: shards or neighbourhood), if there is one.
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
        let (t, rows_exact) = self.prefix_rows(word)?;
        // Broad only through its typos: a first page of its own up to
        // TYPO_TOPS_MAX_PARTNERS. Above, nearly every start of a term is
        // broad by its completions anyway, and the typo-only pages cost more
        // than they save: at a million partners they took the index's build
        // from 19 s to 150 s of CPU (the data tool's 120 s target) and left
        // `make bench-scale`'s keystrokes unchanged (ARCHITECTURE.md).
        if rows_exact <= self.budget && self.partners > TYPO_TOPS_MAX_PARTNERS {
            return None;
        }
        Some(ShardKey::Top(u32::try_from(t).ok()?, n as u8))
    }
}
