//! The partner search index of this visit: loaded once, kept in a context.
//!
//! The first visit to /mitra fetches every `partners/page-{n}.json` (the
//! number is in `meta.json`), six at a time, adding each page to an
//! [`IndexBuilder`] as it arrives, then builds the index once. The store is
//! provided by `App`, above the routes, so leaving /mitra and coming back
//! does not fetch or build again. A failed page stops the load and shows an
//! error whose Retry starts over.

use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::sync::Arc;

use kemitraan_core::client::ApiError;
use kemitraan_core::search::{Index, IndexBuilder};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api;

/// Pages fetched at once: the browser's connection limit per host.
const PARALLEL: u32 = 6;

#[derive(Clone)]
pub enum LoadState {
    Idle,
    /// `done` of `total` pages fetched.
    Loading {
        done: u32,
        total: u32,
    },
    Ready(Arc<Index>),
    Failed(ApiError),
}

/// The shared index and its loading state.
#[derive(Clone, Copy)]
pub struct SearchStore {
    pub state: RwSignal<LoadState>,
}

impl SearchStore {
    pub fn new() -> SearchStore {
        SearchStore {
            state: RwSignal::new(LoadState::Idle),
        }
    }

    /// Starts loading unless a load is running or done.
    pub fn ensure_loaded(self) {
        let idle = self
            .state
            .with_untracked(|s| matches!(s, LoadState::Idle | LoadState::Failed(_)));
        if idle {
            self.state.set(LoadState::Loading { done: 0, total: 0 });
            spawn_local(load(self.state));
        }
    }

    /// The index, once built, without subscribing to the state.
    pub fn index_untracked(self) -> Option<Arc<Index>> {
        self.state.with_untracked(|s| match s {
            LoadState::Ready(idx) => Some(idx.clone()),
            _ => None,
        })
    }

    /// The index, once built.
    pub fn index(self) -> Option<Arc<Index>> {
        self.state.with(|s| match s {
            LoadState::Ready(idx) => Some(idx.clone()),
            _ => None,
        })
    }
}

impl Default for SearchStore {
    fn default() -> Self {
        SearchStore::new()
    }
}

/// The store provided by `App`; a fresh one outside it (component tests).
pub fn use_search_store() -> SearchStore {
    use_context::<SearchStore>().unwrap_or_else(|| {
        let store = SearchStore::new();
        provide_context(store);
        store
    })
}

fn now_ms() -> f64 {
    js_sys::Date::now()
}

async fn load(state: RwSignal<LoadState>) {
    let started = now_ms();
    let total = match api::meta().await {
        Ok(meta) => meta.partner_pages,
        Err(e) => {
            state.set(LoadState::Failed(e));
            return;
        }
    };
    state.set(LoadState::Loading { done: 0, total });
    let ctx = Rc::new(Load {
        state,
        total,
        started,
        builder: RefCell::new(IndexBuilder::new()),
        next: Cell::new(1),
        done: Cell::new(0),
        running: Cell::new(0),
        failed: RefCell::new(None),
        add_ms: Cell::new(0.0),
    });
    let workers = PARALLEL.min(total.max(1));
    ctx.running.set(workers);
    for _ in 0..workers {
        spawn_local(worker(ctx.clone()));
    }
}

/// One load in progress, shared by its workers.
struct Load {
    state: RwSignal<LoadState>,
    total: u32,
    started: f64,
    builder: RefCell<IndexBuilder>,
    next: Cell<u32>,
    done: Cell<u32>,
    running: Cell<u32>,
    failed: RefCell<Option<ApiError>>,
    add_ms: Cell<f64>,
}

/// Fetches pages until none is left or one failed; the last worker to stop
/// builds the index.
async fn worker(ctx: Rc<Load>) {
    loop {
        let n = ctx.next.get();
        if n > ctx.total || ctx.failed.borrow().is_some() {
            break;
        }
        ctx.next.set(n + 1);
        match api::partner_page(n).await {
            Ok(page) => {
                let t = now_ms();
                ctx.builder.borrow_mut().add(&page.items);
                ctx.add_ms.set(ctx.add_ms.get() + now_ms() - t);
                ctx.done.set(ctx.done.get() + 1);
                if ctx.failed.borrow().is_none() {
                    ctx.state.set(LoadState::Loading {
                        done: ctx.done.get(),
                        total: ctx.total,
                    });
                }
            }
            Err(e) => {
                ctx.failed.borrow_mut().get_or_insert(e);
                break;
            }
        }
    }
    ctx.running.set(ctx.running.get() - 1);
    if ctx.running.get() == 0 {
        finish(&ctx);
    }
}

fn finish(ctx: &Load) {
    if let Some(e) = ctx.failed.borrow_mut().take() {
        ctx.state.set(LoadState::Failed(e));
        return;
    }
    let fetched = now_ms();
    let builder = ctx.builder.replace(IndexBuilder::new());
    let index = builder.finish();
    let built = now_ms();
    let add_ms = ctx.add_ms.get();
    web_sys::console::info_1(
        &format!(
            "search index: {} partners, {} terms, {:.1} MB; fetch+decode {:.0} ms, index build {:.0} ms (adding pages {:.0} ms + finish {:.0} ms)",
            index.len(),
            index.term_count(),
            index.heap_bytes() as f64 / 1e6,
            fetched - ctx.started - add_ms,
            add_ms + built - fetched,
            add_ms,
            built - fetched,
        )
        .into(),
    );
    ctx.state.set(LoadState::Ready(Arc::new(index)));
}
