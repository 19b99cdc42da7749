//! `/perjanjian`: the agreements, filtered, sorted, totalled and exported.
//! The whole state lives in the URL (see `kemitraan_core::agreement_query`).
//!
//! Nothing here reads every agreement: `aggregates/index.json` gives the
//! totals (the cube) and the plan of each view
//! (`kemitraan_core::agreement_index`), and [`load::SourceLoad`] reads the
//! pages of the plan's source only while the page shown or its totals need
//! them. Totals that are not known yet read "menghitung…".

mod export;
mod filters;
mod list;
mod load;

use std::sync::Arc;

use kemitraan_core::agreement_index::{
    visible, AgreementIndex, Cube, Dim, PageMap, Timeline, TotalsFrom, Visible,
};
use kemitraan_core::agreement_query::AgreementQuery;
use kemitraan_core::count::{count_text, Noun};
use kemitraan_core::money::format_percent_bp;
use kemitraan_core::url::with_query;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;

use crate::agreements::use_agreement_store;
use crate::clock::today;
use crate::components::loaded::{loaded, ErrorBox, Loading};
use crate::components::money::Amount;
use crate::components::page_title::PageTitle;
use crate::components::pager::Pager;
use crate::i18n::{pick, txt, use_lang};

use export::Exports;
pub use filters::Filters;
pub use list::AgreementList;

/// Rows shown per page of the list.
pub const PAGE_SIZE: usize = 50;

#[component]
pub fn Agreements() -> impl IntoView {
    let store = use_agreement_store();
    let index = LocalResource::new(move || store.index());
    view! {
        <PageTitle id="Perjanjian Kemitraan" en="Partnership Agreements"/>
        <h1>{txt("Perjanjian Kemitraan", "Partnership Agreements")}</h1>
        <p class="lead">{txt(
            "Siapa menandatangani apa dengan siapa, kapan, dengan pola apa dan nilai berapa — dan berapa yang sudah terealisasi.",
            "Who signed what with whom, when, in which pattern and for how much — and how much was realised.",
        )}</p>
        {loaded(index, |index| view! { <Browser index/> }, None)}
    }
}

/// The files a plan's totals come from, once read.
#[derive(Clone)]
enum TotalsFiles {
    Cube(Arc<Cube>),
    Timelines(Vec<Arc<Timeline>>),
}

/// The list with its filters, once the index is loaded.
#[component]
fn Browser(index: Arc<AgreementIndex>) -> impl IntoView {
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
    let base_plan = {
        let index = index.clone();
        Memo::new(move |_| index.plan(&query.get(), page.get(), PAGE_SIZE))
    };
    // Totals the index alone does not give, from the files the plan names
    // (a cube, or status timelines): a few KB instead of every row of the
    // source. `None` while they load; if they cannot be read, the rows give
    // the totals as before.
    let store = use_agreement_store();
    let totals_from = Memo::new(move |_| base_plan.with(|p| p.totals_from.clone()));
    // Each value carries what it was read for: a value of the previous
    // plan may still be there while the next one loads, and must not be
    // used.
    let totals_files = LocalResource::new(move || {
        let from = totals_from.get();
        async move {
            let from = from?;
            let read = match &from {
                TotalsFrom::Cube(p) => store.cube(p.clone()).await.map(TotalsFiles::Cube),
                TotalsFrom::Timelines(list) => {
                    futures::future::join_all(list.iter().map(|p| store.timeline(p.clone())))
                        .await
                        .into_iter()
                        .collect::<Result<Vec<_>, _>>()
                        .map(TotalsFiles::Timelines)
                }
            };
            Some((from, read))
        }
    });
    let current_totals_files = move || {
        let want = totals_from.get()?;
        totals_files.with(|t| match t {
            Some(Some((f, r))) if *f == want => Some(r.clone()),
            _ => None,
        })
    };
    // The plan names files for its totals that have not arrived yet.
    let totals_pending =
        move || base_plan.with(|p| p.totals_from.is_some()) && current_totals_files().is_none();
    let plan = {
        let index = index.clone();
        Memo::new(move |_| {
            let mut p = base_plan.get();
            if p.totals.is_none() {
                if let Some(Ok(files)) = current_totals_files() {
                    p.totals = Some(query.with(|q| match &files {
                        TotalsFiles::Cube(c) => index.cube_totals(c, q),
                        TotalsFiles::Timelines(list) => {
                            let refs: Vec<&Timeline> = list.iter().map(|t| t.as_ref()).collect();
                            Timeline::sum_totals(&refs, &q.statuses, today)
                        }
                    }));
                }
            }
            p
        })
    };
    // The pages to read: those of the source, less those its page maps
    // show cannot hold a row of this view (`None` while the maps load; if
    // they cannot be read, every page).
    let map_paths = Memo::new(move |_| base_plan.with(|p| p.page_maps.clone()));
    let maps = LocalResource::new(move || {
        let list = map_paths.get();
        async move {
            if list.is_empty() {
                return None;
            }
            let read = futures::future::join_all(list.iter().map(|p| store.page_map(p.clone())))
                .await
                .into_iter()
                .collect::<Result<Vec<_>, _>>();
            Some((list, read))
        }
    });
    let to_read = {
        let index = index.clone();
        Memo::new(move |_| {
            let (source, want) = base_plan.with(|p| (p.source.clone(), p.page_maps.clone()));
            if want.is_empty() {
                let paths = index.page_paths(&source);
                return Some((source, paths));
            }
            let paths = maps.with(|m| match m {
                Some(Some((l, read))) if *l == want => Some(match read {
                    Ok(list) => {
                        let refs: Vec<&PageMap> = list.iter().map(|m| m.as_ref()).collect();
                        query.with(|q| index.pages_to_read(&source, &refs, q, today))
                    }
                    Err(_) => index.page_paths(&source),
                }),
                _ => None,
            })?;
            Some((source, paths))
        })
    };
    let load = load::SourceLoad::new();
    Effect::new(move |_| {
        if let Some((s, paths)) = to_read.get() {
            load.reset(s, paths);
        }
    });
    let shown = Memo::new(move |_| {
        load.version.track();
        let plan = plan.get();
        let current = to_read.with(|r| r.as_ref().is_some_and(|(s, p)| load.holds(s, p)));
        if !current {
            return Visible {
                rows: None,
                totals: plan.totals,
                needs_more: false,
            };
        }
        let complete = load.complete.get();
        let mut v = query.with(|q| {
            load.rows
                .with_value(|rows| visible(&plan, q, rows, complete, today, page.get(), PAGE_SIZE))
        });
        // The files will give the totals: read rows only for the page.
        if v.totals.is_none() && totals_pending() {
            v.needs_more = !complete && v.rows.is_none();
        }
        v
    });
    // Read more pages while the view needs them: one at a time when only
    // rows are missing and the source is in the list's order (a page of
    // 250 usually holds the 50 shown), else as many as the browser fetches
    // at once.
    Effect::new(move |_| {
        let needs = shown.with(|v| v.needs_more);
        if needs && !load.loading.get() && load.error.with(Option::is_none) {
            let batch = plan.with_untracked(|p| {
                if p.prefix_ordered && (p.totals.is_some() || p.totals_from.is_some()) {
                    1
                } else {
                    crate::agreements::PARALLEL
                }
            });
            load.pump(batch);
        }
    });
    let shown_totals = Memo::new(move |_| shown.with(|v| v.totals));

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

    let years: Vec<i32> = index
        .values(Dim::Year)
        .iter()
        .filter_map(|y| y.parse().ok())
        .collect();
    let events = index.values(Dim::Event);

    let computing = move || pick(lang.get(), "menghitung…", "counting…");
    let count_line = move || match shown_totals.get() {
        Some(t) => count_text(Noun::Agreement, t.count, lang.get()),
        // While the source is read, how far it is, in the same line (a
        // line of its own would move the list when it goes).
        None => {
            let (done, total) = load.progress.get();
            let base = pick(lang.get(), "Menghitung…", "Counting…");
            if total > 1 && done > 0 {
                format!(
                    "{base} ({done} {} {total} {})",
                    pick(lang.get(), "dari", "of"),
                    pick(lang.get(), "halaman", "pages")
                )
            } else {
                base.to_string()
            }
        }
    };
    let pages = Memo::new(move |_| {
        shown_totals
            .get()
            .map(|t| (t.count as usize).div_ceil(PAGE_SIZE).max(1))
    });
    let clear = move || set_query.run((AgreementQuery::default(), false));
    // Drawn by the list after its last row, not before the rows: a pager
    // drawn first would be pushed down when they arrive.
    let pager = ViewFn::from(move || {
        pages.get().map(|n| {
            let pages = u32::try_from(n).unwrap_or(u32::MAX);
            let page = u32::try_from(page.get()).unwrap_or(u32::MAX);
            view! { <Pager page pages href=page_href label=("Halaman daftar", "List pages")/> }
        })
    });
    view! {
        <div class="browse">
            <Filters query set_query years events/>
            <section class="browse-results" aria-labelledby="results-h">
                <h2 id="results-h" class="visually-hidden">{txt("Hasil", "Results")}</h2>
                <div class="totals" aria-live="polite">
                    <p class="totals-count">{count_line}</p>
                    <dl class="totals-figures">
                        <div><dt>{txt("Komitmen", "Committed")}</dt>
                            <dd>{move || match shown_totals.get() {
                                Some(t) => view! { <Amount value=t.committed/> }.into_any(),
                                None => computing().into_any(),
                            }}</dd></div>
                        <div><dt>{txt("Terealisasi", "Realised")}</dt>
                            <dd>{move || match shown_totals.get() {
                                Some(t) => view! { <Amount value=t.realised/> }.into_any(),
                                None => computing().into_any(),
                            }}</dd></div>
                        <div><dt>{txt("Realisasi", "Realisation")}</dt>
                            <dd>{move || match shown_totals.get() {
                                Some(t) => t.realisation_bp
                                    .map(|bp| format_percent_bp(bp, lang.get()))
                                    .unwrap_or_else(|| "–".to_string()),
                                None => computing().to_string(),
                            }}</dd></div>
                    </dl>
                </div>
                <div class="toolbar">
                    <label class="sort">
                        <span>{txt("Urutkan", "Sort by")}</span>
                        <SortSelect query set_query/>
                    </label>
                    <Exports index=index.clone() query load today/>
                </div>
                {move || load.error.get().map(|error| view! {
                    <ErrorBox error on_retry=move |_| load.retry()/>
                })}
                {move || match shown.with(|v| v.rows.clone()) {
                    None if load.error.with(Option::is_some) => ().into_any(),
                    None => view! { <Loading/> }.into_any(),
                    Some(list) if list.is_empty() => view! {
                        <div class="empty">
                            <p>{txt("Tidak ada perjanjian yang cocok dengan filter ini.", "No agreement matches these filters.")}</p>
                            <button type="button" class="button" on:click=move |_| clear()>
                                {txt("Hapus semua filter", "Clear all filters")}
                            </button>
                        </div>
                    }.into_any(),
                    Some(list) => view! { <AgreementList items=list today footer=pager.clone()/> }.into_any(),
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
