//! The contract-growth simulator: a contract's value year by year, what it
//! adds to an UMKM's annual sales, and the PP 7/2021 class that follows.
//!
//! All arithmetic is integer: a rate is in basis points (1 bp = 0.01 %), a
//! value in whole rupiah, compounding rounds half up each year, and anything
//! past `i64::MAX` saturates and is flagged, so 30 years of 300 % growth says
//! "more than Rp9.223.372 triliun" instead of printing `inf`.
//!
//! Contract value stands in for sales: a contract is not all revenue, and the
//! UMKM's other sales may change too. The UI says so.

use crate::size_class::{class_by_capital, class_by_sales, SizeClass};
use crate::{Lang, Rupiah};

/// Horizons the simulator accepts, in years.
pub const MAX_YEARS: u32 = 30;
/// A rate below -100 % would make values negative.
pub const MIN_RATE_BP: i64 = -10_000;
/// 1.000.000 % a year: far past anything real, still computable.
pub const MAX_RATE_BP: i64 = 100_000_000;

/// The President's path of 18 January 2021: "tahun ini mungkin Rp1M, tahun
/// depan bisa Rp5M, tahun depan Rp10M".
pub const PRESIDENT_PATH: [Rupiah; 3] = [Rupiah::miliar(1), Rupiah::miliar(5), Rupiah::miliar(10)];

/// How the contract grows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Growth {
    /// A value for each year from the first; after the last given year the
    /// value stays where it ended. The first entry replaces the start value.
    Path(Vec<Rupiah>),
    /// A constant annual rate in basis points.
    Rate(i64),
    /// Reach `value` by `year`: the rate is solved (see [`solve_rate`]).
    Target {
        /// The value to reach.
        value: Rupiah,
        /// The year to reach it by.
        year: i32,
    },
}

/// One scenario's inputs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Scenario {
    /// The contract value in the first year.
    pub start: Rupiah,
    /// The first year.
    pub first_year: i32,
    /// How many years are projected.
    pub years: u32,
    /// How the value grows.
    pub growth: Growth,
    /// The UMKM's annual sales besides this contract.
    pub other_sales: Option<Rupiah>,
    /// Modal usaha, for the class by capital.
    pub capital: Option<Rupiah>,
}

/// Why a scenario cannot be computed. Each says which input to fix.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SimError {
    /// The start value is negative.
    NegativeStart,
    /// The other sales are negative.
    NegativeSales,
    /// The capital is negative.
    NegativeCapital,
    /// The horizon is not 1 to [`MAX_YEARS`] years.
    Horizon {
        /// The horizon given.
        years: u32,
    },
    /// The rate is below -100 %.
    RateTooLow,
    /// The rate is above [`MAX_RATE_BP`].
    RateTooHigh,
    /// A path with no value.
    EmptyPath,
    /// A path value is negative.
    NegativePathValue,
    /// The target year is not after the first year or beyond the horizon.
    TargetYear,
    /// A target cannot be reached from a start of zero.
    TargetFromZero,
    /// The target value is negative.
    NegativeTarget,
}

impl SimError {
    /// What to fix, in the interface language.
    pub fn message(&self, lang: Lang) -> String {
        let (id, en) = match self {
            SimError::NegativeStart => (
                "Nilai awal tidak boleh negatif.",
                "The starting value cannot be negative.",
            ),
            SimError::NegativeSales => (
                "Penjualan lain tidak boleh negatif.",
                "Other sales cannot be negative.",
            ),
            SimError::NegativeCapital => (
                "Modal usaha tidak boleh negatif.",
                "Business capital cannot be negative.",
            ),
            SimError::Horizon { .. } => (
                "Jangka waktu harus 1 sampai 30 tahun.",
                "The horizon must be 1 to 30 years.",
            ),
            SimError::RateTooLow => (
                "Pertumbuhan tidak boleh di bawah -100 %.",
                "Growth cannot be below -100 %.",
            ),
            SimError::RateTooHigh => (
                "Pertumbuhan paling tinggi 1.000.000 % setahun.",
                "Growth can be at most 1,000,000 % a year.",
            ),
            SimError::EmptyPath => (
                "Isi nilai untuk paling sedikit satu tahun.",
                "Give a value for at least one year.",
            ),
            SimError::NegativePathValue => (
                "Nilai per tahun tidak boleh negatif.",
                "Yearly values cannot be negative.",
            ),
            SimError::TargetYear => (
                "Tahun target harus sesudah tahun pertama dan dalam jangka waktu.",
                "The target year must be after the first year and within the horizon.",
            ),
            SimError::TargetFromZero => (
                "Target tidak dapat dicapai dari nilai awal nol.",
                "A target cannot be reached from a starting value of zero.",
            ),
            SimError::NegativeTarget => (
                "Nilai target tidak boleh negatif.",
                "The target value cannot be negative.",
            ),
        };
        match lang {
            Lang::Id => id.to_string(),
            Lang::En => en.to_string(),
        }
    }
}

impl std::fmt::Display for SimError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for SimError {}

/// One year of the result.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct YearRow {
    /// The calendar year.
    pub year: i32,
    /// The contract value this year.
    pub value: Rupiah,
    /// Growth on the year before in basis points; `None` in the first year
    /// or after a year of zero.
    pub growth_bp: Option<i64>,
    /// The contract values up to this year, summed.
    pub cumulative: Rupiah,
    /// Other sales plus this year's contract value.
    pub sales: Rupiah,
    /// The PP 7/2021 class by annual sales.
    pub class_by_sales: SizeClass,
    /// The class by capital, when a capital was given.
    pub class_by_capital: Option<SizeClass>,
    /// The class by sales rose this year (the first year compares with the
    /// class of the other sales alone).
    pub naik_kelas: bool,
    /// A figure in this row hit `i64::MAX` and stopped there.
    pub saturated: bool,
}

/// The computed scenario.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Projection {
    /// One row per year of the horizon.
    pub rows: Vec<YearRow>,
    /// The rate used: given, or solved from a target; `None` for a path.
    pub rate_bp: Option<i64>,
    /// Some row hit `i64::MAX`.
    pub saturated: bool,
}

impl Projection {
    /// The first year each class above the starting one is reached by sales.
    pub fn class_changes(&self) -> Vec<(SizeClass, i32)> {
        self.rows
            .iter()
            .filter(|r| r.naik_kelas)
            .map(|r| (r.class_by_sales, r.year))
            .collect()
    }
}

/// One year of compounding: `value * (1 + bp/10000)`, rounded half up,
/// saturating at `i64::MAX`. Returns the value and whether it saturated.
pub fn compound(value: Rupiah, rate_bp: i64) -> (Rupiah, bool) {
    let num = i128::from(value.0) * i128::from(10_000 + rate_bp);
    // Round half up for non-negative results; values here are never negative.
    let v = (num + 5_000).div_euclid(10_000);
    if v > i128::from(i64::MAX) {
        (Rupiah(i64::MAX), true)
    } else {
        (Rupiah(v.max(0) as i64), false)
    }
}

/// The value after `years` years at `rate_bp`, saturating.
fn value_after(start: Rupiah, rate_bp: i64, years: u32) -> (Rupiah, bool) {
    let mut v = start;
    let mut sat = false;
    for _ in 0..years {
        let (next, s) = compound(v, rate_bp);
        v = next;
        sat |= s;
        if sat {
            break;
        }
    }
    (v, sat)
}

/// The smallest rate in basis points with which `start` reaches at least
/// `target` after `years` years of compounding. Integer bisection on the same
/// rounding the table uses, so the table's target year never falls short.
pub fn solve_rate(start: Rupiah, target: Rupiah, years: u32) -> Result<i64, SimError> {
    if target.0 < 0 {
        return Err(SimError::NegativeTarget);
    }
    if years == 0 {
        return Err(SimError::TargetYear);
    }
    if start.0 <= 0 {
        return if target.0 == 0 {
            Ok(0)
        } else {
            Err(SimError::TargetFromZero)
        };
    }
    let reaches = |bp: i64| value_after(start, bp, years).0 >= target;
    if !reaches(MAX_RATE_BP) {
        return Err(SimError::RateTooHigh);
    }
    let (mut lo, mut hi) = (MIN_RATE_BP, MAX_RATE_BP);
    if reaches(lo) {
        return Ok(lo);
    }
    // Invariant: !reaches(lo) && reaches(hi).
    while hi - lo > 1 {
        let mid = lo + (hi - lo) / 2;
        if reaches(mid) {
            hi = mid;
        } else {
            lo = mid;
        }
    }
    Ok(hi)
}

fn growth_bp(prev: Rupiah, now: Rupiah) -> Option<i64> {
    if prev.0 <= 0 {
        return None;
    }
    let diff = i128::from(now.0) - i128::from(prev.0);
    let bp = (diff * 10_000 * 2 + i128::from(prev.0)).div_euclid(i128::from(prev.0) * 2);
    i64::try_from(bp).ok()
}

/// Computes a scenario, or says which input is wrong.
pub fn project(s: &Scenario) -> Result<Projection, SimError> {
    if s.start.0 < 0 {
        return Err(SimError::NegativeStart);
    }
    if s.other_sales.is_some_and(|v| v.0 < 0) {
        return Err(SimError::NegativeSales);
    }
    if s.capital.is_some_and(|v| v.0 < 0) {
        return Err(SimError::NegativeCapital);
    }
    if s.years == 0 || s.years > MAX_YEARS {
        return Err(SimError::Horizon { years: s.years });
    }
    let (values, rate_bp, mut saturated) = match &s.growth {
        Growth::Path(path) => {
            if path.is_empty() {
                return Err(SimError::EmptyPath);
            }
            if path.iter().any(|v| v.0 < 0) {
                return Err(SimError::NegativePathValue);
            }
            let last = path[path.len() - 1];
            let values = (0..s.years as usize)
                .map(|i| path.get(i).copied().unwrap_or(last))
                .collect::<Vec<_>>();
            (values, None, false)
        }
        Growth::Rate(bp) => {
            check_rate(*bp)?;
            let (values, sat) = series(s.start, *bp, s.years);
            (values, Some(*bp), sat)
        }
        Growth::Target { value, year } => {
            let offset = i64::from(*year) - i64::from(s.first_year);
            if offset < 1 || offset >= i64::from(s.years) {
                return Err(SimError::TargetYear);
            }
            let bp = solve_rate(s.start, *value, offset as u32)?;
            let (values, sat) = series(s.start, bp, s.years);
            (values, Some(bp), sat)
        }
    };
    let other = s.other_sales.unwrap_or(Rupiah::ZERO);
    let class_by_cap = s.capital.map(class_by_capital);
    let mut prev_class = class_by_sales(other);
    let mut cumulative = Rupiah::ZERO;
    let mut rows = Vec::with_capacity(values.len());
    for (i, &value) in values.iter().enumerate() {
        let mut row_sat = value.0 == i64::MAX;
        let (cum, s1) = sat_add(cumulative, value);
        let (sales, s2) = sat_add(other, value);
        row_sat |= s1 | s2;
        cumulative = cum;
        let class = class_by_sales(sales);
        rows.push(YearRow {
            year: s.first_year.saturating_add(i as i32),
            value,
            growth_bp: if i == 0 {
                None
            } else {
                growth_bp(values[i - 1], value)
            },
            cumulative,
            sales,
            class_by_sales: class,
            class_by_capital: class_by_cap,
            naik_kelas: class > prev_class,
            saturated: row_sat,
        });
        saturated |= row_sat;
        prev_class = prev_class.max(class);
    }
    Ok(Projection {
        rows,
        rate_bp,
        saturated,
    })
}

fn check_rate(bp: i64) -> Result<(), SimError> {
    if bp < MIN_RATE_BP {
        Err(SimError::RateTooLow)
    } else if bp > MAX_RATE_BP {
        Err(SimError::RateTooHigh)
    } else {
        Ok(())
    }
}

fn sat_add(a: Rupiah, b: Rupiah) -> (Rupiah, bool) {
    match a.checked_add(b) {
        Some(v) => (v, false),
        None => (Rupiah(i64::MAX), true),
    }
}

/// `years` values starting at `start`, each compounded from the one before.
fn series(start: Rupiah, bp: i64, years: u32) -> (Vec<Rupiah>, bool) {
    let mut out = Vec::with_capacity(years as usize);
    let mut v = start;
    let mut sat = false;
    for i in 0..years {
        if i > 0 {
            let (next, s) = compound(v, bp);
            v = next;
            sat |= s;
        }
        out.push(v);
    }
    (out, sat)
}

/// One sentence for the result: when the UMKM naik kelas, in the user's
/// language. `rate` is shown when the projection has one.
pub fn summary(p: &Projection, lang: Lang) -> String {
    let changes = p.class_changes();
    let lead = match (p.rate_bp, lang) {
        (Some(bp), Lang::Id) => format!(
            "Dengan pertumbuhan {} setahun, ",
            crate::money::format_percent_bp(bp, lang)
        ),
        (Some(bp), Lang::En) => {
            format!("At {} a year, ", crate::money::format_percent_bp(bp, lang))
        }
        (None, Lang::Id) => "Dengan jalur nilai ini, ".to_string(),
        (None, Lang::En) => "On this path of values, ".to_string(),
    };
    let first = p.rows.first().map(|r| r.class_by_sales);
    if changes.is_empty() {
        let class = first.unwrap_or(SizeClass::Mikro);
        return match lang {
            Lang::Id => format!(
                "{lead}UMKM ini tetap {} menurut hasil penjualan.",
                class.label(lang)
            ),
            Lang::En => format!(
                "{lead}this UMKM stays {} by annual sales.",
                class.label(lang)
            ),
        };
    }
    let parts = changes
        .iter()
        .map(|(c, y)| match lang {
            Lang::Id => format!("{} pada {y}", c.label(lang)),
            Lang::En => format!("{} in {y}", c.label(lang)),
        })
        .collect::<Vec<_>>();
    let joined = join_and(&parts, lang);
    match lang {
        Lang::Id => format!("{lead}UMKM ini menjadi {joined} menurut hasil penjualan."),
        Lang::En => format!("{lead}this UMKM becomes {joined} by annual sales."),
    }
}

fn join_and(parts: &[String], lang: Lang) -> String {
    let and = match lang {
        Lang::Id => "dan",
        Lang::En => "and",
    };
    match parts {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} {and} {last}", init.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn path_scenario(other: Option<Rupiah>) -> Scenario {
        Scenario {
            start: Rupiah::miliar(1),
            first_year: 2021,
            years: 3,
            growth: Growth::Path(PRESIDENT_PATH.to_vec()),
            other_sales: other,
            capital: None,
        }
    }

    #[test]
    fn the_presidents_path_by_sales_follows_domain_md() {
        // domain.md: as annual sales, Rp1 M stays Mikro, Rp5 M is Kecil,
        // Rp10 M is still Kecil.
        let p = project(&path_scenario(None)).unwrap();
        let classes: Vec<_> = p.rows.iter().map(|r| r.class_by_sales).collect();
        assert_eq!(
            classes,
            [SizeClass::Mikro, SizeClass::Kecil, SizeClass::Kecil]
        );
        assert_eq!(p.rows[1].growth_bp, Some(40_000));
        assert_eq!(p.rows[2].growth_bp, Some(10_000));
        assert_eq!(p.rows[2].cumulative, Rupiah::miliar(16));
        assert!(!p.rows[0].naik_kelas && p.rows[1].naik_kelas && !p.rows[2].naik_kelas);
        assert_eq!(p.class_changes(), vec![(SizeClass::Kecil, 2022)]);
    }

    #[test]
    fn the_presidents_path_by_capital_matches_the_thresholds() {
        for (v, c) in
            PRESIDENT_PATH
                .iter()
                .zip([SizeClass::Mikro, SizeClass::Kecil, SizeClass::Menengah])
        {
            assert_eq!(class_by_capital(*v), c);
        }
        let mut s = path_scenario(None);
        s.capital = Some(Rupiah::miliar(5));
        let p = project(&s).unwrap();
        assert!(p
            .rows
            .iter()
            .all(|r| r.class_by_capital == Some(SizeClass::Kecil)));
    }

    #[test]
    fn other_sales_add_to_the_contract() {
        let p = project(&path_scenario(Some(Rupiah::miliar(6)))).unwrap();
        assert_eq!(p.rows[2].sales, Rupiah::miliar(16));
        assert_eq!(p.rows[2].class_by_sales, SizeClass::Menengah);
        // Rp7 M in year one is already Kecil; Rp6 M alone was Kecil too.
        assert!(!p.rows[0].naik_kelas);
        assert_eq!(p.class_changes(), vec![(SizeClass::Menengah, 2023)]);
    }

    #[test]
    fn a_path_shorter_than_the_horizon_holds_its_last_value() {
        let mut s = path_scenario(None);
        s.years = 5;
        let p = project(&s).unwrap();
        assert_eq!(p.rows[4].value, Rupiah::miliar(10));
        assert_eq!(p.rows[4].growth_bp, Some(0));
    }

    #[test]
    fn compound_rounds_half_up_to_whole_rupiah() {
        assert_eq!(compound(Rupiah(3), 5_000), (Rupiah(5), false)); // 4.5 -> 5
        assert_eq!(compound(Rupiah(1_000), 1_240), (Rupiah(1_124), false));
        assert_eq!(compound(Rupiah(100), -5_000), (Rupiah(50), false));
        assert_eq!(compound(Rupiah(100), -10_000), (Rupiah(0), false));
        assert_eq!(compound(Rupiah(i64::MAX), 1), (Rupiah(i64::MAX), true));
    }

    #[test]
    fn zero_and_minus_fifty_percent() {
        let s = |bp| Scenario {
            start: Rupiah::miliar(4),
            first_year: 2024,
            years: 3,
            growth: Growth::Rate(bp),
            other_sales: None,
            capital: None,
        };
        let p = project(&s(0)).unwrap();
        assert!(p.rows.iter().all(|r| r.value == Rupiah::miliar(4)));
        let p = project(&s(-5_000)).unwrap();
        assert_eq!(p.rows[2].value, Rupiah::miliar(1));
        assert_eq!(p.rows[1].growth_bp, Some(-5_000));
    }

    #[test]
    fn thirty_years_of_300_percent_saturates_and_says_so() {
        let s = Scenario {
            start: Rupiah::miliar(1),
            first_year: 2021,
            years: 30,
            growth: Growth::Rate(30_000),
            other_sales: None,
            capital: None,
        };
        let p = project(&s).unwrap();
        assert!(p.saturated);
        assert_eq!(p.rows[29].value, Rupiah(i64::MAX));
        assert_eq!(p.rows[29].cumulative, Rupiah(i64::MAX));
        assert!(p.rows[29].saturated);
        assert!(!p.rows[0].saturated);
        assert_eq!(p.rows[29].class_by_sales, SizeClass::Besar);
    }

    #[test]
    fn bad_inputs_are_typed_errors() {
        let mut s = path_scenario(None);
        s.start = Rupiah(-1);
        s.growth = Growth::Rate(0);
        assert_eq!(project(&s), Err(SimError::NegativeStart));
        s.start = Rupiah(0);
        s.years = 0;
        assert_eq!(project(&s), Err(SimError::Horizon { years: 0 }));
        s.years = 31;
        assert_eq!(project(&s), Err(SimError::Horizon { years: 31 }));
        s.years = 3;
        s.growth = Growth::Rate(-10_001);
        assert_eq!(project(&s), Err(SimError::RateTooLow));
        s.growth = Growth::Path(vec![]);
        assert_eq!(project(&s), Err(SimError::EmptyPath));
        s.growth = Growth::Target {
            value: Rupiah::miliar(5),
            year: 2022,
        };
        assert_eq!(project(&s), Err(SimError::TargetFromZero));
        s.start = Rupiah::miliar(1);
        s.growth = Growth::Target {
            value: Rupiah::miliar(5),
            year: 2021,
        };
        assert_eq!(project(&s), Err(SimError::TargetYear));
        assert!(SimError::TargetYear
            .message(Lang::Id)
            .contains("Tahun target"));
    }

    #[test]
    fn zero_start_stays_zero() {
        let s = Scenario {
            start: Rupiah::ZERO,
            first_year: 2021,
            years: 3,
            growth: Growth::Rate(10_000),
            other_sales: None,
            capital: None,
        };
        let p = project(&s).unwrap();
        assert!(p
            .rows
            .iter()
            .all(|r| r.value == Rupiah::ZERO && r.growth_bp.is_none()));
    }

    #[test]
    fn the_solved_rate_reaches_the_target_and_no_less_would() {
        let bp = solve_rate(Rupiah::miliar(1), Rupiah::miliar(10), 2).unwrap();
        assert!(value_after(Rupiah::miliar(1), bp, 2).0 >= Rupiah::miliar(10));
        assert!(value_after(Rupiah::miliar(1), bp - 1, 2).0 < Rupiah::miliar(10));
        // sqrt(10) - 1 = 216.23 %
        assert_eq!(bp, 21_623);
        let s = Scenario {
            start: Rupiah::miliar(1),
            first_year: 2021,
            years: 4,
            growth: Growth::Target {
                value: Rupiah::miliar(10),
                year: 2023,
            },
            other_sales: None,
            capital: None,
        };
        let p = project(&s).unwrap();
        assert_eq!(p.rate_bp, Some(21_623));
        assert!(p.rows[2].value >= Rupiah::miliar(10));
        // A shrinking target solves to a negative rate.
        let bp = solve_rate(Rupiah::miliar(10), Rupiah::miliar(5), 1).unwrap();
        assert_eq!(bp, -5_000);
    }

    #[test]
    fn summary_names_each_new_class_and_year() {
        let s = Scenario {
            start: Rupiah::miliar(1),
            first_year: 2021,
            years: 5,
            growth: Growth::Rate(12_400),
            other_sales: None,
            capital: None,
        };
        let p = project(&s).unwrap();
        let id = summary(&p, Lang::Id);
        let en = summary(&p, Lang::En);
        assert_eq!(
            en,
            "At 124% a year, this UMKM becomes Kecil in 2022 and Menengah in 2025 by annual sales."
                .replace("Kecil", SizeClass::Kecil.label(Lang::En))
                .replace("Menengah", SizeClass::Menengah.label(Lang::En))
        );
        assert!(id.starts_with("Dengan pertumbuhan 124% setahun, UMKM ini menjadi Kecil pada 2022 dan Menengah pada 2025"), "{id}");
        let p = project(&path_scenario(None)).unwrap();
        assert!(summary(&p, Lang::En).contains("Small in 2022"));
        // A sixth year passes Rp50 M: the business leaves the UMKM classes.
        let p = project(&Scenario { years: 6, ..s }).unwrap();
        assert!(
            summary(&p, Lang::En).ends_with("Medium in 2025 and Large in 2026 by annual sales.")
        );
    }
}
