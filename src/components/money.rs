//! Amounts on screen: always formatted by the core in the user's language,
//! with the full figure on hover where a short form is shown.

use kemitraan_core::money::{format_full, format_words};
use kemitraan_core::Rupiah;
use leptos::prelude::*;

use crate::i18n::use_lang;

/// An amount in words (`Rp1,5 triliun`), with the exact figure as a tooltip
/// and for screen readers.
#[component]
pub fn Amount(value: Rupiah) -> impl IntoView {
    let lang = use_lang();
    view! {
        <span class="amount" title=move || format_full(value, lang.get())>
            {move || format_words(value, lang.get())}
        </span>
    }
}

/// An amount to the rupiah (`Rp1.500.000`), for tables.
#[component]
pub fn AmountFull(value: Rupiah) -> impl IntoView {
    let lang = use_lang();
    view! { <span class="amount num">{move || format_full(value, lang.get())}</span> }
}
