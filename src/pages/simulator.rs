use leptos::prelude::*;

use crate::app::PageTitle;
use crate::i18n::txt;

#[component]
pub fn Simulator() -> impl IntoView {
    view! {
        <PageTitle id="Simulasi Pertumbuhan Kontrak" en="Contract Growth Simulator"/>
        <h1>{txt("Simulasi Pertumbuhan Kontrak", "Contract Growth Simulator")}</h1>
        <p class="lead">{txt(
            "Lihat arti jalur pertumbuhan kontrak — misalnya Rp1 miliar, Rp5 miliar, lalu Rp10 miliar — bagi kelas usaha UMKM menurut PP 7/2021.",
            "See what a contract growth path — say Rp1 billion, Rp5 billion, then Rp10 billion — means for an UMKM's size class under PP 7/2021.",
        )}</p>
    }
}
