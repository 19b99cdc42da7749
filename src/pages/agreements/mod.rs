//! `/perjanjian`: every agreement, filtered, sorted, totalled and exported.
//! The whole state lives in the URL (see `kemitraan_core::agreement_query`).

mod filters;
mod list;

use std::sync::Arc;

use kemitraan_core::agreement_query::{to_csv, totals, AgreementQuery};
use kemitraan_core::count::{count_text, Noun};
use kemitraan_core::model::AgreementSummary;
use kemitraan_core::money::format_percent_bp;
use kemitraan_core::url::with_query;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;

use crate::api;
use crate::clock::today;
use crate::components::download::{download_text, DownloadButton, DownloadReport};
use crate::components::loaded::loaded;
use crate::components::money::Amount;
use crate::components::page_title::PageTitle;
use crate::components::pager::Pager;
use crate::i18n::{pick, txt, use_lang};

pub use filters::Filters;
pub use list::AgreementList;

/// Rows shown per page of the list.
pub const PAGE_SIZE: usize = 50;

#[component]
pub fn Agreements() -> impl IntoView {
    let progress = RwSignal::new((0u32, 0u32));
    let all = LocalResource::new(move || {
        api::all_agreements(move |done, total| progress.set((done, total)))
    });
    let lang = use_lang();
    view! {
        <PageTitle id="Perjanjian Kemitraan" en="Partnership Agreements"/>
        <h1>{txt("Perjanjian Kemitraan", "Partnership Agreements")}</h1>
        <p class="lead">{txt(
            "Siapa menandatangani apa dengan siapa, kapan, dengan pola apa dan nilai berapa — dan berapa yang sudah terealisasi.",
            "Who signed what with whom, when, in which pattern and for how much — and how much was realised.",
        )}</p>
        {move || {
            let (done, total) = progress.get();
            (total > 1 && done < total).then(|| view! {
                <p class="muted" role="status">{move || format!(
                    "{} {done} {} {total} {}",
                    pick(lang.get(), "Memuat", "Loading"),
                    pick(lang.get(), "dari", "of"),
                    pick(lang.get(), "halaman…", "pages…"),
                )}</p>
            })
        }}
        {loaded(all, |items| view! { <Browser items=Arc::new(items)/> }, None)}
    }
}

/// The list with its filters, once every agreement is loaded.
#[component]
fn Browser(items: Arc<Vec<AgreementSummary>>) -> impl IntoView {
    let lang = use_lang();
    let query_map = use_query_map();
    let navigate = use_navigate();
    let query = Memo::new(move |_| {
        query_map.with(|m| AgreementQuery::from_pairs(m.into_iter().map(|(k, v)| (k.as_ref(), v))))
    });
    let page = Memo::new(move |_| {
        query_map.with(|m| {
            m.get_str("hal")
                .and_then(|p| p.parse::<usize>().ok())
                .filter(|p| *p >= 1)
                .unwrap_or(1)
        })
    });
    let today = today();
    let rows = {
        let items = items.clone();
        Memo::new(move |_| {
            query.with(|q| {
                q.apply(&items, today)
                    .into_iter()
                    .map(|a| a.id.clone())
                    .collect::<Vec<_>>()
            })
        })
    };
    // The rows themselves, resolved from ids on demand (Memo needs PartialEq).
    let index = Arc::new(
        items
            .iter()
            .enumerate()
            .map(|(i, a)| (a.id.clone(), i))
            .collect::<std::collections::HashMap<_, _>>(),
    );
    let resolve = {
        let items = items.clone();
        let index = index.clone();
        move |ids: &[String]| -> Vec<AgreementSummary> {
            ids.iter()
                .filter_map(|id| index.get(id).and_then(|i| items.get(*i)).cloned())
                .collect()
        }
    };
    let shown_totals = {
        let resolve = resolve.clone();
        Memo::new(move |_| {
            let list = rows.with(|ids| resolve(ids));
            totals(&list.iter().collect::<Vec<_>>())
        })
    };

    // Every change of the filter writes a new history entry, except typing
    // in the text box, which replaces it.
    let set_query = {
        let navigate = navigate.clone();
        Callback::new(move |(q, replace): (AgreementQuery, bool)| {
            let url = with_query("/perjanjian", &q.to_pairs());
            navigate(
                &url,
                NavigateOptions {
                    replace,
                    scroll: false,
                    ..Default::default()
                },
            );
        })
    };
    // The address of a page of this list (links, not buttons: see Pager).
    let page_href = move |p: u32| {
        let mut pairs = query.with_untracked(AgreementQuery::to_pairs);
        if p > 1 {
            pairs.push(("hal", p.to_string()));
        }
        with_query("/perjanjian", &pairs)
    };

    let export_csv = {
        let resolve = resolve.clone();
        move |report: DownloadReport| {
            let list = rows.with_untracked(|ids| resolve(ids));
            let doc = to_csv(
                &list.iter().collect::<Vec<_>>(),
                lang.get_untracked(),
                today,
            );
            report.report(download_text(
                &doc,
                "text/csv;charset=utf-8",
                "perjanjian-kemitraan.csv",
            ));
        }
    };
    let export_ocds = {
        let resolve = resolve.clone();
        move |report: DownloadReport| {
            let list = rows.with_untracked(|ids| resolve(ids));
            let doc = kemitraan_core::ocds::summaries_package(&list, today);
            report.report(download_text(
                &doc,
                "application/json",
                "perjanjian-kemitraan-ocds.json",
            ));
        }
    };

    let years = {
        let mut y: Vec<i32> = items
            .iter()
            .map(|a| chrono::Datelike::year(&a.date_signed))
            .collect();
        y.sort_unstable();
        y.dedup();
        y
    };
    let events = {
        let mut e: Vec<String> = items.iter().filter_map(|a| a.event_id.clone()).collect();
        e.sort();
        e.dedup();
        e
    };

    let count_text = move || {
        let t = shown_totals.get();
        count_text(Noun::Agreement, t.count, lang.get())
    };
    let page_rows = {
        let resolve = resolve.clone();
        Memo::new(move |_| {
            let p = page.get();
            rows.with(|ids| {
                let start = (p - 1).saturating_mul(PAGE_SIZE).min(ids.len());
                let end = (start + PAGE_SIZE).min(ids.len());
                resolve(&ids[start..end])
            })
        })
    };
    let pages = Memo::new(move |_| rows.with(|r| r.len().div_ceil(PAGE_SIZE).max(1)));
    let clear = move || set_query.run((AgreementQuery::default(), false));

    view! {
        <div class="browse">
            <Filters query set_query years events/>
            <section class="browse-results" aria-labelledby="results-h">
                <h2 id="results-h" class="visually-hidden">{txt("Hasil", "Results")}</h2>
                <div class="totals" aria-live="polite">
                    <p class="totals-count">{count_text}</p>
                    <dl class="totals-figures">
                        <div><dt>{txt("Komitmen", "Committed")}</dt>
                            <dd>{move || view! { <Amount value=shown_totals.get().committed/> }}</dd></div>
                        <div><dt>{txt("Terealisasi", "Realised")}</dt>
                            <dd>{move || view! { <Amount value=shown_totals.get().realised/> }}</dd></div>
                        <div><dt>{txt("Realisasi", "Realisation")}</dt>
                            <dd>{move || shown_totals.get().realisation_bp
                                .map(|bp| format_percent_bp(bp, lang.get()))
                                .unwrap_or_else(|| "–".to_string())}</dd></div>
                    </dl>
                </div>
                <div class="toolbar">
                    <label class="sort">
                        <span>{txt("Urutkan", "Sort by")}</span>
                        <SortSelect query set_query/>
                    </label>
                    <div class="exports">
                        <DownloadButton label=("Unduh CSV", "Download CSV") make=export_csv/>
                        <DownloadButton label=("Unduh JSON (OCDS)", "Download JSON (OCDS)") make=export_ocds/>
                    </div>
                </div>
                {move || {
                    let list = page_rows.get();
                    if list.is_empty() {
                        view! {
                            <div class="empty">
                                <p>{txt("Tidak ada perjanjian yang cocok dengan filter ini.", "No agreement matches these filters.")}</p>
                                <button type="button" class="button" on:click=move |_| clear()>
                                    {txt("Hapus semua filter", "Clear all filters")}
                                </button>
                            </div>
                        }.into_any()
                    } else {
                        view! { <AgreementList items=list today/> }.into_any()
                    }
                }}
                {move || {
                    let pages = u32::try_from(pages.get()).unwrap_or(u32::MAX);
                    let page = u32::try_from(page.get()).unwrap_or(u32::MAX);
                    view! { <Pager page pages href=page_href label=("Halaman daftar", "List pages")/> }
                }}
            </section>
        </div>
    }
}

#[component]
fn SortSelect(
    query: Memo<AgreementQuery>,
    set_query: Callback<(AgreementQuery, bool)>,
) -> impl IntoView {
    use kemitraan_core::agreement_query::Sort;
    let lang = use_lang();
    view! {
        <select on:change=move |ev| {
            let mut q = query.get_untracked();
            q.sort = Sort::parse(&event_target_value(&ev)).unwrap_or_default();
            set_query.run((q, false));
        }>
            {Sort::ALL.into_iter().map(|s| view! {
                <option value=s.code() selected=move || query.with(|q| q.sort == s)>
                    {move || s.label(lang.get())}
                </option>
            }).collect_view()}
        </select>
    }
}
