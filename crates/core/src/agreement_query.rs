//! Browsing agreements: the filter a user sets on `/perjanjian`, its URL
//! form, the filtered and sorted list, its totals, and its CSV export.
//!
//! The list, the totals and the CSV all come from one [`AgreementQuery::apply`]
//! so an export always holds exactly the rows on screen.
//!
//! # URL format
//!
//! | key     | meaning                                   | example          |
//! |---------|-------------------------------------------|------------------|
//! | `q`     | text in either party's name               | `sinar`          |
//! | `tahun` | years signed, comma-separated             | `2021,2022`      |
//! | `pola`  | pattern keys                              | `inti_plasma`    |
//! | `provinsi` | province codes of either party         | `17,31`          |
//! | `provinsi_umkm` | province codes of the UMKM (as in `summary.json`'s `by_province`) | `17` |
//! | `jenis` | company kind: `pma`, `pmdn`               | `pma`            |
//! | `kelas` | UMKM size class                           | `mikro,kecil`    |
//! | `min`   | smallest committed value, rupiah          | `1000000000`     |
//! | `maks`  | largest committed value, rupiah           | `5000000000`     |
//! | `status`| `upcoming`, `active`, `ended`             | `active`         |
//! | `acara` | signing event id                          | `E20210118`      |
//! | `urut`  | sort key (see [`Sort`])                   | `nilai-turun`    |
//!
//! Each value that does not parse is dropped on its own; the rest is kept.

use chrono::{Datelike, NaiveDate};

use crate::csv::{Cell, CsvWriter};
use crate::model::{AgreementSummary, Kind, Status};
use crate::money::{parse_amount, percent_of, SaturatingSum};
use crate::pattern::Pattern;
use crate::province::ProvinceCode;
use crate::size_class::SizeClass;
use crate::{Lang, Rupiah};

/// The order of the list.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Sort {
    /// Newest signing first.
    #[default]
    DateDesc,
    /// Oldest signing first.
    DateAsc,
    /// Largest committed value first.
    ValueDesc,
    /// Smallest committed value first.
    ValueAsc,
    /// Highest realisation % first; agreements with no value last.
    RealisationDesc,
    /// Lowest realisation % first; agreements with no value last.
    RealisationAsc,
}

impl Sort {
    /// Every order, as the sort menu lists them.
    pub const ALL: [Sort; 6] = [
        Sort::DateDesc,
        Sort::DateAsc,
        Sort::ValueDesc,
        Sort::ValueAsc,
        Sort::RealisationDesc,
        Sort::RealisationAsc,
    ];

    /// The code used in the URL (`urut`).
    pub fn code(self) -> &'static str {
        match self {
            Sort::DateDesc => "tanggal-turun",
            Sort::DateAsc => "tanggal-naik",
            Sort::ValueDesc => "nilai-turun",
            Sort::ValueAsc => "nilai-naik",
            Sort::RealisationDesc => "realisasi-turun",
            Sort::RealisationAsc => "realisasi-naik",
        }
    }

    /// Reads [`Sort::code`]; `None` for anything else.
    pub fn parse(s: &str) -> Option<Sort> {
        Sort::ALL.into_iter().find(|x| x.code() == s)
    }

    /// The menu label.
    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Sort::DateDesc, Lang::Id) => "Tanggal tanda tangan, terbaru dulu",
            (Sort::DateDesc, Lang::En) => "Date signed, newest first",
            (Sort::DateAsc, Lang::Id) => "Tanggal tanda tangan, terlama dulu",
            (Sort::DateAsc, Lang::En) => "Date signed, oldest first",
            (Sort::ValueDesc, Lang::Id) => "Nilai, terbesar dulu",
            (Sort::ValueDesc, Lang::En) => "Value, largest first",
            (Sort::ValueAsc, Lang::Id) => "Nilai, terkecil dulu",
            (Sort::ValueAsc, Lang::En) => "Value, smallest first",
            (Sort::RealisationDesc, Lang::Id) => "Realisasi %, tertinggi dulu",
            (Sort::RealisationDesc, Lang::En) => "Realisation %, highest first",
            (Sort::RealisationAsc, Lang::Id) => "Realisasi %, terendah dulu",
            (Sort::RealisationAsc, Lang::En) => "Realisation %, lowest first",
        }
    }
}

/// What the user filters on. Empty lists mean "any".
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AgreementQuery {
    /// Words that must all occur in the company's or the UMKM's name (folded).
    pub text: String,
    /// Years signed.
    pub years: Vec<i32>,
    /// Partnership patterns.
    pub patterns: Vec<Pattern>,
    /// Provinces of either party.
    pub provinces: Vec<ProvinceCode>,
    /// The UMKM's province only: the home page's province chart counts
    /// agreements where the benefit lands, and links here (`provinsi_umkm`).
    pub umkm_provinces: Vec<ProvinceCode>,
    /// Kinds of the company party (PMA, PMDN).
    pub company_kinds: Vec<Kind>,
    /// Size classes of the UMKM.
    pub sizes: Vec<SizeClass>,
    /// Smallest committed value, inclusive.
    pub min_value: Option<Rupiah>,
    /// Largest committed value, inclusive.
    pub max_value: Option<Rupiah>,
    /// Status on the reader's today.
    pub statuses: Vec<Status>,
    /// The signing event's id.
    pub event: Option<String>,
    /// The order of the list.
    pub sort: Sort,
}

/// Totals of a filtered list.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Totals {
    /// Agreements in the list.
    pub count: u64,
    /// Committed value, summed.
    pub committed: Rupiah,
    /// Realised value, summed.
    pub realised: Rupiah,
    /// Realised over committed in basis points; `None` when nothing is
    /// committed.
    pub realisation_bp: Option<i64>,
    /// A sum passed `i64::MAX` and was held there.
    pub saturated: bool,
}

fn split(v: &str) -> impl Iterator<Item = &str> {
    v.split(',').map(str::trim).filter(|s| !s.is_empty())
}

fn push_unique<T: PartialEq>(list: &mut Vec<T>, item: T) {
    if !list.contains(&item) {
        list.push(item);
    }
}

fn size_code(c: SizeClass) -> &'static str {
    match c {
        SizeClass::Mikro => "mikro",
        SizeClass::Kecil => "kecil",
        SizeClass::Menengah => "menengah",
        SizeClass::Besar => "besar",
    }
}

fn join<T>(items: &[T], f: impl Fn(&T) -> String) -> String {
    items.iter().map(f).collect::<Vec<_>>().join(",")
}

impl AgreementQuery {
    /// Reads URL query pairs. Unknown keys and unreadable values are ignored
    /// one by one.
    pub fn from_pairs<'a, I>(pairs: I) -> AgreementQuery
    where
        I: IntoIterator<Item = (&'a str, &'a str)>,
    {
        let mut q = AgreementQuery::default();
        for (key, value) in pairs {
            match key {
                // Trimmed again after the cut, so that reading what
                // `to_pairs` wrote gives the same text (found by proptest).
                "q" => {
                    let cut: String = value.trim().chars().take(200).collect();
                    q.text = cut.trim_end().to_owned();
                }
                "tahun" => split(value)
                    .filter_map(|y| y.parse::<i32>().ok())
                    .filter(|y| (1945..=2200).contains(y))
                    .for_each(|y| push_unique(&mut q.years, y)),
                "pola" => split(value)
                    .filter_map(Pattern::from_key)
                    .for_each(|p| push_unique(&mut q.patterns, p)),
                "provinsi" => split(value)
                    .filter_map(|c| ProvinceCode::parse(c).ok())
                    .for_each(|p| push_unique(&mut q.provinces, p)),
                "provinsi_umkm" => split(value)
                    .filter_map(|c| ProvinceCode::parse(c).ok())
                    .for_each(|p| push_unique(&mut q.umkm_provinces, p)),
                "jenis" => split(value)
                    .filter_map(Kind::from_key)
                    .filter(|k| k.is_company())
                    .for_each(|k| push_unique(&mut q.company_kinds, k)),
                "kelas" => split(value)
                    .filter_map(|c| SizeClass::ALL.into_iter().find(|s| size_code(*s) == c))
                    .for_each(|s| push_unique(&mut q.sizes, s)),
                "min" => q.min_value = parse_amount(value).ok().filter(|v| v.0 >= 0),
                "maks" => q.max_value = parse_amount(value).ok().filter(|v| v.0 >= 0),
                "status" => split(value)
                    .filter_map(Status::from_key)
                    .for_each(|s| push_unique(&mut q.statuses, s)),
                "acara" => {
                    q.event =
                        Some(value.trim().to_string()).filter(|e| crate::model::is_valid_id(e))
                }
                "urut" => q.sort = Sort::parse(value).unwrap_or_default(),
                _ => {}
            }
        }
        q.years.sort_unstable();
        q
    }

    /// The URL query pairs, in a fixed order, default values left out.
    pub fn to_pairs(&self) -> Vec<(&'static str, String)> {
        let mut out = Vec::new();
        if !self.text.is_empty() {
            out.push(("q", self.text.clone()));
        }
        if !self.years.is_empty() {
            out.push(("tahun", join(&self.years, |y| y.to_string())));
        }
        if !self.patterns.is_empty() {
            out.push(("pola", join(&self.patterns, |p| p.key().to_string())));
        }
        if !self.provinces.is_empty() {
            out.push((
                "provinsi",
                join(&self.provinces, |p| p.as_str().to_string()),
            ));
        }
        if !self.umkm_provinces.is_empty() {
            out.push((
                "provinsi_umkm",
                join(&self.umkm_provinces, |p| p.as_str().to_string()),
            ));
        }
        if !self.company_kinds.is_empty() {
            out.push(("jenis", join(&self.company_kinds, |k| k.key().to_string())));
        }
        if !self.sizes.is_empty() {
            out.push(("kelas", join(&self.sizes, |s| size_code(*s).to_string())));
        }
        if let Some(v) = self.min_value {
            out.push(("min", v.0.to_string()));
        }
        if let Some(v) = self.max_value {
            out.push(("maks", v.0.to_string()));
        }
        if !self.statuses.is_empty() {
            out.push(("status", join(&self.statuses, |s| s.key().to_string())));
        }
        if let Some(e) = &self.event {
            out.push(("acara", e.clone()));
        }
        if self.sort != Sort::default() {
            out.push(("urut", self.sort.code().to_string()));
        }
        out
    }

    /// True when no filter is set (the sort does not count).
    pub fn is_unfiltered(&self) -> bool {
        AgreementQuery {
            sort: Sort::default(),
            ..self.clone()
        } == AgreementQuery::default()
    }

    fn matches(&self, a: &AgreementSummary, today: NaiveDate, needle: &[String]) -> bool {
        (self.years.is_empty() || self.years.contains(&a.date_signed.year()))
            && (self.patterns.is_empty() || self.patterns.contains(&a.pattern))
            && (self.provinces.is_empty()
                || self.provinces.contains(&a.company_province)
                || self.provinces.contains(&a.umkm_province))
            && (self.umkm_provinces.is_empty() || self.umkm_provinces.contains(&a.umkm_province))
            && (self.company_kinds.is_empty() || self.company_kinds.contains(&a.company.kind))
            && (self.sizes.is_empty() || a.umkm_size.is_some_and(|s| self.sizes.contains(&s.class)))
            && self.min_value.is_none_or(|m| a.value >= m)
            && self.max_value.is_none_or(|m| a.value <= m)
            && (self.statuses.is_empty() || self.statuses.contains(&a.status(today)))
            && self
                .event
                .as_ref()
                .is_none_or(|e| a.event_id.as_ref() == Some(e))
            && (needle.is_empty() || {
                let names = format!("{} {}", fold(&a.company.name), fold(&a.umkm.name));
                needle.iter().all(|w| names.contains(w.as_str()))
            })
    }

    /// The matching agreements, sorted; ties keep id order so the list is
    /// stable between visits.
    pub fn apply<'a>(
        &self,
        items: &'a [AgreementSummary],
        today: NaiveDate,
    ) -> Vec<&'a AgreementSummary> {
        let needle: Vec<String> = fold(&self.text)
            .split_whitespace()
            .map(str::to_string)
            .collect();
        let mut out: Vec<&AgreementSummary> = items
            .iter()
            .filter(|a| self.matches(a, today, &needle))
            .collect();
        out.sort_by(|a, b| compare(self.sort, a, b));
        out
    }
}

/// The list's order: `sort`, then id, so the list is stable between visits.
/// The data tool writes precomputed pages in this same order
/// (`agreement_index`), so a prefix of them is a prefix of the list.
pub fn compare(sort: Sort, a: &AgreementSummary, b: &AgreementSummary) -> std::cmp::Ordering {
    let realisation = |a: &AgreementSummary| percent_of(a.realised, a.value);
    let ord = match sort {
        Sort::DateDesc => b.date_signed.cmp(&a.date_signed),
        Sort::DateAsc => a.date_signed.cmp(&b.date_signed),
        Sort::ValueDesc => b.value.cmp(&a.value),
        Sort::ValueAsc => a.value.cmp(&b.value),
        // `None` (no value) sorts last both ways.
        Sort::RealisationDesc => match (realisation(a), realisation(b)) {
            (Some(x), Some(y)) => y.cmp(&x),
            (x, y) => y.is_some().cmp(&x.is_some()),
        },
        Sort::RealisationAsc => match (realisation(a), realisation(b)) {
            (Some(x), Some(y)) => x.cmp(&y),
            (x, y) => y.is_some().cmp(&x.is_some()),
        },
    };
    ord.then_with(|| a.id.cmp(&b.id))
}

/// Lower case with accents removed, so "Sinar Jaya" matches "sinar" and
/// "Sinár": the same folding as the partner search ([`crate::fold`]).
pub use crate::fold::fold;

/// Sums a list with checked arithmetic; a sum past `i64::MAX` is held there
/// and flagged rather than wrapped.
pub fn totals(items: &[&AgreementSummary]) -> Totals {
    let committed = SaturatingSum::of(items.iter().map(|a| a.value));
    let realised = SaturatingSum::of(items.iter().map(|a| a.realised));
    Totals {
        count: items.len() as u64,
        committed: committed.total,
        realised: realised.total,
        realisation_bp: percent_of(realised.total, committed.total),
        saturated: committed.saturated || realised.saturated,
    }
}

/// The CSV of a list, one row per agreement in the order shown, column
/// names in the UI's language, amounts as plain integers, dates ISO.
pub fn to_csv(items: &[&AgreementSummary], lang: Lang, today: NaiveDate) -> String {
    let header: [&str; 15] = match lang {
        Lang::Id => [
            "id",
            "tanggal_tanda_tangan",
            "perusahaan_id",
            "perusahaan",
            "jenis_perusahaan",
            "provinsi_perusahaan",
            "umkm_id",
            "umkm",
            "provinsi_umkm",
            "kelas_umkm",
            "pola",
            "mulai",
            "selesai",
            "status",
            "nilai_komitmen_rupiah",
        ],
        Lang::En => [
            "id",
            "date_signed",
            "company_id",
            "company",
            "company_kind",
            "company_province",
            "umkm_id",
            "umkm",
            "umkm_province",
            "umkm_size_class",
            "pattern",
            "start",
            "end",
            "status",
            "committed_rupiah",
        ],
    };
    let mut header: Vec<&str> = header.to_vec();
    header.push(match lang {
        Lang::Id => "nilai_realisasi_rupiah",
        Lang::En => "realised_rupiah",
    });
    let mut w = CsvWriter::with_header(&header);
    for a in items {
        let signed = a.date_signed.to_string();
        let start = a.period.start.to_string();
        let end = a.period.end.to_string();
        let size = a.umkm_size.map(|s| s.class.label(lang)).unwrap_or("");
        let status = a.status(today).label(lang).to_lowercase();
        w.row(&[
            Cell::Text(&a.id),
            Cell::Text(&signed),
            Cell::Text(&a.company.id),
            Cell::Text(&a.company.name),
            Cell::Text(a.company.kind.label()),
            Cell::Text(a.company_province.as_str()),
            Cell::Text(&a.umkm.id),
            Cell::Text(&a.umkm.name),
            Cell::Text(a.umkm_province.as_str()),
            Cell::Text(size),
            Cell::Text(a.pattern.key()),
            Cell::Text(&start),
            Cell::Text(&end),
            Cell::Text(&status),
            Cell::Int(a.value.0),
            Cell::Int(a.realised.0),
        ]);
    }
    w.finish()
}

/// Year-on-year growth of each agreement over the one before it in a pair
/// history (oldest first), in basis points; `None` for the first or after a
/// zero value.
pub fn pair_growth(history: &[AgreementSummary]) -> Vec<Option<i64>> {
    history
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let prev = history.get(i.checked_sub(1)?)?;
            let diff = a.value.checked_sub(prev.value)?;
            percent_of(diff, prev.value)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{PartnerRef, Period};
    use crate::size_class::{Classification, SizeTest};

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn item(
        id: &str,
        year: i32,
        value: i64,
        realised: i64,
        kind: Kind,
        prov: &str,
    ) -> AgreementSummary {
        AgreementSummary {
            id: id.to_string(),
            company: PartnerRef {
                id: format!("C{id}"),
                name: format!("PT Sinar {id}"),
                kind,
            },
            umkm: PartnerRef {
                id: format!("U{id}"),
                name: "UD Kopi Gunung".into(),
                kind: Kind::Umkm,
            },
            company_province: ProvinceCode::parse("31").unwrap(),
            umkm_province: ProvinceCode::parse(prov).unwrap(),
            umkm_size: Some(Classification {
                class: SizeClass::Mikro,
                test: SizeTest::Sales,
            }),
            pattern: Pattern::IntiPlasma,
            event_id: (year == 2021).then(|| "E20210118".to_string()),
            date_signed: d(year, 1, 18),
            period: Period {
                start: d(year, 2, 1),
                end: d(year + 1, 1, 31),
            },
            value: Rupiah(value),
            realised: Rupiah(realised),
        }
    }

    fn sample() -> Vec<AgreementSummary> {
        vec![
            item("A1", 2021, 1_000, 500, Kind::Pma, "17"),
            item("A2", 2022, 5_000, 5_000, Kind::Pmdn, "31"),
            item("A3", 2023, 10_000, 12_000, Kind::Pma, "51"),
            item("A4", 2027, 2_000, 0, Kind::Pmdn, "17"),
        ]
    }

    #[test]
    fn filters_narrow_and_totals_follow() {
        let items = sample();
        let today = d(2026, 11, 29);
        let q = AgreementQuery::from_pairs([("provinsi", "17")]);
        let ids: Vec<_> = q
            .apply(&items, today)
            .iter()
            .map(|a| a.id.as_str())
            .collect();
        assert_eq!(ids, ["A4", "A1"]);
        let q = AgreementQuery::from_pairs([("provinsi_umkm", "31")]);
        let ids: Vec<_> = q
            .apply(&items, today)
            .iter()
            .map(|a| a.id.as_str())
            .collect();
        assert_eq!(ids, ["A2"], "only the UMKM's province counts");
        let q = AgreementQuery::from_pairs([("provinsi", "17"), ("jenis", "pma")]);
        let rows = q.apply(&items, today);
        assert_eq!(rows.len(), 1);
        let t = totals(&rows);
        assert_eq!(
            (t.count, t.committed, t.realised, t.realisation_bp),
            (1, Rupiah(1_000), Rupiah(500), Some(5_000))
        );
        let q = AgreementQuery::from_pairs([("status", "upcoming")]);
        assert_eq!(q.apply(&items, today).len(), 1);
        let q = AgreementQuery::from_pairs([("tahun", "2021,2022"), ("min", "2000")]);
        assert_eq!(q.apply(&items, today).len(), 1);
        let q = AgreementQuery::from_pairs([("acara", "E20210118")]);
        assert_eq!(q.apply(&items, today)[0].id, "A1");
        let q = AgreementQuery::from_pairs([("q", "sinar a3")]);
        assert_eq!(q.apply(&items, today)[0].id, "A3");
    }

    #[test]
    fn sorts() {
        let items = sample();
        let today = d(2026, 11, 29);
        let ids = |sort: &str| -> Vec<String> {
            AgreementQuery::from_pairs([("urut", sort)])
                .apply(&items, today)
                .iter()
                .map(|a| a.id.clone())
                .collect()
        };
        assert_eq!(ids("nilai-turun"), ["A3", "A2", "A4", "A1"]);
        assert_eq!(ids("tanggal-naik"), ["A1", "A2", "A3", "A4"]);
        assert_eq!(ids("realisasi-turun"), ["A3", "A2", "A1", "A4"]);
        assert_eq!(ids("realisasi-naik"), ["A4", "A1", "A2", "A3"]);
    }

    #[test]
    fn url_round_trip_and_bad_values_dropped_one_by_one() {
        let q = AgreementQuery::from_pairs([
            ("tahun", "2022,abc,2021"),
            ("pola", "inti_plasma,tidak_ada"),
            ("provinsi", "17,99"),
            ("provinsi_umkm", "51"),
            ("jenis", "umkm,pma"),
            ("kelas", "kecil,raksasa"),
            ("min", "-5"),
            ("maks", "5 miliar"),
            ("status", "active"),
            ("acara", "../x"),
            ("urut", "nilai-turun"),
            ("lain", "x"),
        ]);
        assert_eq!(q.years, [2021, 2022]);
        assert_eq!(q.patterns, [Pattern::IntiPlasma]);
        assert_eq!(q.provinces.len(), 1);
        assert_eq!(q.company_kinds, [Kind::Pma]);
        assert_eq!(q.sizes, [SizeClass::Kecil]);
        assert_eq!(q.min_value, None);
        assert_eq!(q.max_value, Some(Rupiah::miliar(5)));
        assert_eq!(q.event, None);
        let pairs = q.to_pairs();
        let back = AgreementQuery::from_pairs(pairs.iter().map(|(k, v)| (*k, v.as_str())));
        assert_eq!(back, q);
        assert!(AgreementQuery::from_pairs([("urut", "nilai-turun")]).is_unfiltered());
        assert!(!q.is_unfiltered());
    }

    #[test]
    fn csv_has_one_row_per_listed_agreement() {
        let items = sample();
        let today = d(2026, 11, 29);
        let rows = AgreementQuery::from_pairs([("jenis", "pma")]).apply(&items, today);
        let doc = to_csv(&rows, Lang::Id, today);
        let parsed = crate::csv::parse(&doc);
        assert_eq!(parsed.len(), 1 + rows.len());
        assert_eq!(parsed[0][1], "tanggal_tanda_tangan");
        assert_eq!(parsed[1][0], rows[0].id);
        assert_eq!(parsed[1][1], "2023-01-18");
        assert_eq!(parsed[1][14], "10000");
        assert_eq!(parsed[1][15], "12000");
        let en = to_csv(&rows, Lang::En, today);
        assert!(en.starts_with("\u{feff}id,date_signed,"));
    }

    #[test]
    fn totals_saturate_instead_of_wrapping() {
        let a = item("A1", 2021, i64::MAX, 0, Kind::Pma, "17");
        let b = item("A2", 2021, 1, 0, Kind::Pma, "17");
        let t = totals(&[&a, &b]);
        assert!(t.saturated);
        assert_eq!(t.committed, Rupiah(i64::MAX));
    }

    #[test]
    fn pair_growth_is_year_on_year() {
        let h = vec![
            item("A1", 2021, 1_000, 0, Kind::Pma, "17"),
            item("A2", 2022, 5_000, 0, Kind::Pma, "17"),
            item("A3", 2023, 10_000, 0, Kind::Pma, "17"),
        ];
        assert_eq!(pair_growth(&h), [None, Some(40_000), Some(10_000)]);
    }
}
