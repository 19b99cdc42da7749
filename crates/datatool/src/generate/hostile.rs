//! `generate --hostile`: the synthetic dataset with names, cities and the
//! event's name replaced by text that tries to break the app. A public portal
//! shows names typed by thousands of people; every page and export must show
//! them as text, never as markup, and survive their length and characters.
//! The end-to-end test tests/e2e/hostile.test.mjs visits every page on it.
//!
//! Each string starts with its hostile part (a CSV formula must start the
//! cell to be dangerous) and keeps the original name after it, so names stay
//! unique and searchable.

use kemitraan_core::model::{Events, Partner};

/// What each name may hold. `__xss` is what the test looks for: if any of
/// these ever ran, `window.__xss` would be set.
pub const NAMES: [&str; 12] = [
    r#"<img src=x onerror="window.__xss='img'">"#,
    r#"</text><script>window.__xss='svg'</script>"#,
    r#"<script>window.__xss='script'</script>"#,
    "\u{202E}kitsaP\u{202C} \u{2067}RTL\u{2069}",
    "🍜 Bakso 👩\u{200D}👩\u{200D}👧 🇮🇩",
    "Z\u{200B}e\u{200C}r\u{200D}o\u{2060}\u{FEFF}",
    r#"=HYPERLINK("https://example.invalid","klik")"#,
    "+1+1",
    "-2+3",
    "@SUM(A1)",
    r#""Kutip" & 'Apostrof' <b>tebal</b> &amp; &lt;"#,
    "${7*7} {{7*7}} %s %n \\ \" ",
];

/// The length of the longest name: far beyond any real one.
pub const LONG: usize = 10_000;

fn long_name(original: &str) -> String {
    let mut s = String::from("Panjang");
    while s.chars().count() + original.chars().count() + 1 < LONG {
        s.push_str("Panjang");
    }
    format!("{s} {original}")
}

/// Rewrites the partners' names and cities; partner `i` (in dataset order)
/// gets hostile string `i % (NAMES.len() + 1)`, the last slot being the
/// 10 000-character name.
pub fn partners(partners: &mut [Partner], first_index: u64) {
    for (i, p) in partners.iter_mut().enumerate() {
        let k = (first_index as usize + i) % (NAMES.len() + 1);
        match NAMES.get(k) {
            Some(h) => {
                p.name = format!("{h} {}", p.name);
                p.city = format!("{} {}", NAMES[(k + 3) % NAMES.len()], p.city);
            }
            None => p.name = long_name(&p.name),
        }
    }
}

/// Rewrites the signing event's name.
pub fn events(events: &mut Events) {
    for e in &mut events.items {
        e.name = format!("{} {} {}", NAMES[1], NAMES[3], e.name);
    }
}
