// The sections of the site, one wasm binary each (src/sections.rs maps paths
// to sections the same way: keep the two in step). `dir` is where the
// section's pages go in dist/ ('' for the home section, at the root); `bin`
// is the cargo binary (Cargo.toml [[bin]]).
export const SECTIONS = [
  { name: 'home', dir: '', bin: 'kemitraan' },
  { name: 'presentasi', dir: 'presentasi', bin: 'presentasi' },
  { name: 'mitra', dir: 'mitra', bin: 'mitra' },
  { name: 'perjanjian', dir: 'perjanjian', bin: 'perjanjian' },
  { name: 'simulasi', dir: 'simulasi', bin: 'simulasi' },
  { name: 'tentang', dir: 'tentang', bin: 'tentang' },
];
