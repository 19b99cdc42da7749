//! The binary of one section of the site: /presentasi and its slides. See src/sections.rs.

fn main() {
    kemitraan::start(kemitraan::Section::Presentation, kemitraan::PresentationApp);
}
