//! When to replace the static first paint with the app.
//!
//! The static page (`index.html`'s `#boot`, written per section by
//! scripts/prerender.mjs) holds the page's heading and lead, its largest
//! text, so its paint is the page's Largest Contentful Paint. Chromium
//! records that paint only when the frame has been presented, a few frames
//! later; an element removed before then is dropped from the candidates.
//! When the wasm arrives quickly (a fast network, a warm cache, Lighthouse's
//! unthrottled trace) the app used to replace the static page in that gap,
//! and the app's own copy of the lead, drawn after the wasm, became the
//! LCP: on a phone that is the time of the whole download, not of the
//! first paint. So the app mounts once the browser has reported the first
//! paint's LCP entry, or after [`SAFETY`] if none comes (a hidden tab reports
//! none); browsers without LCP (Safari) mount one frame and one task after
//! the first paint, as before.

use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;

use leptos::prelude::{request_animation_frame, set_timeout};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

/// The longest the app waits for the LCP entry.
const SAFETY: Duration = Duration::from_millis(1000);

const LCP: &str = "largest-contentful-paint";

/// What waits for the first paint.
type Pending = Box<dyn FnOnce()>;

/// Runs `f` once, after the static first paint has been painted and, where
/// the browser measures it, recorded as the Largest Contentful Paint.
pub fn after_static_paint(f: impl FnOnce() + 'static) {
    let once: Rc<RefCell<Option<Pending>>> = Rc::new(RefCell::new(Some(Box::new(f))));
    let run = move || {
        // Taken out before it runs, so a second call (the safety timeout
        // after the entry, or the reverse) finds nothing.
        let f = once.borrow_mut().take();
        if let Some(f) = f {
            f();
        }
    };
    if observe_lcp(run.clone()) {
        set_timeout(run, SAFETY);
    } else {
        request_animation_frame(move || set_timeout(run, Duration::ZERO));
    }
}

/// Calls `run` at the first LCP entry (buffered: one recorded before the
/// wasm started counts). False where the browser has no LCP entries.
fn observe_lcp(run: impl Fn() + Clone + 'static) -> bool {
    if !lcp_supported() {
        return false;
    }
    let callback = Closure::<dyn FnMut(JsValue, web_sys::PerformanceObserver)>::new(
        move |_entries: JsValue, observer: web_sys::PerformanceObserver| {
            observer.disconnect();
            // A task of its own after the observer's, so the app's first
            // render is not counted with it.
            let run = run.clone();
            set_timeout(run, Duration::ZERO);
        },
    );
    let Ok(observer) = web_sys::PerformanceObserver::new(callback.as_ref().unchecked_ref()) else {
        return false;
    };
    // Called at most a few times per page load; the observer outlives this
    // function, and so must its callback.
    callback.forget();
    // `{ type, buffered }`: web-sys's init type has only `entryTypes`, with
    // which `buffered` is ignored.
    let init = js_sys::Object::new();
    let set = |k: &str, v: JsValue| js_sys::Reflect::set(&init, &JsValue::from_str(k), &v);
    if set("type", JsValue::from_str(LCP)).is_err() || set("buffered", JsValue::TRUE).is_err() {
        return false;
    }
    observer.observe(init.unchecked_ref());
    true
}

/// Whether `PerformanceObserver.supportedEntryTypes` lists LCP entries.
fn lcp_supported() -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let get = |target: &JsValue, key: &str| js_sys::Reflect::get(target, &JsValue::from_str(key));
    let Ok(ctor) = get(window.as_ref(), "PerformanceObserver") else {
        return false;
    };
    match get(&ctor, "supportedEntryTypes") {
        Ok(types) if js_sys::Array::is_array(&types) => {
            js_sys::Array::from(&types).includes(&JsValue::from_str(LCP), 0)
        }
        _ => false,
    }
}
