//! The result table: one row per scenario and year, the same rows and
//! columns as the CSV download. It is also the chart's text alternative.
//!
//! Amounts are written in words with the exact figure on hover and in
//! `data-value` (whole rupiah), so the table can be checked against the CSV.

use kemitraan_core::money::{format_full, format_percent_bp, format_words};
use kemitraan_core::simulate_io::{column_names, shown_growth, Columns};
use kemitraan_core::{Lang, Rupiah};
use leptos::prelude::*;

use crate::components::sim_chart::{shown, Outcome};
use crate::i18n::{pick, use_lang};

fn amount_cell(v: Rupiah, lang: Lang) -> impl IntoView {
    let capped = v.0 == i64::MAX;
    let text = if capped {
        format!("≥ {}", format_words(v, lang))
    } else {
        format_words(v, lang)
    };
    view! { <td class="num" data-value=v.0.to_string() title=format_full(v, lang)>{text}</td> }
}

#[component]
pub(super) fn ResultTable(outcomes: Memo<Vec<Outcome>>) -> impl IntoView {
    let lang = use_lang();
    move || {
        let lang = lang.get();
        outcomes.with(|list| {
            let rows = shown(list);
            if rows.is_empty() {
                return ().into_any();
            }
            let projections: Vec<_> = rows.iter().map(|(_, p)| *p).collect();
            let cols = Columns::for_projections(&projections);
            // Which columns are numbers, in the order of `column_names`.
            let mut numeric = Vec::new();
            if cols.scenario {
                numeric.push(false);
            }
            numeric.extend([false, true, true, true, true, false]);
            if cols.capital {
                numeric.push(false);
            }
            numeric.push(false);
            if cols.saturated {
                numeric.push(false);
            }
            let head = column_names(cols, lang)
                .into_iter()
                .zip(numeric)
                .map(|(name, num)| view! { <th scope="col" class:num=num>{name}</th> })
                .collect_view();
            let yes = pick(lang, "ya", "yes");
            let body = rows
                .iter()
                .flat_map(|(letter, p)| p.rows.iter().map(move |r| (*letter, r.clone())))
                .map(|(letter, r)| {
                    let growth = match shown_growth(&r) {
                        Some(bp) => format_percent_bp(bp, lang),
                        None => "—".to_string(),
                    };
                    view! {
                        <tr class:naik-kelas=r.naik_kelas class:capped=r.saturated>
                            {cols.scenario.then(|| view! { <td>{letter.to_string()}</td> })}
                            <th scope="row">{r.year}</th>
                            {amount_cell(r.value, lang)}
                            <td class="num">{growth}</td>
                            {amount_cell(r.cumulative, lang)}
                            {amount_cell(r.sales, lang)}
                            <td>{r.class_by_sales.label(lang)}</td>
                            {cols.capital.then(|| view! {
                                <td>{r.class_by_capital.map(|c| c.label(lang)).unwrap_or("—")}</td>
                            })}
                            <td class="naik">{r.naik_kelas.then(|| view! {
                                <span class="naik-mark" aria-hidden="true">"▲ "</span>{yes}
                            })}</td>
                            {cols.saturated.then(|| view! { <td>{r.saturated.then_some(yes)}</td> })}
                        </tr>
                    }
                })
                .collect_view();
            view! {
                <p class="table-caption" id="sim-table-caption">{pick(
                    lang,
                    "Hasil per tahun. Baris bertanda ▲ adalah tahun UMKM naik kelas menurut hasil penjualan.",
                    "Results per year. Rows marked ▲ are the years the UMKM moves up a class by annual sales.",
                )}</p>
                <div class="table-wrap" role="region" tabindex="0" aria-labelledby="sim-table-caption">
                    <table class="sim-table" id="sim-table" aria-labelledby="sim-table-caption">
                        <thead><tr>{head}</tr></thead>
                        <tbody>{body}</tbody>
                    </table>
                </div>
            }
            .into_any()
        })
    }
}
