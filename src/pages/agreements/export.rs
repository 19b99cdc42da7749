//! CSV and OCDS exports of the filtered list. When the view has already
//! read its whole source, the rows are in memory; otherwise the export reads
//! a source that holds every row (`AgreementIndex::full_source`) page by
//! page, keeps only the matching rows, shows a progress bar and can be
//! cancelled (its own AbortController). The file holds exactly the rows of
//! the list, in its order.

use std::sync::Arc;

use chrono::NaiveDate;
use kemitraan_core::agreement_index::AgreementIndex;
use kemitraan_core::agreement_query::{compare, to_csv, AgreementQuery};
use kemitraan_core::client::ApiError;
use kemitraan_core::model::AgreementSummary;
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::load::SourceLoad;
use crate::agreements::{controller, fetch_pages, MAX_PAGES, PARALLEL};
use crate::components::download::download_text;
use crate::components::loaded::ErrorBox;
use crate::i18n::{pick, txt, use_lang};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Format {
    Csv,
    Ocds,
}

#[derive(Clone, Debug, PartialEq)]
enum State {
    Idle,
    /// Pages read of pages to read.
    Running(usize, usize),
    Cancelled,
    Failed(ApiError),
}

fn save(format: Format, rows: &[AgreementSummary], lang: kemitraan_core::Lang, today: NaiveDate) {
    let result = match format {
        Format::Csv => download_text(
            &to_csv(&rows.iter().collect::<Vec<_>>(), lang, today),
            "text/csv;charset=utf-8",
            "perjanjian-kemitraan.csv",
        ),
        Format::Ocds => download_text(
            &kemitraan_core::ocds::summaries_package(rows, today),
            "application/json",
            "perjanjian-kemitraan-ocds.json",
        ),
    };
    if let Err(e) = result {
        web_sys::console::error_1(&e);
    }
}

#[component]
pub fn Exports(
    index: Arc<AgreementIndex>,
    query: Memo<AgreementQuery>,
    load: SourceLoad,
    today: NaiveDate,
) -> impl IntoView {
    let lang = use_lang();
    let index = StoredValue::new(index);
    let state = RwSignal::new(State::Idle);
    let abort = StoredValue::new_local(None::<web_sys::AbortController>);
    let generation = StoredValue::new(0u64);
    let cancel = move || {
        generation.update_value(|g| *g += 1);
        if let Some(Some(c)) = abort.try_get_value() {
            c.abort();
        }
    };
    on_cleanup(cancel);

    let start = move |format: Format| {
        if matches!(state.get_untracked(), State::Running(..)) {
            return;
        }
        let q = query.get_untracked();
        let source = index.with_value(|i| i.full_source(&q));
        let l = lang.get_untracked();
        // The view already holds every row of this source.
        // (Every page of it: a view skips the pages its page maps rule out.)
        let every_page = index.with_value(|i| i.page_paths(&source));
        if load.complete.get_untracked() && untrack(|| load.holds(&source, &every_page)) {
            let rows: Vec<AgreementSummary> = load.rows.with_value(|all| {
                let mut rows: Vec<AgreementSummary> =
                    q.apply(all, today).into_iter().cloned().collect();
                rows.dedup_by(|a, b| a.id == b.id);
                rows
            });
            state.set(State::Idle);
            save(format, &rows, l, today);
            return;
        }
        let mut paths = index.with_value(|i| i.page_paths(&source));
        paths.truncate(MAX_PAGES);
        let c = controller();
        let signal = c.as_ref().map(|c| c.signal());
        abort.set_value(c);
        generation.update_value(|g| *g += 1);
        let mine = generation.get_value();
        state.set(State::Running(0, paths.len()));
        spawn_local(async move {
            let mut rows: Vec<AgreementSummary> = Vec::new();
            for (i, batch) in paths.chunks(PARALLEL).enumerate() {
                let result = fetch_pages(batch, signal.as_ref()).await;
                if generation.try_get_value() != Some(mine) {
                    return; // cancelled
                }
                match result {
                    Ok(pages) => {
                        for p in &pages {
                            rows.extend(q.apply(&p.items, today).into_iter().cloned());
                        }
                    }
                    Err(e) => {
                        state.set(State::Failed(e));
                        return;
                    }
                }
                let read = (i * PARALLEL + batch.len()).min(paths.len());
                state.set(State::Running(read, paths.len()));
            }
            rows.sort_by(|a, b| compare(q.sort, a, b));
            rows.dedup_by(|a, b| a.id == b.id);
            state.set(State::Idle);
            save(format, &rows, l, today);
        });
    };

    view! {
        <div class="exports">
            <button type="button" class="button secondary" on:click=move |_| start(Format::Csv)
                disabled=move || matches!(state.get(), State::Running(..))>
                {txt("Unduh CSV", "Download CSV")}
            </button>
            <button type="button" class="button secondary" on:click=move |_| start(Format::Ocds)
                disabled=move || matches!(state.get(), State::Running(..))>
                {txt("Unduh JSON (OCDS)", "Download JSON (OCDS)")}
            </button>
        </div>
        {move || match state.get() {
            State::Idle => ().into_any(),
            State::Running(done, total) => view! {
                <div class="export-progress" role="status">
                    <label>
                        <span>{move || format!(
                            "{} {done} {} {total} {}",
                            pick(lang.get(), "Menyiapkan unduhan:", "Preparing the download:"),
                            pick(lang.get(), "dari", "of"),
                            pick(lang.get(), "halaman", "pages"),
                        )}</span>
                        <progress max=total.max(1).to_string() value=done.to_string()></progress>
                    </label>
                    <button type="button" class="button secondary" on:click=move |_| {
                        cancel();
                        state.set(State::Cancelled);
                    }>{txt("Batalkan", "Cancel")}</button>
                </div>
            }.into_any(),
            State::Cancelled => view! {
                <p class="muted export-cancelled" role="status">{txt("Unduhan dibatalkan.", "Download cancelled.")}</p>
            }.into_any(),
            State::Failed(error) => view! {
                <ErrorBox error on_retry=move |_| state.set(State::Idle)/>
            }.into_any(),
        }}
    }
}
