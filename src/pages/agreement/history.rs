//! Every agreement between the same two parties, with year-on-year growth.

use kemitraan_core::agreement_query::pair_growth;
use kemitraan_core::date::format_date;
use kemitraan_core::model::AgreementSummary;
use kemitraan_core::money::format_percent_bp;
use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::money::Amount;
use crate::i18n::{pick, txt, use_lang};

#[component]
pub fn PairHistory(history: Vec<AgreementSummary>, current: String) -> impl IntoView {
    let lang = use_lang();
    let growth = pair_growth(&history);
    view! {
        <div class="table-wrap" tabindex="0" role="region" aria-label=move || pick(lang.get(), "Tabel riwayat pasangan", "Pair history table")>
        <table class="pair-history">
            <thead><tr>
                <th scope="col">{txt("Tahun", "Year")}</th>
                <th scope="col">{txt("Perjanjian", "Agreement")}</th>
                <th scope="col">{txt("Pola", "Pattern")}</th>
                <th scope="col" class="num">{txt("Nilai", "Value")}</th>
                <th scope="col" class="num">{txt("Pertumbuhan", "Growth")}</th>
                <th scope="col" class="num">{txt("Terealisasi", "Realised")}</th>
            </tr></thead>
            <tbody>
            {history.into_iter().zip(growth).map(|(a, g)| {
                let is_current = a.id == current;
                view! {
                    <tr class:current=is_current aria-current=is_current.then_some("true")>
                        <td>{chrono::Datelike::year(&a.date_signed)}</td>
                        <td>
                            <A href=format!("/perjanjian/{}", a.id)>{a.id.clone()}</A>
                            <br/><span class="muted">{move || format_date(a.date_signed, lang.get())}</span>
                        </td>
                        <td>{move || a.pattern.label(lang.get())}</td>
                        <td class="num"><Amount value=a.value/></td>
                        <td class="num growth">{move || match g {
                            Some(bp) => format!("{}{}", if bp > 0 { "+" } else { "" }, format_percent_bp(bp, lang.get())),
                            None => "–".to_string(),
                        }}</td>
                        <td class="num"><Amount value=a.realised/></td>
                    </tr>
                }
            }).collect_view()}
            </tbody>
        </table>
        </div>
    }
}
