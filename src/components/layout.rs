//! The frame of every page: header with navigation and language switch, the
//! synthetic-data notice, and the footer naming the dataset.

use kemitraan_core::date::format_date;
use kemitraan_core::Lang;
use leptos::prelude::*;
use leptos_router::components::A;

use crate::i18n::{pick, txt, use_lang, use_lang_switch};
use crate::state::use_meta;

#[component]
pub fn Header() -> impl IntoView {
    let lang = use_lang();
    let switch = use_lang_switch();
    let toggle = move |_| {
        if let Some(lang) = switch {
            lang.update(|l| *l = pick(*l, Lang::En, Lang::Id));
        }
    };
    view! {
        <header class="site-header">
            <a class="skip-link" href="#main">{txt("Langsung ke isi", "Skip to content")}</a>
            <div class="header-row">
                <A href="/" attr:class="brand">
                    <span class="brand-mark" aria-hidden="true">"K"</span>
                    <span>"Kemitraan"</span>
                </A>
                <button
                    type="button"
                    class="lang-switch"
                    lang=move || pick(lang.get(), "en", "id")
                    on:click=toggle
                >
                    {move || pick(lang.get(), "English", "Bahasa Indonesia")}
                </button>
            </div>
            <nav aria-label=move || pick(lang.get(), "Navigasi utama", "Main navigation")>
                <ul>
                    <li><A href="/" exact=true>{txt("Beranda", "Home")}</A></li>
                    <li><A href="/mitra">{txt("Mitra", "Partners")}</A></li>
                    <li><A href="/perjanjian">{txt("Perjanjian", "Agreements")}</A></li>
                    <li><A href="/simulasi">{txt("Simulasi", "Simulator")}</A></li>
                    <li><A href="/tentang">{txt("Tentang Data", "About the Data")}</A></li>
                </ul>
            </nav>
        </header>
    }
}

/// The band under the header: while the dataset is synthetic it says so, so
/// no invented company is ever taken for a real one; for real data it names
/// the dataset. It keeps its height from the first paint (index.html draws
/// it too) to the loaded state, so nothing below it moves when `meta.json`
/// arrives.
#[component]
pub fn DatasetBand() -> impl IntoView {
    let meta = use_meta();
    let lang = use_lang();
    let body = move || {
        match meta.and_then(|m| m.get()) {
        None => view! { <span class="band-loading">{txt("Memuat keterangan data…", "Loading dataset information…")}</span> }
            .into_any(),
        Some(Err(_)) => view! { <span>{txt("Keterangan dataset tidak tersedia.", "Dataset information unavailable.")}</span> }
            .into_any(),
        Some(Ok(m)) if m.synthetic => view! {
            <span class="synthetic-notice">
                <strong>{txt("Data contoh sintetis", "Synthetic sample data")}</strong>
                ": "
                {txt("nama dan angka rekaan, bukan data nyata.", "names and figures are invented, not real.")}
            </span>
        }
        .into_any(),
        Some(Ok(m)) => {
            let as_of = m.as_of;
            view! {
                <span>
                    {m.name.clone()}" · "{move || pick(lang.get(), "per ", "as of ")}
                    <time datetime=as_of.to_string()>{move || format_date(as_of, lang.get())}</time>
                </span>
            }
            .into_any()
        }
    }
    };
    view! { <p class="dataset-band">{body}</p> }
}

#[component]
pub fn Footer() -> impl IntoView {
    let lang = use_lang();
    let meta = use_meta();
    let body = move || match meta.and_then(|m| m.get()) {
        None => view! { <p>{txt("Memuat keterangan data…", "Loading dataset information…")}</p> }
            .into_any(),
        Some(Err(_)) => view! {
            <p>{txt("Keterangan dataset tidak tersedia.", "Dataset information unavailable.")}</p>
        }
        .into_any(),
        Some(Ok(m)) => {
            let l = lang.get();
            let as_of = format_date(m.as_of, l);
            view! {
                <p class="dataset-line">
                    {pick(l, "Dataset: ", "Dataset: ")}
                    <A href="/tentang">{m.name.clone()}</A>
                    {format!(" · {} {} · {}", pick(l, "versi", "version"), m.version, pick(l, "per", "as of"))}
                    " "
                    <time datetime=m.as_of.to_string()>{as_of}</time>
                </p>
                {m.synthetic.then(|| view! {
                    <p class="dataset-synthetic">
                        {pick(
                            l,
                            "Data sintetis: semua nama dan angka rekaan; hanya angka penandatanganan 18 Januari 2021 mengikuti siaran pers.",
                            "Synthetic data: all names and figures are invented; only the 18 January 2021 signing's headline figures follow the press release.",
                        )}
                    </p>
                })}
            }
            .into_any()
        }
    };
    view! { <footer class="site-footer">{body}</footer> }
}
