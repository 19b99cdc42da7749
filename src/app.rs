//! The app: providers, the frame, and one route per page module.

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, Title};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use crate::api;
use crate::components::layout::{DatasetBand, Footer, Header};
use crate::i18n::provide_lang;
use crate::pages;
use crate::state::MetaResource;

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    provide_lang();
    provide_context(MetaResource(LocalResource::new(api::meta)));
    // The partner search index, kept for the whole visit.
    provide_context(crate::search::SearchStore::new());
    // The agreement aggregates (index, figures), kept for the whole visit.
    provide_context(crate::agreements::AgreementStore::new());
    let formatter = move |page: String| {
        if page.is_empty() {
            "Kemitraan".to_string()
        } else {
            format!("{page} · Kemitraan")
        }
    };
    view! {
        <Title formatter/>
        <Router>
            <Header/>
            <DatasetBand/>
            <main id="main" tabindex="-1">
                <Routes fallback=pages::not_found::NotFound>
                    <Route path=path!("/") view=pages::home::Home/>
                    <Route path=path!("/mitra") view=pages::partners::Partners/>
                    <Route path=path!("/mitra/:id") view=pages::partner::PartnerPage/>
                    <Route path=path!("/perjanjian") view=pages::agreements::Agreements/>
                    <Route path=path!("/perjanjian/:id") view=pages::agreement::AgreementPage/>
                    <Route path=path!("/simulasi") view=pages::simulator::Simulator/>
                    <Route path=path!("/tentang") view=pages::about::About/>
                    <Route path=path!("/presentasi") view=pages::presentation::Presentation/>
                    <Route path=path!("/presentasi/:n") view=pages::presentation::Presentation/>
                </Routes>
            </main>
            <Footer/>
        </Router>
    }
}
