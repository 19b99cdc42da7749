//! Status totals of filters on one or two keys: which timeline files exist
//! (`index.json`'s `timelines`) and how they are built.
//!
//! A status cannot be counted in advance (it depends on the reader's day),
//! so the totals of `status=…` with other filters need a [`Timeline`] of
//! exactly the agreements those filters select. The data tool writes one
//! for each value of each [`Key`] and, on a large list ([`super::PAIRS_FROM`]),
//! for each combination of values of two keys, and of three or four of the
//! checkbox keys ([`COMBO_KEYS`]), that some agreement has. Timelines
//! add up: the set of `tahun=2023,2024` is the disjoint union of the two
//! years' sets, so its timeline totals are the sum of theirs. `provinsi`
//! (either party) is the exception: an agreement may be in two provinces,
//! so only one of its values can be summed.

use chrono::Datelike;
use serde::{Deserialize, Serialize};

use super::{size_code, Timeline};
use crate::agreement_query::AgreementQuery;
use crate::model::AgreementSummary;

/// A filter of `/perjanjian` that status totals can be precomputed for;
/// serialized as its URL key.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Key {
    /// Year signed.
    #[serde(rename = "tahun")]
    Year,
    /// Pattern.
    #[serde(rename = "pola")]
    Pattern,
    /// Either party's province.
    #[serde(rename = "provinsi")]
    Province,
    /// The UMKM's province.
    #[serde(rename = "provinsi_umkm")]
    UmkmProvince,
    /// The company's kind.
    #[serde(rename = "jenis")]
    Kind,
    /// The UMKM's size class.
    #[serde(rename = "kelas")]
    Size,
    /// Signing event.
    #[serde(rename = "acara")]
    Event,
}

impl Key {
    /// Every key, in the order of `index.json` and of pair file names.
    pub const ALL: [Key; 7] = [
        Key::Year,
        Key::Pattern,
        Key::Province,
        Key::UmkmProvince,
        Key::Kind,
        Key::Size,
        Key::Event,
    ];

    /// The URL key, also the timeline folder.
    pub fn key(self) -> &'static str {
        match self {
            Key::Year => "tahun",
            Key::Pattern => "pola",
            Key::Province => "provinsi",
            Key::UmkmProvince => "provinsi_umkm",
            Key::Kind => "jenis",
            Key::Size => "kelas",
            Key::Event => "acara",
        }
    }

    /// The values an agreement has for this key (two provinces when the
    /// parties' differ; none for a missing class or event).
    pub fn values(self, a: &AgreementSummary) -> Vec<String> {
        match self {
            Key::Year => vec![a.date_signed.year().to_string()],
            Key::Pattern => vec![a.pattern.key().to_string()],
            Key::Province => {
                let mut v = vec![a.company_province.as_str().to_string()];
                if a.umkm_province != a.company_province {
                    v.push(a.umkm_province.as_str().to_string());
                }
                v
            }
            Key::UmkmProvince => vec![a.umkm_province.as_str().to_string()],
            Key::Kind => vec![a.company.kind.key().to_string()],
            Key::Size => a
                .umkm_size
                .map(|s| size_code(s.class).to_string())
                .into_iter()
                .collect(),
            Key::Event => a.event_id.clone().into_iter().collect(),
        }
    }

    /// The values `q` selects for this key (empty: no filter on it).
    pub fn selected(self, q: &AgreementQuery) -> Vec<String> {
        match self {
            Key::Year => q.years.iter().map(i32::to_string).collect(),
            Key::Pattern => q.patterns.iter().map(|p| p.key().to_string()).collect(),
            Key::Province => q.provinces.iter().map(|p| p.as_str().to_string()).collect(),
            Key::UmkmProvince => q
                .umkm_provinces
                .iter()
                .map(|p| p.as_str().to_string())
                .collect(),
            Key::Kind => q
                .company_kinds
                .iter()
                .map(|k| k.key().to_string())
                .collect(),
            Key::Size => q.sizes.iter().map(|c| size_code(*c).to_string()).collect(),
            Key::Event => q.event.clone().into_iter().collect(),
        }
    }

    /// An agreement has at most one value: the sets of two values are
    /// disjoint, and their timelines can be summed.
    pub fn disjoint(self) -> bool {
        self != Key::Province
    }
}

/// The values of one key that have a timeline file (every value some
/// agreement has).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeyValues {
    /// The key.
    pub key: Key,
    /// Its values, ascending as text.
    pub values: Vec<String>,
}

/// The timelines of the value combinations of several keys.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Combo {
    /// The keys, two to four, in [`Key::ALL`] order.
    pub keys: Vec<Key>,
    /// A bit per combination of values, numbered in mixed radix over the
    /// keys' values in [`TimelineSets::keys`]' order (for two keys,
    /// `i * len(values of b) + j`), set when some agreement has all of them
    /// and so the file exists; as lower-case hex, the first bit the most
    /// significant of the first digit.
    pub present: String,
}

/// `index.json`'s `timelines`: which status timelines exist.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimelineSets {
    /// Every key with a timeline per value.
    pub keys: Vec<KeyValues>,
    /// The key combinations with a timeline per combination of values
    /// (none on a small list): every pair of keys, and every three or four
    /// of the filter form's checkbox keys ([`COMBO_KEYS`]).
    pub combos: Vec<Combo>,
}

/// The keys whose combinations of three and four have timelines: the
/// checkbox groups of the filter form besides status (few values each:
/// 5 × 11 × 2 × 3 = 330 files for all four).
pub const COMBO_KEYS: [Key; 4] = [Key::Year, Key::Pattern, Key::Kind, Key::Size];

/// The key combinations written on a large list, in the order of
/// `index.json`: every pair, then the triples and the four of
/// [`COMBO_KEYS`].
pub fn combos() -> Vec<Vec<Key>> {
    let mut out = Vec::new();
    for a in 0..Key::ALL.len() {
        for b in a + 1..Key::ALL.len() {
            out.push(vec![Key::ALL[a], Key::ALL[b]]);
        }
    }
    let n = COMBO_KEYS.len();
    for size in 3..=n {
        for mask in 0u32..(1 << n) {
            if mask.count_ones() as usize == size {
                out.push(
                    (0..n)
                        .filter(|i| mask & (1 << i) != 0)
                        .map(|i| COMBO_KEYS[i])
                        .collect(),
                );
            }
        }
    }
    out
}

fn bit(hex: &str, i: usize) -> bool {
    hex.as_bytes()
        .get(i / 4)
        .and_then(|c| (*c as char).to_digit(16))
        .is_some_and(|d| d & (8 >> (i % 4)) != 0)
}

impl TimelineSets {
    fn values(&self, key: Key) -> Option<&[String]> {
        self.keys
            .iter()
            .find(|k| k.key == key)
            .map(|k| k.values.as_slice())
    }

    /// The timeline files whose sum gives the status totals of `q`'s
    /// filters, or `None` when no set of at most [`super::MAX_TIMELINES`]
    /// files does (keys without a combination written, several provinces
    /// of either party). Values no
    /// agreement has add nothing, so they need no file: the list can be
    /// empty (totals zero).
    pub fn files(&self, q: &AgreementQuery) -> Option<Vec<String>> {
        let keys: Vec<(Key, Vec<String>)> = Key::ALL
            .into_iter()
            .map(|k| (k, k.selected(q)))
            .filter(|(_, v)| !v.is_empty())
            .collect();
        if keys.iter().any(|(k, v)| !k.disjoint() && v.len() > 1) {
            return None;
        }
        let files = match keys.as_slice() {
            [] => vec![super::paths::TIMELINE_ALL.to_string()],
            [(k, selected)] => {
                let values = self.values(*k)?;
                selected
                    .iter()
                    .filter(|v| values.contains(v))
                    .map(|v| super::paths::key_timeline(*k, v))
                    .collect()
            }
            several => {
                let want: Vec<Key> = several.iter().map(|(k, _)| *k).collect();
                let combo = self.combos.iter().find(|c| c.keys == want)?;
                let mut values = Vec::new();
                for k in &want {
                    values.push(self.values(*k)?);
                }
                // Every combination of the selected values some agreement
                // has, as (positions, names).
                let mut partial: Vec<(usize, Vec<(Key, &str)>)> = vec![(0, Vec::new())];
                for ((k, selected), vs) in several.iter().zip(&values) {
                    let mut next = Vec::new();
                    for (at, names) in &partial {
                        for x in selected {
                            if let Some(i) = vs.iter().position(|v| v == x) {
                                let mut n = names.clone();
                                n.push((*k, x.as_str()));
                                next.push((at * vs.len() + i, n));
                            }
                        }
                    }
                    partial = next;
                    if partial.len() > 4 * super::MAX_TIMELINES {
                        return None;
                    }
                }
                partial
                    .into_iter()
                    .filter(|(at, _)| bit(&combo.present, *at))
                    .map(|(_, names)| super::paths::combo_timeline(&names))
                    .collect()
            }
        };
        (files.len() <= super::MAX_TIMELINES).then_some(files)
    }

    /// The sets of `items` (every key's values; pairs when `pairs`), and
    /// for each file the agreements in it: `f(path, timeline)` is called
    /// once per file, one at a time, so the timelines are never all held.
    pub fn build<E>(
        items: &[AgreementSummary],
        pairs: bool,
        mut f: impl FnMut(String, Timeline) -> Result<(), E>,
    ) -> Result<TimelineSets, E> {
        // Each row's value positions per key: at most two (provinces),
        // `NONE` for none; flat, as a million rows make seven of these.
        const NONE: u32 = u32::MAX;
        let mut keys = Vec::new();
        let mut of_row: Vec<Vec<[u32; 2]>> = Vec::new();
        for key in Key::ALL {
            let mut values: Vec<String> = Vec::new();
            for a in items {
                for v in key.values(a) {
                    if let Err(at) = values.binary_search(&v) {
                        values.insert(at, v);
                    }
                }
            }
            let positions = items
                .iter()
                .map(|a| {
                    let mut p = [NONE; 2];
                    for (slot, v) in p.iter_mut().zip(key.values(a)) {
                        *slot = values.binary_search(&v).map_or(NONE, |i| i as u32);
                    }
                    p
                })
                .collect();
            of_row.push(positions);
            keys.push(KeyValues { key, values });
        }
        for (k, kv) in keys.iter().enumerate() {
            let mut members: Vec<(u32, u32)> = Vec::new();
            for (row, vs) in of_row[k].iter().enumerate() {
                members.extend(vs.iter().filter(|v| **v != NONE).map(|v| (*v, row as u32)));
            }
            members.sort_unstable();
            for group in members.chunk_by(|x, y| x.0 == y.0) {
                let rows: Vec<&AgreementSummary> =
                    group.iter().map(|(_, r)| &items[*r as usize]).collect();
                let value = &kv.values[group[0].0 as usize];
                f(
                    super::paths::key_timeline(kv.key, value),
                    Timeline::of(&rows),
                )?;
            }
        }
        let mut combo_sets = Vec::new();
        if pairs {
            for keys_of in combos() {
                let at: Vec<usize> = keys_of
                    .iter()
                    .filter_map(|k| Key::ALL.iter().position(|x| x == k))
                    .collect();
                let sizes: Vec<usize> = at.iter().map(|k| keys[*k].values.len()).collect();
                let cells: usize = sizes.iter().product();
                let mut members: Vec<(u32, u32)> = Vec::new();
                for (row, _) in items.iter().enumerate() {
                    // Every combination of the row's values: one key has up
                    // to two (provinces of either party), so at most two;
                    // no allocation per row (a million rows, 26 combos).
                    let mut codes = [0u32; 4];
                    let mut n = 1;
                    for (k, size) in at.iter().zip(&sizes) {
                        let vs = of_row[*k][row];
                        let mut next = [0u32; 4];
                        let mut m = 0;
                        for c in &codes[..n] {
                            for v in vs.iter().filter(|v| **v != NONE) {
                                if m < next.len() {
                                    next[m] = c * *size as u32 + v;
                                    m += 1;
                                }
                            }
                        }
                        codes = next;
                        n = m;
                    }
                    members.extend(codes[..n].iter().map(|c| (*c, row as u32)));
                }
                members.sort_unstable();
                let mut present = vec![false; cells];
                for group in members.chunk_by(|x, y| x.0 == y.0) {
                    let cell = group[0].0 as usize;
                    present[cell] = true;
                    let rows: Vec<&AgreementSummary> =
                        group.iter().map(|(_, r)| &items[*r as usize]).collect();
                    // The values back from the mixed-radix number.
                    let mut rest = cell;
                    let mut names: Vec<(Key, &str)> = Vec::new();
                    for (k, size) in at.iter().zip(&sizes).rev() {
                        names.push((keys[*k].key, keys[*k].values[rest % size].as_str()));
                        rest /= size;
                    }
                    names.reverse();
                    f(super::paths::combo_timeline(&names), Timeline::of(&rows))?;
                }
                let hex = present
                    .chunks(4)
                    .map(|c| {
                        let d = c
                            .iter()
                            .enumerate()
                            .fold(0u32, |d, (i, on)| d | (u32::from(*on) << (3 - i)));
                        char::from_digit(d, 16).unwrap_or('0')
                    })
                    .collect();
                combo_sets.push(Combo {
                    keys: keys_of,
                    present: hex,
                });
            }
        }
        Ok(TimelineSets {
            keys,
            combos: combo_sets,
        })
    }
}
