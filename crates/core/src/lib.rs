//! Domain core of Kemitraan.
//!
//! Everything here is plain Rust with no web dependency, so that the rules the
//! app shows to the public (size classes of PP 7/2021, how Indonesian writes
//! money and dates, which party plays which role in a partnership pattern) are
//! tested natively with `cargo test`, and shared by the browser app and the
//! data tool. The browser crate only renders what this crate decides.
//!
//! Map:
//! - [`model`]: the types of the JSON contract under `/api/v1/` (see
//!   `docs/api.md`).
//! - [`pattern`]: pola kemitraan and the roles of the two parties.
//! - [`money`], [`date`], [`lang`]: formatting and parsing in Indonesian and
//!   English.
//! - [`size_class`]: PP 7/2021 Pasal 35.
//! - [`client`]: run-time config and the typed errors of the JSON client.
//! - [`count`]: counts with their noun, singular or plural; [`fold`]: the
//!   one accent folding of every text match.
//! - [`ident`], [`province`]: NIB, NPWP, KBLI, province codes, validated;
//!   [`country`]: names of the investors' countries.
//! - [`search`]: the partner search (index, typo-tolerant prefix matching,
//!   facet counts, the query and its URL form).
//! - [`agreement_query`]: the agreement list's filter, totals and CSV;
//!   [`csv`], [`url`], [`ocds`]: export and link formats.
//! - [`dashboard`]: the home page's charts, links and CSV, the featured
//!   event beside what the dataset holds, the largest partnership; and
//!   [`presentation`]: the slide sequence and its keys.
//! - [`simulate`]: the contract-growth simulator's math; [`simulate_io`]: its
//!   URL parameters, form fields and CSV; [`program`]: every agreement grown
//!   at once; [`axis`]: chart value axes.

pub mod agreement_index;
pub mod agreement_query;
pub mod axis;
pub mod client;
pub mod count;
pub mod country;
pub mod csv;
pub mod dashboard;
pub mod date;
pub mod fold;
pub mod ident;
pub mod lang;
pub mod model;
pub mod money;
pub mod ocds;
pub mod pattern;
pub mod presentation;
pub mod program;
pub mod province;
pub mod search;
pub mod simulate;
pub mod simulate_io;
pub mod size_class;
pub mod summary;
pub mod url;

pub use lang::Lang;
pub use money::Rupiah;
