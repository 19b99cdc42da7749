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

use kemitraan_core::money::format_words;
use kemitraan_core::simulate::{project, summary};
use kemitraan_core::simulate_io::{
    from_query, scenario_letter, simulator_href, table_csv, to_query, SimInput,
};
use kemitraan_core::Rupiah;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;

use crate::components::chart::{render_svg, Chart};
use crate::components::download::{
    download_svg_as_png, download_text, DownloadButton, DownloadReport,
};
use crate::components::later::Later;
use crate::components::page_title::PageTitle;
use crate::components::sim_chart::{chart_spec, scenario_name, shown, Outcome};
use crate::i18n::{pick, txt, use_lang};
use inputs::ScenarioCard;
use program::ProgramView;
use table::ResultTable;

/// One scenario's inputs, read from and written to the URL: the URL is the
/// simulator's state, and a field that reads a good value writes it there.
#[derive(Clone, Copy)]
pub(crate) struct ScenarioInput {
    /// The scenario's place in the list (`None` once it is removed).
    index: Memo<Option<usize>>,
    /// Every scenario's inputs, from the URL.
    all: Memo<Vec<SimInput>>,
    /// Writes every scenario's inputs to the URL.
    write: Callback<Vec<SimInput>>,
}

impl ScenarioInput {
    fn read<R>(all: &[SimInput], index: Option<usize>, f: impl FnOnce(&SimInput) -> R) -> R {
        match index.and_then(|i| all.get(i)) {
            Some(s) => f(s),
            None => f(&SimInput::default()),
        }
    }

    /// Reads the inputs, tracked.
    pub fn with<R>(&self, f: impl FnOnce(&SimInput) -> R) -> R {
        let index = self.index.get();
        self.all.with(|all| Self::read(all, index, f))
    }

    /// Reads the inputs, untracked.
    pub fn with_untracked<R>(&self, f: impl FnOnce(&SimInput) -> R) -> R {
        let index = self.index.get_untracked();
        self.all.with_untracked(|all| Self::read(all, index, f))
    }

    /// The inputs, untracked.
    pub fn get_untracked(&self) -> SimInput {
        self.with_untracked(SimInput::clone)
    }

    /// Changes the inputs and writes them to the URL.
    pub fn update(&self, f: impl FnOnce(&mut SimInput)) {
        let Some(i) = self.index.get_untracked() else {
            return;
        };
        let mut all = self.all.get_untracked();
        if let Some(s) = all.get_mut(i) {
            f(s);
            self.write.run(all);
        }
    }
}

/// One scenario's place on the page.
#[derive(Clone, Copy)]
pub(crate) struct Slot {
    /// Stable for the life of the scenario (its index changes on removal).
    pub key: u32,
    /// Its inputs.
    pub input: ScenarioInput,
}

const FILE_STEM: &str = "simulasi-kemitraan";
const SVG_SIZE: (u32, u32) = (960, 540);

#[component]
pub fn Simulator() -> impl IntoView {
    let query = use_query_map();
    let navigate = use_navigate();
    // The state is the URL: every scenario's inputs are read from it.
    let inputs =
        Memo::new(move |_| query.with(|q| from_query(q.into_iter().map(|(k, v)| (k.as_ref(), v)))));
    // What the page last wrote, so it can tell its own writes from a URL it
    // did not write (the header's "Simulasi" link, an agreement's link).
    let written = StoredValue::new(inputs.get_untracked());
    // The last address sent, so the address is made canonical once per
    // change (a link may leave out inputs or spell them otherwise).
    let sent = StoredValue::new(String::new());
    let send = {
        let navigate = navigate.clone();
        move |all: &[SimInput]| {
            sent.set_value(to_query(all));
            // Replace, so Back leaves the page.
            navigate(
                &simulator_href(all),
                NavigateOptions {
                    replace: true,
                    scroll: false,
                    ..Default::default()
                },
            );
        }
    };
    let write = {
        let send = send.clone();
        Callback::new(move |all: Vec<SimInput>| {
            written.set_value(all.clone());
            send(&all);
        })
    };
    // The address bar shows every input (so a copied link keeps them all):
    // inputs that came from an address the page did not send (a link that
    // leaves some out) are sent back in full. This only writes the URL,
    // never the page's state. (`inputs` follows the route's URL, which the
    // router updates after the address bar: comparing with the address bar
    // itself would read the two out of step.)
    Effect::new(move |_| {
        let q = inputs.with(|all| to_query(all));
        if sent.with_value(|s| *s != q) {
            send(&inputs.get_untracked());
        }
    });
    // Bumped when the inputs change by a URL the page did not write, so the
    // fields re-read their text; typing never re-renders its own field.
    let generation = Memo::new(move |prev: Option<&u32>| {
        let own = inputs.with(|all| written.with_value(|w| w == all));
        match prev {
            None => 0,
            Some(p) if own => *p,
            Some(p) => p + 1,
        }
    });

    // The cards' keys, stable while scenarios are added and removed; a URL
    // with more scenarios than keys gets new keys after the last.
    let keys = RwSignal::new((0..inputs.with_untracked(Vec::len) as u32).collect::<Vec<u32>>());
    let key_list = Memo::new(move |_| {
        let n = inputs.with(Vec::len);
        keys.with(|k| {
            let mut out: Vec<u32> = k.iter().copied().take(n).collect();
            let mut next = k.iter().copied().max().map_or(0, |m| m + 1);
            while out.len() < n {
                out.push(next);
                next += 1;
            }
            out
        })
    });
    let slot = move |key: u32| Slot {
        key,
        input: ScenarioInput {
            index: Memo::new(move |_| key_list.with(|k| k.iter().position(|x| *x == key))),
            all: inputs,
            write,
        },
    };

    let outcomes = Memo::new(move |prev: Option<&Vec<Outcome>>| {
        key_list.with(|keys| {
            inputs.with(|all| {
                keys.iter()
                    .zip(all)
                    .enumerate()
                    .map(|(i, (key, input))| {
                        let result = project(&input.scenario());
                        let shown = match &result {
                            Ok(p) => Some(p.clone()),
                            Err(_) => prev
                                .and_then(|list| list.iter().find(|o| o.key == *key))
                                .and_then(|o| o.shown.clone()),
                        };
                        Outcome {
                            key: *key,
                            letter: scenario_letter(i),
                            result,
                            shown,
                        }
                    })
                    .collect()
            })
        })
    });

    let on_duplicate = Callback::new(move |key: u32| {
        let mut ks = key_list.get_untracked();
        let mut all = inputs.get_untracked();
        let Some(i) = ks.iter().position(|k| *k == key) else {
            return;
        };
        if all.len() >= kemitraan_core::simulate_io::MAX_SCENARIOS || i >= all.len() {
            return;
        }
        let next = ks.iter().copied().max().map_or(0, |m| m + 1);
        ks.insert(i + 1, next);
        all.insert(i + 1, all[i].clone());
        keys.set(ks);
        write.run(all);
    });
    let on_remove = Callback::new(move |key: u32| {
        let mut ks = key_list.get_untracked();
        let mut all = inputs.get_untracked();
        let Some(i) = ks.iter().position(|k| *k == key) else {
            return;
        };
        if all.len() <= 1 || i >= all.len() {
            return;
        }
        ks.remove(i);
        all.remove(i);
        keys.set(ks);
        write.run(all);
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
                <For each=move || key_list.get() key=|k| *k let:key>
                    <ScenarioCard sc=slot(key) keys=key_list generation outcomes on_duplicate on_remove/>
                </For>
            </div>
        </section>

        // The results and the program view lie below the scenario on a phone:
        // drawn in the next task, they do not add to the first one (the
        // chart and table were most of a 420 ms task at 4x CPU).
        <Later>
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
        </Later>
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
