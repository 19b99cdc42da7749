//! What the user sees when the app panics: a bug, never the data (data
//! errors are typed and shown with a Retry, see `components::loaded`).
//!
//! Without this hook a panic in wasm freezes the page: the trap stops the
//! app mid-update and nothing tells the user. The hook logs the panic to the
//! console (console_error_panic_hook, with the message and location) and
//! puts a plain bilingual notice with a reload link on top of the page,
//! built with DOM calls only (no HTML parsing of the message, no framework
//! code, which may be what broke).

use std::panic::PanicHookInfo;

use wasm_bindgen::JsCast;

/// The id of the notice, so a second panic does not add a second one.
pub const NOTICE_ID: &str = "panic-notice";

/// Installs the hook; call first thing in `main`.
pub fn install() {
    std::panic::set_hook(Box::new(hook));
}

fn hook(info: &PanicHookInfo<'_>) {
    console_error_panic_hook::hook(info);
    show_notice();
}

/// Puts the notice on the page (once). Public for the component test.
pub fn show_notice() {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if doc.get_element_by_id(NOTICE_ID).is_some() {
        return;
    }
    let el = |tag: &str, text: &str| {
        let e = doc.create_element(tag).ok()?;
        if !text.is_empty() {
            e.set_text_content(Some(text));
        }
        Some(e)
    };
    let build = || -> Option<web_sys::Element> {
        let notice = el("div", "")?;
        notice.set_id(NOTICE_ID);
        notice.set_class_name("panic-notice");
        notice.set_attribute("role", "alert").ok()?;
        let lang = doc
            .document_element()
            .and_then(|h| h.get_attribute("lang"))
            .unwrap_or_default();
        // The interface language first, the other below it: the app may have
        // failed before or while switching languages.
        let id = [
            "Maaf, aplikasi mengalami galat dan berhenti.",
            "Muat ulang halaman",
            "Jika galat terulang, coba lagi nanti.",
        ];
        let en = [
            "Sorry, the app hit an error and stopped.",
            "Reload the page",
            "If it happens again, please try later.",
        ];
        let (first, second) = if lang.starts_with("en") {
            ((en, "en"), (id, "id"))
        } else {
            ((id, "id"), (en, "en"))
        };
        for (texts, code) in [first, second] {
            let block = el("p", "")?;
            block.set_attribute("lang", code).ok()?;
            let strong = el("strong", texts[0])?;
            block.append_child(&strong).ok()?;
            block.append_child(&doc.create_text_node(" ")).ok()?;
            let link = el("a", texts[1])?;
            // The current address, so a reload keeps the page the user was on.
            let here = doc
                .location()
                .and_then(|l| l.href().ok())
                .unwrap_or_default();
            link.set_attribute("href", &here).ok()?;
            block.append_child(&link).ok()?;
            block
                .append_child(&doc.create_text_node(&format!(". {}", texts[2])))
                .ok()?;
            notice.append_child(&block).ok()?;
        }
        Some(notice)
    };
    let Some(notice) = build() else { return };
    if let Some(body) = doc.body() {
        let _ = body.insert_before(&notice, body.first_child().as_ref());
        if let Ok(h) = notice.dyn_into::<web_sys::HtmlElement>() {
            let _ = h.set_attribute("tabindex", "-1");
            let _ = h.focus();
        }
    }
}
