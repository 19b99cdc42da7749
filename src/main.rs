//! The home section's binary: `/` and the 404 page (see src/sections.rs).

fn main() {
    kemitraan::start(kemitraan::Section::Home, kemitraan::HomeApp);
}
