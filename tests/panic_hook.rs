//! A panic in headless Chromium: it must reach the page as a
//! `WebAssembly.RuntimeError` on `window`'s `error` event, which is what
//! index.html's notice listens for (src/panic.rs); the notice itself is
//! checked in tests/e2e/shell.test.mjs on the release build, where panics
//! abort with no message. A separate test binary: the trap leaves this wasm
//! instance unusable for more tests.
#![cfg(target_arch = "wasm32")]

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn a_panic_in_an_event_handler_reaches_the_page_as_a_runtime_error() {
    let window = web_sys::window().unwrap();
    let doc = window.document().unwrap();
    kemitraan::panic::install();

    // What window's error listener received, kept outside the wasm call
    // that traps.
    let seen: Rc<RefCell<Option<JsValue>>> = Rc::default();
    let keep = seen.clone();
    let on_error = Closure::<dyn Fn(web_sys::Event)>::new(move |ev: web_sys::Event| {
        let error = js_sys::Reflect::get(&ev, &JsValue::from_str("error")).unwrap_or_default();
        *keep.borrow_mut() = Some(error);
    });
    window
        .add_event_listener_with_callback("error", on_error.as_ref().unchecked_ref())
        .unwrap();
    on_error.forget();

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
    // The trap is reported to window's error listeners by the browser; it
    // does not come back through click().
    button.click();

    let error = seen
        .borrow()
        .clone()
        .expect("the panic reached no error listener");
    assert!(
        error.is_instance_of::<js_sys::WebAssembly::RuntimeError>(),
        "the error was not a WebAssembly.RuntimeError: {error:?}"
    );
}
