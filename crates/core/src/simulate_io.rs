//! Sharing and keeping a simulation: the simulator's inputs as URL query
//! parameters, the field parsers behind its form, and its result table as
//! CSV.
//!
//! Why here and not in the app: a shared link must reproduce the same table
//! in any browser, and a bad parameter must never break the page, so the
//! format is tested natively like the math it feeds.
//!
//! # Query format
//!
//! One scenario per key suffix: the first has none (`v`, `y`, ...), the
//! second ends in `2` (`v2`, `y2`, ...), the third in `3`. Per scenario:
//!
//! | key  | meaning                              | example            |
//! |------|--------------------------------------|--------------------|
//! | `v`  | starting contract value, rupiah      | `1000000000`       |
//! | `y`  | first year                           | `2021`             |
//! | `n`  | horizon in years, 1 to 30            | `3`                |
//! | `m`  | growth mode: `path`, `rate`, `target`| `path`             |
//! | `p`  | path: values for year 2, 3, ... ; an empty entry holds the year before | `5000000000,10000000000` |
//! | `g`  | annual growth in percent, `.` decimal| `12.5`             |
//! | `tv` | target value, rupiah                 | `10000000000`      |
//! | `ty` | target year                          | `2023`             |
//! | `o`  | other annual sales (optional)        | `500000000`        |
//! | `c`  | modal usaha (optional)               | `750000000`        |
//!
//! An agreement's "simulate" link is `?v=<value>&y=<year>`: the rest come
//! from the default (the President's path). Amounts are also read in the
//! typed forms `parse_amount` accepts (`v=1M`). Unknown keys and values that
//! do not parse are ignored one by one; the rest is kept.

use crate::csv::CsvWriter;
use crate::money::{format_full, format_words, parse_amount, AmountError};
use crate::simulate::{
    Growth, Projection, Scenario, MAX_RATE_BP, MAX_YEARS, MIN_RATE_BP, PRESIDENT_PATH,
};
use crate::size_class::SizeClass;
use crate::{Lang, Rupiah};

/// At most this many scenarios are compared.
pub const MAX_SCENARIOS: usize = 3;
/// First years the form accepts.
pub const YEAR_MIN: i32 = 1945;
pub const YEAR_MAX: i32 = 2200;

/// How the contract grows, as chosen in the form.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Mode {
    /// A value for each year (the President's path is the preset).
    #[default]
    Path,
    /// A constant annual rate.
    Rate,
    /// A target value by a year; the rate is solved.
    Target,
}

impl Mode {
    pub const ALL: [Mode; 3] = [Mode::Path, Mode::Rate, Mode::Target];

    /// The code used in URLs.
    pub fn code(self) -> &'static str {
        match self {
            Mode::Path => "path",
            Mode::Rate => "rate",
            Mode::Target => "target",
        }
    }

    pub fn parse(s: &str) -> Option<Mode> {
        Mode::ALL
            .into_iter()
            .find(|m| m.code().eq_ignore_ascii_case(s.trim()))
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Mode::Path, Lang::Id) => "Nilai per tahun",
            (Mode::Path, Lang::En) => "A value per year",
            (Mode::Rate, Lang::Id) => "Pertumbuhan tetap per tahun",
            (Mode::Rate, Lang::En) => "Constant annual growth",
            (Mode::Target, Lang::Id) => "Target nilai pada tahun tertentu",
            (Mode::Target, Lang::En) => "A target value by a year",
        }
    }
}

/// Everything the form holds for one scenario, including the inputs of the
/// modes not chosen (so switching modes loses nothing).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SimInput {
    pub start: Rupiah,
    pub first_year: i32,
    pub years: u32,
    pub mode: Mode,
    /// Values for the years after the first; `None` holds the year before.
    /// Entries past the horizon are kept but not used.
    pub path: Vec<Option<Rupiah>>,
    pub rate_bp: i64,
    pub target: Rupiah,
    pub target_year: i32,
    pub other_sales: Option<Rupiah>,
    pub capital: Option<Rupiah>,
}

impl Default for SimInput {
    /// The President's path of 18 January 2021: Rp1 miliar in 2021, Rp5
    /// miliar in 2022, Rp10 miliar in 2023.
    fn default() -> Self {
        SimInput {
            start: PRESIDENT_PATH[0],
            first_year: 2021,
            years: PRESIDENT_PATH.len() as u32,
            mode: Mode::Path,
            path: PRESIDENT_PATH[1..].iter().copied().map(Some).collect(),
            rate_bp: 2_000,
            target: PRESIDENT_PATH[2],
            target_year: 2023,
            other_sales: None,
            capital: None,
        }
    }
}

impl SimInput {
    /// The President's path; the same as `default()`.
    pub fn president() -> Self {
        SimInput::default()
    }

    /// The values of a path scenario, first year first: the start value,
    /// then each path entry (an empty or missing one holds the value
    /// before), one per year of the horizon.
    pub fn path_values(&self) -> Vec<Rupiah> {
        let mut out = Vec::with_capacity(self.years as usize);
        let mut last = self.start;
        out.push(last);
        for i in 0..self.years.saturating_sub(1) as usize {
            if let Some(Some(v)) = self.path.get(i) {
                last = *v;
            }
            out.push(last);
        }
        out
    }

    /// The scenario for [`crate::simulate::project`].
    pub fn scenario(&self) -> Scenario {
        let growth = match self.mode {
            Mode::Path => Growth::Path(self.path_values()),
            Mode::Rate => Growth::Rate(self.rate_bp),
            Mode::Target => Growth::Target {
                value: self.target,
                year: self.target_year,
            },
        };
        Scenario {
            start: self.start,
            first_year: self.first_year,
            years: self.years,
            growth,
            other_sales: self.other_sales,
            capital: self.capital,
        }
    }

    /// The last year of the horizon.
    pub fn last_year(&self) -> i32 {
        self.first_year
            .saturating_add(self.years.saturating_sub(1) as i32)
    }
}

// ------------------------------------------------------------ field parsers

/// Why a field of the form was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FieldError {
    Amount(AmountError),
    /// Not a year between [`YEAR_MIN`] and [`YEAR_MAX`].
    Year,
    /// Not a whole number of years from 1 to [`MAX_YEARS`].
    Horizon,
    /// Not a percentage such as `12,5` or `-50`.
    Percent,
    /// More than two decimals (the math works in 0,01 % steps).
    PercentPrecision,
    RateTooLow,
    RateTooHigh,
}

impl FieldError {
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
fn plain_percent(bp: i64, mark: char) -> String {
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

// -------------------------------------------------------------- URL query

const KEYS: [&str; 10] = ["v", "y", "n", "m", "p", "g", "tv", "ty", "o", "c"];

fn suffix(index: usize) -> String {
    if index == 0 {
        String::new()
    } else {
        (index + 1).to_string()
    }
}

/// Splits a key into (base key, scenario index): `tv2` -> (`tv`, 1).
fn split_key(key: &str) -> Option<(&'static str, usize)> {
    let base_end = key.find(|c: char| c.is_ascii_digit()).unwrap_or(key.len());
    let (base, num) = key.split_at(base_end);
    let base = KEYS.iter().copied().find(|k| *k == base)?;
    let index = match num {
        "" => 0,
        "2" => 1,
        "3" => 2,
        _ => return None,
    };
    Some((base, index))
}

/// Writes up to [`MAX_SCENARIOS`] scenarios as a query string (without the
/// leading `?`). Every input is written, so a link keeps the inputs of the
/// modes not chosen too.
pub fn to_query(inputs: &[SimInput]) -> String {
    let mut parts: Vec<String> = Vec::new();
    for (i, s) in inputs.iter().take(MAX_SCENARIOS).enumerate() {
        let sfx = suffix(i);
        let mut put = |k: &str, v: String| parts.push(format!("{k}{sfx}={v}"));
        put("v", s.start.0.to_string());
        put("y", s.first_year.to_string());
        put("n", s.years.to_string());
        put("m", s.mode.code().to_string());
        let mut path: Vec<String> = s
            .path
            .iter()
            .map(|e| e.map(|v| v.0.to_string()).unwrap_or_default())
            .collect();
        while path.last().is_some_and(String::is_empty) {
            path.pop();
        }
        put("p", path.join(","));
        put("g", plain_percent(s.rate_bp, '.'));
        put("tv", s.target.0.to_string());
        put("ty", s.target_year.to_string());
        if let Some(o) = s.other_sales {
            put("o", o.0.to_string());
        }
        if let Some(c) = s.capital {
            put("c", c.0.to_string());
        }
    }
    parts.join("&")
}

fn parse_path(s: &str) -> Option<Vec<Option<Rupiah>>> {
    if s.trim().is_empty() {
        return Some(Vec::new());
    }
    let entries = s.split(',').collect::<Vec<_>>();
    if entries.len() > (MAX_YEARS - 1) as usize {
        return None;
    }
    let mut path: Vec<Option<Rupiah>> = entries
        .into_iter()
        .map(|e| {
            if e.trim().is_empty() {
                Some(None)
            } else {
                parse_amount(e).ok().map(Some)
            }
        })
        .collect::<Option<_>>()?;
    // Trailing empty entries hold the year before, like no entry; dropped as
    // `to_query` drops them, so a link reads back to the same inputs.
    while path.last() == Some(&None) {
        path.pop();
    }
    Some(path)
}

/// Applies one parameter to a scenario; `false` when the value is bad.
fn apply(s: &mut SimInput, key: &str, value: &str) -> bool {
    match key {
        "v" => parse_amount(value).map(|v| s.start = v).is_ok(),
        "y" => parse_year(value).map(|v| s.first_year = v).is_ok(),
        "n" => parse_horizon(value).map(|v| s.years = v).is_ok(),
        "m" => Mode::parse(value).map(|v| s.mode = v).is_some(),
        "p" => parse_path(value).map(|v| s.path = v).is_some(),
        "g" => parse_percent_bp(value).map(|v| s.rate_bp = v).is_ok(),
        "tv" => parse_amount(value).map(|v| s.target = v).is_ok(),
        "ty" => parse_year(value).map(|v| s.target_year = v).is_ok(),
        "o" => parse_amount(value).map(|v| s.other_sales = Some(v)).is_ok(),
        "c" => parse_amount(value).map(|v| s.capital = Some(v)).is_ok(),
        _ => false,
    }
}

/// Reads scenarios from decoded query pairs. Always at least one (the
/// default when nothing usable is given); a second or third scenario exists
/// when at least one of its parameters is good. Never fails: unknown keys
/// and bad values are skipped, the rest is used.
pub fn from_query<'a, I>(pairs: I) -> Vec<SimInput>
where
    I: IntoIterator<Item = (&'a str, &'a str)>,
{
    let mut slots: [Option<SimInput>; MAX_SCENARIOS] = [None, None, None];
    for (key, value) in pairs {
        let Some((base, index)) = split_key(key) else {
            continue;
        };
        let mut s = slots[index].clone().unwrap_or_default();
        if apply(&mut s, base, value) {
            slots[index] = Some(s);
        }
    }
    let mut out: Vec<SimInput> = Vec::new();
    for (i, slot) in slots.into_iter().enumerate() {
        match slot {
            Some(s) => out.push(s),
            None if i == 0 => out.push(SimInput::default()),
            None => {}
        }
    }
    out
}

// ------------------------------------------------------------------- table

/// A scenario's name in the table, chart and CSV: `A`, `B`, `C`.
pub fn scenario_letter(index: usize) -> char {
    char::from(b'A' + (index % 26) as u8)
}

/// Which optional columns the result table has.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Columns {
    /// More than one scenario: a first column names it.
    pub scenario: bool,
    /// Some scenario has a capital: a class-by-capital column.
    pub capital: bool,
    /// Some row hit the limit: a column says which.
    pub saturated: bool,
}

impl Columns {
    pub fn for_projections(projections: &[&Projection]) -> Columns {
        Columns {
            scenario: projections.len() > 1,
            capital: projections
                .iter()
                .any(|p| p.rows.iter().any(|r| r.class_by_capital.is_some())),
            saturated: projections.iter().any(|p| p.saturated),
        }
    }
}

/// The column names of the result table, as the screen and the CSV write
/// them.
pub fn column_names(cols: Columns, lang: Lang) -> Vec<&'static str> {
    let l = |id: &'static str, en: &'static str| match lang {
        Lang::Id => id,
        Lang::En => en,
    };
    let mut out = Vec::new();
    if cols.scenario {
        out.push(l("Skenario", "Scenario"));
    }
    out.push(l("Tahun", "Year"));
    out.push(l("Nilai kontrak (Rp)", "Contract value (IDR)"));
    out.push(l("Pertumbuhan (%)", "Growth (%)"));
    out.push(l("Nilai kumulatif (Rp)", "Cumulative value (IDR)"));
    out.push(l("Penjualan tahunan (Rp)", "Annual sales (IDR)"));
    out.push(l("Kelas menurut penjualan", "Class by sales"));
    if cols.capital {
        out.push(l("Kelas menurut modal", "Class by capital"));
    }
    out.push(l("Naik kelas", "Moves up a class"));
    if cols.saturated {
        out.push(l("Mencapai batas hitung", "Capped at the limit"));
    }
    out
}

fn yes(b: bool, lang: Lang) -> &'static str {
    match (b, lang) {
        (false, _) => "",
        (true, Lang::Id) => "ya",
        (true, Lang::En) => "yes",
    }
}

fn class_text(c: SizeClass, lang: Lang) -> &'static str {
    c.label(lang)
}

/// The result table as CSV: UTF-8 with a byte-order mark (so spreadsheet
/// programs read it as UTF-8), CRLF line ends, a header row in `lang`, then
/// one row per table row in table order. Amounts are plain integers of
/// rupiah and growth a plain percentage with `.` as decimal mark, so the
/// file reads the same in any locale; a saturated figure is written as the
/// limit it stopped at, with the last column saying so.
pub fn table_csv(scenarios: &[(char, &Projection)], lang: Lang) -> String {
    let projections: Vec<&Projection> = scenarios.iter().map(|(_, p)| *p).collect();
    let cols = Columns::for_projections(&projections);
    let mut out = CsvWriter::with_header(&column_names(cols, lang));
    for (name, p) in scenarios {
        for r in &p.rows {
            let mut row: Vec<String> = Vec::new();
            if cols.scenario {
                row.push(name.to_string());
            }
            row.push(r.year.to_string());
            row.push(r.value.0.to_string());
            row.push(match r.growth_bp {
                Some(bp) if !r.saturated => plain_percent(bp, '.'),
                _ => String::new(),
            });
            row.push(r.cumulative.0.to_string());
            row.push(r.sales.0.to_string());
            row.push(class_text(r.class_by_sales, lang).to_string());
            if cols.capital {
                row.push(
                    r.class_by_capital
                        .map(|c| class_text(c, lang))
                        .unwrap_or("")
                        .to_string(),
                );
            }
            row.push(yes(r.naik_kelas, lang).to_string());
            if cols.saturated {
                row.push(yes(r.saturated, lang).to_string());
            }
            out.text_row(&row);
        }
    }
    out.finish()
}

/// The growth shown for a row: `None` in the first year, after a year of
/// zero, or when the row hit the limit (a rate between capped figures means
/// nothing).
pub fn shown_growth(row: &crate::simulate::YearRow) -> Option<i64> {
    if row.saturated {
        None
    } else {
        row.growth_bp
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::simulate::project;

    fn pairs(q: &str) -> Vec<(String, String)> {
        q.split('&')
            .filter(|kv| !kv.is_empty())
            .map(|kv| match kv.split_once('=') {
                Some((k, v)) => (k.to_string(), v.to_string()),
                None => (kv.to_string(), String::new()),
            })
            .collect()
    }

    fn read(q: &str) -> Vec<SimInput> {
        let p = pairs(q);
        from_query(p.iter().map(|(k, v)| (k.as_str(), v.as_str())))
    }

    fn custom() -> SimInput {
        SimInput {
            start: Rupiah(2_512_345_678),
            first_year: 2024,
            years: 12,
            mode: Mode::Target,
            path: vec![Some(Rupiah::miliar(3)), None, Some(Rupiah::miliar(7))],
            rate_bp: -5_000,
            target: Rupiah::miliar(40),
            target_year: 2030,
            other_sales: Some(Rupiah::juta(750)),
            capital: Some(Rupiah::ZERO),
        }
    }

    #[test]
    fn the_default_is_the_presidents_path() {
        let s = SimInput::default();
        assert_eq!(
            s.path_values(),
            vec![Rupiah::miliar(1), Rupiah::miliar(5), Rupiah::miliar(10)]
        );
        let p = project(&s.scenario()).unwrap();
        let classes: Vec<_> = p.rows.iter().map(|r| r.class_by_sales).collect();
        assert_eq!(
            classes,
            [SizeClass::Mikro, SizeClass::Kecil, SizeClass::Kecil]
        );
        assert_eq!(p.rows[0].year, 2021);
        assert_eq!(s.last_year(), 2023);
    }

    #[test]
    fn path_values_hold_gaps_and_follow_the_horizon() {
        let mut s = custom();
        s.mode = Mode::Path;
        s.years = 6;
        let b = Rupiah::miliar;
        assert_eq!(
            s.path_values(),
            vec![Rupiah(2_512_345_678), b(3), b(3), b(7), b(7), b(7)]
        );
        s.years = 2;
        assert_eq!(s.path_values(), vec![Rupiah(2_512_345_678), b(3)]);
        s.years = 1;
        assert_eq!(s.path_values(), vec![Rupiah(2_512_345_678)]);
    }

    #[test]
    fn round_trip_one_two_and_three_scenarios() {
        let mut second = custom();
        second.mode = Mode::Rate;
        second.rate_bp = 1_250;
        second.other_sales = None;
        let third = SimInput {
            rate_bp: 30_000,
            years: 30,
            path: vec![],
            ..SimInput::default()
        };
        let all = vec![SimInput::default(), second, third];
        for n in 1..=3 {
            let q = to_query(&all[..n]);
            assert_eq!(read(&q), all[..n].to_vec(), "{q}");
        }
        assert_eq!(read(&to_query(&[custom()])), vec![custom()]);
        // A fourth is not written.
        let four = vec![SimInput::default(); 4];
        assert_eq!(read(&to_query(&four)).len(), 3);
    }

    #[test]
    fn the_query_is_readable() {
        let q = to_query(&[SimInput::default()]);
        assert_eq!(
            q,
            "v=1000000000&y=2021&n=3&m=path&p=5000000000,10000000000&g=20&tv=10000000000&ty=2023"
        );
        let mut s = custom();
        s.rate_bp = -1_255;
        let q = to_query(&[SimInput::default(), s]);
        assert!(q.contains("&g2=-12.55&"), "{q}");
        assert!(q.contains("&p2=3000000000,,7000000000&"), "{q}");
        assert!(q.ends_with("&o2=750000000&c2=0"), "{q}");
    }

    #[test]
    fn an_agreement_link_prefills_value_and_year() {
        let s = read("v=2500000000&y=2022");
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].start, Rupiah(2_500_000_000));
        assert_eq!(s[0].first_year, 2022);
        assert_eq!(s[0].mode, Mode::Path);
        assert_eq!(amount_input_text(s[0].start, Lang::Id), "Rp2,5 miliar");
        // Typed forms are read too.
        assert_eq!(read("v=1,5M")[0].start, Rupiah(1_500_000_000));
        assert_eq!(read("v=Rp 2.000.000")[0].start, Rupiah(2_000_000));
    }

    #[test]
    fn bad_and_unknown_parameters_are_ignored_and_the_rest_kept() {
        let s = read("v=abc&y=2022&n=99&m=fly&g=12%2C5&zz=1&p=1,x&tv=-5&ty=20x&o=&c=1M&lang=en");
        assert_eq!(s.len(), 1);
        let d = SimInput::default();
        assert_eq!(s[0].start, d.start);
        assert_eq!(s[0].first_year, 2022);
        assert_eq!(s[0].years, d.years);
        assert_eq!(s[0].mode, d.mode);
        assert_eq!(s[0].path, d.path);
        assert_eq!(s[0].target, d.target);
        assert_eq!(s[0].target_year, d.target_year);
        assert_eq!(s[0].other_sales, None);
        assert_eq!(s[0].capital, Some(Rupiah::miliar(1)));
        // Absurd and hostile values.
        for q in [
            "",
            "&&&",
            "=",
            "v",
            "v=",
            "v=-1",
            "v=99999999999999999999999",
            "y=0",
            "y=-2021",
            "y=99999",
            "n=0",
            "n=31",
            "n=-3",
            "g=NaN",
            "g=inf",
            "g=-101",
            "g=1e9",
            "g=100000001",
            "p=,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,",
            "m=",
            "v9=1",
            "v0=1",
            "v22=1",
            "x2=1",
            "%ZZ=%ZZ",
        ] {
            let s = read(q);
            assert_eq!(s, vec![SimInput::default()], "{q}");
        }
    }

    #[test]
    fn later_scenarios_exist_only_with_a_good_parameter() {
        assert_eq!(read("v2=abc").len(), 1);
        let s = read("v2=3M");
        assert_eq!(s.len(), 2);
        assert_eq!(s[0], SimInput::default());
        assert_eq!(s[1].start, Rupiah::miliar(3));
        // A third without a second moves up.
        let s = read("g3=50&m3=rate");
        assert_eq!(s.len(), 2);
        assert_eq!(s[1].mode, Mode::Rate);
        assert_eq!(s[1].rate_bp, 5_000);
    }

    #[test]
    fn percent_fields() {
        assert_eq!(parse_percent_bp("20"), Ok(2_000));
        assert_eq!(parse_percent_bp("12,5"), Ok(1_250));
        assert_eq!(parse_percent_bp("12.5 %"), Ok(1_250));
        assert_eq!(parse_percent_bp(" +7% "), Ok(700));
        assert_eq!(parse_percent_bp("-50"), Ok(-5_000));
        assert_eq!(parse_percent_bp("\u{2212}50"), Ok(-5_000));
        assert_eq!(parse_percent_bp("0"), Ok(0));
        assert_eq!(parse_percent_bp("0,25"), Ok(25));
        assert_eq!(parse_percent_bp("300"), Ok(30_000));
        assert_eq!(parse_percent_bp("-100"), Ok(-10_000));
        assert_eq!(parse_percent_bp("1000000"), Ok(MAX_RATE_BP));
        assert_eq!(parse_percent_bp("12,50"), Ok(1_250));
        assert_eq!(
            parse_percent_bp("12,555"),
            Err(FieldError::PercentPrecision)
        );
        assert_eq!(parse_percent_bp("-100,01"), Err(FieldError::RateTooLow));
        assert_eq!(parse_percent_bp("1000000,01"), Err(FieldError::RateTooHigh));
        assert_eq!(
            parse_percent_bp("999999999999"),
            Err(FieldError::RateTooHigh)
        );
        for bad in [
            "",
            "%",
            "-",
            "abc",
            "1.000.000",
            "1,2,3",
            ",5",
            "5-",
            "NaN",
            "inf",
            "1e3",
        ] {
            assert!(parse_percent_bp(bad).is_err(), "{bad}");
        }
        for bp in [0, 1, 10, 1_250, -5_000, -10_000, 30_000, MAX_RATE_BP, -1] {
            for lang in Lang::ALL {
                assert_eq!(parse_percent_bp(&percent_input_text(bp, lang)), Ok(bp));
            }
        }
        assert_eq!(percent_input_text(1_250, Lang::Id), "12,5");
        assert_eq!(percent_input_text(1_250, Lang::En), "12.5");
    }

    #[test]
    fn year_and_horizon_fields() {
        assert_eq!(parse_year("2021"), Ok(2021));
        assert_eq!(parse_year(" 2030 "), Ok(2030));
        for bad in ["", "abc", "20", "1900", "2201", "99999", "-2021", "2021.5"] {
            assert_eq!(parse_year(bad), Err(FieldError::Year), "{bad}");
        }
        assert_eq!(parse_horizon("1"), Ok(1));
        assert_eq!(parse_horizon("30"), Ok(30));
        for bad in ["", "0", "31", "-1", "3,5", "x", "1000"] {
            assert_eq!(parse_horizon(bad), Err(FieldError::Horizon), "{bad}");
        }
        assert!(FieldError::Year.message(Lang::Id).contains("1945"));
        assert!(FieldError::Amount(AmountError::Invalid)
            .message(Lang::En)
            .contains("valid"));
        assert_eq!(parse_optional_amount("  "), Ok(None));
        assert_eq!(parse_optional_amount("250 jt"), Ok(Some(Rupiah::juta(250))));
        assert!(parse_optional_amount("abc").is_err());
    }

    #[test]
    fn amount_input_text_reads_back_exactly() {
        for v in [
            0,
            1,
            999,
            950_000,
            1_000_000,
            2_500_000_000,
            2_512_345_678,
            2_829_000_000,
            1_234_567_890_000,
            1_500_000_000_000,
            999_999_990_000_000,
            i64::MAX,
        ] {
            for lang in Lang::ALL {
                let t = amount_input_text(Rupiah(v), lang);
                assert_eq!(parse_amount(&t), Ok(Rupiah(v)), "{t}");
            }
        }
        assert_eq!(amount_input_text(Rupiah::miliar(1), Lang::Id), "Rp1 miliar");
        assert_eq!(
            amount_input_text(Rupiah(2_512_345_678), Lang::Id),
            "Rp2.512.345.678"
        );
        assert_eq!(
            amount_input_text(Rupiah::juta(2_500), Lang::En),
            "IDR 2.5 billion"
        );
        assert_eq!(
            amount_input_text(Rupiah(2_829_000_000), Lang::Id),
            "Rp2.829 juta"
        );
        assert_eq!(
            amount_input_text(Rupiah(2_829_000_000), Lang::En),
            "IDR 2829 million"
        );
        assert_eq!(
            amount_input_text(Rupiah(1_234_567_890_000), Lang::En),
            "IDR 1234567.89 million"
        );
        assert_eq!(
            amount_input_text(Rupiah(2_512_345_678), Lang::En),
            "2512345678"
        );
    }

    fn csv_lines(csv: &str) -> Vec<&str> {
        csv.trim_start_matches('\u{FEFF}')
            .split("\r\n")
            .filter(|l| !l.is_empty())
            .collect()
    }

    #[test]
    fn csv_has_a_bom_a_header_and_one_row_per_table_row() {
        let p = project(&SimInput::default().scenario()).unwrap();
        let csv = table_csv(&[('A', &p)], Lang::Id);
        assert!(csv.starts_with('\u{FEFF}'));
        let lines = csv_lines(&csv);
        assert_eq!(lines.len(), 1 + p.rows.len());
        assert_eq!(
            lines[0],
            "Tahun,Nilai kontrak (Rp),Pertumbuhan (%),Nilai kumulatif (Rp),Penjualan tahunan (Rp),Kelas menurut penjualan,Naik kelas"
        );
        assert_eq!(lines[1], "2021,1000000000,,1000000000,1000000000,Mikro,");
        assert_eq!(
            lines[2],
            "2022,5000000000,400,6000000000,5000000000,Kecil,ya"
        );
        assert_eq!(
            lines[3],
            "2023,10000000000,100,16000000000,10000000000,Kecil,"
        );
        let en = table_csv(&[('A', &p)], Lang::En);
        assert!(csv_lines(&en)[0].starts_with("Year,Contract value (IDR),Growth (%)"));
        assert!(csv_lines(&en)[2].ends_with(",Small,yes"));
    }

    #[test]
    fn csv_of_several_scenarios_names_them_and_keeps_every_row() {
        let a = project(&SimInput::default().scenario()).unwrap();
        let mut s = custom();
        s.mode = Mode::Rate;
        s.rate_bp = -5_000;
        let b = project(&s.scenario()).unwrap();
        let sat = SimInput {
            mode: Mode::Rate,
            rate_bp: 30_000,
            years: 30,
            ..SimInput::default()
        };
        let c = project(&sat.scenario()).unwrap();
        let csv = table_csv(&[('A', &a), ('B', &b), ('C', &c)], Lang::En);
        let lines = csv_lines(&csv);
        assert_eq!(lines.len(), 1 + 3 + 12 + 30);
        assert!(lines[0].starts_with("Scenario,Year,"));
        assert!(lines[0].contains(",Class by capital,"));
        assert!(lines[0].ends_with(",Capped at the limit"));
        assert!(lines[1].starts_with("A,2021,"));
        assert!(lines[4].starts_with("B,2024,2512345678,,"));
        assert!(
            lines[5].starts_with("B,2025,1256172839,-50,"),
            "{}",
            lines[5]
        );
        let last = lines[lines.len() - 1];
        assert!(last.starts_with("C,2050,9223372036854775807,,"), "{last}");
        assert!(last.ends_with(",yes"), "{last}");
        // Every line has the same number of fields.
        let width = lines[0].split(',').count();
        assert!(lines.iter().all(|l| l.split(',').count() == width));
        assert!(!csv.contains("inf") && !csv.contains("NaN"));
    }

    #[test]
    fn letters() {
        assert_eq!(scenario_letter(0), 'A');
        assert_eq!(scenario_letter(2), 'C');
    }
}
