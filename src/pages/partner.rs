//! /mitra/:id: one partner, its agreements with totals, and the partners it
//! works with.

use kemitraan_core::country::country_label;
use kemitraan_core::ident::category_name;
use kemitraan_core::model::{AgreementSummary, KindDetails, PartnerDetail};
use kemitraan_core::money::{format_full, format_percent_bp, percent_of};
use kemitraan_core::size_class::band_text;
use kemitraan_core::{Lang, Rupiah};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use crate::api;
use crate::clock::today;
use crate::components::loaded::loaded;
use crate::components::money::{Amount, AmountFull};
use crate::components::status::StatusBadge;
use crate::i18n::{pick, txt, use_lang};

#[component]
pub fn PartnerPage() -> impl IntoView {
    let params = use_params_map();
    let id = move || params.read().get("id").unwrap_or_default();
    let detail = LocalResource::new(move || api::partner(id()));
    let not_found = ViewFn::from(|| view! { <PartnerNotFound/> });
    view! { {loaded(detail, |d| view! { <PartnerView detail=d/> }, Some(not_found))} }
}

#[component]
fn PartnerNotFound() -> impl IntoView {
    view! {
        <crate::components::page_title::PageTitle id="Mitra tidak ditemukan" en="Partner not found"/>
        <h1>{txt("Mitra tidak ditemukan", "Partner not found")}</h1>
        <p>{txt("Tidak ada mitra dengan kode ini di dataset.", "There is no partner with this code in the dataset.")}</p>
        <p><A href="/mitra">{txt("Cari mitra lain", "Search for another partner")}</A></p>
    }
}

#[component]
fn PartnerView(detail: PartnerDetail) -> impl IntoView {
    let lang = use_lang();
    let p = detail.partner.clone();
    let kind = p.kind();
    let size = p.size();
    let province = p.province.province();
    let kbli = p.kbli.clone();
    let extra = match p.details.clone() {
        KindDetails::Pma { npwp, country } => view! {
            <dt>"NPWP"</dt><dd class="ident">{npwp.to_string()}</dd>
            <dt>{txt("Negara asal modal", "Country of origin")}</dt>
            <dd>{move || country_label(&country, lang.get())}</dd>
        }
        .into_any(),
        KindDetails::Pmdn { npwp } => {
            view! { <dt>"NPWP"</dt><dd class="ident">{npwp.to_string()}</dd> }.into_any()
        }
        KindDetails::Umkm { modal_usaha, hasil_penjualan_tahunan } => view! {
            <dt>{txt("Modal usaha (tanpa tanah dan bangunan)", "Business capital (excluding land and buildings)")}</dt>
            <dd>{move || format_full(modal_usaha, lang.get())}</dd>
            <dt>{txt("Hasil penjualan tahunan", "Annual sales")}</dt>
            <dd>{move || format_full(hasil_penjualan_tahunan, lang.get())}</dd>
        }
        .into_any(),
    };
    let today = today();
    let agreements = detail.agreements.clone();
    let committed = Rupiah::checked_sum(agreements.iter().map(|a| a.value));
    let realised = Rupiah::checked_sum(agreements.iter().map(|a| a.realised));
    let n = agreements.len();
    let own_id = detail.partner.id.clone();
    let total_text = move |r: Option<Rupiah>| match r {
        Some(r) => format_full(r, lang.get()),
        None => pick(
            lang.get(),
            "terlalu besar untuk dijumlah",
            "too large to add up",
        )
        .to_string(),
    };
    let share = move || match (realised, committed) {
        (Some(r), Some(c)) => percent_of(r, c).map(|bp| format_percent_bp(bp, lang.get())),
        _ => None,
    };
    view! {
        <Title text=p.name.clone()/>
        <p class="kicker"><A href="/mitra">{txt("‹ Cari mitra", "‹ Find partners")}</A></p>
        <h1>{p.name.clone()}</h1>
        <p class="kicker"><span class="tag">{kind.label()}</span>" "{move || kind.long_label(lang.get())}</p>
        <dl class="facts">
            <dt>"NIB"</dt><dd class="ident">{p.nib.to_string()}</dd>
            {extra}
            <dt>{txt("Sektor (KBLI)", "Sector (KBLI)")}</dt>
            <dd>{move || {
                let sector = kbli
                    .category()
                    .and_then(|c| category_name(c, lang.get()).map(|n| format!(" · {} {c}: {n}", pick(lang.get(), "kategori", "category"))));
                format!("{kbli}{}", sector.unwrap_or_default())
            }}</dd>
            <dt>{txt("Lokasi", "Location")}</dt>
            <dd>{format!("{}, {} ({} {})", p.city, province.name, pick(lang.get_untracked(), "kode", "code"), province.code)}</dd>
            {size.map(|s| view! {
                <dt>{txt("Kelas usaha (PP 7/2021 Pasal 35)", "Size class (PP 7/2021 art. 35)")}</dt>
                <dd>
                    <strong>{move || s.class.label(lang.get())}</strong>
                    {move || format!(" — {} {}", pick(lang.get(), "ditetapkan menurut", "set by"), s.test.label(lang.get()))}
                    <br/>
                    <span class="muted">{move || band_text(s, lang.get())}</span>
                </dd>
            })}
        </dl>

        <h2>{txt("Perjanjian", "Agreements")}</h2>
        <dl class="figures">
            <div><dt>{txt("Perjanjian", "Agreements")}</dt><dd>{n}</dd></div>
            <div><dt>{txt("Nilai komitmen", "Committed")}</dt>
                <dd>{committed.map(|c| view! { <Amount value=c/> })}</dd></div>
            <div><dt>{txt("Terealisasi", "Realised")}</dt>
                <dd>{realised.map(|r| view! { <Amount value=r/> })}</dd>
                {move || share().map(|s| view! {
                    <dd class="sub">{format!("{s} {}", pick(lang.get(), "dari komitmen", "of the commitment"))}</dd>
                })}
            </div>
        </dl>
        {if agreements.is_empty() {
            view! { <p>{txt("Belum ada perjanjian.", "No agreements yet.")}</p> }.into_any()
        } else {
            view! {
                <div class="table-wrap" tabindex="0" role="region" aria-label=move || pick(lang.get(), "Tabel perjanjian", "Agreements table")>
                <table>
                    <caption class="visually-hidden">{txt("Perjanjian mitra ini, terbaru dahulu", "This partner's agreements, newest first")}</caption>
                    <thead><tr>
                        <th scope="col">{txt("Pihak lain", "Other party")}</th>
                        <th scope="col">{txt("Pola", "Pattern")}</th>
                        <th scope="col">{txt("Tahun", "Year")}</th>
                        <th scope="col" class="num">{txt("Nilai", "Value")}</th>
                        <th scope="col" class="num">{txt("Terealisasi", "Realised")}</th>
                        <th scope="col">{txt("Status", "Status")}</th>
                    </tr></thead>
                    <tbody>
                    {agreements.into_iter().map(|a| agreement_row(a, &own_id, today, lang)).collect_view()}
                    </tbody>
                    <tfoot><tr>
                        <th scope="row" colspan="3">{txt("Jumlah", "Total")}</th>
                        <td class="num">{move || total_text(committed)}</td>
                        <td class="num">{move || total_text(realised)}</td>
                        <td></td>
                    </tr></tfoot>
                </table>
                </div>
            }.into_any()
        }}

        <h2>{txt("Bermitra dengan", "Works with")}</h2>
        {if detail.counterparts.is_empty() {
            view! { <p>{txt("Belum ada mitra.", "No partners yet.")}</p> }.into_any()
        } else {
            view! {
                <ul class="chips">
                    {detail.counterparts.into_iter().map(|c| view! {
                        <li>
                            <A href=format!("/mitra/{}", c.id)>{c.name}</A>
                            " "<span class="tag">{c.kind.label()}</span>
                        </li>
                    }).collect_view()}
                </ul>
            }.into_any()
        }}
    }
}

fn agreement_row(
    a: AgreementSummary,
    own_id: &str,
    today: chrono::NaiveDate,
    lang: Signal<Lang>,
) -> impl IntoView {
    let other = if a.company.id == own_id {
        a.umkm.clone()
    } else {
        a.company.clone()
    };
    let pattern = a.pattern;
    view! {
        <tr>
            <td><A href=format!("/mitra/{}", other.id)>{other.name.clone()}</A>" "<span class="tag">{other.kind.label()}</span></td>
            <td><A href=format!("/perjanjian/{}", a.id)>{move || pattern.label(lang.get())}</A></td>
            <td>{chrono::Datelike::year(&a.date_signed)}</td>
            <td class="num"><AmountFull value=a.value/></td>
            <td class="num"><AmountFull value=a.realised/></td>
            <td><StatusBadge status=a.status(today)/></td>
        </tr>
    }
}
