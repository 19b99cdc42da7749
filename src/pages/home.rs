//! `/`: the program's story at a glance. Headline figures from
//! `summary.json`, the featured signing event beside what the dataset holds
//! for it, and one chart per breakdown (province, sector, pattern, year,
//! size class), each with a table, a CSV and bars that open the list they
//! count. What is drawn and where a bar leads is decided by
//! `kemitraan_core::dashboard`.

use std::sync::Arc;

use kemitraan_core::dashboard::{chart_csv, csv_file_name, featured_event, rows, Dimension};
use kemitraan_core::date::format_date;
use kemitraan_core::model::{Event, Events, Summary};
use kemitraan_core::url::with_query;
use leptos::prelude::*;
use leptos_router::components::A;

use crate::agreements::use_agreement_store;
use crate::api;
use crate::components::bar_chart::BarChart;
use crate::components::breakdown::{bar_spec, opens_text, year_chart, BreakdownTable};
use crate::components::chart::Chart;
use crate::components::download::{download_text, DownloadButton, DownloadReport};
use crate::components::figures::{event_card, CompareTable, Figures};
use crate::components::fold::Fold;
use crate::components::later::one_per_task;
use crate::components::loaded::loaded;
use crate::components::page_title::PageTitle;
use crate::i18n::{pick, txt, use_lang};

#[component]
pub fn Home() -> impl IntoView {
    let store = use_agreement_store();
    // figures.json with the overview, so the event card's table is there
    // when the dashboard is drawn: arriving later, it pushed the charts down
    // (CLS 0.03 at 1350 px). Its failure stays the card's own, with Retry.
    let data = LocalResource::new(move || async move {
        let (overview, _) = futures::future::join(api::overview(), store.figures()).await;
        overview
    });
    let lang = use_lang();
    view! {
        <PageTitle id="Beranda" en="Home"/>
        <div class="home-head">
            <div>
                <h1>{txt("Kemitraan Usaha Besar dan UMKM", "Large Business and UMKM Partnerships")}</h1>
                <p class="lead">{txt(
                    "Perusahaan PMA dan PMDN menandatangani perjanjian kemitraan dengan usaha mikro, kecil dan menengah agar UMKM naik kelas. Di sini Anda dapat mencari mitra, membaca perjanjian, dan menyimulasikan pertumbuhan kontrak.",
                    "Foreign (PMA) and domestic (PMDN) investment companies sign partnership agreements with micro, small and medium enterprises (UMKM) so that they grow a size class. Here you can find partners, read agreements and simulate contract growth.",
                )}</p>
            </div>
            <A href="/presentasi" attr:class="button present-link">
                <span aria-hidden="true">"▶"</span>{txt("Mode presentasi", "Presentation mode")}
            </A>
        </div>
        // The ways in come before the dashboard: they are there at once, and
        // the dashboard, which grows as its data arrives, pushes nothing.
        <nav class="cards" aria-label=move || pick(lang.get(), "Mulai", "Start")>
            <A href="/mitra" attr:class="card-link">{txt("Cari mitra →", "Find a partner →")}</A>
            <A href="/perjanjian" attr:class="card-link">{txt("Lihat perjanjian →", "Browse agreements →")}</A>
            <A href="/simulasi" attr:class="card-link">{txt("Simulasikan pertumbuhan →", "Simulate growth →")}</A>
        </nav>
        {loaded(data, |(summary, events)| view! { <Dashboard summary events/> }, None)}
    }
}

#[component]
fn Dashboard(summary: Arc<Summary>, events: Arc<Events>) -> impl IntoView {
    view! {
        <section aria-labelledby="figures-h">
            <h2 id="figures-h">{txt("Angka utama", "Headline figures")}</h2>
            <Figures summary=(*summary).clone()/>
        </section>
        <section aria-labelledby="event-h">
            <h2 id="event-h">{txt("Acara penandatanganan", "Signing event")}</h2>
            <Featured events/>
        </section>
        <section aria-labelledby="charts-h">
            <h2 id="charts-h">{txt("Sebaran kemitraan", "Where the partnerships are")}</h2>
            <p class="muted">{txt(
                "Provinsi, sektor dan kelas adalah milik UMKM, tempat manfaatnya diterima. Setiap grafik punya tabel dan berkas CSV; setiap batang membuka daftar yang dihitungnya.",
                "Province, sector and class are the UMKM's, where the benefit lands. Every chart has a table and a CSV file; every bar opens the list it counts.",
            )}</p>
            <Charts summary/>
        </section>
    }
}

/// The featured event (the earliest: the launch of 18 January 2021), and
/// any others as a list.
#[component]
fn Featured(events: Arc<Events>) -> impl IntoView {
    let lang = use_lang();
    let Some(featured) = featured_event(&events).cloned() else {
        return view! { <p class="muted">{txt("Dataset ini tidak memuat acara penandatanganan.", "This dataset holds no signing event.")}</p> }.into_any();
    };
    let others: Vec<Event> = events
        .items
        .iter()
        .filter(|e| e.id != featured.id)
        .cloned()
        .collect();
    view! {
        <EventCompare event=featured/>
        {(!others.is_empty()).then(|| view! {
            <h3>{txt("Acara lain", "Other events")}</h3>
            <ul class="events">
                {others.into_iter().map(|e| {
                    let href = with_query("/perjanjian", &[("acara", e.id.as_str())]);
                    view! {
                        <li class="event">
                            <A href=href>{e.name.clone()}</A>
                            " · "<time datetime=e.date.to_string()>{move || format_date(e.date, lang.get())}</time>
                        </li>
                    }
                }).collect_view()}
            </ul>
        })}
    }
    .into_any()
}

/// The event's reported figures beside what the dataset holds, read from
/// the precomputed `aggregates/figures.json` (no agreement list).
#[component]
pub fn EventCompare(event: Event) -> impl IntoView {
    let store = use_agreement_store();
    let figures = LocalResource::new(move || store.figures());
    let event = Arc::new(event);
    let ev = event.clone();
    event_card(
        &event,
        loaded(
            figures,
            move |f| view! { <CompareTable event=ev.clone() held=f.event(&ev.id).holdings()/> },
            None,
        )
        .into_any(),
    )
}

/// One card per breakdown, drawn one per task: on a phone's CPU the five
/// cards (SVG, table) take about half a second together, and as one task
/// they would block a tap for that long. Cards are added at the end of the
/// grid, below what is drawn, so nothing on screen moves.
#[component]
fn Charts(summary: Arc<Summary>) -> impl IntoView {
    let shown = one_per_task(Dimension::ALL.len());
    view! {
        <div class="chart-grid">
            {Dimension::ALL.into_iter().enumerate().map(|(i, dim)| {
                let summary = summary.clone();
                view! {
                    <Show when=move || { shown.get() > i }>
                        <ChartCard dim summary=summary.clone()/>
                    </Show>
                }
            }).collect_view()}
        </div>
    }
}

#[component]
fn ChartCard(dim: Dimension, summary: Arc<Summary>) -> impl IntoView {
    let lang = use_lang();
    let id = format!("chart-{}", dim.key());
    let heading_id = format!("{id}-h");
    let rows = Memo::new(move |_| rows(dim, &summary, lang.get()));
    let on_csv = move |report: DownloadReport| {
        let csv = rows.with_untracked(|r| chart_csv(dim, r, lang.get_untracked()));
        report.report(download_text(
            &csv,
            "text/csv;charset=utf-8",
            &csv_file_name(dim),
        ));
    };
    let chart = {
        let id = id.clone();
        if dim == Dimension::Year {
            let both = Memo::new(move |_| rows.with(|r| year_chart(&id, r, lang.get())));
            let spec = Signal::derive(move || both.with(|b| b.0.clone()));
            let extras = Signal::derive(move || both.with(|b| b.1.clone()));
            view! { <Chart spec extras/> }.into_any()
        } else {
            let spec = Memo::new(move |_| rows.with(|r| bar_spec(&id, dim, r, lang.get())));
            view! { <BarChart spec/> }.into_any()
        }
    };
    let wide = dim == Dimension::Province;
    let labelled_by = heading_id.clone();
    view! {
        <section class="chart-card" class:wide=wide id=id.clone() aria-labelledby=labelled_by>
            <h3 id=heading_id>{move || dim.title(lang.get())}</h3>
            <p class="muted chart-hint">{move || opens_text(dim, lang.get())}</p>
            <div class="chart-body">{chart}</div>
            <div class="chart-actions">
                // Drawn when first opened: the five cards' tables were a
                // third of their first render on a phone's CPU.
                <Fold class="chart-table" summary=move || txt("Tabel data", "Data table")>
                    <BreakdownTable dim rows/>
                </Fold>
                <DownloadButton label=("Unduh CSV", "Download CSV") make=on_csv class="small csv"/>
            </div>
        </section>
    }
}
