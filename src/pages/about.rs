//! `/tentang`: what the dataset is (name, version, as-of date, source, the
//! synthetic notice), the JSON contract it follows, and how to point the app
//! at another backend.

use kemitraan_core::count::{count_text, Noun};
use kemitraan_core::date::format_date;
use kemitraan_core::model::DatasetMeta;
use leptos::prelude::*;

use crate::components::loaded::{ErrorBox, Loading};
use crate::components::page_title::PageTitle;
use crate::i18n::{pick, txt, use_lang};
use crate::state::use_meta;

/// The contract, copied beside the app by trunk (`copy-dir docs`).
const CONTRACT: &str = "docs/api.md";
const SCHEMA_EXAMPLE: &str = "docs/schema/summary.schema.json";

/// While `meta.json` loads the page shows only its heading and a loading
/// line, then everything at once: a dataset table arriving above the other
/// sections would push them down under the reader's eyes. When it fails, the
/// error with Retry takes the table's place and the help below still shows
/// (it says how to point the app at a working backend).
#[component]
pub fn About() -> impl IntoView {
    let meta = use_meta();
    let body = move || {
        let dataset = match meta.map(|m| (m, m.get())) {
            Some((_, None)) => return view! { <Loading/> }.into_any(),
            Some((_, Some(Ok(m)))) => view! { <MetaTable meta=m/> }.into_any(),
            Some((resource, Some(Err(error)))) => {
                view! { <ErrorBox error on_retry=move |_| resource.refetch()/> }.into_any()
            }
            None => view! { <p>{txt("Keterangan dataset tidak tersedia.", "Dataset information unavailable.")}</p> }
                .into_any(),
        };
        view! {
            <section aria-labelledby="dataset-h">
                <h2 id="dataset-h">{txt("Dataset", "Dataset")}</h2>
                {dataset}
            </section>
            <Contract/>
            <Backend/>
        }
        .into_any()
    };
    view! {
        <PageTitle id="Tentang Data" en="About the Data"/>
        <h1>{txt("Tentang Data", "About the Data")}</h1>
        <p class="lead">{txt(
            "Dari mana data di aplikasi ini berasal dan seberapa baru, kontrak JSON yang diikutinya, dan cara mengarahkan aplikasi ke sumber data lain tanpa membangunnya ulang.",
            "Where the data in this app comes from and how recent it is, the JSON contract it follows, and how to point the app at another data source without rebuilding it.",
        )}</p>
        {body}
    }
}

/// The JSON contract in short, with links to the whole of it.
#[component]
fn Contract() -> impl IntoView {
    view! {
        <section aria-labelledby="contract-h">
            <h2 id="contract-h">{txt("Kontrak JSON", "The JSON contract")}</h2>
            <p>{txt(
                "Aplikasi ini tidak punya kode server. Datanya adalah berkas JSON statis di bawah /api/v1/ yang dapat disajikan host statis mana pun:",
                "The app has no server code. Its data is static JSON files under /api/v1/ that any static host can serve:",
            )}</p>
            <ul class="contract-list">
                <li><code>"meta.json"</code>" — "{txt("nama, versi, tanggal data, sumber, tanda sintetis, jumlah halaman", "name, version, as-of date, source, synthetic flag, page counts")}</li>
                <li><code>"summary.json"</code>" — "{txt("jumlah dan rincian per jenis, provinsi, sektor, pola, tahun dan kelas (grafik beranda)", "totals and breakdowns by kind, province, sector, pattern, year and class (the home page's charts)")}</li>
                <li><code>"events.json"</code>" — "{txt("acara penandatanganan dengan angka yang dilaporkan saat itu", "signing events with the figures reported at the time")}</li>
                <li><code>"partners/page-{n}.json"</code>", "<code>"agreements/page-{n}.json"</code>" — "{txt("daftar per halaman", "lists in pages")}</li>
                <li><code>"partners/by-id/{b}.json"</code>", "<code>"agreements/by-id/{b}.json"</code>" — "{txt("sekitar 32 mitra atau perjanjian per berkas, masing-masing dengan semua yang dibutuhkan halamannya; berkasnya ditentukan oleh id", "about 32 partners or agreements a file, each with everything its page needs; the id says which file")}</li>
            </ul>
            <p>{txt(
                "Uang ditulis sebagai rupiah bulat (bilangan bulat JSON), tanggal sebagai YYYY-MM-DD, provinsi dengan kode Kepmendagri 100.1.1-6117/2022. Status perjanjian tidak disimpan: aplikasi menghitungnya dari periode dan tanggal hari ini.",
                "Money is whole rupiah (a JSON integer), dates are YYYY-MM-DD, provinces use the codes of Kepmendagri 100.1.1-6117/2022. An agreement's status is not stored: the app derives it from the period and today's date.",
            )}</p>
            <p class="doc-links">
                <a href=CONTRACT rel="external" class="contract-link">{txt("Baca kontrak lengkap (docs/api.md)", "Read the full contract (docs/api.md)")}</a>
                " · "
                <a href=SCHEMA_EXAMPLE rel="external">{txt("JSON Schema, misalnya summary.schema.json (semua di docs/schema/)", "JSON Schema, e.g. summary.schema.json (all in docs/schema/)")}</a>
            </p>
        </section>
    }
}

/// How to point the app at another backend.
#[component]
fn Backend() -> impl IntoView {
    let lang = use_lang();
    view! {
        <section aria-labelledby="backend-h">
            <h2 id="backend-h">{txt("Memakai sumber data lain", "Pointing the app at another backend")}</h2>
            <ol class="steps">
                <li>{txt(
                    "Sajikan berkas JSON yang mengikuti kontrak di atas dari server mana pun. Periksa dulu dengan alat data: kemitraan-data validate FOLDER.",
                    "Serve JSON files that follow the contract above from any server. Check them first with the data tool: kemitraan-data validate FOLDER.",
                )}</li>
                <li>{txt(
                    "Ubah config.json di samping index.html. Tidak perlu membangun ulang aplikasi:",
                    "Edit config.json beside index.html. The app need not be rebuilt:",
                )}
                    <pre class="code"><code>{"{\n  \"api_base\": \"https://data.example.go.id/api/v1/\",\n  \"timeout_ms\": 15000\n}"}</code></pre>
                </li>
                <li>{txt(
                    "api_base boleh alamat lengkap atau relatif terhadap halaman (bawaan: api/v1/). timeout_ms adalah batas waktu satu permintaan, 100 sampai 120000 milidetik.",
                    "api_base may be absolute or relative to the page (default: api/v1/). timeout_ms is how long one request may take, 100 to 120000 milliseconds.",
                )}</li>
                <li>{txt(
                    "Bila data ada di domain lain, server itu harus mengizinkan CORS (Access-Control-Allow-Origin) untuk alamat aplikasi.",
                    "When the data is on another domain, that server must allow CORS (Access-Control-Allow-Origin) for the app's address.",
                )}</li>
            </ol>
            <p class="muted">{move || pick(
                lang.get(),
                "Jika data tidak dapat dimuat, setiap halaman menjelaskan sebabnya (server mati, status HTTP, batas waktu, JSON tidak sah, bentuk salah) dan menawarkan Coba lagi.",
                "When data cannot be loaded, every page says why (server down, HTTP status, timeout, invalid JSON, wrong shape) and offers Retry.",
            )}</p>
        </section>
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
            <dd class="dataset-version">{meta.version.clone()}</dd>
            <dt>{txt("Per tanggal", "As of")}</dt>
            <dd class="dataset-as-of"><time datetime=meta.as_of.to_string()>{move || format_date(meta.as_of, l())}</time></dd>
            <dt>{txt("Sumber", "Source")}</dt>
            <dd class="dataset-source"><code>{meta.source.clone()}</code></dd>
            <dt>{txt("Jenis data", "Kind of data")}</dt>
            <dd class:synthetic-flag=synthetic>{move || if synthetic {
                pick(l(), "Sintetis: nama perusahaan, UMKM, NIB, NPWP dan angka rekaan, bukan data nyata. Hanya angka utama penandatanganan 18 Januari 2021 mengikuti siaran pers.", "Synthetic: company and UMKM names, NIB, NPWP and figures are invented, not real data. Only the headline figures of the signing of 18 January 2021 follow the press release.")
            } else {
                pick(l(), "Data yang diimpor", "Imported data")
            }}</dd>
            <dt>{txt("Isi", "Contents")}</dt>
            <dd>{move || format!(
                "{}, {}, {}",
                count_text(Noun::Partner, meta.counts.partners, l()),
                count_text(Noun::Agreement, meta.counts.agreements, l()),
                count_text(Noun::Event, meta.counts.events, l()),
            )}</dd>
            <dt>{txt("Daftar kode", "Code lists")}</dt>
            <dd>{format!("{} · {}", meta.code_lists.province, meta.code_lists.kbli)}</dd>
        </dl>
        <p>{meta.description.clone()}</p>
    }
}
