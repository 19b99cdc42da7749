//! The charts of `summary.json`'s breakdowns, shared by the home page and
//! the presentation: [`bar_spec`] turns the rows `kemitraan_core::dashboard`
//! decides into a horizontal bar chart, [`year_chart`] the years into the
//! year chart of [`crate::components::chart`], and [`BreakdownTable`] is
//! the same figures as a table (the charts' text alternative).

use kemitraan_core::count::{count_text, Noun};
use kemitraan_core::dashboard::{ChartRow, Counted, Dimension, Measure};
use kemitraan_core::money::{
    format_full, format_number, format_percent_bp, format_short, format_words,
};
use kemitraan_core::{Lang, Rupiah};
use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::bar_chart::{BarRow, BarSpec};
use crate::components::chart::{ChartSpec, Extras, Kind, Series};
use crate::i18n::{pick, use_lang};

fn count(n: u64) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

/// "67 perjanjian" / "67 agreements", "1 agreement": what a chart's list
/// counts, through [`kemitraan_core::count::count_text`].
pub fn counted_text(counted: Counted, n: u64, lang: Lang) -> String {
    let noun = match counted {
        Counted::Agreements => Noun::Agreement,
        Counted::Partners => Noun::Partner,
    };
    count_text(noun, n, lang)
}

/// Growth as "+25%", "-60%"; "–" when there is none.
pub fn growth_text(bp: Option<i64>, lang: Lang) -> String {
    match bp {
        Some(bp) if bp > 0 => format!("+{}", format_percent_bp(bp, lang)),
        Some(bp) => format_percent_bp(bp, lang),
        None => "–".to_string(),
    }
}

/// What a click on a bar opens, said once under the chart.
pub fn opens_text(dim: Dimension, lang: Lang) -> &'static str {
    match (dim.counted(), lang) {
        (Counted::Agreements, Lang::Id) => {
            "Klik batang untuk membuka daftar perjanjiannya; jumlahnya sama dengan angka di batang."
        }
        (Counted::Agreements, Lang::En) => {
            "Click a bar to open its agreements; the list's count is the bar's count."
        }
        (Counted::Partners, Lang::Id) => {
            "Klik batang untuk membuka daftar mitranya; jumlahnya sama dengan angka di batang."
        }
        (Counted::Partners, Lang::En) => {
            "Click a bar to open its partners; the list's count is the bar's count."
        }
    }
}

/// A horizontal bar chart of a breakdown. Bars measure the committed value
/// (UMKM for size classes); each names the count its link opens.
pub fn bar_spec(id: &str, dim: Dimension, rows: &[ChartRow], lang: Lang) -> BarSpec {
    let measure = dim.measure();
    let bars: Vec<BarRow> = rows
        .iter()
        .map(|r| {
            let committed = r.bucket.committed;
            let (value_text, value_words, note) = match measure {
                Measure::Committed => (
                    format_short(committed, lang),
                    format_words(committed, lang),
                    counted_text(dim.counted(), r.count(dim.counted()), lang),
                ),
                Measure::Umkm => {
                    let umkm = format!("{} UMKM", format_number(count(r.bucket.partners), lang));
                    let note = format!(
                        "{} {}",
                        format_short(committed, lang),
                        pick(lang, "komitmen", "committed")
                    );
                    (umkm, String::new(), note)
                }
            };
            let spoken = match measure {
                Measure::Committed => value_words,
                Measure::Umkm => format!(
                    "{} {}",
                    format_words(committed, lang),
                    pick(lang, "komitmen", "committed")
                ),
            };
            BarRow {
                label: r.label.clone(),
                magnitude: r.magnitude(measure),
                value_text,
                note,
                href: r.href.clone(),
                spoken,
            }
        })
        .collect();
    let desc = match rows.iter().max_by_key(|r| r.magnitude(measure)) {
        Some(top) if top.magnitude(measure) > 0 => format!(
            "{} {}. {}",
            pick(lang, "Terbesar:", "Largest:"),
            top.label,
            opens_text(dim, lang)
        ),
        _ => opens_text(dim, lang).to_string(),
    };
    BarSpec {
        id: id.to_string(),
        title: dim.title(lang).to_string(),
        desc,
        rows: bars,
    }
}

/// The year chart: committed value per year signed as bars, the growth on
/// the year before above each bar, each bar a link to that year's
/// agreements.
pub fn year_chart(id: &str, rows: &[ChartRow], lang: Lang) -> (ChartSpec, Extras) {
    let mut points = Vec::new();
    let mut extras = Extras::default();
    let mut sentences = Vec::new();
    for r in rows {
        let Ok(year) = r.key.parse::<i32>() else {
            continue;
        };
        points.push((year, r.bucket.committed));
        let growth = growth_text(r.growth_bp, lang);
        let agreements = count_text(Noun::Agreement, r.bucket.agreements, lang);
        let name = match r.growth_bp {
            Some(_) => format!(
                "{year}: {}; {agreements}; {} {growth}",
                format_words(r.bucket.committed, lang),
                pick(lang, "pertumbuhan", "growth")
            ),
            None => format!(
                "{year}: {}; {agreements}",
                format_words(r.bucket.committed, lang)
            ),
        };
        sentences.push(name.clone());
        if r.growth_bp.is_some() {
            extras.notes.push((year, growth));
        }
        if let Some(href) = &r.href {
            extras.links.push((year, href.clone(), name));
        }
    }
    let spec = ChartSpec {
        id: id.to_string(),
        title: Dimension::Year.title(lang).to_string(),
        desc: format!(
            "{}. {}",
            sentences.join(". "),
            opens_text(Dimension::Year, lang)
        ),
        y_label: pick(
            lang,
            "Nilai komitmen; di atas batang: pertumbuhan dari tahun sebelumnya",
            "Committed value; above the bars: growth on the year before",
        )
        .to_string(),
        series: vec![Series {
            name: pick(lang, "Nilai komitmen", "Committed value").to_string(),
            points,
        }],
        bands: Vec::new(),
        reference: None,
        kind: Kind::Bars,
        lang,
    };
    (spec, extras)
}

/// An amount in words with the exact figure on hover.
fn money_cell(v: Rupiah, lang: Lang) -> impl IntoView {
    view! { <span title=format_full(v, lang)>{format_words(v, lang)}</span> }
}

/// The figures of a chart as a table: every column of the buckets, each
/// label a link to the same list as its bar.
#[component]
pub fn BreakdownTable(dim: Dimension, #[prop(into)] rows: Signal<Vec<ChartRow>>) -> impl IntoView {
    let lang = use_lang();
    move || {
        let l = lang.get();
        let year = dim == Dimension::Year;
        let body = rows.with(|rows| {
            rows.iter()
                .map(|r| {
                    let text = r.label.clone();
                    let label = match r.href.clone() {
                        Some(href) => view! { <A href=href>{text}</A> }.into_any(),
                        None => text.into_any(),
                    };
                    let growth =
                        year.then(|| view! { <td class="num">{growth_text(r.growth_bp, l)}</td> });
                    view! {
                        <tr>
                            <th scope="row">{label}</th>
                            <td class="num">{money_cell(r.bucket.committed, l)}</td>
                            <td class="num">{money_cell(r.bucket.realised, l)}</td>
                            <td class="num">{format_number(count(r.bucket.agreements), l)}</td>
                            <td class="num">{format_number(count(r.bucket.partners), l)}</td>
                            {growth}
                        </tr>
                    }
                })
                .collect_view()
        });
        view! {
            <div class="table-wrap" tabindex="0" role="region"
                aria-label=format!("{} {}", pick(l, "Tabel:", "Table:"), dim.title(l))>
                <table class="breakdown-table">
                    <caption class="visually-hidden">{dim.title(l)}</caption>
                    <thead><tr>
                        <th scope="col">{dim.label_heading(l)}</th>
                        <th scope="col" class="num">{pick(l, "Nilai komitmen", "Committed")}</th>
                        <th scope="col" class="num">{pick(l, "Terealisasi", "Realised")}</th>
                        <th scope="col" class="num">{pick(l, "Perjanjian", "Agreements")}</th>
                        <th scope="col" class="num">{dim.partners_heading(l)}</th>
                        {year.then(|| view! { <th scope="col" class="num">{pick(l, "Pertumbuhan", "Growth")}</th> })}
                    </tr></thead>
                    <tbody>{body}</tbody>
                </table>
            </div>
        }
    }
}
