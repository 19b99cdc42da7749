//! Program mode of the simulator: every agreement of the dataset grows the
//! same way from the year it was signed, and the program's total value per
//! year is compared with a target.
//!
//! Same integer rules as [`crate::simulate`]: whole rupiah, half-up
//! compounding, saturation at `i64::MAX` flagged instead of wrapping.

use crate::count::{count_text, Noun};
use crate::money::format_words;
use crate::simulate::{compound, SimError, MAX_RATE_BP, MAX_YEARS, MIN_RATE_BP};
use crate::{Lang, Rupiah};

/// How every agreement grows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProgramGrowth {
    /// A constant annual rate in basis points.
    Rate(i64),
    /// The President's path as multiples of the first year: ×1, ×5, ×10,
    /// then held (Rp1 M → Rp5 M → Rp10 M).
    President,
}

/// Multiples of the first-year value along the President's path.
pub const PRESIDENT_MULTIPLES: [i64; 3] = [1, 5, 10];

/// One year of the program.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProgramYear {
    /// The calendar year.
    pub year: i32,
    /// Sum over the agreements signed in or before this year.
    pub total: Rupiah,
    /// How many agreements count in this year.
    pub agreements: u32,
    /// A sum hit `i64::MAX` and stopped there.
    pub saturated: bool,
}

/// The program's total per year from `first_year` for `years` years.
/// `agreements` are (signing year, first-year value); an agreement counts
/// from its signing year on, growing each later year. Negative values are
/// an error, as in the single-scenario simulator.
pub fn program_totals(
    agreements: &[(i32, Rupiah)],
    growth: ProgramGrowth,
    first_year: i32,
    years: u32,
) -> Result<Vec<ProgramYear>, SimError> {
    let cohorts: Vec<(i32, u64, Rupiah)> = agreements.iter().map(|&(y, v)| (y, 1, v)).collect();
    program_totals_by_year(&cohorts, growth, first_year, years)
}

/// [`program_totals`] over cohorts `(signing year, agreements, their total
/// first-year value)`, as `aggregates/figures.json` gives them, so program
/// mode needs no agreement list. Each cohort grows as one amount: on the
/// President's path that is exactly the sum of its agreements; at a rate it
/// differs from growing each agreement by the half-rupiah roundings only.
pub fn program_totals_by_year(
    cohorts: &[(i32, u64, Rupiah)],
    growth: ProgramGrowth,
    first_year: i32,
    years: u32,
) -> Result<Vec<ProgramYear>, SimError> {
    if years == 0 || years > MAX_YEARS {
        return Err(SimError::Horizon { years });
    }
    if let ProgramGrowth::Rate(bp) = growth {
        if bp < MIN_RATE_BP {
            return Err(SimError::RateTooLow);
        }
        if bp > MAX_RATE_BP {
            return Err(SimError::RateTooHigh);
        }
    }
    if cohorts.iter().any(|(_, _, v)| v.0 < 0) {
        return Err(SimError::NegativeStart);
    }
    let mut out: Vec<ProgramYear> = (0..years)
        .map(|i| ProgramYear {
            year: first_year.saturating_add(i as i32),
            total: Rupiah::ZERO,
            agreements: 0,
            saturated: false,
        })
        .collect();
    for &(signed, count, value) in cohorts {
        let count = u32::try_from(count).unwrap_or(u32::MAX);
        let mut v = value;
        let mut sat = false;
        for (i, row) in out.iter_mut().enumerate() {
            let age = i64::from(first_year) + i as i64 - i64::from(signed);
            if age < 0 {
                continue;
            }
            if age > 0 {
                match growth {
                    ProgramGrowth::Rate(bp) => {
                        let (next, s) = compound(v, bp);
                        v = next;
                        sat |= s;
                    }
                    ProgramGrowth::President => {
                        let k =
                            PRESIDENT_MULTIPLES[(age as usize).min(PRESIDENT_MULTIPLES.len() - 1)];
                        match value.checked_mul_i64(k) {
                            Some(x) => v = x,
                            None => {
                                v = Rupiah(i64::MAX);
                                sat = true;
                            }
                        }
                    }
                }
            }
            match row.total.checked_add(v) {
                Some(t) => row.total = t,
                None => {
                    row.total = Rupiah(i64::MAX);
                    row.saturated = true;
                }
            }
            row.saturated |= sat;
            row.agreements = row.agreements.saturating_add(count);
        }
    }
    Ok(out)
}

/// The first year whose total reaches `target`, if any.
pub fn year_reached(rows: &[ProgramYear], target: Rupiah) -> Option<i32> {
    rows.iter().find(|r| r.total >= target).map(|r| r.year)
}

/// The sentence above the program form: how many agreements, their
/// first-year value in total, and the first year signed.
pub fn program_intro(count: u64, base: Rupiah, first_year: i32, lang: Lang) -> String {
    let agreements = count_text(Noun::Agreement, count, lang);
    let base = format_words(base, lang);
    match lang {
        Lang::Id => {
            format!("{agreements}, total nilai awal {base}, ditandatangani mulai {first_year}.")
        }
        Lang::En => {
            format!("{agreements}, first-year value {base} in total, signed from {first_year}.")
        }
    }
}

/// Whether and when the program total reaches `target` (see
/// [`year_reached`]), as the sentence under the program chart.
pub fn target_sentence(reached: Option<i32>, target: Rupiah, lang: Lang) -> String {
    let t = format_words(target, lang);
    match (reached, lang) {
        (Some(y), Lang::Id) => format!("Total program mencapai target {t} pada {y}."),
        (Some(y), Lang::En) => format!("The program total reaches the target of {t} in {y}."),
        (None, Lang::Id) => {
            format!("Total program belum mencapai target {t} dalam jangka waktu ini.")
        }
        (None, Lang::En) => {
            format!("The program total does not reach the target of {t} within this horizon.")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(n: i64) -> Rupiah {
        Rupiah::miliar(n)
    }

    #[test]
    fn the_presidents_path_multiplies_each_agreement() {
        let rows = program_totals(
            &[(2021, m(1)), (2022, m(2))],
            ProgramGrowth::President,
            2021,
            4,
        )
        .unwrap();
        let totals: Vec<_> = rows.iter().map(|r| r.total).collect();
        // 2021: 1; 2022: 5 + 2; 2023: 10 + 10; 2024: 10 + 20.
        assert_eq!(totals, vec![m(1), m(7), m(20), m(30)]);
        let counts: Vec<_> = rows.iter().map(|r| r.agreements).collect();
        assert_eq!(counts, vec![1, 2, 2, 2]);
        assert_eq!(year_reached(&rows, m(20)), Some(2023));
        assert_eq!(year_reached(&rows, m(31)), None);
    }

    #[test]
    fn a_rate_compounds_from_the_signing_year() {
        let rows = program_totals(
            &[(2020, m(1)), (2021, m(1))],
            ProgramGrowth::Rate(10_000),
            2021,
            2,
        )
        .unwrap();
        // 2021: 2 + 1; 2022: 4 + 2.
        assert_eq!(rows[0].total, m(3));
        assert_eq!(rows[1].total, m(6));
        let rows = program_totals(&[(2021, m(4))], ProgramGrowth::Rate(-5_000), 2021, 3).unwrap();
        assert_eq!(rows[2].total, m(1));
        let rows = program_totals(&[(2021, m(4))], ProgramGrowth::Rate(0), 2021, 3).unwrap();
        assert!(rows.iter().all(|r| r.total == m(4)));
    }

    #[test]
    fn cohorts_give_the_sum_of_their_agreements() {
        let each = [(2021, m(1)), (2021, m(3)), (2022, m(2))];
        let cohorts = [(2021, 2, m(4)), (2022, 1, m(2))];
        let a = program_totals(&each, ProgramGrowth::President, 2021, 5).unwrap();
        let b = program_totals_by_year(&cohorts, ProgramGrowth::President, 2021, 5).unwrap();
        assert_eq!(a, b);
        let a = program_totals(&each, ProgramGrowth::Rate(2_000), 2021, 5).unwrap();
        let b = program_totals_by_year(&cohorts, ProgramGrowth::Rate(2_000), 2021, 5).unwrap();
        assert_eq!(a, b, "whole miliar amounts grow without rounding");
        assert_eq!(b[1].agreements, 3);
    }

    #[test]
    fn huge_growth_saturates_and_says_so() {
        let many = vec![(2021, m(1_000)); 50];
        let rows = program_totals(&many, ProgramGrowth::Rate(30_000), 2021, 30).unwrap();
        assert!(rows[29].saturated);
        assert_eq!(rows[29].total, Rupiah(i64::MAX));
        assert!(!rows[0].saturated);
        let big = vec![(2021, Rupiah(i64::MAX / 2)); 3];
        let rows = program_totals(&big, ProgramGrowth::President, 2021, 3).unwrap();
        assert!(rows.iter().all(|r| r.saturated));
    }

    #[test]
    fn bad_inputs_and_empty_programs() {
        assert_eq!(
            program_totals(&[], ProgramGrowth::President, 2021, 0),
            Err(SimError::Horizon { years: 0 })
        );
        assert_eq!(
            program_totals(&[], ProgramGrowth::Rate(-10_001), 2021, 3),
            Err(SimError::RateTooLow)
        );
        assert_eq!(
            program_totals(&[(2021, Rupiah(-1))], ProgramGrowth::President, 2021, 3),
            Err(SimError::NegativeStart)
        );
        let rows = program_totals(&[], ProgramGrowth::President, 2021, 3).unwrap();
        assert!(rows
            .iter()
            .all(|r| r.total == Rupiah::ZERO && r.agreements == 0));
        // Signed after the horizon: never counted.
        let rows = program_totals(&[(2040, m(1))], ProgramGrowth::President, 2021, 3).unwrap();
        assert!(rows.iter().all(|r| r.agreements == 0));
    }

    #[test]
    fn intro_and_target_sentences() {
        assert_eq!(
            program_intro(1, m(2), 2021, Lang::En),
            "1 agreement, first-year value IDR 2 billion in total, signed from 2021."
        );
        assert_eq!(
            program_intro(1_234, m(2), 2021, Lang::Id),
            "1.234 perjanjian, total nilai awal Rp2 miliar, ditandatangani mulai 2021."
        );
        assert_eq!(
            target_sentence(Some(2024), m(10), Lang::Id),
            "Total program mencapai target Rp10 miliar pada 2024."
        );
        assert_eq!(
            target_sentence(None, m(10), Lang::En),
            "The program total does not reach the target of IDR 10 billion within this horizon."
        );
    }
}
