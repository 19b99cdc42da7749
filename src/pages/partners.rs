use kemitraan_core::model::{Page, PartnerSummary};
use leptos::prelude::*;
use leptos_router::components::A;

use crate::api;
use crate::app::PageTitle;
use crate::components::loaded::loaded;
use crate::components::money::Amount;
use crate::i18n::{txt, use_lang};

#[component]
pub fn Partners() -> impl IntoView {
    let page = LocalResource::new(|| api::partner_page(1));
    view! {
        <PageTitle id="Cari Mitra" en="Find Partners"/>
        <h1>{txt("Cari Mitra", "Find Partners")}</h1>
        {loaded(page, |p| view! { <PartnerList page=p/> }, None)}
    }
}

#[component]
fn PartnerList(page: Page<PartnerSummary>) -> impl IntoView {
    let lang = use_lang();
    view! {
        <p aria-live="polite">{move || format!("{} {}", page.total, crate::i18n::pick(lang.get(), "mitra", "partners"))}</p>
        <ul class="result-list">
            {page.items.into_iter().map(|p| {
                let href = format!("/mitra/{}", p.id);
                let province = p.province.name();
                view! {
                    <li class="result">
                        <A href=href><span class="result-name">{p.name.clone()}</span></A>
                        <span class="tag">{p.kind.label()}</span>
                        <span class="muted">{format!("{}, {}", p.city, province)}</span>
                        <span class="muted">{move || format!("{} {}", p.agreement_count, crate::i18n::pick(lang.get(), "perjanjian", "agreements"))}</span>
                        <Amount value=p.committed/>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}
