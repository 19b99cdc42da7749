//! A bounded edit-distance automaton run over the fst term dictionary.
//!
//! Why not `fst::automaton::Levenshtein`: it builds a full DFA for every
//! query word before it can search, and on this dictionary that costs
//! 1–9 ms per word natively for two typos (measured, see ARCHITECTURE.md),
//! several times the whole per-keystroke budget once in wasm and multiplied by
//! the words of a query. It also counts a swap of two letters ("sumebr") as
//! two edits. This automaton is the classic dynamic-programming row carried
//! as the state while fst walks its trie: nothing is built up front, a branch
//! is abandoned as soon as every cell of the row exceeds the bound, and a
//! transposition counts as one edit (optimal string alignment distance).
//!
//! Besides whole-word distance it tracks the best distance at which the
//! query matched a *prefix* of the key seen so far, so one walk answers both
//! "which terms are within k typos" and "which terms start with something
//! within k typos of what was typed".

use fst::Automaton;

/// Query words longer than this are compared on their first `MAX_LEN`
/// bytes only (no name word is that long).
pub const MAX_LEN: usize = 24;
const W: usize = MAX_LEN + 1;

/// The DP state after reading some bytes of a key.
#[derive(Clone, Copy, Debug)]
pub struct State {
    /// `row[j]`: distance between the key bytes read and `query[..j]`,
    /// saturated at `k + 1`.
    row: [u8; W],
    /// The row before, for transpositions.
    prev: [u8; W],
    /// The last key byte read (0 before the first).
    last: u8,
    /// Bytes read.
    depth: u8,
    /// The least `row[n]` seen on the way: the distance at which the query
    /// matched a prefix of the key.
    prefix: u8,
}

impl State {
    /// Distance between the whole key and the query, when within the bound.
    pub fn whole(&self, aut: &Fuzzy) -> Option<u8> {
        let d = self.row[aut.len];
        (d <= aut.k).then_some(d)
    }

    /// The least distance between the query and a prefix of the key.
    pub fn prefix(&self, aut: &Fuzzy) -> Option<u8> {
        (self.prefix <= aut.k).then_some(self.prefix)
    }
}

/// Matches keys within `k` edits of `query`, or, when `prefix` is set, keys
/// that start with something within `k` edits of it.
#[derive(Clone, Debug)]
pub struct Fuzzy {
    query: [u8; MAX_LEN],
    len: usize,
    k: u8,
    prefix: bool,
}

impl Fuzzy {
    /// An automaton for `query` within `k` edits; `prefix` accepts any
    /// continuation.
    pub fn new(query: &str, k: u8, prefix: bool) -> Fuzzy {
        let bytes = query.as_bytes();
        let len = bytes.len().min(MAX_LEN);
        let mut q = [0u8; MAX_LEN];
        q[..len].copy_from_slice(&bytes[..len]);
        Fuzzy {
            query: q,
            len,
            k: k.min(3),
            prefix,
        }
    }

    fn cap(&self) -> u8 {
        self.k + 1
    }
}

impl Automaton for Fuzzy {
    type State = State;

    fn start(&self) -> State {
        let mut row = [0u8; W];
        for (j, cell) in row.iter_mut().enumerate().take(self.len + 1) {
            *cell = (j as u8).min(self.cap());
        }
        State {
            row,
            prev: row,
            last: 0,
            depth: 0,
            prefix: row[self.len],
        }
    }

    fn is_match(&self, s: &State) -> bool {
        s.row[self.len] <= self.k || (self.prefix && s.prefix <= self.k)
    }

    fn can_match(&self, s: &State) -> bool {
        (self.prefix && s.prefix <= self.k) || s.row[..=self.len].iter().any(|&d| d <= self.k)
    }

    fn will_always_match(&self, s: &State) -> bool {
        self.prefix && s.prefix <= self.k
    }

    fn accept(&self, s: &State, b: u8) -> State {
        let cap = self.cap();
        let n = self.len;
        let q = &self.query;
        let mut row = [0u8; W];
        row[0] = s.row[0].saturating_add(1).min(cap);
        for j in 1..=n {
            let sub = s.row[j - 1] + u8::from(q[j - 1] != b);
            let mut d = sub.min(s.row[j] + 1).min(row[j - 1] + 1);
            if j > 1 && s.depth > 0 && b == q[j - 2] && s.last == q[j - 1] {
                d = d.min(s.prev[j - 2] + 1);
            }
            row[j] = d.min(cap);
        }
        State {
            row,
            prev: s.row,
            last: b,
            depth: s.depth.saturating_add(1),
            prefix: s.prefix.min(row[n]),
        }
    }
}

/// The optimal-string-alignment distance of two strings, bytewise, for tests
/// and for checking the automaton.
pub fn osa_distance(a: &str, b: &str) -> usize {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1)
                .min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(d[i - 2][j - 2] + 1);
            }
            d[i][j] = v;
        }
    }
    d[a.len()][b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;
    use fst::{IntoStreamer, Set, Streamer};

    fn run(aut: &Fuzzy, key: &str) -> State {
        key.bytes().fold(aut.start(), |s, b| aut.accept(&s, b))
    }

    #[test]
    fn whole_word_distance_counts_a_swap_as_one() {
        let aut = Fuzzy::new("sumber", 1, false);
        assert_eq!(run(&aut, "sumber").whole(&aut), Some(0));
        assert_eq!(run(&aut, "sumbre").whole(&aut), Some(1));
        assert_eq!(run(&aut, "sumbar").whole(&aut), Some(1));
        assert_eq!(run(&aut, "sumer").whole(&aut), Some(1));
        assert_eq!(run(&aut, "ssumber").whole(&aut), Some(1));
        assert_eq!(run(&aut, "sambar").whole(&aut), None);
    }

    #[test]
    fn prefix_distance() {
        let aut = Fuzzy::new("sumb", 0, true);
        let s = run(&aut, "sumberjaya");
        assert_eq!(s.prefix(&aut), Some(0));
        assert_eq!(s.whole(&aut), None);
        assert!(aut.is_match(&s));
        let aut = Fuzzy::new("makmru", 1, true);
        assert_eq!(run(&aut, "makmurindo").prefix(&aut), Some(1));
    }

    #[test]
    fn agrees_with_the_plain_dp_on_a_word_list() {
        let words = [
            "abadi",
            "bersama",
            "gemilang",
            "jaya",
            "makmur",
            "makmura",
            "makmus",
            "maknur",
            "mkamur",
            "sejahtera",
            "sejahterah",
            "sjehatera",
            "sumber",
            "sumbre",
            "sumbawa",
        ];
        let mut words = words.to_vec();
        words.sort_unstable();
        let set = Set::from_iter(words.iter()).unwrap();
        for q in ["makmur", "sejahtera", "sumber", "jaya"] {
            for k in 0..=2u8 {
                let aut = Fuzzy::new(q, k, false);
                let mut stream = set.search(aut.clone()).into_stream();
                let mut found = Vec::new();
                while let Some(w) = stream.next() {
                    found.push(String::from_utf8(w.to_vec()).unwrap());
                }
                let expected: Vec<String> = words
                    .iter()
                    .filter(|w| osa_distance(q, w) <= usize::from(k))
                    .map(|w| w.to_string())
                    .collect();
                assert_eq!(found, expected, "{q} k={k}");
            }
        }
    }
}
