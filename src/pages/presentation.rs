//! `/presentasi` and `/presentasi/:n`: presentation mode for a shared screen
//! at a virtual meeting. A fixed full-viewport layer over the frame, large
//! type, black on white, laid out for 1280×720 and still usable at 375 px.
//!
//! Slides (`kemitraan_core::presentation::Slide`): the headline figures, the
//! signing event beside what the dataset holds, the top provinces, the pair
//! history of the largest partnership, and the simulator on the President's
//! path. Each has its own URL and title. Keys: ArrowRight, Space, PageDown
//! next; ArrowLeft, PageUp back; Home, End; Escape leaves for `/` (in full
//! screen the browser takes the first Escape to leave full screen). The
//! on-screen buttons do the same; "Layar penuh" asks for full screen (a
//! user gesture, as the Fullscreen API requires).
//!
//! Data is fetched when the mode opens and kept while slides change, so
//! stepping through a meeting never shows a loading line twice; the
//! agreement figures (the event's, the largest pair) are the precomputed
//! `aggregates/figures.json`, kept by the agreement store for the visit.

use std::sync::Arc;

use kemitraan_core::agreement_index::Figures as AgreementFigures;
use kemitraan_core::agreement_query::pair_growth;
use kemitraan_core::client::ApiError;
use kemitraan_core::dashboard::{featured_event, rows, top_by_committed, Dimension};
use kemitraan_core::date::format_date;
use kemitraan_core::model::{AgreementSummary, Events, Summary};
use kemitraan_core::money::{format_short, format_words};
use kemitraan_core::presentation::{
    apply, counter, key_action, parse_slide, slide_path, Action, Slide,
};
use kemitraan_core::simulate::{project, summary as sim_summary};
use kemitraan_core::simulate_io::{simulator_href, SimInput};
use kemitraan_core::{Lang, Rupiah};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_params_map};
use leptos_router::NavigateOptions;
use wasm_bindgen::JsCast;

use crate::agreements::{use_agreement_store, AgreementStore};
use crate::api;
use crate::components::bar_chart::{BarChart, BarRow, BarSpec};
use crate::components::breakdown::{bar_spec, counted_text, growth_text};
use crate::components::chart::Chart;
use crate::components::figures::{EventFigures, Figures};
use crate::components::loaded::{loaded, Fetched};
use crate::components::page_title::PageTitle;
use crate::components::sim_chart::{chart_spec, Outcome};
use crate::i18n::{pick, txt, use_lang};
use crate::state::use_meta;

/// Everything the slides show, fetched once when the mode opens, so a
/// meeting never waits between slides.
#[derive(Clone)]
struct Deck {
    summary: Arc<Summary>,
    events: Arc<Events>,
    figures: Arc<AgreementFigures>,
}

async fn deck(store: AgreementStore) -> Result<Deck, ApiError> {
    let (overview, figures) = futures::future::join(api::overview(), store.figures()).await;
    let (summary, events) = overview?;
    Ok(Deck {
        summary,
        events,
        figures: figures?,
    })
}

fn document() -> Option<web_sys::Document> {
    web_sys::window().and_then(|w| w.document())
}

fn is_fullscreen() -> bool {
    document().is_some_and(|d| d.fullscreen_element().is_some())
}

fn exit_fullscreen() {
    if let Some(d) = document().filter(|d| d.fullscreen_element().is_some()) {
        d.exit_fullscreen();
    }
}

/// Takes the frame (header, notice, footer) out of the tab order and the
/// accessibility tree while the layer covers it, and stops the page behind
/// from scrolling.
fn cover_frame(on: bool) {
    let Some(doc) = document() else { return };
    for selector in [".site-header", ".synthetic-notice", ".site-footer"] {
        if let Ok(Some(el)) = doc.query_selector(selector) {
            let _ = if on {
                el.set_attribute("inert", "")
            } else {
                el.remove_attribute("inert")
            };
        }
    }
    if let Some(body) = doc.body() {
        let _ = if on {
            body.set_attribute("data-presenting", "")
        } else {
            body.remove_attribute("data-presenting")
        };
    }
}

/// Narrow screens get no zoom: the layer is already the whole phone.
fn zoom_for_screen(zoom: f64) -> f64 {
    let wide = web_sys::window()
        .and_then(|w| w.inner_width().ok())
        .and_then(|w| w.as_f64())
        .is_some_and(|w| w >= 700.0);
    if wide {
        zoom
    } else {
        1.0
    }
}

#[component]
pub fn Presentation() -> impl IntoView {
    let lang = use_lang();
    let params = use_params_map();
    let number = Memo::new(move |_| params.with(|p| parse_slide(p.get_str("n"))));
    let total = Slide::ALL.len();
    let fullscreen = RwSignal::new(is_fullscreen());
    // Fetched once while the mode is open: changing slides keeps it.
    let store = use_agreement_store();
    let data: Fetched<Deck> = LocalResource::new(move || deck(store));
    let layer = NodeRef::<leptos::html::Div>::new();

    cover_frame(true);
    on_cleanup(|| {
        cover_frame(false);
        exit_fullscreen();
    });
    // Keys reach the layer wherever focus is; focus starts on the layer.
    Effect::new(move |_| {
        if let Some(el) = layer.get() {
            let _ = el.focus();
        }
    });

    let go = {
        let navigate = use_navigate();
        move |action: Action| {
            let current = number.get_untracked();
            match apply(action, current.unwrap_or(1), total) {
                Some(n) if current != Some(n) => {
                    navigate(&slide_path(n), NavigateOptions::default())
                }
                Some(_) => {}
                None => {
                    exit_fullscreen();
                    // Home is another section (a page load): see sections.rs.
                    crate::sections::go(&navigate, "/");
                }
            }
        }
    };
    let keys = {
        let go = go.clone();
        window_event_listener(leptos::ev::keydown, move |ev| {
            if ev.default_prevented() || ev.ctrl_key() || ev.alt_key() || ev.meta_key() {
                return;
            }
            let key = ev.key();
            let tag = ev
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .map(|e| e.tag_name().to_ascii_lowercase());
            if matches!(tag.as_deref(), Some("input" | "textarea" | "select")) {
                return;
            }
            // Space on a focused button or link activates it instead.
            if key == " " && matches!(tag.as_deref(), Some("button" | "a" | "summary")) {
                return;
            }
            if let Some(action) = key_action(&key) {
                ev.prevent_default();
                go(action);
            }
        })
    };
    let fs_change = window_event_listener_untyped("fullscreenchange", move |_| {
        fullscreen.set(is_fullscreen());
    });
    on_cleanup(move || {
        keys.remove();
        fs_change.remove();
    });

    let toggle_fullscreen = move |_| {
        if is_fullscreen() {
            exit_fullscreen();
        } else if let Some(el) = document().and_then(|d| d.document_element()) {
            if let Err(e) = el.request_fullscreen() {
                web_sys::console::warn_1(&e);
            }
        }
    };
    let prev = {
        let go = go.clone();
        move |_| go(Action::Previous)
    };
    let next = {
        let go = go.clone();
        move |_| go(Action::Next)
    };
    let at_start = move || number.get().is_none_or(|n| n <= 1);
    let at_end = move || number.get().is_none_or(|n| n >= total);

    let meta = use_meta();
    let synthetic = move || {
        meta.and_then(|m| m.get())
            .and_then(|r| r.ok())
            .is_some_and(|m| m.synthetic)
    };

    view! {
        <div class="presenter" node_ref=layer tabindex="-1" role="region"
            aria-roledescription=move || pick(lang.get(), "presentasi", "presentation")
            aria-label=move || pick(lang.get(), "Mode presentasi", "Presentation mode")>
            {move || match number.get().and_then(Slide::at) {
                Some(slide) => view! { <SlideView slide total data/> }.into_any(),
                None => view! { <NoSuchSlide/> }.into_any(),
            }}
            <Show when=synthetic>
                <p class="slide-synthetic">{txt(
                    "Data contoh sintetis: nama dan angka rekaan, kecuali angka yang dilaporkan untuk 18 Januari 2021.",
                    "Synthetic sample data: names and figures are invented, except those reported for 18 January 2021.",
                )}</p>
            </Show>
            <nav class="slide-controls" aria-label=move || pick(lang.get(), "Kontrol presentasi", "Presentation controls")>
                <button type="button" class="button" on:click=prev disabled=at_start>
                    <span aria-hidden="true">"← "</span>{txt("Sebelumnya", "Previous")}
                </button>
                <span class="slide-counter" aria-hidden="true">{move || {
                    number.get().map(|n| counter(n, total, lang.get()).0).unwrap_or_default()
                }}</span>
                <button type="button" class="button" on:click=next disabled=at_end>
                    {txt("Berikutnya", "Next")}<span aria-hidden="true">" →"</span>
                </button>
                <span class="controls-gap"></span>
                <button type="button" class="button secondary" on:click=toggle_fullscreen aria-pressed=move || fullscreen.get().to_string()>
                    {move || if fullscreen.get() { pick(lang.get(), "Keluar layar penuh", "Exit full screen") } else { pick(lang.get(), "Layar penuh", "Full screen") }}
                </button>
                <A href="/" attr:class="button secondary">{txt("Keluar (Esc)", "Leave (Esc)")}</A>
            </nav>
        </div>
    }
}

#[component]
fn NoSuchSlide() -> impl IntoView {
    view! {
        <PageTitle id="Salindia tidak ada" en="No such slide"/>
        <header class="slide-head">
            <h1>{txt("Salindia tidak ada", "No such slide")}</h1>
        </header>
        <div class="slide-body">
            <p class="slide-lead">{txt("Presentasi ini punya salindia 1 sampai 5.", "This presentation has slides 1 to 5.")}</p>
            <p><A href="/presentasi/1" attr:class="button">{txt("Ke salindia 1", "Go to slide 1")}</A></p>
        </div>
    }
}

#[component]
fn SlideView(slide: Slide, total: usize, data: Fetched<Deck>) -> impl IntoView {
    let lang = use_lang();
    let n = slide.number();
    view! {
        <PageTitle id=slide.title(Lang::Id) en=slide.title(Lang::En)/>
        <header class="slide-head">
            <p class="slide-kicker">"Kemitraan · " {move || counter(n, total, lang.get()).1}</p>
            <h1>{move || slide.title(lang.get())}</h1>
        </header>
        <p class="visually-hidden" aria-live="polite">{move || format!("{}: {}", counter(n, total, lang.get()).1, slide.title(lang.get()))}</p>
        <div class="slide-body" data-slide=n>
            {loaded(data, move |d| slide_body(slide, d), None)}
        </div>
    }
}

fn slide_body(slide: Slide, d: Deck) -> AnyView {
    match slide {
        Slide::Headline => view! { <HeadlineSlide summary=d.summary/> }.into_any(),
        Slide::Event => match featured_event(&d.events).cloned() {
            Some(event) => {
                let held = d.figures.event(&event.id).holdings();
                view! { <EventFigures event held/> }.into_any()
            }
            None => view! { <p class="slide-lead">{txt("Dataset ini tidak memuat acara penandatanganan.", "This dataset holds no signing event.")}</p> }.into_any(),
        },
        Slide::Provinces => view! { <TopProvinces summary=d.summary/> }.into_any(),
        Slide::Pair => view! { <PairHistory pair=d.figures.largest_pair.clone()/> }.into_any(),
        Slide::President => view! { <PresidentSlide/> }.into_any(),
    }
}

#[component]
fn HeadlineSlide(summary: Arc<Summary>) -> impl IntoView {
    let lang = use_lang();
    let meta = use_meta();
    let dataset = move || {
        meta.and_then(|m| m.get()).and_then(|r| r.ok()).map(|m| {
            format!(
                "{} · {} {}",
                m.name,
                pick(lang.get(), "per", "as of"),
                format_date(m.as_of, lang.get())
            )
        })
    };
    view! {
        <Figures summary=(*summary).clone()/>
        <p class="slide-lead">{txt(
            "Perusahaan PMA dan PMDN bermitra dengan UMKM agar UMKM naik kelas: mikro ke kecil, kecil ke menengah, menengah ke besar.",
            "PMA and PMDN companies partner with UMKM so that UMKM grow a class: micro to small, small to medium, medium to large.",
        )}</p>
        <p class="muted">{dataset}</p>
    }
}

const TOP_PROVINCES: usize = 10;

#[component]
fn TopProvinces(summary: Arc<Summary>) -> impl IntoView {
    let lang = use_lang();
    let spec = Memo::new(move |_| {
        let l = lang.get();
        let all = rows(Dimension::Province, &summary, l);
        let top = top_by_committed(&all, TOP_PROVINCES);
        let mut spec = bar_spec("slide-provinces", Dimension::Province, &top, l);
        spec.title = format!(
            "{} ({} {TOP_PROVINCES})",
            Dimension::Province.title(l),
            pick(l, "teratas", "top")
        );
        spec
    });
    view! {
        <BarChart spec zoom=zoom_for_screen(1.3)/>
        <p class="muted">{txt(
            "Sepuluh provinsi tempat UMKM mitra berkedudukan, menurut nilai komitmen. Semua 38 provinsi ada di beranda.",
            "The ten provinces where the partner UMKM are based, by committed value. All 38 are on the home page.",
        )}</p>
    }
}

#[component]
fn PairHistory(pair: Vec<AgreementSummary>) -> impl IntoView {
    let lang = use_lang();
    let growth = pair_growth(&pair);
    let history: Arc<Vec<(AgreementSummary, Option<i64>)>> =
        Arc::new(pair.into_iter().zip(growth).collect());
    let Some((first, _)) = history.first().cloned() else {
        return view! { <p class="slide-lead">{txt("Belum ada perjanjian.", "No agreements yet.")}</p> }.into_any();
    };
    let total = Rupiah::checked_sum(history.iter().map(|(a, _)| a.value));
    let count = history.len() as u64;
    let company = first.company.clone();
    let umkm = first.umkm.clone();
    let h = history.clone();
    let spec = Memo::new(move |_| {
        let l = lang.get();
        let rows = h
            .iter()
            .map(|(a, g)| {
                let label = format!("{} · {}", format_date(a.date_signed, l), a.pattern.label(l));
                let growth = g.map(|bp| growth_text(Some(bp), l));
                BarRow {
                    spoken: match g {
                        Some(_) => format!(
                            "{}, {} {}",
                            format_words(a.value, l),
                            pick(
                                l,
                                "pertumbuhan dari perjanjian sebelumnya",
                                "growth on the agreement before"
                            ),
                            growth.clone().unwrap_or_default()
                        ),
                        None => format_words(a.value, l),
                    },
                    label,
                    magnitude: a.value.0,
                    value_text: format_short(a.value, l),
                    note: growth.unwrap_or_default(),
                    href: Some(format!("/perjanjian/{}", a.id)),
                }
            })
            .collect();
        BarSpec {
            id: "slide-pair".into(),
            title: pick(
                l,
                "Nilai tiap perjanjian pasangan ini",
                "The value of each agreement of this pair",
            )
            .into(),
            desc: pick(
                l,
                "Perjanjian terlama di atas. Klik batang untuk membuka perjanjiannya.",
                "Oldest agreement first. Click a bar to open the agreement.",
            )
            .into(),
            rows,
        }
    });
    view! {
        <p class="slide-lead pair-names">
            <A href=format!("/mitra/{}", company.id)>{company.name.clone()}</A>
            {format!(" ({}) × ", company.kind.label())}
            <A href=format!("/mitra/{}", umkm.id)>{umkm.name.clone()}</A>
            " (UMKM)"
        </p>
        <BarChart spec zoom=zoom_for_screen(1.6)/>
        <p class="muted">{move || {
            let l = lang.get();
            let sum = total.map(|t| format_words(t, l)).unwrap_or_default();
            match l {
                Lang::Id => format!("Persen: pertumbuhan nilai dari perjanjian sebelumnya. Kemitraan dengan nilai komitmen terbesar dalam dataset: {} bernilai {sum}.", counted_text(kemitraan_core::dashboard::Counted::Agreements, count, l)),
                Lang::En => format!("Percentages: growth in value on the agreement before. The partnership with the largest committed value in the dataset: {} worth {sum}.", counted_text(kemitraan_core::dashboard::Counted::Agreements, count, l)),
            }
        }}</p>
    }
    .into_any()
}

#[component]
fn PresidentSlide() -> impl IntoView {
    let lang = use_lang();
    let input = SimInput::president();
    let result = project(&input.scenario());
    let sentence = result.clone().ok();
    let outcome = Outcome {
        key: 0,
        letter: 'A',
        shown: result.clone().ok(),
        result,
    };
    let outcomes = vec![outcome];
    let spec = Signal::derive(move || chart_spec(&outcomes, lang.get()));
    let href = simulator_href(&[input]);
    view! {
        <blockquote class="slide-quote" lang="id">
            "“… tahun ini mungkin Rp1M tahun depan bisa Rp5M, tahun depan Rp10M itu yang kita inginkan …”"
            <footer>"— Presiden Joko Widodo, 18 Januari 2021"</footer>
        </blockquote>
        <div class="slide-chart">
            <Chart spec zoom=zoom_for_screen(1.35) fill_height=true/>
        </div>
        <p class="slide-lead">{move || sentence.as_ref().map(|p| sim_summary(p, lang.get()))}</p>
        <p class="muted">
            {txt(
                "Nilai kontrak dipakai sebagai pengganti penjualan tahunan. ",
                "Contract value stands in for annual sales. ",
            )}
            <A href=href>{txt("Buka di simulator →", "Open in the simulator →")}</A>
        </p>
    }
}
