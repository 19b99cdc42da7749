//! Which binary serves a path (src/sections.rs). The build's list
//! (scripts/sections.mjs) and the server's fallback (SECTION/app.html) follow
//! the first path segment the same way; tests/e2e/sections.test.mjs checks
//! the built site end to end.
#![cfg(target_arch = "wasm32")]

use kemitraan::Section;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn each_route_belongs_to_its_section() {
    for (path, section) in [
        ("/", Section::Home),
        ("/mitra", Section::Partners),
        ("/mitra/P0000001", Section::Partners),
        ("/mitra?q=sari&jenis=umkm", Section::Partners),
        ("/perjanjian", Section::Agreements),
        ("/perjanjian/A00000001", Section::Agreements),
        ("/perjanjian?tahun=2021#hasil", Section::Agreements),
        ("/simulasi?a=1M", Section::Simulator),
        ("/tentang", Section::About),
        ("/presentasi", Section::Presentation),
        ("/presentasi/3", Section::Presentation),
    ] {
        assert_eq!(Section::of(path), section, "{path}");
    }
}

#[wasm_bindgen_test]
fn paths_no_section_claims_go_to_home_and_its_404_page() {
    // A prefix is not a section: /mitrax is no partner page.
    for path in ["/mitrax", "/tidak-ada-halaman", "/api", "", "/?q=x"] {
        assert_eq!(Section::of(path), Section::Home, "{path}");
    }
}
