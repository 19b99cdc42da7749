use kemitraan_core::date::format_date;
use kemitraan_core::model::{Events, Summary};
use kemitraan_core::money::format_number;
use leptos::prelude::*;
use leptos_router::components::A;

use crate::api;
use crate::app::PageTitle;
use crate::components::loaded::loaded;
use crate::components::money::Amount;
use crate::i18n::{pick, txt, use_lang};

#[component]
pub fn Home() -> impl IntoView {
    let summary = LocalResource::new(api::summary);
    let events = LocalResource::new(api::events);
    view! {
        <PageTitle id="Beranda" en="Home"/>
        <h1>{txt("Kemitraan Usaha Besar dan UMKM", "Large Business and UMKM Partnerships")}</h1>
        <p class="lead">{txt(
            "Perusahaan PMA dan PMDN menandatangani perjanjian kemitraan dengan usaha mikro, kecil dan menengah agar UMKM naik kelas. Di sini Anda dapat mencari mitra, membaca perjanjian, dan menyimulasikan pertumbuhan kontrak.",
            "Foreign (PMA) and domestic (PMDN) investment companies sign partnership agreements with micro, small and medium enterprises (UMKM) so that they grow a size class. Here you can find partners, read agreements and simulate contract growth.",
        )}</p>
        <section aria-labelledby="figures-h">
            <h2 id="figures-h">{txt("Angka utama", "Headline figures")}</h2>
            {loaded(summary, |s| view! { <Figures summary=s/> }, None)}
        </section>
        <section aria-labelledby="events-h">
            <h2 id="events-h">{txt("Acara penandatanganan", "Signing events")}</h2>
            {loaded(events, |e| view! { <EventList events=e/> }, None)}
        </section>
        <nav class="cards" aria-label=move || pick(use_lang().get(), "Mulai", "Start")>
            <A href="/mitra" attr:class="card-link">{txt("Cari mitra →", "Find a partner →")}</A>
            <A href="/perjanjian" attr:class="card-link">{txt("Lihat perjanjian →", "Browse agreements →")}</A>
            <A href="/simulasi" attr:class="card-link">{txt("Simulasikan pertumbuhan →", "Simulate growth →")}</A>
        </nav>
    }
}

#[component]
fn Figures(summary: Summary) -> impl IntoView {
    let lang = use_lang();
    let t = summary.totals;
    let count = move |n: u64| format_number(i64::try_from(n).unwrap_or(i64::MAX), lang.get());
    view! {
        <dl class="figures">
            <div><dt>{txt("Perusahaan", "Companies")}</dt><dd>{move || count(t.companies)}</dd>
                <dd class="sub">{move || format!("PMA {} · PMDN {}", count(t.pma), count(t.pmdn))}</dd></div>
            <div><dt>"UMKM"</dt><dd>{move || count(t.umkm)}</dd></div>
            <div><dt>{txt("Perjanjian", "Agreements")}</dt><dd>{move || count(t.agreements)}</dd></div>
            <div><dt>{txt("Nilai komitmen", "Committed value")}</dt><dd><Amount value=t.committed/></dd></div>
            <div><dt>{txt("Nilai terealisasi", "Realised value")}</dt><dd><Amount value=t.realised/></dd></div>
        </dl>
    }
}

#[component]
fn EventList(events: Events) -> impl IntoView {
    let lang = use_lang();
    view! {
        <ul class="events">
            {events.items.into_iter().map(|e| {
                let r = e.reported.clone();
                view! {
                    <li class="event">
                        <h3>{e.name.clone()}</h3>
                        <p>
                            <time datetime=e.date.to_string()>{move || format_date(e.date, lang.get())}</time>
                            {move || if e.place.is_virtual { pick(lang.get(), " · pertemuan virtual", " · virtual meeting") } else { "" }}
                        </p>
                        <p>{move || pick(lang.get(), "Dilaporkan: ", "Reported: ")}
                            {move || format!("{} {} (PMA {}, PMDN {}), {} UMKM, ",
                                r.companies, pick(lang.get(), "perusahaan", "companies"), r.pma, r.pmdn, r.umkm)}
                            <Amount value=r.investment/>
                        </p>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}
