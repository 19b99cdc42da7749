//! What the home page and the presentation mode show, decided here so it is
//! tested natively: the rows of each breakdown chart (label, link, growth),
//! their CSV, the featured signing event beside what the dataset holds for
//! it, and the largest partnership's history.
//!
//! Every chart row links to the list that counts it:
//!
//! | chart | bar length | link | the list's count equals |
//! |---|---|---|---|
//! | province | committed | `/perjanjian?provinsi_umkm=<code>` | `agreements` |
//! | sector | committed | `/mitra?sektor=<letter>` | `partners` |
//! | pattern | committed | `/perjanjian?pola=<key>` | `agreements` |
//! | year | committed | `/perjanjian?tahun=<year>` | `agreements` |
//! | size class | UMKM (`partners`) | `/mitra?kelas=<class>` | `partners` |
//!
//! (`summary.json` counts a province's and a sector's agreements by the
//! UMKM's province and category, which is what `provinsi_umkm` filters; a
//! sector's and a class's `partners` are the same partners the search
//! facets count.)

mod chart;
mod event;
mod largest;

pub use chart::{
    chart_csv, csv_file_name, growth_by_year, rows, top_by_committed, ChartRow, Counted, Dimension,
    Measure,
};
pub use event::{compare_event, event_holdings, featured_event, Compared, EventHoldings, Figure};
pub use largest::{largest_pair, year_signed};

/// An ordering key: group, then a number, then text, all ascending.
type SortKey = (u8, i64, String);

/// The indices of `keys` in ascending order. Every ordering in this module
/// goes through this one sort: each `sort_by` with its own closure would be
/// another copy of the sort in the app's wasm.
fn order(keys: &[SortKey]) -> Vec<usize> {
    let mut idx: Vec<(&SortKey, usize)> = keys.iter().zip(0..).collect();
    idx.sort_unstable();
    idx.into_iter().map(|(_, i)| i).collect()
}

/// How many different strings `items` holds.
fn distinct<'a>(items: impl Iterator<Item = &'a str>) -> u64 {
    let keys: Vec<SortKey> = items.map(|s| (0, 0, s.to_string())).collect();
    let sorted = order(&keys);
    let mut n = 0;
    let mut last: Option<&str> = None;
    for i in sorted {
        let k = keys[i].2.as_str();
        if last != Some(k) {
            n += 1;
            last = Some(k);
        }
    }
    n
}

#[cfg(test)]
mod tests;
