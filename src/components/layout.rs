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

/// A band under the header while the dataset is synthetic, so no invented
/// company is ever taken for a real one.
#[component]
pub fn SyntheticNotice() -> impl IntoView {
    let meta = use_meta();
    move || {
        let synthetic = meta
            .and_then(|m| m.get())
            .and_then(|r| r.ok())
            .is_some_and(|m| m.synthetic);
        synthetic.then(|| {
            view! {
                <p class="synthetic-notice">
                    <strong>{txt("Data contoh sintetis", "Synthetic sample data")}</strong>
                    " — "
                    {txt(
                        "nama perusahaan, UMKM dan angka di sini rekaan, bukan data nyata.",
                        "the companies, UMKM and figures here are invented, not real.",
                    )}
                </p>
            }
        })
    }
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
