//! The featured signing event beside what the dataset holds for it.

use crate::model::{AgreementSummary, Event, Events, Kind};
use crate::{Lang, Rupiah};

use super::distinct;

/// The event the home page features: the earliest (the program's launch,
/// 18 January 2021 in the sample), ties by id.
pub fn featured_event(events: &Events) -> Option<&Event> {
    events
        .items
        .iter()
        .min_by(|a, b| a.date.cmp(&b.date).then(a.id.cmp(&b.id)))
}

/// What the dataset holds for one event: its agreements and their parties.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct EventHoldings {
    /// Agreements signed at the event.
    pub agreements: u64,
    /// Distinct PMA and PMDN companies among the agreements.
    pub companies: u64,
    /// Distinct PMA companies.
    pub pma: u64,
    /// Distinct PMDN companies.
    pub pmdn: u64,
    /// Distinct UMKM.
    pub umkm: u64,
    /// Committed value, summed.
    pub committed: Rupiah,
    /// Realised value, summed.
    pub realised: Rupiah,
    /// A sum passed `i64::MAX` and was held there.
    pub saturated: bool,
}

/// Counts the agreements signed at `event_id` and sums their values.
pub fn event_holdings(event_id: &str, agreements: &[AgreementSummary]) -> EventHoldings {
    let mut h = EventHoldings::default();
    let mine: Vec<&AgreementSummary> = agreements
        .iter()
        .filter(|a| a.event_id.as_deref() == Some(event_id))
        .collect();
    let add = |sum: Rupiah, v: Rupiah, sat: &mut bool| {
        sum.checked_add(v).unwrap_or_else(|| {
            *sat = true;
            Rupiah(i64::MAX)
        })
    };
    for a in &mine {
        h.agreements += 1;
        h.committed = add(h.committed, a.value, &mut h.saturated);
        h.realised = add(h.realised, a.realised, &mut h.saturated);
    }
    let of_kind = |k: Kind| {
        distinct(
            mine.iter()
                .filter(|a| a.company.kind == k)
                .map(|a| a.company.id.as_str()),
        )
    };
    h.pma = of_kind(Kind::Pma);
    h.pmdn = of_kind(Kind::Pmdn);
    h.companies = h.pma + h.pmdn;
    h.umkm = distinct(mine.iter().map(|a| a.umkm.id.as_str()));
    h
}

/// One line of the reported-versus-held comparison.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Figure {
    /// Companies (PMA and PMDN).
    Companies,
    /// PMA companies.
    Pma,
    /// PMDN companies.
    Pmdn,
    /// UMKM.
    Umkm,
    /// Agreements.
    Agreements,
    /// Investment (committed value), in rupiah.
    Investment,
}

impl Figure {
    /// Every figure, in the order the comparison lists them.
    pub const ALL: [Figure; 6] = [
        Figure::Companies,
        Figure::Pma,
        Figure::Pmdn,
        Figure::Umkm,
        Figure::Agreements,
        Figure::Investment,
    ];

    /// The figure's name in the comparison.
    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Figure::Companies, Lang::Id) => "Perusahaan PMA/PMDN",
            (Figure::Companies, Lang::En) => "PMA/PMDN companies",
            (Figure::Pma, _) => "PMA",
            (Figure::Pmdn, _) => "PMDN",
            (Figure::Umkm, _) => "UMKM",
            (Figure::Agreements, Lang::Id) => "Perjanjian",
            (Figure::Agreements, Lang::En) => "Agreements",
            (Figure::Investment, Lang::Id) => "Nilai investasi (komitmen)",
            (Figure::Investment, Lang::En) => "Investment value (committed)",
        }
    }

    /// Whether the figure is an amount (else a count).
    pub fn is_money(self) -> bool {
        self == Figure::Investment
    }
}

/// A figure as reported at the time and as the dataset holds it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Compared {
    /// Which figure.
    pub figure: Figure,
    /// `None` when the report gave no such figure (the number of agreements).
    pub reported: Option<i64>,
    /// What the dataset holds.
    pub held: i64,
}

impl Compared {
    /// Held minus reported; `None` without a reported figure.
    pub fn difference(&self) -> Option<i64> {
        self.held.checked_sub(self.reported?)
    }
}

/// The event's reported figures beside the dataset's, in [`Figure::ALL`]
/// order. Counts are integers, the investment whole rupiah.
pub fn compare_event(event: &Event, held: &EventHoldings) -> Vec<Compared> {
    let n = |v: u64| i64::try_from(v).unwrap_or(i64::MAX);
    let r = &event.reported;
    Figure::ALL
        .iter()
        .map(|f| {
            let (reported, held) = match f {
                Figure::Companies => (Some(i64::from(r.companies)), n(held.companies)),
                Figure::Pma => (Some(i64::from(r.pma)), n(held.pma)),
                Figure::Pmdn => (Some(i64::from(r.pmdn)), n(held.pmdn)),
                Figure::Umkm => (Some(i64::from(r.umkm)), n(held.umkm)),
                Figure::Agreements => (None, n(held.agreements)),
                Figure::Investment => (Some(r.investment.0), held.committed.0),
            };
            Compared {
                figure: *f,
                reported,
                held,
            }
        })
        .collect()
}
