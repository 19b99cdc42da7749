//! The binary of one section of the site: /mitra and the partner pages. See src/sections.rs.

fn main() {
    kemitraan::start(kemitraan::Section::Partners, kemitraan::PartnersApp);
}
