//! Reading amounts as people type them: `1.500.000`, `Rp1,5 miliar`, `2M`,
//! `IDR 3 billion`, refused with a reason when ambiguous.

use std::fmt;
use std::str::FromStr;

use super::Rupiah;
use crate::lang::Lang;

/// Why a typed amount was refused. `Display` is English; use
/// [`AmountError::message`] for the interface language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AmountError {
    /// Nothing (or only `Rp`) was typed.
    Empty,
    /// Not a number in any accepted form.
    Invalid,
    /// A number followed by a word that is not a known unit.
    UnknownUnit(String),
    /// Amounts in this app (contract values, capital, sales) are never
    /// negative.
    Negative,
    /// Does not fit in `i64` rupiah (about Rp9,2 juta triliun).
    TooLarge,
    /// A fraction of a rupiah, e.g. `1,5` with no unit: sen are not used.
    FractionalRupiah,
}

impl AmountError {
    /// The message in the interface language.
    pub fn message(&self, lang: Lang) -> String {
        use AmountError::*;
        match (self, lang) {
            (Empty, Lang::Id) => "Masukkan jumlah.".into(),
            (Empty, Lang::En) => "Enter an amount.".into(),
            (Invalid, Lang::Id) => {
                "Jumlah tidak valid; tulis misalnya 1.500.000, Rp2.000.000 atau 1,5 miliar.".into()
            }
            (Invalid, Lang::En) => {
                "Not a valid amount; write e.g. 1.500.000, Rp2.000.000 or 1.5 billion.".into()
            }
            (UnknownUnit(u), Lang::Id) => format!(
                "Satuan \"{u}\" tidak dikenal; gunakan rb, jt, M (miliar) atau T (triliun)."
            ),
            (UnknownUnit(u), Lang::En) => {
                format!("Unknown unit \"{u}\"; use K, million, B (billion) or T (trillion).")
            }
            (Negative, Lang::Id) => "Jumlah tidak boleh negatif.".into(),
            (Negative, Lang::En) => "The amount cannot be negative.".into(),
            (TooLarge, Lang::Id) => "Jumlah terlalu besar.".into(),
            (TooLarge, Lang::En) => "The amount is too large.".into(),
            (FractionalRupiah, Lang::Id) => {
                "Jumlah harus dalam rupiah bulat; sen tidak digunakan.".into()
            }
            (FractionalRupiah, Lang::En) => {
                "Amounts are whole rupiah; fractions of a rupiah are not used.".into()
            }
        }
    }
}

impl fmt::Display for AmountError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for AmountError {}

/// Power of ten of a unit word (already lowercased). Indonesian `M` is
/// miliar, as everywhere in Indonesian finance writing; English `B`/`billion`
/// mean the same 10^9. "milyar"/"trilyun" are common misspellings: read,
/// never written.
fn unit_exponent(word: &str) -> Option<u32> {
    match word {
        "" => Some(0),
        "rb" | "rb." | "ribu" | "k" | "thousand" => Some(3),
        "jt" | "jt." | "juta" | "million" => Some(6),
        "m" | "miliar" | "milyar" | "b" | "bn" | "billion" => Some(9),
        "t" | "tn" | "triliun" | "trilyun" | "trillion" => Some(12),
        _ => None,
    }
}

/// `1.000.000` style: a first group of 1–3 digits, then groups of exactly 3.
fn is_grouped(s: &str) -> bool {
    let mut groups = s.split('.');
    let first_ok = groups
        .next()
        .is_some_and(|g| (1..=3).contains(&g.len()) && g.bytes().all(|b| b.is_ascii_digit()));
    first_ok && groups.all(|g| g.len() == 3 && g.bytes().all(|b| b.is_ascii_digit()))
}

fn all_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// Splits the numeric part into (integer digits, fraction digits).
fn split_number(num: &str, has_unit: bool) -> Result<(String, &str), AmountError> {
    let int_digits = |s: &str| -> Result<String, AmountError> {
        if all_digits(s) || is_grouped(s) {
            Ok(s.replace('.', ""))
        } else {
            Err(AmountError::Invalid)
        }
    };
    match num.split_once(',') {
        Some((int, frac)) => {
            if !all_digits(frac) {
                return Err(AmountError::Invalid); // also catches a second comma
            }
            Ok((int_digits(int)?, frac))
        }
        None => {
            // English decimal point before a unit: `1.5 miliar`, `1.25M`.
            // Three digits after the dot stay grouping: `1.500 miliar`.
            if has_unit {
                if let Some((int, frac)) = num.split_once('.') {
                    if all_digits(int) && all_digits(frac) && frac.len() <= 2 {
                        return Ok((int.to_owned(), frac));
                    }
                }
            }
            Ok((int_digits(num)?, ""))
        }
    }
}

fn strip_minus<'a>(s: &'a str, negative: &mut bool) -> &'a str {
    match s.strip_prefix('-') {
        Some(rest) => {
            *negative = true;
            rest.trim_start()
        }
        None => s,
    }
}

/// Reads an amount as people type it in Indonesia.
///
/// Accepted, case-insensitive, spaces around parts optional:
/// `1000000`, `1.000.000`, `Rp2.000.000`, `Rp 2.000.000`, `Rp2.000.000,-`,
/// `Rp1.000,00`, `1M`, `1 miliar`, `1,5 miliar`, `1,5M`, `250 jt`,
/// `250 juta`, `1,5 T`, `2 triliun`, `500 rb`, `500 ribu`, and English
/// `1.5 billion`, `1.5B`, `250 million`, `2 trillion`, `500K`, `IDR 1,5 M`.
///
/// Rules: `,` is the decimal mark and `.` groups thousands (Indonesian).
/// After a unit word, a single `.` followed by one or two digits is taken as
/// an English decimal point (`1.5 miliar`); with three digits it is grouping
/// (`1.500 miliar` = Rp1,5 triliun). `M` is miliar, never million. The result
/// must be whole rupiah, fit in `i64`, and not be negative.
pub fn parse_amount(input: &str) -> Result<Rupiah, AmountError> {
    let lower = input.trim().to_lowercase();
    let mut negative = false;
    let mut rest = strip_minus(&lower, &mut negative);
    for prefix in ["rp.", "rp", "idr"] {
        if let Some(r) = rest.strip_prefix(prefix) {
            rest = r.trim_start();
            break;
        }
    }
    rest = strip_minus(rest, &mut negative);
    // `,-` means "no sen" on invoices and cheques: `Rp2.000.000,-`.
    if let Some(r) = rest.strip_suffix(",-") {
        rest = r.trim_end();
    }
    if rest.is_empty() {
        return Err(AmountError::Empty);
    }

    let num_end = rest
        .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))
        .unwrap_or(rest.len());
    let (num, word) = rest.split_at(num_end);
    let word = word.trim();
    // `1 000 000`: spaces do not group digits here.
    if num.is_empty() || word.starts_with(|c: char| c.is_ascii_digit() || c == '.' || c == ',') {
        return Err(AmountError::Invalid);
    }
    let exp = unit_exponent(word).ok_or_else(|| AmountError::UnknownUnit(word.to_owned()))?;
    let (int, frac) = split_number(num, !word.is_empty())?;

    // Units are powers of ten, so the value is whole exactly when the
    // significant fraction digits fit in the exponent.
    let frac = frac.trim_end_matches('0');
    if frac.len() > exp as usize {
        return Err(AmountError::FractionalRupiah);
    }
    let digits_value = |s: &str| {
        s.bytes().try_fold(0u64, |acc, b| {
            acc.checked_mul(10)?.checked_add(u64::from(b - b'0'))
        })
    };
    let int_value = digits_value(&int).ok_or(AmountError::TooLarge)?;
    let frac_value =
        digits_value(frac).ok_or(AmountError::TooLarge)? * 10u64.pow(exp - frac.len() as u32);
    let total = int_value
        .checked_mul(10u64.pow(exp))
        .and_then(|v| v.checked_add(frac_value))
        .and_then(|v| i64::try_from(v).ok())
        .ok_or(AmountError::TooLarge)?;
    if negative && total != 0 {
        return Err(AmountError::Negative);
    }
    Ok(Rupiah(total))
}

impl FromStr for Rupiah {
    type Err = AmountError;

    /// Same as [`parse_amount`].
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        parse_amount(s)
    }
}
