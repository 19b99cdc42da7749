//! The apps: one frame (providers, header, band, footer) and, for each
//! section of the site, the routes its binary serves (see `sections.rs`).
//! A page is in exactly one section; `Section::of` maps paths the same way.

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, Title};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use crate::api;
use crate::components::layout::{DatasetBand, Footer, Header};
use crate::i18n::provide_lang;
use crate::pages;
use crate::pages::not_found::NotFound;
use crate::state::MetaResource;

/// What every page shares: the providers, the header, the dataset band,
/// `<main>` holding the section's routes, and the footer.
#[component]
fn Frame(children: Children) -> impl IntoView {
    provide_meta_context();
    provide_lang();
    provide_context(MetaResource(LocalResource::new(api::meta)));
    // The partner search index, kept while the reader stays in the section.
    provide_context(crate::search::SearchStore::new());
    // The agreement aggregates (index, figures), likewise.
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
            <main id="main" tabindex="-1">{children()}</main>
            <Footer/>
        </Router>
    }
}

/// `/`, and the 404 page for paths no section claims.
#[component]
pub fn HomeApp() -> impl IntoView {
    view! {
        <Frame>
            <Routes fallback=NotFound>
                <Route path=path!("/") view=pages::home::Home/>
            </Routes>
        </Frame>
    }
}

/// `/presentasi` and its slides.
#[component]
pub fn PresentationApp() -> impl IntoView {
    view! {
        <Frame>
            <Routes fallback=NotFound>
                <Route path=path!("/presentasi") view=pages::presentation::Presentation/>
                <Route path=path!("/presentasi/:n") view=pages::presentation::Presentation/>
            </Routes>
        </Frame>
    }
}

/// Partner search and the partner pages.
#[component]
pub fn PartnersApp() -> impl IntoView {
    view! {
        <Frame>
            <Routes fallback=NotFound>
                <Route path=path!("/mitra") view=pages::partners::Partners/>
                <Route path=path!("/mitra/:id") view=pages::partner::PartnerPage/>
            </Routes>
        </Frame>
    }
}

/// The agreements list and the agreement pages.
#[component]
pub fn AgreementsApp() -> impl IntoView {
    view! {
        <Frame>
            <Routes fallback=NotFound>
                <Route path=path!("/perjanjian") view=pages::agreements::Agreements/>
                <Route path=path!("/perjanjian/:id") view=pages::agreement::AgreementPage/>
            </Routes>
        </Frame>
    }
}

/// The contract-growth simulator.
#[component]
pub fn SimulatorApp() -> impl IntoView {
    view! {
        <Frame>
            <Routes fallback=NotFound>
                <Route path=path!("/simulasi") view=pages::simulator::Simulator/>
            </Routes>
        </Frame>
    }
}

/// About the data.
#[component]
pub fn AboutApp() -> impl IntoView {
    view! {
        <Frame>
            <Routes fallback=NotFound>
                <Route path=path!("/tentang") view=pages::about::About/>
            </Routes>
        </Frame>
    }
}
