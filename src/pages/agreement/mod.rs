//! `/perjanjian/:id`: the whole story of one agreement — parties and roles,
//! pattern, dates on a timeline, commitment against realisation, the source,
//! and the pair's history across the years.

mod history;
mod realisation;
mod timeline;

use kemitraan_core::date::format_date;
use kemitraan_core::model::{AgreementDetail, Events};
use kemitraan_core::money::{format_percent_bp, percent_of};
use kemitraan_core::ocds::{package, release, PartyInfo};
use kemitraan_core::simulate_io::agreement_simulation_href;

use crate::components::download::{download_text, DownloadButton, DownloadReport};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use crate::api;
use crate::clock::today;
use crate::components::loaded::loaded;
use crate::components::money::Amount;
use crate::components::status::StatusBadge;
use crate::i18n::{pick, txt, use_lang};

#[component]
pub fn AgreementPage() -> impl IntoView {
    let params = use_params_map();
    let id = move || params.read().get("id").unwrap_or_default();
    let detail = LocalResource::new(move || api::agreement(id()));
    let not_found = ViewFn::from(|| view! { <AgreementNotFound/> });
    view! { {loaded(detail, |d| view! { <AgreementView detail=d/> }, Some(not_found))} }
}

#[component]
fn AgreementNotFound() -> impl IntoView {
    view! {
        <crate::components::page_title::PageTitle id="Perjanjian tidak ditemukan" en="Agreement not found"/>
        <h1>{txt("Perjanjian tidak ditemukan", "Agreement not found")}</h1>
        <p>{txt("Tidak ada perjanjian dengan kode ini di dataset.", "There is no agreement with this code in the dataset.")}</p>
        <p><A href="/perjanjian">{txt("Lihat semua perjanjian", "See all agreements")}</A></p>
    }
}

#[component]
fn AgreementView(detail: AgreementDetail) -> impl IntoView {
    let lang = use_lang();
    let today = today();
    let a = detail.agreement.clone();
    let (company_role, umkm_role) = (a.company.role, a.umkm.role);
    let realised = a.realised();
    let title = format!("{} – {}", detail.company.name, detail.umkm.name);
    let events = LocalResource::new(api::events);
    let event_name = {
        let event_id = a.event_id.clone();
        move || {
            let id = event_id.clone()?;
            let name = events
                .get()
                .and_then(|r| r.ok())
                .and_then(|e: Events| e.items.into_iter().find(|e| e.id == id).map(|e| e.name));
            Some(name.unwrap_or(id))
        }
    };
    let simulate_href = agreement_simulation_href(a.value, chrono::Datelike::year(&a.date_signed));
    let pct = realised.and_then(|r| percent_of(r, a.value));
    let export = {
        let detail = detail.clone();
        move |report| export_ocds(detail.clone(), today, report)
    };
    view! {
        <Title text=title.clone()/>
        <p class="kicker">{move || pick(lang.get(), "Perjanjian ", "Agreement ")}{a.id.clone()}</p>
        <h1>{title}</h1>
        <div class="actions">
            <A href=simulate_href attr:class="button">
                {txt("Simulasikan pertumbuhan kontrak ini", "Simulate this contract's growth")}
            </A>
            <DownloadButton label=("Unduh JSON (OCDS)", "Download JSON (OCDS)") make=export/>
        </div>
        <dl class="facts">
            <dt>{move || company_role.label(lang.get())}</dt>
            <dd><A href=format!("/mitra/{}", detail.company.id)>{detail.company.name.clone()}</A>
                " " <span class="tag">{detail.company.kind.label()}</span></dd>
            <dt>{move || umkm_role.label(lang.get())}</dt>
            <dd><A href=format!("/mitra/{}", detail.umkm.id)>{detail.umkm.name.clone()}</A>
                " " <span class="tag">"UMKM"</span></dd>
            <dt>{txt("Pola kemitraan", "Partnership pattern")}</dt>
            <dd>{move || a.pattern.label(lang.get())}
                {a.pattern_other.clone().map(|o| format!(" ({o})"))}
                <br/><span class="muted">{move || a.pattern.explain(lang.get())}</span></dd>
            <dt>{txt("Ditandatangani", "Signed")}</dt>
            <dd>{move || format_date(a.date_signed, lang.get())}
                {move || event_name().map(|n| view! { <br/><span class="muted">{n}</span> })}</dd>
            <dt>{txt("Status", "Status")}</dt>
            <dd><StatusBadge status=a.status(today)/></dd>
            <dt>{txt("Nilai komitmen", "Committed value")}</dt>
            <dd><Amount value=a.value/></dd>
            <dt>{txt("Terealisasi", "Realised")}</dt>
            <dd>{match realised {
                Some(r) => view! { <Amount value=r/> }.into_any(),
                None => view! { <span>{txt("tidak dapat dihitung", "cannot be computed")}</span> }.into_any(),
            }}
            {move || pct.map(|bp| format!(" ({})", format_percent_bp(bp, lang.get())))}</dd>
            <dt>{txt("Dokumen sumber", "Source document")}</dt>
            <dd>{a.source.title.clone()} " — " <span class="ident">{a.source.reference.clone()}</span>
                {a.source.url.clone().map(|u| view! { " " <a href=u rel="noopener noreferrer">{txt("tautan", "link")}</a> })}</dd>
        </dl>
        <h2>{txt("Linimasa", "Timeline")}</h2>
        <timeline::Timeline signed=a.date_signed period=a.period today/>
        <h2>{txt("Realisasi terhadap komitmen", "Realisation against the commitment")}</h2>
        <realisation::Realisation transactions=a.transactions.clone() commitment=a.value period=a.period/>
        <h2>{txt("Riwayat pasangan ini", "This pair's history")}</h2>
        <p class="muted">{txt(
            "Setiap perjanjian antara dua pihak yang sama dari tahun ke tahun. Presiden meminta nilainya terus tumbuh.",
            "Every agreement between the same two parties over the years. The President asked that their value keep growing.",
        )}</p>
        <history::PairHistory history=detail.pair_history.clone() current=a.id.clone()/>
    }
}

/// Builds the OCDS release of one agreement. The parties' NIB come from their
/// own files; if those cannot be loaded the export still goes out, naming the
/// parties by their ids.
fn export_ocds(detail: AgreementDetail, today: chrono::NaiveDate, report: DownloadReport) {
    leptos::task::spawn_local(async move {
        let company = api::partner(detail.company.id.clone()).await.ok();
        let umkm = api::partner(detail.umkm.id.clone()).await.ok();
        let a = &detail.agreement;
        let c = party_of(&company, &detail.company);
        let u = party_of(&umkm, &detail.umkm);
        let pkg = package(
            vec![release(a, &c, &u, today)],
            today,
            &format!("urn:kemitraan:ocds:{}", a.id),
        );
        let text = serde_json::to_string_pretty(&pkg).unwrap_or_default();
        report.report(download_text(
            &text,
            "application/json",
            &format!("perjanjian-{}-ocds.json", a.id),
        ));
    });
}

fn party_of<'a>(
    full: &'a Option<kemitraan_core::model::PartnerDetail>,
    name: &'a kemitraan_core::model::PartnerRef,
) -> PartyInfo<'a> {
    match full {
        Some(d) => PartyInfo::from_partner(&d.partner),
        None => PartyInfo::from_name(name),
    }
}
