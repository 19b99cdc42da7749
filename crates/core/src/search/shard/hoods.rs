//! Typo neighbourhoods: one small file where a word's typos would fetch
//! many shards.
//!
//! Term shards hold consecutive terms, which suits a prefix ("bide" is a run
//! of neighbouring terms), but a word's typo matches are spread over the
//! alphabet: with two typos (from 9 letters) a rare coined word matches
//! terms starting with other letters, each in its own shard of up to 150
//! rows. Measured at 100 000 partners: the 9th letter of such a word matched
//! 41 terms held by 527 partners, spread over 39 shards of 5 127 rows
//! (164 KB, 41 requests).
//!
//! So where typos are allowed (`k` > 0), the first `n` characters of a term
//! (a *prefix*, `n` from the length at which `k` typos start, 5 or 9, up
//! to 12) have a neighbourhood file `hoods/{t}-{n}.txt` (`t` the number of
//! the first term starting with the prefix) when
//!
//! - the matched terms' document frequencies sum to at most `budget` (the
//!   file is small), and
//! - the prefix is the shortest of its run of lengths with the same `k` for
//!   which that holds (a longer word with the same `k` is covered by it),
//!   and its term shards hold more than `budget` rows (else the shards are
//!   cheap enough).
//!
//! The file holds every partner holding a term that the prefix's automaton
//! (`k` typos, prefix matching) accepts. Why it holds every match of any
//! longer word `w` with the same `k`: a term `T` matches `w` when the
//! distance from `w` to `T` or to a prefix of `T` is at most `k`; the
//! dynamic-programming row of `w` minus its last letter has a cell no
//! greater than any cell of the row of `w` (each cell derives from the row
//! before by a deletion, a substitution or a transposition that costs at
//! least what it saves), so the prefix's distance to some prefix of `T` is
//! at most `w`'s, and `T` matches the prefix. The native tests check it
//! (`shard::tests`), with every prefix of the generated names typed letter
//! by letter, correctly and with a swap.
//!
//! Everything is decided from the root (the dictionary, document
//! frequencies, shard rows and `budget`), so the client and the writer
//! agree on which files exist; a word that is not the start of a term (a
//! typo) has none and fetches its shards.

use super::tops::MAX_CHARS;
use super::{Root, ShardKey};

impl Root {
    /// The neighbourhood file holding every partner `word` can match, and
    /// the partners it holds at most (its terms' frequencies summed), if
    /// there is one (module doc).
    pub(super) fn hood_for(&self, word: &str) -> Option<(ShardKey, u64)> {
        let k = Self::typos_for(word);
        if k == 0 {
            return None;
        }
        let chars = word.chars().count();
        // The first length with `k` typos: the run the word is in.
        let first = (1..=chars).find(|&m| super::typos_allowed(m) == k)?;
        let mut ends = word.char_indices().map(|(i, _)| i).skip(1);
        let ends: Vec<usize> = (1..=chars.min(MAX_CHARS))
            .map(|_| ends.next().unwrap_or(word.len()))
            .collect();
        for (m, &end) in ends.iter().enumerate().map(|(i, e)| (i + 1, e)) {
            if m < first {
                continue;
            }
            let prefix = &word[..end];
            // Not the start of a term: nor is anything longer.
            let (t, _) = self.prefix_rows(prefix)?;
            let w = self.walk(prefix, k);
            if w.df <= self.budget {
                return (w.rows > self.budget)
                    .then_some((ShardKey::Hood(u32::try_from(t).ok()?, m as u8), w.df));
            }
        }
        None
    }
}
