use kemitraan_core::ident::category_name;
use kemitraan_core::model::{KindDetails, PartnerDetail};
use kemitraan_core::money::format_full;
use kemitraan_core::size_class::SizeTest;
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
pub fn PartnerPage() -> impl IntoView {
    let params = use_params_map();
    let id = move || params.read().get("id").unwrap_or_default();
    let detail = LocalResource::new(move || api::partner(id()));
    let not_found = ViewFn::from(|| view! { <PartnerNotFound/> });
    view! { {loaded(detail, |d| view! { <PartnerView detail=d/> }, Some(not_found))} }
}

#[component]
fn PartnerNotFound() -> impl IntoView {
    view! {
        <crate::app::PageTitle id="Mitra tidak ditemukan" en="Partner not found"/>
        <h1>{txt("Mitra tidak ditemukan", "Partner not found")}</h1>
        <p>{txt("Tidak ada mitra dengan kode ini di dataset.", "There is no partner with this code in the dataset.")}</p>
        <p><A href="/mitra">{txt("Cari mitra lain", "Search for another partner")}</A></p>
    }
}

#[component]
fn PartnerView(detail: PartnerDetail) -> impl IntoView {
    let lang = use_lang();
    let p = detail.partner.clone();
    let kind = p.kind();
    let size = p.size();
    let province = p.province.province();
    let kbli = p.kbli.clone();
    let extra = match p.details.clone() {
        KindDetails::Pma { npwp, country } => view! {
            <dt>"NPWP"</dt><dd class="ident">{npwp.to_string()}</dd>
            <dt>{txt("Negara asal modal", "Country of origin")}</dt><dd>{country}</dd>
        }.into_any(),
        KindDetails::Pmdn { npwp } => view! { <dt>"NPWP"</dt><dd class="ident">{npwp.to_string()}</dd> }.into_any(),
        KindDetails::Umkm { modal_usaha, hasil_penjualan_tahunan } => view! {
            <dt>{txt("Modal usaha", "Business capital")}</dt><dd>{move || format_full(modal_usaha, lang.get())}</dd>
            <dt>{txt("Hasil penjualan tahunan", "Annual sales")}</dt><dd>{move || format_full(hasil_penjualan_tahunan, lang.get())}</dd>
        }.into_any(),
    };
    let today = today();
    let agreements = detail.agreements.clone();
    view! {
        <Title text=p.name.clone()/>
        <p class="kicker"><span class="tag">{kind.label()}</span></p>
        <h1>{p.name.clone()}</h1>
        <dl class="facts">
            <dt>"NIB"</dt><dd class="ident">{p.nib.to_string()}</dd>
            {extra}
            <dt>"KBLI"</dt>
            <dd>{move || {
                let sector = kbli.category().and_then(|c| category_name(c, lang.get()).map(|n| format!(" · {c} {n}")));
                format!("{kbli}{}", sector.unwrap_or_default())
            }}</dd>
            <dt>{txt("Lokasi", "Location")}</dt><dd>{format!("{}, {} ({})", p.city, province.name, province.code)}</dd>
            {size.map(|s| view! {
                <dt>{txt("Kelas usaha (PP 7/2021)", "Size class (PP 7/2021)")}</dt>
                <dd>{move || format!("{} — {} {}", s.class.label(lang.get()), pick(lang.get(), "menurut", "by"), s.test.label(lang.get()))}
                    {(s.test == SizeTest::Sales).then(|| view! { <span class="muted">{txt(" (uji penjualan)", " (sales test)")}</span> })}
                </dd>
            })}
        </dl>
        <h2>{txt("Perjanjian", "Agreements")}</h2>
        <div class="table-wrap" tabindex="0" role="region" aria-label=move || pick(lang.get(), "Tabel perjanjian", "Agreements table")>
        <table>
            <thead><tr>
                <th scope="col">{txt("Mitra", "Partner")}</th>
                <th scope="col">{txt("Pola", "Pattern")}</th>
                <th scope="col">{txt("Tahun", "Year")}</th>
                <th scope="col" class="num">{txt("Nilai", "Value")}</th>
                <th scope="col">{txt("Status", "Status")}</th>
            </tr></thead>
            <tbody>
            {agreements.into_iter().map(|a| {
                let other = if a.company.id == detail.partner.id { a.umkm.clone() } else { a.company.clone() };
                view! {
                    <tr>
                        <td><A href=format!("/mitra/{}", other.id)>{other.name.clone()}</A></td>
                        <td><A href=format!("/perjanjian/{}", a.id)>{move || a.pattern.label(lang.get())}</A></td>
                        <td>{chrono::Datelike::year(&a.date_signed)}</td>
                        <td class="num"><Amount value=a.value/></td>
                        <td><StatusBadge status=a.status(today)/></td>
                    </tr>
                }
            }).collect_view()}
            </tbody>
        </table>
        </div>
        <h2>{txt("Bermitra dengan", "Works with")}</h2>
        <ul class="chips">
            {detail.counterparts.into_iter().map(|c| view! {
                <li><A href=format!("/mitra/{}", c.id)>{c.name}</A></li>
            }).collect_view()}
        </ul>
    }
}
