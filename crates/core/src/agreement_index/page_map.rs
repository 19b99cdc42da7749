//! Page maps: `aggregates/pages/{key}/{value}.json`, the date ranges of
//! each page of a shard, so a view skips the pages that cannot hold a row
//! it shows.
//!
//! A shard is in the list's default order (newest signing first), so the
//! rows of a year, and the agreements that have ended by a given day, lie
//! deep in a pattern's or a province's shard: `?status=ended&pola=…` read
//! 32 pages at a million partners before 50 rows were found. Each page's
//! smallest and largest signing day, period start and period end tell
//! whether it can hold a row of a year (signing) or of a status on the
//! reader's day (upcoming: a start after it; ended: an end before it;
//! active: a start on or before it and an end on or after it). Skipping a
//! page that holds no match keeps the matches read in order, so the first
//! rows found are still the list's first rows.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::agreement_query::AgreementQuery;
use crate::model::{AgreementSummary, Status};

/// `aggregates/pages/{key}/{value}.json`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PageMap {
    /// Format version ([`super::VERSION`]).
    pub version: u32,
    /// Per page of the shard, in order: `[min signed, max signed, min start,
    /// max start, min end, max end]`, each in days since 1970-01-01.
    pub pages: Vec<[i32; 6]>,
}

fn day(d: NaiveDate) -> i32 {
    let epoch = NaiveDate::from_ymd_opt(1970, 1, 1).unwrap_or_default();
    i32::try_from((d - epoch).num_days()).unwrap_or(i32::MAX)
}

fn date(n: i32) -> NaiveDate {
    NaiveDate::from_ymd_opt(1970, 1, 1)
        .and_then(|e| e.checked_add_signed(chrono::TimeDelta::days(i64::from(n))))
        .unwrap_or_default()
}

impl PageMap {
    /// The map of a shard's rows (in the shard's order), `size` a page.
    pub fn of(rows: &[&AgreementSummary], size: usize) -> PageMap {
        let pages = rows
            .chunks(size.max(1))
            .map(|page| {
                let mut r = [i32::MAX, i32::MIN, i32::MAX, i32::MIN, i32::MAX, i32::MIN];
                for a in page {
                    for (i, d) in [a.date_signed, a.period.start, a.period.end]
                        .into_iter()
                        .enumerate()
                    {
                        let d = day(d);
                        r[2 * i] = r[2 * i].min(d);
                        r[2 * i + 1] = r[2 * i + 1].max(d);
                    }
                }
                r
            })
            .collect();
        PageMap {
            version: super::VERSION,
            pages,
        }
    }

    /// Whether page `n` (0-based) can hold a row `q` selects on `today`
    /// (by year signed and status; the other filters are not mapped).
    /// A page the map does not describe can.
    pub fn may_hold(&self, n: usize, q: &AgreementQuery, today: NaiveDate) -> bool {
        let Some(p) = self.pages.get(n) else {
            return true;
        };
        let years = q.years.is_empty() || {
            let (from, to) = (date(p[0]).year(), date(p[1]).year());
            q.years.iter().any(|y| (from..=to).contains(y))
        };
        let t = day(today);
        let status = q.statuses.is_empty()
            || q.statuses.iter().any(|s| match s {
                Status::Upcoming => p[3] > t,
                Status::Active => p[2] <= t && p[5] >= t,
                Status::Ended => p[4] < t,
            });
        years && status
    }

    /// The map filters this query's pages: a status, or years on a shard
    /// that is not a year's.
    pub fn helps(q: &AgreementQuery, source_is_years: bool) -> bool {
        !q.statuses.is_empty() || (!q.years.is_empty() && !source_is_years)
    }
}
