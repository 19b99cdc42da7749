//! Native timing of the search engine on a generated dataset:
//!
//!   cargo run --release -p kemitraan-core --example search_native -- DIR [QUERY...]
//!
//! DIR is an `api/v1` directory (`kemitraan-data generate --out DIR`). The
//! browser figures come from bench/search (this is a quick native check).
use std::time::Instant;

use kemitraan_core::model::{DatasetMeta, Page, PartnerSummary};
use kemitraan_core::search::{Index, Query};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let dir = args.next().ok_or("usage: search_native DIR [QUERY...]")?;
    let meta: DatasetMeta =
        serde_json::from_str(&std::fs::read_to_string(format!("{dir}/meta.json"))?)?;
    let t = Instant::now();
    let mut items: Vec<PartnerSummary> = Vec::new();
    for n in 1..=meta.partner_pages {
        let text = std::fs::read_to_string(format!("{dir}/partners/page-{n}.json"))?;
        let page: Page<PartnerSummary> = serde_json::from_str(&text)?;
        items.extend(page.items);
    }
    println!("parse: {:?} for {} partners", t.elapsed(), items.len());
    let t = Instant::now();
    let idx = Index::build(&items);
    println!(
        "build: {:?}; {} terms; heap {:.1} MB",
        t.elapsed(),
        idx.term_count(),
        idx.heap_bytes() as f64 / 1e6
    );
    let queries: Vec<String> = args.collect();
    let queries = if queries.is_empty() {
        [
            "s",
            "sumb",
            "makmur",
            "mkamur",
            "sejahtera",
            "sjehatrea",
            "pt kavando",
            "koperasi produsen",
            "cv lavesta sejahtera",
            "xyzzy",
            "",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect()
    } else {
        queries
    };
    for q in queries {
        let query = Query::text(&q);
        let t = Instant::now();
        let mut r = idx.search(&query);
        for _ in 0..9 {
            r = idx.search(&query);
        }
        let first: Vec<&str> = r
            .hits
            .iter()
            .take(3)
            .filter_map(|&h| idx.doc(h))
            .map(|d| d.name)
            .collect();
        println!(
            "{:>24} {:>8.3} ms {:>6} hits {:?}",
            format!("{q:?}"),
            t.elapsed().as_secs_f64() * 100.0,
            r.total,
            first
        );
    }
    Ok(())
}
