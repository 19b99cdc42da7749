#!/usr/bin/env bash
# Installs everything the build and the tests need on a fresh machine.
# Idempotent: every step checks first and skips what is already there.
# Never downloads a browser or a prebuilt tool binary: only Rust's toolchains
# (rustup), crates.io, Debian packages and the npm registry (see
# ../shared/toolchain.md).
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
# Must equal the wasm-bindgen crate pinned in Cargo.toml / Cargo.lock.
WASM_BINDGEN_VERSION=0.2.130

log() { printf '[setup] %s\n' "$*"; }
export PATH="$HOME/.cargo/bin:$PATH"

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  log "adding rust target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

# `make lint` needs rustfmt and clippy (a minimal rustup profile lacks them).
for component in rustfmt clippy; do
  if ! rustup component list --installed | grep -q "^$component"; then
    log "adding rust component $component"
    rustup component add "$component"
  fi
done

# The release wasm is built with a pinned nightly (scripts/build.mjs): it
# rebuilds std with panics as plain aborts (-Zbuild-std, -Cpanic=immediate-abort),
# which drops the panic messages and formatting code from every binary.
# Native code, tests and clippy stay on stable.
RELEASE_TOOLCHAIN=$(cat scripts/release-toolchain)
if ! rustup component list --toolchain "$RELEASE_TOOLCHAIN" --installed 2>/dev/null | grep -q '^rust-src'; then
  log "installing rust $RELEASE_TOOLCHAIN with rust-src (for the release wasm)"
  rustup toolchain install "$RELEASE_TOOLCHAIN" --profile minimal --component rust-src
fi

if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  log "installing Debian chromium and chromium-driver"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium chromium-driver fonts-dejavu-core >/dev/null
fi

if ! trunk --version 2>/dev/null | grep -q "$TRUNK_VERSION"; then
  log "installing trunk $TRUNK_VERSION (compiles; 5-15 minutes)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

if ! wasm-bindgen --version 2>/dev/null | grep -q "$WASM_BINDGEN_VERSION"; then
  # Not --locked: its lock file names a crate version the registry lacks.
  log "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (compiles)"
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

# npm: wasm-opt (binaryen 132; Debian's 108 breaks Leptos builds), Playwright
# core driving Debian's chromium, axe-core. From the committed lock file.
if [ ! -x node_modules/.bin/wasm-opt ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  log "installing npm dev dependencies from package-lock.json"
  npm ci --no-audit --no-fund
fi

log "fetching crates for offline builds"
cargo fetch --quiet
# The crates std itself depends on, for -Zbuild-std --offline.
cargo "+$RELEASE_TOOLCHAIN" fetch --quiet \
  --manifest-path "$(rustc "+$RELEASE_TOOLCHAIN" --print sysroot)/lib/rustlib/src/rust/library/Cargo.toml"

log "done"
