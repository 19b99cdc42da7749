#!/usr/bin/env node
// The release build: one wasm binary per section of the site (issue 10),
// each page loading only its own.
//
//   node scripts/build.mjs            (make build; tools from scripts/setup.sh)
//
// 1. `cargo build` of every section binary at once, so cargo links them in
//    parallel (the fat-LTO link of each is most of a warm build).
// 2. `trunk build` of index.html into dist/: the home section's binary, the
//    styles, favicon, config.json, the sample data and the docs.
// 3. `trunk build` of a one-line page per other section into build/sections/
//    (wasm-bindgen, wasm-opt -Oz, hashed names, integrity hashes), whose
//    .js and .wasm are copied into dist/.
// 4. scripts/prerender.mjs: the static first paint of each page, loading its
//    section's binary (SECTION/index.html, SECTION/app.html for deep links).
// 5. scripts/csp.mjs: the Content Security Policy with each page's hashes.
// 6. scripts/precompress.mjs: .br and .gz beside the hashed assets.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SECTIONS } from './sections.mjs';
import { prerender, loaderOf } from './prerender.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(repo, 'dist');
const work = path.join(repo, 'build', 'sections');

// The wasm is built with a pinned nightly (scripts/release-toolchain,
// installed by scripts/setup.sh) that rebuilds std with panics as plain
// aborts and no source locations: no panic message, location or the
// formatting code behind them is left in the binaries (8.8 % less gzip on
// /perjanjian's wasm; ARCHITECTURE.md, "Size"). A panic is then a wasm trap
// with no message; index.html's notice handles it the same. The variables
// reach trunk's own cargo runs too, so they find the binaries built here.
// RUSTFLAGS replaces .cargo/config.toml's wasm flags, so it repeats
// `--cfg erase_components`.
const env = {
  ...process.env,
  RUSTUP_TOOLCHAIN: fs.readFileSync(path.join(repo, 'scripts', 'release-toolchain'), 'utf8').trim(),
  CARGO_UNSTABLE_BUILD_STD: 'std,panic_abort',
  RUSTFLAGS: '--cfg erase_components -Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none',
};

function run(cmd, args) {
  console.log(`build: ${cmd} ${args.join(' ')}`);
  execFileSync(cmd, args, { cwd: repo, stdio: 'inherit', env });
}

const t0 = Date.now();
run('cargo', ['build', '--release', '--offline', '--target', 'wasm32-unknown-unknown', '-p', 'kemitraan', '--bins']);
run('trunk', ['build', '--release', '--offline']);

const loaders = { home: loaderOf(fs.readFileSync(path.join(dist, 'index.html'), 'utf8')) };
fs.mkdirSync(work, { recursive: true });
for (const s of SECTIONS.filter((s) => s.name !== 'home')) {
  const page = path.join(work, `${s.name}.html`);
  const out = path.join(work, s.name);
  fs.writeFileSync(
    page,
    `<!DOCTYPE html>\n<html><head><link data-trunk rel="rust" href="../../Cargo.toml" data-bin="${s.bin}" data-wasm-opt="z" data-keep-debug="false" /></head><body></body></html>\n`,
  );
  run('trunk', ['build', '--release', '--offline', '--dist', out, page]);
  for (const f of fs.readdirSync(out)) {
    if (/\.(js|wasm)$/.test(f)) fs.copyFileSync(path.join(out, f), path.join(dist, f));
  }
  loaders[s.name] = loaderOf(fs.readFileSync(path.join(out, 'index.html'), 'utf8'));
}

prerender(dist, loaders);
run('node', ['scripts/csp.mjs', 'dist']);
run('node', ['scripts/precompress.mjs', 'dist']);
console.log(`build: done in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
