#!/usr/bin/env bash
# Builds the engine's wasm for bench/search/run.mjs into bench/out/pkg:
# cargo (release profile, opt-level "z" like the app) + wasm-bindgen --target
# web + wasm-opt -Oz (binaryen 132 from npm), as trunk does for the app.
set -euo pipefail
cd "$(dirname "$0")/../.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
target="${CARGO_TARGET_DIR:-$PWD/target}"
cargo build --release --target wasm32-unknown-unknown -p kemitraan-bench-search
mkdir -p bench/out/pkg
wasm-bindgen --target web --no-typescript --out-dir bench/out/pkg \
  "$target/wasm32-unknown-unknown/release/kemitraan_bench_search.wasm"
if command -v wasm-opt >/dev/null 2>&1; then
  wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals \
    bench/out/pkg/kemitraan_bench_search_bg.wasm -o bench/out/pkg/kemitraan_bench_search_bg.wasm
fi
ls -l bench/out/pkg
