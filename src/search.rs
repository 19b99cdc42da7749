//! The partner search of this visit: the prebuilt index's root, the shards
//! fetched so far, and the answer to a query.
//!
//! The first visit to /mitra fetches `search/root.txt` (the term dictionary
//! and the empty query's totals, docs/api.md "Search index"). Each query is
//! planned over the root ([`Root::plan`]): the few shard files that hold
//! every partner it can match. Missing ones are fetched (each once per
//! visit; a keystroke whose shards are here fetches nothing), an
//! [`Index`] is built from their rows with the same engine as before, and
//! the query runs on it: the answer is the one the index over every partner
//! would give (the core's `shard` tests check this). The store is provided
//! by `App`, above the routes, so coming back to /mitra fetches nothing
//! again. A failed or damaged file shows an error whose Retry fetches it
//! again.

use std::sync::Arc;

use kemitraan_core::client::ApiError;
use kemitraan_core::search::shard::{
    index_of, parse_file, Plan, Root, ShardKey, Totals, ROOT_PATH,
};
use kemitraan_core::search::{Index, Query, Results, Row};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api;

/// Built indexes kept for the visit (each is small: the rows of a few
/// shards), so going back to an earlier query does not build again.
const KEEP_BUILT: usize = 8;

#[derive(Clone, Debug, PartialEq)]
pub enum RootState {
    Idle,
    Loading,
    Ready(Arc<RootRef>),
    Failed(ApiError),
}

/// The parsed root (compared by identity).
pub struct RootRef(pub Root);

impl std::fmt::Debug for RootRef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Root({} partners)", self.0.partners())
    }
}

impl PartialEq for RootRef {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}

/// One page of results and the index its positions refer to.
#[derive(Clone)]
pub struct Shown {
    pub results: Results,
    pub index: Arc<Index>,
}

impl PartialEq for Shown {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.index, &other.index) && self.results == other.results
    }
}

/// What the page shows for a query.
#[derive(Clone, PartialEq)]
pub enum Answer {
    /// The root or a shard is on its way.
    Loading,
    Failed(ApiError),
    /// Every word is too common to fetch; the dataset has this many
    /// partners.
    TooBroad {
        partners: u64,
    },
    /// Filters without words that cover more partners than one view may
    /// fetch, in an order or page that needs them all.
    NeedText {
        partners: u64,
    },
    Ready(Shown),
}

/// The files fetched so far and the indexes built from them. Plain
/// vectors searched linearly: a visit fetches tens of files, and each hash
/// table type would add its own code to the wasm.
#[derive(Default)]
struct Cache {
    shards: Vec<(ShardKey, Arc<Vec<Row>>)>,
    /// The totals of the precomputed first pages fetched (`tops/`).
    totals: Vec<(ShardKey, Totals)>,
    pending: Vec<ShardKey>,
    built: Vec<(Vec<ShardKey>, Arc<Index>)>,
}

impl Cache {
    fn shard(&self, key: ShardKey) -> Option<&Arc<Vec<Row>>> {
        self.shards.iter().find(|(k, _)| *k == key).map(|(_, r)| r)
    }

    fn totals(&self, keys: &[ShardKey]) -> Option<Totals> {
        self.totals
            .iter()
            .find(|(k, _)| keys.contains(k))
            .map(|(_, t)| t.clone())
    }
}

/// The shared search state.
#[derive(Clone, Copy)]
pub struct SearchStore {
    pub root: RwSignal<RootState>,
    /// Bumped when a shard arrives or fails, so answers are recomputed.
    arrived: RwSignal<u64>,
    /// The last shard that failed, until Retry.
    failed: RwSignal<Option<ApiError>>,
    cache: StoredValue<Cache, LocalStorage>,
}

impl SearchStore {
    pub fn new() -> SearchStore {
        SearchStore {
            root: RwSignal::new(RootState::Idle),
            arrived: RwSignal::new(0),
            failed: RwSignal::new(None),
            cache: StoredValue::new_local(Cache::default()),
        }
    }

    /// Starts loading the root unless it is loading or loaded.
    pub fn ensure_loaded(self) {
        let idle = self
            .root
            .with_untracked(|s| matches!(s, RootState::Idle | RootState::Failed(_)));
        if idle {
            self.root.set(RootState::Loading);
            let root = self.root;
            spawn_local(async move {
                let parsed = api::get_text_revalidated(ROOT_PATH)
                    .await
                    .and_then(|t| Root::parse(&t).map_err(|e| ApiError::Shape(e.to_string())));
                root.set(match parsed {
                    Ok(r) => RootState::Ready(Arc::new(RootRef(r))),
                    Err(e) => RootState::Failed(e),
                });
            });
        }
    }

    /// Retry after an error: the root, or the shards that failed.
    pub fn retry(self) {
        self.failed.set(None);
        self.ensure_loaded();
        self.arrived.update(|n| *n += 1);
    }

    /// The answer to `q` now; requests the shards it needs. Reactive: reads
    /// the root state and the arrival counter.
    pub fn answer(self, q: &Query) -> Answer {
        let root = match self.root.get() {
            RootState::Idle | RootState::Loading => return Answer::Loading,
            RootState::Failed(e) => return Answer::Failed(e),
            RootState::Ready(r) => r,
        };
        self.arrived.track();
        if let Some(e) = self.failed.get() {
            return Answer::Failed(e);
        }
        let root = &root.0;
        // Planned around the files already here (a second word after a
        // fetched one may need nothing new).
        let here: Vec<ShardKey> = self
            .cache
            .with_value(|c| c.shards.iter().map(|(k, _)| *k).collect());
        let keys = match root.plan_cached(q, &|k| here.contains(&k)) {
            Plan::TooBroad => {
                return Answer::TooBroad {
                    partners: root.partners(),
                }
            }
            Plan::NeedText => {
                return Answer::NeedText {
                    partners: root.partners(),
                }
            }
            Plan::Fetch(keys) => keys,
        };
        let index = self.cache.try_update_value(|c| {
            let totals = c.totals(&keys);
            if let Some(i) = c.built.iter().position(|(k, _)| *k == keys) {
                let hit = c.built.remove(i);
                let index = hit.1.clone();
                c.built.push(hit);
                return Ok((index, totals));
            }
            let missing: Vec<ShardKey> = keys
                .iter()
                .copied()
                .filter(|k| c.shard(*k).is_none())
                .collect();
            if !missing.is_empty() {
                return Err(missing);
            }
            let rows: Vec<Arc<Vec<Row>>> =
                keys.iter().filter_map(|k| c.shard(*k).cloned()).collect();
            let index = Arc::new(index_of(rows.iter().map(|r| r.as_slice())));
            if c.built.len() >= KEEP_BUILT {
                c.built.remove(0);
            }
            c.built.push((keys.clone(), index.clone()));
            Ok((index, totals))
        });
        match index {
            Some(Ok((index, totals))) => Answer::Ready(Shown {
                results: root.search_with(q, &index, totals.as_ref()),
                index,
            }),
            Some(Err(missing)) => {
                for key in missing {
                    self.fetch(key, root.url(key));
                }
                Answer::Loading
            }
            None => Answer::Loading,
        }
    }

    /// Fetches one shard from `url` (its path with the index's version)
    /// unless it is on its way.
    fn fetch(self, key: ShardKey, url: String) {
        let new = self
            .cache
            .try_update_value(|c| {
                let new = !c.pending.contains(&key);
                if new {
                    c.pending.push(key);
                }
                new
            })
            .unwrap_or(false);
        if !new {
            return;
        }
        spawn_local(async move {
            let rows = api::get_text(&url)
                .await
                .and_then(|t| parse_file(key, &t).map_err(|e| ApiError::Shape(e.to_string())));
            let error = self
                .cache
                .try_update_value(|c| {
                    c.pending.retain(|k| *k != key);
                    match rows {
                        Ok((rows, totals)) => {
                            c.shards.push((key, Arc::new(rows)));
                            if let Some(t) = totals {
                                c.totals.push((key, t));
                            }
                            None
                        }
                        Err(e) => Some(e),
                    }
                })
                .flatten();
            if let Some(e) = error {
                self.failed.set(Some(e));
            }
            self.arrived.update(|n| *n += 1);
        });
    }
}

impl Default for SearchStore {
    fn default() -> Self {
        SearchStore::new()
    }
}

/// The store provided by `App`. Without a provider (a component mounted on
/// its own) it says so on the console and returns a store that lives with
/// the caller only: nothing is provided behind the caller's back, and the
/// search still works, uncached. Never panics.
pub fn use_search_store() -> SearchStore {
    use_context::<SearchStore>().unwrap_or_else(|| {
        web_sys::console::error_1(
            &"use_search_store: no SearchStore provider (App provides one); this page keeps its own"
                .into(),
        );
        SearchStore::new()
    })
}
