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

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::lang::Lang;

/// An amount in whole rupiah. Serialized as a bare JSON integer.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct Rupiah(pub i64);

const RIBU: u64 = 1_000;
const JUTA: u64 = 1_000_000;
const MILIAR: u64 = 1_000_000_000;
const TRILIUN: u64 = 1_000_000_000_000;

impl Rupiah {
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

    pub fn checked_add(self, rhs: Rupiah) -> Option<Rupiah> {
        self.0.checked_add(rhs.0).map(Rupiah)
    }

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

// ---------------------------------------------------------------- formatting

fn group_sep(lang: Lang) -> char {
    match lang {
        Lang::Id => '.',
        Lang::En => ',',
    }
}

fn decimal_mark(lang: Lang) -> char {
    match lang {
        Lang::Id => ',',
        Lang::En => '.',
    }
}

fn currency(lang: Lang) -> &'static str {
    match lang {
        Lang::Id => "Rp",
        Lang::En => "IDR ",
    }
}

fn sign(negative: bool) -> &'static str {
    if negative {
        "-"
    } else {
        ""
    }
}

/// Digits of `n` with `sep` every three from the right.
fn group_digits(n: u64, sep: char) -> String {
    let digits = n.to_string();
    let len = digits.len();
    let mut out = String::with_capacity(len + len / 3);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (len - i) % 3 == 0 {
            out.push(sep);
        }
        out.push(ch);
    }
    out
}

/// `abs / unit` rounded half-up to `decimals` places, as (integer part,
/// fraction digits without trailing zeros).
fn scale(abs: u64, unit: u64, decimals: u32) -> (u64, String) {
    let p = 10u128.pow(decimals);
    let unit = u128::from(unit);
    let rounded = (u128::from(abs) * p * 2 + unit) / (2 * unit);
    // rounded / p <= abs / unit + 1 <= 2^63 + 1: fits in u64.
    let int = (rounded / p) as u64;
    let mut frac = format!("{:0w$}", rounded % p, w = decimals as usize);
    while frac.ends_with('0') {
        frac.pop();
    }
    (int, frac)
}

/// A unit table row: (size, Indonesian, English).
type Unit = (u64, &'static str, &'static str);

const WORD_UNITS: [Unit; 3] = [
    (JUTA, "juta", "million"),
    (MILIAR, "miliar", "billion"),
    (TRILIUN, "triliun", "trillion"),
];

const SHORT_UNITS: [Unit; 4] = [
    (RIBU, "rb", "K"),
    (JUTA, "jt", "M"),
    (MILIAR, "M", "B"),
    (TRILIUN, "T", "T"),
];

/// Picks the largest unit not above `abs` and scales to it. When rounding
/// reaches 1000 of a unit (999,995 juta -> "1.000 juta") it moves to the next
/// unit so the result reads `1 miliar`; above the last unit the integer part
/// just grows (`9.223.372 triliun`). Returns the number written in `lang`
/// and the unit word, or `None` below the smallest unit.
fn scaled(abs: u64, units: &[Unit], decimals: u32, lang: Lang) -> Option<(String, &'static str)> {
    let mut idx = units.iter().rposition(|u| abs >= u.0)?;
    let (int, frac) = loop {
        let (int, frac) = scale(abs, units[idx].0, decimals);
        if int >= 1000 && idx + 1 < units.len() {
            idx += 1;
        } else {
            break (int, frac);
        }
    };
    let mut number = group_digits(int, group_sep(lang));
    if !frac.is_empty() {
        number.push(decimal_mark(lang));
        number.push_str(&frac);
    }
    let (_, id, en) = units[idx];
    Some((number, if lang == Lang::Id { id } else { en }))
}

/// A plain grouped integer: `1.500.000` (Id) / `1,500,000` (En).
pub fn format_number(n: i64, lang: Lang) -> String {
    format!(
        "{}{}",
        sign(n < 0),
        group_digits(n.unsigned_abs(), group_sep(lang))
    )
}

/// The exact amount: `Rp1.500.000` / `-Rp1.500.000` (Id),
/// `IDR 1,500,000` / `-IDR 1,500,000` (En). The minus goes before the
/// currency, as in Indonesian bookkeeping; `i64::MIN` is handled.
pub fn format_full(amount: Rupiah, lang: Lang) -> String {
    format!(
        "{}{}{}",
        sign(amount.0 < 0),
        currency(lang),
        group_digits(amount.0.unsigned_abs(), group_sep(lang))
    )
}

/// Large amounts partly in words, for running text and headlines:
/// `Rp1,5 triliun`, `Rp250 juta`, `Rp3,2 miliar` (Id); `IDR 1.5 trillion`,
/// `IDR 250 million`, `IDR 3.2 billion` (En).
///
/// At most two decimals, rounded half-up, trailing zeros dropped. Below
/// Rp1 juta the exact form is shorter than words, so this falls back to
/// [`format_full`] (`Rp950.000`); "ribu" is never used. From 1000 triliun
/// up the unit stays triliun with a grouped integer part.
pub fn format_words(amount: Rupiah, lang: Lang) -> String {
    let abs = amount.0.unsigned_abs();
    match scaled(abs, &WORD_UNITS, 2, lang) {
        Some((number, word)) => format!("{}{}{number} {word}", sign(amount.0 < 0), currency(lang)),
        None => format_full(amount, lang),
    }
}

/// Short form for tight spaces (table cells, chart axes): `Rp1,5 T`,
/// `Rp3,2 M`, `Rp250 jt`, `Rp950 rb`, `Rp500` (Id); `IDR 1.5T`, `IDR 3.2B`,
/// `IDR 250M`, `IDR 950K` (En). One decimal at most, rounded half-up.
///
/// Indonesian "M" means miliar and reads as "million" to English readers:
/// show [`format_words`] on hover, and English mode writes "B".
pub fn format_short(amount: Rupiah, lang: Lang) -> String {
    let abs = amount.0.unsigned_abs();
    match scaled(abs, &SHORT_UNITS, 1, lang) {
        Some((number, word)) => {
            let space = if lang == Lang::Id { " " } else { "" };
            format!(
                "{}{}{number}{space}{word}",
                sign(amount.0 < 0),
                currency(lang)
            )
        }
        None => format_full(amount, lang),
    }
}

/// Basis points as a percentage: 1250 -> `12,5%` (Id) / `12.5%` (En).
/// Up to two decimals (exact: 1 bp = 0.01 %), trailing zeros dropped, no
/// space before `%` in either language.
pub fn format_percent_bp(bp: i64, lang: Lang) -> String {
    let abs = bp.unsigned_abs();
    let mut out = format!(
        "{}{}",
        sign(bp < 0),
        group_digits(abs / 100, group_sep(lang))
    );
    let frac = format!("{:02}", abs % 100);
    let frac = frac.trim_end_matches('0');
    if !frac.is_empty() {
        out.push(decimal_mark(lang));
        out.push_str(frac);
    }
    out.push('%');
    out
}

// ------------------------------------------------------------------- parsing

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

#[cfg(test)]
mod tests {
    use super::*;
    use Lang::{En, Id};

    fn r(n: i64) -> Rupiah {
        Rupiah(n)
    }

    #[test]
    fn constructors() {
        assert_eq!(Rupiah::juta(250), r(250_000_000));
        assert_eq!(Rupiah::miliar(1), r(1_000_000_000));
        assert_eq!(Rupiah::triliun(2), r(2_000_000_000_000));
        const LIMIT: Rupiah = Rupiah::miliar(50);
        assert_eq!(LIMIT.0, 50_000_000_000);
        assert_eq!(Rupiah::juta(-3), r(-3_000_000));
    }

    #[test]
    #[should_panic]
    fn constructor_overflow_panics() {
        let n = std::hint::black_box(i64::MAX);
        let _ = Rupiah::triliun(n);
    }

    #[test]
    fn checked_arithmetic() {
        assert_eq!(r(1).checked_add(r(2)), Some(r(3)));
        assert_eq!(r(i64::MAX).checked_add(r(1)), None);
        assert_eq!(r(i64::MIN).checked_sub(r(1)), None);
        assert_eq!(r(5).checked_sub(r(7)), Some(r(-2)));
        assert_eq!(r(i64::MAX).saturating_add(r(1)), r(i64::MAX));
        assert_eq!(r(i64::MIN).saturating_add(r(-1)), r(i64::MIN));
        assert_eq!(r(i64::MIN).checked_mul_i64(-1), None);
        assert_eq!(
            Rupiah::miliar(5).checked_mul_i64(2),
            Some(Rupiah::miliar(10))
        );
        assert_eq!(Rupiah::checked_sum([]), Some(Rupiah::ZERO));
        assert_eq!(Rupiah::checked_sum([r(i64::MAX), r(1)]), None);
        // Overflow is caught even if a later term would bring it back.
        assert_eq!(Rupiah::checked_sum([r(i64::MAX), r(1), r(-1)]), None);
        let path = [Rupiah::miliar(1), Rupiah::miliar(5), Rupiah::miliar(10)];
        assert_eq!(Rupiah::checked_sum(path), Some(Rupiah::miliar(16)));
    }

    #[test]
    fn percent_of_basis_points() {
        assert_eq!(percent_of(r(1), r(8)), Some(1250));
        assert_eq!(percent_of(r(1), r(3)), Some(3333));
        assert_eq!(percent_of(r(2), r(3)), Some(6667));
        assert_eq!(percent_of(r(1), r(20_000)), Some(1)); // 0.5 bp rounds up
        assert_eq!(percent_of(r(1), r(20_001)), Some(0));
        assert_eq!(percent_of(r(-1), r(20_000)), Some(-1));
        assert_eq!(percent_of(r(0), r(5)), Some(0));
        assert_eq!(percent_of(r(5), r(0)), None);
        assert_eq!(percent_of(r(5), r(-5)), None);
        assert_eq!(percent_of(r(i64::MAX), r(i64::MAX)), Some(10_000));
        assert_eq!(percent_of(r(i64::MAX), r(1)), None);
        assert_eq!(percent_of(r(i64::MIN), r(1)), None);
        // End of 2021 (Rp2,73 triliun) against the first signing (Rp1,5 triliun).
        let growth = percent_of(Rupiah::juta(2_730_000), Rupiah::juta(1_500_000));
        assert_eq!(growth, Some(18_200));
    }

    #[test]
    fn number_grouping() {
        assert_eq!(format_number(0, Id), "0");
        assert_eq!(format_number(999, Id), "999");
        assert_eq!(format_number(1_000, Id), "1.000");
        assert_eq!(format_number(1_500_000, Id), "1.500.000");
        assert_eq!(format_number(1_500_000, En), "1,500,000");
        assert_eq!(format_number(-1_000, En), "-1,000");
        assert_eq!(format_number(i64::MAX, Id), "9.223.372.036.854.775.807");
        assert_eq!(format_number(i64::MIN, Id), "-9.223.372.036.854.775.808");
    }

    #[test]
    fn full_form() {
        assert_eq!(format_full(r(1_500_000), Id), "Rp1.500.000");
        assert_eq!(format_full(r(-1_500_000), Id), "-Rp1.500.000");
        assert_eq!(format_full(r(1_500_000), En), "IDR 1,500,000");
        assert_eq!(format_full(r(-1_500_000), En), "-IDR 1,500,000");
        assert_eq!(format_full(r(0), Id), "Rp0");
        assert_eq!(format_full(r(0), En), "IDR 0");
        assert_eq!(format_full(r(i64::MIN), Id), "-Rp9.223.372.036.854.775.808");
        assert_eq!(
            format_full(r(i64::MAX), En),
            "IDR 9,223,372,036,854,775,807"
        );
    }

    #[test]
    fn words_domain_examples() {
        // The 18 January 2021 signing and the end-of-2021 total.
        assert_eq!(format_words(Rupiah::juta(1_500_000), Id), "Rp1,5 triliun");
        assert_eq!(
            format_words(Rupiah::juta(1_500_000), En),
            "IDR 1.5 trillion"
        );
        assert_eq!(format_words(Rupiah::juta(2_730_000), Id), "Rp2,73 triliun");
        assert_eq!(format_words(Rupiah::juta(250), Id), "Rp250 juta");
        assert_eq!(format_words(Rupiah::juta(250), En), "IDR 250 million");
        assert_eq!(format_words(Rupiah::juta(3_200), Id), "Rp3,2 miliar");
        assert_eq!(format_words(Rupiah::juta(3_200), En), "IDR 3.2 billion");
        assert_eq!(format_words(Rupiah::juta(1_500), En), "IDR 1.5 billion");
        // The President's path.
        assert_eq!(format_words(Rupiah::miliar(1), Id), "Rp1 miliar");
        assert_eq!(format_words(Rupiah::miliar(5), Id), "Rp5 miliar");
        assert_eq!(format_words(Rupiah::miliar(10), Id), "Rp10 miliar");
    }

    #[test]
    fn words_edges() {
        assert_eq!(format_words(r(950_000), Id), "Rp950.000");
        assert_eq!(format_words(r(999_999), En), "IDR 999,999");
        assert_eq!(format_words(r(0), Id), "Rp0");
        assert_eq!(format_words(r(1_000_000), Id), "Rp1 juta");
        assert_eq!(format_words(r(1_234_567), Id), "Rp1,23 juta");
        assert_eq!(format_words(r(1_235_000), Id), "Rp1,24 juta"); // half-up
        assert_eq!(format_words(r(-1_500_000_000_000), Id), "-Rp1,5 triliun");
        assert_eq!(format_words(r(-250_000_000), En), "-IDR 250 million");
        // Rounding carries into the next unit.
        assert_eq!(format_words(r(999_994_999), Id), "Rp999,99 juta");
        assert_eq!(format_words(r(999_995_000), Id), "Rp1 miliar");
        assert_eq!(format_words(r(999_999_000), Id), "Rp1 miliar");
        assert_eq!(format_words(r(999_999_999_999), Id), "Rp1 triliun");
        // No unit above triliun: the integer part is grouped.
        assert_eq!(format_words(r(999_999_999_999_999), Id), "Rp1.000 triliun");
        assert_eq!(format_words(r(i64::MAX), Id), "Rp9.223.372,04 triliun");
        assert_eq!(format_words(r(i64::MAX), En), "IDR 9,223,372.04 trillion");
        assert_eq!(format_words(r(i64::MIN), Id), "-Rp9.223.372,04 triliun");
    }

    #[test]
    fn short_form() {
        assert_eq!(format_short(Rupiah::juta(1_500_000), Id), "Rp1,5 T");
        assert_eq!(format_short(Rupiah::juta(3_200), Id), "Rp3,2 M");
        assert_eq!(format_short(Rupiah::juta(250), Id), "Rp250 jt");
        assert_eq!(format_short(r(950_000), Id), "Rp950 rb");
        assert_eq!(format_short(r(500), Id), "Rp500");
        assert_eq!(format_short(Rupiah::juta(1_500_000), En), "IDR 1.5T");
        assert_eq!(format_short(Rupiah::juta(3_200), En), "IDR 3.2B");
        assert_eq!(format_short(Rupiah::juta(250), En), "IDR 250M");
        assert_eq!(format_short(r(950_000), En), "IDR 950K");
        assert_eq!(format_short(r(500), En), "IDR 500");
        assert_eq!(format_short(r(0), Id), "Rp0");
        assert_eq!(format_short(Rupiah::juta(2_730_000), Id), "Rp2,7 T");
        assert_eq!(format_short(Rupiah::juta(2_750_000), Id), "Rp2,8 T");
        assert_eq!(format_short(r(999_950), Id), "Rp1 jt");
        assert_eq!(format_short(r(999_949), Id), "Rp999,9 rb");
        assert_eq!(format_short(r(-1_500), Id), "-Rp1,5 rb");
        assert_eq!(format_short(r(i64::MIN), Id), "-Rp9.223.372 T");
        assert_eq!(format_short(r(i64::MAX), En), "IDR 9,223,372T");
    }

    #[test]
    fn percent_format() {
        assert_eq!(format_percent_bp(1250, Id), "12,5%");
        assert_eq!(format_percent_bp(1250, En), "12.5%");
        assert_eq!(format_percent_bp(1234, Id), "12,34%");
        assert_eq!(format_percent_bp(1200, Id), "12%");
        assert_eq!(format_percent_bp(5, En), "0.05%");
        assert_eq!(format_percent_bp(-50, Id), "-0,5%");
        assert_eq!(format_percent_bp(0, Id), "0%");
        assert_eq!(format_percent_bp(18_200, Id), "182%");
        assert_eq!(format_percent_bp(1_000_000, Id), "10.000%");
        assert_eq!(
            format_percent_bp(i64::MIN, En),
            "-92,233,720,368,547,758.08%"
        );
    }

    #[test]
    fn parse_plain_and_grouped() {
        assert_eq!(parse_amount("1000000"), Ok(r(1_000_000)));
        assert_eq!(parse_amount("1.000.000"), Ok(r(1_000_000)));
        assert_eq!(parse_amount("Rp 2.000.000"), Ok(r(2_000_000)));
        assert_eq!(parse_amount("Rp2.000.000"), Ok(r(2_000_000)));
        assert_eq!(parse_amount("rp.2.000.000"), Ok(r(2_000_000)));
        assert_eq!(parse_amount("  IDR 2.000.000 "), Ok(r(2_000_000)));
        assert_eq!(parse_amount("Rp2.000.000,-"), Ok(r(2_000_000)));
        assert_eq!(parse_amount("Rp1.000,00"), Ok(r(1_000)));
        assert_eq!(parse_amount("0"), Ok(r(0)));
        assert_eq!(parse_amount("-0"), Ok(r(0)));
        assert_eq!(parse_amount("9223372036854775807"), Ok(r(i64::MAX)));
        assert_eq!(parse_amount("9.223.372.036.854.775.807"), Ok(r(i64::MAX)));
        assert_eq!("1.500.000".parse::<Rupiah>(), Ok(r(1_500_000)));
    }

    #[test]
    fn parse_units() {
        let m = Rupiah::miliar;
        assert_eq!(parse_amount("1M"), Ok(m(1)));
        assert_eq!(parse_amount("1 M"), Ok(m(1)));
        assert_eq!(parse_amount("1 miliar"), Ok(m(1)));
        assert_eq!(parse_amount("1 Milyar"), Ok(m(1)));
        assert_eq!(parse_amount("1,5 miliar"), Ok(Rupiah::juta(1_500)));
        assert_eq!(parse_amount("1,5M"), Ok(Rupiah::juta(1_500)));
        assert_eq!(parse_amount("Rp1,5 M"), Ok(Rupiah::juta(1_500)));
        assert_eq!(parse_amount("250 jt"), Ok(Rupiah::juta(250)));
        assert_eq!(parse_amount("250jt"), Ok(Rupiah::juta(250)));
        assert_eq!(parse_amount("250 juta"), Ok(Rupiah::juta(250)));
        assert_eq!(parse_amount("1,5 T"), Ok(Rupiah::juta(1_500_000)));
        assert_eq!(parse_amount("Rp1,5 triliun"), Ok(Rupiah::juta(1_500_000)));
        assert_eq!(parse_amount("Rp2,73 triliun"), Ok(Rupiah::juta(2_730_000)));
        assert_eq!(parse_amount("2 TRILIUN"), Ok(Rupiah::triliun(2)));
        assert_eq!(parse_amount("500 rb"), Ok(r(500_000)));
        assert_eq!(parse_amount("500 ribu"), Ok(r(500_000)));
        assert_eq!(parse_amount("500K"), Ok(r(500_000)));
        assert_eq!(parse_amount("1.5 billion"), Ok(Rupiah::juta(1_500)));
        assert_eq!(parse_amount("1.5B"), Ok(Rupiah::juta(1_500)));
        assert_eq!(parse_amount("1.25 miliar"), Ok(Rupiah::juta(1_250)));
        assert_eq!(parse_amount("250 million"), Ok(Rupiah::juta(250)));
        assert_eq!(parse_amount("2 trillion"), Ok(Rupiah::triliun(2)));
        // Three digits after the dot are grouping, even before a unit.
        assert_eq!(parse_amount("1.500 miliar"), Ok(Rupiah::juta(1_500_000)));
        assert_eq!(parse_amount("1.234,5 juta"), Ok(r(1_234_500_000)));
        assert_eq!(parse_amount("1,234567 juta"), Ok(r(1_234_567)));
    }

    #[test]
    fn parse_errors() {
        use AmountError::*;
        assert_eq!(parse_amount(""), Err(Empty));
        assert_eq!(parse_amount("   "), Err(Empty));
        assert_eq!(parse_amount("Rp"), Err(Empty));
        assert_eq!(parse_amount("abc"), Err(Invalid));
        assert_eq!(parse_amount("miliar"), Err(Invalid));
        assert_eq!(parse_amount("1.5"), Err(Invalid));
        assert_eq!(parse_amount("1.00.000"), Err(Invalid));
        assert_eq!(parse_amount("1.000."), Err(Invalid));
        assert_eq!(parse_amount("1,5,5 M"), Err(Invalid));
        assert_eq!(parse_amount("1,500,000"), Err(Invalid));
        assert_eq!(parse_amount(",5 M"), Err(Invalid));
        assert_eq!(parse_amount("1 000 000"), Err(Invalid));
        assert_eq!(parse_amount("Rp--5"), Err(Invalid));
        assert_eq!(parse_amount("5 dolar"), Err(UnknownUnit("dolar".into())));
        assert_eq!(parse_amount("-5"), Err(Negative));
        assert_eq!(parse_amount("-Rp5.000"), Err(Negative));
        assert_eq!(parse_amount("Rp -5 juta"), Err(Negative));
        assert_eq!(parse_amount("9223372036854775808"), Err(TooLarge));
        assert_eq!(parse_amount("99999999999999999999999"), Err(TooLarge));
        assert_eq!(parse_amount("9.300.000 T"), Err(TooLarge));
        assert_eq!(parse_amount("1,5"), Err(FractionalRupiah));
        assert_eq!(parse_amount("Rp1.000,50"), Err(FractionalRupiah));
        assert_eq!(parse_amount("1,2345 rb"), Err(FractionalRupiah));
        assert_eq!(parse_amount("1,0000000000001 T"), Err(FractionalRupiah));
    }

    #[test]
    fn error_messages() {
        assert_eq!(
            AmountError::Negative.to_string(),
            "The amount cannot be negative."
        );
        assert_eq!(
            AmountError::Negative.message(Lang::Id),
            "Jumlah tidak boleh negatif."
        );
        assert!(AmountError::FractionalRupiah
            .message(Lang::Id)
            .contains("sen"));
        let e: Box<dyn std::error::Error> = Box::new(AmountError::TooLarge);
        assert_eq!(e.to_string(), "The amount is too large.");
    }

    #[test]
    fn round_trip_words_and_full() {
        for n in [0, 1, 999, 1_000_000, 1_500_000_000_000, i64::MAX] {
            assert_eq!(parse_amount(&format_full(r(n), Id)), Ok(r(n)));
        }
        for s in [
            "Rp1,5 triliun",
            "Rp250 juta",
            "Rp3,2 miliar",
            "Rp2,73 triliun",
        ] {
            let v = parse_amount(s).expect(s);
            assert_eq!(format_words(v, Id), s);
        }
    }

    #[test]
    fn serde_transparent() {
        assert_eq!(serde_json::to_string(&r(1_500_000)).unwrap(), "1500000");
        assert_eq!(serde_json::from_str::<Rupiah>("-7").unwrap(), r(-7));
        assert!(serde_json::from_str::<Rupiah>("1.5").is_err());
    }
}
