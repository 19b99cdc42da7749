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

mod fields;
mod query;
mod table;

pub use fields::{
    amount_input_text, parse_amount_field, parse_horizon, parse_optional_amount, parse_percent_bp,
    parse_year, percent_input_text, FieldError,
};
pub use query::{agreement_simulation_href, from_query, simulator_href, to_query};
pub use table::{column_names, scenario_letter, shown_growth, table_csv, Columns};

use crate::simulate::{Growth, Scenario, PRESIDENT_PATH};
use crate::{Lang, Rupiah};

/// At most this many scenarios are compared.
pub const MAX_SCENARIOS: usize = 3;
/// First years the form accepts.
pub const YEAR_MIN: i32 = 1945;
/// Last first year the form accepts.
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
    /// Every mode, in the order the form lists them.
    pub const ALL: [Mode; 3] = [Mode::Path, Mode::Rate, Mode::Target];

    /// The code used in URLs.
    pub fn code(self) -> &'static str {
        match self {
            Mode::Path => "path",
            Mode::Rate => "rate",
            Mode::Target => "target",
        }
    }

    /// Reads [`Mode::code`], ignoring case and spaces.
    pub fn parse(s: &str) -> Option<Mode> {
        Mode::ALL
            .into_iter()
            .find(|m| m.code().eq_ignore_ascii_case(s.trim()))
    }

    /// The form's label.
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
    /// The contract value in the first year.
    pub start: Rupiah,
    /// The first year.
    pub first_year: i32,
    /// The horizon in years.
    pub years: u32,
    /// The growth mode chosen.
    pub mode: Mode,
    /// Values for the years after the first; `None` holds the year before.
    /// Entries past the horizon are kept but not used.
    pub path: Vec<Option<Rupiah>>,
    /// Rate mode: the annual growth in basis points.
    pub rate_bp: i64,
    /// Target mode: the value to reach.
    pub target: Rupiah,
    /// Target mode: the year to reach it by.
    pub target_year: i32,
    /// The UMKM's annual sales besides this contract.
    pub other_sales: Option<Rupiah>,
    /// Modal usaha, for the class by capital.
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
}

#[cfg(test)]
mod tests;
