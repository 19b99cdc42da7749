//! The field parsers behind the simulator's form, and the texts that put a
//! value back into a field so that the parser reads it back unchanged.

use super::{YEAR_MAX, YEAR_MIN};
use crate::money::{format_full, format_words, parse_amount, AmountError};
use crate::simulate::{MAX_RATE_BP, MAX_YEARS, MIN_RATE_BP};
use crate::{Lang, Rupiah};

/// Why a field of the form was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FieldError {
    /// An amount that does not parse.
    Amount(AmountError),
    /// Not a year between [`YEAR_MIN`] and [`YEAR_MAX`].
    Year,
    /// Not a whole number of years from 1 to [`MAX_YEARS`].
    Horizon,
    /// Not a percentage such as `12,5` or `-50`.
    Percent,
    /// More than two decimals (the math works in 0,01 % steps).
    PercentPrecision,
    /// Growth below -100 %.
    RateTooLow,
    /// Growth above the simulator's maximum.
    RateTooHigh,
}

impl FieldError {
    /// What to fix, in the interface language.
    pub fn message(&self, lang: Lang) -> String {
        let (id, en) = match self {
            FieldError::Amount(e) => return e.message(lang),
            FieldError::Year => (
                format!("Tulis tahun dengan empat angka, {YEAR_MIN} sampai {YEAR_MAX}."),
                format!("Write a four-digit year, {YEAR_MIN} to {YEAR_MAX}."),
            ),
            FieldError::Horizon => (
                format!("Jangka waktu harus bilangan bulat 1 sampai {MAX_YEARS} tahun."),
                format!("The horizon must be a whole number from 1 to {MAX_YEARS} years."),
            ),
            FieldError::Percent => (
                "Tulis persentase, misalnya 20, 12,5 atau -50.".to_string(),
                "Write a percentage, e.g. 20, 12.5 or -50.".to_string(),
            ),
            FieldError::PercentPrecision => (
                "Paling banyak dua angka di belakang koma.".to_string(),
                "At most two decimal places.".to_string(),
            ),
            FieldError::RateTooLow => (
                "Pertumbuhan tidak boleh di bawah -100%.".to_string(),
                "Growth cannot be below -100%.".to_string(),
            ),
            FieldError::RateTooHigh => (
                "Pertumbuhan paling tinggi 1.000.000% setahun.".to_string(),
                "Growth can be at most 1,000,000% a year.".to_string(),
            ),
        };
        match lang {
            Lang::Id => id,
            Lang::En => en,
        }
    }
}

impl std::fmt::Display for FieldError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for FieldError {}

/// An amount field (see [`parse_amount`]).
pub fn parse_amount_field(s: &str) -> Result<Rupiah, FieldError> {
    parse_amount(s).map_err(FieldError::Amount)
}

/// An optional amount field: empty means "not given".
pub fn parse_optional_amount(s: &str) -> Result<Option<Rupiah>, FieldError> {
    if s.trim().is_empty() {
        Ok(None)
    } else {
        parse_amount_field(s).map(Some)
    }
}

/// A year from [`YEAR_MIN`] to [`YEAR_MAX`].
pub fn parse_year(s: &str) -> Result<i32, FieldError> {
    let s = s.trim();
    if s.is_empty() || s.len() > 4 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return Err(FieldError::Year);
    }
    match s.parse::<i32>() {
        Ok(y) if (YEAR_MIN..=YEAR_MAX).contains(&y) => Ok(y),
        _ => Err(FieldError::Year),
    }
}

/// A horizon from 1 to [`MAX_YEARS`] years.
pub fn parse_horizon(s: &str) -> Result<u32, FieldError> {
    let s = s.trim();
    if s.is_empty() || s.len() > 3 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return Err(FieldError::Horizon);
    }
    match s.parse::<u32>() {
        Ok(n) if (1..=MAX_YEARS).contains(&n) => Ok(n),
        _ => Err(FieldError::Horizon),
    }
}

/// A percentage as basis points: `20`, `12,5`, `12.5`, `-50`, `+7 %`,
/// `0,25%`. Either `,` or `.` is the decimal mark (there is no thousands
/// grouping: rates above 9.999 % are written without it). Two decimals at
/// most; the result lies within the simulator's rate limits.
pub fn parse_percent_bp(s: &str) -> Result<i64, FieldError> {
    let mut t = s.trim();
    t = t.strip_suffix('%').unwrap_or(t).trim_end();
    let negative = t.starts_with('-') || t.starts_with('\u{2212}');
    t = t
        .strip_prefix('-')
        .or_else(|| t.strip_prefix('\u{2212}'))
        .or_else(|| t.strip_prefix('+'))
        .unwrap_or(t)
        .trim_start();
    let (int, frac) = match t.split_once([',', '.']) {
        Some((i, f)) => (i, f),
        None => (t, ""),
    };
    let digits = |x: &str| x.bytes().all(|b| b.is_ascii_digit());
    if int.is_empty() || !digits(int) || !digits(frac) || int.len() > 12 {
        return Err(FieldError::Percent);
    }
    let frac = frac.trim_end_matches('0');
    if frac.len() > 2 {
        return Err(FieldError::PercentPrecision);
    }
    let int: i64 = int.parse().map_err(|_| FieldError::Percent)?;
    let frac_bp: i64 = if frac.is_empty() {
        0
    } else {
        let f: i64 = frac.parse().map_err(|_| FieldError::Percent)?;
        if frac.len() == 1 {
            f * 10
        } else {
            f
        }
    };
    let abs = int
        .checked_mul(100)
        .and_then(|v| v.checked_add(frac_bp))
        .ok_or(FieldError::RateTooHigh)?;
    let bp = if negative { -abs } else { abs };
    if bp < MIN_RATE_BP {
        Err(FieldError::RateTooLow)
    } else if bp > MAX_RATE_BP {
        Err(FieldError::RateTooHigh)
    } else {
        Ok(bp)
    }
}

/// Basis points as the text of a percentage field, without `%` or
/// grouping, so [`parse_percent_bp`] reads it back: `12,5` (Id), `12.5`
/// (En), `-50`.
pub fn percent_input_text(bp: i64, lang: Lang) -> String {
    let mark = match lang {
        Lang::Id => ',',
        Lang::En => '.',
    };
    plain_percent(bp, mark)
}

/// Basis points as a plain decimal percentage with `mark` as the decimal
/// sign and no trailing zeros: 1250 -> `12.5`.
pub(super) fn plain_percent(bp: i64, mark: char) -> String {
    let abs = bp.unsigned_abs();
    let mut out = format!("{}{}", if bp < 0 { "-" } else { "" }, abs / 100);
    let frac = format!("{:02}", abs % 100);
    let frac = frac.trim_end_matches('0');
    if !frac.is_empty() {
        out.push(mark);
        out.push_str(frac);
    }
    out
}

/// An amount as the text of an input field: in words when that is exact
/// (`Rp2,5 miliar`), else to the rupiah (`Rp2.512.345.678`), and always
/// something [`parse_amount`] reads back to the same value.
pub fn amount_input_text(amount: Rupiah, lang: Lang) -> String {
    let candidates = [
        Some(format_words(amount, lang)),
        exact_in_units(amount, lang),
        Some(format_full(amount, lang)),
    ];
    for text in candidates.into_iter().flatten() {
        if parse_amount(&text) == Ok(amount) {
            return text;
        }
    }
    amount.0.to_string()
}

/// The amount in the largest unit word that writes it exactly with at most
/// two decimals: `Rp2.829 juta`, `IDR 2829 million`. English has no
/// thousands grouping here, because `parse_amount` reads `,` as a decimal
/// mark.
fn exact_in_units(amount: Rupiah, lang: Lang) -> Option<String> {
    const UNITS: [(i64, &str, &str); 3] = [
        (1_000_000_000_000, "triliun", "trillion"),
        (1_000_000_000, "miliar", "billion"),
        (1_000_000, "juta", "million"),
    ];
    let v = amount.0;
    let (unit, id, en) = UNITS
        .into_iter()
        .find(|(u, _, _)| v >= *u && v % (u / 100) == 0)?;
    let int = v / unit;
    let cents = (v % unit) / (unit / 100);
    let mut number = match lang {
        Lang::Id => crate::money::format_number(int, lang),
        Lang::En => int.to_string(),
    };
    if cents != 0 {
        let frac = format!("{cents:02}");
        number.push(if lang == Lang::Id { ',' } else { '.' });
        number.push_str(frac.trim_end_matches('0'));
    }
    Some(match lang {
        Lang::Id => format!("Rp{number} {id}"),
        Lang::En => format!("IDR {number} {en}"),
    })
}
