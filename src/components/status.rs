use kemitraan_core::model::Status;
use leptos::prelude::*;

use crate::i18n::{pick, use_lang};

/// An agreement's status as a labelled badge.
#[component]
pub fn StatusBadge(status: Status) -> impl IntoView {
    let lang = use_lang();
    let label = move || match status {
        Status::Upcoming => pick(lang.get(), "Akan datang", "Upcoming"),
        Status::Active => pick(lang.get(), "Berjalan", "Active"),
        Status::Ended => pick(lang.get(), "Selesai", "Ended"),
    };
    view! { <span class=format!("badge status-{}", status.key())>{label}</span> }
}
