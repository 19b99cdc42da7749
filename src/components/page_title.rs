//! The document title of a page.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::i18n::{pick, use_lang};

/// The page title in the current language; `App` adds " · Kemitraan".
#[component]
pub fn PageTitle(id: &'static str, en: &'static str) -> impl IntoView {
    let lang = use_lang();
    view! { <Title text=move || pick(lang.get(), id, en).to_string()/> }
}
