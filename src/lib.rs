//! Kemitraan, the browser app: UI only. Every rule and format it shows comes
//! from `kemitraan-core`; this crate fetches, lays out and reacts.

mod agreements;
mod api;
mod app;
mod clock;
pub mod components;
pub mod i18n;
mod pages;
pub mod panic;
mod search;
pub mod sections;
pub mod state;

pub use app::{AboutApp, AgreementsApp, HomeApp, PartnersApp, PresentationApp, SimulatorApp};
pub use sections::{start, Section};

/// Removes the static first paint of index.html (`#boot`, written by
/// scripts/prerender.mjs) once the app is mounted. Called in the same task as
/// the mount, so no frame shows both; the app's frame takes the shell's
/// place, and new nodes count as no layout shift.
pub fn remove_boot_shell() {
    if let Some(boot) = leptos::prelude::document().get_element_by_id("boot") {
        boot.remove();
    }
}
