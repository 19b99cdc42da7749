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

use chrono::Datelike;

use crate::agreement_query::pair_growth;
use crate::csv::{Cell, CsvWriter};
use crate::ident::category_name;
use crate::model::{AgreementSummary, Bucket, Event, Events, Kind, Summary};
use crate::money::percent_of;
use crate::pattern::Pattern;
use crate::province::ProvinceCode;
use crate::size_class::SizeClass;
use crate::summary::{size_key, UNKNOWN_SECTOR};
use crate::url::with_query;
use crate::{Lang, Rupiah};

/// A breakdown of `summary.json` drawn as a chart.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Dimension {
    Province,
    Sector,
    Pattern,
    Year,
    SizeClass,
}

/// What a chart's bars measure.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Measure {
    /// The committed value of the bucket's agreements.
    Committed,
    /// The number of UMKM in the bucket (`partners`).
    Umkm,
}

/// What the list behind a bar counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Counted {
    Agreements,
    Partners,
}

impl Dimension {
    pub const ALL: [Dimension; 5] = [
        Dimension::Province,
        Dimension::Sector,
        Dimension::Pattern,
        Dimension::Year,
        Dimension::SizeClass,
    ];

    /// A stable identifier: element ids and file names.
    pub fn key(self) -> &'static str {
        match self {
            Dimension::Province => "provinsi",
            Dimension::Sector => "sektor",
            Dimension::Pattern => "pola",
            Dimension::Year => "tahun",
            Dimension::SizeClass => "kelas",
        }
    }

    pub fn buckets(self, s: &Summary) -> &[Bucket] {
        match self {
            Dimension::Province => &s.by_province,
            Dimension::Sector => &s.by_sector,
            Dimension::Pattern => &s.by_pattern,
            Dimension::Year => &s.by_year,
            Dimension::SizeClass => &s.by_size_class,
        }
    }

    pub fn measure(self) -> Measure {
        match self {
            Dimension::SizeClass => Measure::Umkm,
            _ => Measure::Committed,
        }
    }

    pub fn counted(self) -> Counted {
        match self {
            Dimension::Sector | Dimension::SizeClass => Counted::Partners,
            _ => Counted::Agreements,
        }
    }

    /// The chart's title.
    pub fn title(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Dimension::Province, Lang::Id) => "Nilai komitmen per provinsi UMKM",
            (Dimension::Province, Lang::En) => "Committed value by the UMKM's province",
            (Dimension::Sector, Lang::Id) => "Nilai komitmen per sektor UMKM (kategori KBLI)",
            (Dimension::Sector, Lang::En) => "Committed value by the UMKM's sector (KBLI category)",
            (Dimension::Pattern, Lang::Id) => "Nilai komitmen per pola kemitraan",
            (Dimension::Pattern, Lang::En) => "Committed value by partnership pattern",
            (Dimension::Year, Lang::Id) => "Nilai komitmen per tahun tanda tangan",
            (Dimension::Year, Lang::En) => "Committed value by year signed",
            (Dimension::SizeClass, Lang::Id) => "UMKM per kelas usaha (PP 7/2021)",
            (Dimension::SizeClass, Lang::En) => "UMKM by size class (PP 7/2021)",
        }
    }

    /// The heading of the label column.
    pub fn label_heading(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Dimension::Province, Lang::Id) => "Provinsi",
            (Dimension::Province, Lang::En) => "Province",
            (Dimension::Sector, Lang::Id) => "Sektor",
            (Dimension::Sector, Lang::En) => "Sector",
            (Dimension::Pattern, Lang::Id) => "Pola",
            (Dimension::Pattern, Lang::En) => "Pattern",
            (Dimension::Year, Lang::Id) => "Tahun",
            (Dimension::Year, Lang::En) => "Year",
            (Dimension::SizeClass, Lang::Id) => "Kelas",
            (Dimension::SizeClass, Lang::En) => "Class",
        }
    }

    /// The heading of the `partners` column: what the bucket's partners are.
    pub fn partners_heading(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Dimension::Province, Lang::Id) => "Mitra berkedudukan di provinsi",
            (Dimension::Province, Lang::En) => "Partners based in the province",
            (Dimension::Sector, Lang::Id) => "Mitra di sektor",
            (Dimension::Sector, Lang::En) => "Partners in the sector",
            (_, Lang::Id) => "UMKM",
            (_, Lang::En) => "UMKM",
        }
    }

    /// The label of a bucket key in `lang`; the key itself when it is not
    /// one this crate knows (a newer dataset), so nothing is dropped.
    pub fn label(self, key: &str, lang: Lang) -> String {
        let known = match self {
            Dimension::Province => ProvinceCode::parse(key).ok().map(|p| p.name().to_string()),
            Dimension::Sector => sector_label(key, lang),
            Dimension::Pattern => Pattern::from_key(key).map(|p| p.label(lang).to_string()),
            Dimension::Year => Some(key.to_string()),
            Dimension::SizeClass => size_class(key).map(|c| c.label(lang).to_string()),
        };
        known.unwrap_or_else(|| key.to_string())
    }

    /// The list a bar opens, filtered to the bucket; `None` for a key no
    /// list can filter on (an unmapped sector, an unknown code).
    pub fn href(self, key: &str) -> Option<String> {
        match self {
            Dimension::Province => ProvinceCode::parse(key)
                .ok()
                .map(|p| with_query("/perjanjian", &[("provinsi_umkm", p.as_str())])),
            Dimension::Sector => sector_letter(key)
                .map(|c| with_query("/mitra", &[("sektor", c.to_string().as_str())])),
            Dimension::Pattern => {
                Pattern::from_key(key).map(|p| with_query("/perjanjian", &[("pola", p.key())]))
            }
            Dimension::Year => key
                .parse::<i32>()
                .ok()
                .filter(|y| (1945..=2200).contains(y))
                .map(|y| with_query("/perjanjian", &[("tahun", y.to_string().as_str())])),
            Dimension::SizeClass => {
                size_class(key).map(|c| with_query("/mitra", &[("kelas", size_key(c))]))
            }
        }
    }
}

fn size_class(key: &str) -> Option<SizeClass> {
    SizeClass::ALL.into_iter().find(|c| size_key(*c) == key)
}

/// A KBLI category letter that the partner search can filter on.
fn sector_letter(key: &str) -> Option<char> {
    let mut chars = key.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) if c.is_ascii_uppercase() => Some(c),
        _ => None,
    }
}

fn sector_label(key: &str, lang: Lang) -> Option<String> {
    if key == UNKNOWN_SECTOR {
        return Some(
            match lang {
                Lang::Id => "Kategori belum dipetakan (KBLI 2025)",
                Lang::En => "Category not mapped (KBLI 2025)",
            }
            .to_string(),
        );
    }
    let letter = sector_letter(key)?;
    Some(match category_name(letter, lang) {
        Some(name) => format!("{letter} · {name}"),
        None => letter.to_string(),
    })
}

/// One bar of a chart.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChartRow {
    pub key: String,
    pub label: String,
    pub bucket: Bucket,
    /// Year charts only: growth of the committed value on the year before,
    /// in basis points (see [`growth_by_year`]).
    pub growth_bp: Option<i64>,
    pub href: Option<String>,
}

impl ChartRow {
    /// The length of the bar, in the chart's measure: rupiah or UMKM.
    pub fn magnitude(&self, measure: Measure) -> i64 {
        match measure {
            Measure::Committed => self.bucket.committed.0,
            Measure::Umkm => i64::try_from(self.bucket.partners).unwrap_or(i64::MAX),
        }
    }

    /// What the list behind the bar counts.
    pub fn count(&self, counted: Counted) -> u64 {
        match counted {
            Counted::Agreements => self.bucket.agreements,
            Counted::Partners => self.bucket.partners,
        }
    }
}

fn empty_bucket(key: &str) -> Bucket {
    Bucket {
        key: key.to_string(),
        partners: 0,
        agreements: 0,
        committed: Rupiah::ZERO,
        realised: Rupiah::ZERO,
    }
}

/// The rows of a chart, in the order drawn.
///
/// Provinces: all 38 of the code list (those `summary.json` leaves out
/// count zero) and any key the list does not know, largest committed value
/// first. Sectors: largest first, the unmapped bucket last. Patterns: the
/// law's order. Years: ascending, each with its growth. Size classes: small
/// to large.
pub fn rows(dim: Dimension, summary: &Summary, lang: Lang) -> Vec<ChartRow> {
    let source = dim.buckets(summary);
    let mut buckets: Vec<Bucket> = source.to_vec();
    if dim == Dimension::Province {
        for code in ProvinceCode::all() {
            if !buckets.iter().any(|b| b.key == code.as_str()) {
                buckets.push(empty_bucket(code.as_str()));
            }
        }
    }
    let largest_first = |b: &Bucket| b.committed.0.saturating_neg();
    let keys: Vec<SortKey> = buckets
        .iter()
        .map(|b| {
            let (group, primary) = match dim {
                Dimension::Province => (0, largest_first(b)),
                Dimension::Sector => (u8::from(b.key == UNKNOWN_SECTOR), largest_first(b)),
                Dimension::Pattern => (
                    0,
                    Pattern::ALL
                        .iter()
                        .position(|p| p.key() == b.key)
                        .map_or(i64::MAX, |i| i as i64),
                ),
                Dimension::Year => (0, b.key.parse::<i32>().map_or(i64::MAX, i64::from)),
                Dimension::SizeClass => (0, size_class(&b.key).map_or(i64::MAX, |c| c as i64)),
            };
            (group, primary, b.key.clone())
        })
        .collect();
    let buckets: Vec<Bucket> = order(&keys)
        .into_iter()
        .map(|i| buckets[i].clone())
        .collect();
    let growth = if dim == Dimension::Year {
        growth_by_year(&buckets)
    } else {
        vec![None; buckets.len()]
    };
    buckets
        .into_iter()
        .zip(growth)
        .map(|(bucket, growth_bp)| ChartRow {
            key: bucket.key.clone(),
            label: dim.label(&bucket.key, lang),
            href: dim.href(&bucket.key),
            bucket,
            growth_bp,
        })
        .collect()
}

/// Growth of each year's committed value on the calendar year before, in
/// basis points, rounded half away from zero. `None` when the year before
/// is not in the list (the first year, a gap), committed nothing, or a key
/// is not a year: a rise from nothing has no percentage.
pub fn growth_by_year(buckets: &[Bucket]) -> Vec<Option<i64>> {
    let year = |b: &Bucket| b.key.parse::<i32>().ok();
    buckets
        .iter()
        .map(|b| {
            let before = year(b)?.checked_sub(1)?;
            let prev = buckets.iter().find(|p| year(p) == Some(before))?.committed;
            percent_of(b.committed.checked_sub(prev)?, prev)
        })
        .collect()
}

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

/// The first `n` rows by committed value, largest first (ties by key).
pub fn top_by_committed(rows: &[ChartRow], n: usize) -> Vec<ChartRow> {
    let keys: Vec<SortKey> = rows
        .iter()
        .map(|r| (0, r.bucket.committed.0.saturating_neg(), r.key.clone()))
        .collect();
    order(&keys)
        .into_iter()
        .take(n)
        .map(|i| rows[i].clone())
        .collect()
}

/// The CSV of a chart: one row per bar in the order drawn, column names in
/// `lang`, amounts as whole rupiah, growth (year charts) in basis points.
pub fn chart_csv(dim: Dimension, rows: &[ChartRow], lang: Lang) -> String {
    let (key, label, committed, realised, agreements, partners, growth) = match lang {
        Lang::Id => (
            "kode",
            "nama",
            "nilai_komitmen_rupiah",
            "nilai_realisasi_rupiah",
            "perjanjian",
            if matches!(dim, Dimension::Province | Dimension::Sector) {
                "mitra"
            } else {
                "umkm"
            },
            "pertumbuhan_basis_poin",
        ),
        Lang::En => (
            "key",
            "name",
            "committed_rupiah",
            "realised_rupiah",
            "agreements",
            if matches!(dim, Dimension::Province | Dimension::Sector) {
                "partners"
            } else {
                "umkm"
            },
            "growth_basis_points",
        ),
    };
    let mut header = vec![key, label, committed, realised, agreements, partners];
    if dim == Dimension::Year {
        header.push(growth);
    }
    let mut w = CsvWriter::with_header(&header);
    for r in rows {
        let count = |n: u64| Cell::Int(i64::try_from(n).unwrap_or(i64::MAX));
        let mut cells = vec![
            Cell::Text(&r.key),
            Cell::Text(&r.label),
            Cell::Int(r.bucket.committed.0),
            Cell::Int(r.bucket.realised.0),
            count(r.bucket.agreements),
            count(r.bucket.partners),
        ];
        if dim == Dimension::Year {
            cells.push(r.growth_bp.map_or(Cell::Empty, Cell::Int));
        }
        w.row(&cells);
    }
    w.finish()
}

/// The file name of a chart's CSV.
pub fn csv_file_name(dim: Dimension) -> String {
    format!("kemitraan-per-{}.csv", dim.key())
}

// ------------------------------------------------------------ signing event

/// The event the home page features: the earliest (the program's launch,
/// 18 January 2021 in the sample), ties by id.
pub fn featured_event(events: &Events) -> Option<&Event> {
    events
        .items
        .iter()
        .min_by(|a, b| a.date.cmp(&b.date).then(a.id.cmp(&b.id)))
}

/// What the dataset holds for one event: its agreements and their parties.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct EventHoldings {
    pub agreements: u64,
    /// Distinct PMA and PMDN companies among the agreements.
    pub companies: u64,
    pub pma: u64,
    pub pmdn: u64,
    /// Distinct UMKM.
    pub umkm: u64,
    pub committed: Rupiah,
    pub realised: Rupiah,
    /// A sum passed `i64::MAX` and was held there.
    pub saturated: bool,
}

/// Counts the agreements signed at `event_id` and sums their values.
pub fn event_holdings(event_id: &str, agreements: &[AgreementSummary]) -> EventHoldings {
    let mut h = EventHoldings::default();
    let mine: Vec<&AgreementSummary> = agreements
        .iter()
        .filter(|a| a.event_id.as_deref() == Some(event_id))
        .collect();
    let add = |sum: Rupiah, v: Rupiah, sat: &mut bool| {
        sum.checked_add(v).unwrap_or_else(|| {
            *sat = true;
            Rupiah(i64::MAX)
        })
    };
    for a in &mine {
        h.agreements += 1;
        h.committed = add(h.committed, a.value, &mut h.saturated);
        h.realised = add(h.realised, a.realised, &mut h.saturated);
    }
    let of_kind = |k: Kind| {
        distinct(
            mine.iter()
                .filter(|a| a.company.kind == k)
                .map(|a| a.company.id.as_str()),
        )
    };
    h.pma = of_kind(Kind::Pma);
    h.pmdn = of_kind(Kind::Pmdn);
    h.companies = h.pma + h.pmdn;
    h.umkm = distinct(mine.iter().map(|a| a.umkm.id.as_str()));
    h
}

/// One line of the reported-versus-held comparison.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Figure {
    Companies,
    Pma,
    Pmdn,
    Umkm,
    Agreements,
    Investment,
}

impl Figure {
    pub const ALL: [Figure; 6] = [
        Figure::Companies,
        Figure::Pma,
        Figure::Pmdn,
        Figure::Umkm,
        Figure::Agreements,
        Figure::Investment,
    ];

    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Figure::Companies, Lang::Id) => "Perusahaan PMA/PMDN",
            (Figure::Companies, Lang::En) => "PMA/PMDN companies",
            (Figure::Pma, _) => "PMA",
            (Figure::Pmdn, _) => "PMDN",
            (Figure::Umkm, _) => "UMKM",
            (Figure::Agreements, Lang::Id) => "Perjanjian",
            (Figure::Agreements, Lang::En) => "Agreements",
            (Figure::Investment, Lang::Id) => "Nilai investasi (komitmen)",
            (Figure::Investment, Lang::En) => "Investment value (committed)",
        }
    }

    /// Whether the figure is an amount (else a count).
    pub fn is_money(self) -> bool {
        self == Figure::Investment
    }
}

/// A figure as reported at the time and as the dataset holds it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Compared {
    pub figure: Figure,
    /// `None` when the report gave no such figure (the number of agreements).
    pub reported: Option<i64>,
    pub held: i64,
}

impl Compared {
    /// Held minus reported; `None` without a reported figure.
    pub fn difference(&self) -> Option<i64> {
        self.held.checked_sub(self.reported?)
    }
}

/// The event's reported figures beside the dataset's, in [`Figure::ALL`]
/// order. Counts are integers, the investment whole rupiah.
pub fn compare_event(event: &Event, held: &EventHoldings) -> Vec<Compared> {
    let n = |v: u64| i64::try_from(v).unwrap_or(i64::MAX);
    let r = &event.reported;
    Figure::ALL
        .iter()
        .map(|f| {
            let (reported, held) = match f {
                Figure::Companies => (Some(i64::from(r.companies)), n(held.companies)),
                Figure::Pma => (Some(i64::from(r.pma)), n(held.pma)),
                Figure::Pmdn => (Some(i64::from(r.pmdn)), n(held.pmdn)),
                Figure::Umkm => (Some(i64::from(r.umkm)), n(held.umkm)),
                Figure::Agreements => (None, n(held.agreements)),
                Figure::Investment => (Some(r.investment.0), held.committed.0),
            };
            Compared {
                figure: *f,
                reported,
                held,
            }
        })
        .collect()
}

// ------------------------------------------------------- largest partnership

/// The partnership (one company, one UMKM) with the largest committed value
/// over all its agreements: its agreements oldest first (by date signed,
/// then id) with their growth on the one before ([`pair_growth`]). Ties go
/// to the pair with more agreements, then the smaller ids. Empty for no
/// agreements.
pub fn largest_pair(agreements: &[AgreementSummary]) -> Vec<(AgreementSummary, Option<i64>)> {
    // Ids hold no NUL (`model::is_valid_id`) and ISO dates sort as text, so
    // one text key orders by pair, then date signed, then id.
    let keys: Vec<SortKey> = agreements
        .iter()
        .map(|a| {
            let key = format!(
                "{}\u{0}{}\u{0}{}\u{0}{}",
                a.company.id, a.umkm.id, a.date_signed, a.id
            );
            (0, 0, key)
        })
        .collect();
    let sorted = order(&keys);
    let pair = |i: usize| (&agreements[i].company.id, &agreements[i].umkm.id);
    // (total, agreements, first index into `sorted`); the first of equals
    // wins, and pairs come in id order.
    let mut best: Option<(i128, usize, usize)> = None;
    let mut start = 0;
    while start < sorted.len() {
        let mut end = start;
        let mut total: i128 = 0;
        while end < sorted.len() && pair(sorted[end]) == pair(sorted[start]) {
            total += i128::from(agreements[sorted[end]].value.0);
            end += 1;
        }
        let candidate = (total, end - start, start);
        if best.is_none_or(|b| (candidate.0, candidate.1) > (b.0, b.1)) {
            best = Some(candidate);
        }
        start = end;
    }
    let Some((_, len, first)) = best else {
        return Vec::new();
    };
    let history: Vec<AgreementSummary> = sorted[first..first + len]
        .iter()
        .map(|i| agreements[*i].clone())
        .collect();
    let growth = pair_growth(&history);
    history.into_iter().zip(growth).collect()
}

/// The year an agreement was signed.
pub fn year_signed(a: &AgreementSummary) -> i32 {
    a.date_signed.year()
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::csv::parse;
    use crate::model::{PartnerRef, Period, Place, ReportedFigures, SourceRef, Totals};

    fn bucket(key: &str, partners: u64, agreements: u64, committed_miliar: i64) -> Bucket {
        Bucket {
            key: key.into(),
            partners,
            agreements,
            committed: Rupiah::miliar(committed_miliar),
            realised: Rupiah::miliar(committed_miliar / 2),
        }
    }

    fn summary() -> Summary {
        Summary {
            totals: Totals {
                partners: 10,
                companies: 4,
                pma: 2,
                pmdn: 2,
                umkm: 6,
                agreements: 9,
                committed: Rupiah::miliar(100),
                realised: Rupiah::miliar(50),
            },
            by_kind: vec![],
            by_province: vec![bucket("17", 2, 3, 10), bucket("31", 4, 6, 90)],
            by_sector: vec![
                bucket("A", 3, 2, 5),
                bucket("C", 5, 7, 95),
                bucket(UNKNOWN_SECTOR, 1, 0, 0),
            ],
            by_pattern: vec![
                bucket("subkontrak", 2, 3, 30),
                bucket("inti_plasma", 4, 6, 70),
            ],
            by_year: vec![
                bucket("2021", 3, 4, 40),
                bucket("2022", 2, 2, 50),
                bucket("2024", 1, 3, 10),
            ],
            by_size_class: vec![
                bucket("mikro", 3, 4, 20),
                bucket("kecil", 2, 3, 50),
                bucket("menengah", 1, 2, 30),
            ],
        }
    }

    #[test]
    fn provinces_are_all_38_largest_first() {
        let r = rows(Dimension::Province, &summary(), Lang::Id);
        assert_eq!(r.len(), 38);
        assert_eq!(r[0].key, "31");
        assert_eq!(r[0].label, "DKI Jakarta");
        assert_eq!(r[0].href.as_deref(), Some("/perjanjian?provinsi_umkm=31"));
        assert_eq!(r[1].key, "17");
        // The provinces with nothing follow by code, at zero.
        assert_eq!(r[2].key, "11");
        assert_eq!(r[2].bucket.agreements, 0);
        assert_eq!(r[2].count(Counted::Agreements), 0);
    }

    #[test]
    fn links_filter_the_list_that_counts_the_bar() {
        let s = summary();
        let href = |d, k: &str| {
            rows(d, &s, Lang::En)
                .into_iter()
                .find(|r| r.key == k)
                .and_then(|r| r.href)
        };
        assert_eq!(
            href(Dimension::Sector, "C").as_deref(),
            Some("/mitra?sektor=C")
        );
        assert_eq!(href(Dimension::Sector, UNKNOWN_SECTOR), None);
        assert_eq!(
            href(Dimension::Pattern, "inti_plasma").as_deref(),
            Some("/perjanjian?pola=inti_plasma")
        );
        assert_eq!(
            href(Dimension::Year, "2022").as_deref(),
            Some("/perjanjian?tahun=2022")
        );
        assert_eq!(
            href(Dimension::SizeClass, "kecil").as_deref(),
            Some("/mitra?kelas=kecil")
        );
        assert_eq!(Dimension::Province.href("99"), None);
        assert_eq!(Dimension::Year.href("abc"), None);
        assert_eq!(Dimension::Sector.counted(), Counted::Partners);
        assert_eq!(Dimension::Province.counted(), Counted::Agreements);
    }

    #[test]
    fn labels_in_both_languages_and_unknown_keys_kept() {
        assert_eq!(
            Dimension::Sector.label("C", Lang::Id),
            "C · Industri Pengolahan"
        );
        assert_eq!(Dimension::Sector.label("C", Lang::En), "C · Manufacturing");
        assert!(Dimension::Sector
            .label("-", Lang::En)
            .contains("not mapped"));
        assert_eq!(
            Dimension::Pattern.label("subkontrak", Lang::En),
            "Subcontracting"
        );
        assert_eq!(Dimension::SizeClass.label("mikro", Lang::En), "Micro");
        assert_eq!(Dimension::Province.label("99", Lang::Id), "99");
        assert_eq!(Dimension::Pattern.label("baru", Lang::Id), "baru");
    }

    #[test]
    fn orders() {
        let s = summary();
        let keys = |d| {
            rows(d, &s, Lang::Id)
                .into_iter()
                .map(|r| r.key)
                .collect::<Vec<_>>()
        };
        assert_eq!(keys(Dimension::Sector), ["C", "A", "-"]);
        assert_eq!(keys(Dimension::Pattern), ["inti_plasma", "subkontrak"]);
        assert_eq!(keys(Dimension::Year), ["2021", "2022", "2024"]);
        assert_eq!(keys(Dimension::SizeClass), ["mikro", "kecil", "menengah"]);
        let sizes = rows(Dimension::SizeClass, &s, Lang::Id);
        assert_eq!(sizes[0].magnitude(Measure::Umkm), 3);
        assert_eq!(sizes[1].magnitude(Measure::Committed), Rupiah::miliar(50).0);
    }

    #[test]
    fn growth_is_on_the_calendar_year_before() {
        let r = rows(Dimension::Year, &summary(), Lang::Id);
        let g: Vec<Option<i64>> = r.iter().map(|r| r.growth_bp).collect();
        // 40 -> 50 is +25 %; 2024 follows a gap (no 2023), so no growth.
        assert_eq!(g, [None, Some(2_500), None]);
        let falls = growth_by_year(&[bucket("2021", 0, 0, 3), bucket("2022", 0, 0, 1)]);
        assert_eq!(falls, [None, Some(-6_667)]);
        let from_zero = growth_by_year(&[bucket("2021", 0, 0, 0), bucket("2022", 0, 0, 1)]);
        assert_eq!(from_zero, [None, None]);
        let junk = growth_by_year(&[bucket("x", 0, 0, 1), bucket("2022", 0, 0, 1)]);
        assert_eq!(junk, [None, None]);
    }

    #[test]
    fn top_provinces() {
        let r = rows(Dimension::Province, &summary(), Lang::Id);
        let top = top_by_committed(&r, 3);
        let keys: Vec<&str> = top.iter().map(|r| r.key.as_str()).collect();
        assert_eq!(keys, ["31", "17", "11"]);
    }

    #[test]
    fn csv_has_one_row_per_bar_and_integers() {
        let s = summary();
        let r = rows(Dimension::Year, &s, Lang::Id);
        let doc = chart_csv(Dimension::Year, &r, Lang::Id);
        let parsed = parse(&doc);
        assert_eq!(
            parsed[0],
            [
                "kode",
                "nama",
                "nilai_komitmen_rupiah",
                "nilai_realisasi_rupiah",
                "perjanjian",
                "umkm",
                "pertumbuhan_basis_poin"
            ]
        );
        assert_eq!(parsed.len(), 4);
        assert_eq!(
            parsed[2],
            [
                "2022",
                "2022",
                "50000000000",
                "25000000000",
                "2",
                "2",
                "2500"
            ]
        );
        assert_eq!(parsed[1][6], "");
        let p = rows(Dimension::Province, &s, Lang::En);
        let doc = chart_csv(Dimension::Province, &p, Lang::En);
        let parsed = parse(&doc);
        assert_eq!(parsed.len(), 39);
        assert_eq!(parsed[0][5], "partners");
        assert_eq!(parsed[1][..2], ["31", "DKI Jakarta"]);
        assert_eq!(
            csv_file_name(Dimension::Province),
            "kemitraan-per-provinsi.csv"
        );
    }

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn agreement(
        id: &str,
        company: (&str, Kind),
        umkm: &str,
        signed: NaiveDate,
        value_miliar: i64,
        event: Option<&str>,
    ) -> AgreementSummary {
        AgreementSummary {
            id: id.into(),
            company: PartnerRef {
                id: company.0.into(),
                name: format!("PT {}", company.0),
                kind: company.1,
            },
            umkm: PartnerRef {
                id: umkm.into(),
                name: format!("UD {umkm}"),
                kind: Kind::Umkm,
            },
            company_province: ProvinceCode::parse("31").unwrap(),
            umkm_province: ProvinceCode::parse("17").unwrap(),
            umkm_size: None,
            pattern: Pattern::Subkontrak,
            event_id: event.map(str::to_string),
            date_signed: signed,
            period: Period {
                start: signed,
                end: d(2030, 1, 1),
            },
            value: Rupiah::miliar(value_miliar),
            realised: Rupiah::miliar(value_miliar / 2),
        }
    }

    fn event() -> Event {
        Event {
            id: "E1".into(),
            name: "Penandatanganan".into(),
            date: d(2021, 1, 18),
            place: Place {
                is_virtual: true,
                location: None,
            },
            reported: ReportedFigures {
                companies: 3,
                pma: 2,
                pmdn: 1,
                umkm: 4,
                investment: Rupiah::miliar(10),
            },
            source: SourceRef {
                title: "t".into(),
                reference: "r".into(),
                url: None,
            },
        }
    }

    #[test]
    fn event_holdings_count_distinct_parties_and_sum_values() {
        let pma = ("C1", Kind::Pma);
        let pmdn = ("C2", Kind::Pmdn);
        let list = vec![
            agreement("A1", pma, "U1", d(2021, 1, 18), 4, Some("E1")),
            agreement("A2", pma, "U2", d(2021, 1, 18), 3, Some("E1")),
            agreement("A3", pmdn, "U2", d(2021, 1, 18), 3, Some("E1")),
            agreement("A4", pmdn, "U3", d(2022, 1, 18), 9, None),
            agreement("A5", ("C3", Kind::Pma), "U4", d(2022, 1, 18), 9, Some("E2")),
        ];
        let h = event_holdings("E1", &list);
        assert_eq!(
            (h.agreements, h.companies, h.pma, h.pmdn, h.umkm),
            (3, 2, 1, 1, 2)
        );
        assert_eq!(h.committed, Rupiah::miliar(10));
        assert!(!h.saturated);
        let cmp = compare_event(&event(), &h);
        assert_eq!(cmp.len(), 6);
        assert_eq!(cmp[0].difference(), Some(-1));
        assert_eq!(cmp[4].reported, None);
        assert_eq!(cmp[4].difference(), None);
        assert_eq!(cmp[5].difference(), Some(0));
        assert!(cmp[5].figure.is_money());
        assert_eq!(event_holdings("none", &list), EventHoldings::default());
        let mut big = list.clone();
        big[0].value = Rupiah(i64::MAX);
        assert!(event_holdings("E1", &big).saturated);
    }

    #[test]
    fn featured_event_is_the_earliest() {
        let mut late = event();
        late.id = "E2".into();
        late.date = d(2022, 5, 1);
        let events = Events {
            items: vec![late, event()],
        };
        assert_eq!(featured_event(&events).map(|e| e.id.as_str()), Some("E1"));
        assert!(featured_event(&Events { items: vec![] }).is_none());
    }

    #[test]
    fn largest_pair_is_the_pair_with_the_most_committed() {
        let c1 = ("C1", Kind::Pma);
        let c2 = ("C2", Kind::Pmdn);
        let list = vec![
            agreement("A3", c1, "U1", d(2023, 1, 2), 10, None),
            agreement("A1", c1, "U1", d(2021, 1, 18), 1, None),
            agreement("A2", c1, "U1", d(2022, 1, 3), 5, None),
            agreement("A4", c2, "U2", d(2021, 1, 18), 15, None),
        ];
        let h = largest_pair(&list);
        let ids: Vec<&str> = h.iter().map(|(a, _)| a.id.as_str()).collect();
        assert_eq!(ids, ["A1", "A2", "A3"]);
        let growth: Vec<Option<i64>> = h.iter().map(|(_, g)| *g).collect();
        assert_eq!(growth, [None, Some(40_000), Some(10_000)]);
        assert_eq!(year_signed(&h[0].0), 2021);
        // A tie of 16 each: more agreements wins.
        let mut tie = list.clone();
        tie[3].value = Rupiah::miliar(16);
        assert_eq!(largest_pair(&tie).len(), 3);
        assert!(largest_pair(&[]).is_empty());
    }
}
