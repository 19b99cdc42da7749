//! `/simulasi`: the contract-growth simulator.
//!
//! Up to three scenarios, each with its own inputs ([`inputs`]); their
//! results in one chart and one table ([`table`]); the whole state in the
//! URL so a link reproduces it; CSV, SVG and PNG downloads; and the program
//! view ([`program`]) that grows every agreement of the dataset.
//!
//! The page holds no math: `kemitraan_core::simulate` computes,
//! `kemitraan_core::simulate_io` reads and writes the URL and the CSV.

mod inputs;
mod program;
mod table;

use kemitraan_core::money::{format_short, format_words};
use kemitraan_core::simulate::{project, summary, Projection, SimError};
use kemitraan_core::simulate_io::{
    from_query, scenario_letter, simulator_href, table_csv, to_query, SimInput,
};
use kemitraan_core::size_class::{sales_band, SizeClass};
use kemitraan_core::{Lang, Rupiah};
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;

use crate::components::chart::{render_svg, Band, Chart, ChartSpec, Kind, Series};
use crate::components::download::{
    download_svg_as_png, download_text, DownloadButton, DownloadReport,
};
use crate::components::page_title::PageTitle;
use crate::i18n::{pick, txt, use_lang};
use inputs::ScenarioCard;
use program::ProgramView;
use table::ResultTable;

/// One scenario's place on the page.
#[derive(Clone, Copy)]
pub(crate) struct Slot {
    /// Stable for the life of the scenario (its index changes on removal).
    pub key: u32,
    /// The last good value of every input.
    pub input: RwSignal<SimInput>,
    /// Bumped when the inputs are replaced from outside the form (the
    /// preset), so the fields re-read their text.
    pub rev: RwSignal<u32>,
}

/// One scenario's result.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Outcome {
    pub key: u32,
    pub letter: char,
    pub result: Result<Projection, SimError>,
    /// What the page shows: the current projection, or the last good one
    /// while the inputs cannot be computed.
    pub shown: Option<Projection>,
}

/// The scenarios shown, as (letter, projection).
pub(crate) fn shown(list: &[Outcome]) -> Vec<(char, &Projection)> {
    list.iter()
        .filter_map(|o| o.shown.as_ref().map(|p| (o.letter, p)))
        .collect()
}

fn scenario_name(letter: char, lang: Lang) -> String {
    format!("{} {letter}", pick(lang, "Skenario", "Scenario"))
}

const FILE_STEM: &str = "simulasi-kemitraan";
const SVG_SIZE: (u32, u32) = (960, 540);

#[component]
pub fn Simulator() -> impl IntoView {
    let query = use_query_map();
    let navigate = use_navigate();
    let initial = query.with_untracked(|q| from_query(q.into_iter().map(|(k, v)| (k.as_ref(), v))));

    // Scenarios added later belong to this page, not to the click handler.
    let owner = StoredValue::new(Owner::current());
    let next_key = StoredValue::new(0u32);
    let make = move |input: SimInput| -> Slot {
        let key = next_key.get_value();
        next_key.set_value(key + 1);
        let new = move || Slot {
            key,
            input: RwSignal::new(input),
            rev: RwSignal::new(0),
        };
        match owner.get_value() {
            Some(o) => o.with(new),
            None => new(),
        }
    };
    let slots = RwSignal::new(initial.into_iter().map(make).collect::<Vec<_>>());

    let outcomes = Memo::new(move |prev: Option<&Vec<Outcome>>| {
        slots.with(|v| {
            v.iter()
                .enumerate()
                .map(|(i, s)| {
                    let result = s.input.with(|inp| project(&inp.scenario()));
                    let shown = match &result {
                        Ok(p) => Some(p.clone()),
                        Err(_) => prev
                            .and_then(|list| list.iter().find(|o| o.key == s.key))
                            .and_then(|o| o.shown.clone()),
                    };
                    Outcome {
                        key: s.key,
                        letter: scenario_letter(i),
                        result,
                        shown,
                    }
                })
                .collect()
        })
    });

    // The URL follows the inputs (replace, so Back leaves the page).
    let written = StoredValue::new(slots.with_untracked(|v| {
        to_query(
            &v.iter()
                .map(|s| s.input.get_untracked())
                .collect::<Vec<_>>(),
        )
    }));
    Effect::new(move |prev: Option<String>| {
        let inputs: Vec<SimInput> = slots.with(|v| v.iter().map(|s| s.input.get()).collect());
        let q = to_query(&inputs);
        if prev.as_deref() != Some(q.as_str()) {
            written.set_value(q.clone());
            navigate(
                &simulator_href(&inputs),
                NavigateOptions {
                    replace: true,
                    scroll: false,
                    ..Default::default()
                },
            );
        }
        q
    });
    // And the inputs follow a URL that the page did not write itself (the
    // header's "Simulasi" link while on this page, an agreement's link).
    Effect::new(move |_| {
        let inputs = query.with(|q| from_query(q.into_iter().map(|(k, v)| (k.as_ref(), v))));
        if to_query(&inputs) != written.get_value() {
            // Reuse the cards there are (their ids stay), add or drop the rest.
            let mut current = slots.get_untracked();
            current.truncate(inputs.len());
            for (i, input) in inputs.into_iter().enumerate() {
                match current.get(i) {
                    Some(slot) => {
                        slot.input.set(input);
                        slot.rev.update(|r| *r += 1);
                    }
                    None => current.push(make(input)),
                }
            }
            slots.set(current);
        }
    });

    let on_duplicate = Callback::new(move |key: u32| {
        let Some((i, input)) = slots.with_untracked(|v| {
            v.iter()
                .position(|s| s.key == key)
                .map(|i| (i, v[i].input.get_untracked()))
        }) else {
            return;
        };
        if slots.with_untracked(Vec::len) >= kemitraan_core::simulate_io::MAX_SCENARIOS {
            return;
        }
        let slot = make(input);
        slots.update(|v| v.insert(i + 1, slot));
    });
    let on_remove = Callback::new(move |key: u32| {
        slots.update(|v| {
            if v.len() > 1 {
                v.retain(|s| s.key != key);
            }
        });
    });

    view! {
        <PageTitle id="Simulasi Pertumbuhan Kontrak" en="Contract Growth Simulator"/>
        <h1>{txt("Simulasi Pertumbuhan Kontrak", "Contract Growth Simulator")}</h1>
        <p class="lead">{txt(
            "Lihat arti jalur pertumbuhan kontrak — misalnya Rp1 miliar, Rp5 miliar, lalu Rp10 miliar — bagi kelas usaha UMKM menurut PP 7/2021.",
            "See what a contract growth path — say Rp1 billion, Rp5 billion, then Rp10 billion — means for an UMKM's size class under PP 7/2021.",
        )}</p>

        <section class="sim-inputs" aria-labelledby="sim-inputs-h">
            <h2 id="sim-inputs-h">{txt("Skenario", "Scenarios")}</h2>
            <p class="muted">{txt(
                "Jumlah dapat ditulis sebagai angka atau dengan satuan: 1M atau 1 miliar, 1,5 miliar, 250 jt, Rp 2.000.000. Hasil diperbarui saat Anda mengetik; tautan halaman ini menyimpan semua isian.",
                "Amounts can be digits or carry a unit: 1.5 billion, 1B, 250 million, 2000000 (Indonesian M means miliar = billion). Results update as you type; this page's link keeps every input.",
            )}</p>
            <div class="scenarios">
                <For each=move || slots.get() key=|s| s.key let:slot>
                    <ScenarioCard sc=slot slots outcomes on_duplicate on_remove/>
                </For>
            </div>
        </section>

        <section class="sim-results" aria-labelledby="sim-results-h">
            <h2 id="sim-results-h">{txt("Hasil", "Results")}</h2>
            <Summaries outcomes/>
            <p class="note">{txt(
                "Catatan: nilai kontrak dipakai sebagai pengganti hasil penjualan. Tidak seluruh nilai kontrak menjadi penjualan UMKM, dan penjualan lain dapat berubah. Batas kelas menurut hasil penjualan tahunan (PP 7/2021 Pasal 35): Mikro ≤ Rp2 miliar, Kecil ≤ Rp15 miliar, Menengah ≤ Rp50 miliar; menurut modal usaha (tanpa tanah dan bangunan): Mikro ≤ Rp1 miliar, Kecil ≤ Rp5 miliar, Menengah ≤ Rp10 miliar. Modal dianggap tetap selama simulasi.",
                "Note: contract value stands in for sales. Not all of a contract's value becomes the UMKM's sales, and its other sales may change. Class limits by annual sales (PP 7/2021 Art. 35): Micro ≤ Rp2 billion, Small ≤ Rp15 billion, Medium ≤ Rp50 billion; by business capital (excluding land and buildings): Micro ≤ Rp1 billion, Small ≤ Rp5 billion, Medium ≤ Rp10 billion. Capital is held constant over the simulation.",
            )}</p>
            <ResultChart outcomes/>
            <ResultTable outcomes/>
        </section>

        <ProgramView/>
    }
}

/// The one-sentence summary of each scenario, the saturation note, and any
/// scenario that cannot be computed.
#[component]
fn Summaries(outcomes: Memo<Vec<Outcome>>) -> impl IntoView {
    let lang = use_lang();
    view! {
        <div class="sim-summary" aria-live="polite">
            {move || {
                let lang = lang.get();
                outcomes.with(|list| {
                    let multi = list.len() > 1;
                    list.iter().map(|o| {
                        let prefix = if multi { format!("{}: ", scenario_name(o.letter, lang)) } else { String::new() };
                        let sentence = o.shown.as_ref().map(|p| summary(p, lang));
                        let error = o.result.as_ref().err().map(|e| {
                            let kept = if o.shown.is_some() {
                                pick(lang, " Yang tampil adalah hasil terakhir yang dapat dihitung.", " Shown is the last result that could be computed.")
                            } else { "" };
                            format!("{prefix}{}{kept}", e.message(lang))
                        });
                        let saturated = o.shown.as_ref().and_then(|p| p.rows.iter().find(|r| r.saturated)).map(|r| {
                            let from = if multi { pick(lang, "mulai", "from") } else { pick(lang, "Mulai", "From") };
                            pick(lang,
                                format!("{prefix}{from} {} angka melampaui batas hitung aplikasi ({}); angka bertanda ≥ berhenti di batas itu dan pertumbuhannya tidak ditampilkan.", r.year, format_words(Rupiah(i64::MAX), lang)),
                                format!("{prefix}{from} {} the figures pass the app's limit of computation ({}); figures marked ≥ stop at that limit and their growth is not shown.", r.year, format_words(Rupiah(i64::MAX), lang)),
                            )
                        });
                        view! {
                            {sentence.map(|s| view! { <p class="summary-line">{prefix.clone()}{s}</p> })}
                            {error.map(|e| view! { <p class="sim-error" role="alert">{e}</p> })}
                            {saturated.map(|s| view! { <p class="sim-warn">{s}</p> })}
                        }
                    }).collect_view()
                })
            }}
        </div>
    }
}

/// The chart of the shown scenarios: annual sales per year over the size
/// classes by sales.
pub(crate) fn chart_spec(list: &[Outcome], lang: Lang) -> ChartSpec {
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

#[component]
fn ResultChart(outcomes: Memo<Vec<Outcome>>) -> impl IntoView {
    let lang = use_lang();
    let spec = Memo::new(move |_| outcomes.with(|list| chart_spec(list, lang.get())));
    let on_csv = move |report: DownloadReport| {
        let csv = outcomes.with_untracked(|list| table_csv(&shown(list), lang.get_untracked()));
        report.report(download_text(
            &csv,
            "text/csv;charset=utf-8",
            &format!("{FILE_STEM}.csv"),
        ));
    };
    let on_svg = move |report: DownloadReport| {
        let svg = spec
            .with_untracked(|s| render_svg(s, f64::from(SVG_SIZE.0), f64::from(SVG_SIZE.1), true));
        report.report(download_text(
            &svg,
            "image/svg+xml;charset=utf-8",
            &format!("{FILE_STEM}.svg"),
        ));
    };
    let on_png = move |report: DownloadReport| {
        let svg = spec
            .with_untracked(|s| render_svg(s, f64::from(SVG_SIZE.0), f64::from(SVG_SIZE.1), true));
        report.report(download_svg_as_png(
            &svg,
            SVG_SIZE,
            2,
            &format!("{FILE_STEM}.png"),
            report,
        ));
    };
    let has_rows = move || outcomes.with(|l| l.iter().any(|o| o.shown.is_some()));
    view! {
        <Show when=has_rows>
            <figure class="sim-chart">
                <Chart spec/>
                <figcaption class="muted">{txt(
                    "Pita berwarna: kelas usaha menurut hasil penjualan tahunan. Tabel di bawah memuat semua angka.",
                    "Shaded bands: size classes by annual sales. The table below has every figure.",
                )}</figcaption>
            </figure>
            <div class="downloads" role="group" aria-label=move || pick(lang.get(), "Unduh", "Download")>
                <DownloadButton label=("Unduh tabel (CSV)", "Download table (CSV)") make=on_csv/>
                <DownloadButton label=("Unduh grafik (SVG)", "Download chart (SVG)") make=on_svg/>
                <DownloadButton label=("Unduh grafik (PNG)", "Download chart (PNG)") make=on_png/>
            </div>
        </Show>
    }
}
