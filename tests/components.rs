//! Component tests in headless Chromium (wasm-bindgen-test): mount one
//! component, act, let Leptos settle, and read the DOM as a user would.
#![cfg(target_arch = "wasm32")]

use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::Arc;

use kemitraan::components::loaded::ErrorBox;
use kemitraan::components::money::Amount;
use kemitraan_core::client::ApiError;
use kemitraan_core::Rupiah;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn container() -> web_sys::HtmlElement {
    let doc = document();
    let div = doc
        .create_element("div")
        .unwrap()
        .unchecked_into::<web_sys::HtmlElement>();
    doc.body().unwrap().append_child(&div).unwrap();
    div
}

#[wasm_bindgen_test]
async fn error_box_names_the_cause_and_retries() {
    let root = container();
    let retries = Arc::new(AtomicU32::new(0));
    let counter = retries.clone();
    let _handle = leptos::mount::mount_to(root.clone(), move || {
        kemitraan::i18n::provide_lang();
        let counter = counter.clone();
        view! {
            <ErrorBox
                error=ApiError::Status(500)
                on_retry=move |_| { counter.fetch_add(1, Ordering::SeqCst); }
            />
        }
    });
    leptos::task::tick().await;
    let text = root.text_content().unwrap_or_default();
    assert!(text.contains("Data tidak dapat dimuat"), "{text}");
    assert!(text.contains("HTTP 500"), "{text}");
    let alert = root.query_selector("[role=alert]").unwrap();
    assert!(alert.is_some(), "the error is announced as an alert");
    let button = root
        .query_selector("button")
        .unwrap()
        .expect("a retry button")
        .unchecked_into::<web_sys::HtmlElement>();
    assert_eq!(button.text_content().unwrap_or_default(), "Coba lagi");
    button.click();
    leptos::task::tick().await;
    assert_eq!(retries.load(Ordering::SeqCst), 1);
}

#[wasm_bindgen_test]
async fn amount_shows_words_with_the_exact_figure_on_hover() {
    let root = container();
    let _handle = leptos::mount::mount_to(root.clone(), || {
        kemitraan::i18n::provide_lang();
        view! { <Amount value=Rupiah(1_500_000_000_000)/> }
    });
    leptos::task::tick().await;
    let span = root.query_selector(".amount").unwrap().expect("an amount");
    assert_eq!(span.text_content().unwrap_or_default(), "Rp1,5 triliun");
    assert_eq!(
        span.get_attribute("title").as_deref(),
        Some("Rp1.500.000.000.000")
    );
}
