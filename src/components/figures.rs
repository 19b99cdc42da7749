//! The program's headline figures and a signing event's reported figures
//! beside what the dataset holds: shown on the home page and in the
//! presentation, so they live here rather than in either page.

use std::sync::Arc;

use kemitraan_core::dashboard::{compare_event, Compared, EventHoldings};
use kemitraan_core::date::format_date;
use kemitraan_core::model::{Event, Summary};
use kemitraan_core::money::{
    format_full, format_number, format_percent_bp, format_words, percent_of,
};
use kemitraan_core::url::with_query;
use kemitraan_core::{Lang, Rupiah};
use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::breakdown::counted_text;
use crate::components::money::Amount;
use crate::i18n::{pick, txt, use_lang};

/// A count grouped the language's way.
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

/// An event's card with its figures already loaded (the presentation; the
/// home page's `EventCompare` loads `aggregates/figures.json` first).
#[component]
pub fn EventFigures(event: Event, held: EventHoldings) -> impl IntoView {
    let event = Arc::new(event);
    let table = view! { <CompareTable event=event.clone() held/> }.into_any();
    event_card(&event, table)
}

/// The event's name, date and place, `body`, and where the reported
/// figures come from.
pub fn event_card(event: &Event, body: AnyView) -> impl IntoView {
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

/// A difference: "+3", "−Rp2 miliar", or "sama" / "same".
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

/// A figure as a number or, for money, in words.
fn figure_text(c: &Compared, v: i64, lang: Lang) -> String {
    if c.figure.is_money() {
        format_words(Rupiah(v), lang)
    } else {
        format_number(v, lang)
    }
}

/// The event's reported figures beside what the dataset holds, with the
/// differences and a link to the event's agreements.
#[component]
pub fn CompareTable(event: Arc<Event>, held: EventHoldings) -> impl IntoView {
    let lang = use_lang();
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
                    Lang::Id => format!("{} dari acara ini", counted_text(kemitraan_core::dashboard::Counted::Agreements, count, Lang::Id)),
                    Lang::En => format!("{} of this event", counted_text(kemitraan_core::dashboard::Counted::Agreements, count, Lang::En)),
                }
            )}</A>
        </p>
    }
}
