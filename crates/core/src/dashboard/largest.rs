//! The largest partnership (one company, one UMKM) and its history.

use chrono::Datelike;

use crate::agreement_query::pair_growth;
use crate::model::AgreementSummary;

use super::{order, SortKey};

/// The partnership (one company, one UMKM) with the largest committed value
/// over all its agreements: its agreements oldest first (by date signed,
/// then id) with their growth on the one before ([`pair_growth`]). Ties go
/// to the pair with more agreements, then the smaller ids. Empty for no
/// agreements.
pub fn largest_pair(agreements: &[AgreementSummary]) -> Vec<(AgreementSummary, Option<i64>)> {
    // Ids hold no NUL (`model::is_valid_id`) and ISO dates sort as text, so
    // one text key orders by pair, then date signed, then id.
    let keys: Vec<SortKey> = agreements
        .iter()
        .map(|a| {
            let key = format!(
                "{}\u{0}{}\u{0}{}\u{0}{}",
                a.company.id, a.umkm.id, a.date_signed, a.id
            );
            (0, 0, key)
        })
        .collect();
    let sorted = order(&keys);
    let pair = |i: usize| (&agreements[i].company.id, &agreements[i].umkm.id);
    // (total, agreements, first index into `sorted`); the first of equals
    // wins, and pairs come in id order.
    let mut best: Option<(i128, usize, usize)> = None;
    let mut start = 0;
    while start < sorted.len() {
        let mut end = start;
        let mut total: i128 = 0;
        while end < sorted.len() && pair(sorted[end]) == pair(sorted[start]) {
            total += i128::from(agreements[sorted[end]].value.0);
            end += 1;
        }
        let candidate = (total, end - start, start);
        if best.is_none_or(|b| (candidate.0, candidate.1) > (b.0, b.1)) {
            best = Some(candidate);
        }
        start = end;
    }
    let Some((_, len, first)) = best else {
        return Vec::new();
    };
    let history: Vec<AgreementSummary> = sorted[first..first + len]
        .iter()
        .map(|i| agreements[*i].clone())
        .collect();
    let growth = pair_growth(&history);
    history.into_iter().zip(growth).collect()
}

/// The year an agreement was signed.
pub fn year_signed(a: &AgreementSummary) -> i32 {
    a.date_signed.year()
}
