//! Loading and error states for everything fetched.
//!
//! [`loaded`] wraps a resource: while it loads the user sees a status line,
//! on error a message in their language with a Retry button, and never a blank
//! page. A 404 can be given its own view (a not-found message).

use kemitraan_core::client::ApiError;
use leptos::prelude::*;

use crate::i18n::{txt, use_lang};

pub use crate::state::Fetched;

#[component]
pub fn Loading() -> impl IntoView {
    view! {
        <p class="loading" role="status" aria-live="polite">
            <span class="spinner" aria-hidden="true"></span>
            {txt("Memuat data…", "Loading data…")}
        </p>
    }
}

/// The error message with a Retry button.
#[component]
pub fn ErrorBox(error: ApiError, #[prop(into)] on_retry: Callback<()>) -> impl IntoView {
    let lang = use_lang();
    let detail = error.detail().map(str::to_string);
    // The dataset's metadata (footer, synthetic-data notice) is fetched once
    // per visit; if it failed in the same outage, every Retry fetches it again
    // too, so the notice is not left missing after the backend recovers.
    let meta = crate::state::use_meta();
    let retry = move || {
        if let Some(m) = meta {
            if m.with_untracked(|r| matches!(r, Some(Err(_)))) {
                m.refetch();
            }
        }
        on_retry.run(());
    };
    let message = {
        let error = error.clone();
        move || error.message(lang.get())
    };
    view! {
        <div class="error-box" role="alert">
            <p class="error-title">{txt("Data tidak dapat dimuat", "Could not load the data")}</p>
            <p>{message}</p>
            {detail.map(|d| view! {
                <details>
                    <summary>{txt("Rincian teknis", "Technical detail")}</summary>
                    <code>{d}</code>
                </details>
            })}
            <button type="button" class="button" on:click=move |_| retry()>
                {txt("Coba lagi", "Retry")}
            </button>
        </div>
    }
}

/// Renders `resource` with `render` once it has loaded; a loading line
/// before, and an [`ErrorBox`] whose Retry refetches on failure. When
/// `not_found` is given, a 404 shows it instead of the error.
pub fn loaded<T, V>(
    resource: Fetched<T>,
    render: impl Fn(T) -> V + Clone + Send + Sync + 'static,
    not_found: Option<ViewFn>,
) -> impl IntoView
where
    T: Clone + Send + Sync + 'static,
    V: IntoView + 'static,
{
    view! {
        <Suspense fallback=|| view! { <Loading/> }>
            {move || {
                let render = render.clone();
                let not_found = not_found.clone();
                Suspend::new(async move {
                    match resource.await {
                        Ok(value) => render(value).into_any(),
                        Err(e) if e.is_not_found() && not_found.is_some() => {
                            not_found.map(|f| f.run()).into_any()
                        }
                        Err(error) => view! {
                            <ErrorBox error on_retry=move |_| resource.refetch()/>
                        }
                        .into_any(),
                    }
                })
            }}
        </Suspense>
    }
}
