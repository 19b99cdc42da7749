//! The binary of one section of the site: /perjanjian and the agreement pages. See src/sections.rs.

fn main() {
    kemitraan::start(kemitraan::Section::Agreements, kemitraan::AgreementsApp);
}
