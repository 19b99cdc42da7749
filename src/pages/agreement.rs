use chrono::Datelike;
use kemitraan_core::date::format_date;
use kemitraan_core::model::AgreementDetail;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use crate::api;
use crate::clock::today;
use crate::components::loaded::loaded;
use crate::components::money::{Amount, AmountFull};
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
        <crate::app::PageTitle id="Perjanjian tidak ditemukan" en="Agreement not found"/>
        <h1>{txt("Perjanjian tidak ditemukan", "Agreement not found")}</h1>
        <p><A href="/perjanjian">{txt("Lihat semua perjanjian", "See all agreements")}</A></p>
    }
}

#[component]
fn AgreementView(detail: AgreementDetail) -> impl IntoView {
    let lang = use_lang();
    let a = detail.agreement.clone();
    let (company_role, umkm_role) = (a.company.role, a.umkm.role);
    let realised = a.realised();
    let title = format!("{} – {}", detail.company.name, detail.umkm.name);
    view! {
        <Title text=title.clone()/>
        <p class="kicker">{move || pick(lang.get(), "Perjanjian ", "Agreement ")}{a.id.clone()}</p>
        <h1>{title}</h1>
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
            <dd>{move || format_date(a.date_signed, lang.get())}</dd>
            <dt>{txt("Masa berlaku", "Period")}</dt>
            <dd>{move || format!("{} – {}", format_date(a.period.start, lang.get()), format_date(a.period.end, lang.get()))}</dd>
            <dt>{txt("Status", "Status")}</dt>
            <dd><StatusBadge status=a.status(today())/></dd>
            <dt>{txt("Nilai komitmen", "Committed value")}</dt>
            <dd><Amount value=a.value/></dd>
            <dt>{txt("Terealisasi", "Realised")}</dt>
            <dd>{match realised {
                Some(r) => view! { <Amount value=r/> }.into_any(),
                None => view! { <span>{txt("tidak dapat dihitung", "cannot be computed")}</span> }.into_any(),
            }}</dd>
            <dt>{txt("Dokumen sumber", "Source document")}</dt>
            <dd>{format!("{} — {}", a.source.title, a.source.reference)}</dd>
        </dl>
        <p><A href=format!("/simulasi?v={}&y={}", a.value.0, a.date_signed.year())>
            {txt("Simulasikan pertumbuhan kontrak ini →", "Simulate this contract's growth →")}
        </A></p>
        <h2>{txt("Transaksi terealisasi", "Realised transactions")}</h2>
        <div class="table-wrap">
        <table>
            <thead><tr><th scope="col">{txt("Tanggal", "Date")}</th><th scope="col" class="num">{txt("Jumlah", "Amount")}</th></tr></thead>
            <tbody>
            {a.transactions.iter().cloned().map(|t| view! {
                <tr><td>{move || format_date(t.date, lang.get())}</td><td class="num"><AmountFull value=t.amount/></td></tr>
            }).collect_view()}
            </tbody>
        </table>
        </div>
    }
}
