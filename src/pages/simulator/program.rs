//! Program mode: every agreement in the dataset grows the same way from the
//! year it was signed; the program's total per year against a target.
//!
//! The figures are fetched only when asked for: each signing year's
//! agreements and their total value, precomputed in
//! `aggregates/figures.json` (no agreement list), so the simulator itself
//! needs no network.

use kemitraan_core::agreement_index::YearFigures;
use kemitraan_core::money::{
    format_full, format_number, format_percent_bp, format_words, parse_amount, SaturatingSum,
};
use kemitraan_core::program::{
    program_intro, program_totals_by_year, target_sentence, year_reached, ProgramGrowth,
};
use kemitraan_core::simulate_io::{
    amount_input_text, parse_amount_field, parse_horizon, parse_percent_bp, percent_input_text,
};
use kemitraan_core::{Lang, Rupiah};
use leptos::prelude::*;

use super::inputs::{text, Field};
use crate::agreements::use_agreement_store;
use crate::components::chart::{Chart, ChartSpec, Kind, RefLine, Series};
use crate::components::loaded::loaded;
use crate::i18n::{pick, txt, use_lang};

#[component]
pub(super) fn ProgramView() -> impl IntoView {
    let open = RwSignal::new(false);
    view! {
        <section class="sim-program" aria-labelledby="sim-program-h">
            <h2 id="sim-program-h">{txt("Mode program: semua perjanjian", "Program mode: every agreement")}</h2>
            <p>{txt(
                "Setiap perjanjian dalam data tumbuh dengan cara yang sama mulai tahun penandatanganannya: menurut jalur Presiden (×1, ×5, lalu ×10) atau dengan pertumbuhan tetap. Grafik membandingkan total nilai program per tahun dengan target.",
                "Every agreement in the dataset grows the same way from the year it was signed: along the President's path (×1, ×5, then ×10) or at a constant rate. The chart compares the program's total value per year with a target.",
            )}</p>
            <Show
                when=move || open.get()
                fallback=move || view! {
                    <button type="button" class="button" on:click=move |_| open.set(true)>
                        {txt("Muat perjanjian dan hitung", "Load the agreements and compute")}
                    </button>
                }
            >
                <ProgramLoaded/>
            </Show>
        </section>
    }
}

#[component]
fn ProgramLoaded() -> impl IntoView {
    let store = use_agreement_store();
    let data = LocalResource::new(move || store.figures());
    loaded(
        data,
        |f| view! { <Program by_year=f.by_year.clone()/> },
        None,
    )
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum PMode {
    President,
    Rate,
}

#[component]
fn Program(by_year: Vec<YearFigures>) -> impl IntoView {
    let lang = use_lang();
    let cohorts: Vec<(i32, u64, Rupiah)> = by_year
        .iter()
        .map(|y| (y.year, y.agreements, y.committed))
        .collect();
    let count = cohorts.iter().map(|c| c.1).sum::<u64>();
    let first_year = cohorts.iter().map(|c| c.0).min().unwrap_or(2021);
    let base = SaturatingSum::of(cohorts.iter().map(|c| c.2)).total;
    // The President's aim for one contract, ×10, applied to the whole program.
    // Rounded as it is written in words (Rp53,91 triliun), so the field
    // shows a readable figure.
    let ten_times = base.checked_mul_i64(10).unwrap_or(Rupiah(i64::MAX));
    let default_target = parse_amount(&format_words(ten_times, Lang::Id)).unwrap_or(ten_times);
    let l0 = lang.get_untracked();

    let mode = RwSignal::new(PMode::President);
    let rate_bp = RwSignal::new(2_000i64);
    let years = RwSignal::new(5u32);
    let target = RwSignal::new(default_target);

    let results = Memo::new(move |_| {
        let growth = match mode.get() {
            PMode::President => ProgramGrowth::President,
            PMode::Rate => ProgramGrowth::Rate(rate_bp.get()),
        };
        program_totals_by_year(&cohorts, growth, first_year, years.get())
    });

    let spec = Memo::new(move |_| {
        let lang = lang.get();
        let rows = results.get().unwrap_or_default();
        ChartSpec {
            id: "program-chart".into(),
            title: pick(
                lang,
                "Total nilai program per tahun dan target",
                "The program's total value per year and the target",
            )
            .into(),
            desc: pick(
                lang,
                "Angka lengkap ada di tabel di bawah grafik.",
                "The full figures are in the table below the chart.",
            )
            .into(),
            y_label: pick(lang, "Total nilai perjanjian", "Total agreement value").into(),
            series: vec![Series {
                name: pick(lang, "Total program", "Program total").into(),
                points: rows.iter().map(|r| (r.year, r.total)).collect(),
            }],
            bands: vec![],
            reference: Some(RefLine {
                label: format!(
                    "{} {}",
                    pick(lang, "Target", "Target"),
                    format_words(target.get(), lang)
                ),
                value: target.get(),
            }),
            kind: Kind::Bars,
            lang,
        }
    });

    let radios = [
        (
            PMode::President,
            "president",
            "Jalur Presiden (×1, ×5, ×10)",
            "The President's path (×1, ×5, ×10)",
        ),
        (
            PMode::Rate,
            "rate",
            "Pertumbuhan tetap per tahun",
            "Constant annual growth",
        ),
    ]
    .into_iter()
    .map(|(m, code, id, en)| {
        let rid = format!("program-mode-{code}");
        view! {
            <div class="radio">
                <input type="radio" id=rid.clone() name="program-mode" value=code
                    prop:checked=move || mode.get() == m
                    on:change=move |_| mode.set(m)/>
                <label for=rid>{txt(id, en)}</label>
            </div>
        }
    })
    .collect_view();

    let sentence = move || {
        let lang = lang.get();
        match results.get() {
            Err(e) => e.message(lang),
            Ok(rows) => {
                let t = target.get();
                target_sentence(year_reached(&rows, t), t, lang)
            }
        }
    };

    view! {
        <p>{move || program_intro(count, base, first_year, lang.get())}</p>
        <div class="program-form">
            <fieldset class="mode">
                <legend>{txt("Cara pertumbuhan setiap perjanjian", "How each agreement grows")}</legend>
                <div class="radios">{radios}</div>
            </fieldset>
            <div class="field-grid">
                <Show when=move || mode.get() == PMode::Rate>
                    <Field id="program-rate".to_string() label=text("Pertumbuhan per tahun (%)", "Growth per year (%)")
                        initial=percent_input_text(rate_bp.get_untracked(), l0)
                        apply=Callback::new(move |t: String| parse_percent_bp(&t).map(|v| rate_bp.set(v)))
                        inputmode="decimal" suffix="%"/>
                </Show>
                <Field id="program-years".to_string() label=text("Jangka waktu (tahun, 1–30)", "Horizon (years, 1–30)")
                    initial=years.get_untracked().to_string()
                    apply=Callback::new(move |t: String| parse_horizon(&t).map(|v| years.set(v)))
                    inputmode="numeric" class="short"/>
                <Field id="program-target".to_string() label=text("Target total nilai program", "Target for the program total")
                    initial=amount_input_text(default_target, l0)
                    apply=Callback::new(move |t: String| parse_amount_field(&t).map(|v| target.set(v)))
                    hint=text("Bawaan: 10 × total nilai awal (dibulatkan), seperti jalur Presiden untuk satu kontrak.", "Default: 10 × the total first-year value (rounded), as the President's path for one contract.")/>
            </div>
        </div>
        <p class="summary-line" aria-live="polite">{sentence}</p>
        <Show when=move || results.with(|r| r.as_ref().is_ok_and(|rows| rows.iter().any(|x| x.saturated)))>
            <p class="sim-warn">{txt(
                "Sebagian angka melampaui batas hitung aplikasi; angka bertanda ≥ berhenti di batas itu.",
                "Some figures pass the app's limit of computation; figures marked ≥ stop at that limit.",
            )}</p>
        </Show>
        <figure class="sim-chart">
            <Chart spec/>
        </figure>
        {move || {
            let lang = lang.get();
            let t = target.get();
            let rows = results.get().unwrap_or_default();
            let yes = pick(lang, "ya", "yes");
            view! {
                <p class="table-caption" id="program-table-caption">{pick(lang, "Total program per tahun", "Program total per year")}</p>
                <div class="table-wrap" role="region" tabindex="0" aria-labelledby="program-table-caption">
                    <table id="program-table" aria-labelledby="program-table-caption">
                        <thead><tr>
                            <th scope="col">{pick(lang, "Tahun", "Year")}</th>
                            <th scope="col" class="num">{pick(lang, "Perjanjian", "Agreements")}</th>
                            <th scope="col" class="num">{pick(lang, "Total nilai", "Total value")}</th>
                            <th scope="col" class="num">{pick(lang, "Terhadap target", "Of target")}</th>
                            <th scope="col">{pick(lang, "Target tercapai", "Target reached")}</th>
                        </tr></thead>
                        <tbody>
                            {rows.into_iter().map(|r| {
                                let of_target = kemitraan_core::money::percent_of(r.total, t)
                                    .map(|bp| format_percent_bp(bp, lang))
                                    .unwrap_or_else(|| "—".into());
                                let total = if r.total.0 == i64::MAX { format!("≥ {}", format_words(r.total, lang)) } else { format_words(r.total, lang) };
                                view! {
                                    <tr>
                                        <th scope="row">{r.year}</th>
                                        <td class="num">{format_number(i64::from(r.agreements), lang)}</td>
                                        <td class="num" data-value=r.total.0.to_string() title=format_full(r.total, lang)>{total}</td>
                                        <td class="num">{of_target}</td>
                                        <td>{(r.total >= t).then_some(yes)}</td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
            }
        }}
    }
}
