//! Makes, imports, validates and exports Kemitraan datasets in the layout of
//! the JSON contract (`kemitraan_core::model`, `docs/api.md`).
//!
//! One command a module: [`generate`], [`import`], [`validate`],
//! [`export_ocds`], [`aggregates`] (`aggregate`), `build-index`
//! ([`search_index`]); [`write`] is the layout writer `generate` and `import`
//! share. The binary `kemitraan-data` ([`cli`]) only parses arguments.

pub mod aggregates;
pub mod buckets;
pub mod cli;
pub mod export_ocds;
pub mod generate;
pub mod import;
pub mod progress;
pub mod rng;
pub mod search_index;
pub mod validate;
pub mod write;
