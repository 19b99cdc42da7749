//! The agreements data of this visit: one store, provided by `App`.
//!
//! Nothing reads every agreement any more. `/perjanjian` reads
//! `aggregates/index.json` (the totals cube and the shard list) and then
//! only the pages its view needs (`kemitraan_core::agreement_index`); the
//! home page, the presentation and program mode read
//! `aggregates/figures.json`. The store keeps both files for the visit, and
//! [`fetch_pages`] is the one loader of list pages: a cap on their number,
//! [`PARALLEL`] at a time, every request aborted when its
//! `AbortController` fires (a view replaced or left, an export cancelled).

use std::sync::Arc;

use kemitraan_core::agreement_index::{paths, AgreementIndex, Cube, Figures, PageMap, Timeline};
use kemitraan_core::client::ApiError;
use kemitraan_core::model::{AgreementSummary, Page};
use leptos::prelude::*;

use crate::api;

/// Pages fetched at once: the browser's connection limit per host.
pub const PARALLEL: usize = 6;

/// The most pages one view or export reads: a broken `pages` field cannot
/// make a load run for long (at 250 a page, 2.5 million agreements).
pub const MAX_PAGES: usize = 10_000;

/// The index and figures, fetched once per visit when first asked for.
#[derive(Clone, Copy)]
pub struct AgreementStore {
    index: StoredValue<Option<Arc<AgreementIndex>>>,
    figures: StoredValue<Option<Arc<Figures>>>,
    /// Status timelines read this visit, by path (a few small files).
    timelines: StoredValue<Vec<(String, Arc<Timeline>)>>,
    /// Cubes read this visit, by path.
    cubes: StoredValue<Vec<(String, Arc<Cube>)>>,
    /// Page maps read this visit, by path.
    page_maps: StoredValue<Vec<(String, Arc<PageMap>)>>,
}

/// A file of `list` by path, or fetched once and kept there.
async fn cached<T>(
    list: StoredValue<Vec<(String, Arc<T>)>>,
    path: String,
) -> Result<Arc<T>, ApiError>
where
    T: serde::de::DeserializeOwned + Send + Sync + 'static,
{
    let known = list.with_value(|l| l.iter().find(|(p, _)| *p == path).map(|(_, t)| t.clone()));
    if let Some(t) = known {
        return Ok(t);
    }
    let t = Arc::new(api::get::<T>(&path).await?);
    list.update_value(|l| l.push((path, t.clone())));
    Ok(t)
}

impl AgreementStore {
    pub fn new() -> AgreementStore {
        AgreementStore {
            index: StoredValue::new(None),
            figures: StoredValue::new(None),
            timelines: StoredValue::new(Vec::new()),
            cubes: StoredValue::new(Vec::new()),
            page_maps: StoredValue::new(Vec::new()),
        }
    }

    /// `aggregates/index.json`.
    pub async fn index(self) -> Result<Arc<AgreementIndex>, ApiError> {
        if let Some(i) = self.index.get_value() {
            return Ok(i);
        }
        let i = Arc::new(api::get::<AgreementIndex>(paths::INDEX).await?);
        self.index.set_value(Some(i.clone()));
        Ok(i)
    }

    /// A status timeline (`TotalsFrom::Timelines`), read once per visit.
    pub async fn timeline(self, path: String) -> Result<Arc<Timeline>, ApiError> {
        cached(self.timelines, path).await
    }

    /// A cube (`TotalsFrom::Cube`), read once per visit.
    pub async fn cube(self, path: String) -> Result<Arc<Cube>, ApiError> {
        cached(self.cubes, path).await
    }

    /// A shard's page map (`Plan::page_maps`), read once per visit.
    pub async fn page_map(self, path: String) -> Result<Arc<PageMap>, ApiError> {
        cached(self.page_maps, path).await
    }

    /// `aggregates/figures.json`.
    pub async fn figures(self) -> Result<Arc<Figures>, ApiError> {
        if let Some(f) = self.figures.get_value() {
            return Ok(f);
        }
        let f = Arc::new(api::get::<Figures>(paths::FIGURES).await?);
        self.figures.set_value(Some(f.clone()));
        Ok(f)
    }
}

impl Default for AgreementStore {
    fn default() -> Self {
        AgreementStore::new()
    }
}

/// The store provided by `App`. Outside it (a component test) a store of
/// its own, with a console warning, so a missing provider is noticed.
pub fn use_agreement_store() -> AgreementStore {
    use_context::<AgreementStore>().unwrap_or_else(|| {
        web_sys::console::warn_1(&"AgreementStore: no provider, using a store of its own".into());
        AgreementStore::new()
    })
}

/// Fetches `paths` (at most [`PARALLEL`]) at once; the pages in order, or
/// the first error. Aborted together by `abort`.
pub async fn fetch_pages(
    paths: &[String],
    abort: Option<&web_sys::AbortSignal>,
) -> Result<Vec<Page<AgreementSummary>>, ApiError> {
    let pages = futures::future::join_all(
        paths
            .iter()
            .map(|p| api::get_abortable::<Page<AgreementSummary>>(p, abort)),
    )
    .await;
    pages.into_iter().collect()
}

/// A fresh `AbortController` (`None` only where the browser has none).
pub fn controller() -> Option<web_sys::AbortController> {
    web_sys::AbortController::new().ok()
}
