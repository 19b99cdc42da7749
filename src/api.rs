//! The one place that talks to the JSON backend.
//!
//! Every resource is fetched with gloo-net from the base URL in `config.json`
//! (read once per visit), with a timeout enforced by an AbortController, and
//! decoded by `kemitraan_core::client::decode`, which tells invalid JSON from
//! a wrong shape. Errors are `ApiError`s; nothing here panics on what the
//! network returns.

use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::sync::Arc;

use gloo_net::http::Request;
use kemitraan_core::client::{decode, status_error, ApiError, Config};
use kemitraan_core::model::{
    paths, AgreementDetail, Counts, DatasetMeta, DetailBucket, Events, PartnerDetail, Summary,
};
use serde::de::DeserializeOwned;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

thread_local! {
    static CONFIG: RefCell<Option<Config>> = const { RefCell::new(None) };
    /// `meta.json` once read: detail files are found from its counts.
    static META: RefCell<Option<DatasetMeta>> = const { RefCell::new(None) };
}

/// Resolves `path` against the document's base URL, so the app works when
/// deployed under a sub-path and `config.json` is found from any deep link.
fn resolve(path: &str) -> String {
    let base = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.base_uri().ok().flatten());
    match base {
        Some(base) => web_sys::Url::new_with_base(path, &base)
            .map(|u| u.href())
            .unwrap_or_else(|_| path.to_string()),
        None => path.to_string(),
    }
}

/// `config.json` beside `index.html`; the defaults when it is missing or
/// unreadable (a warning goes to the console, not an error page: the default
/// backend ships with the app).
async fn config() -> Config {
    if let Some(c) = CONFIG.with(|c| c.borrow().clone()) {
        return c;
    }
    let cfg = match fetch_text(&resolve("config.json"), 5_000, None).await {
        Ok(text) => Config::from_json(&text).unwrap_or_else(|e| {
            web_sys::console::warn_1(&format!("config.json ignored: {e}").into());
            Config::default()
        }),
        Err(_) => Config::default(),
    };
    CONFIG.with(|c| *c.borrow_mut() = Some(cfg.clone()));
    cfg
}

/// Forwards an outside abort (a page that no longer needs a request) to the
/// request's own controller; removes itself when the request ends.
struct AbortForward {
    signal: web_sys::AbortSignal,
    callback: Closure<dyn FnMut()>,
}

impl AbortForward {
    fn new(signal: &web_sys::AbortSignal, controller: web_sys::AbortController) -> Option<Self> {
        let callback = Closure::<dyn FnMut()>::new(move || controller.abort());
        signal
            .add_event_listener_with_callback("abort", callback.as_ref().unchecked_ref())
            .ok()?;
        Some(AbortForward {
            signal: signal.clone(),
            callback,
        })
    }
}

impl Drop for AbortForward {
    fn drop(&mut self) {
        let _ = self
            .signal
            .remove_event_listener_with_callback("abort", self.callback.as_ref().unchecked_ref());
    }
}

/// GETs a URL as text, abandoning it after `timeout_ms` or when `abort`
/// fires.
async fn fetch_text(
    url: &str,
    timeout_ms: u32,
    abort: Option<&web_sys::AbortSignal>,
) -> Result<String, ApiError> {
    fetch_text_with(url, timeout_ms, abort, false).await
}

/// [`fetch_text`]; `revalidate` asks the browser to check its cached copy
/// with the server first (`cache: "no-cache"`: a conditional request, a 304
/// when unchanged), for the files that name the version of others.
async fn fetch_text_with(
    url: &str,
    timeout_ms: u32,
    abort: Option<&web_sys::AbortSignal>,
    revalidate: bool,
) -> Result<String, ApiError> {
    if abort.is_some_and(|a| a.aborted()) {
        return Err(ApiError::Unreachable);
    }
    let controller = web_sys::AbortController::new().ok();
    let _forward = match (abort, &controller) {
        (Some(a), Some(c)) => AbortForward::new(a, c.clone()),
        _ => None,
    };
    let timed_out = Rc::new(Cell::new(false));
    let _timer = {
        let controller = controller.clone();
        let timed_out = timed_out.clone();
        // Dropping the Timeout cancels it, so a finished request is not aborted.
        gloo_timers::callback::Timeout::new(timeout_ms, move || {
            timed_out.set(true);
            if let Some(c) = controller {
                c.abort();
            }
        })
    };
    let signal = controller.as_ref().map(|c| c.signal());
    let failed = |_| {
        if timed_out.get() {
            ApiError::Timeout { ms: timeout_ms }
        } else {
            ApiError::Unreachable
        }
    };
    let mut request = Request::get(url);
    if revalidate {
        request = request.cache(web_sys::RequestCache::NoCache);
    }
    let resp = request
        .abort_signal(signal.as_ref())
        .send()
        .await
        .map_err(failed)?;
    if !resp.ok() {
        let retry_after = resp.headers().get("retry-after");
        return Err(status_error(resp.status(), retry_after.as_deref()));
    }
    resp.text().await.map_err(failed)
}

/// Fetches and decodes one resource of the contract.
pub async fn get<T: DeserializeOwned>(path: &str) -> Result<T, ApiError> {
    get_abortable(path, None).await
}

/// [`get`], abandoned when `abort` fires (the page left, the filter
/// changed, the user cancelled an export).
pub async fn get_abortable<T: DeserializeOwned>(
    path: &str,
    abort: Option<&web_sys::AbortSignal>,
) -> Result<T, ApiError> {
    decode(&get_text_abortable(path, abort).await?)
}

/// Fetches one resource of the contract as text (the search index files
/// are not JSON).
pub async fn get_text(path: &str) -> Result<String, ApiError> {
    get_text_abortable(path, None).await
}

/// Like [`get_text`], revalidated with the server even when the browser
/// holds a fresh copy: for the search index's root, which names the version
/// of every shard URL (docs/api.md).
pub async fn get_text_revalidated(path: &str) -> Result<String, ApiError> {
    get_text_with(path, None, true).await
}

async fn get_text_abortable(
    path: &str,
    abort: Option<&web_sys::AbortSignal>,
) -> Result<String, ApiError> {
    get_text_with(path, abort, false).await
}

async fn get_text_with(
    path: &str,
    abort: Option<&web_sys::AbortSignal>,
    revalidate: bool,
) -> Result<String, ApiError> {
    let cfg = config().await;
    let url = resolve(&cfg.url(path));
    let text = fetch_text_with(&url, cfg.timeout_ms, abort, revalidate)
        .await
        .inspect_err(|e| {
            // A backend that cannot be reached may be a wrong address in
            // config.json: forget it, so Retry reads the file again and a
            // repaired deployment recovers without a reload.
            if matches!(e, ApiError::Unreachable | ApiError::Timeout { .. }) {
                CONFIG.with(|c| *c.borrow_mut() = None);
            }
        })?;
    Ok(text)
}

/// `meta.json`, read once per visit (a failure is not kept, so Retry reads
/// it again).
pub async fn meta() -> Result<DatasetMeta, ApiError> {
    if let Some(m) = META.with(|m| m.borrow().clone()) {
        return Ok(m);
    }
    let m: DatasetMeta = get(paths::META).await?;
    META.with(|c| *c.borrow_mut() = Some(m.clone()));
    Ok(m)
}

pub async fn summary() -> Result<Summary, ApiError> {
    get(paths::SUMMARY).await
}

pub async fn events() -> Result<Events, ApiError> {
    get(paths::EVENTS).await
}

/// One partner: its detail bucket (`meta.json` gives the bucket count),
/// then the partner in it; 404 when the bucket does not hold it.
pub async fn partner(id: String) -> Result<PartnerDetail, ApiError> {
    detail(
        &id,
        |c| c.partners,
        paths::partner,
        |d: &PartnerDetail| &d.partner.id,
    )
    .await
}

/// One agreement, found like [`partner`].
pub async fn agreement(id: String) -> Result<AgreementDetail, ApiError> {
    detail(
        &id,
        |c| c.agreements,
        paths::agreement,
        |d: &AgreementDetail| &d.agreement.id,
    )
    .await
}

/// The item `id` of a detail bucket: `count` picks the list's size from
/// `meta.json`, `path` names the bucket for the id and that size, `id_of`
/// reads an item's id. An id that is not well formed is a 404 without a
/// request.
async fn detail<T: DeserializeOwned>(
    id: &str,
    count: fn(&Counts) -> u64,
    path: fn(&str, u64) -> String,
    id_of: fn(&T) -> &String,
) -> Result<T, ApiError> {
    if !kemitraan_core::model::is_valid_id(id) {
        return Err(ApiError::Status(404));
    }
    let n = count(&meta().await?.counts);
    let bucket: DetailBucket<T> = get(&path(id, n)).await?;
    bucket
        .items
        .into_iter()
        .find(|d| id_of(d) == id)
        .ok_or(ApiError::Status(404))
}

/// `summary.json` and `events.json`, fetched together: one loading line for
/// the figures, the event and the charts.
pub async fn overview() -> Result<(Arc<Summary>, Arc<Events>), kemitraan_core::client::ApiError> {
    let (summary, events) = futures::future::join(summary(), events()).await;
    Ok((Arc::new(summary?), Arc::new(events?)))
}
