//! What the user sees when the app panics: a bug, never the data (data
//! errors are typed and shown with a Retry, see `components::loaded`).
//!
//! A panic in wasm ends in a trap, which stops the app mid-update; without a
//! notice the page would just freeze. The notice is not drawn here but by a
//! small script in `index.html`: the release build (scripts/build.mjs) turns
//! panics into plain aborts (`-Cpanic=immediate-abort`), so no panic hook
//! ever runs there, while every trap still reaches the page as a
//! `WebAssembly.RuntimeError` (an `error` event, or an unhandled rejection
//! from a future). That script puts a plain bilingual notice with a reload
//! link on top of the page, built with DOM calls only, without the app,
//! which may be what broke. `tests/panic_hook.rs` checks a panic reaches the
//! page that way; `tests/e2e/shell.test.mjs` checks the notice.

/// The id of the notice (index.html), so a second trap does not add a
/// second one.
pub const NOTICE_ID: &str = "panic-notice";

/// Where panics have a message (a stable or debug build), logs it to the
/// console with its location (console_error_panic_hook); call first thing in
/// `main`. In the release build there is no message and this does nothing.
pub fn install() {
    #[cfg(not(panic = "immediate-abort"))]
    std::panic::set_hook(Box::new(console_error_panic_hook::hook));
}
