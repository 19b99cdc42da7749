//! The apps: one frame (providers, header, band, footer) and, for each
//! section of the site, the routes its binary serves (see `sections.rs`).
//! A page is in exactly one section; `Section::of` maps paths the same way.

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, Title};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use crate::api;
use crate::components::later::Later;
use crate::components::layout::{DatasetBand, Footer, Header};
use crate::i18n::provide_lang;
use crate::pages;
use crate::pages::not_found::NotFound;
use crate::state::MetaResource;

/// What every page shares: the providers, the header, the dataset band,
/// `<main>` holding the section's routes, and the footer.
///
/// Drawn in two tasks: the frame, hidden behind the static first paint
/// (`html.booting`, set by `sections::start`), then the page, which replaces
/// the static paint in its own task. On a phone's CPU the first render was
/// one task of 250-420 ms, most of it V8 compiling each wasm function at its
/// first call; two tasks block input for less (only time past 50 ms a task
/// counts as blocking), and nothing shows between them.
#[component]
fn Frame(children: ChildrenFn) -> impl IntoView {
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
            <main id="main" tabindex="-1">
                <Later>{children()}<Reveal/></Later>
            </main>
            <Footer/>
        </Router>
    }
}

/// Replaces the static first paint with the app, in the task that drew the
/// page (an effect runs before the browser paints again).
#[component]
fn Reveal() -> impl IntoView {
    Effect::new(|_| crate::remove_boot_shell());
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
