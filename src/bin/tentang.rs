//! The binary of one section of the site: /tentang. See src/sections.rs.

fn main() {
    kemitraan::start(kemitraan::Section::About, kemitraan::AboutApp);
}
