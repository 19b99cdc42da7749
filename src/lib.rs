//! Kemitraan, the browser app: UI only. Every rule and format it shows comes
//! from `kemitraan-core`; this crate fetches, lays out and reacts.

mod api;
mod app;
mod clock;
pub mod components;
pub mod i18n;
mod pages;
pub mod panic;
mod search;

pub use app::App;
