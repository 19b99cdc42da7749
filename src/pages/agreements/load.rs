//! The rows of the view's source read so far, and the pump that reads more
//! pages only while the view needs them (`agreement_index::visible` says
//! when). A new source aborts the requests of the old one; leaving the page
//! aborts them too.

use kemitraan_core::agreement_index::Source;
use kemitraan_core::client::ApiError;
use kemitraan_core::model::AgreementSummary;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::agreements::{controller, fetch_pages, MAX_PAGES, PARALLEL};

#[derive(Clone, Copy)]
pub struct SourceLoad {
    /// The source whose rows `rows` holds.
    pub source: RwSignal<Option<Source>>,
    pub rows: StoredValue<Vec<AgreementSummary>>,
    /// Bumped whenever `rows` changes.
    pub version: RwSignal<u64>,
    /// (pages read, pages of the source).
    pub progress: RwSignal<(usize, usize)>,
    pub complete: RwSignal<bool>,
    pub error: RwSignal<Option<ApiError>>,
    pub loading: RwSignal<bool>,
    paths: StoredValue<Vec<String>>,
    generation: StoredValue<u64>,
    abort: StoredValue<Option<web_sys::AbortController>, LocalStorage>,
}

impl SourceLoad {
    pub fn new() -> SourceLoad {
        let load = SourceLoad {
            source: RwSignal::new(None),
            rows: StoredValue::new(Vec::new()),
            version: RwSignal::new(0),
            progress: RwSignal::new((0, 0)),
            complete: RwSignal::new(false),
            error: RwSignal::new(None),
            loading: RwSignal::new(false),
            paths: StoredValue::new(Vec::new()),
            generation: StoredValue::new(0),
            abort: StoredValue::new_local(None),
        };
        on_cleanup(move || load.stop());
        load
    }

    /// Aborts what is in flight and forgets its answers.
    fn stop(self) {
        self.generation.update_value(|g| *g += 1);
        if let Some(Some(c)) = self.abort.try_get_value() {
            c.abort();
        }
    }

    /// Starts over on another source (`paths`, its page files in order).
    pub fn reset(self, source: Source, mut paths: Vec<String>) {
        self.stop();
        paths.truncate(MAX_PAGES);
        self.abort.set_value(controller());
        self.rows.set_value(Vec::new());
        self.progress.set((0, paths.len()));
        self.complete.set(paths.is_empty());
        self.paths.set_value(paths);
        self.error.set(None);
        self.loading.set(false);
        self.source.set(Some(source));
        self.version.update(|v| *v += 1);
    }

    /// Reads the next `batch` pages (at most [`PARALLEL`]) of the source
    /// unless a read is running, it failed, or everything is read.
    pub fn pump(self, batch: usize) {
        if self.loading.get_untracked()
            || self.complete.get_untracked()
            || self.error.with_untracked(Option::is_some)
        {
            return;
        }
        let (done, _) = self.progress.get_untracked();
        let batch: Vec<String> = self.paths.with_value(|p| {
            p.iter()
                .skip(done)
                .take(batch.clamp(1, PARALLEL))
                .cloned()
                .collect()
        });
        if batch.is_empty() {
            self.complete.set(true);
            return;
        }
        let generation = self.generation.get_value();
        let signal = self.abort.get_value().map(|c| c.signal());
        self.loading.set(true);
        spawn_local(async move {
            let result = fetch_pages(&batch, signal.as_ref()).await;
            if self.generation.try_get_value() != Some(generation) {
                return; // another source, or the page is gone
            }
            match result {
                Ok(pages) => {
                    self.rows.update_value(|rows| {
                        for p in pages {
                            rows.extend(p.items);
                        }
                    });
                    let total = self.paths.with_value(Vec::len);
                    let read = done + batch.len();
                    self.progress.set((read, total));
                    self.complete.set(read >= total);
                }
                Err(e) => self.error.set(Some(e)),
            }
            self.loading.set(false);
            self.version.update(|v| *v += 1);
        });
    }

    /// Whether the rows are those of `source`'s pages `paths` (as
    /// [`SourceLoad::reset`] was last given them).
    pub fn holds(self, source: &Source, paths: &[String]) -> bool {
        self.source.with(|s| s.as_ref() == Some(source))
            && self.paths.with_value(|p| {
                p.len() == paths.len().min(MAX_PAGES) && p.iter().zip(paths).all(|(a, b)| a == b)
            })
    }

    /// After an error: read again from where it stopped.
    pub fn retry(self) {
        self.error.set(None);
        self.version.update(|v| *v += 1);
    }
}
