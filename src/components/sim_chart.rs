//! The simulator's chart: annual sales per year over the PP 7/2021 size-class
//! bands, for one or more scenarios. Shared by `/simulasi` and the
//! presentation's last slide, so neither page imports the other.

use kemitraan_core::money::format_short;
use kemitraan_core::simulate::{summary, Projection, SimError};
use kemitraan_core::size_class::{sales_band, SizeClass};
use kemitraan_core::Lang;

use crate::components::chart::{Band, ChartSpec, Kind, Series};
use crate::i18n::pick;

/// One scenario's result.
#[derive(Clone, Debug, PartialEq)]
pub struct Outcome {
    /// The scenario's stable key.
    pub key: u32,
    /// Its name: A, B, C.
    pub letter: char,
    /// The projection of its current inputs, or why there is none.
    pub result: Result<Projection, SimError>,
    /// What the page shows: the current projection, or the last good one
    /// while the inputs cannot be computed.
    pub shown: Option<Projection>,
}

/// The scenarios shown, as (letter, projection).
pub fn shown(list: &[Outcome]) -> Vec<(char, &Projection)> {
    list.iter()
        .filter_map(|o| o.shown.as_ref().map(|p| (o.letter, p)))
        .collect()
}

/// "Skenario A" / "Scenario A".
pub fn scenario_name(letter: char, lang: Lang) -> String {
    format!("{} {letter}", pick(lang, "Skenario", "Scenario"))
}

/// The chart of the shown scenarios: annual sales per year over the size
/// classes by sales.
pub fn chart_spec(list: &[Outcome], lang: Lang) -> ChartSpec {
    let shown = shown(list);
    let multi = shown.len() > 1;
    let with_other = shown
        .iter()
        .any(|(_, p)| p.rows.iter().any(|r| r.sales != r.value));
    let y_label = if with_other {
        pick(
            lang,
            "Penjualan tahunan UMKM (kontrak + penjualan lain)",
            "UMKM annual sales (contract + other sales)",
        )
    } else {
        pick(
            lang,
            "Nilai kontrak = penjualan tahunan UMKM",
            "Contract value = UMKM annual sales",
        )
    }
    .to_string();
    let series = shown
        .iter()
        .map(|(l, p)| Series {
            name: if multi {
                scenario_name(*l, lang)
            } else {
                y_label.clone()
            },
            points: p.rows.iter().map(|r| (r.year, r.sales)).collect(),
        })
        .collect();
    let bands = SizeClass::ALL
        .iter()
        .map(|c| {
            let (lower, upper) = sales_band(*c);
            let label = match (lower, upper) {
                (_, Some(hi)) => format!("{} ≤ {}", c.label(lang), format_short(hi, lang)),
                (Some(lo), None) => format!("{} > {}", c.label(lang), format_short(lo, lang)),
                (None, None) => c.label(lang).to_string(),
            };
            Band {
                label,
                lower,
                upper,
            }
        })
        .collect();
    let sentences: Vec<String> = shown
        .iter()
        .map(|(l, p)| {
            if multi {
                format!("{}: {}", scenario_name(*l, lang), summary(p, lang))
            } else {
                summary(p, lang)
            }
        })
        .collect();
    ChartSpec {
        id: "sim-chart".into(),
        title: pick(
            lang,
            "Penjualan tahunan per tahun dan batas kelas usaha menurut PP 7/2021",
            "Annual sales per year and the PP 7/2021 size-class limits",
        )
        .into(),
        desc: format!(
            "{} {}",
            sentences.join(" "),
            pick(
                lang,
                "Angka lengkap ada di tabel di bawah grafik.",
                "The full figures are in the table below the chart."
            )
        ),
        y_label,
        series,
        bands,
        reference: None,
        kind: if multi { Kind::Lines } else { Kind::Bars },
        lang,
    }
}
