//! Writing amounts: in full (`Rp1.500.000`), in words (`Rp1,5 triliun`),
//! short for chart axes (`Rp1,5 T`), and percentages of basis points.

use super::{Rupiah, JUTA, MILIAR, RIBU, TRILIUN};
use crate::lang::Lang;

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
        if i > 0 && (len - i).is_multiple_of(3) {
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
