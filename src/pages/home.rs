//! `/`: the program's story at a glance. Headline figures from
//! `summary.json`, the featured signing event beside what the dataset holds
//! for it, and one chart per breakdown (province, sector, pattern, year,
//! size class), each with a table, a CSV and bars that open the list they
//! count. What is drawn and where a bar leads is decided by
//! `kemitraan_core::dashboard`.

use std::sync::Arc;

use kemitraan_core::dashboard::{
    chart_csv, compare_event, csv_file_name, event_holdings, featured_event, rows, Compared,
    Dimension,
};
use kemitraan_core::date::format_date;
use kemitraan_core::model::{AgreementSummary, Event, Events, Summary};
use kemitraan_core::money::{
    format_full, format_number, format_percent_bp, format_words, percent_of,
};
use kemitraan_core::url::with_query;
use kemitraan_core::{Lang, Rupiah};
use leptos::prelude::*;
use leptos_router::components::A;

use crate::api;
use crate::app::PageTitle;
use crate::components::bar_chart::BarChart;
use crate::components::breakdown::{bar_spec, count_text, opens_text, year_chart, BreakdownTable};
use crate::components::chart::Chart;
use crate::components::download::download_text;
use crate::components::loaded::loaded;
use crate::components::money::Amount;
use crate::i18n::{pick, txt, use_lang};

/// `summary.json` and `events.json`, fetched together: one loading line for
/// the figures, the event and the charts.
pub async fn overview() -> Result<(Arc<Summary>, Arc<Events>), kemitraan_core::client::ApiError> {
    let (summary, events) = futures::future::join(api::summary(), api::events()).await;
    Ok((Arc::new(summary?), Arc::new(events?)))
}

#[component]
pub fn Home() -> impl IntoView {
    let data = LocalResource::new(overview);
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

fn n(v: u64, lang: Lang) -> String {
    format_number(i64::try_from(v).unwrap_or(i64::MAX), lang)
}

/// The headline figures, exactly as `summary.json` totals them.
#[component]
pub fn Figures(summary: Summary) -> impl IntoView {
    let lang = use_lang();
    let t = summary.totals;
    let share = percent_of(t.realised, t.committed);
    view! {
        <dl class="figures">
            <div data-figure="companies"><dt>{txt("Perusahaan PMA/PMDN", "PMA/PMDN companies")}</dt>
                <dd class="figure">{move || n(t.companies, lang.get())}</dd>
                <dd class="sub">
                    "PMA " <span data-figure="pma">{move || n(t.pma, lang.get())}</span>
                    " · PMDN " <span data-figure="pmdn">{move || n(t.pmdn, lang.get())}</span>
                </dd></div>
            <div data-figure="umkm"><dt>"UMKM"</dt><dd class="figure">{move || n(t.umkm, lang.get())}</dd></div>
            <div data-figure="agreements"><dt>{txt("Perjanjian", "Agreements")}</dt><dd class="figure">{move || n(t.agreements, lang.get())}</dd></div>
            <div data-figure="committed"><dt>{txt("Nilai komitmen", "Committed value")}</dt>
                <dd class="figure" data-rupiah=t.committed.0.to_string()><Amount value=t.committed/></dd></div>
            <div data-figure="realised"><dt>{txt("Nilai terealisasi", "Realised value")}</dt>
                <dd class="figure" data-rupiah=t.realised.0.to_string()><Amount value=t.realised/></dd>
                {share.map(|bp| view! {
                    <dd class="sub">{move || format!("{} {}", format_percent_bp(bp, lang.get()), pick(lang.get(), "dari komitmen", "of committed"))}</dd>
                })}
            </div>
        </dl>
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

/// The event's reported figures beside what the dataset holds, loading
/// every agreement to count the event's own.
#[component]
pub fn EventCompare(event: Event) -> impl IntoView {
    let agreements = LocalResource::new(|| api::all_agreements(|_, _| {}));
    let event = Arc::new(event);
    let ev = event.clone();
    event_card(
        &event,
        loaded(
            agreements,
            move |list| view! { <CompareTable event=ev.clone() agreements=Arc::new(list)/> },
            None,
        )
        .into_any(),
    )
}

/// [`EventCompare`] with the agreements already loaded (presentation mode).
#[component]
pub fn EventFigures(event: Event, agreements: Arc<Vec<AgreementSummary>>) -> impl IntoView {
    let event = Arc::new(event);
    let table = view! { <CompareTable event=event.clone() agreements/> }.into_any();
    event_card(&event, table)
}

/// The event's name, date and place, `body`, and where the reported
/// figures come from.
fn event_card(event: &Event, body: AnyView) -> impl IntoView {
    let lang = use_lang();
    let source = event.source.clone();
    let date = event.date;
    let is_virtual = event.place.is_virtual;
    let location = event.place.location.clone();
    view! {
        <div class="event-card">
            <h3 class="event-name">{event.name.clone()}</h3>
            <p class="muted">
                <time datetime=date.to_string()>{move || format_date(date, lang.get())}</time>
                {move || match (&location, is_virtual) {
                    (_, true) => pick(lang.get(), " · pertemuan virtual", " · virtual meeting").to_string(),
                    (Some(l), false) => format!(" · {l}"),
                    (None, false) => String::new(),
                }}
            </p>
            {body}
            <p class="source muted">
                {txt("Angka yang dilaporkan: ", "Reported figures: ")}
                {match source.url.clone() {
                    Some(url) => view! { <a href=url rel="external">{source.title.clone()}</a> }.into_any(),
                    None => view! { <cite>{source.title.clone()}</cite> }.into_any(),
                }}
                {format!(" ({})", source.reference)}
            </p>
        </div>
    }
}

fn signed(v: i64, lang: Lang, money: bool) -> String {
    if v == 0 {
        return pick(lang, "sama", "same").to_string();
    }
    let sign = if v > 0 { "+" } else { "−" };
    let abs = v.checked_abs().unwrap_or(i64::MAX);
    if money {
        format!("{sign}{}", format_words(Rupiah(abs), lang))
    } else {
        format!("{sign}{}", format_number(abs, lang))
    }
}

fn figure_text(c: &Compared, v: i64, lang: Lang) -> String {
    if c.figure.is_money() {
        format_words(Rupiah(v), lang)
    } else {
        format_number(v, lang)
    }
}

#[component]
fn CompareTable(event: Arc<Event>, agreements: Arc<Vec<AgreementSummary>>) -> impl IntoView {
    let lang = use_lang();
    let held = event_holdings(&event.id, &agreements);
    let compared = compare_event(&event, &held);
    let href = with_query("/perjanjian", &[("acara", event.id.as_str())]);
    let count = held.agreements;
    view! {
        <div class="table-wrap cards-on-phone" tabindex="0" role="region"
            aria-label=move || pick(lang.get(), "Tabel: dilaporkan dan dalam dataset", "Table: reported and in the dataset")>
            <table class="compare-table">
                <thead><tr>
                    <th scope="col">{txt("Angka", "Figure")}</th>
                    <th scope="col" class="num">{txt("Dilaporkan", "Reported")}</th>
                    <th scope="col" class="num">{txt("Dalam dataset", "In the dataset")}</th>
                    <th scope="col" class="num">{txt("Selisih", "Difference")}</th>
                </tr></thead>
                <tbody>
                    {compared.into_iter().map(|c| {
                        let key = format!("{:?}", c.figure).to_lowercase();
                        view! {
                            <tr data-figure=key>
                                <th scope="row">{move || c.figure.label(lang.get())}</th>
                                <td class="num reported" data-label=move || pick(lang.get(), "Dilaporkan", "Reported") title=move || c.reported.filter(|_| c.figure.is_money()).map(|v| format_full(Rupiah(v), lang.get()))>
                                    {move || c.reported.map(|v| figure_text(&c, v, lang.get())).unwrap_or_else(|| pick(lang.get(), "tidak disebut", "not given").to_string())}
                                </td>
                                <td class="num held" data-label=move || pick(lang.get(), "Dalam dataset", "In the dataset") title=move || c.figure.is_money().then(|| format_full(Rupiah(c.held), lang.get()))>
                                    {move || figure_text(&c, c.held, lang.get())}
                                </td>
                                <td class="num diff" data-label=move || pick(lang.get(), "Selisih", "Difference")>{move || c.difference().map(|d| signed(d, lang.get(), c.figure.is_money())).unwrap_or_else(|| "–".to_string())}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
        {held.saturated.then(|| view! {
            <p class="sim-warn">{txt("Jumlah nilai melampaui batas hitung aplikasi dan berhenti di batas itu.", "The sum passes the app's limit of computation and stops there.")}</p>
        })}
        <p>
            <A href=href attr:class="event-link">{move || format!(
                "{} {} →",
                pick(lang.get(), "Lihat", "See the"),
                match lang.get() {
                    Lang::Id => format!("{} dari acara ini", count_text(kemitraan_core::dashboard::Counted::Agreements, count, Lang::Id)),
                    Lang::En => format!("{} of this event", count_text(kemitraan_core::dashboard::Counted::Agreements, count, Lang::En)),
                }
            )}</A>
        </p>
    }
}

/// One card per breakdown.
#[component]
fn Charts(summary: Arc<Summary>) -> impl IntoView {
    view! {
        <div class="chart-grid">
            {Dimension::ALL.into_iter().map(|dim| view! { <ChartCard dim summary=summary.clone()/> }).collect_view()}
        </div>
    }
}

#[component]
fn ChartCard(dim: Dimension, summary: Arc<Summary>) -> impl IntoView {
    let lang = use_lang();
    let id = format!("chart-{}", dim.key());
    let heading_id = format!("{id}-h");
    let rows = Memo::new(move |_| rows(dim, &summary, lang.get()));
    let failed = RwSignal::new(false);
    let on_csv = move |_| {
        let csv = rows.with_untracked(|r| chart_csv(dim, r, lang.get_untracked()));
        let result = download_text(&csv, "text/csv;charset=utf-8", &csv_file_name(dim));
        failed.set(result.is_err());
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
                <details class="chart-table">
                    <summary>{txt("Tabel data", "Data table")}</summary>
                    <BreakdownTable dim rows/>
                </details>
                <button type="button" class="button secondary small csv" on:click=on_csv>
                    {txt("Unduh CSV", "Download CSV")}
                </button>
            </div>
            <Show when=move || failed.get()>
                <p class="sim-error" role="alert">{txt("Berkas tidak dapat dibuat di peramban ini.", "The file could not be made in this browser.")}</p>
            </Show>
        </section>
    }
}
