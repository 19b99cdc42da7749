//! State the app provides once and every page reads: the dataset's
//! metadata. (The language lives in [`crate::i18n`], the partner search
//! index in [`crate::search`].) Components and pages import from here, and
//! this module imports none of them, so the arrows run one way.

use kemitraan_core::client::ApiError;
use kemitraan_core::model::DatasetMeta;
use leptos::prelude::*;

/// A fetched value, or why it is missing.
pub type Fetched<T> = LocalResource<Result<T, ApiError>>;

/// The dataset's metadata, fetched once and shared by the footer, the notice
/// and the About page (whose Retry refreshes all three).
#[derive(Clone, Copy)]
pub struct MetaResource(pub Fetched<DatasetMeta>);

/// The metadata resource `App` provides; `None` outside the app (a test
/// that mounts one component), where nothing shows the metadata.
pub fn use_meta() -> Option<Fetched<DatasetMeta>> {
    use_context::<MetaResource>().map(|m| m.0)
}
