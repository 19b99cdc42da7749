//! The binary of one section of the site: /simulasi. See src/sections.rs.

fn main() {
    kemitraan::start(kemitraan::Section::Simulator, kemitraan::SimulatorApp);
}
