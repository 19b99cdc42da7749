//! The agreement rows: a table on wide screens, cards on a phone (the same
//! markup; CSS turns each row into a card below 40 rem).

use chrono::NaiveDate;
use kemitraan_core::date::format_date;
use kemitraan_core::model::AgreementSummary;
use kemitraan_core::money::{format_percent_bp, percent_of};
use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::later::Later;
use crate::components::money::Amount;
use crate::components::status::StatusBadge;
use crate::i18n::{pick, txt, use_lang};

/// Rows drawn in the task that draws the list; the rest follow in the next
/// task. On a phone (4x CPU) the 50 rows of a page were one task of about
/// 250 ms; the first few fill the screen and cost a fifth of it.
const FIRST_ROWS: usize = 8;

/// The rows of one page, then `footer` (the pager) below the last row.
#[component]
pub fn AgreementList(
    mut items: Vec<AgreementSummary>,
    today: NaiveDate,
    #[prop(optional, into)] footer: ViewFn,
) -> impl IntoView {
    let lang = use_lang();
    let rest = items.split_off(FIRST_ROWS.min(items.len()));
    view! {
        <div class="table-wrap cards-on-phone" tabindex="0" role="region" aria-label=move || pick(lang.get(), "Daftar perjanjian", "Agreement list")>
        <table class="agreements">
            <thead><tr>
                <th scope="col">{txt("Perusahaan", "Company")}</th>
                <th scope="col">"UMKM"</th>
                <th scope="col">{txt("Pola", "Pattern")}</th>
                <th scope="col">{txt("Ditandatangani", "Signed")}</th>
                <th scope="col" class="num">{txt("Nilai", "Value")}</th>
                <th scope="col" class="num">{txt("Realisasi", "Realised")}</th>
                <th scope="col">{txt("Status", "Status")}</th>
            </tr></thead>
            <tbody>
                {items.into_iter().map(|a| view! { <Row a today/> }).collect_view()}
                <Later>
                    {rest.clone().into_iter().map(|a| view! { <Row a today/> }).collect_view()}
                </Later>
            </tbody>
        </table>
        </div>
        // After the rows that come later, so it is never pushed down.
        <Later>{let footer = footer.clone(); move || footer.run()}</Later>
    }
}

/// One agreement: a table row, or a card on a phone.
#[component]
fn Row(a: AgreementSummary, today: NaiveDate) -> impl IntoView {
    let lang = use_lang();
    let status = a.status(today);
    let pct = percent_of(a.realised, a.value);
    view! {
        <tr>
            <td data-label=move || pick(lang.get(), "Perusahaan", "Company")>
                <A href=format!("/mitra/{}", a.company.id)>{a.company.name.clone()}</A>
                " " <span class="tag">{a.company.kind.label()}</span>
            </td>
            <td data-label="UMKM"><A href=format!("/mitra/{}", a.umkm.id)>{a.umkm.name.clone()}</A></td>
            <td data-label=move || pick(lang.get(), "Pola", "Pattern")>
                <A href=format!("/perjanjian/{}", a.id) attr:class="agreement-link">
                    {move || a.pattern.label(lang.get())}
                </A>
            </td>
            <td data-label=move || pick(lang.get(), "Ditandatangani", "Signed")>
                <time datetime=a.date_signed.to_string()>{move || format_date(a.date_signed, lang.get())}</time>
            </td>
            <td class="num" data-label=move || pick(lang.get(), "Nilai", "Value")><Amount value=a.value/></td>
            <td class="num" data-label=move || pick(lang.get(), "Realisasi", "Realised")>
                {move || pct.map(|bp| format_percent_bp(bp, lang.get())).unwrap_or_else(|| "–".into())}
            </td>
            <td data-label=move || pick(lang.get(), "Status", "Status")><StatusBadge status/></td>
        </tr>
    }
}
