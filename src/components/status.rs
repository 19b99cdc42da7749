use kemitraan_core::model::Status;
use leptos::prelude::*;

use crate::i18n::use_lang;

/// An agreement's status as a labelled badge.
#[component]
pub fn StatusBadge(status: Status) -> impl IntoView {
    let lang = use_lang();
    let label = move || status.label(lang.get());
    view! { <span class=format!("badge status-{}", status.key())>{label}</span> }
}
