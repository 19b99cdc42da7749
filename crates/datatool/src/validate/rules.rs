//! The rules one partner or one agreement must follow on its own or against
//! the partners it names.

use std::collections::HashMap;

use chrono::{Duration, NaiveDate};
use kemitraan_core::model::{is_valid_id, Agreement, Kind, KindDetails, Partner};
use kemitraan_core::pattern::Pattern;

/// A late payment may come this long after the period ends.
pub const LATE_PAYMENT_DAYS: i64 = crate::import::LATE_PAYMENT_DAYS;
/// How long before signing a period may have started (a backdated
/// agreement).
pub const MAX_BACKDATING_DAYS: i64 = 366;

pub fn partner(p: &Partner) -> Vec<String> {
    let mut out = Vec::new();
    if !is_valid_id(&p.id) {
        out.push(format!("partner id {:?} is not valid", p.id));
    }
    if p.name.trim().is_empty() {
        out.push(format!("partner {} has no name", p.id));
    }
    if p.city.trim().is_empty() {
        out.push(format!("partner {} has no city", p.id));
    }
    match &p.details {
        KindDetails::Pma { npwp, country } => {
            if npwp.is_nik() {
                out.push(format!(
                    "partner {}: company NPWP looks like a personal NIK",
                    p.id
                ));
            }
            if country.len() != 2 || !country.bytes().all(|b| b.is_ascii_uppercase()) {
                out.push(format!(
                    "partner {}: country {country:?} is not an ISO 3166-1 alpha-2 code",
                    p.id
                ));
            }
        }
        KindDetails::Pmdn { npwp } => {
            if npwp.is_nik() {
                out.push(format!(
                    "partner {}: company NPWP looks like a personal NIK",
                    p.id
                ));
            }
        }
        KindDetails::Umkm {
            modal_usaha,
            hasil_penjualan_tahunan,
        } => {
            if modal_usaha.0 < 0 || hasil_penjualan_tahunan.0 < 0 {
                out.push(format!("partner {}: negative modal_usaha or sales", p.id));
            }
        }
    }
    out
}

/// Checks `a` against the partners (`by_id`), the events and `as_of`.
pub fn agreement(
    a: &Agreement,
    by_id: &HashMap<&str, &Partner>,
    event_ids: &[&str],
    as_of: NaiveDate,
) -> Vec<String> {
    let mut out = Vec::new();
    let id = &a.id;
    if !is_valid_id(id) {
        out.push(format!("agreement id {id:?} is not valid"));
    }
    match by_id.get(a.company.partner_id.as_str()) {
        None => out.push(format!(
            "agreement {id}: unknown company {}",
            a.company.partner_id
        )),
        Some(p) if !p.kind().is_company() => out.push(format!(
            "agreement {id}: company party {} is an UMKM, not PMA/PMDN",
            p.id
        )),
        Some(_) => {}
    }
    match by_id.get(a.umkm.partner_id.as_str()) {
        None => out.push(format!(
            "agreement {id}: unknown UMKM {}",
            a.umkm.partner_id
        )),
        Some(p) if p.kind() != Kind::Umkm => out.push(format!(
            "agreement {id}: UMKM party {} is a {} company",
            p.id,
            p.kind().label()
        )),
        Some(_) => {}
    }
    let (rc, ru) = a.pattern.roles();
    if a.company.role != rc || a.umkm.role != ru {
        out.push(format!(
            "agreement {id}: roles {:?}/{:?} do not match pattern {} ({rc:?}/{ru:?})",
            a.company.role,
            a.umkm.role,
            a.pattern.key()
        ));
    }
    match (&a.pattern, &a.pattern_other) {
        (Pattern::Lain, None) => out.push(format!(
            "agreement {id}: pattern lain without pattern_other"
        )),
        (Pattern::Lain, Some(n)) if n.trim().is_empty() => {
            out.push(format!("agreement {id}: empty pattern_other"))
        }
        (p, Some(_)) if *p != Pattern::Lain => out.push(format!(
            "agreement {id}: pattern_other on pattern {}",
            p.key()
        )),
        _ => {}
    }
    if let Some(e) = &a.event_id {
        if !event_ids.contains(&e.as_str()) {
            out.push(format!("agreement {id}: unknown event {e}"));
        }
    }
    let p = a.period;
    if p.start > p.end {
        out.push(format!(
            "agreement {id}: period starts {} after it ends {}",
            p.start, p.end
        ));
    }
    if a.date_signed > p.end {
        out.push(format!(
            "agreement {id}: signed {} after the period ended {}",
            a.date_signed, p.end
        ));
    }
    if (p.start - a.date_signed).num_days() < -MAX_BACKDATING_DAYS {
        out.push(format!(
            "agreement {id}: signed {}, more than {MAX_BACKDATING_DAYS} days after the period started {}",
            a.date_signed, p.start
        ));
    }
    if a.date_signed > as_of {
        out.push(format!(
            "agreement {id}: signed {} after the dataset's as_of {as_of}",
            a.date_signed
        ));
    }
    if a.value.0 < 0 {
        out.push(format!("agreement {id}: negative value {}", a.value.0));
    }
    let latest = p.end + Duration::days(LATE_PAYMENT_DAYS);
    for (i, t) in a.transactions.iter().enumerate() {
        if t.amount.0 < 0 {
            out.push(format!(
                "agreement {id}: transaction {} has a negative amount {}",
                i + 1,
                t.amount.0
            ));
        }
        if t.date < p.start || t.date > latest {
            out.push(format!(
                "agreement {id}: transaction {} on {} is outside the period {}..{} (+{LATE_PAYMENT_DAYS} days)",
                i + 1,
                t.date,
                p.start,
                p.end
            ));
        }
        if t.date > as_of {
            out.push(format!(
                "agreement {id}: transaction {} on {} is after as_of {as_of}",
                i + 1,
                t.date
            ));
        }
        if i > 0 && a.transactions[i - 1].date > t.date {
            out.push(format!("agreement {id}: transactions are not oldest first"));
        }
    }
    if a.realised().is_none() {
        out.push(format!("agreement {id}: transactions overflow"));
    }
    out
}

/// `renews` names an agreement of the same pair, signed no later.
pub fn renewal(a: &Agreement, by_id: &HashMap<&str, &Agreement>) -> Option<String> {
    let r = a.renews.as_deref()?;
    let id = &a.id;
    match by_id.get(r) {
        None => Some(format!("agreement {id} renews unknown agreement {r}")),
        Some(_) if r == id => Some(format!("agreement {id} renews itself")),
        Some(old)
            if old.company.partner_id != a.company.partner_id
                || old.umkm.partner_id != a.umkm.partner_id =>
        {
            Some(format!(
                "agreement {id} renews {r}, which is between other partners"
            ))
        }
        Some(old) if old.date_signed > a.date_signed => {
            Some(format!("agreement {id} renews {r}, which was signed later"))
        }
        Some(_) => None,
    }
}
