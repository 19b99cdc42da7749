//! Money in whole rupiah, and how to write and read it.
//!
//! Why integers: sen are not used in practice, and contract values run to
//! trillions of rupiah, beyond what `f64` holds exactly once sums and growth
//! factors are involved. All arithmetic is checked and all formatting is
//! integer math, so a total never silently wraps or drifts.
//!
//! Why format here and not with the browser's `Intl.NumberFormat`: its IDR
//! output differs between browser versions (`Rp 1.500.000`, `Rp1.500.000,00`,
//! `IDR 1,500,000.00`). Indonesian style (PUEBI/EYD) is `Rp1.500.000`: no full
//! stop, no space, `.` groups thousands, `,` is the decimal mark; large
//! amounts are partly in words (`Rp1,5 triliun`, spelled "miliar", never
//! "milyar").

mod format;
mod parse;

pub use format::{format_full, format_number, format_percent_bp, format_short, format_words};
pub use parse::{parse_amount, AmountError};

use serde::{Deserialize, Serialize};

/// An amount in whole rupiah. Serialized as a bare JSON integer.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct Rupiah(pub i64);

pub(crate) const RIBU: u64 = 1_000;
pub(crate) const JUTA: u64 = 1_000_000;
pub(crate) const MILIAR: u64 = 1_000_000_000;
pub(crate) const TRILIUN: u64 = 1_000_000_000_000;

impl Rupiah {
    /// Nothing.
    pub const ZERO: Rupiah = Rupiah(0);

    /// `n` juta (10^6). `const` so thresholds and fixtures read like the law
    /// (`Rupiah::miliar(5)`). Panics on overflow — at compile time in a
    /// `const` — because these are meant for literals; use [`parse_amount`]
    /// or the checked methods for user input.
    pub const fn juta(n: i64) -> Rupiah {
        match n.checked_mul(JUTA as i64) {
            Some(v) => Rupiah(v),
            None => panic!("Rupiah::juta overflows i64"),
        }
    }

    /// `n` miliar (10^9). See [`Rupiah::juta`] for the overflow rule.
    pub const fn miliar(n: i64) -> Rupiah {
        match n.checked_mul(MILIAR as i64) {
            Some(v) => Rupiah(v),
            None => panic!("Rupiah::miliar overflows i64"),
        }
    }

    /// `n` triliun (10^12). See [`Rupiah::juta`] for the overflow rule.
    pub const fn triliun(n: i64) -> Rupiah {
        match n.checked_mul(TRILIUN as i64) {
            Some(v) => Rupiah(v),
            None => panic!("Rupiah::triliun overflows i64"),
        }
    }

    /// `self + rhs`; `None` on overflow.
    pub fn checked_add(self, rhs: Rupiah) -> Option<Rupiah> {
        self.0.checked_add(rhs.0).map(Rupiah)
    }

    /// `self - rhs`; `None` on overflow.
    pub fn checked_sub(self, rhs: Rupiah) -> Option<Rupiah> {
        self.0.checked_sub(rhs.0).map(Rupiah)
    }

    /// For display-only running totals where clamping beats failing; never
    /// for stored values.
    pub fn saturating_add(self, rhs: Rupiah) -> Rupiah {
        Rupiah(self.0.saturating_add(rhs.0))
    }

    /// Multiplies by a whole factor (e.g. years, count of UMKM).
    pub fn checked_mul_i64(self, n: i64) -> Option<Rupiah> {
        self.0.checked_mul(n).map(Rupiah)
    }

    /// Sum of all amounts, `None` if any partial sum overflows. An empty
    /// iterator sums to `Rp0`. (`std::iter::Sum` cannot report overflow.)
    pub fn checked_sum<I: IntoIterator<Item = Rupiah>>(iter: I) -> Option<Rupiah> {
        iter.into_iter()
            .try_fold(Rupiah::ZERO, |acc, r| acc.checked_add(r))
    }
}

/// A running sum of amounts that stops at the `i64` limit instead of
/// wrapping, and remembers that it did: the one rule for display totals
/// (list totals, a program's base value, cumulative realisation), so a
/// flagged limit is shown rather than a wrong figure.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct SaturatingSum {
    /// The sum so far, held at the limit once it was reached.
    pub total: Rupiah,
    /// True once an addition went past the limit.
    pub saturated: bool,
}

impl SaturatingSum {
    /// Adds `amount` and returns the new total.
    pub fn add(&mut self, amount: Rupiah) -> Rupiah {
        match self.total.checked_add(amount) {
            Some(v) => self.total = v,
            None => {
                self.total = self.total.saturating_add(amount);
                self.saturated = true;
            }
        }
        self.total
    }

    /// The sum of `amounts`.
    pub fn of<I: IntoIterator<Item = Rupiah>>(amounts: I) -> SaturatingSum {
        let mut sum = SaturatingSum::default();
        for a in amounts {
            sum.add(a);
        }
        sum
    }

    /// The running total after each of `amounts`, in order.
    pub fn running<I: IntoIterator<Item = Rupiah>>(amounts: I) -> Vec<Rupiah> {
        let mut sum = SaturatingSum::default();
        amounts.into_iter().map(|a| sum.add(a)).collect()
    }
}

/// `part / whole` as basis points (1 bp = 0.01 %, so 10 000 = 100 %),
/// rounded half away from zero (half-up for positive parts).
///
/// Integer math in `i128`, so exact for every pair of `i64`. `None` when
/// `whole <= 0` (a share of nothing, or of a negative total, means nothing)
/// or when the result does not fit in `i64`.
pub fn percent_of(part: Rupiah, whole: Rupiah) -> Option<i64> {
    if whole.0 <= 0 {
        return None;
    }
    let num = i128::from(part.0) * 10_000;
    let w = i128::from(whole.0);
    let (q, r) = (num / w, num % w);
    let rounded = if 2 * r.abs() >= w {
        q + num.signum()
    } else {
        q
    };
    i64::try_from(rounded).ok()
}

#[cfg(test)]
mod tests;
