use kemitraan_core::date::format_date;
use kemitraan_core::model::DatasetMeta;
use leptos::prelude::*;

use crate::app::PageTitle;
use crate::components::layout::use_meta;
use crate::components::loaded::loaded;
use crate::i18n::{pick, txt, use_lang};

#[component]
pub fn About() -> impl IntoView {
    let content = use_meta().map(|meta| loaded(meta, |m| view! { <MetaTable meta=m/> }, None));
    view! {
        <PageTitle id="Tentang Data" en="About the Data"/>
        <h1>{txt("Tentang Data", "About the Data")}</h1>
        {content}
        <h2>{txt("Sumber data lain", "Another data source")}</h2>
        <p>{txt(
            "Aplikasi membaca data JSON dari alamat di berkas config.json di samping index.html (kunci api_base). Formatnya dijelaskan di docs/api.md.",
            "The app reads JSON from the address in config.json beside index.html (key api_base). The format is described in docs/api.md.",
        )}</p>
    }
}

#[component]
fn MetaTable(meta: DatasetMeta) -> impl IntoView {
    let lang = use_lang();
    let l = move || lang.get();
    let synthetic = meta.synthetic;
    view! {
        <dl class="facts">
            <dt>{txt("Nama", "Name")}</dt>
            <dd class="dataset-name">{meta.name.clone()}</dd>
            <dt>{txt("Versi", "Version")}</dt>
            <dd>{meta.version.clone()}</dd>
            <dt>{txt("Per tanggal", "As of")}</dt>
            <dd>{move || format_date(meta.as_of, l())}</dd>
            <dt>{txt("Sumber", "Source")}</dt>
            <dd>{meta.source.clone()}</dd>
            <dt>{txt("Jenis data", "Kind of data")}</dt>
            <dd>{move || if synthetic {
                pick(l(), "Sintetis: nama dan angka rekaan", "Synthetic: names and figures are invented")
            } else {
                pick(l(), "Data yang diimpor", "Imported data")
            }}</dd>
            <dt>{txt("Isi", "Contents")}</dt>
            <dd>{move || format!(
                "{} {}, {} {}, {} {}",
                meta.counts.partners, pick(l(), "mitra", "partners"),
                meta.counts.agreements, pick(l(), "perjanjian", "agreements"),
                meta.counts.events, pick(l(), "acara", "events"),
            )}</dd>
        </dl>
        <p>{meta.description.clone()}</p>
    }
}
