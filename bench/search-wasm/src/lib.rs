//! The search engine behind wasm-bindgen, so bench/search/run.mjs can time
//! it in Chromium beside MiniSearch on the same records and queries. Built
//! with the workspace's release profile (opt-level "z", like the app).

use kemitraan_core::model::{Page, PartnerSummary};
use kemitraan_core::search::{Index, Query};
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
#[derive(Default)]
pub struct Engine {
    items: Vec<PartnerSummary>,
    index: Option<Index>,
}

#[wasm_bindgen]
impl Engine {
    #[wasm_bindgen(constructor)]
    pub fn new() -> Engine {
        Engine::default()
    }

    /// Decodes one `partners/page-{n}.json`; returns the number of items.
    pub fn parse_page(&mut self, json: &str) -> Result<u32, JsError> {
        let page: Page<PartnerSummary> = serde_json::from_str(json)?;
        let n = page.items.len() as u32;
        self.items.extend(page.items);
        Ok(n)
    }

    /// Builds the index over the decoded items (and drops them: the index
    /// holds what results show).
    pub fn build(&mut self) -> u32 {
        let index = Index::build(&self.items);
        self.items = Vec::new();
        let n = index.len() as u32;
        self.index = Some(index);
        n
    }

    /// Bytes the index holds on the heap.
    pub fn heap_bytes(&self) -> u32 {
        self.index.as_ref().map_or(0, |i| i.heap_bytes() as u32)
    }

    pub fn term_count(&self) -> u32 {
        self.index.as_ref().map_or(0, |i| i.term_count() as u32)
    }

    /// Runs `text` with no facet, best match first, and returns the ids of
    /// the first `limit` hits, one per line, after the total: "total\nid\nid".
    pub fn search(&self, text: &str, limit: u32) -> String {
        let Some(index) = &self.index else {
            return "0".to_string();
        };
        let mut q = Query::text(text);
        q.per_page = limit.max(1);
        let r = index.search(&q);
        let mut out = r.total.to_string();
        for &h in &r.hits {
            if let Some(d) = index.doc(h) {
                out.push('\n');
                out.push_str(d.id);
            }
        }
        out
    }
}
