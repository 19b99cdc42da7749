//! The simulator's inputs as URL query parameters (format in the parent
//! module's documentation): written in full, read back forgivingly.

use super::fields::{parse_horizon, parse_percent_bp, parse_year, plain_percent};
use super::{Mode, SimInput, MAX_SCENARIOS};
use crate::money::parse_amount;
use crate::simulate::MAX_YEARS;
use crate::Rupiah;

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

/// The simulator's address with these scenarios: `/simulasi?v=...`.
pub fn simulator_href(inputs: &[SimInput]) -> String {
    format!("/simulasi?{}", to_query(inputs))
}

/// An agreement's "simulate" link: its value and signing year prefilled,
/// the rest the default (the President's path), as `/simulasi?v=&y=`.
pub fn agreement_simulation_href(value: Rupiah, year_signed: i32) -> String {
    format!("/simulasi?v={}&y={year_signed}", value.0)
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
