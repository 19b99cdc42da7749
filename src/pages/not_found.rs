use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::page_title::PageTitle;
use crate::i18n::txt;

#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <PageTitle id="Halaman tidak ditemukan" en="Page not found"/>
        <h1>{txt("Halaman tidak ditemukan", "Page not found")}</h1>
        <p>{txt(
            "Alamat ini tidak ada di Kemitraan. Mungkin tautannya salah ketik atau sudah usang.",
            "This address does not exist in Kemitraan. The link may be mistyped or out of date.",
        )}</p>
        <p><A href="/">{txt("Kembali ke beranda", "Back to the home page")}</A></p>
    }
}
