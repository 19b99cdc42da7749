//! The home page's breakdown charts: their rows, links and CSV.

use crate::csv::{Cell, CsvWriter};
use crate::ident::category_name;
use crate::model::{Bucket, Summary};
use crate::money::percent_of;
use crate::pattern::Pattern;
use crate::province::ProvinceCode;
use crate::size_class::SizeClass;
use crate::summary::{size_key, UNKNOWN_SECTOR};
use crate::url::with_query;
use crate::{Lang, Rupiah};

use super::{order, SortKey};

/// A breakdown of `summary.json` drawn as a chart.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Dimension {
    /// The UMKM's province.
    Province,
    /// The UMKM's KBLI category.
    Sector,
    /// The partnership pattern.
    Pattern,
    /// The year signed.
    Year,
    /// The UMKM's PP 7/2021 size class.
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
    /// The list is `/perjanjian`: it counts agreements.
    Agreements,
    /// The list is `/mitra`: it counts partners.
    Partners,
}

impl Dimension {
    /// Every chart, in the order the home page draws them.
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

    /// The buckets of `summary.json` this chart draws.
    pub fn buckets(self, s: &Summary) -> &[Bucket] {
        match self {
            Dimension::Province => &s.by_province,
            Dimension::Sector => &s.by_sector,
            Dimension::Pattern => &s.by_pattern,
            Dimension::Year => &s.by_year,
            Dimension::SizeClass => &s.by_size_class,
        }
    }

    /// What the bars measure.
    pub fn measure(self) -> Measure {
        match self {
            Dimension::SizeClass => Measure::Umkm,
            _ => Measure::Committed,
        }
    }

    /// What the list a bar links to counts.
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
    /// The bucket's key.
    pub key: String,
    /// The bar's label in the interface language.
    pub label: String,
    /// The bucket's counts and sums.
    pub bucket: Bucket,
    /// Year charts only: growth of the committed value on the year before,
    /// in basis points (see [`growth_by_year`]).
    pub growth_bp: Option<i64>,
    /// The list that counts the bar; `None` where no list filters by the key.
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
