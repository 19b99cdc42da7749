//! The panic hook in headless Chromium: a real panic (in an event handler,
//! as most of the app's code runs) must leave a bilingual notice with a
//! reload link on the page, not a frozen page. A separate test binary: the
//! trap that follows a panic leaves this wasm instance unusable for more
//! tests.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn a_panic_shows_a_notice_with_a_reload_link() {
    let doc = web_sys::window().unwrap().document().unwrap();
    kemitraan::panic::install();
    let button = doc
        .create_element("button")
        .unwrap()
        .unchecked_into::<web_sys::HtmlElement>();
    doc.body().unwrap().append_child(&button).unwrap();
    let boom = Closure::<dyn Fn()>::new(|| panic!("test panic from a click handler"));
    button
        .add_event_listener_with_callback("click", boom.as_ref().unchecked_ref())
        .unwrap();
    boom.forget();
    // The trap is reported to window.onerror by the browser; it does not
    // come back through click().
    button.click();

    let notice = doc
        .get_element_by_id(kemitraan::panic::NOTICE_ID)
        .expect("the panic left no notice");
    assert_eq!(notice.get_attribute("role").as_deref(), Some("alert"));
    let text = notice.text_content().unwrap_or_default();
    assert!(text.contains("Muat ulang halaman"), "{text}");
    assert!(text.contains("Reload the page"), "{text}");
    // One reload link per language, each to the page the user was on.
    let link = |lang: &str| {
        notice
            .query_selector(&format!("p[lang={lang}] a[href]"))
            .unwrap()
            .unwrap_or_else(|| panic!("no {lang} reload link: {text}"))
    };
    assert_eq!(
        link("en").text_content().as_deref(),
        Some("Reload the page")
    );
    let href = link("id").get_attribute("href").unwrap();
    assert_eq!(href, doc.location().unwrap().href().unwrap());
}
