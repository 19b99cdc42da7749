//! The interface language: Indonesian first, English second.
//!
//! Texts stand at the place they are used as an Indonesian/English pair
//! (`txt("Cari Mitra", "Find Partners")`), so a reader sees both and nothing
//! falls out of sync in a distant table. The choice is kept in localStorage
//! and mirrored on `<html lang>` for screen readers and axe.

use kemitraan_core::Lang;
use leptos::prelude::*;

const STORAGE_KEY: &str = "kemitraan.lang";

/// The language signal, provided once by the app.
#[derive(Clone, Copy)]
pub struct LangSignal(pub RwSignal<Lang>);

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

/// Reads the remembered language (Indonesian when none), provides it, and
/// keeps storage and `<html lang>` in step with it.
pub fn provide_lang() -> RwSignal<Lang> {
    let saved = storage()
        .and_then(|s| s.get_item(STORAGE_KEY).ok().flatten())
        .and_then(|v| Lang::parse(&v))
        .unwrap_or(Lang::Id);
    let lang = RwSignal::new(saved);
    provide_context(LangSignal(lang));
    Effect::new(move |_| {
        let l = lang.get();
        if let Some(s) = storage() {
            // Private browsing may refuse; the switch still works for the visit.
            let _ = s.set_item(STORAGE_KEY, l.code());
        }
        if let Some(el) = document().document_element() {
            let _ = el.set_attribute("lang", l.code());
        }
    });
    lang
}

/// The current language, from the one signal [`provide_lang`] provides (the
/// app calls it once; a test that mounts a component calls it too).
///
/// Without a provider this never creates a language of its own, which would
/// drift from the app's: it reads as a constant Indonesian and says on the
/// console that the provider is missing. Never panics.
pub fn use_lang() -> Signal<Lang> {
    match use_context::<LangSignal>() {
        Some(l) => l.0.into(),
        None => {
            web_sys::console::error_1(
                &"use_lang: no language provider (call i18n::provide_lang); showing Indonesian"
                    .into(),
            );
            Signal::stored(Lang::Id)
        }
    }
}

/// The language switch: the provided signal to write, `None` without a
/// provider (see [`use_lang`]).
pub fn use_lang_switch() -> Option<RwSignal<Lang>> {
    use_context::<LangSignal>().map(|l| l.0)
}

/// Picks one of a pair by language.
pub fn pick<T>(lang: Lang, id: T, en: T) -> T {
    match lang {
        Lang::Id => id,
        Lang::En => en,
    }
}

/// A reactive text: re-renders when the language changes.
pub fn txt(id: &'static str, en: &'static str) -> impl Fn() -> &'static str + Copy + Send + Sync {
    let lang = use_lang();
    move || pick(lang.get(), id, en)
}
