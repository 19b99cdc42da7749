//! Status totals without the rows: `aggregates/timeline/…` files.
//!
//! An agreement's status depends on the reader's day, so no count by
//! status can be stored. But for a day `t`, with `S(t)` the agreements that
//! started on or before `t` and `E(t)` those that ended before `t` (a
//! subset of `S(t)`, since a period starts before it ends):
//!
//! - upcoming = all − S(t), active = S(t) − E(t), ended = E(t)
//!
//! (`Status::on`). A [`Timeline`] holds, for one set of agreements (the
//! whole list or one shard), the count and sums per start day and per end
//! day, so the totals of any status selection on any day are a prefix sum:
//! one small file instead of every row of the set.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::Sums;
use crate::agreement_query::Totals;
use crate::model::{AgreementSummary, Status};
use crate::money::percent_of;
use crate::Rupiah;

/// One day of a timeline: `[date, count, committed, realised]` of the
/// agreements whose period starts (or ends) that day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Day(pub NaiveDate, pub u64, pub Rupiah, pub Rupiah);

/// `aggregates/timeline/all.json`, `aggregates/timeline/{key}/{value}.json`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Timeline {
    /// Format version ([`super::VERSION`]).
    pub version: u32,
    /// By the first day of the period, ascending, one entry per day.
    pub starts: Vec<Day>,
    /// By the last day of the period, ascending, one entry per day.
    pub ends: Vec<Day>,
}

fn days(items: &[&AgreementSummary], date: impl Fn(&AgreementSummary) -> NaiveDate) -> Vec<Day> {
    // Sorted, then summed per day: a million rows make thousands of these.
    let mut list: Vec<(NaiveDate, Rupiah, Rupiah)> = items
        .iter()
        .map(|a| (date(a), a.value, a.realised))
        .collect();
    list.sort_unstable_by_key(|x| x.0);
    let mut out: Vec<Day> = Vec::new();
    for (d, value, realised) in list {
        let mut s = match out.last() {
            Some(last) if last.0 == d => out.pop().map_or_else(Sums::default, |l| Sums {
                count: l.1,
                committed: l.2,
                realised: l.3,
            }),
            _ => Sums::default(),
        };
        // The aggregates' builder has already checked that no sum of the
        // list overflows; a part of it cannot.
        let _ = s.add(value, realised);
        out.push(Day(d, s.count, s.committed, s.realised));
    }
    out
}

/// Adds `b` to `a` (or takes it away), saturating: the sums are of a list
/// whose total fits, so only a corrupt file can saturate.
fn combine(a: &mut Totals, count: i128, committed: i128, realised: i128) {
    let clamp = |v: i128| Rupiah(v.clamp(0, i128::from(i64::MAX)) as i64);
    a.count = (i128::from(a.count) + count).clamp(0, i128::from(u64::MAX)) as u64;
    let c = i128::from(a.committed.0) + committed;
    let r = i128::from(a.realised.0) + realised;
    a.saturated |= c > i128::from(i64::MAX) || r > i128::from(i64::MAX);
    a.committed = clamp(c);
    a.realised = clamp(r);
}

impl Timeline {
    /// The timeline of a set of agreements.
    pub fn of(items: &[&AgreementSummary]) -> Timeline {
        Timeline {
            version: super::VERSION,
            starts: days(items, |a| a.period.start),
            ends: days(items, |a| a.period.end),
        }
    }

    /// The totals of the agreements whose status on `today` is one of
    /// `statuses` (all of them when empty).
    pub fn totals(&self, statuses: &[Status], today: NaiveDate) -> Totals {
        let sum = |list: &[Day], inside: &dyn Fn(NaiveDate) -> bool| {
            list.iter()
                .filter(|d| inside(d.0))
                .fold((0i128, 0i128, 0i128), |(n, c, r), d| {
                    (
                        n + i128::from(d.1),
                        c + i128::from(d.2 .0),
                        r + i128::from(d.3 .0),
                    )
                })
        };
        let all = sum(&self.starts, &|_| true);
        let started = sum(&self.starts, &|d| d <= today);
        let ended = sum(&self.ends, &|d| d < today);
        let parts = [
            (
                Status::Upcoming,
                (all.0 - started.0, all.1 - started.1, all.2 - started.2),
            ),
            (
                Status::Active,
                (
                    started.0 - ended.0,
                    started.1 - ended.1,
                    started.2 - ended.2,
                ),
            ),
            (Status::Ended, ended),
        ];
        let mut t = Totals::default();
        for (status, (n, c, r)) in parts {
            if statuses.is_empty() || statuses.contains(&status) {
                combine(&mut t, n, c, r);
            }
        }
        t.realisation_bp = percent_of(t.realised, t.committed);
        t
    }

    /// The totals of the union of disjoint sets, one timeline each (none:
    /// zero).
    pub fn sum_totals(list: &[&Timeline], statuses: &[Status], today: NaiveDate) -> Totals {
        let mut t = Totals::default();
        for one in list {
            let x = one.totals(statuses, today);
            combine(
                &mut t,
                i128::from(x.count),
                i128::from(x.committed.0),
                i128::from(x.realised.0),
            );
            t.saturated |= x.saturated;
        }
        t.realisation_bp = percent_of(t.realised, t.committed);
        t
    }
}
