//! Kemitraan, the browser app: UI only. Every rule and format it shows comes
//! from `kemitraan-core`; this crate fetches, lays out and reacts.

mod agreements;
mod api;
mod app;
mod clock;
pub mod components;
mod first_paint;
pub mod i18n;
mod pages;
pub mod panic;
mod search;
pub mod sections;
pub mod state;

pub use app::{AboutApp, AgreementsApp, HomeApp, PartnersApp, PresentationApp, SimulatorApp};
pub use sections::{start, Section};

/// Removes the static first paint of index.html (`#boot`, written by
/// scripts/prerender.mjs) and shows the app's frame, once the page is drawn
/// (`app.rs`, `Frame`). In the same task as the page's render, so no frame
/// shows both; the app takes the shell's place, and new nodes count as no
/// layout shift.
pub fn remove_boot_shell() {
    let document = leptos::prelude::document();
    if let Some(boot) = document.get_element_by_id("boot") {
        boot.remove();
    }
    if let Some(html) = document.document_element() {
        let _ = html.class_list().remove_1(BOOTING);
    }
}

/// The class on `<html>` that hides the app's frame while the static first
/// paint is still shown (style/main.css); see `app.rs`, `Frame`.
pub(crate) const BOOTING: &str = "booting";
