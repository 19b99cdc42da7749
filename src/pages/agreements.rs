use kemitraan_core::model::{AgreementSummary, Page};
use leptos::prelude::*;
use leptos_router::components::A;

use crate::api;
use crate::app::PageTitle;
use crate::clock::today;
use crate::components::loaded::loaded;
use crate::components::money::Amount;
use crate::components::status::StatusBadge;
use crate::i18n::{pick, txt, use_lang};

#[component]
pub fn Agreements() -> impl IntoView {
    let page = LocalResource::new(|| api::agreement_page(1));
    view! {
        <PageTitle id="Perjanjian Kemitraan" en="Partnership Agreements"/>
        <h1>{txt("Perjanjian Kemitraan", "Partnership Agreements")}</h1>
        {loaded(page, |p| view! { <AgreementTable page=p/> }, None)}
    }
}

#[component]
fn AgreementTable(page: Page<AgreementSummary>) -> impl IntoView {
    let lang = use_lang();
    let today = today();
    view! {
        <p aria-live="polite">{move || format!("{} {}", page.total, pick(lang.get(), "perjanjian", "agreements"))}</p>
        <div class="table-wrap">
        <table>
            <thead><tr>
                <th scope="col">{txt("Perusahaan", "Company")}</th>
                <th scope="col">"UMKM"</th>
                <th scope="col">{txt("Pola", "Pattern")}</th>
                <th scope="col">{txt("Ditandatangani", "Signed")}</th>
                <th scope="col" class="num">{txt("Nilai", "Value")}</th>
                <th scope="col">{txt("Status", "Status")}</th>
            </tr></thead>
            <tbody>
            {page.items.into_iter().map(|a| {
                let status = a.status(today);
                view! {
                <tr>
                    <td><A href=format!("/mitra/{}", a.company.id)>{a.company.name.clone()}</A></td>
                    <td><A href=format!("/mitra/{}", a.umkm.id)>{a.umkm.name.clone()}</A></td>
                    <td><A href=format!("/perjanjian/{}", a.id)>{move || a.pattern.label(lang.get())}</A></td>
                    <td><time datetime=a.date_signed.to_string()>{move || kemitraan_core::date::format_date(a.date_signed, lang.get())}</time></td>
                    <td class="num"><Amount value=a.value/></td>
                    <td><StatusBadge status/></td>
                </tr>
            }}).collect_view()}
            </tbody>
        </table>
        </div>
    }
}
